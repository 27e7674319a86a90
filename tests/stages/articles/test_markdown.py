"""Inline markdown: formatting tags unwrapped and escapes resolved into plain text."""

from __future__ import annotations

from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.reader import parse_article


def test_inline_html_and_escapes_become_text() -> None:
    article = parse_article(b"A model of the 21<sup>st</sup> century \\_ now. Next.", article_id="h",
                            cleaner=Cleaner())
    assert article.body == "A model of the 21st century _ now. Next."
