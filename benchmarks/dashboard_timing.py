"""Dashboard timings under Streamlit's AppTest: every view's first render, its first render after switching,
and one filter change on it.

Run in a fresh process (the benchmark does), it prints JSON:
``python benchmarks/dashboard_timing.py --config CONFIG``. The views and widget keys come from the dashboard's
own ``state`` module, so a new view is timed without a change here.

- first render: a new session opened at the view's address (``?view=…``) with Streamlit's caches emptied,
  as a shared link opened on a freshly started dashboard: reading the tables is part of it. What a server does
  once when it starts is not: the first session scans the installed components (counted in ``start_s``) and
  the later ones share its registry, as every session of ``streamlit run`` shares the one its start built.
- after switching: a session opened on another view (tables loaded), then the view chosen in the radio; its
  own aggregates are not cached yet.
- filter change: on the first-render session, one topic chosen in the sidebar's topic filter.
- the loop the dashboard exists for, last: with the dashboard running and its caches warm, one topic's terms
  edited in the config, then a reload (a new session) that rebuilds and draws the first view; then the edit
  reverted and reloaded again. The config is left as it was found.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st
import yaml
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
sys.path.insert(0, str(APP.parent))

import state  # noqa: E402 - the dashboard's widget keys and views; dashboard/ is not a package

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402 - benchmarks/ is not a package

TIMEOUT_S = 600


def time_views(config: Path, topic: str) -> dict[str, Any]:
    """Seconds of the dashboard's start and of every view's first render, switch and filter change."""
    os.environ["PERSPECTIVES_CONFIG"] = str(config)
    # The first run of the process imports the app's modules: what starting the dashboard costs once.
    starting = _opened(next(iter(state.VIEWS)))
    figures: dict[str, Any] = {"start_s": _timed(starting.run)}
    components = _components(starting)
    views: dict[str, dict[str, float]] = {}
    for view in state.VIEWS:
        app = _opened(view, components)
        first = _timed(app.run)
        _check(app, view)
        app.multiselect(key=state.TOPICS).set_value([topic])
        views[view] = {"first_s": first, "filter_s": _timed(app.run)}
        _check(app, f"{view} after a filter change")
        views[view]["switch_s"] = _switched_to(view, components)
    figures["views"] = views
    figures.update(_edit_reloads(config, components))
    return figures


def _edit_reloads(config: Path, components: object) -> dict[str, float]:
    """Seconds of the reload after editing one topic's terms, and of the one after reverting it: a rebuild in
    the dashboard's process, then the first view drawn from the new tables."""
    view = next(iter(state.VIEWS))
    original = config.read_bytes()
    warm = _opened(view, components)
    warm.run()
    _check(warm, "the page before the edit")
    try:
        corpus.edit_topic_rule(config)
        edited = _reloaded(view, components, "the reload after the edit")
        config.write_bytes(original)
        reverted = _reloaded(view, components, "the reload after the revert")
    finally:
        config.write_bytes(original)
    return {"edit_reload_s": edited, "revert_reload_s": reverted}


def _reloaded(view: str, components: object, what: str) -> float:
    """Seconds of a new session on the running dashboard, its caches as earlier sessions left them."""
    app = _session(view, components)
    seconds = _timed(app.run)
    _check(app, what)
    return seconds


def _switched_to(view: str, components: object) -> float:
    """Seconds of the run that switches a session, its tables loaded, from another view to ``view``."""
    app = _opened(next(v for v in state.VIEWS if v != view), components)
    app.run()
    _check(app, f"the view before {view}")
    app.radio(key=state.VIEW).set_value(view)
    seconds = _timed(app.run)
    _check(app, f"{view} after switching")
    return seconds


def _opened(view: str, components: object = None) -> AppTest:
    """A new session at the view's address, with no cache of an earlier session left to help it, sharing
    the server's ``components`` registry (None: this session scans for them, as a server's first does)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    return _session(view, components)


def _session(view: str, components: object) -> AppTest:
    """A new session at the view's address on the running dashboard."""
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT_S)
    app.query_params[state.VIEW] = view
    if components is not None:
        setattr(app, _REGISTRY, components)
    return app


# AppTest scans every installed package's metadata for components on each new instance's first run (0.25 s
# here), where ``streamlit run`` scans once at start, so each view's first render would carry a cost that no
# user's does. AppTest keeps the registry in this private attribute: a Streamlit that renames it fails in
# ``_components`` rather than timing the scan again unnoticed.
_REGISTRY = "_bidi_component_manager"


def _components(app: AppTest) -> object:
    """The component registry a session that has run built."""
    registry = getattr(app, _REGISTRY, None)
    if registry is None:
        raise RuntimeError(f"AppTest keeps no {_REGISTRY}: update dashboard_timing for this Streamlit")
    return registry


def _timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _check(app: AppTest, what: str) -> None:
    """Fail on an exception, including one the app caught and showed as an error: a timing of it is void."""
    errors = [str(e.value) for e in app.error if "went wrong" in str(e.value)]
    if app.exception or errors:
        raise RuntimeError(f"dashboard failed on {what}: {app.exception[0].message if app.exception else errors[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--topic", help="the topic the filter change picks (default: the config's first)")
    args = parser.parse_args()
    topic = args.topic or yaml.safe_load(args.config.read_text(encoding="utf-8"))["topics"][0]["id"]
    print(json.dumps(time_views(args.config.resolve(), topic)))


if __name__ == "__main__":
    main()
