"""Article: one article cut into plain runs and highlighted claims, its topic profile, and the furniture its
build dropped."""

from __future__ import annotations

import json
from typing import NamedTuple

import pandas as pd

from perspectives.measures.selection import Tables, isin
from perspectives.measures.sources import claim_sources


class Segment(NamedTuple):
    """A run of article text: plain (no claim) or one claim with its topics, cited sources, the positions it
    takes as ``(topic, position)`` pairs, and the topics it joined by context as ``(topic, what established
    it)`` pairs (a topic absent from ``context`` is one the claim's own words placed it in)."""

    text: str
    claim_id: str | None
    topics: tuple[str, ...]
    sources: tuple[tuple[str, bool], ...]
    positions: tuple[tuple[str, str], ...] = ()
    context: tuple[tuple[str, str], ...] = ()


class Dropped(NamedTuple):
    """A piece of site furniture the build removed from an article's body, and why."""

    text: str
    reason: str


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
    positions_of, context_of = _by_topic(ordered, "position"), _by_topic(ordered, "context")
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
                                sources_of.get(row.claim_id, ()), positions_of.get(row.claim_id, ()),
                                context_of.get(row.claim_id, ())))
        cursor = end
    if cursor < len(body):
        segments.append(Segment(body[cursor:], None, (), ()))
    return segments


def _by_topic(claim_topics: pd.DataFrame, column: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each claim's ``(topic, value)`` pairs of a claim_topics column, in the rows' order, nulls left out."""
    taken = claim_topics[claim_topics[column].notna()]
    pairs: dict[str, tuple[tuple[str, str], ...]] = {}
    for cid, topic, value in zip(taken["claim_id"], taken["topic"], taken[column], strict=True):
        pairs[cid] = (*pairs.get(cid, ()), (str(topic), str(value)))
    return pairs


def dropped_furniture(raw: str | None) -> list[Dropped]:
    """The ``articles.dropped`` JSON as a list; anything malformed reads as nothing dropped.

    The column comes from a file on disk, possibly written by an older or interrupted build, so a bad value
    must cost the reader the list, not the page.
    """
    try:
        items = json.loads(raw) if raw else []
    except (TypeError, ValueError):
        return []
    if not isinstance(items, list):
        return []
    return [Dropped(str(item.get("text", "")), str(item.get("reason", "")))
            for item in items if isinstance(item, dict) and item.get("text")]
