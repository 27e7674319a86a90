"""Benchmark measurements: timed CLI builds with peak memory, the raw-scan floor, and the dashboard."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from perspectives.build import store
from perspectives.config import load_config
from perspectives.stages.sources.gazetteer import compile_gazetteer
from perspectives.stages.stances import compile_stances
from perspectives.stages.topics import compile_topics

ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (workers and the forkserver included)."""
    parents: dict[int, int] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                parents[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent and p not in tree]
        tree.update(children)
        frontier += children
    total = 0
    for p in tree:
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def cli_build(config: Path) -> dict[str, Any]:
    """Run ``perspectives build`` as a user would; wall seconds and the peak RSS of its process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "perspectives", "build", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode:
        raise RuntimeError(f"build failed ({proc.returncode}):\n{err[-2000:]}")
    report = store.read_report(load_config(config).output_dir) or {}
    return {"seconds": seconds, "peak_rss_mb": peak / 2**20, "claims": report.get("claims", 0),
            "articles": report.get("articles_read", 0)}


def raw_scan(config_path: Path) -> float:
    """Seconds to read every article and run every topic, position and source pattern over its raw text.

    The floor no build can beat on one core: no parsing, splitting, tables or writing.
    """
    config = load_config(config_path)
    start = time.perf_counter()
    topics = compile_topics(config.topics)
    positions = [p for ps in compile_stances(config.topics).values() for p in ps]
    gazetteer = compile_gazetteer(config.sources)
    matchers = [m for t in topics for m in (*t.rules.include, *t.rules.exclude)]
    matchers += [m for p in positions for m in (*p.negatable, *p.other, *p.exclude)]
    for entry in config.articles:
        text = config.article_file(entry).read_bytes().decode("utf-8", errors="replace")
        for matcher in matchers:
            matcher.spans(text)
        gazetteer.find(text)
    return time.perf_counter() - start


def dashboard(config_path: Path) -> dict[str, float]:
    """Seconds for the dashboard's data load, first Compare and Overview renders, and one filter change."""
    from streamlit.testing.v1 import AppTest

    sys.path.insert(0, str(ROOT / "dashboard"))
    from perspectives.measures import selection as analysis

    out_dir = load_config(config_path).output_dir
    start = time.perf_counter()
    analysis.prepare_tables(store.read_tables(out_dir))
    figures = {"data_load": time.perf_counter() - start}
    os.environ["PERSPECTIVES_CONFIG"] = str(config_path)
    app = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600)
    figures["first_render_compare"] = _timed(app.run)
    _check(app)
    app.radio(key="view").set_value("overview")
    figures["first_render_overview"] = _timed(app.run)
    _check(app)
    app.multiselect(key="topics").set_value([load_config(config_path).topics[0].id])
    figures["filter_change"] = _timed(app.run)
    _check(app)
    return figures


def _timed(action: Any) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _check(app: Any) -> None:
    """Fail on an exception, including one the app caught and showed as an error (a timing of it is void)."""
    errors = [e.value for e in app.error if "went wrong" in str(e.value)]
    if app.exception or errors:
        raise RuntimeError(f"dashboard failed: {app.exception[0].message if app.exception else errors[0]}")
