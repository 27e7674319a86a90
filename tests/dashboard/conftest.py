"""The dashboard under Streamlit's AppTest: private copies of the fixture corpus or the bundled data, and
readers of the rendered page."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from tests.conftest import ROOT

APP = ROOT / "dashboard" / "app.py"
FIXTURE = ROOT / "tests" / "data" / "dashboard"


@pytest.fixture(autouse=True)
def _restore_main(monkeypatch: pytest.MonkeyPatch) -> None:
    """Put back the ``__main__`` module AppTest replaces with the app and leaves behind.

    A process pool started later in the session (forkserver or spawn) re-runs ``__main__`` in its workers;
    left as dashboard/app.py, whose bare imports need dashboard/ on sys.path, every worker fails to start.
    """
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the fixture corpus, so each test builds into its own folder."""
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURE, folder)
    monkeypatch.setenv("PERSPECTIVES_CONFIG", str(folder / "config.yaml"))
    return folder


@pytest.fixture
def bundled(seed_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the shipped config.yaml and articles, so the build writes into tmp_path."""
    monkeypatch.setenv("PERSPECTIVES_CONFIG", str(seed_corpus))
    return seed_corpus.parent


def app() -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=60)


def headers(at: AppTest) -> list[str]:
    """Column headers of the Compare view, as rendered HTML."""
    return [h.proto.body for h in at.html if "<p class='pv-head'>" in h.proto.body]


def page_html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def assert_clean(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def opened(**params: str) -> AppTest:
    """The app opened at an address with these query parameters, run and checked clean."""
    at = app()
    at.query_params.update(params)
    at.run(timeout=120)
    assert_clean(at)
    return at


def contrast(topic: str, **params: str) -> AppTest:
    """The Contrast view on ``topic`` (an id, or a label as older addresses have it), run and checked clean."""
    return opened(view="contrast", topic=topic, **params)


def boxes(at: AppTest, prefix: str) -> list[str]:
    """The HTML of each bordered container keyed ``prefix<n>`` (e.g. one disagreement), in page order."""
    found = []

    def walk(node: object) -> None:
        # Only keyed containers carry an id ("$$ID-<hash>-<key>"); the tree root and columns have none.
        if isinstance(node, Block) and re.search(rf"-{prefix}\d+$", getattr(getattr(node, "proto", None), "id", "")):
            found.append("\n".join(h.proto.body for h in node.get("html")))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found
