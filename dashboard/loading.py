"""Loading: find the config, rebuild the tables when config or articles changed, and read them (cached)."""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st
import yaml

import state
from perspectives.build import plan, store
from perspectives.build import run as pipeline
from perspectives.config import CONFIG_FILE, Config, ConfigError, load_config
from perspectives.measures.groups import field_ids
from perspectives.measures.selection import Tables, prepare_tables
from perspectives.measures.vocabulary import claim_terms
from perspectives.present import styles
from perspectives.tables import TABLES

log = logging.getLogger(__name__)

ENV_CONFIG = "PERSPECTIVES_CONFIG"
# How long a session trusts that the tables are fresh. A reload or a config edit asks again at once; an article
# edited in place is noticed on the first rerun after this.
RECHECK_SECONDS = 5.0


@dataclass
class Loaded:
    """What the views draw from: the tables, topic and position styles, the config behind them (for the
    rule diagnostics), and what went wrong getting them."""

    config_path: Path
    out_dir: Path
    tables: Tables | None
    topics: pd.DataFrame
    positions: pd.DataFrame
    config: Config | None
    report: dict[str, Any] | None
    config_error: str | None = None
    build_error: str | None = None
    rebuilt: bool = False
    stamp: int = 0
    # The declared fields, id -> label, in config order: what the views can compare and filter by.
    fields: dict[str, str] = field(default_factory=dict)


