"""Contrast: how groups' treatments of one topic differ: positions, voice, certainty, words, disagreements.

A group's position on a topic is what its articles say in their own voice: a claim that reports someone else
(``voice == "attributed"``) states its speaker's stance, never the author's, so it is counted apart and shown
with its holder ("Xi Jinping, quoted by Bob Chen").

Every measure here is a handful of group-bys over the topic's claims, so a filter change recomputes them in a
blink: a group's lists (its positions, its sources) are ranked most frequent first, ties in the order they first
occur, as ``value_counts`` ranks them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from perspectives.measures.groups import AUTHOR, claim_speakers, holders
from perspectives.measures.selection import Tables, index_of, isin, with_articles, with_group
from perspectives.measures.similarity import similarities
from perspectives.measures.vocabulary import log_odds, term_rows

# Distinctive words are counted over at most this many of a topic's claims.
MAX_VOCABULARY_CLAIMS = 20_000
# What the measures read of a claim.
_CLAIM_COLUMNS = ["claim_id", "article_id", "position_in_article", "text", "voice", "certainty"]


def topic_key(topic: str, by: str) -> str:
    """The tables' key under which a caller may keep ``topic_claims(tables, topic, by=by)`` for the measures
    here to start from, instead of each one computing it again."""
    return f"topic_claims:{topic}:{by}"


def topic_claims(tables: Tables, topic: str, *, by: str = AUTHOR) -> pd.DataFrame:
    """The topic's claims with their group, position, voice, certainty and article, and ``holder``: whose
    stance the claim states (the group, or "<speaker>, quoted by <group>" for a reported claim); by group,
    article and place in the article. Tables that keep it already (under ``topic_key``) hand it back as is."""
    kept = tables.get(topic_key(topic, by))
    if kept is not None:
        return kept
    placed = tables["claim_topics"]
    placed = placed.loc[placed["topic"] == topic, ["claim_id", "position", "position_evidence"]]
    claims = tables["claims"]
    claims = claims.loc[isin(claims["claim_id"], placed["claim_id"]), _CLAIM_COLUMNS].merge(placed, on="claim_id")
    articles = with_group(tables["articles"], by)[["article_id", "author_label", "display_title", "group"]]
    articles = articles.sort_values(["group", "article_id"], ignore_index=True)
    frame = with_articles(claims, articles, ["author_label", "display_title", "group"])
    # Sorted by each article's place in (group, article) order, then position: no strings compared per claim.
    rank = index_of(frame["article_id"], articles["article_id"])
    frame = frame.iloc[np.lexsort((frame["position_in_article"].to_numpy(), rank))].reset_index(drop=True)
    citations = tables["citations"]
    speakers = claim_speakers(citations[isin(citations["claim_id"], frame["claim_id"])])
    frame["holder"] = holders(frame, frame["group"], speakers)
    return frame


def contrast_table(tables: Tables, topic: str, *, by: str = AUTHOR, top_terms: int = 5,
                   top_sources: int = 3) -> pd.DataFrame:
    """One row per group: claims, share of their text, the positions its own claims take (``positions``,
    "id n, …"), the stances it reports (``reported``: (holder, position id, n) triples), voice, certainty,
    distinctive terms (none with ``top_terms=0``, for a caller that has them) and top sources on this topic."""
    frame = topic_claims(tables, topic, by=by)
    groups = frame["group"].to_numpy(dtype=object)
    names, starts, sizes = np.unique(groups, return_index=True, return_counts=True)
    per_article = tables["claims"]["article_id"].value_counts()
    articles = with_group(tables["articles"], by)
    # int64 totals: a share is a numpy float, rounded as numpy rounds (half to even on the scaled value).
    totals = (per_article.reindex(articles["article_id"]).fillna(0).astype("int64")
              .groupby(articles["group"].to_numpy()).sum())
    own = (frame["voice"] != "attributed").to_numpy()
    certainty = frame["certainty"].to_numpy(dtype=np.float64)
    known = ~np.isnan(certainty)
    filled = np.where(known, certainty, 0.0)
    positions = _ranked(frame.loc[own, ["group", "position"]].dropna(), "position")
    reported = frame[~own & frame["position"].notna()].groupby(["group", "holder", "position"], sort=True).size()
    stances: dict[str, list[tuple[str, str, int]]] = {}
    for (group, holder, position), n in reported.items():
        stances.setdefault(str(group), []).append((str(holder), str(position), int(n)))
    terms = terms_by_group(distinctive_terms(tables, topic, by=by, top=top_terms)) if top_terms else {}
    cites = tables["citations"].merge(frame[["claim_id", "group"]], on="claim_id")
    sources = _ranked(cites[["group", "source"]].dropna(), "source")
    rows = []
    for group, start, size in zip(names, starts, sizes, strict=True):
        mix = positions.get(group, [])
        end = start + size
        # The sum and count a Series' mean takes, over the group's rows in the same order, so it rounds alike.
        rated = np.count_nonzero(known[start:end])
        mean = np.sum(filled[start:end]) / rated if rated else np.nan
        rows.append({
            "group": group,
            "claims": int(size),
            "share": round(int(size) / totals.get(group, int(size)), 4),
            "positions": ", ".join(f"{p} {n}" for p, n in mix) or "—",
            "dominant_position": mix[0][0] if mix else None,
            "reported": stances.get(group, []),
            "own_share": round(float(np.count_nonzero(own[start:end]) / size), 4),
            "certainty": round(float(mean), 4),
            "terms": ", ".join(terms.get(group, [])) or "—",
            "sources": ", ".join(name for name, _ in sources.get(group, [])[:top_sources]) or "—",
        })
    return pd.DataFrame(rows, columns=["group", "claims", "share", "positions", "dominant_position", "reported",
                                       "own_share", "certainty", "terms", "sources"])


def terms_by_group(terms: pd.DataFrame) -> dict[str, list[str]]:
    """``distinctive_terms``' terms of each group, in order."""
    found: dict[str, list[str]] = {}
    for group, term in zip(terms["group"].tolist(), terms["term"].tolist(), strict=True):
        found.setdefault(group, []).append(term)
    return found


