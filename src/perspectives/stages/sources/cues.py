"""Attribution cues: the vocabulary of reporting verbs, "according to" and works, and the mentions a cue binds.

A named party is a source only when a cue binds it (a reporting verb, "according to", an outlet carrying a
speaker); a party merely acting ("Biden waited") is not. Each sentence's mentions are masked as ``⟦i⟧`` so
the cue patterns below read like the sentences they describe.
"""

from __future__ import annotations

import dataclasses
import re

from perspectives.stages.sources.gazetteer import ROLE_WORDS, guess_type
from perspectives.stages.sources.mentions import Mention

# Cues under which the claim reports the source's words; the others only refer to a source.
ATTRIBUTING_CUES = frozenset({"reporting_verb", "according_to", "outlet", "linked_speech"})

SPEECH_VERBS = (r"(?:say|says|said|saying|tells?|told|telling|notes?|noted|noting|adds?|added|adding|stress(?:es|ed)?|"
           r"warn(?:s|ed)?|writes?|wrote|written|observe[sd]?|comment(?:s|ed)?|disclose[sd]?|explain(?:s|ed)?|"
           r"argue[sd]?|claim(?:s|ed)?|insist(?:s|ed)?|assert(?:s|ed)?|declare[sd]?|announce[sd]?|stated|states that|"
           r"remark(?:s|ed)?|reiterate[sd]?|emphasi[sz]e[sd]?|underline[sd]?|underscore[sd]?|suggest(?:s|ed)?|"
           r"propose[sd]?|point(?:s|ed)? (?:out|at|to)|highlight(?:s|ed)?|anticipate[sd]?|predict(?:s|ed)?|"
           r"acknowledge[sd]?|admit(?:s|ted)?|confirm(?:s|ed)?|denie[sd]|urge[sd]?|call(?:s|ed)? for|"
           r"describe[sd]?|quoted|cited|report(?:s|ed)?|tweet(?:s|ed)?|complain(?:s|ed)?|critici[sz]e[sd]?|"
           r"accuse[sd]?|lament(?:s|ed)?|recall(?:s|ed)?|mention(?:s|ed)?|repl(?:y|ies|ied)|"
           r"answer(?:s|ed)?|ask(?:s|ed)?|conclude[sd]?|estimate[sd]?|spoke|speaks?|contend(?:s|ed)?|"
           r"concede[sd]?|pledge[sd]?|vow(?:s|ed)?|promise[sd]?|echo(?:es|ed)?|"
           r"reveal(?:s|ed)?|caution(?:s|ed)?|opine[sd]?|stipulate[sd]?|enshrine[sd]?|"
           r"provide[sd]? that|put it|puts it|drew (?:\w+ ){0,2}(?:attention|comparison|parallel|analogy|distinction)|"
           r"made (?:the |a )?(?:point|case|remark|comment))\b")
_STANCE = (r"(?:(?:agree|believe|hold|maintain|think|feel)(?:s|d|ed)?|held|thought|"
           r"shared? the (?:view|position|opinion|belief|assessment)|shares the (?:view|position|opinion|belief))"
           r"\s+that\b")
_WORKS = (r"(?:report|statement|commentary|editorial|article|op-ed|opinion piece|piece|column|essay|study|paper|"
          r"book|analysis|interview|letter|speech|remarks?|comments?|readout|tweet|testimony|briefing|"
          r"assessment|estimate|warning|claim|message|address|announcement)s?")
_PUBLICATION = re.compile(r"\b(?:piece|article|op-ed|opinion piece|editorial|column|commentary|report|interview|"
                          r"essay)s?\b")
# One party or a list of them ("⟦0⟧, ⟦1⟧ and the ⟦2⟧"), never starting after a preposition or inside a list:
# in "the views of China and Russia underline" neither country is the one speaking.
_NAMES = r"⟦\d+⟧(?:(?:,\s*⟦\d+⟧)*,?\s+and\s+(?:the\s+)?⟦\d+⟧)?"
_SUBJ = (r"(?<!of )(?<!in )(?<!for )(?<!with )(?<!from )(?<!to )(?<!by )(?<!on )(?<!at )(?<!about )"
         r"(?<!between )(?<!against )(?<!among )(?<!and )(?<!and the )(?<!of the )(?<!in the )(?<!at the )"
         rf"(?<!for the )(?<!from the )(?<!with the )(?<!to the )(?<!by the ){_NAMES}")
