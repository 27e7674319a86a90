"""Attribution cues: the patterns that bind a mention as a source (a reporting verb, "according to", a work).

A named party is a source only when a cue binds it (a reporting verb, "according to", an outlet carrying a
speaker); a party merely acting ("Biden waited") is not. Each sentence's mentions are masked as ``⟦i⟧``
(see ``masking``) so the cue patterns below read like the sentences they describe.
"""

from __future__ import annotations

import dataclasses
import re

from perspectives.stages.sources.lexicon import NATIONALITIES, guess_type, state_of
from perspectives.stages.sources.masking import NAME_SLOT, mask
from perspectives.stages.sources.parties import Mention
from perspectives.stages.sources.speech import (
    AFTER_INVERTED,
    AUX,
    DOCUMENT_VERBS,
    INVERTED_VERBS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    STANCE,
)
from perspectives.stages.sources.words import needed_words

# Cues under which the claim reports the source's words; the others only refer to a source.
ATTRIBUTING_CUES = frozenset({"reporting_verb", "according_to", "outlet", "linked_speech", "document_says",
                              "continuation"})
_WORKS = (r"(?:report|statement|commentary|editorial|article|op-ed|opinion piece|piece|column|essay|study|paper|"
          r"book|analysis|interview|letter|speech|remarks?|comments?|readout|tweet|testimony|briefing|"
          r"assessment|estimate|warning|claim|message|address|announcement|communiqu[eé]|declaration|"
          r"resolution|memorandum|memo|press release|white paper)s?")
_PUBLICATION = re.compile(r"\b(?:piece|article|op-ed|opinion piece|editorial|column|commentary|report|interview|"
                          r"essay)s?\b")
# One party or a list of them ("⟦0⟧, ⟦1⟧ and the ⟦2⟧"), never starting after a preposition or inside a list:
# in "the views of China and Russia underline" neither country is the one speaking.
_NAMES = r"⟦\d+⟧(?:(?:,\s*⟦\d+⟧)*,?\s+and\s+(?:the\s+)?⟦\d+⟧)?"
_SUBJ = (r"(?<!of )(?<!in )(?<!for )(?<!with )(?<!from )(?<!to )(?<!by )(?<!on )(?<!at )(?<!about )"
         r"(?<!between )(?<!against )(?<!among )(?<![⟧\w] and )(?<![⟧\w] and the )(?<!of the )(?<!in the )(?<!at the )"
         r"(?<!like )(?<!than )(?<!into )(?<!over )"
         r"(?<!toward )(?<!towards )(?<!against the )(?<!over the )(?<!like the )"
         rf"(?<!for the )(?<!from the )(?<!with the )(?<!to the )(?<!by the ){_NAMES}")
