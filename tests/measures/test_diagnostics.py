"""Diagnostics: each configured term credited with its wordings, direct vs context placements, overlaps between
topics, uncaught claims, and the build's furniture counts."""

import pandas as pd

from perspectives.measures import diagnostics
from tests.measures.conftest import POSITIONED, placed_with


def test_rule_hits_credit_each_configured_term_with_its_wordings():
    from perspectives.rules import CooccurRule, PatternRule, TermsRule

    hits = pd.DataFrame({"term": ["treaties", "nato’s", "pact", "us", "formal"], "claims": [3, 2, 1, 4, 1]})
    rules = [TermsRule(kind="terms", terms=["treaty", "NATO", "entente", "US"]),
             CooccurRule(kind="cooccur", groups=[["formal"], ["pact*"]]),
             PatternRule(kind="pattern", pattern=r"trea\w+")]
    table = diagnostics.rule_hits(rules, hits)
    assert list(table.itertuples(index=False, name=None)) == [
        ("1. terms", "treaty", 3), ("1. terms", "NATO", 2), ("1. terms", "entente", 0), ("1. terms", "US", 4),
        ("2. cooccur, group 1", "formal", 1), ("2. cooccur, group 2", "pact*", 1), ("3. pattern", r"trea\w+", 3)]


def test_rule_diagnostics() -> None:
    assert diagnostics.term_hits(POSITIONED, "mil").to_dict("records") == [{"term": "x", "claims": 3}]
    assert diagnostics.multi_topic_claims(POSITIONED).empty
    missed, phrases = diagnostics.uncaught_claims(POSITIONED)
    assert missed.empty and phrases.empty


def test_placement_counts_split_direct_from_context_for_every_topic(tables):
    tables = placed_with(tables, "context", {("a1:2", "taiwan"): "continues sentence 1",
                                             ("b:1", "trade"): '"trade" in the headline'})
    counts = diagnostics.placement_counts(tables, ["trade", "taiwan", "energy"])
    assert list(counts.itertuples(index=False, name=None)) == [
        ("trade", 2, 1), ("taiwan", 2, 1), ("energy", 0, 0)], "config order, a topic with none at zero"


def test_context_placements_name_what_established_the_topic(tables):
    tables = placed_with(tables, "context", {("a1:2", "taiwan"): "continues sentence 1"})
    placed = diagnostics.context_placements(tables, "taiwan")
    assert placed.to_dict("records") == [{"article_id": "a1", "text": "Reuters says the strait is calm.",
                                          "context": "continues sentence 1", "evidence": None}]
    assert diagnostics.context_placements(tables, "trade").empty


def test_furniture_counts_most_frequent_reason_first():
    report = {"furniture_dropped": {"credit": 1, "caption": 3, "cleaning.drop '^Share'": 1}}
    counts = diagnostics.furniture_counts(report)
    assert list(counts.itertuples(index=False, name=None)) == [
        ("caption", 3), ("cleaning.drop '^Share'", 1), ("credit", 1)]
    assert diagnostics.furniture_counts({"claims": 3}).empty, "a report from before furniture was counted"
    assert diagnostics.furniture_counts(None).empty
