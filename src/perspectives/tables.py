"""Tables: the contract between the build and the dashboard: columns, dtypes, ids, and one row builder per table.

The stages produce records; the row builders below turn them into typed columns once, and nothing turns rows
back into records. The ``claim_topics`` column ``position`` holds a claim's *stance* on the topic (one of the
topic's configured ``positions``); the column keeps the name the dashboard and exports have always used. Its
``context`` column says what established a placement by context ('"drills" in sentence 2'), null when the
claim's own words placed it. The ``articles`` column ``dropped`` lists, as JSON, the furniture set aside from
each body with the reason (``[{"text": …, "reason": …}]``). Its column ``fields`` holds the values of the fields
declared under the config's ``fields:`` as one JSON object (``{"country": "France", "leaning": "left"}``), null for
an article with none: one column, whatever fields a config declares, so the table's contract never changes with
the config; the dashboard spreads it into a column per field when it reads the table. ``claim_words`` holds one
row per claim: its distinct terms (``words.tokens``) in the order they first occur, as a list, and each one's
count, as a list of the same length; it is derived from the claims so the dashboard never tokenises them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa

from perspectives.records import ArticleResult, TopicHit

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string", "title": "string", "author": "string", "date": "string", "outlet": "string",
        "original_publisher": "string", "url": "string", "path": "string", "n_claims": "int64",
        "n_words": "int64", "content_hash": "string", "body": "string", "dropped": "string", "fields": "string",
    },
    "claims": {
        "claim_id": "string", "article_id": "string", "paragraph": "int64", "position_in_article": "int64",
        "text": "string", "start": "int64", "end": "int64", "voice": "string", "quote": "string",
        "hedges": "string", "boosters": "string", "certainty": "float64",
    },
    "claim_topics": {
        "claim_id": "string", "topic": "string", "position": "string", "evidence": "string",
        "position_evidence": "string", "context": "string",
    },
    "citations": {
        "citation_id": "string", "article_id": "string", "claim_id": "string", "source": "string",
        "source_type": "string", "country": "string", "cue": "string", "surface": "string", "known": "bool",
    },
    "claim_words": {
        "claim_id": "string", "article_id": "string", "terms": "object", "counts": "object",
    },
}

# Columns the build keeps beside the contract's while it works (the cache stores them; the store drops them):
# the article of each claim_topics row, so rows can be picked and ordered by article.
BOOKKEEPING: dict[str, dict[str, str]] = {"claim_topics": {"article_id": "string"}}


# The Arrow type of each dtype above; claim_words' list columns (dtype object) are typed by name.
_ARROW_TYPES = {"string": pa.large_string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
_LIST_TYPES = {"terms": pa.list_(pa.string()), "counts": pa.list_(pa.int64())}


def empty_table(name: str) -> pd.DataFrame:
    """An empty table with the contract's columns and dtypes."""
    return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in TABLES[name].items()})


