"""Vocabulary: the stored terms read back exactly as tokenising gives them, term counts, log-odds with an
informative prior."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from perspectives.measures.vocabulary import TERMS, claim_terms, log_odds, term_rows, top_terms
from perspectives.tables import conform
from perspectives.words import word_rows

CLAIMS = pd.DataFrame({
    "claim_id": ["a:0", "a:1", "b:0", "b:1", "c:0"],
    "article_id": ["a", "a", "b", "b", "c"],
    "text": ["Trade talks stalled; trade resumed.", "It is what it is.", "Gas flows through the pipeline.",
             "The pipeline deal: gas for trade.", "Trade talks, again."],
})


def _terms(rows) -> list[list[tuple[str, int]]]:
    """Each asked claim's (term, count) pairs, in order."""
    asked = int(rows.claim.max(initial=-1)) + 1
    words = rows.words(rows.term)
    return [[(w, int(n)) for w, n, c in zip(words, rows.count, rows.claim, strict=True) if c == i]
            for i in range(asked)]


@pytest.fixture(params=[True, False], ids=["as dictionary", "as strings"])
def stored(request, tmp_path: Path) -> pd.DataFrame:
    """CLAIMS' terms as the build stores them and the dashboard reads them back."""
    path = tmp_path / "claim_words.parquet"
    conform("claim_words", word_rows(CLAIMS)).to_parquet(path, index=False)
    dictionary = ["terms.list.element"] if request.param else None
    return claim_terms(pq.read_table(path, read_dictionary=dictionary))


def test_stored_terms_are_the_terms_tokenising_gives(stored: pd.DataFrame) -> None:
    asked = CLAIMS.iloc[[3, 0, 4, 1]]  # any order, a claim without terms among them
    assert _terms(term_rows({TERMS: stored}, asked)) == _terms(term_rows({}, asked))
    assert _terms(term_rows({TERMS: stored}, asked))[0] == [
        ("pipeline", 1), ("deal", 1), ("gas", 1), ("trade", 1), ("pipeline deal", 1)]
    assert _terms(term_rows({TERMS: stored}, asked))[1][:2] == [("trade", 2), ("talks", 1)]


def test_a_claim_missing_from_the_stored_terms_has_none(stored: pd.DataFrame) -> None:
    rows = term_rows({TERMS: stored}, pd.DataFrame({"claim_id": ["zz:9", "c:0"]}))
    assert set(rows.claim) == {1}


def test_an_empty_table_of_terms_reads_as_no_terms(tmp_path: Path) -> None:
    path = tmp_path / "claim_words.parquet"
    conform("claim_words", word_rows(CLAIMS.head(0))).to_parquet(path, index=False)
    rows = term_rows({TERMS: claim_terms(pq.read_table(path))}, CLAIMS)
    assert len(rows.term) == 0


def test_top_terms_sum_counts_and_break_ties_by_first_occurrence() -> None:
    top = top_terms(term_rows({}, CLAIMS), 4)
    assert list(top.itertuples(index=False, name=None)) == [
        ("trade", 4), ("talks", 2), ("trade talks", 2), ("gas", 2)]


def test_log_odds_matches_a_hand_computed_example() -> None:
    # alpha_w = 100 * 4/8 = 50 for both words; delta_a = log(53/51) - log(51/53); var = 1/53 + 1/51.
    delta, z = log_odds(np.array([3.0, 1.0]), np.array([1.0, 3.0]), np.array([4.0, 4.0]), np.array([4.0, 4.0]),
                        np.array([4.0, 4.0]), 8)
    assert delta[0] == pytest.approx(0.076933, abs=1e-6)
    assert z[0] == pytest.approx(0.39221, abs=1e-5) and z[1] == pytest.approx(-0.39221, abs=1e-5)


def test_log_odds_prior_shrinks_rare_words() -> None:
    # Focus: common 10, rare 1 (of 11); rest: common 2, other 20 (of 22); pooled: common 50, rare 1, other 20.
    _, z = log_odds(np.array([10.0, 1.0]), np.array([2.0, 0.0]), np.array([50.0, 1.0]), np.array([11.0, 11.0]),
                    np.array([22.0, 22.0]), 71)
    assert z[0] > z[1]
