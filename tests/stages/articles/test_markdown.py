"""Inline markdown: formatting tags unwrapped and escapes resolved into plain text."""

from __future__ import annotations

import pytest

from perspectives.records import Link
from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.markdown import to_text
from perspectives.stages.articles.reader import parse_article


def test_inline_html_and_escapes_become_text() -> None:
    article = parse_article(b"A model of the 21<sup>st</sup> century \\_ now. Next.", article_id="h",
                            cleaner=Cleaner())
    assert article.body == "A model of the 21st century _ now. Next."


@pytest.mark.parametrize("source, text, links", [
    ("Plain words, 3.5% and (brackets) stay as written.", "Plain words, 3.5% and (brackets) stay as written.", []),
    ("A \\*starred\\* word.", "A *starred* word.", []),
    ("Before ![a map](map.png)after.", "Before after.", []),
    ("See [the report](https://example.org/r) now.", "See the report now.",
     [Link("the report", "https://example.org/r", 4, 14)]),
    ("Mail <mailto:desk@example.org> today.", "Mail mailto:desk@example.org today.",
     [Link("mailto:desk@example.org", "mailto:desk@example.org", 5, 28)]),
    ("The <em>new</em> line<br>ends.", "The new line ends.", []),
    ("A **bold** and _quiet_ claim.", "A bold and quiet claim.", []),
    ("Keep snake_case and 2*3 as written.", "Keep snake_case and 2*3 as written.", []),
])
def test_inline_markdown_becomes_text_with_link_offsets(source: str, text: str, links: list[Link]) -> None:
    assert to_text(source) == (text, links)
