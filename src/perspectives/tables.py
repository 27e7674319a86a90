"""Tables: the contract between the build and the dashboard: columns, dtypes, ids, and rows from records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string", "title": "string", "author": "string", "date": "string", "outlet": "string",
        "original_publisher": "string", "url": "string", "path": "string", "n_claims": "int64",
        "n_words": "int64", "content_hash": "string", "body": "string",
    },
    "claims": {
        "claim_id": "string", "article_id": "string", "paragraph": "int64", "position_in_article": "int64",
        "text": "string", "start": "int64", "end": "int64", "voice": "string", "quote": "string",
        "hedges": "string", "boosters": "string", "certainty": "float64",
    },
    "claim_topics": {
        "claim_id": "string", "topic": "string", "position": "string", "evidence": "string",
        "position_evidence": "string",
    },
    "citations": {
        "citation_id": "string", "article_id": "string", "claim_id": "string", "source": "string",
        "source_type": "string", "country": "string", "cue": "string", "surface": "string", "known": "bool",
    },
}

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


