"""Result cache: each article's table rows kept between builds, so an unchanged article is never processed twice.

What may be reused is decided in ``build.plan``; this module only keeps the rows. The cache is the tables
themselves plus a few bookkeeping columns, kept in ``<output>/cache/<generation>/`` (one Parquet file per
table) and named by ``cache/current.json``, written last together with the key each topic's rows were placed
under: a build that dies half-way leaves the previous generation in use. A cache that cannot be read is
ignored, never an error.

The articles' bookkeeping lives in a file of its own beside the articles table, so that table (bodies and
all) is written exactly as the store writes it: the store links it, and a build that leaves it unchanged
links it from the previous generation instead of writing it again.
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

from perspectives.build import store
from perspectives.build.plan import code_version
from perspectives.tables import BOOKKEEPING, TABLES, conform, empty_table

log = logging.getLogger(__name__)

CACHE_DIR = "cache"
POINTER = "current.json"
# Bookkeeping columns of the articles table: the entry key an article was read under, its reading warnings, and
# its file's size and modification time when it was last planned (``plan.file_stat``).
ENTRY_KEY, WARNINGS, STAT = "_entry_key", "_warnings", "_stat"
_ARTICLE_TAGS = {ENTRY_KEY: "string", WARNINGS: "string", STAT: "string"}
TAGS_FILE = "articles.tags.parquet"
# The tables cached exactly as the store writes them (no bookkeeping columns): the store may link their files.
PLAIN_TABLES = tuple(name for name in TABLES if name not in BOOKKEEPING)


@dataclass
class ResultCache:
    """The cached tables with their bookkeeping columns, and the key each topic's rows were placed under;
    empty when there is no usable cache."""

    tables: dict[str, pd.DataFrame]
    topic_keys: dict[str, str] = field(default_factory=dict)
    generation: Path | None = None

    @classmethod
    def empty(cls) -> ResultCache:
        """A cache that holds nothing."""
        return cls({name: _with_bookkeeping(name, empty_table(name)) for name in TABLES})

    @classmethod
    def load(cls, out_dir: Path) -> ResultCache:
        """The cache of the last build in ``out_dir``; empty if missing, from another layout, or corrupt."""
        root = Path(out_dir) / CACHE_DIR
        if not (root / POINTER).exists():
            return cls.empty()
        try:
            pointer = json.loads((root / POINTER).read_text(encoding="utf-8"))
            generation = root / pointer["generation"]
            tables = {name: pd.read_parquet(generation / f"{name}.parquet") for name in TABLES}
            tables["articles"] = _tagged(tables["articles"], pd.read_parquet(generation / TAGS_FILE))
            for name, frame in tables.items():
                missing = set(_with_bookkeeping(name, empty_table(name)).columns) - set(frame.columns)
                if missing:
                    raise ValueError(f"{name} lacks {sorted(missing)}")
            topic_keys = dict(pointer["topics"])
        except Exception as exc:  # noqa: BLE001 - any damage means "no cache", never a failed build
            log.warning("ignoring the result cache in %s (%s); every article will be read again", root, exc)
            return cls.empty()
        return cls(tables, topic_keys, generation)

    def file(self, name: str) -> Path:
        """The file a table of this cache was read from."""
        if self.generation is None:
            raise ValueError("an empty cache has no files")
        return self.generation / f"{name}.parquet"

    def article_ids(self) -> list[str]:
        """The cached articles' ids, in their order."""
        ids: list[str] = self.tables["articles"]["article_id"].tolist()
        return ids

    def articles(self) -> dict[str, tuple[str, str, str]]:
        """Article id → (entry key, content hash, file stat) of every cached article, as ``plan_build`` takes
        them."""
        frame = self.tables["articles"]
        return dict(zip(frame["article_id"], zip(frame[ENTRY_KEY], frame["content_hash"],
                                                 frame[STAT].fillna(""), strict=True), strict=True))

    def rows(self, name: str, article_ids: Iterable[str]) -> pd.DataFrame:
        """The cached rows of one table (bookkeeping columns included) for these articles."""
        frame = self.tables[name]
        return frame[frame["article_id"].isin(list(article_ids))]


def _with_bookkeeping(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """An empty table with its bookkeeping columns."""
    extra = _ARTICLE_TAGS if name == "articles" else BOOKKEEPING.get(name, {})
    return frame.assign(**{column: pd.Series(dtype=dtype) for column, dtype in extra.items()})


def tag_articles(articles: pd.DataFrame, entry_keys: Sequence[str], warnings: Sequence[Sequence[str]]) -> pd.DataFrame:
    """The articles rows of freshly read articles with their entry keys and reading warnings."""
    return articles.assign(**{
        ENTRY_KEY: pd.Series(list(entry_keys), index=articles.index, dtype="string"),
        WARNINGS: pd.Series([json.dumps(list(w)) for w in warnings], index=articles.index, dtype="string"),
    })


def warnings_of(articles: pd.DataFrame) -> list[list[str]]:
    """The reading warnings stored with each cached articles row."""
    return [json.loads(w) if w else [] for w in articles[WARNINGS]]


def save(out_dir: Path, tables: dict[str, pd.DataFrame], topic_keys: dict[str, str], *,
         same: Mapping[str, Path] | None = None) -> dict[str, Path]:
    """Write the tables as a new generation, switch to it, and drop older ones.

    A table in ``same`` is unchanged from that file of the previous generation, which is linked rather than
    written again. Returns the files of the tables that have no bookkeeping columns (all but claim_topics):
    they hold the tables exactly as the store writes them, so the store links them too.
    """
    root = Path(out_dir) / CACHE_DIR
    name = uuid.uuid4().hex[:12]
    generation = root / name
    generation.mkdir(parents=True)
    plain: dict[str, Path] = {}
    articles = tables["articles"]
    articles[["article_id", *_ARTICLE_TAGS]].to_parquet(generation / TAGS_FILE, index=False)
    for table, frame in tables.items():
        file = generation / f"{table}.parquet"
        if not (same and table in same and store.link(same[table], file)):
            (conform(table, frame) if table in PLAIN_TABLES else frame).to_parquet(file, index=False)
        if table in PLAIN_TABLES:
            plain[table] = file
    store.write_json(root / POINTER, {"generation": name, "code": code_version(), "topics": topic_keys})
    for old in root.iterdir():
        if old.is_dir() and old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    return plain


def _tagged(articles: pd.DataFrame, tags: pd.DataFrame) -> pd.DataFrame:
    """The cached articles table with its bookkeeping columns, which were saved beside it row by row."""
    if not articles["article_id"].reset_index(drop=True).equals(tags["article_id"].reset_index(drop=True)):
        raise ValueError("the articles' bookkeeping does not match the articles")
    return articles.assign(**{column: tags[column].to_numpy() for column in _ARTICLE_TAGS})
