"""Topics view: rule diagnostics, so a user improving config.yaml sees where the rules are blind.

Each topic's placements by its own rules and by context, then one tab each for: its rules with how many claims
each term placed, the claims several topics share, the claims no topic caught with their most frequent words and
phrases, and the site furniture the build dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

import cached
import markup
import state
from perspectives.config import Config, Topic
from perspectives.measures import diagnostics
from perspectives.measures.selection import article_titles

MAX_ROWS = 200
TOP_PHRASES = 25


def render(scope: cached.Scope, topics: pd.DataFrame, config: Config | None,
           report: Mapping[str, Any] | None, terms: Callable[[], pd.DataFrame | None]) -> None:
    """Draw the rule diagnostics for the tables (all topics, whatever the topic filter) and the furniture
    counts of the build ``report``; ``terms`` reads every claim's terms (``loading.load_terms``), which only the
    claims no topic caught need."""
    tables = scope.tables
    if topics.empty:
        st.info("The config defines no topics yet; add some under `topics:` in config.yaml.")
        return
    if tables["claims"].empty:
        st.info("No claims match these filters.")
        return
    st.caption("How the topic rules in config.yaml place claims: hits per term, overlaps between topics, and the "
               "claims no rule caught. The sidebar's topic filter does not apply here.")
    rules = {t.id: t for t in config.topics} if config else {}
    if config is None:
        st.warning("The config does not load, so the rules cannot be listed; the matched terms below come "
                   "from the last build.")
    _placements(scope, topics)
    # One section at a time (the uncaught claims' phrases read every claim's words): all at once took seconds.
    state.open_tab_only(state.TOPICS_PART, [
        ("Rules and their hits", partial(_rules, scope, topics, rules)),
        ("Claims in several topics", partial(_multi_topic, scope, topics)),
        ("Claims no topic caught", lambda: _uncaught(scope.with_terms(terms()))),
        ("Site furniture dropped", partial(_furniture, report))])


def _placements(scope: cached.Scope, topics: pd.DataFrame) -> None:
    """Direct and context placements per topic: a topic carried by context is one whose terms miss how its
    articles talk about it, or whose cues reach too far."""
    st.subheader("Placements: direct and by context")
    counts = scope.aggregate(diagnostics.placement_counts, tuple(topics["topic"]))
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    st.dataframe(counts.assign(topic=counts["topic"].map(labels)), hide_index=True,
                 column_config={"direct": st.column_config.NumberColumn("direct", help="Placed by the claim's own "
                                                                        "words: a rule of the topic matched it."),
                                "context": st.column_config.NumberColumn("by context", help="Placed by the "
                                                                         "sentences around it: a cue or a "
                                                                         "continuation near a direct match.")})


def _rules(scope: cached.Scope, topics: pd.DataFrame, rules: Mapping[str, Topic]) -> None:
    """A tab per topic with its rules and their hits, the open one drawn. Not in the address: labels can repeat."""
    state.open_tab_only(state.RULES_TOPIC, [
        (str(label), partial(_topic_rules, scope, str(topic), str(label), rules.get(str(topic))))
        for topic, label in zip(topics["topic"], topics["label"], strict=True)], in_address=False)


def _topic_rules(scope: cached.Scope, topic: str, label: str, configured: Topic | None) -> None:
    """One topic's terms with their hits; the terms that never matched are named, they may be dead weight."""
    hits = scope.aggregate(diagnostics.term_hits, topic)
    placed = scope.tables["claim_topics"]["topic"].eq(topic).sum()
    by_context = scope.aggregate(diagnostics.context_placements, topic)
    st.caption(f"{placed} claims placed in {label}, {len(by_context)} of them by context.")
    if configured is None:
        st.dataframe(hits.rename(columns={"term": "matched wording"}), hide_index=True, width="stretch")
        return
    table = _rule_hits(configured.model_dump_json(include={"rules"}), configured, hits)
    st.dataframe(table, hide_index=True, width="stretch", height=min(400, 36 + 35 * len(table)),
                 column_config={"rule": st.column_config.TextColumn("rule", width="small"),
                                "term": st.column_config.TextColumn("term or pattern", width="medium"),
                                "claims": st.column_config.NumberColumn("claims placed",
                                                                        help="Claims whose evidence holds it.")})
    unused = table.loc[table["claims"] == 0, "term"]
    if not unused.empty:
        st.caption(f"{len(unused)} of {len(table)} terms matched no claim: {', '.join(unused)}.")
    if configured.exclude:
        vetoes = [term for r in configured.exclude for _, term in r.listed_terms()]
        st.caption(f"Never evidence for {label} (exclude): {', '.join(vetoes)}.")
    _context_claims(scope, by_context)


