"""Page layout: a text's paragraphs split into header, body and tail, and the body assembled with its spans.

Three layouts are understood: a republishing site's page (title, "By" byline, "Global Research, <date>",
region and theme, then body, then notes, bio and footer), markdown or text with YAML front matter (whose
block is already split off), and plain text with nothing else. Within the body, furniture of any site
(see ``furniture``) and a repeated headline or standfirst are dropped and noted with their reason,
paragraphs split by a page break are rejoined and short unpunctuated lines become headings.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from perspectives.records import Link
from perspectives.stages.articles import furniture, markdown
from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.frontmatter import parse_date

_BYLINE = re.compile(r"^(?:By|Written by)\s+(?P<name>[^\n]{2,120})$", re.IGNORECASE)
_SITE_DATE = re.compile(r"^(?P<site>[A-Z][\w .&'-]{1,60}),\s+(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4})$")
_LABEL_LINE = re.compile(r"^(?:Region|Theme|Topics?|Tags?|Section|Category)\s*:", re.IGNORECASE)
_DATE_TAIL = re.compile(r"\s*(\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4})\s*$")
NOTES_HEAD = re.compile(r"^(?:Notes?|Footnotes|References|Sources|Endnotes)\s*:?$", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;]['\"’”)\]]*$|[.!?…]['\"’”)\]]*\s*\(.*\)$")
_BULLET = re.compile(r"^\s*(?:[•▪◦‣*+-]|\d{1,2}[.)])\s+")
_WORD = re.compile(r"\w+")
_DECK_MAX_CHARS = 2000
_DECK_PARAS = 3  # a deck stands among the first paragraphs
_LOOKBACK_CHARS = 400


@dataclass
class Paragraph:
    """A paragraph of the page as the layout reads it: its text, links, and whether it is a bullet or heading."""

    text: str
    links: list[Link] = field(default_factory=list)
    bullet: bool = False
    heading: bool = False


# What was set aside from the body as furniture: (the text, the reason).
Dropped = tuple[str, str]


def split_page(text: str, cleaner: Cleaner, title: str | None = None
               ) -> tuple[dict[str, str | None], list[Paragraph], list[Paragraph], list[Dropped]]:
    """The header's metadata, the body's paragraphs as claims will read them, the tail after the body, and
    the furniture dropped from the body with the reason for each; ``title`` (from front matter) is the
    headline a body may repeat."""
    dropped: list[Dropped] = []
    paras = _paragraphs(text, cleaner, dropped)
    header, start = _read_header(paras, cleaner)
    body, tail = _split_tail(paras[start:], cleaner, dropped)
    body = _drop_furniture(body, title or header.get("title"), dropped)
    body = _rejoin(_drop_repeated_deck(body, dropped))
    _mark_headings(body)
    return header, body, tail, dropped


def _drop_furniture(paras: list[Paragraph], title: str | None, dropped: list[Dropped]) -> list[Paragraph]:
    """The paragraphs without furniture of any site (see ``furniture``), captions before a credit, and a
    repeated headline; what goes is noted in ``dropped``."""
    kept: list[Paragraph] = []
    headline = _norm(title) if title else None
    for i, para in enumerate(paras):
        text, cut = furniture.strip_glued(para.text)
        if cut:
            dropped.append(cut)
            shift = len(para.text) - len(text)
            para = Paragraph(text, [Link(k.text, k.url, k.start - shift, k.end - shift) for k in para.links
                                if k.start >= shift], para.bullet, para.heading)
        kind = furniture.kind_of(para.text)
        if kind is None and headline and _norm(para.text) == headline:
            kind = "repeated headline"
        if kind is None and (furniture.ends_with_picture_credit(para.text)
                             or i + 1 < len(paras) and furniture.is_picture_credit(paras[i + 1].text)
                             and furniture.is_caption_length(para.text)):
            kind = "caption"
        if kind:
            dropped.append((para.text, kind))
        else:
            kept.append(para)
    return kept


def _paragraphs(text: str, cleaner: Cleaner, dropped: list[Dropped]) -> list[Paragraph]:
    """Blank-line separated paragraphs with inline markdown reduced and the config's inline furniture cut
    (noted in ``dropped``); bullet lines become their own."""
    paras: list[Paragraph] = []
    for block in re.split(r"\n[ \t]*\n", text):
        kept, cut = cleaner.strip_inline(block)
        dropped += cut
        lines = [ln for ln in kept.split("\n") if ln.strip()]
        if not lines:
            continue
        if sum(bool(_BULLET.match(ln)) for ln in lines) >= max(1, len(lines) - 1) and len(lines) > 1 or (
                len(lines) == 1 and _BULLET.match(lines[0]) and not re.match(r"^\s*\*\S", lines[0])):
            groups = _bullet_items(lines)
            paras += [_para(item, bullet=True) for item in groups]
            continue
        if _lines_are_paragraphs(lines):
            paras += [_para(ln.strip()) for ln in lines]
            continue
        heading = lines[0].lstrip().startswith("#") and len(lines) == 1
        raw = " ".join(ln.strip() for ln in lines)
        paras.append(_para(raw.lstrip("#").strip() if heading else raw, heading=heading))
    return [p for p in paras if p.text]


def _lines_are_paragraphs(lines: list[str]) -> bool:
    """Whether a block's line breaks separate paragraphs (a saved web page: most lines end a sentence)
    rather than wrap one (text wrapped at a width: lines end mid-sentence)."""
    if len(lines) < 2:
        return False
    ended = sum(bool(_TERMINAL.search(line.rstrip()[-_LOOKBACK_CHARS:])) for line in lines[:-1])
    return ended * 2 >= len(lines) - 1


def _bullet_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines:
        if _BULLET.match(line) or not items:
            items.append(_BULLET.sub("", line, count=1).strip())
        else:
            items[-1] += " " + line.strip()
    return items


def _para(raw: str, *, bullet: bool = False, heading: bool = False) -> Paragraph:
    text, links = markdown.to_text(raw)
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    moved = [Link(k.text, k.url, k.start - lead, k.end - lead) for k in links]
    return Paragraph(stripped, [k for k in moved if k.start >= 0 and k.end <= len(stripped)], bullet, heading)


def _read_header(paras: list[Paragraph], cleaner: Cleaner) -> tuple[dict[str, str | None], int]:
    """Metadata from a page header (title, byline, site date, labels); returns it and where the body starts."""
    meta: dict[str, str | None] = {}
    byline = next((i for i, p in enumerate(paras[:6]) if _BYLINE.match(p.text)), None)
    if byline is None:
        if paras and paras[0].heading:
            meta["title"] = paras[0].text
            return meta, 1
        return meta, 0
    if byline > 0:
        meta["title"] = paras[byline - 1].text
    name = _BYLINE.match(paras[byline].text)
    assert name is not None
    meta["author"] = re.sub(r"\s+", " ", name.group("name")).strip(" ,")
    i = byline + 1
    while i < len(paras):
        para = paras[i]
        site_date = _SITE_DATE.match(para.text)
        if site_date:
            meta["date"] = parse_date(site_date.group("date"))
        elif _is_link_line(para):
            meta.setdefault("original_publisher", para.links[0].text)
        elif not (_LABEL_LINE.match(para.text) or cleaner.is_furniture(para.text)):
            break
        i += 1
    return meta, i


def _is_link_line(para: Paragraph) -> bool:
    """A paragraph that is only a link, perhaps followed by a date ("[Indian Punchline](#) 1 December 2021")."""
    if len(para.links) != 1:
        return False
    link = para.links[0]
    rest = para.text[:link.start] + para.text[link.end:]
    return not rest.strip() or bool(_DATE_TAIL.fullmatch(rest))


def _split_tail(paras: list[Paragraph], cleaner: Cleaner,
                dropped: list[Dropped]) -> tuple[list[Paragraph], list[Paragraph]]:
    """Body paragraphs (the config's furniture dropped, and noted) and the tail after the first end-of-body
    marker."""
    body: list[Paragraph] = []
    for i, para in enumerate(paras):
        if body and (cleaner.ends_body(para.text) or NOTES_HEAD.match(para.text)):
            return body, paras[i:]
        pattern = cleaner.furniture_pattern(para.text)
        if pattern is None:
            body.append(para)
        else:
            dropped.append((para.text, f"cleaning.drop {pattern!r}"))
    return body, []


# Cached: the repeated-headline check and then the repeated-deck check normalise the same paragraphs.
@functools.lru_cache(maxsize=1024)
def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _drop_repeated_deck(paras: list[Paragraph], dropped: list[Dropped]) -> list[Paragraph]:
    """Drop standfirst paragraphs near the top whose sentences mostly repeat later in the body (the
    codebook's deck), noting them in ``dropped``."""
    kept = list(paras)
    # Each paragraph's words once: every candidate is compared with all the paragraphs after it.
    norms = [_norm(p.text) for p in kept]
    for _ in range(_DECK_PARAS):
        # A standfirst is a few sentences; a long paragraph is body, and checking each of its sentences
        # against the rest would take time quadratic in the article's length.
        index = next((i for i, p in enumerate(kept[:_DECK_PARAS]) if _repeats_later(kept, norms, i)), None)
        if index is None:
            break
        dropped.append((kept[index].text, "repeated deck"))
        del kept[index], norms[index]
    return kept


def _repeats_later(paras: list[Paragraph], norms: list[str], index: int) -> bool:
    """Whether most sentences of a short paragraph stand again in a later paragraph (``norms``: each
    paragraph's words, as ``_norm`` gives them)."""
    if index + 1 >= len(paras) or len(paras[index].text) > _DECK_MAX_CHARS or paras[index].heading:
        return False
    # The words of the paragraphs joined, as _norm gives those of their joined text.
    rest = " ".join(norm for norm in norms[index + 1:] if norm)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", paras[index].text) if _WORD.search(s)]
    return bool(sentences) and sum(_norm(s) in rest for s in sentences) * 2 > len(sentences)


def _rejoin(paras: list[Paragraph]) -> list[Paragraph]:
    """Join paragraphs split mid-sentence by a page break, and a quotation's lead-in to its quotation."""
    joined: list[Paragraph] = []
    # Pieces are joined once at the end: appending to a growing string would copy it once per piece,
    # quadratic for a saved page whose every line is its own paragraph.
    pieces: list[list[str]] = []
    width = 0
    for para in paras:
        prev = joined[-1] if joined else None
        if prev is not None and not prev.bullet and not para.bullet and not prev.heading and not para.heading \
                and _continues(pieces[-1][-1], para.text):
            width += 1
            prev.links.extend(Link(k.text, k.url, k.start + width, k.end + width) for k in para.links)
            pieces[-1].append(para.text)
            width += len(para.text)
        else:
            joined.append(Paragraph(para.text, list(para.links), para.bullet, para.heading))
            pieces.append([para.text])
            width = len(para.text)
    for para, texts in zip(joined, pieces, strict=True):
        para.text = " ".join(texts)
    return joined


def _continues(prev: str, nxt: str) -> bool:
    # Only the end of the previous text matters; a bounded tail keeps _TERMINAL linear on huge paragraphs.
    prev = prev[-_LOOKBACK_CHARS:]
    if _TERMINAL.search(prev):
        return False
    first = nxt.lstrip("“\"‘'([")[:1]
    if first.islower():
        return True
    # "To quote Peskov," followed by the quotation it introduces.
    return prev.endswith((",", "—", "–")) and nxt[:1] in "“\"‘'"


def _mark_headings(paras: list[Paragraph]) -> None:
    """Short unpunctuated lines followed by a capitalised paragraph are section headings, not claims."""
    for i, para in enumerate(paras):
        if para.heading or para.bullet or i + 1 >= len(paras):
            continue
        words = len(para.text.split())
        if words <= 14 and not _TERMINAL.search(para.text) and para.text[:1].isupper():
            para.heading = True


def assemble_body(paras: list[Paragraph]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]], list[Link]]:
    """The body text with paragraphs separated by blank lines, plus paragraph, heading and link spans."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    heads: list[tuple[int, int]] = []
    links: list[Link] = []
    offset = 0
    for para in paras:
        if parts:
            offset += 2
        span = (offset, offset + len(para.text))
        spans.append(span)
        if para.heading:
            heads.append(span)
        links += [Link(k.text, k.url, k.start + offset, k.end + offset) for k in para.links]
        parts.append(para.text)
        offset = span[1]
    return "\n\n".join(parts), spans, heads, links