# Put first in a pattern that starts with a subject: the same matches, but a position without a mention fails
# at once instead of after all of _SUBJ's look-behinds (the cue patterns were a tenth of the build).
_AT_NAME = "(?=⟦)"
_BY_WHOM = r"(?:,?\s+\w+ed\s+by\s+[^.;,“”]{0,60}?)?"
# "Professor ⟦Lukin⟧ of the Higher School of Economics noted": where the speaker works, named or not.
_AFFILIATION = r"(?:\s+(?:of|at|from)\s+(?:the\s+)?(?:⟦\d+⟧|[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*))?"
_QUOTING = r"(?:quoted|quotes|quoting|cited|cites|citing)"
_VIEW = r"(?:words|estimation|view|opinion|assessment|analysis|account|telling|judge?ment|reading)"
_GIVES = r"g(?:ave|ives?|iving)"
# The words a pattern cannot match without, read from the patterns (see ``words``). Each stands where a word
# starts in its pattern (after a space, a quotation mark or ``\b``) and ends at a space or ``\b``.
_SPEAKS = needed_words(rf"(?:{SPEECH_VERBS}|{STANCE})")
_SAYS = needed_words(SPEECH_VERBS)
_WORK_WORDS = needed_words(rf"{_WORKS}\b")
# (family cue, pattern, needs): the named group "subj" holds the cited mentions; "obj" too where both count.
# A sentence is tried on a pattern only when it holds a word of each of its ``needs``.
_PATTERN_SOURCES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    ("outlet", rf"{_AT_NAME}(?P<subj>{_SUBJ}){AUX}\s+{_QUOTING}\s+(?:the\s+)?(?P<obj>{_NAMES})",
     (needed_words(rf"{_QUOTING}\s"),)),
    ("reporting_verb", rf"{_AT_NAME}(?P<subj>{_SUBJ}){_AFFILIATION}(?:\s+{_WORKS})?{_BY_WHOM}{AUX}"
                       rf"\s+[“\"‘]?(?:{SPEECH_VERBS}|{STANCE})", (_SPEAKS,)),
    ("reporting_verb", rf"[”\"’,]\s*{INVERTED_VERBS}\s+(?:the\s+)?(?P<subj>{_SUBJ}){AFTER_INVERTED}",
     (needed_words(rf"{INVERTED_VERBS}\s"),)),
    # "⟦X⟧ arrived in Beijing on Friday and said": a second predicate shares the subject.
    ("reporting_verb", rf"{_AT_NAME}(?P<subj>{_SUBJ}){AUX}\s+[a-z]{{2,}}\b[^.;:“”\"]{{0,100}}?\s(?:and|but)\s+"
                       rf"(?:(?:also|then|later|has|have|had|even|quickly|publicly)\s+)*(?:{SPEECH_VERBS})",
     (frozenset({"and", "but"}), _SAYS)),
    # "⟦the treaty⟧ commits", "⟦the statement⟧ read": a document's words reported (documents only, see below).
    ("document_says", rf"{_AT_NAME}(?P<subj>⟦\d+⟧){AUX}\s+{DOCUMENT_VERBS}", (needed_words(DOCUMENT_VERBS),)),
    # "For ⟦X⟧, an associate professor ..., “...”": the view that follows is theirs.
    ("according_to", r"(?:^|[.;]\s+)For\s+(?P<subj>⟦\d+⟧)[^“”\"]{0,200}?[“\"]", (frozenset({"for"}),)),
    ("reporting_verb", rf"{_AT_NAME}(?<!⟧, )(?P<subj>{_SUBJ})[^.;“”]{{0,100}}?,\s*(?:which|who)\b{AUX}"
                       rf"\s+{SPEECH_VERBS}", (frozenset({"which", "who"}), _SAYS)),
    ("according_to", rf"\b(?i:in the words of|to quote|quoting|as per|as (?:quoted|noted|reported|cited|stated|"
                     rf"told|put|described|explained|argued|written|observed|pointed out|highlighted) by)\s+"
                     rf"(?:the\s+)?(?P<subj>{_NAMES})", (frozenset({"words", "quote", "quoting", "per", "by"}),)),
    ("according_to", rf"\b[Ii]n\s+(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+)?{_VIEW}\b",
     (frozenset({"in"}), needed_words(rf"{_VIEW}\b"))),
    ("according_to", rf"(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+){{0,2}}?{_WORKS}\b(?:\s+that\b|\s*[,:]?\s*[“\"])",
     (_WORK_WORDS,)),
    ("according_to", rf"\b[Ii]n\s+(?:a|an|his|her|its|their|the|separate|recent|joint)\b[^,.;“”]{{0,60}}?"
                     rf"\b(?:{_WORKS}|press conference)\b[^.;“”]{{0,200}}?,\s*(?P<subj>{_SUBJ})",
     (frozenset({"in"}), needed_words(rf"(?:{_WORKS}|press conference)\b"))),
    ("work", rf"(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+){{0,2}}?{_WORKS}\b", (_WORK_WORDS,)),
    # "⟦X⟧ gave an exclusive interview to ...": the party speaks in the interview that follows.
    ("work", rf"{_AT_NAME}(?P<subj>{_SUBJ}){AUX}\s+{_GIVES}\s+(?:an?\s+|the\s+|\w+\s+)?"
             r"(?:[\w-]+\s+){0,2}?(?:interview|speech|address|statement|briefing|press conference)",
     (needed_words(rf"{_GIVES}\s"),)),
    ("work", rf"\b{_WORKS}\b[^.;“”]{{0,100}}?\bby\s+(?:[^.;,“”⟦]{{0,60}}?\s)?(?P<subj>{_NAMES})",
     (_WORK_WORDS, frozenset({"by"}))),
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\b(?P<phrase>[^.;:,“”]{0,120})")
# Offices that, alone, name nobody ("according to the Minister"); "the Diplomat" or "the Economist" may be outlets.
_PERSON_TITLES = frozenset("minister president premier spokesman spokeswoman spokesperson ambassador official "
                           "officials secretary chairman governor mayor senator general".split())
