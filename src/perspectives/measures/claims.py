"""Claims: the filtered claims as readable rows, and paging through a long table."""

from __future__ import annotations

import pandas as pd

from perspectives.measures.selection import Tables, isin
from perspectives.measures.sources import claim_sources, source_names


def claims_table(tables: Tables, claims: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """The given claims as readable rows: text first (what a reader scans), then article, author, outlet, topics,
    voice and sources."""
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    placed = tables["claim_topics"][isin(tables["claim_topics"]["claim_id"], claims["claim_id"])]
    topic_text: dict[str, list[str]] = {}
    for cid, topic in zip(placed["claim_id"], placed["topic"], strict=True):
        topic_text.setdefault(cid, []).append(str(labels.get(topic, topic)))
    sources = claim_sources(tables["citations"][isin(tables["citations"]["claim_id"], claims["claim_id"])])
    rows = claims.merge(tables["articles"][["article_id", "display_title", "author_label", "outlet_label"]],
                        on="article_id")
    return pd.DataFrame({
        "text": rows["text"], "article": rows["display_title"], "author": rows["author_label"],
        "outlet": rows["outlet_label"], "topics": ["; ".join(topic_text.get(cid, ())) for cid in rows["claim_id"]],
        "voice": rows["voice"], "sources": [source_names(sources.get(cid, ())) for cid in rows["claim_id"]],
    })


def page_of(frame: pd.DataFrame, page: int, size: int) -> pd.DataFrame:
    """Rows of one 1-based page; a page past the end gives the last page."""
    pages = page_count(len(frame), size)
    page = min(max(page, 1), pages)
    return frame.iloc[(page - 1) * size: page * size]


def page_count(rows: int, size: int) -> int:
    """How many pages of ``size`` rows hold ``rows`` rows (at least one, so an empty table has a page)."""
    return max(1, -(-rows // size))
