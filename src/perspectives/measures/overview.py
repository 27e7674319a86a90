"""Overview: headline counts, topic coverage per group (author, outlet, article or a field's value), dominant
positions (own voice only, reported stances apart with their speakers) and blind spots."""

from __future__ import annotations

import pandas as pd

from perspectives.measures.groups import AUTHOR, UNNAMED, claim_speakers
from perspectives.measures.selection import Tables, isin, placed_claims, placed_rows, with_articles, with_group

TIE = "tie"


def headline(tables: Tables) -> dict[str, int]:
    """Headline counts: articles, authors, outlets, claims placed in a topic, distinct sources cited."""
    outlets = tables["articles"]["outlet"].dropna()
    return {
        "articles": len(tables["articles"]),
        "authors": tables["articles"]["author_label"].nunique(),
        "outlets": outlets[outlets.str.strip() != ""].nunique(),
        "claims placed": tables["claim_topics"]["claim_id"].nunique(),
        "sources": tables["citations"]["source"].nunique(),
    }


def coverage(tables: Tables, topics: pd.DataFrame, *, by: str = AUTHOR) -> pd.DataFrame:
    """Every group x topic: claims on the topic, the group's claims in all, and the share.

    The share's denominator is the group's whole text (``n_claims``), so a topic filter does not
    inflate it; a group with no claims on a topic gets an explicit zero row.
    """
    counts = placed_claims(tables, by).groupby(["group", "topic"])["claim_id"].nunique()
    totals = with_group(tables["articles"], by).groupby("group")["n_claims"].sum()
    grid = pd.MultiIndex.from_product([totals.index, topics["topic"]], names=["group", "topic"])
    frame = counts.reindex(grid, fill_value=0).rename("claims").reset_index()
    frame["total"] = frame["group"].map(totals).astype("int64")
    frame["share"] = (frame["claims"] / frame["total"].where(frame["total"] > 0)).fillna(0.0)
    frame = frame.merge(topics[["topic", "label"]], on="topic")
    return frame[["topic", "label", "group", "claims", "total", "share"]]


def top_groups(coverage_frame: pd.DataFrame, limit: int) -> list[str]:
    """The groups with the most placed claims, most first, at most ``limit``."""
    ranked = coverage_frame.groupby("group")["claims"].sum().sort_values(ascending=False, kind="stable")
    return list(ranked.index[:limit])


def top_topics(coverage_frame: pd.DataFrame, limit: int) -> list[str]:
    """The topics with the most placed claims, most first, at most ``limit``."""
    ranked = coverage_frame.groupby("topic", sort=False)["claims"].sum().sort_values(ascending=False, kind="stable")
    return list(ranked.index[:limit])


def topics_per_article(tables: Tables, topics: pd.DataFrame) -> pd.DataFrame:
    """Claims per topic per article: article_id, article (title), author, topic, label, claims."""
    placed = placed_claims(tables)
    counts = (placed.groupby(["article_id", "display_title", "author_label", "topic"])["claim_id"].nunique()
              .rename("claims").reset_index())
    counts = counts.merge(topics[["topic", "label"]], on="topic")
    return counts.rename(columns={"display_title": "article", "author_label": "author"})


