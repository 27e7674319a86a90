"""The build: plan what changed, do that work (in parallel), assemble the tables, write them and the report.

Per-article work is a pure function of the article's bytes and the parts of the config that affect it,
so results can be cached and computed in any order; ``build.plan`` decides what must be redone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from perspectives.build import cache, placement, store
from perspectives.build.plan import Keys, Plan, plan_build
from perspectives.build.report import build_report, reading_warnings
from perspectives.build.rows import Rows
from perspectives.config import Config
from perspectives.tables import TABLES, claim_article, conform, to_arrow, written_form

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


def run_pipeline(config: Config, *, progress: Progress | None = None, workers: int | None = None) -> dict[str, Any]:
    """Build every article of the config, write the tables and the build report, and return the report.

    Articles unchanged since the last build come from the result cache; when only some topics' rules
    changed, only those topics are placed again. The rest is processed in parallel, and the tables come out
    in config order whatever the number of workers.

    Args:
        workers: processes for per-article work; None means one per core, or none (in this process) when
            fewer than ``parallel.PARALLEL_MIN`` tasks need work.
    """
    with store.build_lock(config.output_dir):
        return _build(config, progress=progress, workers=workers)


def _build(config: Config, *, progress: Progress | None, workers: int | None) -> dict[str, Any]:
    """The build proper; runs under the output folder's lock."""
    keys = Keys.from_config(config)
    previous = cache.ResultCache.load(config.output_dir)
    plan = plan_build(config, keys, previous.articles(), previous.topic_keys)
    if progress and plan.reuse:
        progress(len(plan.reuse), len(config.articles), "unchanged articles from the cache")
    fresh = _compute(config, plan, previous, keys, workers=workers, progress=progress)
    failed = [{"article_id": config.articles[i].article_id, "path": config.articles[i].path, "reason": reason}
              for i, reason in sorted(f for rows in fresh for f in rows.failed)]
    tables = _assemble(config, previous, plan, fresh)
    tags = _article_tags(config, previous, plan, tables)
    same_files = {name: previous.file(name) for name in plan.unchanged}
    if plan.recache:
        written = cache.save(config.output_dir, tables, tags, keys, same=same_files)
    else:  # nothing changed: the previous generation's files are these tables
        written = {name: file for name, file in same_files.items() if name in cache.PLAIN_TABLES}

    def columns(name: str, wanted: Sequence[str]) -> pd.DataFrame:
        table = tables[name] if name in tables else previous.arrow(name, columns=wanted)
        return table.select(list(wanted)).to_pandas()

    warnings = reading_warnings(config, tags, failed)
    kept = _keep_previous(config.output_dir, tables, [f["article_id"] for f in failed])
    if kept:
        warnings.append(f"kept the previous build's rows for {', '.join(kept)} (it could not be read this time)")
        written = {}  # the tables now hold rows the cache does not
    report = build_report(config, plan, keys, columns, failed, warnings)
    store.write_tables(config.output_dir, tables, report, written=written)
    cache.drop_old(config.output_dir)
    return report


def _compute(config: Config, plan: Plan, previous: cache.ResultCache, keys: Keys, *,
             workers: int | None, progress: Progress | None) -> list[Rows]:
    """Read the planned articles (in parallel), then place the planned topics on the reused ones' claims."""
    fresh = _read(config, plan, keys, workers=workers, progress=progress) if plan.read else []
    if plan.place:
        if progress:
            total = len(config.articles)
            progress(total, total, f"placing the unchanged articles in {', '.join(plan.place)}")
        fresh.append(_place_reused(config, plan, previous, keys))
    return fresh


def _read(config: Config, plan: Plan, keys: Keys, *, workers: int | None, progress: Progress | None) -> list[Rows]:
    """Read the planned articles, on a pool of workers when there are many."""
    # Imported here, not at the top: the stages that read articles take a fresh process most of a second to
    # import (their patterns compile on import), and a build that reads nothing, as after a rule edit, never
    # needs them.
    from perspectives.build import parallel, work

    entries = config.articles
    reads = [work.ReadTask(i, entries[i], config.article_file(entries[i]), keys.entries[i]) for i in plan.read]
    count = parallel.worker_count(workers, len(reads))
    done = len(plan.reuse)

    def advance(chunk: list[work.ReadTask]) -> None:
        nonlocal done
        done += len(chunk)
        if progress:
            progress(min(done, len(entries)), len(entries), entries[chunk[-1].index].path)

    jobs: list[tuple[parallel.Job, list[Any]]] = [(work.read_chunk, c) for c in parallel.chunks(reads, count)]
    return parallel.run_jobs(config, jobs, count, advance)


