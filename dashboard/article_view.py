"""Article view: one article as a reader sees it, claims highlighted in topic colours, citations marked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import markup
from perspectives import analysis, charts

ARTICLE = "article"


def render(tables: analysis.Tables, topics: pd.DataFrame, positions: pd.DataFrame) -> None:
    """Draw the Article view for one article of the filtered set; ``positions`` styles the position chips."""
    articles = tables["articles"]
    if articles.empty:
        st.info("No articles match these filters.")
        return
    titles = dict(zip(articles["article_id"], articles["author_label"] + " — " + articles["display_title"],
                      strict=True))
    article_id = st.selectbox("Article", list(titles), key=ARTICLE, format_func=titles.__getitem__,
                              bind="query-params")
    article = articles.set_index("article_id").loc[article_id]
    text_col, side_col = st.columns([3, 1])
    with side_col:
        st.html(markup.metadata_table({
            "Author": article["author_label"], "Date": article["date"], "Outlet": article["outlet"],
            "Original publisher": article["original_publisher"], "File": article["path"],
            "Claims": str(article["n_claims"]), "Words": str(article["n_words"]),
        }, article["url"]))
        profile = analysis.topic_profile(tables, article_id, topics)
        if profile.empty:
            st.caption("No claims of this article fall in a topic (with these filters).")
        else:
            st.altair_chart(charts.profile_bars(profile, topics), width="stretch")
    with text_col:
        st.html(markup.heading(str(article["display_title"])))
        st.html(markup.topic_legend(topics))
        claims = tables["claims"][tables["claims"]["article_id"] == article_id]
        citations = tables["citations"][tables["citations"]["article_id"] == article_id]
        segments = analysis.article_segments(str(article["body"] or ""), claims, tables["claim_topics"],
                                             citations, list(topics["topic"]))
        colors = dict(zip(topics["topic"], topics["color"], strict=True))
        labels = dict(zip(topics["topic"], topics["label"], strict=True))
        st.html(markup.article_text(segments, colors, labels, positions))
