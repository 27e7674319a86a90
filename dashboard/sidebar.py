"""Sidebar: what to compare by, and the filters every view applies, all in the page's address so a view can be
shared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

import state
from perspectives.measures.groups import ARTICLE, AUTHOR, OUTLET, group_column
from perspectives.measures.selection import SOURCE_TYPES, Selection, Tables, article_titles, date_bounds


def group_ui(fields: Mapping[str, str]) -> str:
    """The "Compare by" choice: author, outlet, article, or a declared field (``fields`` maps ids to labels)."""
    with st.sidebar:
        return state.group_picker({AUTHOR: "Author", OUTLET: "Outlet", ARTICLE: "Article", **fields})


def filters_ui(tables: Tables, topics: pd.DataFrame, fields: Mapping[str, str]) -> Selection:
    """Draw the sidebar filters (one per declared field among them) and return the selection they describe."""
    articles = tables["articles"]
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    titles = article_titles(articles)
    bounds = date_bounds(articles)
    with st.sidebar:
        st.header("Filters")
        chosen_topics = state.choose_many(state.TOPICS, labels, what="topics", label="Topics",
                                          placeholder="All topics")
        authors = st.multiselect("Authors", sorted(articles["author_label"].unique()), key=state.AUTHORS,
                                 bind="query-params", placeholder="All authors")
        outlets = st.multiselect("Outlets", sorted(articles["outlet_label"].unique()), key=state.OUTLETS,
                                 bind="query-params", placeholder="All outlets")
        chosen_fields = tuple((fid, tuple(st.multiselect(
            label, sorted(articles[group_column(fid)].dropna().unique()), key=state.field_key(fid),
            bind="query-params", placeholder=f"Any {label.lower()}"))) for fid, label in fields.items())
        chosen_articles = state.choose_many(state.ARTICLES, titles, what="articles", label="Articles",
                                            placeholder="All articles")
        types = st.multiselect("Source types", list(SOURCE_TYPES), key=state.TYPES, bind="query-params",
                               placeholder="All source types",
                               help="Keep claims citing a source of these types.")
        date_from, date_to = _dates_ui(bounds)
        text = st.text_input("Search claims", key=state.TEXT, bind="query-params", placeholder="word or phrase")
        st.button("Reset filters", key=state.RESET, on_click=_reset, args=(bounds, tuple(fields)), width="stretch")
    return Selection(tuple(chosen_topics), tuple(authors), tuple(chosen_articles), tuple(types),
                     date_from, date_to, text, tuple(outlets), tuple(f for f in chosen_fields if f[1]))


def _dates_ui(bounds: tuple[dt.date, dt.date] | None) -> tuple[dt.date | None, dt.date | None]:
    """A publication date range; the full range means no date filter, so undated articles stay."""
    if bounds is None:
        return None, None
    # A range left at "everything" must grow when a rebuild brings older or newer articles.
    previous = st.session_state.get(state.DATE_BOUNDS)
    if previous and previous != bounds and tuple(st.session_state.get(state.DATES, ())) == previous:
        del st.session_state[state.DATES]
    st.session_state[state.DATE_BOUNDS] = bounds
    value: Any = st.date_input("Published between", value=bounds, min_value=bounds[0], max_value=bounds[1],
                               key=state.DATES, bind="query-params", format="YYYY-MM-DD")
    # While the user has picked only the first day of a range, the widget returns one date.
    picked = tuple(value) if isinstance(value, tuple | list) else (value,)
    start = picked[0] if picked else None
    end = picked[1] if len(picked) > 1 else None
    return (start if start and start > bounds[0] else None, end if end and end < bounds[1] else None)


def _reset(bounds: tuple[dt.date, dt.date] | None, fields: tuple[str, ...]) -> None:
    """Put every filter back to 'everything'; runs as a callback, before the widgets are drawn."""
    for key in (*state.MULTI_KEYS, *map(state.field_key, fields)):
        st.session_state[key] = []
    st.session_state[state.TEXT] = ""
    st.session_state.pop(state.FOCUS, None)
    # Deleting (not setting) the date key lets the widget fall back to its full-range default without
    # Streamlit's "default value and Session State both set" warning.
    if bounds is not None and state.DATES in st.session_state:
        del st.session_state[state.DATES]