def conform(name: str, rows: Sequence[dict[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Rows as a table with exactly the contract's columns, in order, with its dtypes."""
    frame = pd.DataFrame(list(rows)) if not isinstance(rows, pd.DataFrame) else rows
    if frame.empty:
        return empty_table(name)
    columns = TABLES[name]
    for col in columns:
        if col not in frame:
            frame[col] = None
    return frame[list(columns)].astype(columns).reset_index(drop=True)


def arrow_schema(name: str, extra: Mapping[str, str] | None = None) -> pa.Schema:
    """The Arrow schema of table ``name`` as the store writes it, or with the ``extra`` (bookkeeping) columns
    after the contract's: types from the dtypes alone, never from the values, so rows of any chunk (an empty
    one too) concatenate with any other's; with the pandas metadata that gives the dtypes back on reading."""
    return _arrow_schema(tuple((TABLES[name] | dict(extra or {})).items()))


@functools.cache
def _arrow_schema(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    fields = pa.schema([(c, _LIST_TYPES[c] if dtype == "object" else _ARROW_TYPES[dtype]) for c, dtype in columns])
    empty = pd.DataFrame({c: pd.Series(dtype=dtype) for c, dtype in columns})
    return pa.Table.from_pandas(empty, schema=fields, preserve_index=False).schema


def to_arrow(name: str, frame: pd.DataFrame, extra: Mapping[str, str] | None = None) -> pa.Table:
    """Typed rows of table ``name`` (a row builder's, or ``conform``'s) as Arrow, in ``arrow_schema``."""
    return pa.Table.from_pandas(frame, schema=arrow_schema(name, extra), preserve_index=False)


def written_form(name: str, table: pa.Table) -> pa.Table:
    """An Arrow table of ``name`` reduced to the contract's columns, in order: what the store writes."""
    return table.select(list(TABLES[name])).cast(arrow_schema(name))


def _typed(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows as a frame with the contract's columns and dtypes, plus the table's bookkeeping columns."""
    dtypes = TABLES[name] | BOOKKEEPING.get(name, {})
    if not rows:
        return pd.DataFrame({col: pd.Series(dtype=dtype) for col, dtype in dtypes.items()})
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


def claim_id(article_id: str, index: int) -> str:
    """The stable id of a claim: its article and its position there."""
    return f"{article_id}:{index:04d}"


def claim_article(claim_ids: pd.Series) -> pd.Series:
    """The article of each claim id (the inverse of ``claim_id``, as far as the build needs it)."""
    return claim_ids.str.rsplit(":", n=1).str[0]


def article_rows(results: Sequence[ArticleResult]) -> pd.DataFrame:
    """The ``articles`` table of per-article results."""
    return _typed("articles", [{
        "article_id": r.article.article_id, "title": r.article.title, "author": r.article.author,
        "date": r.article.date, "outlet": r.article.outlet, "original_publisher": r.article.original_publisher,
        "url": r.article.url, "path": r.article.path, "n_claims": len(r.claims),
        "n_words": len(r.article.body.split()), "content_hash": r.article.content_hash, "body": r.article.body,
        "dropped": json.dumps([{"text": text, "reason": reason} for text, reason in r.article.dropped],
                              ensure_ascii=False),
        "fields": json.dumps(dict(r.article.fields), ensure_ascii=False) if r.article.fields else None,
    } for r in results])


def claim_rows(results: Sequence[ArticleResult]) -> pd.DataFrame:
    """The ``claims`` table of per-article results."""
    return _typed("claims", [{
        "claim_id": claim_id(r.article.article_id, c.index), "article_id": r.article.article_id,
        "paragraph": c.paragraph, "position_in_article": c.index, "text": c.text, "start": c.start, "end": c.end,
        "voice": c.voice, "quote": c.quote, "hedges": "; ".join(c.hedges), "boosters": "; ".join(c.boosters),
        "certainty": c.certainty,
    } for r in results for c in r.claims])


def citation_rows(results: Sequence[ArticleResult]) -> pd.DataFrame:
    """The ``citations`` table of per-article results."""
    return _typed("citations", [{
        "citation_id": f"{r.article.article_id}:c{n:04d}", "article_id": r.article.article_id,
        "claim_id": claim_id(r.article.article_id, cite.claim_index), "source": cite.source,
        "source_type": cite.source_type, "country": cite.country, "cue": cite.cue, "surface": cite.surface,
        "known": cite.known,
    } for r in results for n, cite in enumerate(r.citations)])


def topic_rows(claims: pd.DataFrame, hits: Sequence[TopicHit]) -> pd.DataFrame:
    """The ``claim_topics`` rows of hits whose ``claim_index`` is a row number of ``claims``."""
    ids, articles = claims["claim_id"].tolist(), claims["article_id"].tolist()
    return _typed("claim_topics", [{
        "claim_id": ids[hit.claim_index], "topic": hit.topic, "position": hit.stance,
        "evidence": "; ".join(hit.evidence), "position_evidence": "; ".join(hit.stance_evidence),
        "context": hit.context, "article_id": articles[hit.claim_index],
    } for hit in hits])


