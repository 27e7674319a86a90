"""Front matter and dates: metadata from the YAML block, config overrides over it, written dates as ISO."""

from __future__ import annotations

import pytest

from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.frontmatter import parse_date, split_front_matter
from perspectives.stages.articles.reader import parse_article

FRONT_MATTER = """---
title: A Note on Energy
author: Jane Roe
date: 2022-02-04
outlet: The Example Review
url: https://example.org/energy
---
# A Note on Energy

The **Power of Siberia** pipeline [runs](https://example.org/p) east\\*. It matters.
"""


def test_front_matter_markdown() -> None:
    article = parse_article(FRONT_MATTER.encode(), article_id="n", cleaner=Cleaner())
    assert (article.title, article.author, article.date, article.outlet, article.url) == (
        "A Note on Energy", "Jane Roe", "2022-02-04", "The Example Review", "https://example.org/energy")
    assert article.body == "The Power of Siberia pipeline runs east*. It matters."
    assert [(k.text, k.url) for k in article.links] == [("runs", "https://example.org/p")]


def test_config_overrides_win_over_the_file() -> None:
    article = parse_article(FRONT_MATTER.encode(), article_id="n", cleaner=Cleaner(),
                            overrides={"author": "R. Roe", "date": "2022-02-05", "title": None})
    assert (article.author, article.date, article.title) == ("R. Roe", "2022-02-05", "A Note on Energy")


@pytest.mark.parametrize("text, iso", [
    ("November 29, 2021", "2021-11-29"), ("1 December 2021", "2021-12-01"), ("Dec 2, 2021", "2021-12-02"),
    ("2021-12-15", "2021-12-15"), ("December 2nd, 2021", "2021-12-02"), ("sometime soon", None),
])
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("title", [
    "Aukus: France recalls envoys",
    '"Aukus" deal: France recalls envoys',
    "Why #MeToo matters: a year on",
    "[Why?] Talks resume",
    "[Why?]",
])
def test_front_matter_title_with_colon_quotes_or_hash_keeps_title_author_and_date(title: str) -> None:
    text = f"---\ntitle: {title}\nauthor: Jane Roe\ndate: 2021-09-17\noutlet: NHK\n---\nThe envoys left Paris.\n"
    article = parse_article(text.encode(), article_id="n", cleaner=Cleaner())
    assert (article.title, article.author, article.date, article.outlet) == (title, "Jane Roe", "2021-09-17", "NHK")
    assert len(article.warnings) == 1 and "front matter" in article.warnings[0]
    assert "in quotes to silence this" in article.warnings[0], "the warning says how to fix it"


def test_front_matter_with_a_tab_after_a_value_is_read_line_by_line() -> None:
    text = "---\ntitle: Talks resume\t\nauthor: Jane Roe\n---\nThe envoys left Paris.\n"
    article = parse_article(text.encode(), article_id="n", cleaner=Cleaner())
    assert (article.title, article.author) == ("Talks resume", "Jane Roe")
    assert len(article.warnings) == 1 and "'\\t'" in article.warnings[0]


def test_front_matter_quoted_title_reads_without_warning() -> None:
    text = '---\ntitle: "Aukus: France #1 recalls envoys"\nauthor: Jane Roe\n---\nThe envoys left Paris.\n'
    article = parse_article(text.encode(), article_id="n", cleaner=Cleaner())
    assert article.title == "Aukus: France #1 recalls envoys" and article.warnings == ()


def test_front_matter_keeps_its_other_keys_even_when_a_headline_breaks_yaml() -> None:
    meta, _, _, others = split_front_matter("---\ntitle: A: B\ncountry: France\ntags: x\n---\nBody.\n")
    assert meta["title"] == "A: B"
    assert others == {"country": "France", "tags": "x"}


def test_front_matter_marks_a_nested_value_of_another_key_as_no_value() -> None:
    _, _, _, others = split_front_matter("---\ncountry: [France, UK]\ngenre: op-ed\n---\nBody.\n")
    assert others == {"country": None, "genre": "op-ed"}
