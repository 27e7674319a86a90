"""Compare: a column per author or article, even a silent one, and the topic's claims in article order."""

import pandas as pd

from perspectives.measures import compare
from perspectives.measures.selection import prepare_tables
from tests.measures.conftest import placed_with


def test_compare_headers_group_by_author_article_or_outlet(tables):
    by_author = compare.compare_headers(tables, "taiwan")
    assert list(by_author["heading"]) == ["Ann", "Untitled article"], "no byline, no outlet, no title"
    assert list(by_author["claims"]) == [3, 0]
    assert by_author["subheading"].iloc[0] == "Herald · 2 articles"
    by_article = compare.compare_headers(tables, "taiwan", by="article")
    assert list(by_article["group"]) == ["First", "Second", "b.txt"]
    assert list(by_article["subheading"]) == ["Ann · Herald · 2023-01-01", "Ann · 2023-02-01",
                                             "Untitled article"], \
        "an article's header names its author, outlet and date"
    by_outlet = compare.compare_headers(tables, "taiwan", by="outlet").set_index("group")
    assert by_outlet.loc["Herald", "claims"] == 2 and by_outlet.loc["(no outlet)", "claims"] == 1
    assert by_outlet.loc["(no outlet)", "subheading"] == "2 articles · Ann, Untitled article"


def test_compare_by_a_declared_field(tables):
    articles = tables["articles"].assign(fields=['{"leaning": "left"}', None, '{"leaning": "right"}'])
    tables = prepare_tables({**tables, "articles": articles}, ("leaning", "genre"))
    headers = compare.compare_headers(tables, "taiwan", by="leaning").set_index("group")
    assert dict(headers["claims"]) == {"left": 2, "(no leaning)": 1, "right": 0}
    assert set(tables["articles"]["field:genre"]) == {"(no genre)"}, "a declared field no article sets"


def test_compare_claims_in_article_order_with_sources(tables):
    claims = compare.compare_claims(tables, "taiwan", by="author")
    assert list(claims["claim_id"]) == ["a1:0", "a1:2", "a2:0"]
    assert claims.loc[1, "sources"] == (("Reuters", True), ("Lowy Institute", False))
    assert claims.loc[1, "voice"] == "attributed"


def test_compare_claims_carry_the_position(tables):
    tables = placed_with(tables, "position", {("a1:2", "taiwan"): "contested", ("a1:2", "trade"): "up"})
    claims = compare.compare_claims(tables, "taiwan", by="author").set_index("claim_id")
    assert claims.loc["a1:2", "position"] == "contested" and pd.isna(claims.loc["a1:0", "position"])


def test_compare_claims_say_which_are_on_the_topic_by_context(tables):
    tables = placed_with(tables, "context", {("a1:2", "taiwan"): "continues sentence 1"})
    claims = compare.compare_claims(tables, "taiwan", by="author").set_index("claim_id")
    assert claims.loc["a1:2", "context"] == "continues sentence 1" and pd.isna(claims.loc["a1:0", "context"])


def test_compare_claims_name_the_speaker_of_a_reported_claim_and_every_topic(tables):
    claims = compare.compare_claims(tables, "taiwan").set_index("claim_id")
    assert claims.loc["a1:2", "speaker"] == "Reuters" and pd.isna(claims.loc["a1:0", "speaker"])
    assert claims.loc["a1:2", "topics"] == ("taiwan", "trade"), "the topic shown first, then its others"
