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
    # Every shared term's weight in every claim, 0 where absent. A claim's dot products with all claims are its
    # terms' weights times those terms' rows, added term by term; adding a 0.0 leaves a sum exactly as it was, so
    # the dense rows add what the sparse vectors do, in the same order, without listing the pairs of claims sharing
    # a term (millions on a topic's common words). A term of one claim only adds 0.0 to every pair: left out.
    shared = np.flatnonzero(degree[local] > 1)
    row_of = np.cumsum(degree > 1) - 1  # a shared term's row
    by_term = np.zeros((int(np.count_nonzero(degree > 1)), n))
    by_term[row_of[local[shared]], terms.claim[shared]] = weights[shared]
    rank = _rank_in_claim(terms.claim)[shared]
    dots = np.zeros((n, n))  # dots[x, y]: summed over x's terms, in x's order
    order = shared[np.argsort(rank.astype(np.int16), kind="stable")]  # int16: see _ordered_sums
    bounds = np.searchsorted(np.sort(rank), np.arange(int(rank.max(initial=-1)) + 2))
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        rows = order[start:end]  # every claim's r-th term, if shared: one row per claim
        dots[terms.claim[rows]] += weights[rows, None] * by_term[row_of[local[rows]]]
    # Each pair takes the sum over x's terms where x's vector is the shorter one, or x comes first.
    length = np.bincount(terms.claim, minlength=n)
    index = np.arange(n)
    summed_by_x = (length[:, None] < length) | ((length[:, None] == length) & (index[:, None] < index))
    matrix: np.ndarray = np.where(summed_by_x, dots, dots.T)
    np.fill_diagonal(matrix, 0.0)
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
