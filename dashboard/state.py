"""State: every session-state and widget key, the topic picker Compare and Contrast share, and navigation.

Widget keys double as query-parameter names (``bind="query-params"``), so they are short and readable and
must not change: a bookmarked or shared address names them. Views draw their widgets with these keys and
switch views through the helpers here, so no view imports another.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from perspectives.measures.selection import Selection

# ── navigation ───────────────────────────────────────────────────────────────
VIEW = "view"
VIEWS = ("Compare", "Contrast", "Overview", "Sources", "Article", "Claims", "Topics")
# ── sidebar filters ──────────────────────────────────────────────────────────
TOPICS, AUTHORS, ARTICLES, TYPES, DATES, TEXT = "topics", "authors", "articles", "types", "dates", "q"
MULTI_KEYS = (TOPICS, AUTHORS, ARTICLES, TYPES)
RESET = "reset"
DATE_BOUNDS = "_date_bounds"
# ── views ────────────────────────────────────────────────────────────────────
TOPIC, BY_ARTICLE, FOCUS = "topic", "by_article", "focus"
HEATMAP = "heatmap"
ARTICLE, ARTICLE_PART, SHOW_DROPPED = "article", "article_part", "dropped"
CLAIMS_PAGE, CLAIMS_DOWNLOAD = "claims_page", "download"
CITATIONS_PAGE = "citations_page"
# ── loading ──────────────────────────────────────────────────────────────────
LAST_GOOD = "_last_good_config"


def briefing_key(fmt: str) -> str:
    """The Contrast view's download button for the briefing in ``fmt``."""
    return f"briefing_{fmt}"


def disagreement_key(index: int) -> str:
    """The bordered box of the Contrast view's ``index``-th disagreement."""
    return f"disagree_{index}"


def closest_key(index: int) -> str:
    """The bordered box of the Contrast view's ``index``-th pair of closest claims."""
    return f"closest_{index}"


def open_article_key(index: int, claim_id: str) -> str:
    """The "Open in its article" button under one claim of a disagreement."""
    return f"open_{index}_{claim_id}"


def topic_picker(topics: pd.DataFrame, selection: Selection) -> tuple[str, bool] | None:
    """The topic picker (limited to the topic filter, if any) and the per-article toggle; None, said on the
    page, when the config defines no topics.

    Compare and Contrast both draw it with the same keys, so switching between them keeps the topic.
    """
    if topics.empty:
        st.info("The config defines no topics yet; add some under `topics:` in config.yaml.")
        return None
    options = list(selection.topics) or list(topics["topic"])
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    topic = left.selectbox("Topic", options, key=TOPIC, format_func=lambda t: labels.get(t, t),
                           bind="query-params")
    by_article = right.toggle("One column per article", key=BY_ARTICLE, bind="query-params",
                              help="Split an author's articles into separate columns.")
    return topic, by_article


def open_compare(topic: str, author: str) -> None:
    """Switch to Compare on ``topic`` with ``author`` first (call from a widget callback)."""
    st.session_state[VIEW] = "Compare"
    st.session_state[TOPIC] = topic
    st.session_state[FOCUS] = author


def open_article(article_id: str) -> None:
    """Switch to the Article view on ``article_id`` (call from a widget callback)."""
    st.session_state[VIEW] = "Article"
    st.session_state[ARTICLE] = article_id
