"""The build report: counts per topic, skipped articles, warnings, unrecognised sources, and the fingerprint."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from perspectives.build import cache
from perspectives.build.plan import Keys, Plan, fingerprint
from perspectives.config import Config
from perspectives.stages.sources.lexicon import role_of, suggest_entry
from perspectives.tables import TABLES

# Some columns of one of the build's tables, by table name: the report reads no more than it needs, as a table
# the build left unchanged is read from its file.
Columns = Callable[[str, Sequence[str]], pd.DataFrame]


def build_report(config: Config, plan: Plan, keys: Keys, columns: Columns,
                 failed: list[dict[str, str]], warnings: list[str]) -> dict[str, Any]:
    """The report written beside the tables (and printed by the CLI, shown by the dashboard); its fingerprint
    takes the files' stats the build was planned with."""
    topics = columns("claim_topics", ["claim_id", "topic"])
    per_topic = topics["topic"].value_counts()
    articles = columns("articles", ["article_id", "dropped"])
    citations = columns("citations", list(TABLES["citations"]))
    return {
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "config": str(config.path),
        "articles_read": len(articles),
        "articles_failed": failed,
        "claims": len(columns("claims", ["claim_id"])),
        "claims_placed": int(topics["claim_id"].nunique()),
        "claims_per_topic": {t.id: int(per_topic.get(t.id, 0)) for t in config.topics},
        "citations": len(citations),
        "furniture_dropped": _dropped_counts(articles),
        "unrecognised_sources": unrecognised_sources(citations),
        "warnings": warnings,
        "fingerprint": fingerprint(config, keys, plan.stats),
    }


def _dropped_counts(articles: pd.DataFrame) -> dict[str, int]:
    """How many paragraphs or glued lines each reason set aside from the bodies, most first."""
    counts = Counter(item["reason"] for value in articles["dropped"].dropna() for item in json.loads(value))
    return dict(counts.most_common())


def reading_warnings(config: Config, articles: pd.DataFrame, failed: list[dict[str, str]]) -> list[str]:
    """Reading warnings and skipped articles, in config order."""
    found = dict(zip(articles["article_id"], cache.warnings_of(articles), strict=True))
    reasons = {f["article_id"]: f["reason"] for f in failed}
    warnings = []
    for entry in config.articles:
        if entry.article_id in reasons:
            warnings.append(f"{entry.path}: {reasons[entry.article_id]}; skipped")
        warnings += [f"{entry.path}: {w}" for w in found.get(entry.article_id, ())]
    return warnings


def unrecognised_sources(citations: pd.DataFrame) -> list[dict[str, object]]:
    """Sources a cue found but the gazetteer lacks, most cited first, each with a ready-to-paste ``sources:``
    entry; read from the citations table, so cached articles count as fresh ones do."""
    unknown = citations[~citations["known"].astype(bool)]
    report: list[dict[str, object]] = []
    groups = sorted(unknown.groupby("source", sort=True), key=lambda item: -len(item[1]))
    for name, rows in groups:
        source_type = _first(rows["source_type"])
        first = rows.iloc[0]
        role = role_of(str(name), str(first["surface"])) if first["cue"] != "url" else None
        report.append({"name": name, "type": source_type, "count": len(rows),
                       "articles": sorted(set(rows["article_id"])),
                       "suggested_entry": suggest_entry(str(name), source_type, _first(rows["country"]), role)})
    return report


def _first(values: pd.Series) -> str | None:
    """The first value given, or None."""
    given = values.dropna()
    return str(given.iloc[0]) if len(given) else None
