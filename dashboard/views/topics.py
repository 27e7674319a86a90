"""Topics view: rule diagnostics, so a user improving config.yaml sees where the rules are blind.

Each topic's rules with how many claims each term placed, the claims several topics share, and the
claims no topic caught with their most frequent words and phrases.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import cached
import markup
from perspectives.config import Config, Topic
from perspectives.measures import diagnostics

MAX_ROWS = 200
TOP_PHRASES = 25


def render(scope: cached.Scope, topics: pd.DataFrame, config: Config | None) -> None:
    """Draw the rule diagnostics for the tables (all topics, whatever the topic filter)."""
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
    st.subheader("Rules and their hits")
    for tab, (topic, label) in zip(st.tabs(list(topics["label"])), zip(topics["topic"], topics["label"], strict=True),
                                   strict=True):
        with tab:
            _topic_rules(scope, str(topic), str(label), rules.get(str(topic)))
    _multi_topic(scope, topics)
    _uncaught(scope)


def _topic_rules(scope: cached.Scope, topic: str, label: str, configured: Topic | None) -> None:
    """One topic's terms with their hits; the terms that never matched are named, they may be dead weight."""
    hits = scope.aggregate(diagnostics.term_hits, topic)
    placed = scope.tables["claim_topics"]["topic"].eq(topic).sum()
    st.caption(f"{placed} claims placed in {label}.")
    if configured is None:
        st.dataframe(hits.rename(columns={"term": "matched wording"}), hide_index=True, width="stretch")
        return
    table = diagnostics.rule_hits(configured.rules, hits)
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


def _multi_topic(scope: cached.Scope, topics: pd.DataFrame) -> None:
    """Claims placed in several topics: overlaps that may be right, or rules that are too broad."""
    st.subheader("Claims in several topics")
    multi = scope.aggregate(diagnostics.multi_topic_claims)
    if multi.empty:
        st.html(markup.empty_note("No claim is placed in more than one topic."))
        return
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    shown = multi.head(MAX_ROWS)
    shown = shown.assign(topics=[", ".join(labels.get(t, t) for t in ids.split(", ")) for ids in shown["topics"]])
    _capped_table(shown[["topics", "text"]], "claims", total=len(multi))


def _uncaught(scope: cached.Scope) -> None:
    """Claims no topic caught, and the words they share: candidates for new terms or new topics."""
    st.subheader("Claims no topic caught")
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
        titles = dict(zip(tables["articles"]["article_id"], tables["articles"]["display_title"], strict=True))
        shown = missed.head(MAX_ROWS)
        rows = shown.assign(article=shown["article_id"].map(titles))[["article", "text"]]
        _capped_table(rows, "uncaught claims", total=len(missed))


def _capped_table(rows: pd.DataFrame, what: str, *, total: int | None = None) -> None:
    """A table of at most ``MAX_ROWS`` rows, saying how many more there are (``total``, when ``rows`` is
    already cut to the first ones)."""
    total = len(rows) if total is None else total
    st.dataframe(rows.head(MAX_ROWS), hide_index=True, width="stretch",
                 column_config={"text": st.column_config.TextColumn("claim", width="large")})
    if total > MAX_ROWS:
        st.caption(f"Showing {MAX_ROWS} of {total:,} {what}; narrow them with the sidebar filters.")
