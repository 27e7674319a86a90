"""Registering articles in ``config.yaml``: the checks a new article must pass, and the lines that list it.

``perspectives add`` reads each file as the build would (so what it shows is what the build will find),
refuses duplicates, unreadable files and paths outside the config's folder, and writes the new entries
under ``articles:`` as text lines. Everything else in the file stays byte for byte: comments, key order,
quoting, line wrapping. A round-trip YAML library (ruamel.yaml) was measured on the shipped config and
rewrote 135 lines outside the added one (multi-line flow lists joined, folded text re-wrapped) even tuned
for this file's indentation, so the lines are inserted as text and the result is checked by parsing it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from perspectives.config import Config, ConfigError, load_config
from perspectives.records import Article
from perspectives.stages.articles import reader
from perspectives.stages.articles.cleaning import Cleaner

# Where --copy puts files, relative to the config's folder.
COPY_DIR = Path("data") / "articles"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# A path written without quotes only when YAML reads it back as the same string.
_PLAIN = re.compile(r"^[A-Za-z0-9_./][A-Za-z0-9_./()+-]*$")


class RegisterError(ValueError):
    """Articles cannot be added to this config at all (the config itself is the problem)."""


@dataclass(frozen=True)
class Added:
    """An article listed in the config: the entry written, and the article as the build will read it."""

    entry: dict[str, str]
    article: Article
    source: Path


@dataclass(frozen=True)
class Refused:
    """A file not listed, and why; ``named`` when it was given by name rather than found in a folder."""

    path: Path
    reason: str
    named: bool


@dataclass
class Registration:
    """What ``add_articles`` did (or, on a dry run, would do)."""

    added: list[Added] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def add_articles(config_path: Path, paths: Sequence[Path], *, copy: bool = False, allow_outside: bool = False,
                 dry_run: bool = False) -> Registration:
    """List article files (or every article file in the folders given) in a config, after checking each.

    Raises RegisterError when the config cannot take entries (missing, broken, no ``articles:`` list).

    Args:
        copy: copy each file under the config's ``data/articles/`` first and list the copy.
        allow_outside: list files outside the config's folder where they are.
        dry_run: check and read, but write nothing.
    """
    text, config = _open_config(config_path)
    base = config_path.resolve().parent
    listed = _listed(config, base)
    cleaner = Cleaner.from_config(config.cleaning)
    result = Registration()
    ids = {entry.article_id for entry in config.articles}
    for source, named in _candidates(paths):
        reason = _check(source, base, listed, copy=copy, allow_outside=allow_outside)
        if reason is None:
            data = source.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            target = _copy_target(source, base, data) if copy else source.resolve()
            reason = _duplicate(listed, target, digest)
            if reason is None:
                try:
                    article = reader.parse_article(data, article_id="new", cleaner=cleaner,
                                                   path=target.name)
                except reader.ArticleError as exc:
                    reason = str(exc)
        if reason is not None:
            result.refused.append(Refused(source, reason, named))
            continue
        written = Path(os.path.relpath(target, base)).as_posix()
        entry = {"path": written}
        article_id = _unique_id(target.stem, ids)
        if article_id != target.stem:
            entry["id"] = article_id
        ids.add(article_id)
        listed[("path", str(target))] = written
        listed[("hash", digest)] = written
        result.added.append(Added(entry, article, source))
    if result.added and not dry_run:
        _write(config_path, text, [a.entry for a in result.added], copies=[(a.source, base / a.entry["path"])
                                                                           for a in result.added if copy])
    return result


def _open_config(config_path: Path) -> tuple[str, Config]:
    """The config's text and its contents; an empty (comment-only) config counts as one with no articles."""
    try:
        # Bytes decoded by hand: read_text would turn CRLF line ends into LF, and they must stay as they are.
        text = config_path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise RegisterError(f"{config_path}: no such config file; pass --config with the path to your "
                            "config.yaml") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RegisterError(f"{config_path}: cannot be read ({exc})") from None
    try:
        empty = yaml.safe_load(text) in (None, {})
    except yaml.YAMLError:
        empty = False  # load_config below says what is wrong, with the line
    if empty:
        config = Config()
        config._path = config_path.resolve()
        return text, config
    try:
        return text, load_config(config_path, allow_outside=True)
    except ConfigError as exc:
        raise RegisterError(f"fix the config first:\n{exc}") from None


def _listed(config: Config, base: Path) -> dict[tuple[str, str], str]:
    """The articles already listed, by resolved path and by content hash, each to its path as written."""
    listed: dict[tuple[str, str], str] = {}
    for entry in config.articles:
        file = config.article_file(entry)
        listed[("path", str(file))] = entry.path
        with contextlib.suppress(OSError):  # a missing article cannot be a duplicate by content
            listed.setdefault(("hash", hashlib.sha256(file.read_bytes()).hexdigest()), entry.path)
    return listed


def _candidates(paths: Sequence[Path]) -> list[tuple[Path, bool]]:
    """The files to consider, each with whether it was named: a folder gives its article files, in order,
    without hidden files and folders."""
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            found += [(file, False) for file in sorted(path.rglob("*"))
                      if file.is_file() and file.suffix.lower() in reader.SUFFIXES
                      and not any(part.startswith(".") for part in file.relative_to(path).parts)]
        else:
            found.append((path, True))
    return found


def _check(source: Path, base: Path, listed: dict[tuple[str, str], str], *, copy: bool,
           allow_outside: bool) -> str | None:
    """Why a file cannot be listed before it is read (missing, a folder, too big, outside), or None."""
    if not source.exists():
        return "no such file"
    if not source.is_file():
        return "is not a regular file"
    if not os.access(source, os.R_OK):
        return "cannot be read: permission denied"
    if source.stat().st_size > reader.MAX_BYTES:
        return f"is over {reader.MAX_BYTES // (1024 * 1024)} MB; articles that large are not read"
    if not (copy or allow_outside or source.resolve().is_relative_to(base)):
        return ("is outside the config's folder; pass --copy to copy it under "
                f"{COPY_DIR.as_posix()}/, or --allow-outside to list it where it is")
    return None


