"""Site furniture: the config's ``cleaning`` patterns, compiled, and the checks a page's layout asks of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import re2

from perspectives.config import Cleaning
from perspectives.rules import compile_regex


@dataclass(frozen=True)
class Cleaner:
    """Compiled furniture patterns from the config's ``cleaning`` section."""

    drop: tuple[re2._Regexp, ...] = ()
    end_of_body: tuple[re2._Regexp, ...] = ()
    remove: tuple[re2._Regexp, ...] = ()

    @classmethod
    def from_config(cls, cleaning: Cleaning) -> Cleaner:
        """Compile the config's patterns (validated by the config loader), case-insensitively, on RE2.

        RE2 because they come from the user: "^(a+)+$" would hang Python's `re` on a long line of a's.
        """
        def compiled(patterns: Sequence[str], multiline: bool = False) -> tuple[re2._Regexp, ...]:
            return tuple(compile_regex(p, multiline=multiline) for p in patterns)

        # `remove` runs over raw blocks of several lines: ^ and $ mean a line's start and end.
        return cls(compiled(cleaning.drop), compiled(cleaning.end_of_body),
                   compiled(cleaning.remove, multiline=True))

    def strip_inline(self, text: str) -> str:
        """The raw paragraph without inline furniture such as "(read it here)" links."""
        for rx in self.remove:
            text = rx.sub("", text)
        return text

    def is_furniture(self, text: str) -> bool:
        """Whether a paragraph is site furniture."""
        return self.furniture_pattern(text) is not None

    def furniture_pattern(self, text: str) -> str | None:
        """The ``drop`` pattern a paragraph matches (so the build can say what removed it), or None."""
        return next((rx.pattern for rx in self.drop if rx.search(text)), None)

    def ends_body(self, text: str) -> bool:
        """Whether a paragraph marks the end of the body."""
        return any(rx.search(text) for rx in self.end_of_body)
