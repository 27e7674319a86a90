"""Voice: whether each claim is the author's own or reports someone else's words, and the quoted span.

A claim is attributed when it reports a source (an attributing cue binds one), when it has a reporting
frame of its own ("He said", "It noted", "experts said"), or when it sits inside a quotation that is voiced:
a quotation keeps its speaker across every sentence and paragraph it runs over.
"""

from __future__ import annotations

import dataclasses
import re

from perspectives.records import Article, Citation, Claim
from perspectives.stages.sources.cues import ATTRIBUTING_CUES
from perspectives.stages.sources.speech import (
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    HEAD_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    noun_phrases,
)
from perspectives.stages.sources.words import needed_words, sentence_words

# A reporting frame whose speaker is a pronoun or a common noun: "he said", "a leading senator has vowed",
# "the joint statement says", "another provision mentions", "said the ministry". Active voice only: "it was
# announced that the treaty would be extended" is the author's report of a fact, not someone's words; "it was
# reported that" and "described as “…”" are someone's words.
_NOUNS = rf"(?:{PERSON_NOUNS}|{ORG_NOUNS}|{DOCUMENT_NOUNS}|part(?:y|ie)|side|politician|senator|government)s?"
_GROUPS = (r"experts?|officials?|analysts?|observers?|diplomats?|sources?|critics?|scholars?|researchers?|"
           r"commentators?|economists?|strategists?|lawmakers?|politicians?|leaders?|ministers?|spokespeople")
_ADVERBS = r"(?:\s*(?:also|then|later|further|again|has|have|had|both|all|would|will|\w+ly))*\s*"
_AFTER_PRONOUN = re.compile(rf"{_ADVERBS}(?:{SPEECH_VERBS})", re.IGNORECASE)
_AFTER_NOUN = re.compile(
    # "Analysts at the Lowy Institute warned", "a report by the Center for a New American Security found"
    rf"(?:\s+(?:at|in|from|of|by|with|for)\s+(?:[\w'’.-]+\s+){{0,8}}?)?"
    rf"{_ADVERBS}(?:{SPEECH_VERBS}|{DOCUMENT_VERBS}|found|find|finds|show(?:s|ed)?)", re.IGNORECASE)
_FRAME_VERBS = (r"(?:said|says|added|noted|wrote|told|stressed|warned|argued|insisted|explained|continued|"
                r"declared|concluded|read|reads)")
_LABELLED = r"(?:described|dubbed|labell?ed|termed|branded)"
_OTHER_FRAMES = re.compile(
    rf"[”\"’,]\s*{_FRAME_VERBS}\s+(?:he|she|the\s+(?:[\w'’-]+\s+){{0,2}}?{_NOUNS})\b"
    rf"|\bwas quoted as saying\b|\baccording to\b|\bit (?:was|is|has been) reported\b"
    rf"|\b{_LABELLED} as\s*[“\"‘]",
    re.IGNORECASE)
# Every _OTHER_FRAMES match holds one of these words, whole (see ``words``).
_OTHER_FRAME_WORDS = (needed_words(rf"{_FRAME_VERBS}\s") | needed_words(rf"{_LABELLED}\s")
                      | frozenset({"quoted", "according", "reported"}))
_PRONOUNS = frozenset("he she they it we".split())
_GROUP_WORDS = frozenset(_GROUPS.replace("?", "").split("|")) | frozenset(
    w[:-1] for w in _GROUPS.replace("?", "").split("|") if w.endswith("s"))
_DETERMINERS = frozenset("the a an this that these those its his her their one two several many some other both "
                         "another".split())


def _has_frame(text: str) -> bool:
    """Whether a claim has a reporting frame of its own (see above), read word by word; a reading needing a
    word the claim lacks (a frame's verb, a pronoun or group, a role noun) is passed over."""
    words = sentence_words(text)
    if not words.isdisjoint(_OTHER_FRAME_WORDS) and _OTHER_FRAMES.search(text):
        return True
    if not words.isdisjoint(_SPEAKER_WORDS):
        for word in _WORD.finditer(text):
            low = word.group(0).lower()
            if low in _PRONOUNS and _AFTER_PRONOUN.match(text, word.end()):
                return True
            if low in _GROUP_WORDS and _AFTER_NOUN.match(text, word.end()):
                return True
    # A noun phrase's noun is one of HEAD_WORDS, whole.
    return not words.isdisjoint(HEAD_WORDS) and any(
        _AFTER_NOUN.match(text, end) for _, end, _ in noun_phrases(text, _DETERMINERS, 3))


_WORD = re.compile(r"[\w'’-]+")
_SPEAKER_WORDS = _PRONOUNS | _GROUP_WORDS
# "gave an exclusive interview to": the article that follows is the interview's questions and answers.
_INTERVIEW = re.compile(r"\b(?:interview|Q&A|questions? and answers?)\b", re.IGNORECASE)
_FIRST_OR_SECOND = re.compile(r"\b(?:I|you|your|my|me)\b")
_OPENING_MARK = ("“", "\"", "‘", "«")
# Share of a claim's characters inside quotation marks above which the sentence is a quoted sentence.
_QUOTED_SHARE = 0.5


