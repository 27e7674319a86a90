"""Site furniture: the config's ``cleaning`` patterns, compiled, and the checks a page's layout asks of them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import re2

from perspectives.config import Cleaning
from perspectives.rules import check_regex, compile_regex

# A pattern that takes more than this share of an article's words, or a paragraph longer than this many
# words, is more likely cutting the article than its furniture (a standfirst, a thesis): say so.
OVEREAGER_SHARE = 1 / 3
OVEREAGER_WORDS = 40
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Cleaner:
    """Compiled furniture patterns from the config's ``cleaning`` section."""

    drop: tuple[re2._Regexp, ...] = ()
    end_of_body: tuple[re2._Regexp, ...] = ()
    remove: tuple[re2._Regexp, ...] = ()
    # Each section's patterns as one alternation: one search tells that none of them matches a paragraph, as
    # none does for most, where testing them one by one cost a search (and its call into RE2) per pattern.
    _any_drop: re2._Regexp | None = field(init=False, repr=False, compare=False)
    _any_end: re2._Regexp | None = field(init=False, repr=False, compare=False)
    _any_remove: re2._Regexp | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A frozen dataclass sets its derived fields through object.__setattr__.
        object.__setattr__(self, "_any_drop", _alternation(self.drop))
        object.__setattr__(self, "_any_end", _alternation(self.end_of_body))
        object.__setattr__(self, "_any_remove", _alternation(self.remove))

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

    def strip_inline(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The raw paragraph without inline furniture such as "(read it here)" links, and each piece cut with
        the ``remove`` pattern that cut it."""
        cut: list[tuple[str, str]] = []
        if not _may_match(self._any_remove, text):
            return text, cut
        for rx in self.remove:
            reason = f"cleaning.remove {rx.pattern.removeprefix('(?m)')!r}"
            cut += [(m.group().strip(), reason) for m in rx.finditer(text) if m.group().strip()]
            text = rx.sub("", text)
        return text, cut

    def is_furniture(self, text: str) -> bool:
        """Whether a paragraph is site furniture."""
        return self.furniture_pattern(text) is not None

    def furniture_pattern(self, text: str) -> str | None:
        """The ``drop`` pattern a paragraph matches (so the build can say what removed it), or None."""
        if not _may_match(self._any_drop, text):
            return None
        return next((rx.pattern for rx in self.drop if rx.search(text)), None)

    def ends_body(self, text: str) -> bool:
        """Whether a paragraph marks the end of the body."""
        return _may_match(self._any_end, text) and any(rx.search(text) for rx in self.end_of_body)

    def overeager_warnings(self, text: str, dropped: Sequence[tuple[str, str]]) -> list[str]:
        """A warning for each ``drop`` or ``remove`` pattern that took over a third of the article's words,
        or a paragraph (or passage) of over 40 words, naming the pattern.

        Args:
            text: the article's text as the layout read it.
            dropped: what the layout set aside, with reasons (``cleaning.drop '<pattern>'`` and
                ``cleaning.remove '<pattern>'`` for the config's).
        """
        removed: dict[str, list[str]] = {}
        for piece, reason in dropped:
            if reason.startswith(("cleaning.drop ", "cleaning.remove ")):
                removed.setdefault(reason, []).append(piece)
        if not removed:
            return []  # before counting the article's words: most articles lose nothing to the config
        total = len(_WORDS.findall(text))
        warnings = []
        for label, pieces in removed.items():
            counts = [len(_WORDS.findall(piece)) for piece in pieces]
            longest = pieces[counts.index(max(counts))]
            if total and sum(counts) > total * OVEREAGER_SHARE:
                warnings.append(f"{label} removed {sum(counts)} of the article's {total} words, over a third; "
                                "check that it matches only site furniture")
            elif max(counts) > OVEREAGER_WORDS:
                opening = " ".join(longest.split()[:8])
                what = "a paragraph" if label.startswith("cleaning.drop") else "a passage"
                warnings.append(f"{label} removed {what} of {max(counts)} words (“{opening} …”); "
                                "check that it matches only site furniture")
        return warnings


def _alternation(patterns: Sequence[re2._Regexp]) -> re2._Regexp | None:
    """One case-insensitive regex that matches wherever any of the patterns does (each keeps its own flags
    in its group), or None when there are none or they cannot be joined (a ``\\Q`` quote left open runs to
    the end of its pattern, and would swallow the rest)."""
    joined = "|".join(f"(?:{rx.pattern})" for rx in patterns)
    return compile_regex(joined) if patterns and check_regex(joined) is None else None


def _may_match(alternation: re2._Regexp | None, text: str) -> bool:
    """Whether some pattern of a section may match: False only when their alternation found none."""
    return alternation is None or alternation.search(text) is not None