def dominant_positions(tables: Tables, topics: pd.DataFrame, *, by: str = AUTHOR) -> pd.DataFrame:
    """Per group and topic it covers: claims, own claims taking a position, every own position's count, the
    dominant one (missing when no own claim takes a position; ``TIE`` when the top positions tie), and the
    stances it only reports (``reported``: "speaker: position id" -> count).

    Only own-voice claims make a group's position: quoting a minister is not holding the minister's view.
    The Overview's positions chart reads it, so one glance tells who leans which way on what.
    """
    placed = with_articles(placed_rows(tables)[["claim_id", "topic", "position", "article_id", "voice"]],
                           with_group(tables["articles"], by), ["group"])
    keys = ["group", "topic"]
    claims = placed.groupby(keys, sort=True)["claim_id"].nunique()
    taking = placed[placed["position"].notna()]
    own = taking[taking["voice"] != "attributed"]
    # Counted in one groupby rather than a value_counts per group and topic (seconds at 5,000 articles);
    # sort=False plus a stable sort keeps value_counts' order: most first, ties in order of appearance.
    counts = (own.groupby([*keys, "position"], sort=False).size()
              .rename("n").reset_index().sort_values("n", ascending=False, kind="stable"))
    mixes: dict[tuple[str, str], dict[str, int]] = {}
    for group, topic, position, n in zip(counts["group"].tolist(), counts["topic"].tolist(),
                                         counts["position"].tolist(), counts["n"].tolist(), strict=True):
        mixes.setdefault((group, topic), {})[str(position)] = int(n)
    reported = _reported(tables, taking[taking["voice"] == "attributed"])
    rows = []
    for (group, topic), n_claims in claims.items():
        mix = mixes.get((group, topic), {})
        top = [p for p, n in mix.items() if n == max(mix.values())]
        rows.append({"group": group, "topic": topic, "claims": int(n_claims), "positioned": sum(mix.values()),
                     "mix": mix, "dominant": None if not top else top[0] if len(top) == 1 else TIE,
                     "reported": reported.get((group, topic), {})})
    frame = pd.DataFrame(rows, columns=["group", "topic", "claims", "positioned", "mix", "dominant", "reported"])
    return frame.merge(topics[["topic", "label"]], on="topic")


def _reported(tables: Tables, taking: pd.DataFrame) -> dict[tuple[str, str], dict[tuple[str, str], int]]:
    """Per group and topic, how often each (speaker, position id) stance is reported, in the order each first
    occurs."""
    speakers = claim_speakers(tables["citations"][isin(tables["citations"]["claim_id"], taking["claim_id"])])
    # Counted in one groupby, not a dictionary update per reported claim (tens of thousands at 5,000 articles);
    # sort=False keeps the stances in the order they first occur.
    stances = pd.DataFrame({"group": taking["group"].to_numpy(), "topic": taking["topic"].to_numpy(),
                            "speaker": [speakers.get(cid, UNNAMED) for cid in taking["claim_id"].tolist()],
                            "position": taking["position"].to_numpy()})
    counts = stances.groupby(["group", "topic", "speaker", "position"], sort=False).size()
    found: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    for (group, topic, speaker, position), n in counts.items():
        found.setdefault((group, topic), {})[(speaker, str(position))] = int(n)
    return found


def blind_spots(tables: Tables, topics: list[str], *, by: str = AUTHOR) -> pd.DataFrame:
    """Topics a group never covers, or covers without citing any source.

    One groupby over the placed claims, not a scan of them per group and topic: at 5,000 articles the
    scans took seconds.
    """
    articles = with_group(tables["articles"], by)
    groups = sorted(articles["group"].unique())
    placed = with_articles(placed_rows(tables)[["claim_id", "topic", "article_id"]], articles, ["group"])
    placed = placed.assign(cited=isin(placed["claim_id"], tables["citations"]["claim_id"]))
    stats = placed.groupby(["group", "topic"]).agg(claims=("claim_id", "size"), cited=("cited", "any"))
    grid = pd.MultiIndex.from_product([groups, topics], names=["group", "topic"])
    stats = stats.reindex(grid)
    rows = []
    for (group, topic), claims, cited in zip(stats.index, stats["claims"], stats["cited"], strict=True):
        if pd.isna(claims):
            rows.append({"group": group, "topic": topic, "gap": "never covers it"})
        elif not cited:
            count = f"{int(claims)} claim{'s' if claims != 1 else ''}"
            rows.append({"group": group, "topic": topic, "gap": f"{count}, no source cited"})
    return pd.DataFrame(rows, columns=["group", "topic", "gap"])
