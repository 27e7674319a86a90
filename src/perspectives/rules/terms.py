"""Terms: a list of words or phrases turned into one regex, with inflections and a word index.

Terms become Python regular expressions that we generate ourselves (no nested quantifiers, so they run in
linear time); a user's own ``pattern`` runs on RE2 instead (see ``rules.regex``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from perspectives.rules.base import Evidence, Span

_VOWELS = set("aeiou")
_WORD = re.compile(r"\w+")
# How many leading characters of a term's first word the word index compares.
KEY_LENGTH = 4


def _inflect(word: str) -> str:
    """A regex for an English word and its regular inflections (treaty → treaties, ally → allied)."""
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"\w*"
    lower = word.lower()
    if len(lower) > 2 and lower.endswith("y") and lower[-2] not in _VOWELS:
        return re.escape(word[:-1]) + "(?:y|ies|ied)"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return re.escape(word) + "(?:es)?"
    if lower.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    return re.escape(word) + "(?:s|es|ed|ing)?"


def _term_words(term: str) -> list[str]:
    """A term's words, without the quotes that mark it as not inflected."""
    return term.strip("'\" ").split()


def _term_body(term: str) -> str:
    """The regex of a term's words (joined by spaces or hyphens, the last one inflected), without the
    word-boundary checks around it. A term whose last word is in capitals (US, BRI), or a term in quotes
    ("'accord'"), is not inflected."""
    exact = len(term) > 2 and term[0] == term[-1] and term[0] in "'\""
    words = _term_words(term)
    head = [re.escape(w) for w in words[:-1]]
    last = words[-1]
    tail = re.escape(last) if exact or last.isupper() else _inflect(last)
    return r"[\s\-–]+".join([*head, tail])


def _any_term(bodies: Sequence[str]) -> str:
    """One regex for several term bodies, the word-boundary checks written once around the alternation.

    Equivalent to joining whole term regexes with ``|``, but Python's engine then tests the boundary once
    per position instead of once per term, and skips a word whose first character starts no term:
    topic placement ran ten times faster on the bundled articles.
    """
    firsts = {_first_char(body) for body in bodies}
    chars = "".join(sorted(c for c in firsts if c is not None))
    skip = "" if None in firsts else f"(?=[{chars}])"
    return rf"(?<!\w){skip}(?:{'|'.join(bodies)})(?:['’]s)?(?!\w)"


def _first_char(body: str) -> str | None:
    """The literal (perhaps escaped) character a term body starts with, or None when it starts with a group."""
    if body[:1] == "\\":
        return None if body[1:2].isalnum() else body[:2]  # \w is a class; re.escape never escapes letters
    return None if body[:1] in "([.^$*+?{|" else body[:1]


def _term_key(term: str) -> str | None:
    """The lower-cased literal start of every match of a term, at most ``KEY_LENGTH`` characters, or None
    when it cannot be known (the word starts with a non-word character, or is not plain ASCII).

    Only the last word is inflected, and every inflection keeps all but the word's last character, so a
    one-word term keeps ``word[:-1]``; a match starts at a word boundary, so the key is the leading run of
    word characters of that literal.
    """
    words = _term_words(term)
    if not words:
        return None
    return word_key(words[0] if len(words) > 1 else words[0][:-1])


def word_key(literal: str) -> str | None:
    """The lower-cased first ``KEY_LENGTH`` word characters of a literal a match starts with, or None when it
    does not start with word characters or they are not plain ASCII (case-insensitive matching may equate
    non-ASCII letters with ASCII ones, as ſ with s)."""
    run = _WORD.match(literal)
    if run is None or not run.group().isascii():
        return None
    return run.group()[:KEY_LENGTH].lower()


@lru_cache(maxsize=16)
def _word_starts(text: str) -> frozenset[str] | None:
    """The lower-cased first 1 to ``KEY_LENGTH`` characters of every word of ``text``, or None when a
    word starts with non-ASCII letters (which case-insensitive matching may equate with ASCII ones, as
    ſ with s).

    Cached because each sentence is tested against every topic's rules in turn.
    """
    heads = " ".join({word[:KEY_LENGTH] for word in _WORD.findall(text)})
    if not heads.isascii():
        return None
    starts = set(heads.lower().split())
    return frozenset(starts.union(*({head[:n] for head in starts} for n in range(1, KEY_LENGTH))))


@dataclass(frozen=True)
class TermsMatcher(Evidence):
    """Any of the terms.

    ``keys`` (see ``_term_key``) index the terms by how their first word starts: a sentence with no word
    starting so cannot match, so its regexes are skipped. That skips most of the regex scans of topic
    placement, as a sentence mentions few topics. None when some term has no key.
    """

    regexes: tuple[re.Pattern[str], ...]
    keys: frozenset[str] | None = None

    def spans(self, text: str) -> list[Span]:
        """Every matched term."""
        if self.keys is not None:
            starts = _word_starts(text)
            if starts is not None and self.keys.isdisjoint(starts):
                return []
        return [m.span() for rx in self.regexes for m in rx.finditer(text)]


def compile_terms(terms: Iterable[str], *, ignore_case: bool = True) -> TermsMatcher:
    """One matcher for a list of terms; CAPITALISED terms match case-sensitively, the rest ignore case
    unless ``ignore_case`` is off."""
    folded: list[str] = []
    exact: list[str] = []
    keys: set[str | None] = set()
    for term in terms:
        (exact if _is_acronym(term) or not ignore_case else folded).append(_term_body(term))
        keys.add(_term_key(term))
    regexes = []
    if folded:
        regexes.append(re.compile(_any_term(sorted(folded, key=len, reverse=True)), re.IGNORECASE))
    if exact:
        regexes.append(re.compile(_any_term(sorted(exact, key=len, reverse=True))))
    return TermsMatcher(tuple(regexes), None if None in keys else frozenset(k for k in keys if k is not None))


def _is_acronym(term: str) -> bool:
    letters = [c for c in term.strip("'\"") if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


