"""Rows: what a job of the build yields, whether it read articles or placed claims."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Rows:
    """Table rows by table name (with bookkeeping columns), and (config index, reason) of articles that failed."""

    tables: dict[str, pd.DataFrame]
    failed: list[tuple[int, str]] = field(default_factory=list)