def _duplicate(listed: dict[tuple[str, str], str], target: Path, digest: str) -> str | None:
    if (known := listed.get(("path", str(target)))) is not None:
        return f"already listed as {known}"
    if (known := listed.get(("hash", digest))) is not None:
        return f"same content as {known}, already listed"
    return None


def _copy_target(source: Path, base: Path, data: bytes) -> Path:
    """Where --copy puts a file: data/articles/<name>, numbered when another file has that name."""
    folder = (base / COPY_DIR).resolve()
    target = folder / source.name
    n = 2
    while target.exists() and target.read_bytes() != data:
        target = folder / f"{source.stem}-{n}{source.suffix}"
        n += 1
    return target


def _unique_id(stem: str, taken: set[str]) -> str:
    """The file name without extension when it is a valid, unused article id; else a cleaned, numbered one."""
    base = stem if _ID.match(stem) else re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-._") or "article"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


# --- the config's text ------------------------------------------------------------------------------------


def _scalar(value: str, flow: bool = False) -> str:
    """A string as YAML that reads back as itself: plain when safe, else double-quoted (JSON is valid YAML)."""
    if not flow and _PLAIN.match(value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def insert_entries(text: str, entries: list[dict[str, str]]) -> str:
    """The config's text with the entries appended to its ``articles:`` list, every other byte unchanged.

    Raises RegisterError when ``articles`` is not a list, or the result would not read back as intended.
    """
    nl = "\r\n" if "\r\n" in text else "\n"
    # Lines split where YAML breaks them, so the marks' line numbers index this list.
    lines = re.findall(r".*?(?:\r\n|\n|\r)|.+$", text, re.DOTALL)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += nl  # the added lines start on a line of their own
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    key, value = _articles_node(root)
    if key is None or value is None:  # no `articles:` key: a new section at the end
        gap = nl if text.strip() else ""
        new = "".join(lines) + gap + "articles:" + nl + _block(entries, "  - ", "    ", nl)
    elif isinstance(value, yaml.SequenceNode) and value.flow_style:
        items = ", ".join("{" + ", ".join(f"{k}: {_scalar(v, flow=True)}" for k, v in e.items()) + "}"
                          for e in entries)
        close = value.end_mark.index - 1  # the "]"
        new = text[:close] + (", " if value.value else "") + items + text[close:]
    elif isinstance(value, yaml.SequenceNode):
        first = value.value[0]
        prefix = lines[first.start_mark.line][:first.start_mark.column]  # "  - "
        after = _last_line(value) + 1
        new = "".join(lines[:after]) + _block(entries, prefix, " " * len(prefix), nl) + "".join(lines[after:])
    elif isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null"):
        # `articles:` with nothing after it (or null, ~): the list goes on the lines below the key.
        line = key.start_mark.line
        head = lines[line] if not value.value else re.sub(r":[ \t]*(?:~|null|Null|NULL)", ":", lines[line], count=1)
        new = "".join(lines[:line]) + head + _block(entries, "  - ", "    ", nl) + "".join(lines[line + 1:])
    else:
        raise RegisterError("`articles:` in the config is not a list; write it as `articles:` followed by "
                            "lines starting with '  - path: '")
    before = yaml.safe_load(text) if text.strip() else None
    old = list((before or {}).get("articles") or [])
    if (yaml.safe_load(new) or {}).get("articles") != old + entries:
        raise RegisterError("could not add the entries to the config's text safely; add these lines under "
                            "`articles:` by hand:\n" + _block(entries, "  - ", "    ", "\n"))
    return new


def _articles_node(root: yaml.Node | None) -> tuple[yaml.Node | None, yaml.Node | None]:
    """The ``articles`` key and its value in the document's top mapping, or (None, None)."""
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "articles":
                return key, value
    return None, None


def _last_line(node: yaml.Node) -> int:
    """The last line (0-based) holding any of a node's own text: its scalars' ends, not the comments or blank
    lines that a block's end mark runs over."""
    if isinstance(node, yaml.ScalarNode):
        end, start = int(node.end_mark.line), int(node.start_mark.line)
        # A block scalar (| or >) ends at the start of the line after it.
        return end - 1 if node.end_mark.column == 0 and end > start else end
    children: list[Any] = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) \
        else list(node.value)
    return max((_last_line(child) for child in children), default=int(node.start_mark.line))


def _block(entries: list[dict[str, str]], first: str, rest: str, nl: str) -> str:
    """Entries as block-style list items: ``first`` opens an item ("  - "), ``rest`` indents its other keys."""
    return "".join(f"{first if i == 0 else rest}{key}: {_scalar(value)}{nl}"
                   for entry in entries for i, (key, value) in enumerate(entry.items()))


def _write(config_path: Path, text: str, entries: list[dict[str, str]], *, copies: list[tuple[Path, Path]]) -> None:
    """Copy the files (for --copy), then replace the config with its new text in one rename."""
    new = insert_entries(text, entries)
    for source, target in copies:
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    # A byte-order mark, if the file had one, stays; the new text is written whole and renamed over the old.
    bom = b"\xef\xbb\xbf" if config_path.read_bytes().startswith(b"\xef\xbb\xbf") else b""
    temporary = config_path.with_name(f".{config_path.name}.adding")
    temporary.write_bytes(bom + new.encode("utf-8"))
    os.replace(temporary, config_path)
