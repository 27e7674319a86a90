"""Vocabulary: log-odds with an informative prior, tokens and bigrams, TF-IDF cosine."""

from __future__ import annotations

from collections import Counter

import pytest

from perspectives.measures.vocabulary import cosine, log_odds, tfidf_vectors, tokens


def test_log_odds_matches_a_hand_computed_example() -> None:
    # alpha_w = 100 * 4/8 = 50 for both words; delta_a = log(53/51) - log(51/53); var = 1/53 + 1/51.
    scored = log_odds(Counter(a=3, b=1), Counter(a=1, b=3), Counter(a=4, b=4), alpha0=100).set_index("term")
    assert scored.loc["a", "delta"] == pytest.approx(0.076933, abs=1e-6)
    assert scored.loc["a", "z"] == pytest.approx(0.39221, abs=1e-5)
    assert scored.loc["b", "z"] == pytest.approx(-0.39221, abs=1e-5)
    assert list(scored.index) == ["a", "b"]


def test_log_odds_prior_shrinks_rare_words() -> None:
    prior = Counter(common=50, rare=1, other=20)
    scored = log_odds(Counter(common=10, rare=1), Counter(common=2, other=20), prior).set_index("term")
    assert scored.loc["common", "z"] > scored.loc["rare", "z"]


def test_tokens_drop_stop_words_and_add_bigrams() -> None:
    assert tokens("The partnership of unequals is lopsided, China's view.") == [
        "partnership", "unequals", "lopsided", "china", "view", "china view"]


def test_tfidf_cosine() -> None:
    a, b, c = tfidf_vectors(["de facto military alliance", "a formal military alliance", "pipeline gas trade"])
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, b) > cosine(a, c) == 0.0
