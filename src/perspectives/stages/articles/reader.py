"""Reading an article: a file's bytes decoded and parsed into an Article, or an ArticleError saying why not.

Parsing is a pure function of the bytes and the config. The file's type comes first: a web page's main text
(``html``) and a PDF's text layer (``pdf``) become paragraph text with their metadata, and a text or markdown
file is decoded and its front matter read. Then every kind goes through the same page layout (header, body,
tail) with the site furniture and the config's patterns set aside.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from perspectives.records import Article
from perspectives.stages.articles import html, pdf
from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.errors import ArticleError
from perspectives.stages.articles.frontmatter import split_front_matter
from perspectives.stages.articles.layout import Dropped, assemble_body, split_page
from perspectives.stages.articles.tail import read_tail

# Cleaner and ArticleError are named here because callers built before the split import them from here.
__all__ = ["MAX_BYTES", "SUFFIXES", "ArticleError", "Cleaner", "decode", "parse_article", "read_article"]

MAX_BYTES = 50 * 1024 * 1024
# Article files `perspectives add` picks from a folder; any other file named explicitly is still tried.
SUFFIXES = (".txt", ".md", ".markdown", *html.SUFFIXES, *pdf.SUFFIXES)
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 (BOM allowed), else Windows-1252, with line endings made Unix; warnings too."""
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file (it contains NUL bytes); save the article as text or markdown")
    # Some binaries (a PDF, a compressed page) have no NUL early on but are full of control bytes that
    # text never has; without this check they would be "read" as Windows-1252 gibberish claims.
    if len(_CONTROL_BYTES.findall(data[:8192])) * 20 > len(data[:8192]):
        raise ArticleError("binary file (it is full of control characters); save the article as text or markdown")
    warnings = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warnings.append(f"not valid UTF-8 (byte {exc.start}); read as Windows-1252")
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def read_article(path: Path, *, article_id: str, cleaner: Cleaner,
                 overrides: dict[str, str | None] | None = None, display_path: str | None = None) -> Article:
    """Read one article file; raise ArticleError when it cannot be read at all."""
    try:
        if path.is_dir():
            raise ArticleError("is a folder, not an article file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"is {size // (1024 * 1024)} MB; articles over {MAX_BYTES // (1024 * 1024)} MB "
                               "are not read")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError("no such file") from None
    except OSError as exc:
        raise ArticleError(f"cannot be read: {exc.strerror or exc}") from None
    return parse_article(data, article_id=article_id, cleaner=cleaner, overrides=overrides,
                         path=display_path or str(path))


def parse_article(data: bytes, *, article_id: str, cleaner: Cleaner, path: str = "",
                  overrides: dict[str, str | None] | None = None) -> Article:
    """Parse an article's bytes into an Article (a pure function of bytes and config; ``path`` names the file,
    and its extension says whether it is a web page or a PDF)."""
    meta, text, warnings, dropped_before, front_matter = _text_of(data, Path(path).suffix)
    header, body_paras, tail, dropped = split_page(text, cleaner, meta.get("title"))
    warnings += cleaner.overeager_warnings(text, dropped)
    dropped = dropped_before + dropped
    # Front matter wins over what the page's header says; the tail's bio is recognised by that author.
    meta = {**header, **{k: v for k, v in meta.items() if v}}
    tail_meta = read_tail(tail, meta.get("author"))
    body, spans, heads, links = assemble_body(body_paras)
    if not body.strip():
        raise ArticleError("has no body text after removing site furniture")
    fields: dict[str, Any] = {
        "title": meta.get("title"), "author": meta.get("author"), "date": meta.get("date"),
        "outlet": meta.get("outlet"), "url": meta.get("url"),
        "original_publisher": tail_meta.get("original_publisher") or meta.get("original_publisher"),
    }
    fields.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return Article(
        article_id=article_id, path=path, body=body, paragraphs=tuple(spans), headings=tuple(heads),
        links=tuple(links), notes=tuple(tail_meta.get("notes", ())), bio=tail_meta.get("bio"),
        warnings=tuple(warnings), content_hash=hashlib.sha256(data).hexdigest(), dropped=tuple(dropped),
        front_matter=tuple(front_matter.items()), **fields,
    )


def _text_of(data: bytes, suffix: str
             ) -> tuple[dict[str, str | None], str, list[str], list[Dropped], dict[str, str | None]]:
    """Metadata, paragraph text, warnings, lines already dropped and the front matter's other keys, by the
    file's type."""
    if not data.strip():
        raise ArticleError("is empty")
    # Before decoding: a PDF is binary, and a page declares its own encoding.
    if pdf.is_pdf(data, suffix):
        meta, text, dropped = pdf.read_pdf(data)
        return meta, text, [], dropped, {}
    if html.is_html(data, suffix):
        meta, text = html.read_html(data)
        return meta, text, [], [], {}
    text, warnings = decode(data)
    if not text.strip():
        raise ArticleError("is empty")
    meta, text, fm_warnings, others = split_front_matter(text)
    return meta, text, warnings + fm_warnings, [], others
