"""PDFs with a text layer: the text page by page without running headers, footers and page numbers, line
ends rejoined (hyphenated words made whole) and paragraphs rebuilt; metadata from the document info.

pypdf reads the text layer; a PDF without one (a scan) is refused with the fix, since OCR is out of scope.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import warnings
from collections import Counter
from typing import TYPE_CHECKING

from perspectives.stages.articles.errors import ArticleError

if TYPE_CHECKING:
    from pypdf import PdfReader

log = logging.getLogger(__name__)

SUFFIXES = (".pdf",)
DAMAGED = "is a damaged or incomplete PDF; download or save it again, or save the article's text as .md"
NO_TEXT_LAYER = "scanned PDF, no text layer; run OCR first (e.g. ocrmypdf) or save the article's text as .md"
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$",
                          re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?:;…]['\"’”)\]]*$")
_EDGE = 2  # lines at the top and at the bottom of a page that may be a running header or footer
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": "-"})
# A document title that is only the producing program's name for the file.
_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|odt|rtf|indd))$",
                         re.IGNORECASE)

Dropped = tuple[str, str]


def is_pdf(data: bytes, suffix: str) -> bool:
    """Whether an article's bytes are a PDF: by its extension, or by the ``%PDF-`` it opens with."""
    return suffix.lower() in SUFFIXES or data[:1024].lstrip().startswith(b"%PDF-")


def read_pdf(data: bytes) -> tuple[dict[str, str | None], str, list[Dropped]]:
    """A PDF's metadata, its body text as blank-line separated paragraphs, and the header, footer and
    page-number lines dropped from it with their reason.

    Raises ArticleError when the file is not a readable PDF, is locked, or has no text layer.
    """
    pages, meta = _extract(data)
    if not any(page.strip() for page in pages):
        raise ArticleError(NO_TEXT_LAYER)
    lines, dropped = _drop_running_lines([_lines(page) for page in pages])
    return meta, "\n\n".join(_paragraphs(lines)), dropped


def _extract(data: bytes) -> tuple[list[str], dict[str, str | None]]:
    """Each page's text and the document info; any failure of the parser is the file's problem, not ours."""
    from pypdf import PdfReader  # here, as trafilatura in ``html``: only a corpus with PDFs pays its import

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    try:
        with warnings.catch_warnings():
            # pypdf warns (and logs) about the many small defects PDFs in the wild have, and reads on: noise
            # on a build's terminal, where only what stops an article is worth a line.
            warnings.simplefilter("ignore")
            quiet.setLevel(logging.ERROR)
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ArticleError("is a password-protected PDF; save an unlocked copy (print to PDF) first")
            pages = [(page.extract_text() or "").translate(_LIGATURES) for page in reader.pages]
            return pages, _metadata(reader)
    except ArticleError:
        raise
    except Exception as exc:  # a damaged PDF can fail anywhere inside the parser
        log.debug("pypdf could not read a PDF: %r", exc)
        raise ArticleError(DAMAGED) from None
    finally:
        quiet.setLevel(level)


def _metadata(reader: PdfReader) -> dict[str, str | None]:
    info = reader.metadata
    if info is None:
        return {}
    title = (info.title or "").strip()
    try:
        created = info.creation_date
    except ValueError:  # a malformed /CreationDate
        created = None
    return {"title": title if title and not _JUNK_TITLE.match(title) else None,
            "author": (info.author or "").strip() or None,
            "date": created.date().isoformat() if created else None}


def _lines(page: str) -> list[str]:
    """A page's lines, spaces tidied; a blank line stays as "" (a paragraph break)."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in page.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _shape(line: str) -> str:
    """A line with its numbers masked, so "Report 2021 — page 3" and "… page 4" are one running line."""
    return re.sub(r"\d+", "#", line.lower())


def _drop_running_lines(pages: list[list[str]]) -> tuple[list[str], list[Dropped]]:
    """The body lines of every page, in order, without page numbers and the lines that repeat at the top or
    bottom of most pages (running headers and footers); and what was dropped, with its reason."""
    edges = Counter(shape for page in pages for shape in {_shape(ln) for ln in page[:_EDGE] + page[-_EDGE:] if ln})
    running = {shape for shape, n in edges.items() if len(pages) > 1 and n * 2 >= len(pages) and n > 1}
    body: list[str] = []
    dropped: list[Dropped] = []
    for page in pages:
        for i, line in enumerate(page):
            edge = i < _EDGE or i >= len(page) - _EDGE
            if edge and line and _PAGE_NUMBER.match(line):
                dropped.append((line, "page number"))
            elif edge and line and _shape(line) in running:
                dropped.append((line, "page header" if i < _EDGE else "page footer"))
            else:
                body.append(line)
    return body, dropped


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs: a paragraph ends at a blank line, or at a sentence's end on a line
    clearly shorter than a full one; a short unpunctuated line that opens a paragraph is a heading and
    stands alone. Hyphenated line ends are rejoined."""
    full = [len(ln) for ln in lines if ln]
    width = statistics.quantiles(full, n=4)[2] if len(full) >= 4 else max(full, default=0)
    paras: list[list[str]] = []
    ended = True  # whether the line before ended a paragraph
    for line in lines:
        if not line:
            ended = True
            continue
        if ended:
            paras.append([line])
        else:
            paras[-1].append(line)
        short, terminal = len(line) < 0.8 * width, bool(_TERMINAL.search(line))
        heading = (len(paras[-1]) == 1 and short and not terminal and len(line.split()) <= 12
                   and line[:1].isupper() and not line.endswith(("-", ",")))
        ended = heading or (short and terminal)
    # The words as the document writes them elsewhere, to tell "co-operation" from a word broken in two.
    written = "\n".join(lines).lower()
    return [_join(para, written) for para in paras]


def _join(lines: list[str], written: str) -> str:
    """One paragraph's lines as one line: "co-" + "operation" is "cooperation" unless the document writes
    "co-operation" elsewhere; "Sino-" + "Russian" keeps its hyphen."""
    out = lines[0]
    for line in lines[1:]:
        broken = re.search(r"([^\W\d_]+)-$", out)
        if broken is None:
            out += " " + line
            continue
        right = re.match(r"\w*", line)
        whole = f"{broken.group(1)}-{right.group() if right else ''}".lower()
        out = (out[:-1] if line[:1].islower() and whole not in written else out) + line
    return out
