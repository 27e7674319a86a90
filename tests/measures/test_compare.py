"""Compare: a column per author or article, even a silent one, and the topic's claims in article order."""

import pandas as pd

from perspectives.measures import compare
from tests.measures.conftest import placed_with


def test_compare_headers_group_by_author_or_article(tables):
    by_author = compare.compare_headers(tables, "taiwan", by_article=False)
    assert list(by_author["heading"]) == ["Ann", "Unattributed — b.txt"]
    assert list(by_author["claims"]) == [3, 0]
    assert by_author["subheading"].iloc[0] == "2 articles"
    by_article = compare.compare_headers(tables, "taiwan", by_article=True)
    assert list(by_article["group"]) == ["a1", "a2", "b"]
    assert list(by_article["subheading"]) == ["Ann", "Ann", "Unattributed — b.txt"]


def test_compare_claims_in_article_order_with_sources(tables):
    claims = compare.compare_claims(tables, "taiwan", by_article=False)
    assert list(claims["claim_id"]) == ["a1:0", "a1:2", "a2:0"]
    assert claims.loc[1, "sources"] == (("Reuters", True), ("Lowy Institute", False))
    assert claims.loc[1, "voice"] == "attributed"


def test_compare_claims_carry_the_position(tables):
    tables = placed_with(tables, "position", {("a1:2", "taiwan"): "contested", ("a1:2", "trade"): "up"})
    claims = compare.compare_claims(tables, "taiwan", by_article=False).set_index("claim_id")
    assert claims.loc["a1:2", "position"] == "contested" and pd.isna(claims.loc["a1:0", "position"])


def test_compare_claims_say_which_are_on_the_topic_by_context(tables):
    tables = placed_with(tables, "context", {("a1:2", "taiwan"): "continues sentence 1"})
    claims = compare.compare_claims(tables, "taiwan", by_article=False).set_index("claim_id")
    assert claims.loc["a1:2", "context"] == "continues sentence 1" and pd.isna(claims.loc["a1:0", "context"])
