"""The build: config → per-article results → tables and build report.

Per-article work is a pure function of the article's bytes and the parts of the config that affect it,
so results can be cached and computed in any order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from perspectives.build import cache
from perspectives.build.plan import Keys, fingerprint

from perspectives.build import store
from perspectives.stages.articles.reader import ArticleError, Cleaner, read_article
from perspectives.stages.claims import split_claims
from perspectives.config import ArticleEntry, Config
from perspectives.stages.sources.gazetteer import Gazetteer, compile_gazetteer
from perspectives.records import Article, ArticleResult, Citation, Claim, TopicHit
from perspectives.stages.sources.citations import collect_unrecognised, extract_citations
from perspectives.stages.topics import CompiledTopic, assign_topics, compile_topics
from perspectives.stages.stances import (
    CompiledPosition,
    Lexicon,
    assign_positions,
    certainty_score,
    compile_lexicon,
    compile_positions,
    mark_certainty,
)
from perspectives.stages.sources.voice import assign_voice
from perspectives.tables import TABLES, conform

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Task = TypeVar("Task")

# Below this many articles to process, starting worker processes costs more than it saves.
PARALLEL_MIN = 50
# Several chunks per worker keep every core busy to the end and the progress bar moving.
CHUNKS_PER_WORKER = 4
MAX_CHUNK = 100


@dataclass(frozen=True)
class Stages:
    """The config's rules, compiled once per process: compiling costs more than reading one article."""

    cleaner: Cleaner
    topics: list[CompiledTopic]
    positions: dict[str, tuple[CompiledPosition, ...]]
    lexicon: Lexicon
    gazetteer: Gazetteer

    @classmethod
    def from_config(cls, config: Config) -> Stages:
        """Compile every rule the per-article work needs."""
        return cls(Cleaner.from_config(config.cleaning), compile_topics(config.topics),
                   compile_positions(config.topics), compile_lexicon(config.certainty),
                   compile_gazetteer(config.sources))


def process_article(entry: ArticleEntry, file: Path, *, display_path: str, cleaner: Cleaner,
                    topics: list[CompiledTopic], positions: dict[str, tuple[CompiledPosition, ...]],
                    lexicon: Lexicon, gazetteer: Gazetteer | None = None) -> ArticleResult:
    """Read one article and derive its claims, topics, positions, citations and voice.

    Raises ArticleError when the article cannot be read. Without a gazetteer every source is unrecognised.
    """
    overrides = {"title": entry.title, "author": entry.author, "date": entry.date,
                 "outlet": entry.outlet, "url": entry.url}
    article = read_article(file, article_id=entry.article_id, cleaner=cleaner, overrides=overrides,
                           display_path=display_path)
    claims = mark_certainty(split_claims(article), lexicon)
    citations = extract_citations(article, claims, gazetteer or Gazetteer())
    claims = assign_voice(article, claims, citations)
    hits = place_topics(claims, topics, positions)
    return ArticleResult(article=article, claims=tuple(claims), topics=tuple(hits), citations=tuple(citations),
                         warnings=article.warnings)


def place_topics(claims: Sequence[Claim], topics: list[CompiledTopic],
                 positions: dict[str, tuple[CompiledPosition, ...]]) -> list[TopicHit]:
    """The topic hits of an article's claims, with positions: the only per-article work topic rules affect."""
    return assign_positions(claims, assign_topics(claims, topics), positions)


def run_pipeline(config: Config, *, progress: Progress | None = None, workers: int | None = None) -> dict[str, Any]:
    """Build every article of the config, write the tables and the build report, and return the report.

    Articles unchanged since the last build come from the result cache; when only the topic rules changed,
    only topic placement runs again. The rest is processed in parallel, and the tables come out in config
    order whatever the number of workers.

    Args:
        workers: processes for per-article work; None means one per core, or none (in this process) when
            fewer than PARALLEL_MIN articles need work.
    """
    with store.build_lock(config.output_dir):
        return _build(config, progress=progress, workers=workers)


