"""Selection: derived columns, author labels, and the sidebar's filters narrowing the four tables consistently."""

import datetime as dt

import pandas as pd
import pytest

from perspectives.measures import groups, selection
from perspectives.measures.selection import Selection
from perspectives.tables import TABLES


@pytest.mark.parametrize("author, outlet, title, expected", [
    ("Ann", "Herald", "T", "Ann"),
    ("  Ann  ", None, None, "Ann"),
    (None, "ITV News", "A Title", "ITV News"),
    ("", "  ", "A Title", "A Title"),
    (pd.NA, pd.NA, pd.NA, "Untitled article"),
])
def test_author_label_is_byline_else_outlet_else_title_never_a_file_name(author, outlet, title, expected):
    assert groups.author_label(author, outlet, title) == expected


def test_prepare_tables_adds_labels_without_mutating(tables):
    raw = {name: frame.drop(columns=[c for c in frame if c not in TABLES[name]])
           for name, frame in tables.items()}
    before = raw["articles"].copy()
    selection.prepare_tables(raw)
    pd.testing.assert_frame_equal(raw["articles"], before)
    assert list(tables["articles"]["author_label"]) == ["Ann", "Ann", "Untitled article"]
    assert list(tables["citations"]["type_label"]) == ["media", "unclassified", "media"]


def test_empty_selection_keeps_everything(tables):
    kept = selection.apply_selection(tables, Selection())
    assert {name: len(frame) for name, frame in kept.items()} == {name: len(f) for name, f in tables.items()}


def test_selection_by_author_keeps_whole_articles(tables):
    kept = selection.apply_selection(tables, Selection(authors=("Ann",)))
    assert set(kept["articles"]["article_id"]) == {"a1", "a2"}
    assert set(kept["claims"]["article_id"]) == {"a1", "a2"}
    assert list(kept["citations"]["citation_id"]) == ["c1", "c2"]


def test_selection_by_topic_narrows_claims_and_topic_rows(tables):
    kept = selection.apply_selection(tables, Selection(topics=("trade",)))
    assert set(kept["claims"]["claim_id"]) == {"a1:1", "a1:2", "b:1"}
    assert set(kept["claim_topics"]["topic"]) == {"trade"}
    assert len(kept["articles"]) == 3, "articles stay, so an author silent on a topic still shows"


def test_selection_by_source_type_keeps_claims_citing_that_type(tables):
    kept = selection.apply_selection(tables, Selection(source_types=("unclassified",)))
    assert list(kept["claims"]["claim_id"]) == ["a1:2"]
    assert list(kept["citations"]["source"]) == ["Lowy Institute"]


def test_selection_text_is_case_insensitive_and_literal(tables):
    assert list(selection.apply_selection(tables, Selection(text="TAIWAN"))["claims"]["claim_id"]) == \
        ["a1:0", "a2:0"]
    assert selection.apply_selection(tables, Selection(text="("))["claims"].empty


def test_date_filter_drops_undated_articles(tables):
    kept = selection.apply_selection(tables, Selection(date_from=dt.date(2023, 1, 15)))
    assert list(kept["articles"]["article_id"]) == ["a2"]
    assert selection.date_bounds(tables["articles"]) == (dt.date(2023, 1, 1), dt.date(2023, 2, 1))


def test_selection_by_outlet_and_declared_field(tables):
    articles = tables["articles"].assign(fields=['{"leaning": "left"}', None, '{"leaning": "right"}'])
    tables = selection.prepare_tables({**tables, "articles": articles})
    assert list(selection.apply_selection(tables, Selection(outlets=("Herald",)))["articles"]["article_id"]) == ["a1"]
    kept = selection.apply_selection(tables, Selection(fields=(("leaning", ("right", "(no leaning)")),)))
    assert list(kept["articles"]["article_id"]) == ["a2", "b"]
    assert set(kept["claims"]["article_id"]) == {"a2", "b"}


def test_with_articles_is_the_join_on_article_id_keeping_the_rows_order(tables):
    articles = tables["articles"].iloc[[2, 0]]  # a selection without a2, in another order
    rows = tables["claims"].iloc[::-1]
    joined = selection.with_articles(rows, articles, ["author_label", "display_title"])
    expected = rows.merge(articles[["article_id", "author_label", "display_title"]], on="article_id")
    pd.testing.assert_frame_equal(joined, expected)
    assert set(joined["article_id"]) == {"a1", "b"}


def test_index_of_finds_each_value_or_says_minus_one():
    keys = pd.Series(["b", "a", "b"], dtype="string")
    values = pd.Series(["a", "b", "c", None], dtype="string")
    assert selection.index_of(values, keys).tolist() == [1, 0, -1, -1]
