"""A party a sentence names (``Mention``): where it stands, its gazetteer entry if any, its type and country."""

from __future__ import annotations

from dataclasses import dataclass

from perspectives.stages.sources.gazetteer import Known
from perspectives.stages.sources.lexicon import guess_country, guess_type


@dataclass(frozen=True)
class Mention:
    """A party named in a sentence; ``start:end`` covers the role words in front of the name."""

    start: int
    end: int
    name: str
    known: Known | None
    kind: str  # person · org · media · document · state · name (one word: a surname, outlet or company)
    role: str = ""

    @property
    def source_type(self) -> str | None:
        """The gazetteer's type, or a guess from the name and role words."""
        if self.known is not None:
            return self.known.entry.type
        # A person's role reads head first ("professor at MGIMO"); an institution's name head last ("Lowy
        # Institute"), else the words describing it ("the news agency Interfax").
        if self.kind == "person":
            return guess_type(self.role)
        return guess_type(self.name, head_last=True) or (guess_type(self.role) if self.role else None)

    @property
    def country(self) -> str | None:
        """The gazetteer's country, or the nationality in the role words."""
        if self.known is not None:
            return self.known.entry.country
        return guess_country(self.role) or (guess_country(self.name) if self.kind != "person" else None)