def config_path() -> Path:
    """The config file: ``-- --config FILE``, else $PERSPECTIVES_CONFIG, else ./config.yaml."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--config")
    # parse_known_args: under pytest sys.argv holds pytest's own options.
    args, _ = parser.parse_known_args(sys.argv[1:])
    return Path(args.config or os.environ.get(ENV_CONFIG) or CONFIG_FILE)


def load() -> Loaded:
    """Load the config, rebuild stale tables with a progress bar, and read the tables.

    A broken config or a failed build never hides the last good tables: the error is returned for
    the page to show above them.
    """
    path = config_path()
    try:
        config = _load_config(path)
    except ConfigError as exc:
        last = st.session_state.get(state.LAST_GOOD)
        out_dir = last.output_dir if isinstance(last, Config) else _fallback_output(path)
        return _read(path, out_dir, last, config_error=str(exc))
    reloaded = config is not st.session_state.get(state.LAST_GOOD)
    st.session_state[state.LAST_GOOD] = config
    build_error, rebuilt = None, False
    try:
        if _stale(config, reloaded=reloaded):
            _rebuild(config)
            st.session_state[state.FRESH_AT] = time.monotonic()
            rebuilt = True
    except Exception as exc:  # a failed build must leave the last good tables on screen
        log.exception("rebuild failed")
        build_error = f"{type(exc).__name__}: {exc}"
    loaded = _read(path, config.output_dir, config, build_error=build_error)
    loaded.rebuilt = rebuilt
    return loaded


def _stale(config: Config, *, reloaded: bool) -> bool:
    """``plan.is_stale``, unless this session found the tables fresh less than RECHECK_SECONDS ago and the config
    has not been loaded anew since (``reloaded``: the session's first run, an edited config, an article file
    added or removed). Asking stats every article: a burst of filter changes must not ask each time."""
    fresh_at = st.session_state.get(state.FRESH_AT)
    if not reloaded and fresh_at is not None and time.monotonic() - fresh_at < RECHECK_SECONDS:
        return False
    if plan.is_stale(config):
        return True
    st.session_state[state.FRESH_AT] = time.monotonic()
    return False


def _load_config(path: Path) -> Config:
    """``load_config``, parsed once per content of the config file and state of its articles' folders.

    Parsing and checking a config of 5,000 articles takes seconds, and every rerun (each filter change)
    loads it. The folders' mtimes change when an article file is added, removed or renamed, which the
    config's checks look at; a config with problems is never cached, so its errors show on every rerun.
    """
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return load_config(path)  # raises the config's own error: missing, a folder, unreadable
    config, folders = _parsed_config(str(path), digest)
    if any(_mtime(folder) != mtime for folder, mtime in folders.items()):
        _parsed_config.clear()
        config, folders = _parsed_config(str(path), digest)
    return config


@st.cache_resource(show_spinner=False, max_entries=4)
def _parsed_config(path: str, digest: str) -> tuple[Config, dict[str, int]]:
    """The config and the mtimes of its articles' folders; ``digest`` (of the file's bytes) keys the cache."""
    del digest
    config = load_config(path)
    folders = {str(config.article_file(entry).parent) for entry in config.articles} | {str(config.base_dir)}
    return config, {folder: _mtime(folder) for folder in folders}


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _rebuild(config: Config) -> None:
    """Run the pipeline, showing its progress, then drop the placeholder."""
    bar = st.progress(0.0, text="Config or articles changed: rebuilding the tables…")

    def progress(done: int, total: int, label: str) -> None:
        bar.progress(done / total if total else 1.0, text=f"Rebuilding: {done}/{total} {label}")

    with st.spinner("Rebuilding the tables…"):
        pipeline.run_pipeline(config, progress=progress)
    bar.empty()


def _fallback_output(path: Path) -> Path:
    """Where a broken config most likely writes: its ``output`` key if readable, else the default."""
    default = str(Config.model_fields["output"].default)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        data = None
    output = data.get("output") if isinstance(data, dict) else None
    return (path.resolve().parent / (output if isinstance(output, str) else default)).resolve()


def _read(path: Path, out_dir: Path, config: Config | None, *, config_error: str | None = None,
          build_error: str | None = None) -> Loaded:
    """The tables and report in ``out_dir`` (None when no build has written them) with the styles of
    ``config``, the last config that loaded (None when none has in this session)."""
    topics = [(t.id, t.label, t.color) for t in config.topics] if config else []
    positions = styles.position_styles([(t.id, p.id, p.label or p.id) for t in config.topics for p in t.positions]
                                       if config else [])
    declared = {f.id: f.title for f in config.fields} if config else {}
    if not store.has_tables(out_dir):
        return Loaded(path, out_dir, None, styles.topic_styles(topics), positions, config, None,
                      config_error=config_error, build_error=build_error, fields=declared)
    stamp = _stamp(out_dir)
    tables = load_tables(str(out_dir), stamp, tuple(declared))
    # A field the tables carry but the config no longer declares (or no config loads) still groups and filters.
    found = {fid: fid.replace("_", " ").capitalize() for fid in field_ids(tables["articles"]) if fid not in declared}
    return Loaded(path, out_dir, tables, _styles(topics, tables), positions, config, _report(str(out_dir), stamp),
                  config_error=config_error, build_error=build_error, stamp=stamp, fields={**declared, **found})


def _stamp(out_dir: Path) -> int:
    """A cache key that changes with every build: the newest mtime among report and tables."""
    files = [out_dir / store.REPORT_FILE, *(out_dir / f"{name}.parquet" for name in TABLES)]
    return max((f.stat().st_mtime_ns for f in files if f.exists()), default=0)


# The columns the views read: article bodies and dropped furniture are read one article at a time by the
# Article view, and the build's bookkeeping (content hashes, hedge and booster words, paragraph numbers, cue
# surfaces) by none. claim_topics keeps ``context``: Article, Compare and Topics tell context placements apart.
# The claims' terms are read apart, as Arrow (see ``load_terms``).
WORDS = "claim_words"
COLUMNS = {name: [c for c in columns if c not in {"body", "dropped", "content_hash", "paragraph", "hedges",
                                                  "boosters", "surface"}]
           for name, columns in TABLES.items() if name != WORDS}


# A resource cache, not a data cache: a data cache hands every rerun a fresh copy of 300,000 claims,
# which took longer than reading the files. Nothing may change the frames it returns.
@st.cache_resource(show_spinner="Reading the tables…", max_entries=2)
def load_tables(out_dir: str, stamp: int, fields: tuple[str, ...] = ()) -> Tables:
    """The four tables with the dashboard's derived columns (a column per field in ``fields``, the declared
    ones); ``stamp`` only keys the cache. A table whose file a build left as it was is not read again."""
    del stamp
    return prepare_tables({name: _table(out_dir, name, plan.file_stat(Path(out_dir) / f"{name}.parquet"))
                           for name in COLUMNS}, fields)


# Two generations of each table: the one on screen and the one a rebuild writes.
@st.cache_resource(show_spinner=False, max_entries=2 * len(COLUMNS))
def _table(out_dir: str, name: str, stat: str | None) -> pd.DataFrame:
    """One table in the columns the views read, keyed by its file's size and modification time
    (``plan.file_stat``, what the result cache tells its files apart by).

    A build links the files of the tables it leaves unchanged (a rule edit rewrites only claim_topics), so
    after a rebuild only the tables it wrote are read: the loop of editing a topic's rules and reloading reads
    the placements alone, not the claims and articles with them.
    """
    del stat
    return store.read_table(Path(out_dir), name, COLUMNS[name])


# A resource cache: the report of 5,000 articles is half a megabyte of JSON, read on every rerun before; the
# page only reads it.
@st.cache_resource(show_spinner=False, max_entries=2)
def _report(out_dir: str, stamp: int) -> dict[str, Any] | None:
    """The build report of the tables stamped ``stamp`` (which only keys the cache)."""
    del stamp
    return store.read_report(Path(out_dir))


def load_terms(out_dir: str) -> pd.DataFrame | None:
    """Every claim's terms (``vocabulary.claim_terms``), or None when the build stored none for these claims (it
    predates them, or its table has not one row per claim): the word measures then tokenise the claims they
    need. Read again only when a build wrote the terms or the claims anew (a rule edit writes neither)."""
    folder = Path(out_dir)
    return _terms(out_dir, plan.file_stat(folder / f"{WORDS}.parquet"), plan.file_stat(folder / "claims.parquet"))


# Read only when a view counts words (Contrast, Topics): the other views never wait for it.
@st.cache_resource(show_spinner="Reading the claims' words…", max_entries=2)
def _terms(out_dir: str, words_stat: str | None, claims_stat: str | None) -> pd.DataFrame | None:
    """``load_terms``, keyed by the files of the terms and the claims.

    Read with Arrow, the terms as a dictionary: a corpus has millions of terms but far fewer distinct ones, and
    as Python lists of strings they would take seconds to read.
    """
    del words_stat, claims_stat
    path = Path(out_dir) / f"{WORDS}.parquet"
    columns = ["claim_id", "terms", "counts"]
    try:
        stored = pq.ParquetFile(path)
        claims = pq.ParquetFile(Path(out_dir) / "claims.parquet").metadata.num_rows
        schema = stored.schema_arrow
        if stored.metadata.num_rows != claims or not set(columns) <= set(schema.names):
            return None
        terms = schema.field("terms").type
        if not pa.types.is_list(terms):  # an empty table written without a type for its lists
            return None
        return claim_terms(pq.read_table(path, columns=columns,
                                         read_dictionary=[f"terms.list.{terms.value_field.name}"]))
    except (OSError, pa.ArrowException):
        return None


@st.cache_data(show_spinner=False, max_entries=16)
def article_body(out_dir: str, stamp: int, article_id: str) -> str:
    """One article's text, read on its own: the table of bodies is as large as the corpus."""
    del stamp  # keys the cache
    return _article_value(out_dir, article_id, "body")


@st.cache_data(show_spinner=False, max_entries=16)
def article_dropped(out_dir: str, stamp: int, article_id: str) -> str:
    """One article's dropped furniture (JSON), read on its own: a page of captions and link lists each, it
    adds up to as much as the bodies."""
    del stamp  # keys the cache
    return _article_value(out_dir, article_id, "dropped")


def _article_value(out_dir: str, article_id: str, column: str) -> str:
    """One string column of one article's row in the articles table ("" when absent)."""
    return store.read_article_value(Path(out_dir), article_id, column) or ""


def _styles(topics: list[tuple[str, str, str | None]], tables: Tables) -> pd.DataFrame:
    """Topic styles for the config's topics plus any topic the tables hold that the config no longer names."""
    known = {tid for tid, _, _ in topics}
    extra = sorted(set(tables["claim_topics"]["topic"].dropna().unique()) - known)
    return styles.topic_styles([*topics, *((tid, tid, None) for tid in extra)])
