"""Certainty stage: how sure a claim sounds, from the config's hedges and boosters."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from perspectives.config import Certainty
from perspectives.records import Claim
from perspectives.rules import Matcher, compile_terms

# Joins a body's sentences so that each lexicon searches them in one scan: a term matches whole words, so
# a match runs from one sentence into the next only if its term holds a NUL (see ``_evidence``).
_SEPARATOR = "\x00"


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
    # A capital at the start of the sentence is not part of the word ("Clearly, …" boosts).
    texts = [claim.text[:1].lower() + claim.text[1:] for claim in claims]
    marked = []
    for claim, hedges, boosters in zip(claims, _evidence(lexicon.hedges, texts),
                                       _evidence(lexicon.boosters, texts), strict=True):
        certainty = certainty_score(len(hedges), len(boosters))
        if (hedges, boosters, certainty) != (claim.hedges, claim.boosters, claim.certainty):
            claim = dataclasses.replace(claim, hedges=hedges, boosters=boosters, certainty=certainty)
        marked.append(claim)
    return marked


def _evidence(matcher: Matcher | None, texts: list[str]) -> list[tuple[str, ...]]:
    """Each text's matched terms, as the matcher finds them in that text alone.

    The texts are searched joined, one scan of the body instead of one per sentence; a match that crosses
    a separator (a term with a NUL in it) would not be one of a text alone, so then each is searched alone.
    """
    if matcher is None:
        return [()] * len(texts)
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_SEPARATOR)
    joined = _SEPARATOR.join(texts)
    found: list[list[str]] = [[] for _ in texts]
    for start, end in matcher.spans(joined):
        i = bisect.bisect_right(starts, start) - 1
        if end > starts[i] + len(texts[i]):
            return [tuple(matcher.evidence(text) or ()) for text in texts]
        found[i].append(joined[start:end])
    return [tuple(terms) for terms in found]


def certainty_score(hedges: int, boosters: int) -> float:
    """From -1 (only hedged) through 0 (neither, or balanced) to 1 (only boosted)."""
    total = hedges + boosters
    return 0.0 if total == 0 else round((boosters - hedges) / total, 4)
