"""The table store: all tables replaced as one build's output, or none."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from perspectives.build import store
from perspectives.build.plan import is_stale
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.tables import TABLES, conform, to_arrow


def test_a_build_killed_during_the_swap_leaves_the_folder_stale(write_config, monkeypatch) -> None:
    config = load_config(write_config({"a.md": "The treaty holds. Taiwan is discussed."}))
    run_pipeline(config)
    assert not is_stale(config)
    real_replace = os.replace
    calls = []

    def dies_on_the_second_table(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stands in for the process being killed mid-swap
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", dies_on_the_second_table)
    with pytest.raises(KeyboardInterrupt):
        run_pipeline(config)
    monkeypatch.setattr(os, "replace", real_replace)
    assert store.read_report(config.output_dir) is None
    assert is_stale(config)
    assert not list(Path(config.output_dir).glob(".*.tmp"))
    run_pipeline(config)
    assert not is_stale(config)


def test_a_table_from_an_older_version_reads_with_the_missing_columns_empty(tmp_path: Path) -> None:
    old = pd.DataFrame({"claim_id": ["a:0000"], "topic": ["taiwan"], "position": [None], "evidence": ["Taiwan"],
                        "position_evidence": [""]})   # written before claim_topics had `context`
    old.to_parquet(tmp_path / "claim_topics.parquet", index=False)
    table = store.read_table(tmp_path, "claim_topics")
    assert list(table.columns) == list(TABLES["claim_topics"])
    assert table["context"].isna().all() and str(table["context"].dtype) == "string"
    assert list(store.read_table(tmp_path, "claim_topics", ["claim_id", "context"]).columns) == ["claim_id", "context"]


@pytest.mark.parametrize("umask", [0o022, 0o077], ids=["umask 022", "umask 077"])
def test_every_file_a_build_writes_has_the_mode_a_new_file_gets(write_config, umask: int) -> None:
    """Tables written here and tables linked from the cache alike: a private table (mkstemp's 0600) could not
    be read by a dashboard served by another account; under a strict umask no file is made more readable."""
    previous = os.umask(umask)
    try:
        config = load_config(write_config({"a.md": "The treaty holds. Taiwan is discussed."}))
        run_pipeline(config)
        run_pipeline(config)  # a rebuild links what it can
        reference = Path(config.output_dir) / "reference"
        reference.write_text("", encoding="utf-8")
    finally:
        os.umask(previous)
    expected = reference.stat().st_mode & 0o777
    written = [*Path(config.output_dir).glob("*.parquet"), Path(config.output_dir) / store.REPORT_FILE]
    assert {path.name: path.stat().st_mode & 0o777 for path in written} == {path.name: expected for path in written}


def _articles_in_row_groups(folder: Path) -> list[str]:
    """An articles table of three row groups, the last one short, written as a build writes it; its ids, in no
    sorted order."""
    count = store.ARTICLE_GROUP_ROWS * 2 + 5
    ids = [f"art-{(n * 37) % count:03d}" for n in range(count)]
    articles = conform("articles", [{"article_id": aid, "body": f"Body of {aid}.", "n_claims": 1, "n_words": 3,
                                     "dropped": None if n % 2 else "[]"} for n, aid in enumerate(ids)])
    store.write_parquet("articles", to_arrow("articles", articles), folder / "articles.parquet")
    assert pq.ParquetFile(folder / "articles.parquet").metadata.num_row_groups == 3
    return ids


def test_a_table_of_many_row_groups_reads_as_pandas_reads_it_each_column_in_one_piece(tmp_path: Path) -> None:
    _articles_in_row_groups(tmp_path)
    read = store.read_table(tmp_path, "articles")
    pd.testing.assert_frame_equal(read, pd.read_parquet(tmp_path / "articles.parquet"))
    pieces = {name: pa.array(read[name].array) for name in ("article_id", "body", "dropped")}
    assert all(not isinstance(column, pa.ChunkedArray) or column.num_chunks == 1 for column in pieces.values())


def test_one_articles_value_is_read_from_any_row_group_whatever_the_id_order(tmp_path: Path) -> None:
    ids = _articles_in_row_groups(tmp_path)
    count = len(ids)
    for n in (0, store.ARTICLE_GROUP_ROWS - 1, store.ARTICLE_GROUP_ROWS, count - 1):
        assert store.read_article_value(tmp_path, ids[n], "body") == f"Body of {ids[n]}."
    assert store.read_article_value(tmp_path, ids[1], "dropped") is None  # a null value
    assert store.read_article_value(tmp_path, ids[2], "dropped") == "[]"
    assert store.read_article_value(tmp_path, "art-999", "body") is None  # no such article
    assert store.read_article_value(tmp_path, ids[0], "no_such_column") is None
    assert store.read_article_value(tmp_path / "empty", ids[0], "body") is None  # no table built yet
