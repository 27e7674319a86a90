"""Rows: what a job of the build yields, whether it read articles or placed claims."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa


@dataclass(frozen=True)
class Rows:
    """Table rows by table name (with bookkeeping columns, in ``cache.schema``: Arrow, as they travel from a
    worker and into the written tables without a pandas round trip), and (config index, reason) of articles
    that failed."""

    tables: dict[str, pa.Table]
    failed: list[tuple[int, str]] = field(default_factory=list)
