"""Stances stage: the position a claim takes on each topic it is placed in, from the positions' cue rules."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from perspectives.config import Stance, Topic
from perspectives.records import TopicHit
from perspectives.rules import Matcher, Sentences, compile_rule

# A cue is negated when one of these stands before it in the same clause ("no need to evolve … into a
# formal alliance" does not argue for an alliance).
_NEGATOR = re.compile(r"(?<!\w)(?:no|not|never|without|neither|nor|hardly|cannot|rather than|short of|"
                      r"instead of|\w+n['’]t)(?!\w)", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|(?<!\w)(?:but|while|whereas|although)(?!\w)", re.IGNORECASE)
_NEGATION_WINDOW = 12  # words


@dataclass(frozen=True)
class CompiledStance:
    """One stance's cues: the negatable ones (see ``Rule.negatable``) are checked for negation."""

    id: str
    negatable: tuple[Matcher, ...]
    other: tuple[Matcher, ...]
    exclude: tuple[Matcher, ...]

    def evidence(self, sentences: Sentences, i: int) -> list[str]:
        """The cues of this stance found in sentence ``i``, negated cues left out; cues the screen rules out
        are not tried."""
        text = sentences.texts[i]
        if any(sentences.may_match(rule, i) and rule.spans(text) for rule in self.exclude):
            return []
        spans = [span for rule in self.negatable if sentences.may_match(rule, i)
                 for span in rule.spans(text) if not is_negated(text, span[0])]
        spans += [span for rule in self.other if sentences.may_match(rule, i) for span in rule.spans(text)]
        return [text[s:e] for s, e in sorted(set(spans))]

    def matchers(self) -> tuple[Matcher, ...]:
        """Every cue and exclusion, for the screen (see ``rules.screen``)."""
        return (*self.negatable, *self.other, *self.exclude)


def is_negated(text: str, start: int) -> bool:
    """Whether a negator precedes ``start`` within the same clause and a few words."""
    before = text[:start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    words = clause.split()[-_NEGATION_WINDOW:]
    return bool(_NEGATOR.search(" ".join(words)))


def compile_stance(stance: Stance) -> CompiledStance:
    """Compile one stance's cue rules."""
    return CompiledStance(stance.id, tuple(compile_rule(r) for r in stance.rules if r.negatable),
                          tuple(compile_rule(r) for r in stance.rules if not r.negatable),
                          tuple(compile_rule(r) for r in stance.exclude))


def compile_stances(topics: Sequence[Topic]) -> dict[str, tuple[CompiledStance, ...]]:
    """Every topic's stances, compiled once."""
    return {t.id: tuple(compile_stance(p) for p in t.positions) for t in topics if t.positions}


def assign_stances(sentences: Sentences, hits: Sequence[TopicHit],
                   stances: dict[str, tuple[CompiledStance, ...]]) -> list[TopicHit]:
    """The topic hits with at most one stance each: the one with most cues, the first declared on a tie.

    ``sentences`` are those the hits' ``claim_index`` points into (see ``topics.assign_topics``).
    """
    placed = []
    for hit in hits:
        best: tuple[int, str, tuple[str, ...]] | None = None
        for stance in stances.get(hit.topic, ()):
            cues = stance.evidence(sentences, hit.claim_index)
            if cues and (best is None or len(cues) > best[0]):
                best = (len(cues), stance.id, tuple(cues))
        if best is not None:
            hit = dataclasses.replace(hit, stance=best[1], stance_evidence=best[2])
        placed.append(hit)
    return placed
