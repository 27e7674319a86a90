"""Helpers of the build's tests: build a config into its tables, and compare two builds' tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.tables import TABLES


def build_tables(path: Path, workers: int = 1) -> dict[str, pd.DataFrame]:
    """Build the config at ``path`` and read back its tables."""
    config = load_config(path)
    run_pipeline(config, workers=workers)
    return store.read_tables(config.output_dir)


def assert_same_tables(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    """Every table of ``left`` equals the same table of ``right``, dtypes and row order included."""
    for name in TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)