def _build(config: Config, *, progress: Progress | None, workers: int | None) -> dict[str, Any]:
    """The build proper; runs under the output folder's lock."""
    keys = Keys.from_config(config)
    previous = cache.ResultCache.load(config.output_dir)
    plan = previous.plan(config, keys)
    if progress and plan.reuse:
        progress(len(plan.reuse), len(config.articles), "unchanged articles from the cache")
    fragments = _compute(config, plan, previous, keys, workers=workers, progress=progress)
    tables = _assemble(config, previous, plan, fragments)
    if plan.read or plan.place or len(plan.reuse) != len(previous.tables["articles"]):
        cache.save(config.output_dir, tables)
    failed = [{"article_id": config.articles[i].article_id, "path": config.articles[i].path, "reason": reason}
              for i, reason in sorted(f for fragment in fragments for f in fragment.failed)]
    warnings = _warnings(config, tables["articles"], failed)
    tables = {name: conform(name, frame) for name, frame in tables.items()}
    kept = _keep_previous(config.output_dir, tables, [f["article_id"] for f in failed])
    if kept:
        warnings.append(f"kept the previous build's rows for {', '.join(kept)} (it could not be read this time)")
    report = _report(config, tables, failed, warnings, collect_unrecognised(_unknown_citations(tables["citations"])))
    store.write_tables(config.output_dir, tables, report)
    return report


@dataclass(frozen=True)
class _ReadTask:
    """An article to read from scratch, with the cache keys its rows will be stored under."""

    index: int
    entry: ArticleEntry
    file: Path
    entry_key: str
    topics_key: str


@dataclass(frozen=True)
class _PlaceTask:
    """An article whose cached claims only need placing in the (edited) topics."""

    index: int
    article_id: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class _Fragments:
    """What a chunk of work yields: table rows (with cache columns) and (config index, reason) failures."""

    tables: dict[str, pd.DataFrame]
    failed: list[tuple[int, str]]


# A chunk job: compiled stages and a list of tasks in, table rows out.
_Job = Callable[[Stages, Any], _Fragments]


def _compute(config: Config, plan: cache.Plan, previous: cache.ResultCache, keys: Keys, *,
             workers: int | None, progress: Progress | None) -> list[_Fragments]:
    """Read the planned articles and re-place the planned topics, serially or across worker processes."""
    entries = config.articles
    reads = [_ReadTask(i, entries[i], config.article_file(entries[i]), keys.entry(entries[i]), keys.topics)
             for i in plan.read]
    places = _place_tasks(previous, [(i, entries[i].article_id) for i in plan.place])
    count = _worker_count(workers, len(reads) + len(places))
    jobs: list[tuple[_Job, list[Any]]] = [(_read_chunk, chunk) for chunk in _chunks(reads, count)]
    jobs += [(_place_chunk, chunk) for chunk in _chunks(places, count)]
    done = len(plan.reuse)

    def advance(chunk: list[Any]) -> None:
        nonlocal done
        done += len(chunk)
        if progress:
            progress(done, len(entries), entries[chunk[-1].index].path)

    if not jobs:
        return []
    if count > 1:
        return _run_parallel(config, jobs, count, advance)
    stages = Stages.from_config(config)
    results = []
    for job, chunk in jobs:
        results.append(job(stages, chunk))
        advance(chunk)
    return results


def _worker_count(workers: int | None, n_tasks: int) -> int:
    if workers is not None:
        return max(1, workers)
    if n_tasks < PARALLEL_MIN:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _chunks(tasks: list[Task], workers: int) -> list[list[Task]]:
    size = max(1, min(MAX_CHUNK, math.ceil(len(tasks) / (workers * CHUNKS_PER_WORKER))))
    return [tasks[i:i + size] for i in range(0, len(tasks), size)]


def _run_parallel(config: Config, jobs: list[tuple[_Job, list[Any]]],
                  workers: int, advance: Callable[[list[Any]], None]) -> list[_Fragments]:
    """Run the jobs on a process pool; results come back in job order, progress as chunks finish."""
    # forkserver, not fork: the dashboard builds from a thread, and forking a threaded process can deadlock.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context, initializer=_init_worker,
                             initargs=(config,)) as pool:
        futures: dict[Future[_Fragments], list[Any]] = {
            pool.submit(_in_worker, job, chunk): chunk for job, chunk in jobs}
        for future in as_completed(futures):
            advance(futures[future])
        return [future.result() for future in futures]


_WORKER_STAGES: Stages | None = None


def _init_worker(config: Config) -> None:
    """Compile the config's rules once in each worker process."""
    global _WORKER_STAGES
    _WORKER_STAGES = Stages.from_config(config)


def _in_worker(job: Callable[[Stages, list[Task]], _Fragments], chunk: list[Task]) -> _Fragments:
    assert _WORKER_STAGES is not None, "worker started without _init_worker"
    return job(_WORKER_STAGES, chunk)


