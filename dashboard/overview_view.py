"""Overview view: headline numbers, the topic x author heatmap (click opens Compare), claims per article."""

from __future__ import annotations

import compare_view
import pandas as pd
import streamlit as st

from perspectives import analysis, charts

HEATMAP = "heatmap"
VIEW = "view"
MAX_AUTHORS = 40
MAX_ARTICLES = 40


def render(tables: analysis.Tables, topics: pd.DataFrame) -> None:
    """Draw the Overview view for the filtered tables."""
    for column, (name, value) in zip(st.columns(4), analysis.headline(tables).items(), strict=True):
        column.metric(name.capitalize(), f"{value:,}")
    coverage = analysis.coverage(tables, topics)
    if coverage.empty or tables["claim_topics"].empty:
        st.info("No claims match these filters.")
        return
    authors = analysis.top_authors(coverage, MAX_AUTHORS)
    chart = charts.coverage_heatmap(coverage[coverage["author"].isin(authors)], list(topics["label"]))
    st.altair_chart(chart, key=HEATMAP, on_select=_open_compare, selection_mode=charts.HEATMAP_SELECTION,
                    width="stretch")
    hidden = coverage["author"].nunique() - len(authors)
    st.caption("Click a cell to open Compare on that topic, with that author first."
               + (f" {hidden} authors with fewer claims are not shown." if hidden > 0 else ""))
    counts = analysis.topics_per_article(tables, topics)
    top = counts.groupby("article_id")["claims"].sum().nlargest(MAX_ARTICLES).index
    st.altair_chart(charts.topic_bars(counts[counts["article_id"].isin(top)], topics), width="stretch")
    if counts["article_id"].nunique() > len(top):
        st.caption(f"The {len(top)} articles with most placed claims; "
                   f"{counts['article_id'].nunique() - len(top)} more are not shown.")


def _open_compare() -> None:
    """Heatmap click: switch to Compare on the clicked topic with the clicked author first."""
    cells = st.session_state[HEATMAP]["selection"].get(charts.HEATMAP_SELECTION) or []
    if not cells:
        return
    st.session_state[VIEW] = "Compare"
    st.session_state[compare_view.TOPIC] = cells[0]["topic"]
    st.session_state[compare_view.FOCUS] = cells[0]["author"]
