"""Attribution cues: the vocabulary of reporting verbs, "according to" and works, and the mentions a cue binds.

A named party is a source only when a cue binds it (a reporting verb, "according to", an outlet carrying a
speaker); a party merely acting ("Biden waited") is not. Each sentence's mentions are masked as ``⟦i⟧`` so
the cue patterns below read like the sentences they describe.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from perspectives.stages.sources.gazetteer import NATIONALITIES, ROLE_WORDS, guess_type, state_of
from perspectives.stages.sources.mentions import Mention

# Cues under which the claim reports the source's words; the others only refer to a source.
ATTRIBUTING_CUES = frozenset({"reporting_verb", "according_to", "outlet", "linked_speech", "document_says",
                              "continuation"})

SPEECH_VERBS = (r"(?:say|says|said|saying|tells?|told|telling|notes?|noted|noting|adds?|added|adding|stress(?:es|ed)?|"
           r"warn(?:s|ed)?|writes?|wrote|written|observe[sd]?|comment(?:s|ed)?|disclose[sd]?|explain(?:s|ed)?|"
           r"argue[sd]?|claim(?:s|ed)?(?= that\b|,|:|\s*[“\"])|insist(?:s|ed)?|assert(?:s|ed)?|declare[sd]?|"
           r"announce[sd]?|stated|states that|proclaim(?:s|ed)?|"
           r"remark(?:s|ed)?|reiterate[sd]?|emphasi[sz]e[sd]?|underline[sd]?|underscore[sd]?|suggest(?:s|ed)?|"
           r"propose[sd]?|point(?:s|ed)? (?:out|at|to)|highlight(?:s|ed)?|anticipate[sd]?|predict(?:s|ed)?|"
           r"acknowledge[sd]?|admit(?:s|ted)?|confirm(?:s|ed)?|deny|denie[sd]|urge[sd]?|"
           r"call(?:s|ed)? (?:on|upon|for|it|the|this|that|them|him|her|a|an|its|their|such)\b|"
           r"describe[sd]?|quoted|cited|report(?:s|ed)?|tweet(?:s|ed)?|posted|complain(?:s|ed)?|critici[sz]e[sd]?|"
           r"accuse[sd]?|lament(?:s|ed)?|recall(?:s|ed)? (?:that|how)|mention(?:s|ed)?|repl(?:y|ies|ied)|"
           r"answer(?:s|ed)?|ask(?:s|ed)?|conclude[sd]?|estimate[sd]?|spoke|speaks?|contend(?:s|ed)?|"
           r"concede[sd]?|pledge[sd]?|vow(?:s|ed)?|promise[sd]?|echo(?:es|ed)?|"
           r"reveal(?:s|ed)?|caution(?:s|ed)?|opine[sd]?|stipulate[sd]?|enshrine[sd]?|"
           r"decr(?:y|ies|ied)|hail(?:s|ed)?|praise[sd]?|condemn(?:s|ed)?|welcome[sd]?|blast(?:s|ed)?|"
           r"slam(?:s|med)?|lambast(?:s|ed)?|dismiss(?:es|ed)?|demand(?:s|ed)?|(?:re)?affirm(?:s|ed)?|"
           r"believe[sd]?|reckon(?:s|ed)?|(?:fear|hope|expect)(?:s|ed|d)? that|agree[sd]? (?:that|with)|"
           r"recommend(?:s|ed)?|advise[sd]?|testif(?:y|ies|ied)|voice[sd]?|indicate[sd]? that|hint(?:s|ed)? that|"
           r"label(?:s|l?ed)|dub(?:s|bed)|brand(?:s|ed)|characteri[sz]e[sd]?|"
           r"portray(?:s|ed)?|rule[sd]? out|raise[sd]? (?:concerns?|doubts?|questions?|the (?:issue|question))|"
           r"express(?:es|ed)? (?:[\w'’-]+ ){0,2}?(?:concerns?|regret|hope|support|solidarity|confidence|doubts?|"
           r"satisfaction|optimism|disappointment|gratitude|condolences|opposition|alarm|dismay|outrage|"
           r"frustration|interest|readiness|willingness|appreciation|surprise|displeasure)|"
           r"ma(?:de|kes?) (?:it )?clear|c(?:ame|omes?) out (?:against|in favou?r of|in support of|strongly)|"
           r"extend(?:s|ed)? (?:[\w-]+ ){0,2}?(?:congratulations|thanks|greetings|condolences|wishes)|"
           r"provide[sd]? that|put it|puts it|"
           r"drew (?:\w+ ){0,2}(?:attention|comparison|parallel|analogy|distinction)|"
           r"made (?:the |a )?(?:point|case|remark|comment))\b")
# What a document does when the article reports its words ("the statement read", "the treaty commits").
DOCUMENT_VERBS = (r"(?:reads?|says?|said|states?|stated|stipulates?|commits?|provides?|enshrines?|sets? out|"
                  r"outlines?|formali[sz]e[sd]?|formulated?|seals?|mentions?|notes?|noted|calls? for|called for|"
                  r"declares?|declared|affirms?|affirmed|reaffirms?|reaffirmed|underlines?|emphasi[sz]es|"
                  r"emphasi[sz]ed|stresse[sd]|expresse[sd]|speaks? of|spoke of|pledges?|pledged|urges?|urged|"
                  r"warns?|warned|found|finds|concludes?|concluded|shows?|showed|recogni[sz]es?|recogni[sz]ed)\b")
# Nouns a later sentence uses for a party already named: "the minister said", "the company added".
PERSON_NOUNS = ("minister|spokes(?:man|woman|person)|president|premier|prime minister|chancellor|ambassador|"
                "envoy|diplomat|official|senator|lawmaker|legislator|politician|leader|secretary|governor|mayor|"
                "general|admiral|commander|chairman|chairwoman|chair|chief|head|director|executive|ceo|founder|"
                "professor|analyst|expert|scholar|researcher|economist|historian|academic|fellow|"
                "journalist|editor|correspondent|reporter|columnist|deputy|aide|adviser|advisor|"
                "representative|negotiator|king|queen|monarch|mp")
ORG_NOUNS = ("ministry|company|holding|firm|group|agency|newspaper|paper|daily|broadcaster|outlet|channel|"
             "government|administration|institute|think tank|university|embassy|office|department|committee|"
             "council|organi[sz]ation|bank|union|corporation|operator|regulator|authority|service|club|"
             "cent(?:er|re)|foundation|court|parliament|military|army|navy|alliance|bloc|party|"
             "commission|giant|producer|kremlin|white house|pentagon")
DOCUMENT_NOUNS = ("statement|document|treaty|report|communiqu[eé]|declaration|agreement|deal|memorandum|provision|"
                  "charter|roadmap|strategy|doctrine|text|letter|resolution|study|survey|review|white paper|"
                  "constitution|law|accord|pact|readout|paper|note|plan|guide|concept")
_STANCE = (r"(?:(?:agree|believe|hold|maintain|think|feel)(?:s|d|ed)?|held|thought|"
           r"shared? the (?:view|position|opinion|belief|assessment)|shares the (?:view|position|opinion|belief))"
           r"\s+that\b")
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
# Between a speaker and the verb: a time ("on Monday", "in March", "last week", "Wednesday"), auxiliaries,
# adverbs and quantifiers ("both have", "reportedly", "also"), and one parenthesis in commas.
_TIME = (r"(?:\s+(?:on|in|last|this|earlier|late|early|next)\s+(?:[A-Z][a-z]+|week|month|year|weekend)"
         r"(?:\s+\d{1,2})?|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))")
_AUX = (rf"(?:\s*,\s*(?:[^,.;⟦⟧“”\"]{{1,60}}?),(?=\s))?(?:\s*,)?{_TIME}?"
        r"(?:\s+(?:has|have|had|is|are|will|would|"
        r"could|can|may|might|did|does|do|also|since|then|later|further|once|previously|recently|again|"
        r"earlier|first|already|just|even|still|both|all|each|too|themselves|itself|(?!only\b)\w+ly))*")
_BY_WHOM = r"(?:,?\s+\w+ed\s+by\s+[^.;,“”]{0,60}?)?"
# "Professor ⟦Lukin⟧ of the Higher School of Economics noted": where the speaker works, named or not.
_AFFILIATION = r"(?:\s+(?:of|at|from)\s+(?:the\s+)?(?:⟦\d+⟧|[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*))?"
_NAME_SLOT = re.compile(r"⟦(\d+)⟧")
_INVERTED_VERBS = (r"(?:said|says|added|adds|noted|wrote|writes|asked|explained|continued|stressed|warned|observed|"
                   r"argues|warns|insists|notes|believes|"
                   r"insisted|argued|declared|concluded|told|tweeted|emphasi[sz]ed|remarked|recalled|replied|"
                   r"answered|commented|reported|announced|urged|cautioned|quipped|posted|stated|affirmed|"
                   r"according to)")
# After an inverted speaker: the sentence ends, or a time, place or audience phrase follows.
_AFTER_INVERTED = (r"(?=\s*[,.;:!?…]|\s*$|\s+(?:to|on|in|at|of|during|after|before|from|when|while|last|this|"
                   r"earlier|via|through|speaking|who|adding|citing|quoting|referring)\b)")
# (family cue, pattern): the named group "subj" holds the cited mentions; "obj" too where both count.
_PATTERN_SOURCES: tuple[tuple[str, str], ...] = (
    ("outlet", rf"{_AT_NAME}(?P<subj>{_SUBJ}){_AUX}\s+(?:quoted|quotes|quoting|cited|cites|citing)\s+(?:the\s+)?"
               rf"(?P<obj>{_NAMES})"),
    ("reporting_verb", rf"{_AT_NAME}(?P<subj>{_SUBJ}){_AFFILIATION}(?:\s+{_WORKS})?{_BY_WHOM}{_AUX}"
                       rf"\s+[“\"‘]?(?:{SPEECH_VERBS}|{_STANCE})"),
    ("reporting_verb", rf"[”\"’,]\s*{_INVERTED_VERBS}\s+(?:the\s+)?(?P<subj>{_SUBJ}){_AFTER_INVERTED}"),
    # "⟦X⟧ arrived in Beijing on Friday and said": a second predicate shares the subject.
    ("reporting_verb", rf"{_AT_NAME}(?P<subj>{_SUBJ}){_AUX}\s+[a-z]{{2,}}\b[^.;:“”\"]{{0,100}}?\s(?:and|but)\s+"
                       rf"(?:(?:also|then|later|has|have|had|even|quickly|publicly)\s+)*(?:{SPEECH_VERBS})"),
    # "⟦the treaty⟧ commits", "⟦the statement⟧ read": a document's words reported (documents only, see below).
    ("document_says", rf"{_AT_NAME}(?P<subj>⟦\d+⟧){_AUX}\s+{DOCUMENT_VERBS}"),
    # "For ⟦X⟧, an associate professor ..., “...”": the view that follows is theirs.
    ("according_to", r"(?:^|[.;]\s+)For\s+(?P<subj>⟦\d+⟧)[^“”\"]{0,200}?[“\"]"),
    ("reporting_verb", rf"{_AT_NAME}(?<!⟧, )(?P<subj>{_SUBJ})[^.;“”]{{0,100}}?,\s*(?:which|who)\b{_AUX}"
                       rf"\s+{SPEECH_VERBS}"),
    ("according_to", rf"\b(?i:in the words of|to quote|quoting|as per|as (?:quoted|noted|reported|cited|stated|"
                     rf"told|put|described|explained|argued|written|observed|pointed out|highlighted) by)\s+"
                     rf"(?:the\s+)?(?P<subj>{_NAMES})"),
    ("according_to", r"\b[Ii]n\s+(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+)?(?:words|estimation|view|opinion|assessment|"
                     r"analysis|account|telling|judge?ment|reading)\b"),
    ("according_to", rf"(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+){{0,2}}?{_WORKS}\b(?:\s+that\b|\s*[,:]?\s*[“\"])"),
    ("according_to", rf"\b[Ii]n\s+(?:a|an|his|her|its|their|the|separate|recent|joint)\b[^,.;“”]{{0,60}}?"
                     rf"\b(?:{_WORKS}|press conference)\b[^.;“”]{{0,200}}?,\s*(?P<subj>{_SUBJ})"),
    ("work", rf"(?P<subj>⟦\d+⟧)['’]s\s+(?:\w+\s+){{0,2}}?{_WORKS}\b"),
    # "⟦X⟧ gave an exclusive interview to ...": the party speaks in the interview that follows.
    ("work", rf"{_AT_NAME}(?P<subj>{_SUBJ}){_AUX}\s+g(?:ave|ives?|iving)\s+(?:an?\s+|the\s+|\w+\s+)?"
             r"(?:[\w-]+\s+){0,2}?(?:interview|speech|address|statement|briefing|press conference)"),
    ("work", rf"\b{_WORKS}\b[^.;“”]{{0,100}}?\bby\s+(?:[^.;,“”⟦]{{0,60}}?\s)?(?P<subj>{_NAMES})"),
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\b(?P<phrase>[^.;:,“”]{0,120})")
# Offices that, alone, name nobody ("according to the Minister"); "the Diplomat" or "the Economist" may be outlets.
_PERSON_TITLES = frozenset("minister president premier spokesman spokeswoman spokesperson ambassador official "
                           "officials secretary chairman governor mayor senator general".split())
# Object slots where a lone capitalised word ("according to Vedomosti") is a source the gazetteer lacks.
_LONE_NAME = re.compile(r"\b(?:[Aa]ccording to|(?:quoted|cited|reported) by|in an interview with)\s+(?:the\s+)?"
                        r"(?P<name>[A-Z][\w’'\-]+)\b(?!\s+[A-Z])(?!\s+(?:[a-z]+\s+)?(?:ministry|government|"
                        r"embassy|agency|newspaper|official|spokes\w+|minister|president|ambassador|media|state))")
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
_DESCRIBED = re.compile(r"\b(?:[Tt]he\s+)?((?:(?!(?:by|of|to|in|at|for|from|with|the|and|said|told)\b)[\w-]+\s+){0,2}?"
                        r"(?:news agency|agency|newspaper|daily|broadcaster|outlet|"
                        r"website|news site|channel|magazine|tabloid|network|company|firm|group|giant|operator|"
                        r"holding|institute|think tank|university|producer|carrier|regulator|union))\s+(⟦\d+⟧)")
# "⟦the CNSA⟧ and its Russian counterpart ⟦Roscosmos⟧": two parties, one subject.
_COUNTERPART = re.compile(r"(⟦\d+⟧)\s+and\s+(?:its|his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?,?\s+(⟦\d+⟧)")
# Words for what a document contains: a sentence on a named document's articles or provisions cites it.
_CONTENT = re.compile(r"\b(?:articles?|provisions?|stipulations?|clauses?|paragraphs?|wording)\b(?!\s+(?:by|in)\s+⟦)|"
                      r"\b(?:under|(?:set forth|laid down|enshrined|stipulated|spelled out|written) in|in line with|"
                      r"in accordance with|pursuant to)\s+(?:the\s+)?⟦")
_ACRONYM = re.compile(r"(⟦\d+⟧)\s*\([A-Z][A-Za-z]{1,9}\)")
_OFFICIAL_OF = re.compile(r"\b(?:(?:a|an|the)\s+)?(?:senior\s+|top\s+)?(⟦\d+⟧)\s+(?:officials?|"
                          r"spokes(?:man|woman|person)|sources?|diplomats?)\b")


# "told ⟦Politico⟧", "in an interview with ⟦Kyodo⟧": the outlet a speaker addresses, read backwards from each
# mention (one short look per mention instead of a scan of the sentence).
_TOLD_BEFORE = re.compile(r"\b(?i:told|tells|telling|speaking to|spoke to|talking to|"
                          r"in an interview (?:with|to|given to)|in remarks to|"
                          r"(?:quoted|cited|reported|interviewed|published|carried|aired) by|"
                          r"writing (?:in|for)|wrote (?:in|for)|(?:said|says) (?:in|on)|in comments to|in a post on)\s+"
                          r"(?:the\s+)?$")
_TOLD_WINDOW = 40
# A cheap test that must pass before a pattern is tried: a word the pattern cannot match without.
_GUARDS: dict[str, str] = {
    "quoted|quotes|quoting|cited": r"quot|cit",
    "(?:and|but)": r"\b(?:and|but)\b",
    "For\\s+(?P<subj>": r"\bFor\b",
    "(?:which|who)": r"\b(?:which|who)\b",
    "in the words of": r"(?i:words of|quot|as per| by)",
    "(?P<subj>⟦\\d+⟧)['’]s": r"['’]s",
    "estimation|view": r"['’]s",
    "[Ii]n\\s+(?:a|an|his": r"\b[Ii]n\s+(?:a|an|his|her|its|their|the|separate|recent|joint)\b",
    "g(?:ave|ives?|iving)": r"\bg(?:ave|ive|ives|iving)\b",
    "\\bby\\s+(?:[^": r"\bby\b",
}
_PATTERNS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (cue, re.compile(rx), next((re.compile(g) for key, g in _GUARDS.items() if key in rx), None))
    for cue, rx in _PATTERN_SOURCES)


def cue_hits(text: str, mentions: list[Mention]) -> list[tuple[Mention, str, str]]:
    """(mention, cue, surface) for every mention a cue binds in one sentence."""
    masked, appositives = _mask(text, mentions)
    hits: list[tuple[Mention, str, str]] = []
    documents = any(m.kind == "document" for m in mentions)
    # Every cue pattern binds a masked mention, so a sentence without one is not scanned.
    for cue, pattern, guard in _PATTERNS if mentions else ():
        if (guard is not None and not guard.search(masked)) or (cue == "document_says" and not documents):
            continue
        for match in pattern.finditer(masked):
            for group in ("subj", "obj"):
                if match.groupdict().get(group) is None:
                    continue
                for slot in _NAME_SLOT.findall(match.group(group)):
                    mention = _with_appositive(mentions[int(slot)], appositives.get(int(slot)))
                    if "subj" not in match.re.groupindex and mention.kind not in ("media", "name"):
                        continue  # "Mishustin told Li": only an outlet that is told is a source
                    if cue == "document_says" and mention.kind != "document":
                        continue
                    if cue == "work" and (mention.kind == "state" or state_of(mention.name) is not None):
                        continue  # "the joint statement released by Beijing and Moscow": the statement is cited
                    hits.append((mention, cue, _surface(text, mention, appositives.get(int(slot)))))
    for slot in _NAME_SLOT.finditer(masked) if mentions else ():
        if _TOLD_BEFORE.search(masked, max(0, slot.start() - _TOLD_WINDOW), slot.start()):
            i = int(slot.group(1))
            mention = _with_appositive(mentions[i], appositives.get(i))
            if mention.kind in ("media", "name"):  # "Mishustin told Li": only an outlet that is told is a source
                hits.append((mention, "outlet", _surface(text, mention, appositives.get(i))))
    hits += _according_hits(text, masked, mentions, appositives)
    if _CONTENT.search(masked):  # "the articles of ⟦the treaty⟧", "the stipulations set forth in ⟦the treaty⟧"
        hits += [(m, "document", text[m.start:m.end]) for m in mentions if m.kind == "document"]
    if _PUBLICATION.search(masked):  # "the National Interest ... remove the piece": the outlet published it
        hits += [(m, "work", text[m.start:m.end]) for m in mentions if m.kind == "media"]
    return hits


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


_LAST_MASK: dict[tuple[object, ...], tuple[str, dict[int, str]]] = {}


def _mask(text: str, mentions: list[Mention]) -> tuple[str, dict[int, str]]:
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


def _masked(text: str, mentions: list[Mention]) -> tuple[str, dict[int, str]]:
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
    def fold_described(match: re.Match[str]) -> str:
        slot = int(match.group(2)[1:-1])
        if mentions[slot].known is not None or mentions[slot].kind == "person":
            return match.group(0)
        appositives[slot] = match.group(1)
        return match.group(2)

    masked = _APPOSITIVE.sub(fold_appositive, _OFFICIAL_OF.sub(r"\1", masked))
    if "(" in masked:
        masked = _ACRONYM.sub(r"\1", masked)
    if "counterpart" in masked:
        masked = _COUNTERPART.sub(r"\1 and \2", masked)
    if any(m.known is None and m.kind != "person" for m in mentions):
        masked = _DESCRIBED.sub(fold_described, masked)
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
        if name.lower() in NATIONALITIES or name.lower() in _PERSON_TITLES:
            continue  # "according to the Indian foreign ministry": a nationality is no source
        kind = "media" if guess_type(name, head_last=True) == "media" else "org"
        hits.append((Mention(0, 0, name, None, kind), "according_to", name))
    return hits


def _surface(text: str, mention: Mention, appositive: str | None) -> str:
    surface = text[mention.start:mention.end]
    return f"{surface}, {appositive}" if appositive else surface


# A party referred back to: "he said", "the minister added", "said the company", "the statement read".
_REFERENT = (rf"(?P<np>\b(?:[Hh]e|[Ss]he|[Bb]oth)\b(?!\s+(?:the|of|[a-z]+s)\b)|"
             rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Bb]oth|[Tt]he two)\s+(?:[\w'’-]+\s+){{0,2}}?"
             rf"(?P<noun>(?i:{PERSON_NOUNS}|{ORG_NOUNS}|{DOCUMENT_NOUNS}))s?\b)")
_REFERENT_CUES = (
    re.compile(rf"[”\"’,]\s*{_INVERTED_VERBS}\s+{_REFERENT}{_AFTER_INVERTED}"),
    re.compile(rf"\b(?i:according to|as (?:quoted|reported|cited|stated) (?:by|in)|in the words of)\s+{_REFERENT}"
               rf"(?!\s*⟦)"),
)
# After a pronoun or role noun in the subject: a speech, stance or document verb ("the ministry has said").
_AFTER_REFERENT = re.compile(rf"(?![’']s)(?!\s*⟦){_AUX}\s+(?:{SPEECH_VERBS}|{_STANCE}|{DOCUMENT_VERBS})")
_WORD_TOKEN = re.compile(r"[\w'’-]+")
_ROLE_NOUN = re.compile(rf"(?:{PERSON_NOUNS}|{ORG_NOUNS}|{DOCUMENT_NOUNS})s?", re.IGNORECASE)
_SINGULAR_NOUN = re.compile(rf"(?:{PERSON_NOUNS}|{ORG_NOUNS}|{DOCUMENT_NOUNS})", re.IGNORECASE)
_BETWEEN_WORDS = re.compile(r"[\s\w'’-]*")


def is_role_noun(word: str) -> bool:
    """Whether a word is a noun for a party ("minister", "companies", "statement")."""
    return word.lower() in HEAD_WORDS and _ROLE_NOUN.fullmatch(word) is not None


def noun_phrases(text: str, determiners: frozenset[str], gap: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, noun) of each role noun led by one of ``determiners`` at most ``gap`` words before it
    ("the ministry", "a leading Russian senator"). Read word by word: a regex trying every determiner with
    every noun was a third of the stage's time."""
    tokens = list(_WORD_TOKEN.finditer(text))
    for i, token in enumerate(tokens):
        if not is_role_noun(token.group(0)):
            continue
        for j in range(i - 1, max(-1, i - gap - 2), -1):
            if tokens[j].group(0).lower() in determiners:
                if _BETWEEN_WORDS.fullmatch(text, tokens[j].end(), token.start()):
                    yield tokens[j].start(), token.end(), token.group(0)
                break


