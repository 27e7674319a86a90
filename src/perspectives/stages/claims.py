"""Claims stage: split a clean body into sentences with character offsets and paragraph numbers."""

from __future__ import annotations

import re

from perspectives.records import Article, Claim

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st gen col lt maj capt sgt sen rep gov pres amb rev hon jr sr messrs mme mlle
adm cmdr brig cpl pvt insp supt det
vs etc al eg ie cf viz approx ca est fig figs no nos vol vols pp ed eds inc ltd co corp dept univ assn
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
""".split())
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# A sentence ends at . ! ? or … (plus closing quotes or brackets) followed by space and a capital,
# a digit or an opening quote; or, where a page lost the space, right after a word of lower-case letters
# and before a capitalised word ("affairs.The minister", 'provocation."The'); or before a dash that opens
# the next sentence ("leaders.- Those"). The match starts only at the start of a run of marks (the look-behind
# after the first mark sees the character before it) and never gives back (possessive), so a line of ten
# thousand dots is scanned once instead of once per dot. Opening with the mark itself lets the engine skip
# to the next mark instead of trying every alternative at every character.
_BOUNDARY = re.compile(
    r"[.!?…](?:"
    rf"(?<![.!?…][.!?…])[.!?…]*+[{re.escape(_CLOSERS)}]*+"
    rf"(?=\s+[{re.escape(_OPENERS)}]*[A-Z0-9\u0400-\u04ff\u4e00-\u9fff])"
    rf"|(?<=[a-z][a-z][.!?])[.!?]*+[{re.escape(_CLOSERS)}]*+(?=[A-Z][a-z])"
    rf"|(?<![.!?…][.!?…])(?<=[.!?])[.!?]*+[{re.escape(_CLOSERS)}]*+(?=[-–—]\s+[A-Z]))")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
# Longest token the abbreviation check looks back for: bounds the work when a sentence never ends.
_MAX_TOKEN = 64


def split_claims(article: Article) -> list[Claim]:
    """Every sentence of the body's non-heading paragraphs, in order; ``body[start:end] == text``."""
    claims: list[Claim] = []
    headings = set(article.headings)
    for number, (start, end) in enumerate(article.paragraphs):
        if (start, end) in headings:
            continue
        for s, e in sentence_spans(article.body, start, end):
            claims.append(Claim(index=len(claims), paragraph=number, start=s, end=e, text=article.body[s:e]))
    return claims


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, trimmed of surrounding white space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, cursor, match.start(), match.group(0)):
            continue
        _append(spans, text, cursor, match.end())
        cursor = match.end()
    _append(spans, text, cursor, end)
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip().lstrip("-–—").lstrip())  # a dash opening a sentence is no part of it
    right = len(piece.rstrip())
    if any(ch.isalnum() for ch in piece):
        spans.append((start + left, start + right))


def _is_abbreviation(text: str, sentence_start: int, dot: int, mark: str) -> bool:
    """Whether the period at ``dot`` belongs to an initial, an abbreviation or a dotted acronym."""
    if not mark.startswith(".") or len(mark.rstrip(_CLOSERS)) > 1:
        return False
    # Look back a bounded window, not to the sentence start: a run of "Mr. Smith met Dr. Jones" with
    # no real sentence end would otherwise rescan the whole sentence at every abbreviation (quadratic).
    lo = max(sentence_start, dot - _MAX_TOKEN)
    token_match = _TOKEN_BEFORE.search(text, lo, dot)
    if token_match is None or token_match.start() == lo > sentence_start:
        return False  # no token, or one longer than any abbreviation
    token = token_match.group(1).lstrip(_OPENERS)
    bare = token.replace(".", "").lower()
    if len(token) == 1 and token.isupper():
        return True  # an initial: "M. K. Bhadrakumar", "Jonathan E. Hillman"
    if "." in token and all(len(part) <= 2 for part in token.split(".")):
        return True  # "U.S", "e.g", "Ph.D"
    return bare in ABBREVIATIONS and (bare != "no" or _next_is_digit(text, dot))


def _next_is_digit(text: str, dot: int) -> bool:
    rest = text[dot + 1:dot + 4].lstrip()
    return rest[:1].isdigit()
