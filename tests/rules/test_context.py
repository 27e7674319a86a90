"""Scopes and the sentences around a claim: what each scope lets a rule look at."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perspectives.rules import Scope, Sentences


@pytest.mark.parametrize("text, expected", [
    ("sentence", Scope("sentence")), ("paragraph", Scope("paragraph")), ("Article", Scope("article")),
    ("2 sentences", Scope("sentences", 2)), ("1 sentence", Scope("sentences", 1)),
    ("  3   sentences ", Scope("sentences", 3)),
])
def test_scope_parses_what_the_readme_documents(text: str, expected: Scope) -> None:
    assert Scope.parse(text) == expected
    assert Scope.parse(str(expected)) == expected


@pytest.mark.parametrize("text", ["0 sentences", "two sentences", "paragraphs", "3 paragraphs", "", "window"])
def test_scope_refuses_other_forms_and_names_the_ones_that_work(text: str) -> None:
    with pytest.raises(ValueError, match="is not a scope; use sentence, N sentences .*, paragraph or article"):
        Scope.parse(text)


# Two articles: a (paragraphs 0, 0, 1, 1) and b (paragraphs 0, 1).
CORPUS = Sentences(["a1", "a2", "a3", "a4", "b1", "b2"], ["a", "a", "a", "a", "b", "b"], [0, 0, 1, 1, 0, 1],
                   {"a": "Title A"})


@pytest.mark.parametrize("i, scope, expected", [
    (2, "sentence", [2]),
    (2, "1 sentence", [1, 2, 3]),
    (0, "2 sentences", [0, 1, 2]),
    (4, "3 sentences", [4, 5]),          # never into another article
    (3, "paragraph", [2, 3]),
    (1, "article", [0, 1, 2, 3]),
    (5, "article", [4, 5]),
])
def test_around_stays_in_the_sentence_s_article(i: int, scope: str, expected: list[int]) -> None:
    assert list(CORPUS.around(i, Scope.parse(scope))) == expected


def test_before_looks_back_only_for_sentences_and_counts_the_whole_paragraph_or_article() -> None:
    assert list(CORPUS.before(3, Scope.parse("2 sentences"))) == [1, 2]
    assert list(CORPUS.before(4, Scope.parse("2 sentences"))) == []
    assert list(CORPUS.before(2, Scope.parse("paragraph"))) == [2, 3]


def test_numbers_titles_and_leads_are_per_article() -> None:
    assert [CORPUS.number(i) for i in range(6)] == [1, 2, 3, 4, 1, 2]
    assert (CORPUS.title(3), CORPUS.title(5)) == ("Title A", "")
    assert list(CORPUS.lead(3)) == [0, 1]
    assert list(CORPUS.lead(5)) == [4]
    assert CORPUS.same_article(3, 2) and not CORPUS.same_article(4, 3) and not CORPUS.same_article(0, -1)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 2)), max_size=30))
def test_paragraph_and_article_scopes_are_the_runs_of_the_table(rows: list[tuple[str, int]]) -> None:
    """Over a claims table, a sentence's paragraph and article are the runs of equal ids around it."""
    sentences = Sentences(["x"] * len(rows), [a for a, _ in rows], [p for _, p in rows])

    def run(i: int, same: Callable[[int, int], bool]) -> range:
        start, end = i, i + 1
        while start > 0 and same(start - 1, i):
            start -= 1
        while end < len(rows) and same(end, i):
            end += 1
        return range(start, end)

    for i in range(len(rows)):
        assert sentences.around(i, Scope("article")) == run(i, lambda j, k: rows[j][0] == rows[k][0])
        assert sentences.around(i, Scope("paragraph")) == run(i, lambda j, k: rows[j] == rows[k])
