"""Compare: one topic's column headers (count and share per group: author, outlet, article or a field's value)
and their claims in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from perspectives.measures.groups import ARTICLE, AUTHOR, OUTLET, claim_speakers
from perspectives.measures.selection import Tables, isin, placed_rows, with_articles, with_group
from perspectives.measures.sources import claim_sources


def compare_headers(tables: Tables, topic: str, *, by: str = AUTHOR) -> pd.DataFrame:
    """One row per column of the Compare view: group, heading, subheading, claims, total, share.

    Every group in the selection gets a row, even with no claims on the topic, because saying nothing on a
    topic is itself a finding. The subheading says what the group holds: an article's author, outlet and
    date; an author's outlets and articles; an outlet's or a field value's authors and articles.
    """
    articles = with_group(tables["articles"], by)
    # The topic's rows first, then their groups: joining every placement to its group cost more than the rest.
    placed = placed_rows(tables)
    on_topic = with_articles(placed.loc[placed["topic"] == topic, ["claim_id", "article_id"]], articles, ["group"])
    counts = on_topic.groupby("group")["claim_id"].nunique()
    groups = articles.groupby("group", sort=False).agg(
        total=("n_claims", "sum"), n_articles=("article_id", "nunique"), date=("date", "first"))
    groups["authors"] = _distinct_per_group(articles, "author_label", groups.index)
    groups["outlets"] = _distinct_per_group(articles[articles["outlet"].notna()], "outlet", groups.index)
    groups["claims"] = counts.reindex(groups.index, fill_value=0).astype("int64")
    groups["share"] = (groups["claims"] / groups["total"].where(groups["total"] > 0)).fillna(0.0)
    groups["heading"] = groups.index
    groups["subheading"] = [_subheading(by, row) for row in groups.to_dict("records")]
    groups = groups.sort_values(["claims", "heading"], ascending=[False, True], kind="stable")
    groups = groups.rename_axis("group").reset_index()
    return groups[["group", "heading", "subheading", "claims", "total", "share"]]


def _distinct_per_group(articles: pd.DataFrame, column: str, groups: pd.Index) -> list[list[str]]:
    """Per group in ``groups``, the distinct values of ``column`` among its articles in the order they first occur.

    One pass over the distinct pairs: a Python aggregate per group took most of a second with 5,000 articles.
    """
    pairs = articles[["group", column]].drop_duplicates()
    found: dict[str, list[str]] = {}
    for group, value in zip(pairs["group"].tolist(), pairs[column].tolist(), strict=True):
        found.setdefault(group, []).append(value)
    return [found.get(group, []) for group in groups]


def _subheading(by: str, row: Mapping[str, Any]) -> str:
    n = int(row["n_articles"])
    count = f"{n} articles" if n > 1 else "1 article"
    authors, outlets = list(row["authors"]), list(row["outlets"])
    if by == ARTICLE:
        date = row["date"]
        return " · ".join(str(v) for v in (*authors, *outlets, date) if isinstance(v, str) and v)
    if by == AUTHOR:
        return " · ".join([*outlets[:2], count]) if outlets else count
    people = ", ".join(authors[:3]) + (f" and {len(authors) - 3} more" if len(authors) > 3 else "")
    if by == OUTLET:
        return f"{count} · {people}"
    return " · ".join([count, ", ".join(outlets[:3])]) if outlets else count


def compare_claims(tables: Tables, topic: str, *, by: str = AUTHOR, groups: Sequence[str] | None = None,
                   per_group: int | None = None) -> pd.DataFrame:
    """The claims on one topic, each with its group, article, voice, its speaker when reported, sources,
    position, ``context`` (what placed it in the topic by context; null when its own words did) and the other
    topics it is in, in article order.

    ``groups`` keeps only those groups and ``per_group`` only each group's first claims: the Compare view
    shows a dozen columns of a hundred-odd claims, and looking up the sources of the rest (tens of
    thousands on a big topic) is most of the cost.
    """
    placed = tables["claim_topics"].loc[tables["claim_topics"]["topic"] == topic, ["claim_id", "position", "context"]]
    claims = tables["claims"]
    on_topic = isin(claims["claim_id"], placed["claim_id"]).to_numpy()
    # Ordered and cut on the columns that decide it, the claims' text and the rest taken for the kept rows only:
    # joining and sorting every claim of the topic with its text cost more than the rest of the measure.
    kept = claims.loc[on_topic, ["article_id", "position_in_article"]].assign(row=np.flatnonzero(on_topic))
    kept = with_articles(kept, with_group(tables["articles"], by), ["group", "display_title", "published"])
    if groups is not None:
        kept = kept[isin(kept["group"], groups)]
    kept = kept.sort_values(["group", "published", "article_id", "position_in_article"], na_position="last",
                            kind="stable")
    if per_group is not None:
        kept = kept.groupby("group", sort=False).head(per_group)
    kept = kept.reset_index(drop=True)
    claims = claims.iloc[kept["row"].to_numpy()].reset_index(drop=True).assign(
        group=kept["group"], display_title=kept["display_title"])
    claims = claims.merge(placed.drop_duplicates("claim_id"), on="claim_id", how="left")
    citations = tables["citations"]
    cited = citations[isin(citations["claim_id"], claims["claim_id"])]
    sources, speakers = claim_sources(cited), claim_speakers(cited)
    others = tables["claim_topics"][isin(tables["claim_topics"]["claim_id"], claims["claim_id"])]
    others = others[others["topic"] != topic].groupby("claim_id")["topic"].agg(tuple)
    claims["sources"] = [sources.get(cid, ()) for cid in claims["claim_id"]]
    claims["speaker"] = [speakers.get(cid) if voice == "attributed" else None
                         for cid, voice in zip(claims["claim_id"], claims["voice"], strict=True)]
    claims["topics"] = [(topic, *others.get(cid, ())) for cid in claims["claim_id"]]
    return claims[["group", "claim_id", "article_id", "display_title", "position_in_article", "text",
                   "voice", "quote", "speaker", "sources", "position", "context", "topics"]].reset_index(drop=True)