def _ranked(frame: pd.DataFrame, column: str) -> dict[str, list[tuple[str, int]]]:
    """Per group, the values of ``column`` with their counts, most frequent first, ties in the order they first
    occur (as ``value_counts`` ranks them)."""
    counts = frame.groupby(["group", column], sort=False).size().reset_index(name="n")
    counts = counts.sort_values("n", ascending=False, kind="stable")
    ranked: dict[str, list[tuple[str, int]]] = {}
    for group, value, n in zip(counts["group"], counts[column], counts["n"], strict=True):
        ranked.setdefault(str(group), []).append((str(value), int(n)))
    return ranked


def distinctive_terms(tables: Tables, topic: str, *, by: str = AUTHOR, top: int = 8) -> pd.DataFrame:
    """Each group's most distinctive words on the topic against the other groups (log-odds z-scores), with the
    ids of the claims each word comes from.

    The prior is the topic's pooled word counts, and at most MAX_VOCABULARY_CLAIMS claims are counted, so the
    cost follows the topic's size, not the corpus's.
    """
    frame = topic_claims(tables, topic, by=by).head(MAX_VOCABULARY_CLAIMS)
    terms = term_rows(tables, frame)
    names, group_of = np.unique(frame["group"].to_numpy(dtype=object), return_inverse=True)
    size = len(terms.vocabulary)
    owner = group_of[terms.claim]
    keys, inverse = np.unique(owner * size + terms.term, return_inverse=True)
    count = np.bincount(inverse, weights=terms.count)
    group, term = keys // size, keys % size
    pooled = np.bincount(terms.term, weights=terms.count, minlength=size)[term]
    in_group = np.bincount(owner, weights=terms.count, minlength=len(names))[group]
    total = int(terms.count.sum())
    _, z = log_odds(count, pooled - count, pooled, in_group, total - in_group, total)
    best = _best_per_group(group, z, top)
    scored = pd.DataFrame({"group": group[best], "term": terms.words(term[best]), "count": count[best],
                           "z": z[best], "key": keys[best]})
    scored = scored.sort_values(["group", "z", "term"], ascending=[True, False, True]).groupby("group").head(top)
    both = owner * size + terms.term
    mine = np.isin(both, scored["key"].to_numpy())
    where: dict[int, list[str]] = {}
    for key, claim in zip(both[mine].tolist(), frame["claim_id"].to_numpy(dtype=object)[terms.claim[mine]].tolist(),
                          strict=True):
        where.setdefault(key, []).append(claim)
    rows = [{"group": str(names[g]), "term": t, "count": int(n), "z": round(float(v), 3), "claim_ids": where[k]}
            for g, t, n, v, k in zip(scored["group"].tolist(), scored["term"].tolist(), scored["count"].tolist(),
                                     scored["z"].tolist(), scored["key"].tolist(), strict=True)]
    return pd.DataFrame(rows, columns=["group", "term", "count", "z", "claim_ids"])


