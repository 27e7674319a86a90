"""Benchmark: build and dashboard figures on synthetic corpora, printed as Markdown and written as JSON.

Usage: ``make bench`` or ``.venv/bin/python benchmarks/run.py [--sizes 100,1000,5000] [--no-dashboard]``.
Figures go to ``benchmarks/out/latest.json`` (and a timestamped copy); the targets are those of issue 5.
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
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402 - benchmarks/ is not a package
import measure  # noqa: E402

from perspectives.build.run import run_pipeline  # noqa: E402
from perspectives.config import load_config  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
SIZES = (100, 1000, 5000)


def machine() -> dict[str, Any]:
    """Where the figures came from."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory_gib": round(memory, 1),
            "python": platform.python_version(), "system": platform.platform()}


def bench_size(folder: Path, size: int, *, with_dashboard: bool) -> dict[str, Any]:
    """Every figure for one corpus size."""
    config = corpus.make_corpus(folder, size)
    input_mb = sum(f.stat().st_size for f in (folder / "articles").iterdir()) / 2**20
    cold = measure.cli_build(config)
    row: dict[str, Any] = {
        "articles": size, "claims": cold["claims"], "input_mb": round(input_mb, 2),
        "cold_s": cold["seconds"], "articles_per_s": size / cold["seconds"],
        "claims_per_s": cold["claims"] / cold["seconds"], "mb_per_s": input_mb / cold["seconds"],
        "peak_rss_mb": cold["peak_rss_mb"],
        "raw_scan_s": measure.raw_scan(config),
        "nothing_changed_s": measure.cli_build(config)["seconds"],
    }
    row["floor_multiple"] = row["cold_s"] / row["raw_scan_s"]
    if with_dashboard:
        row.update({f"dashboard_{k}_s": v for k, v in measure.dashboard(config).items()})
    corpus.add_article(config)
    row["add_one_s"] = measure.cli_build(config)["seconds"]
    corpus.edit_topic_rule(config)
    row["edit_topic_rule_s"] = measure.cli_build(config)["seconds"]
    return row


def bench_bundled(folder: Path) -> dict[str, float]:
    """The five bundled articles: a warm rebuild (config touched, cache warm), in-process and by the CLI."""
    shutil.copytree(corpus.ROOT / "data" / "articles", folder / "data" / "articles")
    config = corpus.write_config(folder, [f"data/articles/{f.name}"
                                          for f in sorted((folder / "data" / "articles").iterdir())])
    run_pipeline(load_config(config))
    start = time.perf_counter()
    run_pipeline(load_config(config))
    return {"warm_in_process_s": time.perf_counter() - start,
            "warm_cli_s": measure.cli_build(config)["seconds"]}


TARGETS = [  # (figure, label, limit, how it is derived)
    ("cold_s", "5,000 articles: cold build ≤ 30 s", 30.0),
    ("floor_multiple", "5,000 articles: ≤ 10× the raw-scan floor", 10.0),
    ("peak_rss_mb", "5,000 articles: peak RSS ≤ 1 GiB", 1024.0),
    ("add_one_s", "adding one article to 5,000: ≤ 2 s", 2.0),
    ("edit_topic_rule_s", "editing one topic rule on 5,000: ≤ 10 s", 10.0),
    ("dashboard_first_render_compare_s", "dashboard on 5,000: first render ≤ 3 s", 3.0),
    ("dashboard_filter_change_s", "dashboard on 5,000: a filter change ≤ 1 s", 1.0),
]


def targets(rows: list[dict[str, Any]], bundled: dict[str, float]) -> list[dict[str, Any]]:
    """Each target of the issue with its figure and whether it holds."""
    largest, smallest = rows[-1], rows[0]
    checks = [{"target": label, "figure": largest.get(key), "limit": limit}
              for key, label, limit in TARGETS if largest["articles"] == 5000]
    growth = largest["cold_s"] / smallest["cold_s"]
    scale = largest["articles"] / smallest["articles"]
    # The issue allows 60× the time for 50× the articles: linear growth plus fixed start-up cost.
    checks.append({"target": f"{largest['articles']:,} articles ≤ {1.2 * scale:g}× the time of "
                   f"{smallest['articles']:,}", "figure": growth, "limit": 1.2 * scale})
    checks.append({"target": "five bundled articles: warm build ≤ 1 s (in process)",
                   "figure": bundled["warm_in_process_s"], "limit": 1.0})
    for check in checks:
        check["holds"] = check["figure"] is not None and check["figure"] <= check["limit"]
    return checks


COLUMNS = [("articles", "articles", "{:,}"), ("claims", "claims", "{:,}"), ("input_mb", "MB", "{:.1f}"),
           ("cold_s", "cold build s", "{:.1f}"), ("articles_per_s", "articles/s", "{:.0f}"),
           ("claims_per_s", "claims/s", "{:,.0f}"), ("mb_per_s", "MB/s", "{:.2f}"),
           ("peak_rss_mb", "peak RSS MB", "{:.0f}"), ("raw_scan_s", "raw scan s", "{:.2f}"),
           ("floor_multiple", "× floor", "{:.1f}"), ("nothing_changed_s", "no-change rebuild s", "{:.2f}"),
           ("add_one_s", "+1 article s", "{:.2f}"), ("edit_topic_rule_s", "topic edit s", "{:.2f}"),
           ("dashboard_data_load_s", "dash load s", "{:.2f}"),
           ("dashboard_first_render_compare_s", "Compare 1st s", "{:.2f}"),
           ("dashboard_first_render_overview_s", "Overview 1st s", "{:.2f}"),
           ("dashboard_filter_change_s", "filter s", "{:.2f}")]


def markdown(result: dict[str, Any]) -> str:
    """The figures and targets as Markdown tables."""
    cols = [c for c in COLUMNS if any(c[0] in row for row in result["sizes"])]
    lines = ["| " + " | ".join(label for _, label, _ in cols) + " |", "|" + "---:|" * len(cols)]
    for row in result["sizes"]:
        lines.append("| " + " | ".join(fmt.format(row[key]) if key in row else "–" for key, _, fmt in cols) + " |")
    bundled = result["bundled"]
    lines += ["", f"Five bundled articles, warm: {bundled['warm_in_process_s']:.2f} s in process, "
              f"{bundled['warm_cli_s']:.2f} s through the CLI (interpreter start-up included).", "",
              "| target | figure | holds |", "|---|---:|---|"]
    lines += [f"| {t['target']} | {t['figure']:.2f} | {'yes' if t['holds'] else 'NO'} |" for t in result["targets"]
              if t["figure"] is not None]
    m = result["machine"]
    lines += ["", f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']}."]
    return "\n".join(lines)


def main() -> None:
    """Generate the corpora, measure, print and save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes, comma-separated")
    parser.add_argument("--no-dashboard", action="store_true", help="skip the dashboard figures")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    result: dict[str, Any] = {"run_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              "machine": machine(), "sizes": []}
    with tempfile.TemporaryDirectory(prefix="perspectives-bench-") as tmp:
        for size in sizes:
            print(f"benchmarking {size:,} articles…", file=sys.stderr, flush=True)
            result["sizes"].append(bench_size(Path(tmp) / str(size), size, with_dashboard=not args.no_dashboard))
        result["bundled"] = bench_bundled(Path(tmp) / "bundled")
    result["targets"] = targets(result["sizes"], result["bundled"])
    OUT.mkdir(exist_ok=True)
    text = json.dumps(result, indent=2)
    (OUT / "latest.json").write_text(text, encoding="utf-8")
    (OUT / f"bench-{result['run_at'].replace(':', '')}.json").write_text(text, encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
