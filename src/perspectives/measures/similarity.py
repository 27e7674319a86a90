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
    # Every shared term's weight in every claim, 0 where absent; a term of one claim only adds 0.0 to every pair,
    # so it reads the last row, all zeros. A claim's dot products with all claims are then its terms' weights times
    # those terms' rows, added term by term: adding a 0.0 leaves a sum exactly as it was, so the dense rows add
    # what the sparse vectors do, in the same order, without listing the pairs of claims sharing a term (millions
    # on a topic's common words).
    shared = degree > 1
    term_row = np.where(shared, np.cumsum(shared) - 1, np.count_nonzero(shared))[local]
    by_term = np.zeros((np.count_nonzero(shared) + 1, n))
    by_term[term_row, terms.claim] = np.where(shared[local], weights, 0.0)
    # The claims longest first, so that those with an r-th term are the first ones: each term's products are added
    # into a block of rows in place, with no array allocated per term.
    length = np.bincount(terms.claim, minlength=n)
    place = np.empty(n, dtype=np.int64)
    place[np.argsort(-length, kind="stable")] = np.arange(n)
    rank = _rank_in_claim(terms.claim)
    order = np.lexsort((place[terms.claim], rank))
    dots = np.zeros((n, n))  # dots[place[x], y]: summed over x's terms, in x's order
    products = np.empty((n, n))
    start = 0
    for claims in np.bincount(rank).tolist():  # the claims with an r-th term, for r = 0, 1, …
        rows = order[start:start + claims]
        np.take(by_term, term_row[rows], axis=0, out=products[:claims])
        products[:claims] *= weights[rows, None]
        dots[:claims] += products[:claims]
        start += claims
    dots = dots[place]
    # Each pair takes the sum over x's terms where x's vector is the shorter one, or x comes first.
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
