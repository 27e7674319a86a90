"""Article: one article cut into plain runs and highlighted claims, and its topic profile."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from perspectives.measures.selection import Tables, isin
from perspectives.measures.sources import claim_sources


class Segment(NamedTuple):
    """A run of article text: plain (no claim) or one claim with its topics, cited sources and the
    positions it takes, as ``(topic, position)`` pairs."""

    text: str
    claim_id: str | None
    topics: tuple[str, ...]
    sources: tuple[tuple[str, bool], ...]
    positions: tuple[tuple[str, str], ...] = ()


def topic_profile(tables: Tables, article_id: str, topics: pd.DataFrame) -> pd.DataFrame:
    """Claims per topic in one article: topic, label, claims (topics with none left out)."""
    ids = tables["claims"].loc[tables["claims"]["article_id"] == article_id, "claim_id"]
    placed = tables["claim_topics"][isin(tables["claim_topics"]["claim_id"], ids)]
    counts = placed.groupby("topic")["claim_id"].nunique().rename("claims")
    return topics[["topic", "label"]].merge(counts, left_on="topic", right_index=True)


def article_segments(body: str, claims: pd.DataFrame, claim_topics: pd.DataFrame,
                     citations: pd.DataFrame, topic_order: list[str]) -> list[Segment]:
    """The body cut into plain runs and claims, so each claim can be highlighted at its offsets.

    Topics are listed in ``topic_order`` (config order), so the first one names the highlight colour
    the same way in every article. Overlapping or out-of-range offsets are skipped, never trusted.
    """
    rank = {topic: i for i, topic in enumerate(topic_order)}
    ordered = claim_topics.assign(rank=claim_topics["topic"].map(rank).fillna(len(rank))).sort_values(
        "rank", kind="stable")
    topics_of = {cid: tuple(group) for cid, group in ordered.groupby("claim_id")["topic"]}
    taken = ordered[ordered["position"].notna()]
    positions_of: dict[str, tuple[tuple[str, str], ...]] = {}
    for cid, topic, position in zip(taken["claim_id"], taken["topic"], taken["position"], strict=True):
        positions_of[cid] = (*positions_of.get(cid, ()), (str(topic), str(position)))
    sources_of = claim_sources(citations)
    segments: list[Segment] = []
    cursor = 0
    for row in claims.sort_values("start", kind="stable").itertuples(index=False):
        start, end = int(row.start), int(row.end)
        if start < cursor or end > len(body) or end <= start:
            continue
        if start > cursor:
            segments.append(Segment(body[cursor:start], None, (), ()))
        segments.append(Segment(body[start:end], str(row.claim_id), topics_of.get(row.claim_id, ()),
                                sources_of.get(row.claim_id, ()), positions_of.get(row.claim_id, ())))
        cursor = end
    if cursor < len(body):
        segments.append(Segment(body[cursor:], None, (), ()))
    return segments