_REFERENT_DETERMINERS = frozenset({"the", "this", "that", "both"})
_PRONOUN_WORDS = frozenset({"he", "she", "both"})


def _expand(word: str) -> list[str]:
    """The words a simple pattern stands for: "{man,woman,}" alternatives and "[sz]" classes spelled out."""
    group = re.search(r"\{([^}]*)\}|\[([^\]]*)\]", word)
    if group is None:
        return [word]
    options = group.group(1).split(",") if group.group(1) is not None else list(group.group(2))
    return [w for option in options for w in _expand(word[:group.start()] + option + word[group.end():])]
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Bb]oth)\b(?!\s+(?:the|of|[a-z]+s)\b)")
# Every referent holds one of these words (a pronoun or a role noun's last word, singular or plural): a
# sentence without any is not read further.
HEAD_WORDS = frozenset(
    word + plural for nouns in (PERSON_NOUNS, ORG_NOUNS, DOCUMENT_NOUNS)
    for alternative in re.sub(r"\(\?:(\w+)\|(\w+)(?:\|(\w+))?\)", r"{\1,\2,\3}", nouns).split("|")
    for word in _expand(alternative.split(" ")[-1]) for plural in ("", "s", "es"))
_LOWER_WORDS = re.compile(r"[a-zé]+")


@dataclasses.dataclass(frozen=True)
class Referent:
    """A speaker a sentence refers back to instead of naming: the pronoun or noun, and where it stands."""

    surface: str
    noun: str  # "he", "she", or the head noun ("minister", "company", "statement")
    before: int  # how many of the sentence's mentions come before it
    plural: bool = False


def referents(text: str, mentions: list[Mention]) -> list[Referent]:
    """Pronouns and role nouns a cue makes the speaker ("the ministry said"); they are resolved against the
    parties named before (see ``citations``)."""
    words = set(_LOWER_WORDS.findall(text.lower()))
    if not (words & HEAD_WORDS or words & _PRONOUN_WORDS):
        return []
    masked, _ = _mask(text, mentions)
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