def assign_voice(article: Article, claims: list[Claim], citations: list[Citation]) -> list[Claim]:
    """The claims with ``voice`` set to own or attributed, and ``quote`` set on attributed claims that quote."""
    spans = quote_spans(article.body, article.paragraphs)
    signals = {c.claim_index for c in citations if c.cue in ATTRIBUTING_CUES}
    signals |= {c.index for c in claims if c.index not in signals and _has_frame(c.text)}
    signals |= _transcript(claims, citations, spans, article.body)
    voiced = [span for span in spans if _is_voiced(span, claims, signals)]
    result = []
    previous_attributed = False
    for claim in claims:
        inside = [(max(s, claim.start), min(e, claim.end)) for s, e in spans if s < claim.end and claim.start < e]
        quoted = sum(e - s for s, e in inside) >= _QUOTED_SHARE * len(claim.text)
        in_voiced = any(s < claim.end and claim.start < e for s, e in voiced)
        starts_quoted = claim.text[:1] in "“\""
        attributed = claim.index in signals or (quoted and (in_voiced or starts_quoted))
        # A sentence opening a quotation right after a quoted or reported one carries on its speaker's words,
        # whatever marks the page uses for the paragraphs of a long quotation.
        attributed = attributed or (previous_attributed and claim.text.lstrip()[:1] in _OPENING_MARK)
        previous_attributed = attributed
        quote = max((article.body[s:e].strip() for s, e in inside), key=len, default="") if attributed else ""
        result.append(dataclasses.replace(claim, voice="attributed" if attributed else "own",
                                          quote=quote or None))
    return result


def _transcript(claims: list[Claim], citations: list[Citation], spans: list[tuple[int, int]],
                body: str) -> set[int]:
    """The claims of an interview transcript: when the lead paragraph names a cited party's interview and the
    later paragraphs speak in the first and second person outside quotation marks (questions and answers),
    every claim after the lead paragraph is the interview's, not the author's."""
    if not claims:
        return set()
    lead = [c for c in claims if c.paragraph == claims[0].paragraph]
    cited = {c.claim_index for c in citations}
    if not any(_INTERVIEW.search(c.text) and c.index in cited for c in lead):
        return set()
    rest = [c for c in claims if c.paragraph != claims[0].paragraph]

    def outside_quotes(claim: Claim) -> str:
        text = list(claim.text)
        for start, end in spans:
            for i in range(max(start, claim.start), min(end, claim.end)):
                text[i - claim.start] = " "
        return "".join(text)

    personal = sum(1 for c in rest if _FIRST_OR_SECOND.search(outside_quotes(c)))
    return {c.index for c in rest} if personal >= 2 else set()


def quote_spans(body: str, paragraphs: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """(start, end) of the text inside each quotation, nested quotes merged into the outer one.

    A quotation left open at a paragraph's end runs on when the next paragraph opens with a quotation
    mark (the convention for multi-paragraph quotes) or closes one before opening any; otherwise the stray
    opening mark is closed at its paragraph's end. A closing mark with nothing open is ignored.
    """
    spans: list[tuple[int, int]] = []
    depth, opened, last_end = 0, 0, 0
    for start, end in paragraphs:
        if depth and not _continues_quote(body[start:end]):
            spans.append((opened, last_end))
            depth = 0
        running = depth > 0
        straight: int | None = None
        for mark in _QUOTE_MARK.finditer(body, start, end):
            char, i = mark.group(), mark.start()
            if char == "“" and not (running and i == start):
                depth += 1
                if depth == 1:
                    opened = i + 1
            elif char == "”" and depth:
                depth -= 1
                if depth == 0:
                    spans.append((opened, i))
            elif char == '"' and not depth:
                if straight is None:
                    straight = i + 1
                else:
                    spans.append((straight, i))
                    straight = None
        last_end = end
    if depth:
        spans.append((opened, last_end))
    return spans


# The only characters quote_spans reads: jumping from one to the next instead of visiting every character.
_QUOTE_MARK = re.compile('[“”"]')


def _continues_quote(text: str) -> bool:
    stripped = text.lstrip()
    if stripped.startswith("“"):
        return True
    close, reopen = text.find("”"), text.find("“")
    return close >= 0 and (reopen < 0 or close < reopen)


def _is_voiced(span: tuple[int, int], claims: list[Claim], signals: set[int]) -> bool:
    """Whether a quotation has a speaker: a claim it overlaps reports one, or the lead-in just before it."""
    start, end = span
    touched = [c for c in claims if c.start < end and start < c.end + 1]
    if any(c.index in signals for c in touched):
        return True
    first = touched[0].index if touched else None
    lead_in = claims[first - 1] if first else None
    return lead_in is not None and lead_in.text.rstrip().endswith((":", ",")) and lead_in.index in signals
