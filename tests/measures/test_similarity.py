"""Similarity: TF-IDF cosine of every pair of claims, bit for bit what summing sparse vectors term by term gives."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from perspectives.measures.similarity import similarities
from perspectives.measures.vocabulary import term_rows
from perspectives.words import tokens

TEXTS = [
    "A de facto military alliance is forming between the two capitals.",
    "There is no need for a formal military alliance, officials said.",
    "Gas flows through the new pipeline to the east.",
    "A de facto military alliance is forming between the two capitals.",  # a copy of the first
    "It is what it is.",  # no terms at all
    "The pipeline deal is lopsided: gas for cheap, loans for more gas.",
    "Joint naval drills near the strait, and joint air patrols over the sea of Japan.",
    "Officials said the drills were routine; the patrols, too, were routine.",
]


def _reference(texts: list[str]) -> np.ndarray:
    """The plain definition: unit TF-IDF vectors as dicts, each cosine a sum over the shorter vector's terms."""
    docs = [Counter(tokens(t)) for t in texts]
    df = Counter(term for doc in docs for term in doc)
    vectors = []
    for doc in docs:
        weights = {t: c * (math.log((1 + len(docs)) / (1 + df[t])) + 1) for t, c in doc.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    matrix = np.zeros((len(texts), len(texts)))
    for i, a in enumerate(vectors):
        for j, b in enumerate(vectors[i + 1:], start=i + 1):
            short, long = (b, a) if len(a) > len(b) else (a, b)
            matrix[i, j] = matrix[j, i] = sum(w * long.get(t, 0.0) for t, w in short.items())
    return matrix


def _claims(texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"claim_id": [f"a:{i}" for i in range(len(texts))], "article_id": "a", "text": texts})


def test_similarities_equal_the_plain_definition_exactly() -> None:
    matrix = similarities(term_rows({}, _claims(TEXTS)), len(TEXTS))
    assert np.array_equal(matrix, _reference(TEXTS))


def test_copies_of_a_claim_are_exactly_as_similar_to_every_other_claim() -> None:
    matrix = similarities(term_rows({}, _claims(TEXTS)), len(TEXTS))
    assert matrix[0, 3] == pytest.approx(1.0)
    assert all(matrix[0, k] == matrix[3, k] for k in range(len(TEXTS)) if k not in (0, 3))
    assert matrix[0, 1] > matrix[0, 2] == 0.0 and not matrix[4].any() and not np.diag(matrix).any()


def test_similarities_of_no_claims_and_of_one() -> None:
    assert similarities(term_rows({}, _claims([])), 0).shape == (0, 0)
    assert similarities(term_rows({}, _claims(TEXTS[:1])), 1).tolist() == [[0.0]]


def test_similarities_equal_the_plain_definition_on_many_claims_sharing_words() -> None:
    words = ["alliance", "pipeline", "drills", "strait", "gas", "loans", "treaty", "border", "summit", "envoy"]
    rng = np.random.default_rng(7)
    texts = [" ".join(rng.choice(words, size=rng.integers(1, 9))) for _ in range(60)]  # many equal lengths
    matrix = similarities(term_rows({}, _claims(texts)), len(texts))
    assert np.array_equal(matrix, _reference(texts))
