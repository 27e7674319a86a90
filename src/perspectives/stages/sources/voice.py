"""Voice: whether each claim is the author's own or reports someone else's words, and the quoted span.

A claim is attributed when it reports a source (an attributing cue binds one), when it has a reporting
frame of its own ("He said", "It noted", "experts said"), or when it sits inside a quotation that is voiced:
a quotation keeps its speaker across every sentence and paragraph it runs over.
"""

from __future__ import annotations

import dataclasses
import re

from perspectives.records import Article, Citation, Claim
from perspectives.stages.sources.cues import ATTRIBUTING_CUES, SPEECH_VERBS

# A reporting frame whose speaker is a pronoun or a common noun. Active voice only: "it was announced that
# the treaty would be extended" is the author's report of a fact, not someone's words.
_FRAME = re.compile(
    rf"\b(?:he|she|they|it|we|experts?|officials?|analysts?|observers?|diplomats?|sources?|critics?|scholars?|"
    rf"researchers?|commentators?|economists?|strategists?|"
    rf"(?:the|a|an) (?:ministry|spokes\w+|minister|president|premier|statement|report|study|survey|paper|"
    rf"newspaper|agency|document|treaty|communiqu[eé]|readout|article|commentary|government|embassy|official|"
    rf"source)s?)"
    # "Analysts at the Lowy Institute warned", "a report by the Center for a New American Security found"
    rf"(?:\s+(?:at|in|from|of|by|with|for)\s+(?:[\w'’.-]+\s+){{0,8}}?)?"
    rf"(?:\s*(?:also|then|later|further|again|has|have|had|\w+ly))*\s*"
    rf"(?:{SPEECH_VERBS}|found|find|finds|show(?:s|ed)?)\b|\bwas quoted as saying\b|\baccording to\b",
    re.IGNORECASE)
# Share of a claim's characters inside quotation marks above which the sentence is a quoted sentence.
_QUOTED_SHARE = 0.5


def assign_voice(article: Article, claims: list[Claim], citations: list[Citation]) -> list[Claim]:
    """The claims with ``voice`` set to own or attributed, and ``quote`` set on attributed claims that quote."""
    spans = quote_spans(article.body, article.paragraphs)
    signals = {c.index for c in claims if _FRAME.search(c.text)}
    signals |= {c.claim_index for c in citations if c.cue in ATTRIBUTING_CUES}
    voiced = [span for span in spans if _is_voiced(span, claims, signals)]
    result = []
    for claim in claims:
        inside = [(max(s, claim.start), min(e, claim.end)) for s, e in spans if s < claim.end and claim.start < e]
        quoted = sum(e - s for s, e in inside) >= _QUOTED_SHARE * len(claim.text)
        in_voiced = any(s < claim.end and claim.start < e for s, e in voiced)
        starts_quoted = claim.text[:1] in "“\""
        attributed = claim.index in signals or (quoted and (in_voiced or starts_quoted))
        quote = max((article.body[s:e].strip() for s, e in inside), key=len, default="") if attributed else ""
        result.append(dataclasses.replace(claim, voice="attributed" if attributed else "own",
                                          quote=quote or None))
    return result


def quote_spans(body: str, paragraphs: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """(start, end) of the text inside each quotation, nested quotes merged into the outer one.

    A quotation left open at a paragraph's end runs on when the next paragraph opens with a quotation
    mark (the convention for multi-paragraph quotes) or closes one before opening any; otherwise the stray
    opening mark is closed at its paragraph's end. A closing mark with nothing open is ignored.
    """
    spans: list[tuple[int, int]] = []
    depth, opened, last_end = 0, 0, 0
    for start, end in paragraphs:
        text = body[start:end]
        if depth and not _continues_quote(text):
            spans.append((opened, last_end))
            depth = 0
        running = depth > 0
        straight: int | None = None
        for i, char in enumerate(text):
            if char == "“" and not (running and i == 0):
                depth += 1
                if depth == 1:
                    opened = start + i + 1
            elif char == "”" and depth:
                depth -= 1
                if depth == 0:
                    spans.append((opened, start + i))
            elif char == '"' and not depth:
                if straight is None:
                    straight = start + i + 1
                else:
                    spans.append((straight, start + i))
                    straight = None
        last_end = end
    if depth:
        spans.append((opened, last_end))
    return spans


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
