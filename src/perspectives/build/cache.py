"""Result cache: each article's table rows kept between builds, so an unchanged article is never processed twice.

What may be reused is decided in ``build.plan``; this module only keeps the rows. The cache is the tables
themselves plus a few bookkeeping columns, kept in ``<output>/cache/<generation>/`` (one Parquet file per
table) and named by ``cache/current.json``, written last together with the keys each topic's rows (and
positions) were placed under and each file's size and modification time: a build that dies half-way leaves
the previous generation in use. A cache that cannot be read, or whose files changed since, is ignored, never
an error.

The articles' bookkeeping (entry keys, reading warnings, file stats) lives in a file of its own beside the
articles table, so that table (bodies and all) is written exactly as the store writes it: the store links
it, and a build that leaves it unchanged (touched files included) links it from the previous generation
instead of writing it again.
"""

from __future__ import annotations

import json
import logging
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from perspectives.build import store
from perspectives.build.plan import Keys, code_version, file_stat
from perspectives.tables import BOOKKEEPING, TABLES, arrow_schema, written_form
from perspectives.tables import to_arrow as _to_arrow

log = logging.getLogger(__name__)

CACHE_DIR = "cache"
POINTER = "current.json"
# Bookkeeping columns of the articles table: the entry key an article was read under, its reading warnings, and
# its file's size and modification time when it was last planned (``plan.file_stat``).
ENTRY_KEY, WARNINGS, STAT = "_entry_key", "_warnings", "_stat"
# The first two travel with the articles' rows while the build works; the stat is added when they are saved.
_ROW_TAGS = {ENTRY_KEY: "string", WARNINGS: "string"}
_ARTICLE_TAGS = _ROW_TAGS | {STAT: "string"}
TAG_COLUMNS = tuple(_ARTICLE_TAGS)
TAGS_FILE = "articles.tags.parquet"
# The tables cached exactly as the store writes them (no bookkeeping columns): the store may link their files.
PLAIN_TABLES = tuple(name for name in TABLES if name not in BOOKKEEPING)


@dataclass(frozen=True)
class ResultCache:
    """The last build's tables with their bookkeeping columns, and the key each topic's rows were placed under;
    empty when there is no usable cache.

    A table is read when asked for, and only in the columns asked for: a rule edit places the cached claims'
    text again and passes the articles (bodies and all) through without reading them.
    """

    generation: Path | None = None
    topic_keys: dict[str, str] = field(default_factory=dict)
    # The key of each topic's positions when its rows were placed (see ``plan.Keys``).
    position_keys: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> ResultCache:
        """The cache of the last build in ``out_dir``; empty if missing, from another layout, or damaged.

        Tables are read later, and some never (they are linked into the output as they stand), so damage is
        looked for here: a file whose size or modification time is not what it was when cached (edited in
        place, truncated, rewritten: the output's tables share their files with the cache), or that has no
        Parquet footer with the table's columns.
        """
        root = Path(out_dir) / CACHE_DIR
        if not (root / POINTER).exists():
            return cls()
        try:
            pointer = json.loads((root / POINTER).read_text(encoding="utf-8"))
            generation = root / pointer["generation"]
            files: dict[str, str] = pointer["files"]
            for name in (*(f"{table}.parquet" for table in TABLES), TAGS_FILE):
                if name not in files or file_stat(generation / name) != files[name]:
                    raise ValueError(f"{name} changed since it was cached")
            for table in TABLES:
                own = set(_stored_schema(table).names) - set(_ARTICLE_TAGS)  # the articles' are in their own file
                _check_columns(table, generation / f"{table}.parquet", own)
            _check_columns("articles", generation / TAGS_FILE, {"article_id", *_ARTICLE_TAGS})
            topic_keys, position_keys = dict(pointer["topics"]), dict(pointer["positions"])
        except Exception as exc:  # noqa: BLE001 - any damage means "no cache", never a failed build
            log.warning("ignoring the result cache in %s (%s); every article will be read again", root, exc)
            return cls()
        return cls(generation, topic_keys, position_keys)

    def file(self, name: str) -> Path:
        """The file a table of this cache is read from."""
        if self.generation is None:
            raise ValueError("an empty cache has no files")
        return self.generation / f"{name}.parquet"

    def articles(self) -> dict[str, tuple[str, str, str]] | None:
        """Article id → (entry key, content hash, file stat) of every cached article, in order, as
        ``plan_build`` takes them; None when there is no cache."""
        if self.generation is None:
            return None
        frame = self.rows("articles", columns=["article_id", ENTRY_KEY, "content_hash", STAT])
        return dict(zip(frame["article_id"], zip(frame[ENTRY_KEY], frame["content_hash"],
                                                 frame[STAT].fillna(""), strict=True), strict=True))

    def rows(self, name: str, article_ids: Iterable[str] | None = None,
             columns: Sequence[str] | None = None) -> pd.DataFrame:
        """``arrow``'s rows as a pandas frame."""
        return self.arrow(name, article_ids, columns).to_pandas()

    def arrow(self, name: str, article_ids: Iterable[str] | None = None,
              columns: Sequence[str] | None = None) -> pa.Table:
        """A cached table, or its rows of these articles, in ``schema(name)``, or only ``columns`` of it (the
        articles' file stats among them): rows passed on to the new tables as they are, with no pandas round
        trip, and only the columns asked for read. Rows of no article are not read at all."""
        wanted = list(schema(name).names if columns is None else columns)
        stored = _stored_schema(name)
        typed = pa.schema([stored.field(column) for column in wanted], metadata=stored.metadata)
        ids = None if article_ids is None else list(article_ids)
        if self.generation is None or ids == []:
            return typed.empty_table()
        tags = [column for column in wanted if name == "articles" and column in _ARTICLE_TAGS]
        by_id = ids is not None or bool(tags)
        own = list(dict.fromkeys([*(c for c in wanted if c not in tags), *(["article_id"] if by_id else [])]))
        table = pq.read_table(self.file(name), columns=own)
        if tags:
            saved = pq.read_table(self.generation / TAGS_FILE, columns=["article_id", *tags])
            if not table["article_id"].equals(saved["article_id"]):
                raise ValueError("the articles' bookkeeping does not match the articles")
            for column in tags:
                table = table.append_column(column, saved[column])
        if ids is not None:
            keep = pc.is_in(table["article_id"], value_set=pa.array(ids, pa.large_string()))
            table = table if pc.all(keep).as_py() else table.filter(keep)
        return table.select(wanted).cast(typed)


