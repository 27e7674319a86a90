"""Overview view: headline numbers, the topic x author heatmap (click opens Compare), each author's dominant
position per topic, blind spots, claims per article."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import cached
import markup
import state
from perspectives.measures import overview
from perspectives.present import charts

MAX_AUTHORS = 40
MAX_ARTICLES = 40
MAX_BLIND_SPOTS = 60


def render(scope: cached.Scope, topics: pd.DataFrame, positions: pd.DataFrame) -> None:
    """Draw the Overview view for the filtered tables; ``positions`` holds the position styles."""
    for column, (name, value) in zip(st.columns(4), scope.aggregate(overview.headline).items(), strict=True):
        column.metric(name.capitalize(), f"{value:,}")
    coverage = scope.aggregate(overview.coverage, topics)
    if coverage.empty or scope.tables["claim_topics"].empty:
        st.info("No claims match these filters.")
        return
    authors = overview.top_authors(coverage, MAX_AUTHORS)
    chart = charts.coverage_heatmap(coverage[coverage["author"].isin(authors)], list(topics["label"]))
    st.altair_chart(chart, key=state.HEATMAP, on_select=_open_compare, selection_mode=charts.HEATMAP_SELECTION,
                    width="stretch")
    hidden = coverage["author"].nunique() - len(authors)
    st.caption("Click a cell to open Compare on that topic, with that author first."
               + (f" {hidden} authors with fewer claims are not shown." if hidden > 0 else ""))
    _positions(scope, topics, positions, authors)
    _blind_spots(scope, topics, authors)
    counts = scope.aggregate(overview.topics_per_article, topics)
    top = counts.groupby("article_id")["claims"].sum().nlargest(MAX_ARTICLES).index
    st.altair_chart(charts.topic_bars(counts[counts["article_id"].isin(top)], topics), width="stretch")
    if counts["article_id"].nunique() > len(top):
        st.caption(f"The {len(top)} articles with most placed claims; "
                   f"{counts['article_id'].nunique() - len(top)} more are not shown.")


def _positions(scope: cached.Scope, topics: pd.DataFrame, positions: pd.DataFrame, authors: list[str]) -> None:
    """Each author's dominant position on each topic they cover, coloured like the claim chips."""
    if positions.empty:
        st.caption("The config names no positions on any topic, so no positions chart; see the README on adding one.")
        return
    dominant = scope.aggregate(overview.dominant_positions, topics)
    dominant = dominant[dominant["author"].isin(authors)]
    if dominant.empty:
        st.html(markup.empty_note("No claims on a topic with positions match these filters."))
        return
    st.altair_chart(charts.positions_chart(dominant, list(topics["label"]), positions), width="stretch")
    st.caption("Blank cells: the author never covers the topic. Hover a cell for every position taken.")


def _blind_spots(scope: cached.Scope, topics: pd.DataFrame, authors: list[str]) -> None:
    """Topics an author never covers, or covers citing no source: silences are findings too."""
    st.subheader("Blind spots")
    spots = scope.aggregate(overview.blind_spots, list(topics["topic"]))
    spots = spots[spots["author"].isin(authors)]
    if spots.empty:
        st.html(markup.empty_note("Every author covers every topic and cites a source on each."))
        return
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    shown = spots.assign(topic=spots["topic"].map(labels)).head(MAX_BLIND_SPOTS)
    st.caption("Topics an author never covers, or covers citing no source.")
    st.dataframe(shown, hide_index=True, width="stretch")
    if len(spots) > len(shown):
        st.caption(f"{len(spots) - len(shown)} more blind spots not shown; narrow them with the Authors filter.")


def _open_compare() -> None:
    """Heatmap click: switch to Compare on the clicked topic with the clicked author first."""
    cells = st.session_state[state.HEATMAP]["selection"].get(charts.HEATMAP_SELECTION) or []
    if cells:
        state.open_compare(cells[0]["topic"], cells[0]["author"])
