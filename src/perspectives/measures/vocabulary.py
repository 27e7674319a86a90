"""Vocabulary: the terms of claims as flat arrays, how often they occur, and which ones set a group apart
(weighted log-odds).

The build stores each claim's terms (``claim_words``, see ``perspectives.words``); ``claim_terms`` turns that
table into one row per claim and term with integer codes, so counting the terms of 100,000 claims is a few
array operations. Tables without it (a build from before it existed, hand-made test tables) still work: the
claims asked about are tokenised on the spot, with the same ``tokens``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from perspectives.words import word_rows

# The key of the prepared tables under which ``claim_terms`` keeps every claim's terms.
TERMS = "terms"


@dataclass(frozen=True)
class TermRows:
    """The terms of some claims, one row per claim and distinct term, each claim's rows in the order its terms
    first occur: ``claim`` is the claim's position among those asked about, ``term`` a code into
    ``vocabulary``, ``count`` how often the term occurs in the claim."""

    claim: np.ndarray
    term: np.ndarray
    count: np.ndarray
    vocabulary: pd.Index

    def words(self, codes: np.ndarray) -> list[str]:
        """The terms with these codes."""
        return [str(term) for term in self.vocabulary[codes]]


def claim_terms(words: pa.Table) -> pd.DataFrame:
    """The ``claim_words`` table (as Arrow, its terms read as a dictionary or not) as one row per claim and term:
    ``claim_id`` and ``term`` categorical, ``count``; a claim's rows together, in the order its terms first
    occur, and the claims in the table's order."""
    if words.num_rows == 0:  # an empty table's list columns may have no type to flatten
        return pd.DataFrame({"claim_id": pd.Categorical([]), "term": pd.Categorical([]),
                             "count": np.zeros(0, dtype=np.int64)})
    lists = words.column("terms")
    lengths = pc.list_value_length(lists).fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
    vocabulary, codes = _dictionary(pc.list_flatten(lists))
    ids = pd.Index(pd.array(words.column("claim_id"), dtype="string"))  # the claims tables' dtype: fast lookups
    # 32-bit codes: millions of rows, and filling fresh memory costs more than the rest of the reading.
    owners = np.repeat(np.arange(len(ids), dtype=np.int32), lengths)
    return pd.DataFrame({
        "claim_id": pd.Categorical.from_codes(owners, categories=ids),
        "term": pd.Categorical.from_codes(codes, categories=vocabulary),
        "count": pc.list_flatten(words.column("counts")).to_numpy(zero_copy_only=False)},
        copy=False)


def _dictionary(flat: pa.ChunkedArray) -> tuple[pd.Index, np.ndarray]:
    """The distinct strings of a (possibly dictionary-encoded) string array and each value's code among them."""
    if not pa.types.is_dictionary(flat.type):
        flat = pc.dictionary_encode(flat)
    chunks = flat.unify_dictionaries().chunks
    codes = np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunks])
    return pd.Index(chunks[0].dictionary.to_numpy(zero_copy_only=False)), codes


def term_rows(tables: Mapping[str, pd.DataFrame], claims: pd.DataFrame) -> TermRows:
    """The terms of ``claims`` (rows with ``claim_id``, ``article_id`` and ``text``), in their order: from the
    prepared ``TERMS`` when the tables have them, else tokenised now."""
    if TERMS not in tables:
        return _tokenised(claims)
    frame = tables[TERMS]
    return _rows_of(frame, frame["claim_id"].cat.categories.get_indexer(claims["claim_id"]))


def _tokenised(claims: pd.DataFrame) -> TermRows:
    """The terms of claims tokenised now, as the build would store them."""
    rows = word_rows(claims)
    lengths = np.array([len(terms) for terms in rows["terms"]], dtype=np.int64)
    codes, vocabulary = pd.factorize(pd.Series([t for terms in rows["terms"] for t in terms], dtype=object))
    return TermRows(claim=np.repeat(np.arange(len(claims)), lengths), term=codes.astype(np.int64),
                    count=np.array([c for counts in rows["counts"] for c in counts], dtype=np.int64),
                    vocabulary=pd.Index(vocabulary))


def _rows_of(frame: pd.DataFrame, positions: np.ndarray) -> TermRows:
    """The rows of ``claim_terms``'s frame for the claims at ``positions`` among its claims (-1: none)."""
    # The categoricals' own code arrays, searched with codes of their width: millions of rows are never copied.
    owners = frame["claim_id"].array.codes
    positions = positions.astype(owners.dtype)
    starts = np.searchsorted(owners, positions, "left")
    lengths = np.searchsorted(owners, positions, "right") - starts
    offsets = np.cumsum(lengths) - lengths
    take = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()))
    return TermRows(claim=np.repeat(np.arange(len(positions)), lengths), term=frame["term"].array.codes[take],
                    count=frame["count"].to_numpy()[take], vocabulary=frame["term"].cat.categories)


def top_terms(terms: TermRows, top: int) -> pd.DataFrame:
    """The ``top`` most frequent terms with their counts (``term``, ``count``); a tie goes to the term that
    occurs first."""
    totals = np.bincount(terms.term, weights=terms.count, minlength=len(terms.vocabulary)).astype(np.int64)
    seen = pd.unique(terms.term)
    ranked = seen[np.argsort(-totals[seen], kind="stable")][:top]
    return pd.DataFrame({"term": terms.words(ranked), "count": totals[ranked]})


def log_odds(count: np.ndarray, other: np.ndarray, prior: np.ndarray, n_focus: np.ndarray, n_rest: np.ndarray,
             n_prior: int, *, alpha0: float = 100.0) -> tuple[np.ndarray, np.ndarray]:
    """Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), per term.

    The prior is the pooled frequency scaled to ``alpha0`` pseudo-counts, which shrinks rare words toward zero
    so that a word said once by one author does not top the list. Each row is one term of one focus group: its
    count there (``count``) and in the rest (``other``), its pooled count (``prior``), and the total counts of
    the focus and of the rest; ``n_prior`` is the pooled total.

    Returns:
        delta (the log-odds ratio) and z (delta over its standard deviation), per row.
    """
    alpha = alpha0 * prior / n_prior
    # math.log, not np.log: numpy's vectorised log can differ in the last bit, and z ranks the terms.
    delta = (_log((count + alpha) / (n_focus + alpha0 - count - alpha))
             - _log((other + alpha) / (n_rest + alpha0 - other - alpha)))
    variance = 1 / (count + alpha) + 1 / (other + alpha)
    return delta, delta / np.sqrt(variance)


def _log(values: np.ndarray) -> np.ndarray:
    return np.fromiter(map(math.log, values.tolist()), dtype=np.float64, count=len(values))
