"""The benchmark's figures judged against issue 14's targets and printed as Markdown tables.

Pure functions of the result dictionary ``run.py`` writes as JSON, so a saved result can be printed again and
the judging is tested without running anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GIB_MB = 1024.0
# Issue 14 allows 55× the time for 50× the articles: linear growth plus a fixed start-up cost.
GROWTH_SLACK = 1.1


@dataclass(frozen=True)
class Target:
    """One line of the issue's table: a figure of the largest corpus and the most it may be."""

    key: str
    label: str
    limit: float
    unit: str = "s"


BUILD_TARGETS = [
    Target("cold_s", "cold build (CLI, fresh process)", 10.0),
    Target("add_one_s", "+ 1 article (CLI)", 1.0),
    Target("edit_s", "one topic's terms edited (CLI)", 2.0),
    Target("revert_s", "the edit reverted (CLI)", 2.0),
]
MEMORY_TARGETS = [
    Target("cold_rss_mb", "peak RSS of the process tree, cold build", GIB_MB, "MB"),
    Target("edit_rss_mb", "peak RSS of the process tree, rule edit", GIB_MB, "MB"),
]
VIEW_LIMITS = {"first_s": ("dashboard first render", 1.5), "filter_s": ("dashboard one filter change", 0.5)}

# The figures table: (key, label, format); a row shows only when some size has the figure.
FIGURES = [
    ("articles", "articles", "{:,}"), ("claims", "claims", "{:,}"), ("input_mb", "input MB", "{:.1f}"),
    ("cold_s", "cold build s", "{:.2f}"), ("articles_per_s", "articles/s", "{:,.0f}"),
    ("claims_per_s", "claims/s", "{:,.0f}"), ("mb_per_s", "MB/s", "{:.2f}"),
    ("cold_rss_mb", "peak RSS MB, cold", "{:,.0f}"),
    ("floor_s", "floor s (fresh process)", "{:.2f}"), ("floor_start_s", "… start-up and imports s", "{:.2f}"),
    ("floor_read_s", "… read s", "{:.2f}"), ("floor_split_s", "… split s", "{:.2f}"),
    ("floor_match_s", "… match s", "{:.2f}"), ("floor_write_s", "… write s", "{:.2f}"),
    ("floor_lists", "… term lists matched", "{:,}"), ("floor_rss_mb", "… peak RSS MB", "{:,.0f}"),
    ("floor_multiple", "cold build ÷ floor", "{:.1f}×"),
    ("nothing_changed_s", "rebuild, nothing changed s", "{:.2f}"),
    ("add_one_s", "+ 1 article s", "{:.2f}"),
    ("edit_s", "topic terms edited s", "{:.2f}"), ("edit_rss_mb", "peak RSS MB, edit", "{:,.0f}"),
    ("revert_s", "edit reverted s", "{:.2f}"), ("revert_equal", "reverted tables = cold tables", "{}"),
    ("dashboard_start_s", "dashboard start (imports, first page) s", "{:.2f}"),
    ("dashboard_rss_mb", "dashboard peak RSS MB", "{:,.0f}"),
    ("dashboard_edit_s", "dashboard: topic terms edited, reload drawn s", "{:.2f}"),
    ("dashboard_revert_s", "dashboard: the edit reverted, reload drawn s", "{:.2f}"),
    ("load_before", "load average (1 min) before", "{:.1f}"), ("load_after", "load average (1 min) after", "{:.1f}"),
]