def _check_columns(name: str, file: Path, columns: set[str]) -> None:
    """Raise unless ``file`` holds a Parquet table with these columns (of table ``name``)."""
    missing = columns - set(pq.read_schema(file).names)
    if missing:
        raise ValueError(f"{name} lacks {sorted(missing)}")


def _stored_schema(name: str) -> pa.Schema:
    """The Arrow schema of a cached table with all its bookkeeping: the articles' file stats included."""
    return arrow_schema(name, _ARTICLE_TAGS if name == "articles" else BOOKKEEPING.get(name, {}))


def _bookkeeping(name: str) -> dict[str, str]:
    """The columns a table's rows carry beside the contract's while the build works, with their dtypes."""
    return _ROW_TAGS if name == "articles" else BOOKKEEPING.get(name, {})


def schema(name: str) -> pa.Schema:
    """The Arrow schema of a table's rows while the build works: the contract's columns, then its bookkeeping."""
    return arrow_schema(name, _bookkeeping(name))


def to_arrow(name: str, frame: pd.DataFrame) -> pa.Table:
    """Rows of a table, bookkeeping columns included, as Arrow in ``schema(name)``."""
    return _to_arrow(name, frame, _bookkeeping(name))


def tag_articles(articles: pd.DataFrame, entry_keys: Sequence[str], warnings: Sequence[Sequence[str]]) -> pd.DataFrame:
    """The articles rows of freshly read articles with their entry keys and reading warnings."""
    return articles.assign(**{
        ENTRY_KEY: pd.Series(list(entry_keys), index=articles.index, dtype="string"),
        WARNINGS: pd.Series([json.dumps(list(w)) for w in warnings], index=articles.index, dtype="string"),
    })


def warnings_of(articles: pd.DataFrame) -> list[list[str]]:
    """The reading warnings stored with each cached articles row."""
    return [json.loads(w) if w else [] for w in articles[WARNINGS]]


def save(out_dir: Path, tables: Mapping[str, pa.Table], tags: pd.DataFrame, keys: Keys, *,
         same: Mapping[str, Path] | None = None) -> dict[str, Path]:
    """Write the tables and the articles' bookkeeping ``tags`` (``article_id`` and ``TAG_COLUMNS``) as a new
    generation and switch to it; the previous one stays until ``drop_old``, as the tables the build left
    unchanged are still read from it.

    A table in ``same`` is unchanged from that file of the previous generation, which is linked (or, where the
    file system has no links, copied) rather than written again; ``tables`` need not hold it. Returns the
    files of the tables that have no bookkeeping columns (all but claim_topics): they hold the tables exactly
    as the store writes them, so the store links them too.
    """
    root = Path(out_dir) / CACHE_DIR
    name = uuid.uuid4().hex[:12]
    generation = root / name
    generation.mkdir(parents=True)
    same = same or {}
    tags[["article_id", *TAG_COLUMNS]].to_parquet(generation / TAGS_FILE, index=False)
    plain: dict[str, Path] = {}
    for table in TABLES:
        file = generation / f"{table}.parquet"
        if table in same:
            store.link_or_copy(same[table], file)
        else:
            store.write_parquet(table, written_form(table, tables[table]) if table in PLAIN_TABLES else tables[table],
                                file)
        if table in PLAIN_TABLES:
            plain[table] = file
    files = {file.name: file_stat(file) for file in generation.iterdir()}
    store.write_json(root / POINTER, {"generation": name, "code": code_version(), "topics": keys.topics,
                                      "positions": keys.positions, "files": files})
    return plain


def drop_old(out_dir: Path) -> None:
    """Delete every generation but the current one, once nothing reads them any more."""
    root = Path(out_dir) / CACHE_DIR
    try:
        current = json.loads((root / POINTER).read_text(encoding="utf-8"))["generation"]
    except (OSError, ValueError, KeyError):
        return
    for old in root.iterdir():
        if old.is_dir() and old.name != current:
            shutil.rmtree(old, ignore_errors=True)
