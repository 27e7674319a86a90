"""What every rule kind's matcher provides: the spans it matches, and the matched text as evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from perspectives.rules.context import Sentences

Span = tuple[int, int]


class Matcher(Protocol):
    """Something that finds evidence of a rule in a sentence."""

    @property
    def needs(self) -> tuple[str, ...]:
        """RE2 patterns all found in every sentence the rule matches (none: the rule cannot say); see
        ``rules.screen``."""

    def spans(self, text: str) -> list[Span]:
        """(start, end) of every match; empty when the rule does not match."""

    def evidence(self, text: str) -> list[str] | None:
        """The matched strings, or None when the rule does not match."""

    def evidence_in(self, text: str, sentences: Sentences, i: int) -> list[str] | None:
        """The matched strings of sentence ``i`` (``text``, perhaps masked), for a rule that may also look at
        the sentences around it; None when the rule does not match."""


class Evidence:
    """``evidence`` derived from ``spans``, shared by every matcher; a matcher that cannot name what a
    matching sentence contains ``needs`` nothing, and is tried on every sentence."""

    @property
    def needs(self) -> tuple[str, ...]:
        return ()

    def spans(self, text: str) -> list[Span]:
        raise NotImplementedError

    def evidence(self, text: str) -> list[str] | None:
        """The matched strings, or None when the rule does not match."""
        return [text[s:e] for s, e in self.spans(text)] or None

    def evidence_in(self, text: str, sentences: Sentences, i: int) -> list[str] | None:
        """A rule of one sentence: its evidence in ``text``, whatever surrounds it."""
        del sentences, i
        return self.evidence(text)
