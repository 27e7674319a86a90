"""The dashboard benchmark's sessions (see ``benchmarks/dashboard_timing.py``): each view's first render starts from
empty caches, but not from a server that has never started; the edit loop rebuilds and restores the config."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.components.v2.component_manager import BidiComponentManager

from perspectives.build import run as pipeline
from perspectives.config import Config
from tests.conftest import ROOT
from tests.dashboard.conftest import assert_clean

sys.path.insert(0, str(ROOT / "benchmarks"))

import dashboard_timing  # noqa: E402 - benchmarks/ is not a package


def test_later_sessions_share_the_component_registry_the_first_built(corpus: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed components are scanned once, by the first session, as ``streamlit run`` scans them once
    at start; a view timed later pays for its own render only."""
    scans: list[object] = []
    scan = BidiComponentManager.discover_and_register_components

    def counted(self: BidiComponentManager, *args: object, **kwargs: object) -> None:
        scans.append(self)
        scan(self, *args, **kwargs)

    monkeypatch.setattr(BidiComponentManager, "discover_and_register_components", counted)
    first = dashboard_timing._opened("overview")
    first.run(timeout=120)
    assert_clean(first)
    registry = dashboard_timing._components(first)
    for view in ("topics", "claims"):
        later = dashboard_timing._opened(view, registry)
        later.run(timeout=120)
        assert_clean(later)
    assert scans == [registry]


def test_the_edit_loop_rebuilds_twice_and_leaves_the_config_as_it_was(corpus: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The loop's figures come from reloads that really rebuild (the edit, then its revert), and the corpus's
    config ends byte for byte as it began, whatever the loop did to it."""
    config = corpus / "config.yaml"
    before = config.read_bytes()
    first = dashboard_timing._opened("overview")
    first.run(timeout=120)
    builds: list[str] = []
    run_pipeline = pipeline.run_pipeline

    def counted(built: Config, **kwargs: object) -> dict[str, object]:
        builds.append(config.read_text(encoding="utf-8"))
        return run_pipeline(built, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "run_pipeline", counted)
    figures = dashboard_timing._edit_reloads(config, dashboard_timing._components(first))
    assert set(figures) == {"edit_reload_s", "revert_reload_s"}
    assert ["strategic accord" in text for text in builds] == [True, False]
    assert config.read_bytes() == before
