"""Words: a claim's terms (content words and bigrams) and the claim_words rows the build stores."""

from __future__ import annotations

import pandas as pd
import pytest

from perspectives.tables import TABLES, conform
from perspectives.words import tokens, word_rows


@pytest.mark.parametrize(("text", "expected"), [
    ("The partnership of unequals is lopsided, China's view.",
     ["partnership", "unequals", "lopsided", "china", "view", "china view"]),
    ("Beijing’s “no-limits” friendship; Moscow’s reply.",  # a quotation mark ends a phrase too
     ["beijing", "no-limits", "friendship", "moscow", "reply", "moscow reply"]),
    ("It was what it was.", []),
    ("3rd-party talks in 2024 were a B-plus effort", ["rd-party", "talks", "b-plus", "effort", "rd-party talks",
                                                      "b-plus effort"]),
    ("Kiev or Kyiv (Київ) — both spellings — appear", ["kiev", "kyiv", "київ", "spellings", "appear"]),
])
def test_tokens_keep_content_words_and_bigrams_within_a_phrase(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_word_rows_list_each_claims_distinct_terms_first_occurrence_first_with_counts() -> None:
    claims = pd.DataFrame({"claim_id": ["a:0", "a:1", "b:0"], "article_id": ["a", "a", "b"],
                           "text": ["Trade talks, trade talks and more trade.", "It is what it is.", "Gas flows."]})
    rows = word_rows(claims)
    assert rows.dtypes.astype(str).to_dict() == TABLES["claim_words"]
    assert list(rows["claim_id"]) == ["a:0", "a:1", "b:0"] and list(rows["article_id"]) == ["a", "a", "b"]
    assert list(rows["terms"]) == [["trade", "talks", "trade talks"], [], ["gas", "flows", "gas flows"]]
    assert list(rows["counts"]) == [[3, 2, 2], [], [1, 1, 1]]
    assert [sum(counts) for counts in rows["counts"]] == [len(tokens(t)) for t in claims["text"]]


def test_word_rows_of_no_claims_conform_to_the_contract() -> None:
    rows = conform("claim_words", word_rows(pd.DataFrame({"claim_id": [], "article_id": [], "text": []})))
    assert rows.empty and list(rows.columns) == list(TABLES["claim_words"])
