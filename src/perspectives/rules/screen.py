"""Screening: one RE2 pass over each sentence tells which rules could match it, so the exact matchers run
only on the sentences where they may hit.

Every matcher names what a sentence it matches must contain (``Matcher.needs``: RE2 patterns that are all
found there, never stricter than the matcher itself). A ``Screen`` puts the patterns of a config's matchers
into one RE2 set, and ``Screen.run`` makes one pass over each sentence of a claims table. Rules then run
only on their ``candidates``: the placements equal those of every rule tried on every sentence, at a
fraction of the cost, since a sentence mentions few of a config's topics.

Two kinds of sentence skip the screen and are candidates of every rule: those with non-ASCII letters, marks
or digits (Python's case-insensitive and Unicode matching equate some of them with ASCII letters, as ſ with s,
where RE2 does not), and any sentence RE2 could not finish (its DFA ran out of memory), which the ``ALWAYS``
pattern reveals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import re2

from perspectives.rules.base import Matcher

# Found in every sentence: a result without it means RE2 gave up on the sentence.
_ALWAYS = ""
# A non-ASCII letter, mark or digit: anything beyond ASCII that is not punctuation, symbol, space or control.
_UNSCREENABLE = r"[^\x00-\x7F\p{P}\p{S}\p{Z}\p{C}]"
# RE2's default budget suits one regex; a set of a whole config's term lists needs a larger DFA cache.
_MAX_MEMORY = 256 << 20


class Screen:
    """The patterns the given matchers need, compiled into one RE2 set."""

    def __init__(self, matchers: Iterable[Matcher]) -> None:
        options = re2.Options()
        options.max_mem = _MAX_MEMORY
        self._set = re2.Set.SearchSet(options)
        self._ids: dict[str, int] = {}
        for pattern in (_ALWAYS, _UNSCREENABLE, *(need for m in matchers for need in m.needs)):
            if pattern not in self._ids:
                self._ids[pattern] = self._set.Add(pattern)
        self._set.Compile()

    @property
    def patterns(self) -> int:
        """How many distinct patterns the set holds (the two of its own included)."""
        return len(self._ids)

    def run(self, texts: Sequence[str]) -> Screened:
        """Which patterns each sentence contains, as the sentences each pattern was found in."""
        found: list[list[int]] = [[] for _ in self._ids]
        always, unscreenable = self._ids[_ALWAYS], self._ids[_UNSCREENABLE]
        everywhere: list[int] = []
        for i, text in enumerate(texts):
            hits = self._set.Match(text) or ()
            if always not in hits or unscreenable in hits:
                everywhere.append(i)
                continue
            for pattern in hits:
                if pattern != always:  # found in every sentence: a list of them all would say nothing
                    found[pattern].append(i)
        return Screened(len(texts), self._ids, found, frozenset(everywhere))


@dataclass
class Screened:
    """The outcome of screening a list of sentences: the candidates of each matcher, computed on request."""

    size: int
    ids: dict[str, int]
    found: list[list[int]]
    everywhere: frozenset[int]
    _candidates: dict[tuple[str, ...], frozenset[int] | None] = field(default_factory=dict)

    def candidates(self, matcher: Matcher) -> frozenset[int] | None:
        """The sentences ``matcher`` may match, or None for every sentence (it needs nothing, or a pattern
        the screen did not hold)."""
        needs = matcher.needs
        if needs not in self._candidates:
            self._candidates[needs] = self._intersection(needs)
        return self._candidates[needs]

    def _intersection(self, needs: tuple[str, ...]) -> frozenset[int] | None:
        needs = tuple(need for need in needs if need != _ALWAYS)  # found everywhere, so never listed
        if not needs or any(need not in self.ids for need in needs):
            return None
        sets = sorted((self.found[self.ids[need]] for need in needs), key=len)
        common = set(sets[0]).intersection(*sets[1:])
        return frozenset(common | self.everywhere)

    def may_match(self, matcher: Matcher, i: int) -> bool:
        """Whether sentence ``i`` may match ``matcher`` (the screen cannot exclude it)."""
        found = self.candidates(matcher)
        return found is None or i in found

    def union(self, matchers: Iterable[Matcher]) -> Iterable[int]:
        """The sentences any of ``matchers`` may match, in order."""
        merged: set[int] = set()
        for matcher in matchers:
            found = self.candidates(matcher)
            if found is None:
                return range(self.size)
            merged |= found
        return sorted(merged)
