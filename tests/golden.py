"""Golden tables: the bundled corpus's four tables as CSV, the proof that a refactor changes no output.

`make golden` rewrites tests/data/expected/ from the current code; review the diff before committing it.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "data" / "expected"
sys.path.insert(0, str(ROOT / "src"))

from perspectives.build.run import run_pipeline  # noqa: E402
from perspectives.build.store import read_tables  # noqa: E402
from perspectives.config import load_config  # noqa: E402 - the path above lets the script run uninstalled


def build_bundled(work: Path) -> dict[str, pd.DataFrame]:
    """The tables of a cold build of the shipped config and bundled articles, copied into ``work``."""
    shutil.copy(ROOT / "config.yaml", work / "config.yaml")
    shutil.copytree(ROOT / "data" / "articles", work / "data" / "articles")
    config = load_config(work / "config.yaml")
    run_pipeline(config, workers=1)
    return read_tables(config.output_dir)


def as_csv(frame: pd.DataFrame) -> str:
    """A table as the CSV text kept in tests/data/expected."""
    return frame.to_csv(index=False, lineterminator="\n")


def read_csv(text: str) -> pd.DataFrame:
    """A golden CSV read back with every column as text, so both sides compare the same way."""
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def main() -> None:
    """Rewrite the expected tables from a cold build."""
    EXPECTED.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, frame in build_bundled(Path(work)).items():
            (EXPECTED / f"{name}.csv").write_text(as_csv(frame), encoding="utf-8")
            print(f"wrote {EXPECTED / name}.csv ({len(frame)} rows)")


if __name__ == "__main__":
    main()
