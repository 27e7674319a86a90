"""Diagnostics: how the topic rules place claims (hits per term, direct vs context placements, claims in several
topics, claims none caught) and what the build dropped as site furniture."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from perspectives.measures.selection import Tables, isin
from perspectives.measures.vocabulary import term_rows, top_terms
from perspectives.rules import Rule


def rule_hits(rules: Iterable[Rule], hits: pd.DataFrame) -> pd.DataFrame:
    """Every term of a topic's rules with the claims its wordings placed (``hits`` is
    ``term_hits``: matched wording -> claims); a term at 0 is one the rules never use.

    The evidence holds the matched wording ("treaties", "nato's"), so each configured term is
    matched against those wordings with the same term syntax the build uses.
    """
    rows = []
    wordings = list(zip(hits["term"].tolist(), hits["claims"].tolist(), strict=True))
    for number, rule in enumerate(rules, start=1):
        for part, term in rule.listed_terms():
            matcher = rule.term_matcher(term)
            claims = sum(int(n) for wording, n in wordings if matcher.spans(wording) == [(0, len(wording))])
            rows.append({"rule": f"{number}. {rule.kind}{part}", "term": term, "claims": claims})
    return pd.DataFrame(rows, columns=["rule", "term", "claims"])


def term_hits(tables: Tables, topic: str) -> pd.DataFrame:
    """How many claims each matched term placed in the topic."""
    evidence = tables["claim_topics"][tables["claim_topics"]["topic"] == topic]["evidence"].dropna()
    counts: Counter[str] = Counter()
    # Each distinct evidence once, in the order it first occurs (which orders ties), weighted by its count:
    # a topic's 100,000 placements hold a few hundred distinct evidences.
    for value, n in evidence.value_counts(sort=False).items():
        for term in str(value).split(";"):
            if term.strip():
                counts[term.strip().lower()] += int(n)
    return pd.DataFrame(counts.most_common(), columns=["term", "claims"])


def placement_counts(tables: Tables, topics: Sequence[str]) -> pd.DataFrame:
    """Per topic (every one of ``topics``, in that order), the claims its rules placed directly and those that
    joined it by context: topic, direct, context.

    Context placements borrow their topic from the sentences around them; a topic that lives on them is one
    whose own terms are too narrow, or whose cues are too loose, so the two are counted apart.
    """
    placed = tables["claim_topics"]
    by_context = placed["context"].notna()
    counts = pd.DataFrame({"direct": placed.loc[~by_context, "topic"].value_counts(),
                           "context": placed.loc[by_context, "topic"].value_counts()})
    counts = counts.reindex(list(topics)).fillna(0).astype("int64")
    return counts.rename_axis("topic").reset_index()


def context_placements(tables: Tables, topic: str) -> pd.DataFrame:
    """The claims that joined ``topic`` by context, in article order: article_id, text, context (what
    established the topic) and evidence (the cue words, empty for a continuation)."""
    placed = tables["claim_topics"]
    placed = placed.loc[(placed["topic"] == topic) & placed["context"].notna(), ["claim_id", "context", "evidence"]]
    claims = tables["claims"]
    claims = claims.loc[isin(claims["claim_id"], placed["claim_id"]),
                        ["claim_id", "article_id", "position_in_article", "text"]].merge(placed, on="claim_id")
    claims = claims.sort_values(["article_id", "position_in_article"], kind="stable")
    return claims[["article_id", "text", "context", "evidence"]].reset_index(drop=True)


def furniture_counts(report: Mapping[str, Any] | None) -> pd.DataFrame:
    """The build report's site furniture dropped, most frequent reason first: reason, dropped (paragraphs or
    lines set aside for it).

    A report from a build before furniture was counted (or none at all) reads as nothing dropped.
    """
    dropped = (report or {}).get("furniture_dropped") or {}
    rows = sorted(((str(reason), int(n)) for reason, n in dropped.items()), key=lambda row: (-row[1], row[0]))
    return pd.DataFrame(rows, columns=["reason", "dropped"])


def multi_topic_claims(tables: Tables) -> pd.DataFrame:
    """Claims placed in more than one topic, with those topics."""
    placed = tables["claim_topics"]
    counts = placed["claim_id"].value_counts()
    placed = placed.loc[isin(placed["claim_id"], counts.index[counts > 1]), ["claim_id", "topic"]]
    placed = placed.sort_values(["claim_id", "topic"])
    joined: dict[str, list[str]] = {}
    for claim, topic in zip(placed["claim_id"].tolist(), placed["topic"].tolist(), strict=True):
        joined.setdefault(claim, []).append(topic)
    multi = pd.DataFrame({"claim_id": pd.Series(list(joined), dtype=placed["claim_id"].dtype),
                          "topics": pd.Series([", ".join(ts) for ts in joined.values()], dtype=placed["topic"].dtype)})
    return multi.merge(tables["claims"][["claim_id", "text"]], on="claim_id")


def uncaught_claims(tables: Tables, *, top_phrases: int = 20) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claims no topic caught, and their most frequent words and phrases (where the rules are blind)."""
    claims = tables["claims"]
    missed = claims[~isin(claims["claim_id"], tables["claim_topics"]["claim_id"])][["claim_id", "article_id", "text"]]
    phrases = top_terms(term_rows(tables, missed), top_phrases).rename(columns={"term": "phrase"})
    return missed.reset_index(drop=True), phrases