# Compiling a topic's few hundred terms to match them against the wordings costs a tenth of a second a topic,
# on every rerun: the table is kept per topic's rules (as JSON) and hits.
@st.cache_data(max_entries=64, show_spinner=False)
def _rule_hits(rules: str, _topic: Topic, hits: pd.DataFrame) -> pd.DataFrame:
    del rules  # keys the cache
    return diagnostics.rule_hits(_topic.rules, hits)


def _context_claims(scope: cached.Scope, by_context: pd.DataFrame) -> None:
    """The claims that joined the topic by context and what established it, to check the cues and scopes."""
    if by_context.empty:
        return
    st.caption("Placed by context: the sentence that established the topic, and the cue words that let the claim "
               "join it (none for a sentence that continues the one before).")
    shown = by_context.head(MAX_ROWS)
    rows = shown.assign(article=shown["article_id"].map(article_titles(scope.tables["articles"])))
    rows = rows[["text", "context", "evidence", "article"]]
    _capped_table(rows.rename(columns={"context": "established by", "evidence": "cue"}), "context placements",
                  total=len(by_context))


def _multi_topic(scope: cached.Scope, topics: pd.DataFrame) -> None:
    """Claims placed in several topics: overlaps that may be right, or rules that are too broad."""
    multi = scope.aggregate(diagnostics.multi_topic_claims)
    if multi.empty:
        st.html(markup.empty_note("No claim is placed in more than one topic."))
        return
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    shown = multi.head(MAX_ROWS)
    shown = shown.assign(topics=[", ".join(labels.get(t, t) for t in ids.split(", ")) for ids in shown["topics"]])
    _capped_table(shown[["text", "topics"]], "claims", total=len(multi))


def _uncaught(scope: cached.Scope) -> None:
    """Claims no topic caught, and the words they share: candidates for new terms or new topics."""
    tables = scope.tables
    missed, phrases = scope.aggregate(diagnostics.uncaught_claims, top_phrases=TOP_PHRASES)
    total = len(tables["claims"])
    if missed.empty:
        st.html(markup.empty_note("Every claim is placed in at least one topic."))
        return
    st.caption(f"{len(missed):,} of {total:,} claims ({len(missed) / total:.0%}) fall in no topic.")
    left, right = st.columns([1, 2])
    with left:
        st.caption("Their most frequent words and phrases: candidates for a rule's terms.")
        st.dataframe(phrases, hide_index=True, width="stretch",
                     column_config={"phrase": st.column_config.TextColumn("word or phrase"),
                                    "count": st.column_config.NumberColumn("times")})
    with right:
        shown = missed.head(MAX_ROWS)
        rows = shown.assign(article=shown["article_id"].map(article_titles(tables["articles"])))[["text", "article"]]
        _capped_table(rows, "uncaught claims", total=len(missed))


def _furniture(report: Mapping[str, Any] | None) -> None:
    """What the last build dropped from the bodies as site furniture, by reason (the whole corpus)."""
    counts = diagnostics.furniture_counts(report)
    if counts.empty:
        st.html(markup.empty_note("The last build dropped no site furniture."))
        return
    st.caption("Lines and paragraphs the last build removed from the article bodies, by reason, over the whole "
               "corpus (the sidebar's filters do not apply). The Article view's *Show dropped text* lists an "
               "article's.")
    st.dataframe(counts, hide_index=True, column_config={
        "dropped": st.column_config.NumberColumn("dropped", help="Paragraphs or lines set aside for this reason.")})


def _capped_table(rows: pd.DataFrame, what: str, *, total: int | None = None) -> None:
    """A table of at most ``MAX_ROWS`` rows, saying how many more there are (``total``, when ``rows`` is
    already cut to the first ones)."""
    total = len(rows) if total is None else total
    st.dataframe(rows.head(MAX_ROWS), hide_index=True, width="stretch",
                 column_config={"text": st.column_config.TextColumn("claim", width="large", pinned=True)})
    if total > MAX_ROWS:
        st.caption(f"Showing {MAX_ROWS} of {total:,} {what}; narrow them with the sidebar filters.")
