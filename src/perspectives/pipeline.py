"""The build: config → per-article results → tables and build report.

Per-article work is a pure function of the article's bytes and the parts of the config that affect it,
so results can be cached and computed in any order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from perspectives import store
from perspectives.articles import ArticleError, Cleaner, read_article
from perspectives.claims import split_claims
from perspectives.config import ArticleEntry, Config
from perspectives.records import ArticleResult
from perspectives.topics import CompiledTopic, assign_topics, compile_topics
from perspectives.treatment import (CompiledPosition, Lexicon, assign_positions, certainty_score,
                                    compile_lexicon, compile_positions, mark_certainty)

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


def process_article(entry: ArticleEntry, file: Path, *, display_path: str, cleaner: Cleaner,
                    topics: list[CompiledTopic], positions: dict[str, tuple[CompiledPosition, ...]],
                    lexicon: Lexicon) -> ArticleResult:
    """Read one article and derive its claims, topics and positions; raises ArticleError when unreadable."""
    overrides = {"title": entry.title, "author": entry.author, "date": entry.date,
                 "outlet": entry.outlet, "url": entry.url}
    article = read_article(file, article_id=entry.article_id, cleaner=cleaner, overrides=overrides,
                           display_path=display_path)
    claims = mark_certainty(split_claims(article), lexicon)
    hits = assign_positions(claims, assign_topics(claims, topics), positions)
    return ArticleResult(article=article, claims=tuple(claims), topics=tuple(hits),
                         warnings=article.warnings)


def run_pipeline(config: Config, *, progress: Progress | None = None) -> dict[str, Any]:
    """Build every article of the config, write the tables and the build report, and return the report."""
    cleaner = Cleaner.from_config(config.cleaning)
    topics = compile_topics(config.topics)
    positions = compile_positions(config.topics)
    lexicon = compile_lexicon(config.certainty)
    results: list[ArticleResult] = []
    failed: list[dict[str, str]] = []
    warnings: list[str] = []
    total = len(config.articles)
    for done, entry in enumerate(config.articles, start=1):
        file = config.article_file(entry)
        try:
            result = process_article(entry, file, display_path=entry.path, cleaner=cleaner, topics=topics,
                                     positions=positions, lexicon=lexicon)
        except ArticleError as exc:
            failed.append({"article_id": entry.article_id, "path": entry.path, "reason": str(exc)})
            warnings.append(f"{entry.path}: {exc}; skipped")
        else:
            results.append(result)
            warnings += [f"{entry.path}: {w}" for w in result.warnings]
        if progress:
            progress(done, total, entry.path)
    tables = build_tables(results)
    kept = _keep_previous(config.output_dir, tables, [f["article_id"] for f in failed])
    if kept:
        warnings.append(f"kept the previous build's rows for {', '.join(kept)} (it could not be read this time)")
    for name, frame in tables.items():
        store.write_table(config.output_dir, name, frame)
    report = _report(config, tables, failed, warnings)
    store.write_json(config.output_dir / store.REPORT_FILE, report)
    return report


def build_tables(results: list[ArticleResult]) -> dict[str, pd.DataFrame]:
    """The four tables of the contract from per-article results, rows in a stable order."""
    articles, claims, topics, citations = [], [], [], []
    for result in results:
        article = result.article
        aid = article.article_id
        articles.append({
            "article_id": aid, "title": article.title, "author": article.author, "date": article.date,
            "outlet": article.outlet, "original_publisher": article.original_publisher, "url": article.url,
            "path": article.path, "n_claims": len(result.claims),
            "n_words": len(article.body.split()), "content_hash": article.content_hash, "body": article.body,
        })
        for claim in result.claims:
            claims.append({
                "claim_id": claim_id(aid, claim.index), "article_id": aid, "paragraph": claim.paragraph,
                "position_in_article": claim.index, "text": claim.text, "start": claim.start,
                "end": claim.end, "voice": claim.voice, "quote": claim.quote,
                "hedges": "; ".join(claim.hedges), "boosters": "; ".join(claim.boosters),
                "certainty": certainty_score(len(claim.hedges), len(claim.boosters)),
            })
        for hit in result.topics:
            topics.append({"claim_id": claim_id(aid, hit.claim_index), "topic": hit.topic,
                           "position": hit.position, "evidence": "; ".join(hit.evidence),
                           "position_evidence": "; ".join(hit.position_evidence)})
        for n, cite in enumerate(result.citations):
            citations.append({
                "citation_id": f"{aid}:c{n:04d}", "article_id": aid, "claim_id": claim_id(aid, cite.claim_index),
                "source": cite.source, "source_type": cite.source_type, "country": cite.country,
                "cue": cite.cue, "surface": cite.surface, "known": cite.known,
            })
    return {"articles": store.conform("articles", articles), "claims": store.conform("claims", claims),
            "claim_topics": store.conform("claim_topics", topics),
            "citations": store.conform("citations", citations)}


def claim_id(article_id: str, index: int) -> str:
    """The stable id of a claim: its article and its position there."""
    return f"{article_id}:{index:04d}"


def _keep_previous(out_dir: Path, tables: dict[str, pd.DataFrame], failed_ids: list[str]) -> list[str]:
    """Carry over the last build's rows of articles that failed now, so one bad save loses nothing."""
    if not failed_ids or not store.has_tables(out_dir):
        return []
    previous = store.read_tables(out_dir)
    kept = sorted(set(failed_ids) & set(previous["articles"]["article_id"]))
    if not kept:
        return []
    for name, frame in tables.items():
        old = previous[name][previous[name]["article_id"].isin(kept)] if "article_id" in previous[name] else \
            previous[name][previous[name]["claim_id"].str.rsplit(":", n=1).str[0].isin(kept)]
        tables[name] = store.conform(name, pd.concat([frame, old], ignore_index=True))
    return kept


def fingerprint(config: Config) -> dict[str, Any]:
    """What a build depends on: the config file's bytes and each article's size and modification time."""
    files = {}
    for entry in config.articles:
        file = config.article_file(entry)
        try:
            stat = file.stat()
            files[entry.path] = [stat.st_size, stat.st_mtime_ns]
        except OSError:
            files[entry.path] = None
    config_hash = hashlib.sha256(config.path.read_bytes()).hexdigest() if config.path.exists() else ""
    return {"config": config_hash, "articles": files}


def is_stale(config: Config) -> bool:
    """Whether the config or any article changed since the last build (or there is none)."""
    report = store.read_report(config.output_dir)
    if report is None or not store.has_tables(config.output_dir):
        return True
    return bool(json.loads(json.dumps(fingerprint(config))) != report.get("fingerprint"))


def _report(config: Config, tables: dict[str, pd.DataFrame], failed: list[dict[str, str]],
            warnings: list[str]) -> dict[str, Any]:
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
        "warnings": warnings,
        "fingerprint": fingerprint(config),
    }
