"""Inline markdown to plain text: links, emphasis, escapes and formatting tags, keeping link anchors aside."""

from __future__ import annotations

import re

from perspectives.records import Link

# Formatting tags are unwrapped; any other HTML stays as literal text (the dashboard escapes it).
_FORMAT_TAGS = "sup|sub|em|strong|b|i|u|span|small|mark|abbr|cite"
_TOKEN = re.compile(
    r"(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!<>~|\"']))"
    r"|(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<link>\[(?P<anchor>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"\n]*\")?\))"
    r"|(?P<autolink><(?P<auto>https?://[^>\s]+|mailto:[^>\s]+)>)"
    rf"|(?P<tag></?(?:{_FORMAT_TAGS})\b[^<>]*>)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<strong>\*\*|__)"
    r"|(?P<em>(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])|(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w))",
    re.IGNORECASE,
)
# Every token opens with one of these characters (an image with its "!["); a paragraph without any, as most
# are, is plain text already, and one scan for them is far cheaper than trying every token at every character.
_OPENING = re.compile(r"[\\\[<*_]")


def to_text(source: str) -> tuple[str, list[Link]]:
    """Plain text of one paragraph of inline markdown, and its link anchors with offsets into that text."""
    if not _OPENING.search(source):
        return source, []
    out: list[str] = []
    links: list[Link] = []
    length = 0
    pos = 0
    for match in _TOKEN.finditer(source):
        out.append(source[pos:match.start()])
        length += match.start() - pos
        pos = match.end()
        piece = _replace(match, links, length)
        out.append(piece)
        length += len(piece)
    out.append(source[pos:])
    return "".join(out), links


def _replace(match: re.Match[str], links: list[Link], offset: int) -> str:
    if match.group("escape"):
        return match.group("escaped")
    if match.group("link"):
        anchor, inner = to_text(match.group("anchor"))
        links.append(Link(anchor, match.group("url"), offset, offset + len(anchor)))
        links.extend(Link(k.text, k.url, k.start + offset, k.end + offset) for k in inner)
        return anchor
    if match.group("autolink"):
        url = match.group("auto")
        links.append(Link(url, url, offset, offset + len(url)))
        return url
    if match.group("br"):
        return " "
    return ""
