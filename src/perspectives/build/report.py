"""The build report: counts per topic, skipped articles, warnings, unrecognised sources, and the fingerprint."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

import pandas as pd

from perspectives.build import cache
from perspectives.build.plan import fingerprint
from perspectives.config import Config
from perspectives.records import Article, ArticleResult, Citation
from perspectives.stages.sources.citations import collect_unrecognised


def build_report(config: Config, tables: dict[str, pd.DataFrame], failed: list[dict[str, str]],
                 warnings: list[str]) -> dict[str, Any]:
    """The report written beside the tables (and printed by the CLI, shown by the dashboard)."""
    per_topic = Counter(tables["claim_topics"]["topic"])
    placed = tables["claim_topics"]["claim_id"].nunique()
    return {
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "config": str(config.path),
        "articles_read": len(tables["articles"]),
        "articles_failed": failed,
        "claims": len(tables["claims"]),
        "claims_placed": int(placed),
        "claims_per_topic": {t.id: int(per_topic.get(t.id, 0)) for t in config.topics},
        "citations": len(tables["citations"]),
        "furniture_dropped": _dropped_counts(tables["articles"]),
        "unrecognised_sources": collect_unrecognised(_unknown_citations(tables["citations"])),
        "warnings": warnings,
        "fingerprint": fingerprint(config),
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


def _unknown_citations(citations: pd.DataFrame) -> list[ArticleResult]:
    """The citations of sources outside the gazetteer, as the per-article results the report collects them from.

    Cached articles have no records, only rows: the table holds every field the collection reads.
    """
    unknown = citations[~citations["known"].astype(bool)]
    by_article: dict[str, list[Citation]] = {}
    columns = ("article_id", "claim_id", "source", "source_type", "country", "cue", "surface")
    for aid, cid, source, source_type, country, cue, surface in zip(*(unknown[c] for c in columns), strict=True):
        by_article.setdefault(aid, []).append(Citation(
            claim_index=int(cid.rsplit(":", 1)[1]), source=source, source_type=_or_none(source_type),
            country=_or_none(country), cue=cue, surface=surface, known=False))
    return [ArticleResult(article=Article(article_id=aid, path="", body=""), claims=(), citations=tuple(cites))
            for aid, cites in by_article.items()]


def _or_none(value: Any) -> Any:
    return None if pd.isna(value) else value


