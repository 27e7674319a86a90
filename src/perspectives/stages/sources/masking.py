"""Masking: a sentence with each mention as ``⟦i⟧``, appositives and unnamed officials folded into their party."""

from __future__ import annotations

import re

from perspectives.stages.sources.lexicon import ROLE_WORDS
from perspectives.stages.sources.parties import Mention
from perspectives.stages.sources.words import sentence_words

NAME_SLOT = re.compile(r"⟦(\d+)⟧")
_APPOSITIVE = re.compile(
    rf"(⟦\d+⟧),\s+((?:(?:a|an|the|his|her|its|their|who|whose|former|then|now|currently|also|speaking|"
    rf"writing)\b|"
    rf"(?:{'|'.join(sorted(ROLE_WORDS, key=len, reverse=True))})s?\b)[^,;:“”\"()]{{0,200}}?)(?:,(?=\s)|(?=[.!?]?$))",
    re.IGNORECASE)
# "the head of ⟦the ministry⟧", "a senior ⟦US⟧ official": an unnamed speaker stands for their institution.
_HEAD_OF = re.compile(r"\b(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:head|chief|spokes(?:man|woman|person)|"
                      r"representative|minister|director|official|press (?:service|office|secretary)|"
                      r"sources?)s?\s+(?:of|for|at|in|close to)\s+(?:the\s+)?(⟦\d+⟧)")
# "the news agency ⟦Interfax⟧", "the state-owned company ⟦Gazprom⟧": words describing an unknown party.
_DESCRIBING = ("agency", "newspaper", "daily", "broadcaster", "outlet", "website", "news site", "channel", "magazine",
               "tabloid", "network", "company", "firm", "group", "giant", "operator", "holding", "institute",
               "think tank", "university", "producer", "carrier", "regulator", "union")
_DESCRIBED = re.compile(r"\b(?:[Tt]he\s+)?((?:(?!(?:by|of|to|in|at|for|from|with|the|and|said|told)\b)[\w-]+\s+){0,2}?"
                        rf"(?:news agency|{'|'.join(_DESCRIBING)}))\s+(⟦\d+⟧)")
# "⟦the CNSA⟧ and its Russian counterpart ⟦Roscosmos⟧": two parties, one subject.
_COUNTERPART = re.compile(r"(⟦\d+⟧)\s+and\s+(?:its|his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?,?\s+(⟦\d+⟧)")
_ACRONYM = re.compile(r"(⟦\d+⟧)\s*\([A-Z][A-Za-z]{1,9}\)")
# A piece of every _HEAD_OF and _OFFICIAL_OF match.
_HEAD_OF_PIECES = ("head", "chief", "spokes", "representative", "minister", "director", "official", "press", "source")
_OFFICIAL_OF_PIECES = ("official", "spokes", "source", "diplomat")
_OFFICIAL_OF = re.compile(r"\b(?:(?:a|an|the)\s+)?(?:senior\s+|top\s+)?(⟦\d+⟧)\s+(?:officials?|"
                          r"spokes(?:man|woman|person)|sources?|diplomats?)\b")


_LAST_MASK: dict[tuple[object, ...], tuple[str, dict[int, str]]] = {}


def mask(text: str, mentions: list[Mention]) -> tuple[str, dict[int, str]]:
    """The sentence with each mention as ``⟦i⟧``, appositives and unnamed officials folded into their party
    (the last sentence's is kept: ``cue_hits`` and ``referents`` read the same one)."""
    if not mentions:  # the folding patterns below all need a ``⟦i⟧``
        return text, {}
    key = (text, *((m.start, m.end, m.name, m.kind, m.known is None) for m in mentions))
    if key in _LAST_MASK:
        return _LAST_MASK[key]
    _LAST_MASK.clear()
    _LAST_MASK[key] = result = _masked(text, mentions)
    return result


def words_after_masking(text: str, mentions: list[Mention], words: frozenset[str]) -> frozenset[str]:
    """Every word the masked sentence can hold, given the sentence's ``words``: masking removes words and adds
    none, unless a mention starts or ends inside a word ("i⟦0⟧" from "iPhone"); then the pieces are read."""
    if any(_inside_word(text, m.start) or _inside_word(text, m.end) for m in mentions):
        return sentence_words(_slotted(text, mentions))
    return words


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) and _WORD_CHAR.match(text, i - 1) is not None and _WORD_CHAR.match(text, i) is not None


_WORD_CHAR = re.compile(r"\w")


def _slotted(text: str, mentions: list[Mention]) -> str:
    """The sentence with each mention as ``⟦i⟧``, nothing folded yet."""
    parts, cursor = [], 0
    for i, mention in enumerate(mentions):
        parts += [text[cursor:mention.start], f"⟦{i}⟧"]
        cursor = mention.end
    return "".join(parts) + text[cursor:]


def _masked(text: str, mentions: list[Mention]) -> tuple[str, dict[int, str]]:
    masked = _slotted(text, mentions)
    appositives: dict[int, str] = {}

    def fold_appositive(match: re.Match[str]) -> str:
        unmasked = NAME_SLOT.sub(lambda m: text[mentions[int(m.group(1))].start:mentions[int(m.group(1))].end],
                                 match.group(2))
        appositives[int(match.group(1)[1:-1])] = unmasked
        return match.group(1)

    # Order matters: "a senior ⟦US⟧ official, speaking ...," needs its appositive folded after it becomes
    # "⟦US⟧", while "⟦Wu Qian⟧, spokesperson for ⟦the ministry⟧," must fold before "spokesperson for".
    def fold_described(match: re.Match[str]) -> str:
        slot = int(match.group(2)[1:-1])
        if mentions[slot].known is not None or mentions[slot].kind == "person":
            return match.group(0)
        appositives[slot] = match.group(1)
        return match.group(2)

    # Each fold is tried only on a sentence holding a piece of text it cannot match without.
    if any(word in masked for word in _OFFICIAL_OF_PIECES):
        masked = _OFFICIAL_OF.sub(r"\1", masked)
    if "⟧," in masked:
        masked = _APPOSITIVE.sub(fold_appositive, masked)
    if "(" in masked:
        masked = _ACRONYM.sub(r"\1", masked)
    if "counterpart" in masked:
        masked = _COUNTERPART.sub(r"\1 and \2", masked)
    if any(m.known is None and m.kind != "person" for m in mentions) and any(n in masked for n in _DESCRIBING):
        masked = _DESCRIBED.sub(fold_described, masked)
    if any(word in masked for word in _HEAD_OF_PIECES):
        masked = _HEAD_OF.sub(r"\1", masked)
    return masked, appositives
