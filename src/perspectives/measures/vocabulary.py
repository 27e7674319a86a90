"""Vocabulary: the words of claims (tokens), distinctive words (weighted log-odds), TF-IDF similarity, phrase counts."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd

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
        for match in _WORD.finditer(phrase):
            word = match.group(0).lower().replace("’", "'").removesuffix("'s")
            if word in STOP_WORDS or len(word) < 2:
                previous = None
                continue
            kept.append(word)
            if previous is not None:
                grams.append(f"{previous} {word}")
            previous = word
    return kept + grams


def log_odds(focus: Counter[str], rest: Counter[str], prior: Counter[str], *, alpha0: float = 100.0) -> pd.DataFrame:
    """Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    The prior is the pooled corpus frequency scaled to ``alpha0`` pseudo-counts, which shrinks rare
    words toward zero so that a word said once by one author does not top the list.

    Returns:
        One row per word of ``focus``: term, count, delta (the log-odds ratio), z (delta over its
        standard deviation), sorted by z, highest first.
    """
    n_focus, n_rest, n_prior = sum(focus.values()), sum(rest.values()), sum(prior.values())
    rows = []
    for term, count in focus.items():
        alpha = alpha0 * prior.get(term, 0) / n_prior if n_prior else 0.0
        if alpha <= 0:
            continue
        other = rest.get(term, 0)
        delta = (math.log((count + alpha) / (n_focus + alpha0 - count - alpha))
                 - math.log((other + alpha) / (n_rest + alpha0 - other - alpha)))
        variance = 1 / (count + alpha) + 1 / (other + alpha)
        rows.append((term, count, delta, delta / math.sqrt(variance)))
    frame = pd.DataFrame(rows, columns=["term", "count", "delta", "z"])
    return frame.sort_values(["z", "term"], ascending=[False, True], ignore_index=True)


def tfidf_vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (as sparse dicts) of the texts, with smoothed IDF."""
    docs = [Counter(tokens(t)) for t in texts]
    df: Counter[str] = Counter(term for doc in docs for term in doc)
    n = len(docs)
    vectors = []
    for doc in docs:
        weights = {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in doc.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def phrase_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each content word and bigram occurs across the texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(tokens(text))
    return counts