# Object slots where a lone capitalised word ("according to Vedomosti") is a source the gazetteer lacks.
_LONE_NAME = re.compile(r"\b(?:[Aa]ccording to|(?:quoted|cited|reported) by|in an interview with)\s+(?:the\s+)?"
                        r"(?P<name>[A-Z][\w’'\-]+)\b(?!\s+[A-Z])(?!\s+(?:[a-z]+\s+)?(?:ministry|government|"
                        r"embassy|agency|newspaper|official|spokes\w+|minister|president|ambassador|media|state))")
# Words for what a document contains: a sentence on a named document's articles or provisions cites it.
_CONTENT = re.compile(r"\b(?:articles?|provisions?|stipulations?|clauses?|paragraphs?|wording)\b(?!\s+(?:by|in)\s+⟦)|"
                      r"\b(?:under|(?:set forth|laid down|enshrined|stipulated|spelled out|written) in|in line with|"
                      r"in accordance with|pursuant to)\s+(?:the\s+)?⟦")


# "told ⟦Politico⟧", "in an interview with ⟦Kyodo⟧": the outlet a speaker addresses, read backwards from each
# mention (one short look per mention instead of a scan of the sentence).
_TOLD_BEFORE = re.compile(r"\b(?i:told|tells|telling|speaking to|spoke to|talking to|"
                          r"in an interview (?:with|to|given to)|in remarks to|"
                          r"(?:quoted|cited|reported|interviewed|published|carried|aired) by|"
                          r"writing (?:in|for)|wrote (?:in|for)|(?:said|says) (?:in|on)|in comments to|in a post on)\s+"
                          r"(?:the\s+)?$")
_TOLD_WINDOW = 40
# The words each of these needs, one of them whole (written out: they are not all the first words).
_TOLD_NEEDS = frozenset("told tells telling speaking spoke talking interview remarks by writing wrote said says "
                        "comments post".split())
_ACCORDING_NEEDS = frozenset({"according", "by", "interview"})  # _ACCORDING and _LONE_NAME
_CONTENT_NEEDS = frozenset("article articles provision provisions stipulation stipulations clause clauses paragraph "
                           "paragraphs wording under set laid enshrined stipulated spelled written line accordance "
                           "pursuant".split())
_PUBLICATION_NEEDS = needed_words(_PUBLICATION.pattern)
_PATTERNS: tuple[tuple[str, re.Pattern[str], tuple[frozenset[str], ...]], ...] = tuple(
    (cue, re.compile(rx), needs) for cue, rx, needs in _PATTERN_SOURCES)


