"""Similarity: the TF-IDF cosine similarity of every pair of a few hundred claims, as whole-array operations.

The Contrast view ranks pairs of claims by similarity, so ties must stay ties: two copies of a sentence have to
be exactly as similar to a third claim, whatever their place in the arrays. Every sum here is therefore added
in one fixed order, term by term (a vector's norm over its claim's terms in the order they first occur, a dot
product over the shorter vector's terms, the first claim's on equal lengths), which is the order a plain loop
over sparse vectors adds them in. The sums are vectorised across claims and pairs, never within one: all add
their first term, then their second, and so on.
"""

from __future__ import annotations

import math

import numpy as np

from perspectives.measures.vocabulary import TermRows


def similarities(terms: TermRows, n: int) -> np.ndarray:
    """The n×n matrix of TF-IDF cosine similarities (smoothed IDF over these claims) of claims 0..n-1, whose
    terms are ``terms``; the diagonal is 0."""
    _, local = np.unique(terms.term, return_inverse=True)
    degree = np.bincount(local)  # the claims each term occurs in: rows are distinct per claim
    weights = _unit_weights(terms, local, degree, n)
    rank = _rank_in_claim(terms.claim)
    length = np.bincount(terms.claim, minlength=n)
    # Every (row, row of another claim with the same term): each term's rows side by side, then crossed. Millions
    # of pairs on a topic's common words, so 32-bit positions: half the memory to fill and read.
    by_term = np.argsort(local, kind="stable").astype(np.int32)
    copies = degree[local]
    source = np.repeat(np.arange(len(local), dtype=np.int32), copies)
    first = ((np.cumsum(degree) - degree)[local] - (np.cumsum(copies) - copies)).astype(np.int32)
    partner = by_term[np.repeat(first, copies) + np.arange(len(source), dtype=np.int32)]
    claim = terms.claim.astype(np.int32)
    x, y = claim[source], claim[partner]
    # Summed over x's terms: x's vector is the shorter one, or x comes first (this also drops x == y).
    summed = np.flatnonzero((length[x] < length[y]) | ((length[x] == length[y]) & (x < y)))
    source, partner = source[summed], partner[summed]
    x, y = claim[source], claim[partner]
    cells = np.minimum(x, y) * n + np.maximum(x, y)
    upper = _ordered_sums(cells, rank[source], weights[source] * weights[partner], n * n).reshape(n, n)
    matrix: np.ndarray = upper + upper.T
    return matrix


def _unit_weights(terms: TermRows, local: np.ndarray, degree: np.ndarray, n: int) -> np.ndarray:
    """Each row's TF-IDF weight, its claim's vector scaled to length 1 (a vector of no terms stays empty)."""
    idf = np.array([math.log((1 + n) / (1 + d)) + 1 for d in degree.tolist()])  # math.log: see vocabulary
    raw = terms.count * idf[local]
    norm = np.sqrt(_ordered_sums(terms.claim, _rank_in_claim(terms.claim), raw * raw, n))
    norm[norm == 0] = 1.0
    unit: np.ndarray = raw / norm[terms.claim]
    return unit


def _rank_in_claim(claim: np.ndarray) -> np.ndarray:
    """Each row's place among its claim's rows (rows are grouped by claim)."""
    return np.arange(len(claim)) - np.searchsorted(claim, claim, "left")


def _ordered_sums(index: np.ndarray, rank: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """``values`` summed per ``index`` (into ``size`` sums) in increasing ``rank``, one addition at a time from
    0.0; no two values of one index share a rank."""
    sums = np.zeros(size)
    # Ranks are a claim's few dozen terms: as 16-bit integers numpy sorts them by radix, in linear time.
    order = np.argsort(rank.astype(np.int16), kind="stable")
    index, values, rank = index[order], values[order], rank[order]
    bounds = np.searchsorted(rank, np.arange(int(rank.max(initial=-1)) + 2))
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        sums[index[start:end]] += values[start:end]
    return sums
