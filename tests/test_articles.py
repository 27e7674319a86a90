"""Reading articles: the republisher's page layout, front matter, plain text, markdown, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from perspectives.config import load_config
from perspectives.stages.articles.reader import ArticleError, Cleaner, parse_article, parse_date
from perspectives.stages.claims import split_claims

ROOT = Path(__file__).resolve().parents[1]

GOLD = {g["article"]: g for g in (yaml.safe_load(p.read_text()) for p in (ROOT / "data" / "gold").glob("*.yaml"))}
FURNITURE = ["Global Research", "share buttons", "Newsletter", "Disclaimer", "Copyright", "Articles by",
             "About the author", "Instagram", "Featured image", "originally published"]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    config = load_config(ROOT / "config.yaml")
    return Cleaner.from_config(config.cleaning)


def read_seed(name: str, cleaner: Cleaner):
    return parse_article((ROOT / "data" / "articles" / name).read_bytes(), article_id=name, cleaner=cleaner)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_metadata_matches_gold(name: str, cleaner: Cleaner) -> None:
    article, gold = read_seed(name, cleaner), GOLD[name]
    assert article.title == gold["title"]
    assert article.author == gold["author"]
    assert article.date == (gold["date"].isoformat() if gold["date"] else None)
    assert article.original_publisher == gold["original_publisher"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_claim_count_within_five_percent_of_gold(name: str, cleaner: Cleaner) -> None:
    claims = split_claims(read_seed(name, cleaner))
    expected = GOLD[name]["body_sentences"]
    assert abs(len(claims) - expected) <= 0.05 * expected


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_claims_hold_no_site_furniture(name: str, cleaner: Cleaner) -> None:
    for claim in split_claims(read_seed(name, cleaner)):
        assert not any(f.lower() in claim.text.lower() for f in FURNITURE), claim.text


def test_notes_bio_and_links_are_kept_aside(cleaner: Cleaner) -> None:
    article = read_seed("002_f485dede49b0620d.txt", cleaner)
    assert article.notes and "Center for Strategic and International Studies" in article.notes[0]
    assert article.bio and article.bio.startswith("Nicholas Meyers writes")
    assert "Notes" not in article.body and "meyersnicholas1" not in article.body
    korybko = read_seed("000_f37199021dedbf31.txt", cleaner)
    said = next(link for link in korybko.links if link.text == "said")
    assert korybko.body[said.start:said.end] == "said"


def test_repeated_standfirst_is_dropped_but_an_original_one_is_kept(cleaner: Cleaner) -> None:
    korybko = read_seed("000_f37199021dedbf31.txt", cleaner)
    assert korybko.body.count("They trust one another") == 1
    poised = read_seed("004_c2d20aa3aa99969e.txt", cleaner)
    assert poised.body.startswith("The Chinese Communist Party newspaper Global Times has disclosed")


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


def test_plain_text_has_null_metadata() -> None:
    article = parse_article(b"Russia and China agree. They will talk.", article_id="p", cleaner=Cleaner())
    assert (article.title, article.author, article.date, article.original_publisher) == (None, None, None, None)
    assert article.body == "Russia and China agree. They will talk."


def test_config_overrides_win_over_the_file() -> None:
    article = parse_article(FRONT_MATTER.encode(), article_id="n", cleaner=Cleaner(),
                            overrides={"author": "R. Roe", "date": "2022-02-05", "title": None})
    assert (article.author, article.date, article.title) == ("R. Roe", "2022-02-05", "A Note on Energy")


def test_read_it_here_links_are_cut_from_the_claim(cleaner: Cleaner) -> None:
    article = read_seed("004_c2d20aa3aa99969e.txt", cleaner)
    assert article.body.endswith("ordered to remove the piece from its website!")


@pytest.mark.parametrize("dateline", ["MOSCOW, Dec. 15 (Xinhua) -- ", "YINCHUAN, Aug. 9 (Xinhua) --", "BEIJING — "])
def test_datelines_are_furniture(dateline: str, cleaner: Cleaner) -> None:
    text = f"---\ntitle: Wire\n---\n{dateline}Xi and Putin held a call. MOSCOW stays in caps.\n"
    article = parse_article(text.encode(), article_id="w", cleaner=cleaner)
    assert article.body == "Xi and Putin held a call. MOSCOW stays in caps."


def test_inline_html_and_escapes_become_text() -> None:
    article = parse_article(b"A model of the 21<sup>st</sup> century \\_ now. Next.", article_id="h",
                            cleaner=Cleaner())
    assert article.body == "A model of the 21st century _ now. Next."


@pytest.mark.parametrize("data, reason", [
    (b"", "is empty"),
    (b"   \n\n  ", "is empty"),
    (b"\x00\x01binary", "binary file"),
])
def test_unreadable_articles_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        parse_article(data, article_id="x", cleaner=Cleaner())


@pytest.mark.parametrize("text, iso", [
    ("November 29, 2021", "2021-11-29"), ("1 December 2021", "2021-12-01"), ("Dec 2, 2021", "2021-12-02"),
    ("2021-12-15", "2021-12-15"), ("December 2nd, 2021", "2021-12-02"), ("sometime soon", None),
])
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_article_file_on_disk_reads_like_bytes(tmp_path: Path, cleaner: Cleaner) -> None:
    from perspectives.stages.articles.reader import read_article
    path = tmp_path / "a.md"
    path.write_bytes((ROOT / "data" / "articles" / "001_eea9ff17f26105a2.txt").read_bytes())
    article = read_article(path, article_id="a", cleaner=cleaner)
    assert article.author == "M. K. Bhadrakumar"
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "missing.md", article_id="m", cleaner=cleaner)
