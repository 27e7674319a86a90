"""Front matter and dates: the YAML block that opens a markdown or text file, and written dates as ISO dates.

Headlines break YAML: ``title: Aukus: France recalls envoys`` is a syntax error, ``title: "Aukus" deal`` too,
and ``title: Why #MeToo matters`` silently loses ``#MeToo`` to a comment. Losing a whole article's metadata to
a headline is worse than reading it as written, so when strict YAML fails the block is read again line by
line (``key: value``, the value as written), and a value YAML cut at a ``#`` is taken as written; both say so
in a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from perspectives.config.parse import compose_yaml, construct_yaml

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%B %d %Y", "%d/%m/%Y")
# Date last: it is parsed, not copied as a string like the others.
_FRONT_MATTER_KEYS = ("title", "author", "outlet", "url", "original_publisher", "date")
# A top-level ``key: value`` line, as the lenient reading takes it.
_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")


def split_front_matter(text: str) -> tuple[dict[str, str | None], str, list[str], dict[str, str | None]]:
    """YAML front matter between ``---`` lines: the metadata as strings; the text after it; warnings; and the
    block's other keys (plain values as text, None for a list or mapping), where the config's declared
    fields are found, so the file is read once."""
    data, rest, warnings = read_front_matter(text)
    meta: dict[str, str | None] = {}
    # Only plain values are metadata; str() of a nested value is noise, and of YAML aliases exponential.
    for key in [k for k in _FRONT_MATTER_KEYS if isinstance(data.get(k), dict | list)]:
        warnings.append(f"front matter {key} is a list or mapping, not a value; ignored")
        del data[key]
    for key in _FRONT_MATTER_KEYS[:-1]:
        if data.get(key) is not None:
            meta[key] = str(data[key]).strip() or None
    if data.get("date") is not None:
        meta["date"] = parse_date(data["date"])
        if meta["date"] is None:
            warnings.append(f"front matter date {data['date']!r} is not a date I can read; use YYYY-MM-DD")
    others = {str(key): None if isinstance(value, dict | list) else str(value).strip()
              for key, value in data.items() if key not in _FRONT_MATTER_KEYS and value is not None}
    return meta, rest, warnings, others


def read_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """The front matter as a mapping (strict YAML, else its ``key: value`` lines), the text after it, and
    warnings; no front matter is an empty mapping and the whole text."""
    if not text.startswith("---\n"):
        return {}, text, []
    end = re.search(r"^(?:---|\.\.\.)\s*$", text[4:], re.MULTILINE)
    if end is None:
        return {}, text, ["front matter has no closing '---' line; read the whole file as text"]
    raw, rest = text[4:4 + end.start()], text[4 + end.end():]
    try:
        node = compose_yaml(raw)
        data = None if node is None else construct_yaml(node)
    # A bad date (2021-02-30) fails as ValueError and deep nesting as RecursionError, not YAMLError.
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        # A tag YAML refuses (!!python/...) is no headline: the block is not read at all.
        lenient = not isinstance(exc, yaml.constructor.ConstructorError | RecursionError)
        lines = {key: _unquote(value) for key, value in _plain_lines(raw).items()} if lenient else {}
        if not lines:
            return {}, rest, [f"front matter is not valid YAML{where} ({problem}); metadata ignored"]
        return lines, rest, [f"front matter is not valid YAML{where} ({problem}); read its lines as written "
                             f"({', '.join(lines)}); put a value with a colon, quote or # in quotes to silence this"]
    if data is None:
        return {}, rest, []
    if not isinstance(data, dict):
        return {}, rest, ["front matter is not a mapping of fields (title: ..., author: ...); metadata ignored"]
    restored, warnings = _uncut(data, _plain_lines(raw))
    return restored, rest, warnings


def _plain_lines(raw: str) -> dict[str, str]:
    """The block's unindented ``key: value`` lines, each value as written; a key given twice keeps its first
    value, as a reader of the page would."""
    found: dict[str, str] = {}
    for line in raw.splitlines():
        match = _LINE.match(line)
        if match and match.group(2) and match.group(1) not in found:
            found[match.group(1)] = match.group(2)
    return found


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _uncut(data: dict[Any, Any], lines: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """``data`` with each plain value that YAML cut at a ``#`` (a comment to YAML, part of a headline to a
    reader) restored as written, with a warning per restored key."""
    warnings = []
    restored = dict(data)
    for key, written in lines.items():
        value = data.get(key)
        if isinstance(value, str) and " #" in written and written[0] not in "'\"" and value != written:
            restored[key] = written
            warnings.append(f"front matter {key} has ' #', which YAML reads as a comment; read it as written "
                            f"({written!r}); put the value in quotes to silence this")
    return restored, warnings


def parse_date(value: Any) -> str | None:
    """An ISO date from a date, datetime or one of the common written forms, else None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", str(value).strip())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None
