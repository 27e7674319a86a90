"""Certainty stage: how sure a claim sounds, from the config's hedges and boosters."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from perspectives.config import Certainty
from perspectives.records import Claim
from perspectives.rules import Matcher, compile_terms


@dataclass(frozen=True)
class Lexicon:
    """Hedge and booster matchers for the certainty of a claim."""

    hedges: Matcher | None
    boosters: Matcher | None


def compile_lexicon(certainty: Certainty) -> Lexicon:
    """Matchers for the config's hedges and boosters, case as written (so the month May is no hedge)."""
    return Lexicon(compile_terms(certainty.hedges, ignore_case=False) if certainty.hedges else None,
                   compile_terms(certainty.boosters, ignore_case=False) if certainty.boosters else None)


def mark_certainty(claims: Sequence[Claim], lexicon: Lexicon) -> list[Claim]:
    """Claims with their hedges and boosters filled in."""
    marked = []
    for claim in claims:
        # A capital at the start of the sentence is not part of the word ("Clearly, …" boosts).
        text = claim.text[:1].lower() + claim.text[1:]
        hedges = tuple(lexicon.hedges.evidence(text) or ()) if lexicon.hedges else ()
        boosters = tuple(lexicon.boosters.evidence(text) or ()) if lexicon.boosters else ()
        marked.append(dataclasses.replace(claim, hedges=hedges, boosters=boosters,
                                          certainty=certainty_score(len(hedges), len(boosters))))
    return marked


def certainty_score(hedges: int, boosters: int) -> float:
    """From -1 (only hedged) through 0 (neither, or balanced) to 1 (only boosted)."""
    total = hedges + boosters
    return 0.0 if total == 0 else round((boosters - hedges) / total, 4)
