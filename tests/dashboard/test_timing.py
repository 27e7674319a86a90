"""The dashboard benchmark's sessions: each view's first render starts from empty caches, but not from a server
that has never started (see ``benchmarks/dashboard_timing.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.components.v2.component_manager import BidiComponentManager

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
