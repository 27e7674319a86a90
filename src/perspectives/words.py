"""Words: a claim's terms (its content words, and the bigrams of those that stand together), and the
``claim_words`` rows the build derives from them once.

Tokenising every claim of a large corpus takes seconds, far too long for a dashboard rerun, so the build stores
each claim's terms and the dashboard's word measures (distinctive terms, similar claims, the words of uncaught
claims) count them. ``tokens`` is the one definition of a term both sides use.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from perspectives.tables import TABLES

STOP_WORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before being
below between both but by can could did do does doing down during each even ever every few for from further
had has have having he her here hers herself him himself his how however i if in into is it its itself just
let like may me might more most much must my myself no nor not now of off on once one only or other our ours
ourselves out over own per rather same she should since so some such than that the their theirs them
themselves then there these they this those through thus to too under until up upon us very was we were what
when where whether which while who whom whose why will with within without would yet you your yours
said says say told according also already still well very two three first second new many made make
""".split())
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]“”\"—–]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")


def tokens(text: str) -> list[str]:
    """Lower-cased content words, and the bigrams of content words that stand together in one phrase."""
    kept: list[str] = []
    grams: list[str] = []
    for phrase in _PHRASE_BREAK.split(text):
        previous: str | None = None
        for match in _WORD.findall(phrase):
            word = _content_word(match)
            if word is None:
                previous = None
                continue
            kept.append(word)
            if previous is not None:
                grams.append(f"{previous} {word}")
            previous = word
    return kept + grams


# The same few thousand spellings make up most of a corpus: normalising each once saves a third of the time.
@lru_cache(maxsize=1 << 16)
def _content_word(match: str) -> str | None:
    """A matched word lower-cased, without its possessive; None for a stop word or a single letter."""
    word = match.lower().replace("’", "'").removesuffix("'s")
    return None if word in STOP_WORDS or len(word) < 2 else word


def word_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """The ``claim_words`` rows of claims rows (``claim_id``, ``article_id``, ``text``; any number of articles):
    one per claim, with its distinct terms in the order they first occur (``terms``) and how often each
    occurs (``counts``)."""
    terms: list[list[str]] = []
    counts: list[list[int]] = []
    for text in claims["text"].tolist():  # a list: iterating an Arrow-backed column costs more than tokenising
        words = tokens(text)
        if len(set(words)) == len(words):  # the usual claim, each term once: no counting needed
            terms.append(words)
            counts.append([1] * len(words))
        else:
            found = Counter(words)
            terms.append(list(found))
            counts.append(list(found.values()))
    frame = pd.DataFrame({"claim_id": claims["claim_id"].to_numpy(), "article_id": claims["article_id"].to_numpy(),
                          "terms": pd.Series(terms, dtype=object), "counts": pd.Series(counts, dtype=object)})
    return frame.astype(TABLES["claim_words"])