def _read_chunk(stages: Stages, tasks: list[_ReadTask]) -> _Fragments:
    """Process a chunk of articles from their files into table rows tagged with their cache keys."""
    results, entry_keys, failed = [], [], []
    for task in tasks:
        try:
            result = process_article(task.entry, task.file, display_path=task.entry.path, cleaner=stages.cleaner,
                                     topics=stages.topics, positions=stages.positions, lexicon=stages.lexicon,
                                     gazetteer=stages.gazetteer)
        except ArticleError as exc:
            failed.append((task.index, str(exc)))
        else:
            results.append(result)
            entry_keys.append(task.entry_key)
    tables = build_tables(results)
    topics_key = tasks[0].topics_key
    tables["articles"] = cache.tag_articles(tables["articles"], entry_keys, topics_key,
                                            [r.warnings for r in results])
    tables["claim_topics"] = _with_article_ids(tables["claim_topics"])
    return _Fragments(tables, failed)


def _place_chunk(stages: Stages, tasks: list[_PlaceTask]) -> _Fragments:
    """Place a chunk of articles' cached claims in the topics; only claim_topics rows come out."""
    results = [ArticleResult(article=Article(article_id=task.article_id, path="", body=""), claims=(),
                             topics=tuple(place_topics(task.claims, stages.topics, stages.positions)))
               for task in tasks]
    return _Fragments({"claim_topics": _with_article_ids(build_tables(results)["claim_topics"])}, [])


def _place_tasks(previous: cache.ResultCache, articles: list[tuple[int, str]]) -> list[_PlaceTask]:
    """The cached claims of each article whose topics need placing again."""
    rows = previous.rows("claims", [aid for _, aid in articles])
    grouped: dict[str, list[Claim]] = {aid: [] for _, aid in articles}
    columns = ("article_id", "position_in_article", "paragraph", "start", "end", "text")
    for aid, index, paragraph, start, end, text in zip(*(rows[c] for c in columns), strict=True):
        grouped[aid].append(Claim(index=int(index), paragraph=int(paragraph), start=int(start), end=int(end),
                                  text=text))
    return [_PlaceTask(i, aid, tuple(grouped[aid])) for i, aid in articles]


def _with_article_ids(claim_topics: pd.DataFrame) -> pd.DataFrame:
    """claim_topics rows with their article's id, so cached rows can be picked by article."""
    ids = claim_topics["claim_id"].str.rsplit(":", n=1).str[0].astype("string")
    return claim_topics.assign(**{cache.ARTICLE_ID: ids})


def _assemble(config: Config, previous: cache.ResultCache, plan: cache.Plan,
              fragments: list[_Fragments]) -> dict[str, pd.DataFrame]:
    """Cached and fresh rows together, in config order (rows of one article keep their own order)."""
    ids = [entry.article_id for entry in config.articles]
    text_ids = [ids[i] for i in plan.reuse + plan.place]
    topic_ids = [ids[i] for i in plan.reuse]
    order = {aid: i for i, aid in enumerate(ids)}
    tables = {}
    for name in TABLES:
        parts = [previous.rows(name, topic_ids if name == "claim_topics" else text_ids),
                 *(f.tables[name] for f in fragments if name in f.tables)]
        parts = [part for part in parts if not part.empty] or parts[:1]
        frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
        position = frame[cache.ARTICLE_ID].map(order).to_numpy()
        tables[name] = frame.iloc[np.argsort(position, kind="stable")].reset_index(drop=True)
    return tables


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


def _warnings(config: Config, articles: pd.DataFrame, failed: list[dict[str, str]]) -> list[str]:
    """Reading warnings and skipped articles, in config order."""
    found = dict(zip(articles["article_id"], cache.warnings_of(articles), strict=True))
    reasons = {f["article_id"]: f["reason"] for f in failed}
    warnings = []
    for entry in config.articles:
        if entry.article_id in reasons:
            warnings.append(f"{entry.path}: {reasons[entry.article_id]}; skipped")
        warnings += [f"{entry.path}: {w}" for w in found.get(entry.article_id, ())]
    return warnings


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
    return {"articles": conform("articles", articles), "claims": conform("claims", claims),
            "claim_topics": conform("claim_topics", topics),
            "citations": conform("citations", citations)}


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
        tables[name] = conform(name, pd.concat([frame, old], ignore_index=True))
    return kept


def _report(config: Config, tables: dict[str, pd.DataFrame], failed: list[dict[str, str]],
            warnings: list[str], unrecognised: list[dict[str, Any]]) -> dict[str, Any]:
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
        "unrecognised_sources": unrecognised,
        "warnings": warnings,
        "fingerprint": fingerprint(config),
    }