def _place_reused(config: Config, plan: Plan, previous: cache.ResultCache, keys: Keys) -> Rows:
    """The reused articles' cached claims placed in the planned topics, all at once in this process: one
    screen pass over the claims table costs less than starting workers. A claim placed again in a topic
    whose positions did not change keeps the position it was given (see ``placement.place_topics``)."""
    ids = [config.articles[i].article_id for i in plan.reuse]
    claims = previous.rows("claims", ids, ["claim_id", "article_id", "paragraph", "text"])
    articles = previous.rows("articles", ids, ["article_id", "title"])
    titles = dict(zip(articles["article_id"], articles["title"].fillna(""), strict=True))
    same_positions = [tid for tid in plan.place if previous.position_keys.get(tid) == keys.positions[tid]]
    known = previous.rows("claim_topics", ids, ["claim_id", "topic", "position", "position_evidence"])
    chosen = placement.Placement.from_config(config, plan.place)
    placed = placement.place_topics(claims.reset_index(drop=True), titles, chosen,
                                    known=known[known["topic"].isin(same_positions)])
    return Rows({"claim_topics": cache.to_arrow("claim_topics", placed)})


def _assemble(config: Config, previous: cache.ResultCache, plan: Plan, fresh: list[Rows]) -> dict[str, pa.Table]:
    """Cached and fresh rows together, in config order: articles, then claims in article order, then topics
    in config order. Cached topic rows are kept for topics whose rules did not change.

    Of the tables the plan leaves ``unchanged``, exactly as cached, only those the store cannot link (see
    ``cache.PLAIN_TABLES``) are read: the files of the others are the tables. Rows stay in Arrow from the
    cache's files and the workers to the written tables, and a table already in order (articles appended at
    the end, say) is not reordered. The fresh rows are consumed, each table's chunks let go once assembled:
    holding them to the end set a cold build's peak memory.
    """
    article_order = pa.array([entry.article_id for entry in config.articles], pa.large_string())
    topic_order = pa.array([t.id for t in config.topics], pa.large_string())
    reused = [config.articles[i].article_id for i in plan.reuse]
    tables = {}
    for name in TABLES:
        if name in plan.unchanged:
            if name not in cache.PLAIN_TABLES:
                tables[name] = previous.arrow(name)
            continue
        cached = previous.arrow(name, reused)
        if name == "claim_topics":
            replaced = pa.array(plan.place, pa.large_string())
            cached = cached.filter(pc.and_(pc.is_in(cached["topic"], value_set=topic_order),
                                           pc.invert(pc.is_in(cached["topic"], value_set=replaced))))
        parts = [part for part in [cached, *(rows.tables.pop(name) for rows in fresh if name in rows.tables)]
                 if part.num_rows] or [cached]
        table = pa.concat_tables(parts)
        keys = [_positions(table["article_id"], article_order)]
        if name == "claim_topics":  # in claims order (assembled above), then topic order
            claims = tables["claims"] if "claims" in tables else previous.arrow("claims", columns=["claim_id"])
            keys = [_positions(table["topic"], topic_order), _positions(table["claim_id"], claims["claim_id"])]
        elif name in ("claims", "citations"):
            keys = [np.arange(table.num_rows), *keys]  # rows of one article keep their own order
        order = np.lexsort(keys)
        tables[name] = table if np.array_equal(order, np.arange(len(order))) else table.take(order)
    return tables


def _positions(values: pa.ChunkedArray, order: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Where each value stands in ``order``."""
    positions: np.ndarray = pc.index_in(values, value_set=order).to_numpy(zero_copy_only=False)
    return positions


def _article_tags(config: Config, previous: cache.ResultCache, plan: Plan,
                  tables: dict[str, pa.Table]) -> pd.DataFrame:
    """The articles' bookkeeping (``cache.TAG_COLUMNS``) in the tables' order, with each file's stat as this
    build planned it: after files are touched, their new stats are all that changes."""
    columns = ["article_id", cache.ENTRY_KEY, cache.WARNINGS]
    articles = (tables["articles"] if "articles" in tables else previous.arrow("articles", columns=columns)
                ).select(columns).to_pandas()
    order = {entry.article_id: i for i, entry in enumerate(config.articles)}
    stats = pd.Series([plan.stats[order[aid]] for aid in articles["article_id"]], index=articles.index,
                      dtype="string")
    return articles.assign(**{cache.STAT: stats})


def _keep_previous(out_dir: Path, tables: dict[str, pa.Table], failed_ids: list[str]) -> list[str]:
    """Carry over the last build's rows of articles that failed now, so one bad save loses nothing."""
    if not failed_ids or not store.has_tables(out_dir):
        return []
    previous = store.read_tables(out_dir)
    kept = sorted(set(failed_ids) & set(previous["articles"]["article_id"]))
    if not kept:
        return []
    for name, table in tables.items():
        old = previous[name]
        owner = old["article_id"] if "article_id" in old else claim_article(old["claim_id"])
        carried = to_arrow(name, conform(name, old[owner.isin(kept)]))
        tables[name] = pa.concat_tables([written_form(name, table), carried])
    return kept
