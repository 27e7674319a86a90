"""The test run itself: `make test` (plain ``pytest``) must collect every test module under tests/.

pytest skips folders matching ``norecursedirs``, whose default names "build": tests/build was silently left out
of every run until the project set its own list.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_folder_holding_tests_is_skipped_by_norecursedirs() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    skipped = options["norecursedirs"]  # required: pytest's default list would skip tests/build
    folders = {module.parent.relative_to(ROOT) for module in (ROOT / "tests").rglob("test_*.py")}
    assert Path("tests/build") in folders
    hidden = sorted(str(folder) for folder in folders
                    if any(fnmatch.fnmatch(part, pattern) for part in folder.parts for pattern in skipped))
    assert not hidden, f"pytest would not collect the tests in {hidden}"
