"""The tail after an article's body: the original publisher, the notes and the author's bio."""

from __future__ import annotations

import re
from typing import Any

from perspectives.stages.articles.layout import NOTES_HEAD, Paragraph

_ORIGINALLY = re.compile(r"originally published (?:on|in|by|at) (?P<name>.+?)\.?\s*$", re.IGNORECASE)
_ORIGINAL_SOURCE = re.compile(r"^The original source of this article is (?P<name>.+?)\.?\s*$", re.IGNORECASE)


def read_tail(tail: list[Paragraph], author: str | None) -> dict[str, Any]:
    """Original publisher, notes and author bio from what follows the body."""
    found: dict[str, Any] = {"notes": []}
    originally = source = None
    in_notes = False
    for para in tail:
        text = para.text
        if m := _ORIGINALLY.search(text):
            originally = originally or m.group("name").strip()
        elif m := _ORIGINAL_SOURCE.match(text.split("\n")[0]):
            source = source or re.split(r"\s+Copyright", m.group("name"))[0].strip()
        if NOTES_HEAD.match(text):
            in_notes = True
            continue
        if in_notes and (re.match(r"^\[?\d+\]?[.)]?\s", text) or para.bullet):
            found["notes"].append(text)
            continue
        in_notes = False
        if author and found.get("bio") is None and _starts_with_name(text, author):
            found["bio"] = text
    found["original_publisher"] = originally or source
    return found


def _starts_with_name(text: str, author: str) -> bool:
    first = author.split()[0].rstrip(".")
    return text.startswith(author) or (len(first) > 2 and text.startswith(first + " "))
