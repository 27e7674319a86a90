"""Web pages: the body's paragraphs only (no navigation, share bars, captions, related links, cookie banners,
comments), and title, author, date, outlet and canonical URL from the page; pages written for these tests."""

from __future__ import annotations

import pytest

from perspectives.stages.articles.errors import ArticleError
from perspectives.stages.articles.html import is_html, read_html
from perspectives.stages.articles.reader import Cleaner, parse_article
from perspectives.stages.claims import split_claims
from tests.conftest import ROOT

PAGES = ROOT / "tests" / "data" / "html"

# Each page's claims, exactly, and its metadata.
EXPECTED = {
    "news.html": {
        "meta": {"title": "Moscow and Beijing Sign a Grain Deal", "author": "Lena Park", "date": "2021-11-03",
                 "outlet": "The Harbour Ledger", "url": "https://ledger.example/world/2021/11/grain-deal"},
        "claims": [
            "Russia and China signed an agreement on Tuesday that lets Russian wheat into Chinese ports for the "
            "first time in a decade.",
            "The deal follows two years of talks between the agriculture ministries, officials in Moscow said.",
            "Analysts expect the first shipments to leave the Far East before the end of the winter.",
            "Beijing had restricted imports over plant health concerns, which Russian exporters called a pretext.",
            "The agreement still needs the approval of both governments before it takes effect.",
        ],
        "headings": ["A long negotiation"],
    },
    "blog.html": {  # metadata from JSON-LD; a sidebar, a "Share this:" block and comments around the body
        "meta": {"title": "Why the Arctic route matters more than the pipeline", "author": "Tomas Berg",
                 "date": "2022-02-14", "outlet": "Northern Notes", "url": "https://notes.example/2022/arctic-route"},
        "claims": [
            "The Northern Sea Route cuts the voyage from Murmansk to Shanghai by almost two weeks compared with "
            "the Suez Canal.",
            "For Chinese buyers of liquefied gas, that saving matters more than any new pipeline on land.",
            "Ice still closes the route for half of the year, and insurers charge a premium for every passage.",
            "Even so, the number of transits has grown every year since the first tanker made the trip.",
        ],
        "headings": [],
    },
    "opinion.htm": {  # saved as Windows-1252; a "Read more:" line inside the body goes by the furniture rules
        "meta": {"title": "The summit that changed nothing", "author": "Marta Quint", "date": "2021-12-16",
                 "outlet": "Daily Meridian", "url": "https://meridian.example/opinion/summit-changed-nothing"},
        "claims": [
            "The video call between the two presidents lasted a little over an hour and produced no new treaty.",
            "Both sides repeated that their partnership has no limits, a phrase that now means very little.",
            "What the summit did show is that neither capital wants to be seen standing alone this winter.",
            "That is a weaker bond than the communiqué suggests, and markets have noticed.",
        ],
        "headings": [],
    },
}
FURNITURE = ["cookie", "Accept", "Share", "Facebook", "Photo", "Related", "Wheat prices", "Sign up", "©",
             "Popular posts", "Great post", "Read more", "More from", "Tags", "Home", "Privacy"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_gives_the_body_claims_only(name: str) -> None:
    article = parse_article((PAGES / name).read_bytes(), article_id="page", cleaner=Cleaner(), path=name)
    claims = [claim.text for claim in split_claims(article)]
    assert claims == EXPECTED[name]["claims"]
    assert not any(word.lower() in article.body.lower() for word in FURNITURE), article.body
    assert [article.body[s:e] for s, e in article.headings] == EXPECTED[name]["headings"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_metadata(name: str) -> None:
    article = parse_article((PAGES / name).read_bytes(), article_id="page", cleaner=Cleaner(), path=name)
    found = {key: getattr(article, key) for key in EXPECTED[name]["meta"]}
    assert found == EXPECTED[name]["meta"]


def test_furniture_left_inside_the_body_is_dropped_with_its_reason() -> None:
    article = parse_article((PAGES / "opinion.htm").read_bytes(), article_id="o", cleaner=Cleaner(),
                            path="opinion.htm")
    assert article.dropped == (("Read more: Europe’s energy winter is only beginning", "related link"),)


def test_config_overrides_and_cleaning_patterns_apply_to_pages() -> None:
    from perspectives.config import Cleaning

    cleaner = Cleaner.from_config(Cleaning(drop=["^Analysts expect"]))
    article = parse_article((PAGES / "news.html").read_bytes(), article_id="n", cleaner=cleaner, path="n.html",
                            overrides={"author": "L. Park", "outlet": None})
    assert (article.author, article.outlet) == ("L. Park", "The Harbour Ledger")
    assert "Analysts expect" not in article.body
    assert ("Analysts expect the first shipments to leave the Far East before the end of the winter.",
            "cleaning.drop '^Analysts expect'") in article.dropped


@pytest.mark.parametrize("data, suffix, expected", [
    (b"<html><body>x</body></html>", ".txt", True),
    (b"\xef\xbb\xbf\n  <!DOCTYPE html>\n<html>", "", True),
    (b"<?xml version='1.0'?><!-- saved --><html xmlns='http://www.w3.org/1999/xhtml'>", ".xml", True),
    (b"Plain text that mentions <html> later.", ".txt", False),
    (b"anything", ".HTM", True),
])
def test_page_recognised_by_extension_or_opening_tag(data: bytes, suffix: str, expected: bool) -> None:
    assert is_html(data, suffix) is expected


def test_page_without_article_text_says_why() -> None:
    with pytest.raises(ArticleError, match="is a web page with no article text that could be found"):
        read_html(b"<html><head><title>App</title></head><body><script>load()</script><div id=app></div></body></html>")


def test_page_read_without_network(monkeypatch) -> None:
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access while reading a page")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    meta, text = read_html((PAGES / "news.html").read_bytes())
    assert meta["outlet"] == "The Harbour Ledger" and "Vladivostok" not in text
