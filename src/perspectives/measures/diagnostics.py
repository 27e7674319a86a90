"""Diagnostics: how the topic rules place claims (hits per term, claims in several topics, claims none caught)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from perspectives.measures.selection import Tables
from perspectives.measures.vocabulary import phrase_counts
from perspectives.rules import Rule


def rule_hits(rules: Iterable[Rule], hits: pd.DataFrame) -> pd.DataFrame:
    """Every term of a topic's rules with the claims its wordings placed (``hits`` is
    ``term_hits``: matched wording -> claims); a term at 0 is one the rules never use.

    The evidence holds the matched wording ("treaties", "nato's"), so each configured term is
    matched against those wordings with the same term syntax the build uses.
    """
    rows = []
    for number, rule in enumerate(rules, start=1):
        for part, term in rule.listed_terms():
            matcher = rule.term_matcher(term)
            claims = sum(int(n) for wording, n in zip(hits["term"], hits["claims"], strict=True)
                         if matcher.spans(wording) == [(0, len(wording))])
            rows.append({"rule": f"{number}. {rule.kind}{part}", "term": term, "claims": claims})
    return pd.DataFrame(rows, columns=["rule", "term", "claims"])


def term_hits(tables: Tables, topic: str) -> pd.DataFrame:
    """How many claims each matched term placed in the topic."""
    evidence = tables["claim_topics"][tables["claim_topics"]["topic"] == topic]["evidence"].dropna()
    counts = Counter(term.strip().lower() for value in evidence for term in value.split(";") if term.strip())
    return pd.DataFrame(counts.most_common(), columns=["term", "claims"])


def multi_topic_claims(tables: Tables) -> pd.DataFrame:
    """Claims placed in more than one topic, with those topics."""
    grouped = tables["claim_topics"].groupby("claim_id")["topic"].agg(lambda s: ", ".join(sorted(s)))
    counts = tables["claim_topics"].groupby("claim_id").size()
    multi = grouped[counts > 1].rename("topics").reset_index()
    return multi.merge(tables["claims"][["claim_id", "text"]], on="claim_id")


def uncaught_claims(tables: Tables, *, top_phrases: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claims no topic caught, and their most frequent words and phrases (where the rules are blind)."""
    caught = set(tables["claim_topics"]["claim_id"])
    missed = tables["claims"][~tables["claims"]["claim_id"].isin(caught)][["claim_id", "article_id", "text"]]
    phrases = phrase_counts(missed["text"]).most_common(top_phrases)
    return missed.reset_index(drop=True), pd.DataFrame(phrases, columns=["phrase", "count"])
