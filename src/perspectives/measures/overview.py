"""Overview: headline counts, topic coverage per author, dominant positions and blind spots."""

from __future__ import annotations

import pandas as pd

from perspectives.measures.selection import Tables, isin, placed_claims

TIE = "tie"


def headline(tables: Tables) -> dict[str, int]:
    """Headline counts: articles, authors, claims placed in a topic, distinct sources cited."""
    return {
        "articles": len(tables["articles"]),
        "authors": tables["articles"]["author_label"].nunique(),
        "claims placed": tables["claim_topics"]["claim_id"].nunique(),
        "sources": tables["citations"]["source"].nunique(),
    }


def coverage(tables: Tables, topics: pd.DataFrame) -> pd.DataFrame:
    """Every author x topic: claims on the topic, the author's claims in all, and the share.

    The share's denominator is the author's whole text (``n_claims``), so a topic filter does not
    inflate it; an author with no claims on a topic gets an explicit zero row.
    """
    counts = placed_claims(tables).groupby(["author_label", "topic"])["claim_id"].nunique()
    totals = tables["articles"].groupby("author_label")["n_claims"].sum()
    grid = pd.MultiIndex.from_product([totals.index, topics["topic"]], names=["author_label", "topic"])
    frame = counts.reindex(grid, fill_value=0).rename("claims").reset_index()
    frame["total"] = frame["author_label"].map(totals).astype("int64")
    frame["share"] = (frame["claims"] / frame["total"].where(frame["total"] > 0)).fillna(0.0)
    frame = frame.merge(topics[["topic", "label"]], on="topic")
    frame = frame.rename(columns={"author_label": "author"})
    return frame[["topic", "label", "author", "claims", "total", "share"]]


def top_authors(coverage_frame: pd.DataFrame, limit: int) -> list[str]:
    """The authors with the most placed claims, most first, at most ``limit``."""
    ranked = coverage_frame.groupby("author")["claims"].sum().sort_values(ascending=False, kind="stable")
    return list(ranked.index[:limit])


def topics_per_article(tables: Tables, topics: pd.DataFrame) -> pd.DataFrame:
    """Claims per topic per article: article_id, article (title), author, topic, label, claims."""
    placed = placed_claims(tables)
    counts = (placed.groupby(["article_id", "display_title", "author_label", "topic"])["claim_id"].nunique()
              .rename("claims").reset_index())
    counts = counts.merge(topics[["topic", "label"]], on="topic")
    return counts.rename(columns={"display_title": "article", "author_label": "author"})


def dominant_positions(tables: Tables, topics: pd.DataFrame) -> pd.DataFrame:
    """Per author and topic they cover: claims, claims taking a position, every position's count and the
    dominant one (missing when no claim takes a position; ``TIE`` when the top positions tie).

    The Overview's positions chart reads it, so one glance tells who leans which way on what.
    """
    placed = tables["claim_topics"][["claim_id", "topic", "position"]].merge(
        tables["claims"][["claim_id", "article_id"]], on="claim_id").merge(
        tables["articles"][["article_id", "author_label"]], on="article_id")
    keys = ["author_label", "topic"]
    claims = placed.groupby(keys, sort=True)["claim_id"].nunique()
    # Counted in one groupby rather than a value_counts per author and topic (seconds at 5,000 articles);
    # sort=False plus a stable sort keeps value_counts' order: most first, ties in order of appearance.
    counts = (placed[placed["position"].notna()].groupby([*keys, "position"], sort=False).size()
              .rename("n").reset_index().sort_values("n", ascending=False, kind="stable"))
    mixes: dict[tuple[str, str], dict[str, int]] = {}
    for author, topic, position, n in zip(counts["author_label"], counts["topic"], counts["position"],
                                          counts["n"], strict=True):
        mixes.setdefault((author, topic), {})[str(position)] = int(n)
    rows = []
    for (author, topic), n_claims in claims.items():
        mix = mixes.get((author, topic), {})
        top = [p for p, n in mix.items() if n == max(mix.values())]
        rows.append({"author": author, "topic": topic, "claims": int(n_claims), "positioned": sum(mix.values()),
                     "mix": mix, "dominant": None if not top else top[0] if len(top) == 1 else TIE})
    frame = pd.DataFrame(rows, columns=["author", "topic", "claims", "positioned", "mix", "dominant"])
    return frame.merge(topics[["topic", "label"]], on="topic")


def blind_spots(tables: Tables, topics: list[str]) -> pd.DataFrame:
    """Topics an author never covers, or covers without citing any source.

    One groupby over the placed claims, not a scan of them per author and topic: at 5,000 articles the
    scans took seconds.
    """
    authors = sorted(tables["articles"]["author_label"].unique())
    placed = tables["claim_topics"][["claim_id", "topic"]].merge(
        tables["claims"][["claim_id", "article_id"]], on="claim_id").merge(
        tables["articles"][["article_id", "author_label"]], on="article_id")
    placed = placed.assign(cited=isin(placed["claim_id"], tables["citations"]["claim_id"]))
    stats = placed.groupby(["author_label", "topic"]).agg(claims=("claim_id", "size"), cited=("cited", "any"))
    grid = pd.MultiIndex.from_product([authors, topics], names=["author_label", "topic"])
    stats = stats.reindex(grid)
    rows = []
    for (author, topic), claims, cited in zip(stats.index, stats["claims"], stats["cited"], strict=True):
        if pd.isna(claims):
            rows.append({"author": author, "topic": topic, "gap": "never covers it"})
        elif not cited:
            count = f"{int(claims)} claim{'s' if claims != 1 else ''}"
            rows.append({"author": author, "topic": topic, "gap": f"{count}, no source cited"})
    return pd.DataFrame(rows, columns=["author", "topic", "gap"])