# Put first in a pattern that starts with a subject: the same matches, but a position without a mention fails
# at once instead of after all of _SUBJ's look-behinds (the cue patterns were a tenth of the build).
_AT_NAME = "(?=⟦)"
_AUX = (r"(?:\s*,)?(?:\s+(?:on|last|this)\s+[A-Z]?[a-z]+day)?(?:\s+(?:has|have|had|was|were|is|are|will|would|"
        r"could|can|may|might|did|does|do|also|since|then|later|further|once|previously|recently|again|"
        r"earlier|first|already|not|never|just|even|still|\w+ly))*")
_BY_WHOM = r"(?:,?\s+\w+ed\s+by\s+[^.;,“”]{0,60}?)?"
# "Professor ⟦Lukin⟧ of the Higher School of Economics noted": where the speaker works, named or not.
_AFFILIATION = r"(?:\s+(?:of|at|from)\s+(?:the\s+)?(?:⟦\d+⟧|[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*))?"
_NAME_SLOT = re.compile(r"⟦(\d+)⟧")
# (family cue, pattern): the named group "subj" holds the cited mentions; "obj" too where both count.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((cue, re.compile(rx)) for cue, rx in (
    ("outlet", rf"{_AT_NAME}(?P<subj>{_SUBJ}){_AUX}\s+(?:quoted|quotes|quoting|cited|cites|citing)\s+(?:the\s+)?"
               rf"(?P<obj>{_NAMES})"),
    ("reporting_verb", rf"{_AT_NAME}(?P<subj>{_SUBJ}){_AFFILIATION}(?:\s+{_WORKS})?{_BY_WHOM}{_AUX}"
                       rf"\s+(?:{SPEECH_VERBS}|{_STANCE})"),
    ("reporting_verb", rf"[”\"’,]\s*(?:said|says|added|noted|wrote|asked|explained|continued|stressed|warned|"
                       rf"observed|insisted|argued|declared|concluded)\s+(?P<subj>{_SUBJ})(?=\s*[,.;:!?]|\s*$)"),
    ("reporting_verb", rf"(?P<subj>⟦\d+⟧)[^.;⟦“”]{{0,100}}?,\s*(?:which|who)\b{_AUX}\s+{SPEECH_VERBS}"),
    ("according_to", rf"\b(?i:in the words of|to quote|quoting|as per|as (?:quoted|noted|reported|cited|stated|"
                     rf"told|put|described|explained|argued|written|observed|pointed out|highlighted) by)\s+"
                     rf"(?:the\s+)?(?P<subj>{_NAMES})"),
    ("according_to", r"\b[Ii]n\s+(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+)?(?:words|estimation|view|opinion|assessment|"
                     r"analysis|account|telling|judge?ment|reading)\b"),
    ("according_to", rf"(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+){{0,2}}?{_WORKS}\b(?:\s+that\b|\s*[,:]?\s*[“\"])"),
    ("according_to", rf"\b[Ii]n\s+(?:a|an|his|her|its|their|the|separate|recent|joint)\b[^,.;“”]{{0,60}}?"
                     rf"\b(?:{_WORKS}|press conference)\b[^.;“”]{{0,200}}?,\s*(?P<subj>{_SUBJ})"),
    ("work", rf"(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+){{0,2}}?{_WORKS}\b"),
    ("work", rf"\b{_WORKS}\b[^.;“”]{{0,100}}?\bby\s+(?:[^.;,“”⟦]{{0,60}}?\s)?(?P<subj>{_NAMES})"),
    ("outlet", r"\b(?i:told|tells|telling|speaking to|spoke to|talking to|in an interview (?:with|to)|"
               r"in remarks to|(?:quoted|cited|reported|interviewed) by|writing (?:in|for)|wrote (?:in|for)|"
               r"(?:said|says) (?:in|on))\s+(?:the\s+)?(?P<obj>⟦\d+⟧)"),
))
_ACCORDING = re.compile(r"\b[Aa]ccording to\b(?P<phrase>[^.;:,“”]{0,120})")
# Object slots where a lone capitalised word ("according to Vedomosti") is a source the gazetteer lacks.
_LONE_NAME = re.compile(r"\b(?:[Aa]ccording to|(?:quoted|cited|reported) by|in an interview with)\s+(?:the\s+)?"
                        r"(?P<name>[A-Z][\w’'\-]+)\b(?!\s+[A-Z])")
_APPOSITIVE = re.compile(
    rf"(⟦\d+⟧),\s+((?:(?:a|an|the|his|her|its|their|who|whose|former|then|now|currently|also|speaking|"
    rf"writing)\b|"
    rf"(?:{'|'.join(sorted(ROLE_WORDS, key=len, reverse=True))})s?\b)[^,;:“”\"()]{{0,200}}?)(?:,(?=\s)|(?=[.!?]?$))",
    re.IGNORECASE)
