"""Result cache: each article's table rows kept between builds, so an unchanged article is never processed twice.

An article's text rows (articles, claims, citations) are reused when its bytes, its config entry, the
config sections that shape its text (all but ``articles``, ``topics`` and ``output``) and the package's
code are unchanged. Its topic rows are reused when, in addition, the topic rules are unchanged; otherwise
only topic placement runs again, on the cached claims.

The cache is the tables themselves plus a few bookkeeping columns, kept in ``<output>/cache/<generation>/``
(one Parquet file per table) and named by ``cache/current.json``, written last: a build that dies half-way
leaves the previous generation in use. A cache that cannot be read is ignored, never an error.
"""

from __future__ import annotations

import ast
import importlib.util
import functools
import hashlib
import json
import logging
import shutil
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from perspectives import __version__

from perspectives.build import store
from perspectives.build.plan import Keys, code_version, content_hash
from perspectives.config import Config
from perspectives.tables import TABLES, empty_table

log = logging.getLogger(__name__)

CACHE_DIR = "cache"
POINTER = "current.json"
# Bookkeeping columns: on the articles table, and the owning article of each claim_topics row.
ENTRY_KEY, TOPICS_KEY, WARNINGS, ARTICLE_ID = "_entry_key", "_topics_key", "_warnings", "article_id"
EXTRA_COLUMNS = {"articles": (ENTRY_KEY, TOPICS_KEY, WARNINGS), "claim_topics": (ARTICLE_ID,)}
# Presentation-only topic fields: editing them must not redo topic placement.
_DISPLAY_FIELDS = {"label", "description", "color"}


@dataclass
class Plan:
    """Which articles (by config index) reuse everything, reuse their text only, or are read afresh."""

    reuse: list[int] = field(default_factory=list)
    place: list[int] = field(default_factory=list)
    read: list[int] = field(default_factory=list)


@dataclass
class ResultCache:
    """The cached tables, with the bookkeeping columns; empty when there is no usable cache."""

    tables: dict[str, pd.DataFrame]

    @classmethod
    def empty(cls) -> ResultCache:
        """A cache that holds nothing."""
        return cls({name: with_extras(name, empty_table(name)) for name in TABLES})

    @classmethod
    def load(cls, out_dir: Path) -> ResultCache:
        """The cache of the last build in ``out_dir``; empty if missing, from another layout, or corrupt."""
        root = Path(out_dir) / CACHE_DIR
        if not (root / POINTER).exists():
            return cls.empty()
        try:
            generation = root / json.loads((root / POINTER).read_text(encoding="utf-8"))["generation"]
            tables = {name: pd.read_parquet(generation / f"{name}.parquet") for name in TABLES}
            for name, frame in tables.items():
                missing = set(with_extras(name, empty_table(name)).columns) - set(frame.columns)
                if missing:
                    raise ValueError(f"{name} lacks {sorted(missing)}")
        except Exception as exc:  # noqa: BLE001 - any damage means "no cache", never a failed build
            log.warning("ignoring the result cache in %s (%s); every article will be read again", root, exc)
            return cls.empty()
        return cls(tables)

    def plan(self, config: Config, keys: Keys) -> Plan:
        """Sort the config's articles into reuse, re-place and read; hashes only files that could be reused."""
        cached = self.tables["articles"].set_index("article_id")
        plan = Plan()
        for index, entry in enumerate(config.articles):
            aid = entry.article_id
            if aid not in cached.index or cached.at[aid, ENTRY_KEY] != keys.entry(entry) \
                    or cached.at[aid, "content_hash"] != content_hash(config.article_file(entry)):
                plan.read.append(index)
            elif cached.at[aid, TOPICS_KEY] == keys.topics:
                plan.reuse.append(index)
            else:
                plan.place.append(index)
        return plan

    def rows(self, name: str, article_ids: Iterable[str]) -> pd.DataFrame:
        """The cached rows of one table (bookkeeping columns included) for these articles."""
        frame = self.tables[name]
        return frame[frame[ARTICLE_ID].isin(list(article_ids))]


def with_extras(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A table with its bookkeeping columns present (empty strings when the frame lacks them)."""
    for column in EXTRA_COLUMNS.get(name, ()):
        if column not in frame:
            frame = frame.assign(**{column: pd.Series([""] * len(frame), index=frame.index, dtype="string")})
    return frame


def tag_articles(articles: pd.DataFrame, entry_keys: Sequence[str], topics_key: str,
                 warnings: Sequence[Sequence[str]]) -> pd.DataFrame:
    """The articles rows of freshly read articles with their cache keys and reading warnings."""
    return articles.assign(**{
        ENTRY_KEY: pd.Series(list(entry_keys), index=articles.index, dtype="string"),
        TOPICS_KEY: pd.Series([topics_key] * len(articles), index=articles.index, dtype="string"),
        WARNINGS: pd.Series([json.dumps(list(w)) for w in warnings], index=articles.index, dtype="string"),
    })


def warnings_of(articles: pd.DataFrame) -> list[list[str]]:
    """The reading warnings stored with each cached articles row."""
    return [json.loads(w) if w else [] for w in articles[WARNINGS]]


def save(out_dir: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Write the tables (with bookkeeping columns) as a new generation, switch to it, and drop older ones."""
    root = Path(out_dir) / CACHE_DIR
    name = uuid.uuid4().hex[:12]
    generation = root / name
    generation.mkdir(parents=True)
    for table, frame in tables.items():
        frame.to_parquet(generation / f"{table}.parquet", index=False)
    store.write_json(root / POINTER, {"generation": name, "code": code_version()})
    for old in root.iterdir():
        if old.is_dir() and old.name != name:
            shutil.rmtree(old, ignore_errors=True)
