"""Reading articles: the bundled pages' metadata and claims, plain text, unreadable input, files on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from perspectives.stages.articles.reader import ArticleError, Cleaner, parse_article, read_article
from perspectives.stages.claims import split_claims

ROOT = Path(__file__).resolve().parents[3]

GOLD = {g["article"]: g for g in (yaml.safe_load(p.read_text()) for p in (ROOT / "data" / "gold").glob("*.yaml"))}
FURNITURE = ["Global Research", "share buttons", "Newsletter", "Disclaimer", "Copyright", "Articles by",
             "About the author", "Instagram", "Featured image", "originally published"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_metadata_matches_gold(name: str, read_seed) -> None:
    article, gold = read_seed(name), GOLD[name]
    assert article.title == gold["title"]
    assert article.author == gold["author"]
    assert article.date == (gold["date"].isoformat() if gold["date"] else None)
    assert article.original_publisher == gold["original_publisher"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_claim_count_within_five_percent_of_gold(name: str, read_seed) -> None:
    claims = split_claims(read_seed(name))
    expected = GOLD[name]["body_sentences"]
    assert abs(len(claims) - expected) <= 0.05 * expected


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_claims_hold_no_site_furniture(name: str, read_seed) -> None:
    for claim in split_claims(read_seed(name)):
        assert not any(f.lower() in claim.text.lower() for f in FURNITURE), claim.text


def test_plain_text_has_null_metadata() -> None:
    article = parse_article(b"Russia and China agree. They will talk.", article_id="p", cleaner=Cleaner())
    assert (article.title, article.author, article.date, article.original_publisher) == (None, None, None, None)
    assert article.body == "Russia and China agree. They will talk."


@pytest.mark.parametrize("data, reason", [
    (b"", "is empty"),
    (b"   \n\n  ", "is empty"),
    (b"\x00\x01binary", "binary file"),
    (bytes(range(1, 27)) * 40, "binary file \\(it is full of control characters\\)"),
])
def test_unreadable_articles_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        parse_article(data, article_id="x", cleaner=Cleaner())


def test_article_file_on_disk_reads_like_bytes(tmp_path: Path, cleaner: Cleaner) -> None:
    path = tmp_path / "a.md"
    path.write_bytes((ROOT / "data" / "articles" / "001_eea9ff17f26105a2.txt").read_bytes())
    article = read_article(path, article_id="a", cleaner=cleaner)
    assert article.author == "M. K. Bhadrakumar"
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "missing.md", article_id="m", cleaner=cleaner)


def test_file_type_comes_before_decoding(tmp_path: Path) -> None:
    """A PDF is read for its text layer (not refused as binary), whatever its extension, and a web page for
    its main text."""
    from tests.stages.articles.conftest import make_pdf

    saved = tmp_path / "report.txt"
    saved.write_bytes(make_pdf([["Russia and China signed a grain deal. It takes effect in spring."]]))
    article = read_article(saved, article_id="r", cleaner=Cleaner())
    assert article.body == "Russia and China signed a grain deal. It takes effect in spring."
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Deal</title></head><body><nav>Home | World | Sport</nav><article><p>Russia "
                    "and China signed a grain deal on Tuesday after two years of talks in Moscow.</p></article>"
                    "</body></html>", encoding="utf-8")
    article = read_article(page, article_id="p", cleaner=Cleaner())
    assert article.title == "Deal"
    assert article.body == "Russia and China signed a grain deal on Tuesday after two years of talks in Moscow."
