"""The language of reporting: speech and document verbs, nouns for parties, and the words between speaker and verb.

The cue patterns (``cues``), the referents (``referents``) and the voice frames (``voice``) are built from
these; ``noun_phrases`` finds the role nouns ("the ministry", "a leading senator") they read as speakers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
STANCE = (r"(?:(?:agree|believe|hold|maintain|think|feel)(?:s|d|ed)?|held|thought|"
          r"shared? the (?:view|position|opinion|belief|assessment)|shares the (?:view|position|opinion|belief))"
          r"\s+that\b")

# Between a speaker and the verb: a time ("on Monday", "in March", "last week", "Wednesday"), auxiliaries,
# adverbs and quantifiers ("both have", "reportedly", "also"), and one parenthesis in commas.
_TIME = (r"(?:\s+(?:on|in|last|this|earlier|late|early|next)\s+(?:[A-Z][a-z]+|week|month|year|weekend)"
         r"(?:\s+\d{1,2})?|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))")
AUX = (rf"(?:\s*,\s*(?:[^,.;⟦⟧“”\"]{{1,60}}?),(?=\s))?(?:\s*,)?{_TIME}?"
       r"(?:\s+(?:has|have|had|is|are|will|would|"
       r"could|can|may|might|did|does|do|also|since|then|later|further|once|previously|recently|again|"
       r"earlier|first|already|just|even|still|both|all|each|too|themselves|itself|(?!only\b)\w+ly))*")

INVERTED_VERBS = (r"(?:said|says|added|adds|noted|wrote|writes|asked|explained|continued|stressed|warned|observed|"
                  r"argues|warns|insists|notes|believes|"
                  r"insisted|argued|declared|concluded|told|tweeted|emphasi[sz]ed|remarked|recalled|replied|"
                  r"answered|commented|reported|announced|urged|cautioned|quipped|posted|stated|affirmed|"
                  r"according to)")
# After an inverted speaker: the sentence ends, or a time, place or audience phrase follows.
AFTER_INVERTED = (r"(?=\s*[,.;:!?…]|\s*$|\s+(?:to|on|in|at|of|during|after|before|from|when|while|last|this|"
                  r"earlier|via|through|speaking|who|adding|citing|quoting|referring)\b)")

_WORD_TOKEN = re.compile(r"[\w'’-]+")
_ROLE_NOUN = re.compile(rf"(?:{PERSON_NOUNS}|{ORG_NOUNS}|{DOCUMENT_NOUNS})s?", re.IGNORECASE)
_BETWEEN_WORDS = re.compile(r"[\s\w'’-]*")


def _expand(word: str) -> list[str]:
    """The words a simple pattern stands for: "{man,woman,}" alternatives and "[sz]" classes spelled out."""
    group = re.search(r"\{([^}]*)\}|\[([^\]]*)\]", word)
    if group is None:
        return [word]
    options = group.group(1).split(",") if group.group(1) is not None else list(group.group(2))
    return [w for option in options for w in _expand(word[:group.start()] + option + word[group.end():])]


# Every referent holds one of these words (a pronoun or a role noun's last word, singular or plural): a
# sentence without any is not read further.
HEAD_WORDS = frozenset(
    word + plural for nouns in (PERSON_NOUNS, ORG_NOUNS, DOCUMENT_NOUNS)
    for alternative in re.sub(r"\(\?:(\w+)\|(\w+)(?:\|(\w+))?\)", r"{\1,\2,\3}", nouns).split("|")
    for word in _expand(alternative.split(" ")[-1]) for plural in ("", "s", "es"))


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
