"""Treatment stage: how a claim treats its topic — the position it takes, and how certain it sounds."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from perspectives.config import Certainty, Position, TermsRule, Topic
from perspectives.records import Claim, TopicHit
from perspectives.rules import terms as patterns
from perspectives.stages.topics import compile_rule

# A cue term is negated when one of these stands before it in the same clause ("no need to evolve …
# into a formal alliance" does not argue for an alliance).
_NEGATOR = re.compile(r"(?<!\w)(?:no|not|never|without|neither|nor|hardly|cannot|rather than|short of|"
                      r"instead of|\w+n['’]t)(?!\w)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|(?<!\w)(?:but|while|whereas|although)(?!\w)", re.IGNORECASE)
_NEGATION_WINDOW = 12  # words


@dataclass(frozen=True)
class CompiledPosition:
    """One position's cues: terms cues are checked for negation, co-occurrence and pattern cues are not."""

    id: str
    terms: tuple[patterns.Matcher, ...]
    other: tuple[patterns.Matcher, ...]
    exclude: tuple[patterns.Matcher, ...]

    def evidence(self, text: str) -> list[str]:
        """The cues of this position found in the text, negated terms left out."""
        if any(rule.spans(text) for rule in self.exclude):
            return []
        spans = [span for rule in self.terms for span in rule.spans(text) if not is_negated(text, span[0])]
        spans += [span for rule in self.other for span in rule.spans(text)]
        return [text[s:e] for s, e in sorted(set(spans))]


@dataclass(frozen=True)
class Lexicon:
    """Hedge and booster matchers for the certainty of a claim."""

    hedges: patterns.Matcher | None
    boosters: patterns.Matcher | None


def is_negated(text: str, start: int) -> bool:
    """Whether a negator precedes ``start`` within the same clause and a few words."""
    before = text[:start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    words = clause.split()[-_NEGATION_WINDOW:]
    return bool(_NEGATOR.search(" ".join(words)))


def compile_position(position: Position) -> CompiledPosition:
    """Compile one position's cue rules."""
    terms = tuple(compile_rule(r) for r in position.rules if isinstance(r, TermsRule))
    other = tuple(compile_rule(r) for r in position.rules if not isinstance(r, TermsRule))
    return CompiledPosition(position.id, terms, other, tuple(compile_rule(r) for r in position.exclude))


def compile_positions(topics: Sequence[Topic]) -> dict[str, tuple[CompiledPosition, ...]]:
    """Every topic's positions, compiled once."""
    return {t.id: tuple(compile_position(p) for p in t.positions) for t in topics if t.positions}


def assign_positions(claims: Sequence[Claim], hits: Sequence[TopicHit],
                     positions: dict[str, tuple[CompiledPosition, ...]]) -> list[TopicHit]:
    """The topic hits with at most one position each: the one with most cues, the first declared on a tie."""
    texts = {claim.index: claim.text for claim in claims}
    placed = []
    for hit in hits:
        best: tuple[int, str, tuple[str, ...]] | None = None
        for position in positions.get(hit.topic, ()):
            cues = position.evidence(texts[hit.claim_index])
            if cues and (best is None or len(cues) > best[0]):
                best = (len(cues), position.id, tuple(cues))
        if best is not None:
            hit = dataclasses.replace(hit, position=best[1], position_evidence=best[2])
        placed.append(hit)
    return placed


def compile_lexicon(certainty: Certainty) -> Lexicon:
    """Matchers for the config's hedges and boosters, case as written (so the month May is no hedge)."""
    return Lexicon(patterns.compile_terms(certainty.hedges, ignore_case=False) if certainty.hedges else None,
                   patterns.compile_terms(certainty.boosters, ignore_case=False) if certainty.boosters else None)


def mark_certainty(claims: Sequence[Claim], lexicon: Lexicon) -> list[Claim]:
    """Claims with their hedges and boosters filled in."""
    marked = []
    for claim in claims:
        # A capital at the start of the sentence is not part of the word ("Clearly, …" boosts).
        text = claim.text[:1].lower() + claim.text[1:]
        hedges = tuple(lexicon.hedges.evidence(text) or ()) if lexicon.hedges else ()
        boosters = tuple(lexicon.boosters.evidence(text) or ()) if lexicon.boosters else ()
        marked.append(dataclasses.replace(claim, hedges=hedges, boosters=boosters))
    return marked


def certainty_score(hedges: int, boosters: int) -> float:
    """From -1 (only hedged) through 0 (neither, or balanced) to 1 (only boosted)."""
    total = hedges + boosters
    return 0.0 if total == 0 else round((boosters - hedges) / total, 4)
