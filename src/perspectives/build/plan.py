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

import ast
import functools
import hashlib
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from perspectives import __version__
from perspectives.build import store
from perspectives.config import Config

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
    """What cached rows must match: the text-shaping config with the code, each topic's rules, and each
    article's config entry (its id, path and metadata overrides) under the text key, in config order.

    Computed once per build: the plan, the read tasks and the fingerprint all take them from here.
    """

    text: str
    topics: dict[str, str]
    entries: tuple[str, ...]

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
                   entries=tuple(_digest([text, entry.model_dump(mode="json")]) for entry in config.articles))


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


@dataclass(frozen=True)
class Plan:
    """The work of one build: articles (config indexes) to read, articles whose rows are reused, and the
    topics to place again on the reused articles' claims."""

    read: list[int]
    reuse: list[int]
    place: list[str]


def plan_build(config: Config, keys: Keys, cached: dict[str, tuple[str, str]],
               cached_topics: dict[str, str]) -> Plan:
    """Sort the config's articles into read and reuse, and pick the topics to place again.

    Args:
        cached: article id → (entry key, content hash) of every cached article.
        cached_topics: topic id → the key its cached rows were placed under.
    """
    read: list[int] = []
    reuse: list[int] = []
    for index, entry in enumerate(config.articles):
        entry_key, digest = cached.get(entry.article_id, ("", ""))
        # Hash only files that could be reused: a new or re-keyed article is read anyway.
        same = entry_key == keys.entries[index] and digest == content_hash(config.article_file(entry))
        (reuse if same else read).append(index)
    place = [tid for tid, key in keys.topics.items() if reuse and cached_topics.get(tid) != key]
    return Plan(read=read, reuse=reuse, place=place)


def fingerprint(config: Config, keys: Keys | None = None) -> dict[str, Any]:
    """What a build's tables depend on, cheaply: the keys (``keys``, when the caller has them already), the
    order of articles and topics, and each article's size and modification time. Display fields are left
    out, so recolouring a topic is no reason to build."""
    keys = keys or Keys.from_config(config)
    files: dict[str, list[int] | None] = {}
    for entry in config.articles:
        try:
            stat = config.article_file(entry).stat()
            files[entry.path] = [stat.st_size, stat.st_mtime_ns]
        except OSError:
            files[entry.path] = None
    return {"code": code_version(), "text": keys.text, "topics": list(keys.topics.items()),
            "entries": list(keys.entries), "articles": files}


def is_stale(config: Config) -> bool:
    """Whether anything a build depends on changed since the last build (or there is none)."""
    report = store.read_report(config.output_dir)
    if report is None or not store.has_tables(config.output_dir):
        return True
    return bool(json.loads(json.dumps(fingerprint(config))) != report.get("fingerprint"))