def judge(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every target with the largest corpus's figure and whether it holds (None: not measured)."""
    largest = rows[-1]
    checks = [_check(t.label, largest.get(t.key), t.limit, t.unit) for t in BUILD_TARGETS]
    equal = largest.get("revert_equal")
    checks.append({"target": "the reverted tables equal the cold tables", "figure": equal, "limit": True,
                   "unit": "", "holds": equal})
    checks += [_check(t.label, largest.get(t.key), t.limit, t.unit) for t in MEMORY_TARGETS]
    views = largest.get("dashboard", {}).get("views", {})
    for key, (label, limit) in VIEW_LIMITS.items():
        checks += [_check(f"{label}, {view}", figures.get(key), limit, "s") for view, figures in views.items()]
    if len(rows) > 1:
        checks.append(growth(rows[0], largest))
    return checks


def growth(smallest: dict[str, Any], largest: dict[str, Any]) -> dict[str, Any]:
    """Linear growth: the largest corpus's cold build within 1.1× the size ratio of the smallest's."""
    scale = largest["articles"] / smallest["articles"]
    ratio = largest["cold_s"] / smallest["cold_s"]
    return _check(f"linear growth: time at {largest['articles']:,} ≤ {GROWTH_SLACK * scale:g}× the time at "
                  f"{smallest['articles']:,}", ratio, GROWTH_SLACK * scale, "×")


def _check(target: str, figure: float | None, limit: float, unit: str) -> dict[str, Any]:
    return {"target": target, "figure": figure, "limit": limit, "unit": unit,
            "holds": None if figure is None else figure <= limit}


def markdown(result: dict[str, Any]) -> str:
    """The figures per corpus size, the dashboard per view, and the targets with holds / NO."""
    rows = result["sizes"]
    largest = rows[-1]["articles"]
    lines = [*figures_table(rows), "", *dashboard_table(rows), "",
             f"Targets, judged at {largest:,} articles" + ("" if largest == 5000 else
                                                           " (the issue sets them at 5,000)") + ":", "",
             *targets_table(result["targets"]), "", machine_line(result["machine"], rows)]
    return "\n".join(lines)


def figures_table(rows: list[dict[str, Any]]) -> list[str]:
    """Every figure (a row) of every corpus size (a column)."""
    lines = ["| figure | " + " | ".join(f"{r['articles']:,} articles" for r in rows) + " |",
             "|---|" + "---:|" * len(rows)]
    for key, label, fmt in FIGURES:
        if any(key in r for r in rows):
            lines.append(f"| {label} | " + " | ".join(_cell(r.get(key), fmt) for r in rows) + " |")
    return lines


def dashboard_table(rows: list[dict[str, Any]]) -> list[str]:
    """Each view's first render, first render after switching and filter change, in seconds, per size."""
    measured = [r for r in rows if r.get("dashboard")]
    if not measured:
        return ["(dashboard not measured)"]
    views = list(measured[-1]["dashboard"]["views"])
    lines = ["| view: first render / after switching / filter change (s) | "
             + " | ".join(f"{r['articles']:,} articles" for r in measured) + " |",
             "|---|" + "---:|" * len(measured)]
    for view in views:
        cells = []
        for r in measured:
            f = r["dashboard"]["views"].get(view, {})
            cells.append(" / ".join(_cell(f.get(k), "{:.2f}") for k in ("first_s", "switch_s", "filter_s")))
        lines.append(f"| {view} | " + " | ".join(cells) + " |")
    return lines


def targets_table(checks: list[dict[str, Any]]) -> list[str]:
    """The targets with their figure, limit and holds / NO (– when not measured)."""
    lines = ["| target | limit | figure | holds |", "|---|---:|---:|---|"]
    for c in checks:
        holds = "–" if c["holds"] is None else ("holds" if c["holds"] else "NO")
        limit = "equal" if c["limit"] is True else f"≤ {c['limit']:,g} {c['unit']}"
        figure = "–" if c["figure"] is None else (
            ("equal" if c["figure"] else "differ") if isinstance(c["figure"], bool) else
            f"{c['figure']:,.{0 if c['unit'] == 'MB' else 2}f} {c['unit']}")
        lines.append(f"| {c['target']} | {limit.strip()} | {figure.strip()} | {holds} |")
    return lines


def machine_line(machine: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    """The machine, and a warning when other work shared it: every figure is wall-clock time."""
    line = (f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory_gib']} GiB, "
            f"Python {machine['python']}.")
    load = max((r.get(k, 0.0) for r in rows for k in ("load_before", "load_after")), default=0.0)
    if load > machine["cores"]:
        line += (f" WARNING: the load average reached {load:.1f} on {machine['cores']} cores; other work shared "
                 "the machine, so these wall-clock times overstate the code's.")
    return line


def _cell(value: Any, fmt: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    return fmt.format(value)
