"""Unrecognised sources: those a cue found but the gazetteer lacks, each with a ``sources:`` entry to paste."""

from __future__ import annotations

import re
from collections import defaultdict

from perspectives.records import ArticleResult, Citation
from perspectives.stages.sources.gazetteer import suggest_entry


def collect_unrecognised(results: list[ArticleResult]) -> list[dict[str, object]]:
    """Sources found by a cue but absent from the gazetteer, with a ready-to-paste ``sources:`` entry each."""
    groups: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for result in results:
        for cite in result.citations:
            if not cite.known:
                groups[cite.source].append((result.article.article_id, cite))
    report: list[dict[str, object]] = []
    for name, cites in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        source_type = next((c.source_type for _, c in cites if c.source_type), None)
        country = next((c.country for _, c in cites if c.country), None)
        role = _role_of(name, cites[0][1].surface) if cites[0][1].cue != "url" else None
        report.append({"name": name, "type": source_type, "count": len(cites),
                       "articles": sorted({aid for aid, _ in cites}),
                       "suggested_entry": suggest_entry(name, source_type, country, role)})
    return report


def _role_of(name: str, surface: str) -> str | None:
    """The role words around a name in its surface ("Foreign Minister Ivan Petrov" → "Foreign Minister")."""
    role = surface.replace(name, " ").strip(" ,").replace(" , ", ", ")
    return re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"\s+", " ", role), flags=re.I) or None
