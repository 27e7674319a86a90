"""Compare view: one topic, one column per author (or article), each author's claims in article order."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import cached
import markup
from perspectives.measures import selection as analysis

TOPIC, BY_ARTICLE, FOCUS = "topic", "by_article", "focus"
COLUMNS_PER_ROW = 3
MAX_GROUPS = 12
MAX_CLAIMS = 150
SCROLL_AFTER = 5
SCROLL_HEIGHT = 560


def compare_ui(topics: pd.DataFrame, selection: analysis.Selection) -> tuple[str, bool]:
    """The topic picker (limited to the topic filter, if any) and the per-article toggle."""
    options = list(selection.topics) or list(topics["topic"])
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    topic = left.selectbox("Topic", options, key=TOPIC, format_func=lambda t: labels.get(t, t),
                           bind="query-params")
    by_article = right.toggle("One column per article", key=BY_ARTICLE, bind="query-params",
                              help="Split an author's articles into separate columns.")
    return topic, by_article


def render(scope: cached.Scope, topics: pd.DataFrame, selection: analysis.Selection,
           positions: pd.DataFrame) -> None:
    """Draw the Compare view for the filtered tables; ``positions`` styles the position chips."""
    if topics.empty:
        st.info("The config defines no topics yet; add some under `topics:` in config.yaml.")
        return
    topic, by_article = compare_ui(topics, selection)
    style = topics.set_index("topic").loc[topic]
    headers = scope.aggregate(analysis.compare_headers, topic, by_article=by_article)
    if headers.empty:
        st.info("No articles match these filters.")
        return
    st.caption("Plain cards are the author's own assertions; shaded, italic cards tagged *reported* quote or "
               "report someone else. Bold chips name the position a claim takes on the topic, the others the "
               "sources it cites.")
    headers = _focus_first(headers, st.session_state.get(FOCUS), by_article=by_article)
    shown = headers.head(MAX_GROUPS)
    claims = scope.aggregate(analysis.compare_claims, topic, by_article=by_article, groups=tuple(shown["group"]),
                             per_group=MAX_CLAIMS)
    if len(headers) > len(shown):
        st.caption(f"Showing {len(shown)} of {len(headers)} {'articles' if by_article else 'authors'}, "
                   f"most claims on {style['label']} first; {len(headers) - len(shown)} more are hidden. "
                   "Narrow them with the Authors or Articles filter.")
    for start in range(0, len(shown), COLUMNS_PER_ROW):
        row = shown.iloc[start:start + COLUMNS_PER_ROW]
        # Bordered containers, not bordered columns, so a short last row leaves no empty frames.
        for column, group in zip(st.columns(COLUMNS_PER_ROW), row.itertuples(index=False), strict=False):
            with column.container(border=True):
                _group_column(group, claims[claims["group"] == group.group], topic, style, positions,
                              focused=group.group in _focus_groups(row, by_article), by_article=by_article)


def _group_column(group: tuple, claims: pd.DataFrame, topic: str, style: pd.Series, positions: pd.DataFrame, *,
                  focused: bool, by_article: bool) -> None:
    """One author's (or article's) column: header with count and share, then the claims or an empty note."""
    label, color = str(style["label"]), str(style["color"])
    st.html(markup.column_header(group.heading, group.subheading, int(group.claims), float(group.share),
                                 topic_label=label, focused=focused))
    if claims.empty:
        st.html(markup.empty_note(f"No claims on {label}"))
        return
    box = st.container(height=SCROLL_HEIGHT if len(claims) > SCROLL_AFTER else "content", border=False)
    box.html(markup.claim_cards(claims, color=color, show_article=not by_article, topic=topic, positions=positions))
    # ``claims`` holds at most MAX_CLAIMS of the group's claims; the header counts them all.
    if int(group.claims) > len(claims):
        st.caption(f"{int(group.claims) - len(claims)} more claims not shown; see the Claims view.")


def _focus_first(headers: pd.DataFrame, focus: str | None, *, by_article: bool) -> pd.DataFrame:
    """Headers with the author picked in the Overview heatmap moved to the front."""
    if not focus:
        return headers
    author = headers["subheading"] if by_article else headers["heading"]
    return pd.concat([headers[author == focus], headers[author != focus]], ignore_index=True)


def _focus_groups(headers: pd.DataFrame, by_article: bool) -> set[str]:
    focus = st.session_state.get(FOCUS)
    author = headers["subheading"] if by_article else headers["heading"]
    return set(headers.loc[author == focus, "group"]) if focus else set()