def cue_hits(text: str, mentions: list[Mention], words: frozenset[str] | None = None) -> list[tuple[Mention, str, str]]:
    """(mention, cue, surface) for every mention a cue binds in one sentence.

    ``words``, those the masked sentence can hold (``words_after_masking``), let a pattern be skipped when a
    word it needs is missing (and the masking too, when every pattern is): the same hits, found sooner. None
    tries every pattern.
    """
    documents = any(m.kind == "document" for m in mentions)
    # Every cue pattern binds a masked mention, so a sentence without one is not scanned.
    patterns = [(cue, pattern) for cue, pattern, needs in _PATTERNS if mentions and _holds(words, *needs)
                and (cue != "document_says" or documents)]
    told = bool(mentions) and _holds(words, _TOLD_NEEDS)
    according = _holds(words, _ACCORDING_NEEDS)
    content = documents and _holds(words, _CONTENT_NEEDS)
    publication = any(m.kind == "media" for m in mentions) and _holds(words, _PUBLICATION_NEEDS)
    if not (patterns or told or according or content or publication):
        return []
    masked, appositives = mask(text, mentions)
    hits: list[tuple[Mention, str, str]] = []
    for cue, pattern in patterns:
        for match in pattern.finditer(masked):
            for group in ("subj", "obj"):
                if match.groupdict().get(group) is None:
                    continue
                for slot in NAME_SLOT.findall(match.group(group)):
                    mention = _with_appositive(mentions[int(slot)], appositives.get(int(slot)))
                    if "subj" not in match.re.groupindex and mention.kind not in ("media", "name"):
                        continue  # "Mishustin told Li": only an outlet that is told is a source
                    if cue == "document_says" and mention.kind != "document":
                        continue
                    if cue == "work" and (mention.kind == "state" or state_of(mention.name) is not None):
                        continue  # "the joint statement released by Beijing and Moscow": the statement is cited
                    hits.append((mention, cue, _surface(text, mention, appositives.get(int(slot)))))
    for slot in NAME_SLOT.finditer(masked) if told else ():
        if _TOLD_BEFORE.search(masked, max(0, slot.start() - _TOLD_WINDOW), slot.start()):
            i = int(slot.group(1))
            mention = _with_appositive(mentions[i], appositives.get(i))
            if mention.kind in ("media", "name"):  # "Mishustin told Li": only an outlet that is told is a source
                hits.append((mention, "outlet", _surface(text, mention, appositives.get(i))))
    if according:
        hits += _according_hits(text, masked, mentions, appositives)
    # "the articles of ⟦the treaty⟧", "the stipulations set forth in ⟦the treaty⟧"
    if content and _CONTENT.search(masked):
        hits += [(m, "document", text[m.start:m.end]) for m in mentions if m.kind == "document"]
    # "the National Interest ... remove the piece": the outlet published it
    if publication and _PUBLICATION.search(masked):
        hits += [(m, "work", text[m.start:m.end]) for m in mentions if m.kind == "media"]
    return hits


def _holds(words: frozenset[str] | None, *needs: frozenset[str]) -> bool:
    """Whether a sentence with these words (None: unknown) holds one word of each of ``needs``."""
    return words is None or not any(words.isdisjoint(need) for need in needs)


def _with_appositive(mention: Mention, appositive: str | None) -> Mention:
    """An unknown party's appositive ("a professor at MGIMO", "the news agency") describes them: it joins
    their role, and a one-word name described as a person's office is a person."""
    if appositive is None or mention.known is not None:
        return mention
    role = f"{mention.role} {appositive}".strip()
    kind = mention.kind
    if kind == "name":
        kind = ("person" if re.search(rf"\b(?:{PERSON_NOUNS})s?\b", appositive, re.IGNORECASE) else
                {"media": "media", "document": "document"}.get(guess_type(appositive) or "", "org"))
    return dataclasses.replace(mention, role=role, kind=kind)


def _according_hits(text: str, masked: str, mentions: list[Mention],
                    appositives: dict[int, str]) -> list[tuple[Mention, str, str]]:
    """"According to X": the party after "by" when a work is named first ("a readout ... by TASS"), else the first."""
    hits = []
    for match in _ACCORDING.finditer(masked):
        phrase = match.group("phrase")
        slots = NAME_SLOT.findall(phrase.split(" by ", 1)[1]) if " by " in phrase else []
        slots = slots or NAME_SLOT.findall(phrase)[:1]
        hits += [(mentions[int(s)], "according_to", _surface(text, mentions[int(s)], appositives.get(int(s))))
                 for s in slots]
    for match in _LONE_NAME.finditer(masked):
        name = match.group("name")
        if name.lower() in NATIONALITIES or name.lower() in _PERSON_TITLES:
            continue  # "according to the Indian foreign ministry": a nationality is no source
        kind = "media" if guess_type(name, head_last=True) == "media" else "org"
        hits.append((Mention(0, 0, name, None, kind), "according_to", name))
    return hits


def _surface(text: str, mention: Mention, appositive: str | None) -> str:
    surface = text[mention.start:mention.end]
    return f"{surface}, {appositive}" if appositive else surface
