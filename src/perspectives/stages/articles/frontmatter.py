"""Front matter and dates: the YAML block that opens a markdown or text file, and written dates as ISO dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%B %d %Y", "%d/%m/%Y")
# Date last: it is parsed, not copied as a string like the others.
_FRONT_MATTER_KEYS = ("title", "author", "outlet", "url", "original_publisher", "date")


def split_front_matter(text: str) -> tuple[dict[str, str | None], str, list[str]]:
    """YAML front matter between ``---`` lines, as metadata strings; the text after it; warnings."""
    if not text.startswith("---\n"):
        return {}, text, []
    end = re.search(r"^(?:---|\.\.\.)\s*$", text[4:], re.MULTILINE)
    if end is None:
        return {}, text, ["front matter has no closing '---' line; read the whole file as text"]
    raw, rest = text[4:4 + end.start()], text[4 + end.end():]
    try:
        data = yaml.safe_load(raw)
    # A bad date (2021-02-30) fails as ValueError and deep nesting as RecursionError, not YAMLError.
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return {}, rest, [f"front matter is not valid YAML{where} ({problem}); metadata ignored"]
    if data is None:
        return {}, rest, []
    if not isinstance(data, dict):
        return {}, rest, ["front matter is not a mapping of fields (title: ..., author: ...); metadata ignored"]
    meta: dict[str, str | None] = {}
    warnings = []
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
    return meta, rest, warnings


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
