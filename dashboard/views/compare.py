"""Compare view: one topic, one column per group (author, outlet, article or a field's value), each group's claims
in article order, the columns in one row that scrolls sideways."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import cached
import markup
import state
from perspectives.measures import compare
from perspectives.measures.selection import Selection

MAX_GROUPS = 8
MAX_CLAIMS = 150
SCROLL_AFTER = 5
SCROLL_HEIGHT = 560
ROW = "compare_row"


def render(scope: cached.Scope, topics: pd.DataFrame, selection: Selection, positions: pd.DataFrame,
           group: state.Grouping) -> None:
    """Draw the Compare view for the filtered tables; ``positions`` styles the position chips."""
    topic = state.topic_picker(topics, selection)
    if topic is None:
        return
    style = topics.set_index("topic").loc[topic]
    headers = scope.aggregate(compare.compare_headers, topic, by=group.by)
    if headers.empty:
        st.info("No articles match these filters.")
        return
    headers = _focus_first(headers, st.session_state.get(state.FOCUS))
    chosen = state.group_chooser(list(headers["group"]), noun=group.nouns, limit=MAX_GROUPS)
    shown = headers.set_index("group").loc[chosen].reset_index()
    st.caption(f"One column per {group.noun}; the row scrolls sideways when they do not fit. Plain cards are the "
               f"{group.noun}'s own assertions; shaded, italic cards tagged *reported* quote or report someone "
               "else, named on the tag (a position chip on such a card is that speaker's stance). Bold chips name "
               "the position a claim takes on the topic, swatched chips the other topics it is in, the others the "
               "sources it cites; a dashed *context* chip marks a claim whose own words do not name the topic.")
    if len(headers) > len(shown):
        st.caption(f"Showing {len(shown)} of {len(headers)} {group.nouns}, most claims on {style['label']} first; "
                   f"{len(headers) - len(shown)} more are hidden: pick others above, or narrow them with the "
                   "sidebar's filters.")
    claims = scope.aggregate(compare.compare_claims, topic, by=group.by, groups=tuple(shown["group"]),
                             per_group=MAX_CLAIMS)
    focus = st.session_state.get(state.FOCUS)
    with st.container(key=ROW):
        # Bordered containers in columns of a fixed width: one row, however many groups (see markup.CSS).
        for column, (_, row) in zip(st.columns(len(shown)), shown.iterrows(), strict=True):
            with column.container(border=True):
                _group_column(row, claims[claims["group"] == row["group"]], topic, style, positions, topics,
                              focused=row["group"] == focus, show_article=group.by != "article")


def _group_column(group: pd.Series, claims: pd.DataFrame, topic: str, style: pd.Series, positions: pd.DataFrame,
                  topics: pd.DataFrame, *, focused: bool, show_article: bool) -> None:
    """One group's column: header with count and share, then the claims or an empty note."""
    label, color = str(style["label"]), str(style["color"])
    total = int(group["claims"])
    st.html(markup.column_header(str(group["heading"]), str(group["subheading"]), total, float(group["share"]),
                                 topic_label=label, focused=focused))
    if claims.empty:
        st.html(markup.empty_note(f"No claims on {label}"))
        return
    box = st.container(height=SCROLL_HEIGHT if len(claims) > SCROLL_AFTER else "content", border=False)
    box.html(markup.claim_cards(claims, color=color, show_article=show_article, topic=topic, positions=positions,
                                topic_styles=topics))
    # ``claims`` holds at most MAX_CLAIMS of the group's claims; the header counts them all.
    if total > len(claims):
        st.caption(f"{total - len(claims)} more claims not shown; see the Claims view.")


def _focus_first(headers: pd.DataFrame, focus: str | None) -> pd.DataFrame:
    """Headers with the group picked in the Overview heatmap moved to the front."""
    if not focus:
        return headers
    return pd.concat([headers[headers["group"] == focus], headers[headers["group"] != focus]], ignore_index=True)
