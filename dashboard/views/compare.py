"""Compare view: one topic, one column per author (or article), each author's claims in article order."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import cached
import markup
import state
from perspectives.measures import compare
from perspectives.measures.selection import Selection

COLUMNS_PER_ROW = 3
MAX_GROUPS = 12
MAX_CLAIMS = 150
SCROLL_AFTER = 5
SCROLL_HEIGHT = 560


def render(scope: cached.Scope, topics: pd.DataFrame, selection: Selection,
           positions: pd.DataFrame) -> None:
    """Draw the Compare view for the filtered tables; ``positions`` styles the position chips."""
    picked = state.topic_picker(topics, selection)
    if picked is None:
        return
    topic, by_article = picked
    style = topics.set_index("topic").loc[topic]
    headers = scope.aggregate(compare.compare_headers, topic, by_article=by_article)
    if headers.empty:
        st.info("No articles match these filters.")
        return
    st.caption("Plain cards are the author's own assertions; shaded, italic cards tagged *reported* quote or "
               "report someone else. Bold chips name the position a claim takes on the topic, the others the "
               "sources it cites; a dashed *context* chip marks a claim whose own words do not name the topic, "
               "and says what nearby did.")
    headers = _focus_first(headers, st.session_state.get(state.FOCUS), by_article=by_article)
    shown = headers.head(MAX_GROUPS)
    claims = scope.aggregate(compare.compare_claims, topic, by_article=by_article, groups=tuple(shown["group"]),
                             per_group=MAX_CLAIMS)
    if len(headers) > len(shown):
        st.caption(f"Showing {len(shown)} of {len(headers)} {'articles' if by_article else 'authors'}, "
                   f"most claims on {style['label']} first; {len(headers) - len(shown)} more are hidden. "
                   "Narrow them with the Authors or Articles filter.")
    for start in range(0, len(shown), COLUMNS_PER_ROW):
        row = shown.iloc[start:start + COLUMNS_PER_ROW]
        # Bordered containers, not bordered columns, so a short last row leaves no empty frames.
        for column, (_, group) in zip(st.columns(COLUMNS_PER_ROW), row.iterrows(), strict=False):
            with column.container(border=True):
                _group_column(group, claims[claims["group"] == group["group"]], topic, style, positions,
                              focused=group["group"] in _focus_groups(row, by_article), by_article=by_article)


def _group_column(group: pd.Series, claims: pd.DataFrame, topic: str, style: pd.Series, positions: pd.DataFrame, *,
                  focused: bool, by_article: bool) -> None:
    """One author's (or article's) column: header with count and share, then the claims or an empty note."""
    label, color = str(style["label"]), str(style["color"])
    total = int(group["claims"])
    st.html(markup.column_header(str(group["heading"]), str(group["subheading"]), total, float(group["share"]),
                                 topic_label=label, focused=focused))
    if claims.empty:
        st.html(markup.empty_note(f"No claims on {label}"))
        return
    box = st.container(height=SCROLL_HEIGHT if len(claims) > SCROLL_AFTER else "content", border=False)
    box.html(markup.claim_cards(claims, color=color, show_article=not by_article, topic=topic, positions=positions))
    # ``claims`` holds at most MAX_CLAIMS of the group's claims; the header counts them all.
    if total > len(claims):
        st.caption(f"{total - len(claims)} more claims not shown; see the Claims view.")


def _focus_first(headers: pd.DataFrame, focus: str | None, *, by_article: bool) -> pd.DataFrame:
    """Headers with the author picked in the Overview heatmap moved to the front."""
    if not focus:
        return headers
    author = headers["subheading"] if by_article else headers["heading"]
    return pd.concat([headers[author == focus], headers[author != focus]], ignore_index=True)


def _focus_groups(headers: pd.DataFrame, by_article: bool) -> set[str]:
    focus = st.session_state.get(state.FOCUS)
    author = headers["subheading"] if by_article else headers["heading"]
    return set(headers.loc[author == focus, "group"]) if focus else set()
