"""Contrast: how groups' treatments of one topic differ: positions, voice, certainty, words, disagreements.

A group's position on a topic is what its articles say in their own voice: a claim that reports someone else
(``voice == "attributed"``) states its speaker's stance, never the author's, so it is counted apart and shown
with its holder ("Xi Jinping, quoted by Bob Chen").
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from perspectives.measures.groups import AUTHOR, claim_speakers, holders
from perspectives.measures.selection import Tables, isin, with_group
from perspectives.measures.vocabulary import cosine, log_odds, tfidf_vectors, tokens

# Similarity is computed over at most this many claims of a topic, so a huge corpus stays responsive.
MAX_PAIRING_CLAIMS = 800
# Distinctive words are counted over at most this many of a topic's claims.
MAX_VOCABULARY_CLAIMS = 20_000


def topic_claims(tables: Tables, topic: str, *, by: str = AUTHOR) -> pd.DataFrame:
    """The topic's claims with their group, position, voice, certainty and article, and ``holder``: whose
    stance the claim states (the group, or "<speaker>, quoted by <group>" for a reported claim)."""
    placed = tables["claim_topics"][tables["claim_topics"]["topic"] == topic][
        ["claim_id", "position", "position_evidence"]]
    claims = tables["claims"].merge(placed, on="claim_id")
    articles = with_group(tables["articles"], by)[["article_id", "author_label", "display_title", "group"]]
    frame = claims.merge(articles, on="article_id")
    citations = tables["citations"]
    speakers = claim_speakers(citations[isin(citations["claim_id"], frame["claim_id"])])
    frame["holder"] = holders(frame, frame["group"], speakers)
    return frame.sort_values(["group", "article_id", "position_in_article"], ignore_index=True)


def contrast_table(tables: Tables, topic: str, *, by: str = AUTHOR, top_terms: int = 5,
                   top_sources: int = 3) -> pd.DataFrame:
    """One row per group: claims, share of their text, the positions its own claims take (``positions``,
    "id n, …"), the stances it reports (``reported``: (holder, position id, n) triples), voice, certainty,
    distinctive terms and top sources on this topic."""
    frame = topic_claims(tables, topic, by=by)
    articles = with_group(tables["articles"], by)[["article_id", "group"]]
    totals = tables["claims"].merge(articles, on="article_id").groupby("group").size()
    terms = distinctive_terms(tables, topic, by=by, top=top_terms)
    cites = tables["citations"].merge(frame[["claim_id", "group"]], on="claim_id")
    rows = []
    for group, claims in frame.groupby("group", sort=True):
        own = claims["voice"] != "attributed"
        positions = claims.loc[own, "position"].dropna().value_counts()
        reported = claims[~own & claims["position"].notna()].groupby(["holder", "position"], sort=True).size()
        group_cites = cites[cites["group"] == group]["source"].value_counts().head(top_sources)
        rows.append({
            "group": group,
            "claims": len(claims),
            "share": round(len(claims) / totals.get(group, len(claims)), 4),
            "positions": ", ".join(f"{p} {n}" for p, n in positions.items()) or "—",
            "dominant_position": positions.index[0] if len(positions) else None,
            "reported": [(str(h), str(p), int(n)) for (h, p), n in reported.items()],
            "own_share": round(float(own.mean()), 4),
            "certainty": round(float(claims["certainty"].mean()), 4),
            "terms": ", ".join(terms[terms["group"] == group]["term"]) or "—",
            "sources": ", ".join(group_cites.index) or "—",
        })
    return pd.DataFrame(rows, columns=["group", "claims", "share", "positions", "dominant_position", "reported",
                                       "own_share", "certainty", "terms", "sources"])


def distinctive_terms(tables: Tables, topic: str, *, by: str = AUTHOR, top: int = 8) -> pd.DataFrame:
    """Each author's most distinctive words on the topic against the other authors (log-odds z-scores),
    with the ids of the claims each word comes from.

    The prior is the topic's pooled word counts, and at most MAX_VOCABULARY_CLAIMS claims are counted, so
    the cost follows the topic's size, not the corpus's; each claim is tokenised once.
    """
    frame = topic_claims(tables, topic, by=by).head(MAX_VOCABULARY_CLAIMS)
    counts: dict[str, Counter[str]] = {}
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for group, claim_id, text in zip(frame["group"], frame["claim_id"], frame["text"], strict=True):
        words = tokens(text)
        counts.setdefault(group, Counter()).update(words)
        for term in dict.fromkeys(words):
            where[(group, term)].append(claim_id)
    pooled: Counter[str] = Counter()
    for focus in counts.values():
        pooled.update(focus)
    rows = []
    for group in sorted(counts):
        focus = counts[group]
        scored = log_odds(focus, pooled - focus, pooled).head(top)
        for term, count, z in zip(scored["term"], scored["count"], scored["z"], strict=True):
            rows.append({"group": group, "term": term, "count": int(count), "z": round(float(z), 3),
                         "claim_ids": where[(group, term)]})
    return pd.DataFrame(rows, columns=["group", "term", "count", "z", "claim_ids"])


def _pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """Every pair of claims from different groups, with their TF-IDF cosine similarity."""
    frame = frame.head(MAX_PAIRING_CLAIMS).reset_index(drop=True)
    vectors = tfidf_vectors(list(frame["text"]))
    groups = list(frame["group"])
    rows = [(i, j, cosine(vectors[i], vectors[j])) for i in range(len(frame)) for j in range(i + 1, len(frame))
            if groups[i] != groups[j]]
    pairs = pd.DataFrame(rows, columns=["i", "j", "similarity"])
    left = frame.add_suffix("_a").rename(columns={"index_a": "i"})
    right = frame.add_suffix("_b")
    return pairs.merge(left, left_on="i", right_index=True).merge(right, left_on="j", right_index=True)


_PAIR_COLUMNS = ["similarity", "group_a", "claim_id_a", "article_id_a", "display_title_a", "position_a", "text_a",
                 "holder_a", "voice_a", "group_b", "claim_id_b", "article_id_b", "display_title_b", "position_b",
                 "text_b", "holder_b", "voice_b"]


def disagreements(tables: Tables, topic: str, *, by: str = AUTHOR, include_reported: bool = False,
                  per_pair: int = 3, limit: int = 30) -> pd.DataFrame:
    """Pairs of claims from different groups taking different positions on the topic, each side with its
    ``holder`` (whose stance it is).

    Only own-voice claims by default: a quote of a minister in one outlet against a quote of an ambassador in
    another is not the outlets disagreeing. ``include_reported`` adds reported stances, held by their speakers.
    Pairs are ranked by how alike the two claims are plus how clearly each states its position (its
    number of position cues), and each pair of groups gets at most ``per_pair`` rows, so one prolific
    group cannot crowd out the others.
    """
    frame = topic_claims(tables, topic, by=by)
    frame = frame[frame["position"].notna()]
    if not include_reported:
        frame = frame[frame["voice"] != "attributed"]
    if frame.empty:
        return pd.DataFrame(columns=_PAIR_COLUMNS)
    pairs = _pairs(frame)
    pairs = pairs[pairs["position_a"] != pairs["position_b"]].copy()
    cues = pairs["position_evidence_a"].fillna("").str.count(";") + pairs["position_evidence_b"].fillna(
        "").str.count(";") + 2
    pairs["strength"] = pairs["similarity"] + 0.05 * cues
    pairs["authors"] = [" | ".join(sorted(p)) for p in zip(pairs["group_a"], pairs["group_b"], strict=True)]
    pairs = pairs.sort_values(["strength", "claim_id_a", "claim_id_b"], ascending=[False, True, True])
    return pairs.loc[_distinct_pairs(pairs, per_pair), _PAIR_COLUMNS].head(limit).reset_index(drop=True)


def _distinct_pairs(pairs: pd.DataFrame, per_pair: int) -> list[int]:
    """Index of the best pairs per pair of authors, each claim used once per pair of authors."""
    used: dict[str, set[str]] = {}
    taken: Counter[str] = Counter()
    keep = []
    for index, authors, a, b in zip(pairs.index, pairs["authors"], pairs["claim_id_a"], pairs["claim_id_b"],
                                    strict=True):
        seen = used.setdefault(authors, set())
        if taken[authors] < per_pair and a not in seen and b not in seen:
            keep.append(index)
            seen.update((a, b))
            taken[authors] += 1
    return keep


def closest_claims(tables: Tables, topic: str, *, by: str = AUTHOR, per_claim: int = 1,
                   min_similarity: float = 0.05) -> pd.DataFrame:
    """For each claim on the topic, the most similar claims of other authors: the same point, side by side."""
    frame = topic_claims(tables, topic, by=by)
    if frame.empty:
        return pd.DataFrame(columns=_PAIR_COLUMNS)
    pairs = _pairs(frame)
    both = pd.concat([pairs, _swap(pairs)], ignore_index=True)
    both = both[both["similarity"] >= min_similarity]
    both = both.sort_values(["claim_id_a", "similarity", "claim_id_b"], ascending=[True, False, True])
    return both.groupby("claim_id_a", sort=False).head(per_claim)[_PAIR_COLUMNS].reset_index(drop=True)


def _swap(pairs: pd.DataFrame) -> pd.DataFrame:
    renamed = {c: c[:-2] + ("_b" if c.endswith("_a") else "_a") for c in pairs.columns if c.endswith(("_a", "_b"))}
    return pairs.rename(columns=renamed)
