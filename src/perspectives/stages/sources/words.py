"""Sources stage: the words of a sentence, and the words a pattern cannot match without.

Most sentences hold no reporting verb, no "according to", no work ("statement", "interview"): a grammar
that needs one of these words is skipped, one set intersection instead of a regex search per pattern. The
needed words are read from the patterns themselves (``leading_words``), so a verb added to a pattern is a
verb the pre-check knows.
"""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own regex parser (Python 3.11+)
from typing import Any

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# The only characters re's case-insensitive matching equates with ASCII letters besides their own capitals
# (found by trying every code point): lower() leaves the last two alone and turns "İ" into two characters.
_TO_ASCII = {"İ": "i", "ı": "i", "ſ": "s"}
# Past this many spellings a pattern is not worth listing: it is left to run.
_MOST_WORDS = 5000


def sentence_words(text: str) -> frozenset[str]:
    """The lower-cased words (runs of word characters, as ``\\b`` delimits them) of a text.

    A pattern that, case-insensitively or not, matches one whole word of ``text`` finds that word
    lower-cased here; so a pattern needing a word from ``leading_words`` cannot match when none is here.
    """
    return frozenset(_WORD.findall(_lowered(text)))


def word_starts(text: str, words: frozenset[str]) -> list[int]:
    """Where in ``text`` one of these lower-cased words stands whole, in order."""
    lower = _lowered(text)
    starts = []
    for word in words:
        start = lower.find(word)
        while start >= 0:
            end = start + len(word)
            if not (start and _WORD_CHAR.match(lower, start - 1) or _WORD_CHAR.match(lower, end)):
                starts.append(start)
            start = lower.find(word, end)
    return sorted(starts)


def _lowered(text: str) -> str:
    """The text lower-cased as case-insensitive matching compares it, each character still in its place."""
    if not text.isascii() and any(c in text for c in _TO_ASCII):
        for odd, ascii_letter in _TO_ASCII.items():
            text = text.replace(odd, ascii_letter)
    return text.lower()


def leading_words(pattern: str) -> frozenset[str] | None:
    """The lower-cased words a match of ``pattern`` begins with, whole, when it begins at a word's start:
    ``say(?:s|ing)?\\b`` → say, says, saying. None when they cannot be listed (``\\w+``, a match that
    may begin with no word, a word the pattern may leave unfinished, too many spellings)."""
    found = _walk(list(_parser.parse(pattern)), {""})
    if found is None:
        return None
    unfinished, words = found
    if unfinished or "" in words:
        return None
    return frozenset(words)


def needed_words(pattern: str) -> frozenset[str]:
    """``leading_words`` of a pattern written to have them (a verb list, a list of works); raises otherwise."""
    words = leading_words(pattern)
    if words is None:
        raise ValueError(f"the words a match of {pattern[:60]!r}... begins with cannot be listed")
    return words


def _walk(items: list[tuple[Any, Any]], begun: set[str]) -> tuple[set[str], set[str]] | None:
    """(words still being spelled, words ended) after ``items`` given the words ``begun``; None when unknowable."""
    ended: set[str] = set()
    for op, arg in items:
        if not begun:
            break
        name = str(op)
        if name in ("LITERAL", "IN", "CATEGORY"):
            chars = _chars(op, arg)
            if chars is None:
                return None
            letters = {c.lower() for c in chars if _WORD.match(c)}
            if letters and len(letters) != len({c.lower() for c in chars}):
                return None  # a class of word and non-word characters: the word may or may not go on
            if not letters:
                ended |= begun
            begun = {w + c for w in begun for c in letters}
        elif name == "BRANCH":
            results = [_walk(list(alternative), begun) for alternative in arg[1]]
            if any(r is None for r in results):
                return None
            begun = set().union(*(r[0] for r in results if r))
            ended = ended.union(*(r[1] for r in results if r))
        elif name == "SUBPATTERN":
            result = _walk(list(arg[3]), begun)
            if result is None:
                return None
            begun, ended = result[0], ended | result[1]
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            result = _repeat(arg, begun)
            if result is None:
                return None
            begun, ended = result[0], ended | result[1]
        elif name == "AT" and str(arg) in ("AT_BOUNDARY", "AT_END", "AT_END_STRING"):
            ended |= {w for w in begun if w}  # a word ends here; an empty one has not started yet
            begun = {w for w in begun if not w}
        elif name not in ("ASSERT", "ASSERT_NOT"):  # a look-around only narrows what matches
            return None
        if len(begun) + len(ended) > _MOST_WORDS:
            return None
    return begun, ended


def _repeat(arg: tuple[int, int, Any], begun: set[str]) -> tuple[set[str], set[str]] | None:
    """A repeated item: spelled out when bounded, else allowed only when it always ends the word (``\\s+``)."""
    least, most, item = arg
    if most > 5:
        once = _walk(list(item), begun)
        if once is None or once[0]:
            return None
        return (begun if least == 0 else set()), once[1]
    kept: set[str] = set()
    ended: set[str] = set()
    for count in range(most + 1):
        if count >= least:
            kept |= begun
        if count == most or not begun:
            break
        result = _walk(list(item), begun)
        if result is None:
            return None
        begun, ended = result[0], ended | result[1]
    return kept, ended


def _chars(op: Any, arg: Any) -> list[str] | None:
    """The characters a literal, ``\\s`` or a class of these and short ranges matches (a space standing for
    every space); None for anything wider."""
    chars: list[str] = []
    for kind, value in [(op, arg)] if str(op) != "IN" else arg:
        if str(kind) == "LITERAL":
            chars.append(chr(value))
        elif str(kind) == "RANGE" and value[1] - value[0] < 64:
            chars += [chr(c) for c in range(value[0], value[1] + 1)]
        elif str(kind) == "CATEGORY" and str(value) in ("CATEGORY_SPACE", "CATEGORY_UNI_SPACE"):
            chars.append(" ")
        else:
            return None
    return chars
