"""What a build must redo: the one place that decides what changed since the last build.

The levels, from the most work to none:

- an article's bytes or its config entry (path, id, metadata overrides) changed → read it again;
- a text-shaping section changed (``cleaning``, ``sources``, ``certainty``), or the build's code → read
  every article again;
- a topic's rules, positions or context changed, or a topic was added → place that topic again, on every
  article's cached claims (other topics keep their rows; a removed topic's rows are dropped);
  ``continuation`` changes every topic's key;
- display fields (labels, colours, descriptions), the order of topics or of articles → nothing is
  processed; the tables are put in the new order.

``Keys`` are those levels as digests; ``plan_build`` compares them with the cache; ``fingerprint`` and
``is_stale`` let the CLI and the dashboard ask whether a build is due at all, from the same keys.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from perspectives import __version__
from perspectives.build import store
from perspectives.config import Config
from perspectives.tables import TABLES

_PACKAGE_ROOT = Path(__file__).resolve().parents[1]
# An import statement: ``from <source> import <names>`` (perhaps in parentheses over lines), or ``import <plain>``.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)|import[ \t]+([^\n#]+))", re.M)
_NAMES = re.compile(r"\w+")
# Presentation-only topic fields: editing them must not redo topic placement.
_DISPLAY_FIELDS = {"label", "description", "color"}


@functools.cache
def code_version() -> str:
    """A hash of the build's source, so results computed by other code are never reused.

    Only the modules the build imports (transitively, wherever they live in the package) count: an edit
    to the dashboard's measures or charts must not make every article be read again.
    """
    digest = hashlib.sha256(__version__.encode())
    for path in build_modules():
        digest.update(str(path.relative_to(_PACKAGE_ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build_modules(entry: str = "perspectives.build.run") -> list[Path]:
    """The files of ``entry`` and of every package module it imports, directly or through another, sorted.

    Parent packages count too (their ``__init__`` runs on import), and so do imports inside functions.
    Names are resolved to files by the package's layout, without importing anything: this runs at the start
    of every build, and importing or parsing every module cost a build half a second.
    """
    found: dict[str, Path] = {}
    todo = [entry]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in found or path is None:
            continue
        found[name] = path
        todo += _parents(name) + _imports(name, path)
    return sorted(set(found.values()))


def _module_file(name: str) -> Path | None:
    """The source file of a module of this package, or None (another package, or a name in a module)."""
    parts = name.split(".")
    if parts[0] != _PACKAGE_ROOT.name:
        return None
    base = _PACKAGE_ROOT.joinpath(*parts[1:])
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _imports(name: str, path: Path) -> list[str]:
    """Module names a file may import: ``import a.b``, ``from a import b`` (b a module or a name in a).

    Read from the import statements' text, so a line in a docstring that looks like one counts too: that
    can only make more files count, never fewer.
    """
    names: list[str] = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for source, imported, plain in _IMPORT.findall(path.read_text(encoding="utf-8")):
        if plain:
            names += [item.split()[0] for item in plain.split(",") if item.strip()]
            continue
        base = importlib.util.resolve_name(source, package) if source.startswith(".") else source
        names.append(base)
        names += [f"{base}.{word}" for word in _NAMES.findall(imported.replace(" as ", " "))]
    return names


def _digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Keys:
    """What cached rows must match: the text-shaping config with the code, each topic's rules, and each
    article's config entry (its id, path and metadata overrides) under the text key, in config order.

    Computed once per build: the plan, the read tasks and the fingerprint all take them from here.
    """

    text: str
    topics: dict[str, str]
    entries: tuple[str, ...]
    # Each topic's positions alone: a claim placed in a topic again keeps its position while they are unchanged.
    positions: dict[str, str]

    @classmethod
    def from_config(cls, config: Config) -> Keys:
        """Keys of the config's current state."""
        # The articles are keyed one by one below; dumping them with the rest would cost a pass per build.
        dumped = config.model_dump(mode="json", exclude={"articles", "output"})
        code, continuation = code_version(), dumped["continuation"]
        # ``continuation`` only shapes topic placement: it keys the topics, not the text.
        text = _digest([code, {k: v for k, v in dumped.items() if k not in ("topics", "continuation")}])
        return cls(text=text,
                   topics={t["id"]: _digest([code, continuation, _strip_display(t)]) for t in dumped["topics"]},
                   entries=tuple(_digest([text, entry.model_dump(mode="json")]) for entry in config.articles),
                   positions={t["id"]: _digest([code, _strip_display(t["positions"])]) for t in dumped["topics"]})


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


