"""Web pages: a saved page's main text (paragraphs, headings, links, as markdown) and its metadata.

Extraction is trafilatura's: it sets navigation, share bars, captions, related links, cookie banners and
comments aside by the page's structure, and reads title, author, date, site name and canonical URL from
meta tags, JSON-LD and the page itself. What it leaves goes through the same furniture rules as a text
article (see ``layout``), so a "Read more:" line that sat inside the body is dropped there, with its reason.
It reads the bytes it is given and fetches nothing.
"""

from __future__ import annotations

import copy
import re

from perspectives.stages.articles.errors import ArticleError
from perspectives.stages.articles.frontmatter import parse_date

SUFFIXES = (".html", ".htm", ".xhtml")
# A page saved with another extension (or none) is still recognised by how it opens.
_OPENING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                      re.IGNORECASE | re.DOTALL)


def is_html(data: bytes, suffix: str) -> bool:
    """Whether an article's bytes are a web page: by its extension, or by its opening tag."""
    return suffix.lower() in SUFFIXES or bool(_OPENING.match(data[:4096]))


def read_html(data: bytes) -> tuple[dict[str, str | None], str]:
    """A page's metadata (title, author, date, outlet, url) and its main text as markdown paragraphs.

    Raises ArticleError when the page cannot be parsed or holds no article text.
    """
    # Imported here: it takes most of a second, which a corpus of text files (and every worker process of
    # a parallel build, and every CLI start) should not pay.
    import trafilatura

    tree = trafilatura.load_html(data)
    if tree is None:
        raise ArticleError("is not a web page that can be parsed; save the page again (File → Save Page As, "
                           "web page, HTML only) or save its text as .md")
    # Metadata first, on a copy: extraction prunes the tree it is given.
    info = trafilatura.extract_metadata(copy.deepcopy(tree))
    text = trafilatura.extract(
        tree, url=info.url, output_format="markdown", include_formatting=True, include_links=True,
        include_comments=False, include_tables=False, include_images=False, deduplicate=False,
    )
    if not text or not text.strip():
        raise ArticleError("is a web page with no article text that could be found (a front page, or a page "
                           "that loads its text by script?); save the article's own page, or its text as .md")
    # Each line its own paragraph: trafilatura separates paragraphs by a blank line but falls back to the
    # page's text, one block per line, on short pages; the layout rejoins a sentence that a <br> broke.
    text = re.sub(r"\n\s*\n?", "\n\n", text.strip())
    meta = {"title": info.title, "author": info.author, "date": parse_date(info.date) if info.date else None,
            "outlet": info.sitename, "url": info.url}
    return {key: (value.strip() or None) if value else None for key, value in meta.items()}, text
