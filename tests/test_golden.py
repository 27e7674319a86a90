"""Golden tables: a cold build of the bundled corpus gives exactly the reviewed tables in tests/data/expected."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.golden import EXPECTED, as_csv, build_bundled, read_csv


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    return build_bundled(tmp_path_factory.mktemp("golden"))


@pytest.mark.parametrize("name", ["articles", "claims", "claim_topics", "citations"])
def test_bundled_tables_match_the_golden_files(built: dict[str, pd.DataFrame], name: str) -> None:
    expected = read_csv((EXPECTED / f"{name}.csv").read_text(encoding="utf-8"))
    actual = read_csv(as_csv(built[name]))
    assert len(actual) > 0
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)


def test_golden_files_cover_every_table(built: dict[str, pd.DataFrame]) -> None:
    assert sorted(p.stem for p in Path(EXPECTED).glob("*.csv")) == sorted(built)