# "the head of ⟦the ministry⟧", "a senior ⟦US⟧ official": an unnamed speaker stands for their institution.
_HEAD_OF = re.compile(r"\b(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:head|chief|spokes(?:man|woman|person)|"
                      r"representative|minister|director|official|press (?:service|office|secretary)|"
                      r"sources?)s?\s+(?:of|for|at|in|close to)\s+(?:the\s+)?(⟦\d+⟧)")
_OFFICIAL_OF = re.compile(r"\b(?:(?:a|an|the)\s+)?(?:senior\s+|top\s+)?(⟦\d+⟧)\s+(?:officials?|"
                          r"spokes(?:man|woman|person)|sources?|diplomats?)\b")


def cue_hits(text: str, mentions: list[Mention]) -> list[tuple[Mention, str, str]]:
    """(mention, cue, surface) for every mention a cue binds in one sentence."""
    masked, appositives = _mask(text, mentions)
    hits: list[tuple[Mention, str, str]] = []
    # Every cue pattern binds a masked mention, so a sentence without one is not scanned.
    for cue, pattern in _PATTERNS if mentions else ():
        for match in pattern.finditer(masked):
            for group in ("subj", "obj"):
                if match.groupdict().get(group) is None:
                    continue
                for slot in _NAME_SLOT.findall(match.group(group)):
                    mention = _with_appositive(mentions[int(slot)], appositives.get(int(slot)))
                    if "subj" not in match.re.groupindex and mention.kind != "media":
                        continue  # "Mishustin told Li": only an outlet that is told is a source
                    hits.append((mention, cue, _surface(text, mention, appositives.get(int(slot)))))
    hits += _according_hits(text, masked, mentions, appositives)
    if _PUBLICATION.search(masked):  # "the National Interest ... remove the piece": the outlet published it
        hits += [(m, "work", text[m.start:m.end]) for m in mentions if m.kind == "media"]
    return hits


def _with_appositive(mention: Mention, appositive: str | None) -> Mention:
    """An unknown person's appositive ("a professor at MGIMO") describes them, so it joins their role."""
    if appositive is None or mention.known is not None:
        return mention
    return dataclasses.replace(mention, role=f"{mention.role} {appositive}".strip())


def _mask(text: str, mentions: list[Mention]) -> tuple[str, dict[int, str]]:
    """The sentence with each mention as ``⟦i⟧``, appositives and unnamed officials folded into their party."""
    if not mentions:  # the folding patterns below all need a ``⟦i⟧``
        return text, {}
    parts, cursor = [], 0
    for i, mention in enumerate(mentions):
        parts += [text[cursor:mention.start], f"⟦{i}⟧"]
        cursor = mention.end
    masked = "".join(parts) + text[cursor:]
    appositives: dict[int, str] = {}

    def fold_appositive(match: re.Match[str]) -> str:
        unmasked = _NAME_SLOT.sub(lambda m: text[mentions[int(m.group(1))].start:mentions[int(m.group(1))].end],
                                  match.group(2))
        appositives[int(match.group(1)[1:-1])] = unmasked
        return match.group(1)

    # Order matters: "a senior ⟦US⟧ official, speaking ...," needs its appositive folded after it becomes
    # "⟦US⟧", while "⟦Wu Qian⟧, spokesperson for ⟦the ministry⟧," must fold before "spokesperson for".
    masked = _APPOSITIVE.sub(fold_appositive, _OFFICIAL_OF.sub(r"\1", masked))
    return _HEAD_OF.sub(r"\1", masked), appositives


def _according_hits(text: str, masked: str, mentions: list[Mention],
                    appositives: dict[int, str]) -> list[tuple[Mention, str, str]]:
    """"According to X": the party after "by" when a work is named first ("a readout ... by TASS"), else the first."""
    hits = []
    for match in _ACCORDING.finditer(masked):
        phrase = match.group("phrase")
        slots = _NAME_SLOT.findall(phrase.split(" by ", 1)[1]) if " by " in phrase else []
        slots = slots or _NAME_SLOT.findall(phrase)[:1]
        hits += [(mentions[int(s)], "according_to", _surface(text, mentions[int(s)], appositives.get(int(s))))
                 for s in slots]
    for match in _LONE_NAME.finditer(masked):
        name = match.group("name")
        kind = "media" if guess_type(name, head_last=True) == "media" else "org"
        hits.append((Mention(0, 0, name, None, kind), "according_to", name))
    return hits


def _surface(text: str, mention: Mention, appositive: str | None) -> str:
    surface = text[mention.start:mention.end]
    return f"{surface}, {appositive}" if appositive else surface