def _best_per_group(group: np.ndarray, z: np.ndarray, top: int) -> np.ndarray:
    """The rows whose z is among their group's ``top`` highest (all rows tied with the last one included)."""
    order = np.lexsort((-z, group))
    sizes = np.bincount(group)
    starts = np.cumsum(sizes) - sizes
    last = z[order][starts + np.minimum(sizes, top) - 1]  # the top-th highest z of each group
    present = sizes > 0
    threshold = np.full(len(sizes), np.inf)
    threshold[present] = last[present]
    return np.flatnonzero(z >= threshold[group])


# Similarity is computed over at most this many claims of a topic, so a huge corpus stays responsive.
MAX_PAIRING_CLAIMS = 800
_SIDE = ["group", "claim_id", "article_id", "display_title", "position", "text", "holder", "voice"]
_PAIR_COLUMNS = ["similarity", *(f"{c}_a" for c in _SIDE), *(f"{c}_b" for c in _SIDE)]


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
    frame = stance_claims(topic_claims(tables, topic, by=by), include_reported=include_reported)
    if frame.empty:
        return pd.DataFrame(columns=_PAIR_COLUMNS)
    frame, similarity = _pairing(tables, frame)
    groups, positions = _codes(frame["group"]), _codes(frame["position"])
    a, b = np.triu_indices(len(frame), 1)
    differ = (groups[a] != groups[b]) & (positions[a] != positions[b])
    a, b = a[differ], b[differ]
    cues = frame["position_evidence"].fillna("").str.count(";").to_numpy(dtype=np.int64)
    strength = similarity[a, b] + 0.05 * (cues[a] + cues[b] + 2)
    rank = _claim_rank(frame)
    order = np.lexsort((rank[b], rank[a], -strength))
    a, b = a[order], b[order]
    kept = _distinct_pairs(np.minimum(groups[a], groups[b]) * len(frame) + np.maximum(groups[a], groups[b]),
                           a, b, per_pair)[:limit]
    return _pair_rows(frame, a[kept], b[kept], similarity)


def stance_claims(claims: pd.DataFrame, *, include_reported: bool = False) -> pd.DataFrame:
    """The claims of ``topic_claims`` that ``disagreements`` pairs: those taking a position, in their author's
    own voice unless ``include_reported``."""
    taking = claims["position"].notna()
    return claims[taking if include_reported else taking & (claims["voice"] != "attributed")]


