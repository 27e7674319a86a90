"""Referents: the pronouns and role nouns a cue makes the speaker ("he said", "the ministry added")."""

from __future__ import annotations

import dataclasses
import re

from perspectives.stages.sources.masking import mask
from perspectives.stages.sources.parties import Mention
from perspectives.stages.sources.speech import (
    AFTER_INVERTED,
    AUX,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    HEAD_WORDS,
    INVERTED_VERBS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    STANCE,
    noun_phrases,
)
from perspectives.stages.sources.words import needed_words

# A party referred back to: "he said", "the minister added", "said the company", "the statement read".
_REFERENT = (rf"(?P<np>\b(?:[Hh]e|[Ss]he|[Bb]oth)\b(?!\s+(?:the|of|[a-z]+s)\b)|"
             rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Bb]oth|[Tt]he two)\s+(?:[\w'’-]+\s+){{0,2}}?"
             rf"(?P<noun>(?i:{PERSON_NOUNS}|{ORG_NOUNS}|{DOCUMENT_NOUNS}))s?\b)")
_REFERENT_CUES = (
    re.compile(rf"[”\"’,]\s*{INVERTED_VERBS}\s+{_REFERENT}{AFTER_INVERTED}"),
    re.compile(rf"\b(?i:according to|as (?:quoted|reported|cited|stated) (?:by|in)|in the words of)\s+{_REFERENT}"
               rf"(?!\s*⟦)"),
)
# After a pronoun or role noun in the subject: a speech, stance or document verb ("the ministry has said").
_VERBS = rf"(?:{SPEECH_VERBS}|{STANCE}|{DOCUMENT_VERBS})"
_AFTER_REFERENT = re.compile(rf"(?![’']s)(?!\s*⟦){AUX}\s+{_VERBS}")
# One of these words, whole, stands in every match of the patterns above (see ``words``).
_CUE_WORDS = (needed_words(_VERBS) | needed_words(rf"{INVERTED_VERBS}\s")
              | frozenset({"according", "quoted", "reported", "cited", "stated", "words"}))
_SINGULAR_NOUN = re.compile(rf"(?:{PERSON_NOUNS}|{ORG_NOUNS}|{DOCUMENT_NOUNS})", re.IGNORECASE)
_REFERENT_DETERMINERS = frozenset({"the", "this", "that", "both"})
_PRONOUN_WORDS = frozenset({"he", "she", "both"})
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Bb]oth)\b(?!\s+(?:the|of|[a-z]+s)\b)")
_LOWER_WORDS = re.compile(r"[a-zé]+")


@dataclasses.dataclass(frozen=True)
class Referent:
    """A speaker a sentence refers back to instead of naming: the pronoun or noun, and where it stands."""

    surface: str
    noun: str  # "he", "she", or the head noun ("minister", "company", "statement")
    before: int  # how many of the sentence's mentions come before it
    plural: bool = False


def referents(text: str, mentions: list[Mention], words: frozenset[str] | None = None) -> list[Referent]:
    """Pronouns and role nouns a cue makes the speaker ("the ministry said"); they are resolved against the
    parties named before (see ``citations``). ``words``, those the masked sentence can hold
    (``words_after_masking``), let a sentence without a cue's word be passed over."""
    lower_words = set(_LOWER_WORDS.findall(text.lower()))
    if not (lower_words & HEAD_WORDS or lower_words & _PRONOUN_WORDS):
        return []
    if words is not None and words.isdisjoint(_CUE_WORDS):
        return []
    masked, _ = mask(text, mentions)
    found = []
    subjects = [(m.start(), m.end(), m.group(0)) for m in _PRONOUN.finditer(masked)]
    subjects += list(noun_phrases(masked, _REFERENT_DETERMINERS, 2))
    spans = [(start, end, noun) for start, end, noun in subjects if _AFTER_REFERENT.match(masked, end)]
    for pattern in _REFERENT_CUES:
        spans += [(m.start("np"), m.end("np"), m.group("noun") or m.group("np")) for m in pattern.finditer(masked)]
    for start, end, head in sorted(set(spans)):
        surface = masked[start:end]
        noun = head.lower()
        if noun.endswith("s") and not _SINGULAR_NOUN.fullmatch(noun):
            noun = noun[:-1]  # "leaders" → "leader"
        plural = surface.lower().startswith(("both", "the two")) or (
            surface.lower().endswith("s") and not noun.endswith("s"))
        found.append(Referent(surface, noun, masked[:start].count("⟦"), plural))
    return found
