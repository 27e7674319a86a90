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
from perspectives.config import ArticleEntry, Config

log = logging.getLogger(__name__)

CACHE_DIR = "cache"
POINTER = "current.json"
# Bookkeeping columns: on the articles table, and the owning article of each claim_topics row.
ENTRY_KEY, TOPICS_KEY, WARNINGS, ARTICLE_ID = "_entry_key", "_topics_key", "_warnings", "article_id"
EXTRA_COLUMNS = {"articles": (ENTRY_KEY, TOPICS_KEY, WARNINGS), "claim_topics": (ARTICLE_ID,)}
# Presentation-only topic fields: editing them must not redo topic placement.
_DISPLAY_FIELDS = {"label", "description", "color"}


@functools.cache
def code_version() -> str:
    """A hash of the build's source, so results computed by other code are never reused.

    Only the modules the build imports (transitively, wherever they live in the package) count: an edit
    to the dashboard's measures or charts must not make every article be read again.
    """
    digest = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parents[1]
    for path in build_modules():
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build_modules(entry: str = "perspectives.build.run") -> list[Path]:
    """The files of ``entry`` and of every package module it imports, directly or through another, sorted.

    Parent packages count too (their ``__init__`` runs on import). Resolved with importlib's specs, so
    sub-packages and ``from package import module`` are followed as Python itself would.
    """
    found: dict[str, Path] = {}
    todo = [entry]
    while todo:
        name = todo.pop()
        if name in found or not name.startswith("perspectives"):
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
            continue
        found[name] = Path(spec.origin)
        todo += _parents(name) + _imports(name, Path(spec.origin))
    return sorted(set(found.values()))


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _imports(name: str, path: Path) -> list[str]:
    """Module names a file imports: ``import a.b``, ``from a import b`` (b a module or a name in a)."""
    names: list[str] = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = importlib.util.resolve_name("." * node.level + node.module, package) if node.level \
                else node.module
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names if _is_module(f"{base}.{alias.name}")]
    return names


def _is_module(name: str) -> bool:
    try:
        return name.startswith("perspectives") and importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Keys:
    """What cached rows must match: the text-shaping config with the code, and the topic rules."""

    text: str
    topics: str

    @classmethod
    def from_config(cls, config: Config) -> Keys:
        """Keys of the config's current state."""
        dumped = config.model_dump(mode="json")
        text = {k: v for k, v in dumped.items() if k not in ("articles", "topics", "output")}
        return cls(text=_digest([code_version(), text]), topics=_digest(_strip_display(dumped["topics"])))

    def entry(self, entry: ArticleEntry) -> str:
        """The key of one article's config entry (its id, path and metadata overrides) under these keys."""
        return _digest([self.text, entry.model_dump(mode="json")])


def _strip_display(value: Any) -> Any:
    """Topic rules without the labels, descriptions and colours that do not affect placement."""
    if isinstance(value, list):
        return [_strip_display(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_display(v) for k, v in value.items() if k not in _DISPLAY_FIELDS}
    return value


def content_hash(path: Path) -> str | None:
    """The SHA-256 of a file's bytes (as the reader computes it), or None when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


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
        return cls({name: with_extras(name, store.empty_table(name)) for name in store.TABLES})

    @classmethod
    def load(cls, out_dir: Path) -> ResultCache:
        """The cache of the last build in ``out_dir``; empty if missing, from another layout, or corrupt."""
        root = Path(out_dir) / CACHE_DIR
        if not (root / POINTER).exists():
            return cls.empty()
        try:
            generation = root / json.loads((root / POINTER).read_text(encoding="utf-8"))["generation"]
            tables = {name: pd.read_parquet(generation / f"{name}.parquet") for name in store.TABLES}
            for name, frame in tables.items():
                missing = set(with_extras(name, store.empty_table(name)).columns) - set(frame.columns)
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