def _distinct_pairs(key: np.ndarray, a: np.ndarray, b: np.ndarray, per_pair: int) -> np.ndarray:
    """Which of the ranked pairs (``key`` names a pair's two groups) to keep: the best ones per pair of groups,
    at most ``per_pair`` each, every claim used once per pair of groups; positions in ranked order.

    Picking down the ranking, a pair of groups' k-th pick is its first pair that shares no claim with its
    earlier picks, so the picks are made in ``per_pair`` rounds, each over all pairs of groups at once.
    """
    _, key = np.unique(key, return_inverse=True)
    kept = np.zeros(len(key), dtype=bool)
    open_ = np.ones(len(key), dtype=bool)
    none = len(key)
    for _ in range(per_pair):
        first = np.full(int(key.max(initial=-1)) + 1, none)
        np.minimum.at(first, key[open_], np.flatnonzero(open_))
        picks = first[first < none]
        if not len(picks):
            break
        kept[picks] = True
        pick_a, pick_b = np.full(len(first), -1), np.full(len(first), -1)
        pick_a[key[picks]], pick_b[key[picks]] = a[picks], b[picks]
        mine_a, mine_b = pick_a[key], pick_b[key]
        open_ &= ~((a == mine_a) | (a == mine_b) | (b == mine_a) | (b == mine_b))
    return np.flatnonzero(kept)


def closest_claims(tables: Tables, topic: str, *, by: str = AUTHOR, per_claim: int = 1,
                   min_similarity: float = 0.05) -> pd.DataFrame:
    """For each claim on the topic, the most similar claims of other groups: the same point, side by side."""
    frame = topic_claims(tables, topic, by=by)
    if frame.empty:
        return pd.DataFrame(columns=_PAIR_COLUMNS)
    frame, similarity = _pairing(tables, frame)
    groups, rank = _codes(frame["group"]), _claim_rank(frame)
    score = np.where((groups[:, None] != groups[None, :]) & (similarity >= min_similarity), similarity, -np.inf)
    picks = []
    for _ in range(per_claim):  # each claim's best remaining partner: most similar, then lowest claim id
        best = score.max(axis=1, initial=-np.inf)
        partner = np.where(score == best[:, None], rank[None, :], len(frame)).argmin(axis=1)
        found = np.flatnonzero(best > -np.inf)
        picks.append(np.stack([rank[found], found, partner[found]]))
        score[found, partner[found]] = -np.inf
    order = np.concatenate(picks, axis=1)
    order = order[:, np.lexsort((np.arange(order.shape[1]), order[0]))]
    return _pair_rows(frame, order[1], order[2], similarity)


def _pairing(tables: Tables, frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """At most MAX_PAIRING_CLAIMS claims of ``frame``, in its order, and the similarity of each pair of them.

    A larger topic gives every group its turn: each group's first claims are taken before any group's later
    ones. The first claims in order would all be the first groups' (by outlet at 5,000 articles, one outlet's),
    leaving nothing to pair across groups.
    """
    if len(frame) > MAX_PAIRING_CLAIMS:
        turn = frame.groupby("group", sort=False).cumcount().to_numpy()
        frame = frame.iloc[np.sort(np.lexsort((np.arange(len(frame)), turn))[:MAX_PAIRING_CLAIMS])]
    frame = frame.reset_index(drop=True)
    return frame, similarities(term_rows(tables, frame), len(frame))


def _codes(values: pd.Series) -> np.ndarray:
    """Values as integer codes, equal where the values are equal."""
    codes: np.ndarray = pd.factorize(values)[0]
    return codes


def _claim_rank(frame: pd.DataFrame) -> np.ndarray:
    """Each claim's place in claim id order."""
    rank = np.empty(len(frame), dtype=np.int64)
    rank[np.argsort(frame["claim_id"].to_numpy(dtype=object), kind="stable")] = np.arange(len(frame))
    return rank


def _pair_rows(frame: pd.DataFrame, a: np.ndarray, b: np.ndarray, similarity: np.ndarray) -> pd.DataFrame:
    """One row per pair (rows ``a`` and ``b`` of ``frame``): the similarity, then each side's columns."""
    sides = [frame[_SIDE].iloc[rows].add_suffix(suffix).reset_index(drop=True) for rows, suffix in
             ((a, "_a"), (b, "_b"))]
    return pd.concat([pd.DataFrame({"similarity": similarity[a, b]}), *sides], axis=1)