def file_stat(path: Path) -> str | None:
    """A file's size and modification time ("size:mtime_ns"), or None when it is missing."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}"


@dataclass(frozen=True)
class Plan:
    """The work of one build: articles (config indexes) to read, articles whose rows are reused (``touched``:
    those whose file has a new stat but the same bytes), the topics to place again on the reused articles'
    claims, and each article's ``file_stat`` as it was planned; what it leaves as it was: the tables that
    come out exactly as cached (``unchanged``), and whether the cache itself changes (``recache``)."""

    read: list[int]
    reuse: list[int]
    place: list[str]
    stats: list[str | None]
    touched: list[int]
    unchanged: frozenset[str]
    recache: bool


def plan_build(config: Config, keys: Keys, cached: dict[str, tuple[str, str, str]] | None,
               cached_topics: dict[str, str]) -> Plan:
    """Sort the config's articles into read and reuse, pick the topics to place again, and tell what stays.

    A file whose size and modification time are those it was read with is not hashed again (as make and
    git judge a file unchanged); one with new ones is reused when its bytes hash the same.

    Args:
        cached: article id → (entry key, content hash, file stat) of every cached article, in the cached
            tables' order; None when there is no cache.
        cached_topics: topic id → the key its cached rows were placed under, in the cached tables' order.
    """
    read: list[int] = []
    reuse: list[int] = []
    touched: list[int] = []
    found = cached or {}
    # Taken before any file is read: a file edited while the build reads it gets a new stat, so the next
    # build hashes it again.
    stats = [file_stat(config.article_file(entry)) for entry in config.articles]
    for index, entry in enumerate(config.articles):
        entry_key, digest, stat = found.get(entry.article_id, ("", "", ""))
        # Hash only files that could be reused: a new or re-keyed article is read anyway.
        same = entry_key == keys.entries[index] and stats[index] is not None and (
            stat == stats[index] or digest == content_hash(config.article_file(entry)))
        (reuse if same else read).append(index)
        if same and stat != stats[index]:
            touched.append(index)
    place = [tid for tid, key in keys.topics.items() if reuse and cached_topics.get(tid) != key]
    same_articles = [config.articles[i].article_id for i in reuse] == list(found)  # the same, in the same order
    same_topics = list(cached_topics) == list(keys.topics)
    # The cache is saved again whenever its rows, keys, stats or order would differ from the tables', so a
    # build with nothing changed after this one reads and writes nothing.
    recache = bool(read or place or touched) or not (same_articles and same_topics)
    unchanged: frozenset[str] = frozenset()
    if cached is not None and not read and same_articles:
        # Only new placements and the topics' order can differ; renewed stats live in the bookkeeping.
        unchanged = frozenset(TABLES) - ({"claim_topics"} if place or not same_topics else set())
    return Plan(read=read, reuse=reuse, place=place, stats=stats, touched=touched, unchanged=unchanged,
                recache=recache)


def fingerprint(config: Config, keys: Keys | None = None, stats: list[str | None] | None = None) -> dict[str, Any]:
    """What a build's tables depend on, cheaply: the keys (``keys``, when the caller has them already), the
    order of articles and topics, and each article's ``file_stat`` (``stats``: those the build was planned
    with, taken before it read anything, so a file edited during the build still shows as changed). Display
    fields are left out, so recolouring a topic is no reason to build."""
    keys = keys or Keys.from_config(config)
    stats = stats if stats is not None else [file_stat(config.article_file(entry)) for entry in config.articles]
    return {"code": code_version(), "text": keys.text, "topics": list(keys.topics.items()),
            "entries": list(keys.entries),
            "articles": {entry.path: stat for entry, stat in zip(config.articles, stats, strict=True)}}


def is_stale(config: Config) -> bool:
    """Whether anything a build depends on changed since the last build (or there is none)."""
    report = store.read_report(config.output_dir)
    if report is None or not store.has_tables(config.output_dir):
        return True
    return bool(json.loads(json.dumps(fingerprint(config))) != report.get("fingerprint"))
