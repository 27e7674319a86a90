"""Diagnostics: each configured term credited with its wordings, overlaps between topics, uncaught claims."""

import pandas as pd

from perspectives.measures import diagnostics
from tests.measures.conftest import POSITIONED


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
