"""PDFs: text by page without running headers, footers and page numbers, hyphenated line ends rejoined,
paragraphs rebuilt, metadata from the document info; a PDF without a text layer refused with the fix."""

from __future__ import annotations

import logging

import pytest

from perspectives.stages.articles.errors import ArticleError
from perspectives.stages.articles.pdf import NO_TEXT_LAYER, is_pdf, read_pdf
from perspectives.stages.articles.reader import Cleaner, parse_article
from perspectives.stages.claims import split_claims
from tests.stages.articles.conftest import make_pdf

HEADER = "Eastern Policy Review | Winter 2021"
# Three pages of a report: a running header, a numbered footer, a page number on the last page alone, a word
# broken by a hyphen at a line's end, a compound that keeps its hyphen, and a paragraph that runs over a page.
PAGES = [
    [HEADER,
     "The Long Partnership",
     "Russia and China have spent two decades building a partnership that both sides now call the",
     "best in their history. Trade has grown every year since the treaty was signed, and the two",
     "armies hold joint exercises twice a year.",
     "Yet the relationship remains lopsided. China buys energy and sells machines, while Russia de-",
     "pends on a single customer for most of its oil exports. The Sino-",
     "Russian border trade is small by comparison.",
     "Eastern Policy Review, page 1"],
    [HEADER,
     "Officials in Moscow insist that the partnership is between equals. Officials in Beijing say",
     "little about it in public, but they have no reason to change a bargain that serves them",
     "well. The next summit will test whether that bargain can hold.",
     "Eastern Policy Review, page 2"],
    [HEADER,
     "What Comes Next",
     "Neither capital wants an alliance with binding obligations.",
     "3"],
]
INFO = {"Title": "The Long Partnership", "Author": "Irena Volkova", "CreationDate": "D:20211215093000Z"}

CLAIMS = [
    "Russia and China have spent two decades building a partnership that both sides now call the best in their "
    "history.",
    "Trade has grown every year since the treaty was signed, and the two armies hold joint exercises twice a "
    "year.",
    "Yet the relationship remains lopsided.",
    "China buys energy and sells machines, while Russia depends on a single customer for most of its oil exports.",
    "The Sino-Russian border trade is small by comparison.",
    "Officials in Moscow insist that the partnership is between equals.",
    "Officials in Beijing say little about it in public, but they have no reason to change a bargain that serves "
    "them well.",
    "The next summit will test whether that bargain can hold.",
    "Neither capital wants an alliance with binding obligations.",
]


def test_pdf_gives_its_claims_without_headers_footers_or_page_numbers() -> None:
    article = parse_article(make_pdf(PAGES, INFO), article_id="report", cleaner=Cleaner(), path="report.pdf")
    assert [claim.text for claim in split_claims(article)] == CLAIMS
    assert [article.body[s:e] for s, e in article.headings] == ["What Comes Next"]
    assert set(article.dropped) == {
        (HEADER, "page header"),
        ("Eastern Policy Review, page 1", "page footer"),
        ("Eastern Policy Review, page 2", "page footer"),
        ("3", "page number"),
        ("The Long Partnership", "repeated headline"),  # the document info's title, repeated as the first line
    }


def test_pdf_metadata_from_the_document_info() -> None:
    article = parse_article(make_pdf(PAGES, INFO), article_id="report", cleaner=Cleaner(), path="report.pdf")
    assert (article.title, article.author, article.date) == ("The Long Partnership", "Irena Volkova", "2021-12-15")


def test_pdf_paragraphs_rebuilt() -> None:
    _, text, _ = read_pdf(make_pdf(PAGES, INFO))
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "The Long Partnership"
    assert paragraphs[1].endswith("twice a year.")
    assert paragraphs[2].startswith("Yet the relationship") and paragraphs[2].endswith("by comparison.")
    # The paragraph that runs over the page break is one paragraph.
    assert paragraphs[3].startswith("Officials in Moscow") and paragraphs[3].endswith("can hold.")


@pytest.mark.parametrize("lines, expected", [
    (["It is a co-", "operation of equals, and it lasts."], "It is a cooperation of equals, and it lasts."),
    # Written with its hyphen elsewhere: the hyphen is the word's own.
    (["A co-operation treaty.", "It is a co-", "operation of equals."],
     "A co-operation treaty. It is a co-operation of equals."),
    (["The Sino-", "Russian border is long and quiet."], "The Sino-Russian border is long and quiet."),
])
def test_hyphenated_line_ends(lines: list[str], expected: str) -> None:
    _, text, _ = read_pdf(make_pdf([lines]))
    assert text.replace("\n\n", " ") == expected


def test_pdf_without_text_layer_says_run_ocr() -> None:
    with pytest.raises(ArticleError, match="^scanned PDF, no text layer; run OCR first"):
        parse_article(make_pdf([[], []]), article_id="scan", cleaner=Cleaner(), path="scan.pdf")
    assert NO_TEXT_LAYER.startswith("scanned PDF, no text layer; run OCR first")


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\nnot really a pdf",
    b"%PDF-1.4\n" + b"\x00" * 64,
    make_pdf([["Cut short by a failed download."]])[:200],
])
def test_damaged_pdf_says_why(data: bytes, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(ArticleError, match="^is a damaged or incomplete PDF; download or save it again"):
        parse_article(data, article_id="bad", cleaner=Cleaner(), path="bad.pdf")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], "pypdf's complaints stay quiet"


def test_pdf_recognised_by_its_signature_whatever_the_extension() -> None:
    assert is_pdf(make_pdf([["Text."]]), ".txt")
    assert is_pdf(b"", ".PDF")
    assert not is_pdf(b"Plain text about %PDF-1.4.", ".md")


def test_junk_title_is_ignored() -> None:
    article = parse_article(make_pdf([["Russia and China signed a grain deal."]], {"Title": "Microsoft Word - d.docx"}),
                            article_id="d", cleaner=Cleaner(), path="d.pdf")
    assert article.title is None
