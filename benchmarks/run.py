"""Benchmark: build and dashboard figures on synthetic corpora, judged against issue 14's targets.

Usage: ``make bench`` or ``.venv/bin/python benchmarks/run.py [--sizes 100,1000,5000] [--only build|dashboard]
[--no-dashboard]``. Prints Markdown (figures per corpus size, the dashboard per view, the targets with holds / NO)
and writes the figures as JSON to ``benchmarks/out/latest.json`` and a timestamped copy.

Everything is measured through public entry points in fresh processes: ``python -m perspectives build``, the
build report and Parquet tables it writes, the floor (``floor.py``) and the dashboard under AppTest
(``dashboard_timing.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 - benchmarks/ is not a package
import measure  # noqa: E402
import report  # noqa: E402

from perspectives.build import store  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SIZES = (100, 1000, 5000)
PARTS = ("build", "dashboard")
# The floor is cheap next to a build: its best of three is the fastest measured way to do the work.
FLOOR_RUNS = 3


def machine() -> dict[str, Any]:
    """Where the figures came from."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory_gib": round(memory, 1),
            "python": platform.python_version(), "system": platform.platform()}


def bench_size(folder: Path, size: int, *, parts: set[str]) -> dict[str, Any]:
    """Every figure for one corpus size: a cold build, then (build) the floor and the incremental builds,
    (dashboard) every view; the edits come last, so the dashboard sees the cold tables."""
    load_before = os.getloadavg()[0]
    config = corpus.make_corpus(folder, size)
    input_mb = sum(f.stat().st_size for f in (folder / "articles").iterdir()) / 2**20
    row: dict[str, Any] = {"articles": size, "input_mb": input_mb, "corpus_sha256": corpus.digest(config)}
    row.update(cold_build(config, input_mb))
    cold_tables = snapshot(corpus.output_dir(config), folder / "cold-tables")
    if "build" in parts:
        row.update(floor_figures(config, folder / "floor"))
        row["floor_multiple"] = row["cold_s"] / row["floor_s"]
        row["nothing_changed_s"] = measure.cli_build(config).seconds
    if "dashboard" in parts:
        row.update(dashboard_figures(config))
    if "build" in parts:
        row.update(edit_and_revert(config, cold_tables))
        corpus.add_article(config)
        row["add_one_s"] = measure.cli_build(config).seconds
    row["load_before"], row["load_after"] = load_before, os.getloadavg()[0]
    return row


def cold_build(config: Path, input_mb: float) -> dict[str, Any]:
    """The first build of a new corpus, with the throughput it gives."""
    run = measure.cli_build(config)
    built = store.read_report(corpus.output_dir(config)) or {}
    articles, claims = built.get("articles_read", 0), built.get("claims", 0)
    return {"claims": claims, "cold_s": run.seconds, "cold_rss_mb": run.peak_rss_mb,
            "articles_per_s": articles / run.seconds, "claims_per_s": claims / run.seconds,
            "mb_per_s": input_mb / run.seconds}


def floor_figures(config: Path, out_dir: Path) -> dict[str, Any]:
    """The fastest of FLOOR_RUNS floors, each in a fresh process: total, start-up and parts, in seconds."""
    runs = [measure.run_process([str(HERE / "floor.py"), "--config", str(config), "--out", str(out_dir)])
            for _ in range(FLOOR_RUNS)]
    best = min(runs, key=lambda r: r.seconds)
    floor = json.loads(best.stdout.splitlines()[-1])
    figures = {"floor_s": best.seconds, "floor_rss_mb": best.peak_rss_mb,
               "floor_start_s": best.seconds - sum(floor["parts"].values()),
               "floor_lists": floor["lists"], "floor_terms": floor["terms"], "floor_sentences": floor["sentences"],
               "floor_threads": floor["threads"]}
    figures.update({f"floor_{part}_s": seconds for part, seconds in floor["parts"].items()})
    return figures


def dashboard_figures(config: Path) -> dict[str, Any]:
    """Every view's timings from a fresh process running the dashboard under AppTest."""
    run = measure.run_process([str(HERE / "dashboard_timing.py"), "--config", str(config)])
    timings = json.loads(run.stdout.splitlines()[-1])
    return {"dashboard_start_s": timings["start_s"], "dashboard_rss_mb": run.peak_rss_mb,
            "dashboard_edit_s": timings["edit_reload_s"], "dashboard_revert_s": timings["revert_reload_s"],
            "dashboard": {"views": timings["views"]}}


def edit_and_revert(config: Path, cold_tables: Path) -> dict[str, Any]:
    """A topic's terms edited and the edit reverted, each built by the CLI; whether the reverted tables are
    the cold tables, as an incremental build must give."""
    original = config.read_text(encoding="utf-8")
    corpus.edit_topic_rule(config)
    edited = measure.cli_build(config)
    config.write_text(original, encoding="utf-8")
    reverted = measure.cli_build(config)
    return {"edit_s": edited.seconds, "edit_rss_mb": edited.peak_rss_mb, "revert_s": reverted.seconds,
            "revert_rss_mb": reverted.peak_rss_mb,
            "revert_equal": same_tables(cold_tables, corpus.output_dir(config))}


def snapshot(out_dir: Path, keep: Path) -> Path:
    """A copy of a build's Parquet tables."""
    keep.mkdir(parents=True)
    for table in out_dir.glob("*.parquet"):
        shutil.copy2(table, keep / table.name)
    return keep


def same_tables(kept: Path, out_dir: Path) -> bool:
    """Whether ``out_dir`` holds exactly the tables kept, row for row."""
    names = sorted(t.name for t in kept.glob("*.parquet"))
    return names == sorted(t.name for t in out_dir.glob("*.parquet")) and all(
        pq.read_table(kept / n).equals(pq.read_table(out_dir / n)) for n in names)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes, comma-separated")
    parser.add_argument("--only", choices=PARTS, help="measure only the builds or only the dashboard "
                        "(the dashboard still needs one cold build)")
    parser.add_argument("--no-dashboard", action="store_true", help="skip the dashboard (as --only build)")
    return parser.parse_args()


def main() -> None:
    """Generate the corpora, measure, print and save."""
    args = parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    parts = {args.only} if args.only else set(PARTS) - ({"dashboard"} if args.no_dashboard else set())
    result: dict[str, Any] = {"run_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              "machine": machine(), "parts": sorted(parts), "sizes": []}
    with tempfile.TemporaryDirectory(prefix="perspectives-bench-") as tmp:
        for size in sizes:
            print(f"benchmarking {size:,} articles…", file=sys.stderr, flush=True)
            result["sizes"].append(bench_size(Path(tmp) / str(size), size, parts=parts))
    result["targets"] = report.judge(result["sizes"])
    OUT.mkdir(exist_ok=True)
    text = json.dumps(result, indent=2)
    (OUT / "latest.json").write_text(text, encoding="utf-8")
    (OUT / f"bench-{result['run_at'].replace(':', '')}.json").write_text(text, encoding="utf-8")
    print(report.markdown(result))


if __name__ == "__main__":
    main()
