"""Compare: one topic's column headers (count and share per author or article) and their claims in order."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from perspectives.measures.selection import Tables, isin, placed_claims
from perspectives.measures.sources import claim_sources


def compare_headers(tables: Tables, topic: str, *, by_article: bool) -> pd.DataFrame:
    """One row per column of the Compare view: group, heading, subheading, claims, total, share.

    Every author (or article) in the selection gets a row, even with no claims on the topic,
    because saying nothing on a topic is itself a finding.
    """
    articles = tables["articles"]
    on_topic = placed_claims(tables)
    on_topic = on_topic[on_topic["topic"] == topic]
    key = "article_id" if by_article else "author_label"
    counts = on_topic.groupby(key)["claim_id"].nunique()
    groups = articles.groupby(key, sort=False).agg(
        total=("n_claims", "sum"), first=("published", "min"), n_articles=("article_id", "nunique"),
        heading=("display_title" if by_article else "author_label", "first"),
        subheading=("author_label" if by_article else "outlet", "first"))
    groups["claims"] = counts.reindex(groups.index, fill_value=0).astype("int64")
    groups["share"] = (groups["claims"] / groups["total"].where(groups["total"] > 0)).fillna(0.0)
    if not by_article:
        groups["subheading"] = [f"{n} articles" if n > 1 else "1 article" for n in groups["n_articles"]]
    groups = groups.sort_values(["claims", "heading"], ascending=[False, True], kind="stable")
    groups = groups.rename_axis("group").reset_index()
    return groups[["group", "heading", "subheading", "claims", "total", "share"]]


def compare_claims(tables: Tables, topic: str, *, by_article: bool, groups: Sequence[str] | None = None,
                   per_group: int | None = None) -> pd.DataFrame:
    """The claims on one topic, each with its group, article, voice, sources, position and ``context`` (what
    placed it in the topic by context; null when its own words did), in article order.

    ``groups`` keeps only those groups and ``per_group`` only each group's first claims: the Compare view
    shows a dozen columns of a hundred-odd claims, and looking up the sources of the rest (tens of
    thousands on a big topic) is most of the cost.
    """
    placed = tables["claim_topics"].loc[tables["claim_topics"]["topic"] == topic, ["claim_id", "position", "context"]]
    claims = tables["claims"][isin(tables["claims"]["claim_id"], placed["claim_id"])]
    claims = claims.merge(tables["articles"][["article_id", "author_label", "display_title", "published"]],
                          on="article_id").merge(placed.drop_duplicates("claim_id"), on="claim_id", how="left")
    claims["group"] = claims["article_id"] if by_article else claims["author_label"]
    if groups is not None:
        claims = claims[isin(claims["group"], groups)]
    claims = claims.sort_values(["group", "published", "article_id", "position_in_article"],
                                na_position="last", kind="stable")
    if per_group is not None:
        claims = claims.groupby("group", sort=False).head(per_group)
    citations = tables["citations"]
    sources = claim_sources(citations[isin(citations["claim_id"], claims["claim_id"])])
    claims["sources"] = [sources.get(cid, ()) for cid in claims["claim_id"]]
    return claims[["group", "claim_id", "article_id", "display_title", "position_in_article", "text",
                   "voice", "quote", "sources", "position", "context"]].reset_index(drop=True)
