"""Overview view: headline numbers, then a tab each for the topic x group heatmap (click opens Compare), each
group's dominant own position per topic with reported stances marked apart, blind spots, and claims per article."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

import cached
import markup
import state
from perspectives.measures import overview
from perspectives.present import charts

ROWS, COLUMNS = 25, 20
MAX_ARTICLES = 40
MAX_BLIND_SPOTS = 60


def render(scope: cached.Scope, topics: pd.DataFrame, positions: pd.DataFrame, group: state.Grouping) -> None:
    """Draw the Overview view for the filtered tables; ``positions`` holds the position styles."""
    counts = scope.aggregate(overview.headline)
    for column, (name, value) in zip(st.columns(len(counts)), counts.items(), strict=True):
        column.metric(name.capitalize(), f"{value:,}")
    coverage = scope.aggregate(overview.coverage, topics, by=group.by)
    if coverage.empty or scope.tables["claim_topics"].empty:
        st.info("No claims match these filters.")
        return
    groups, shown_topics = _limits_ui(coverage, group)
    # One tab at a time: each is a pass over every placed claim, and all four at once took most of a second.
    state.open_tab_only(state.OVERVIEW_PART, [
        ("Coverage", partial(_heatmap, coverage, topics, groups, shown_topics, group)),
        ("Positions", partial(_positions, scope, topics, positions, groups, shown_topics, group)),
        ("Blind spots", partial(_blind_spots, scope, topics, groups, group)),
        ("Claims per article", partial(_per_article, scope, topics))])


def _heatmap(coverage: pd.DataFrame, topics: pd.DataFrame, groups: list[str], shown_topics: list[str],
             group: state.Grouping) -> None:
    """The topic x group heatmap of the shown rows and columns; a click opens Compare there."""
    labels = [label for topic, label in zip(topics["topic"], topics["label"], strict=True) if topic in shown_topics]
    chart = charts.coverage_heatmap(coverage[coverage["group"].isin(groups) & coverage["topic"].isin(shown_topics)],
                                    labels, group_title=group.title)
    st.altair_chart(chart, key=state.HEATMAP, on_select=_open_compare, selection_mode=charts.HEATMAP_SELECTION,
                    width="stretch")
    st.caption(f"Click a cell to open Compare on that topic, with that {group.noun} first. Hover a cell for the full "
               "names when a label is cut short.")


def _per_article(scope: cached.Scope, topics: pd.DataFrame) -> None:
    """Claims per topic of the articles with most placed claims."""
    counts_per_article = scope.aggregate(overview.topics_per_article, topics)
    top = counts_per_article.groupby("article_id")["claims"].sum().nlargest(MAX_ARTICLES).index
    st.altair_chart(charts.topic_bars(counts_per_article[counts_per_article["article_id"].isin(top)], topics),
                    width="stretch")
    if counts_per_article["article_id"].nunique() > len(top):
        st.caption(f"The {len(top)} articles with most placed claims; "
                   f"{counts_per_article['article_id'].nunique() - len(top)} more are not shown.")


def _limits_ui(coverage: pd.DataFrame, group: state.Grouping) -> tuple[list[str], list[str]]:
    """How many rows (groups) and columns (topics) the matrices show, most claims first, with the hidden
    counts said; every shown row and column is labelled."""
    n_groups, n_topics = coverage["group"].nunique(), coverage["topic"].nunique()
    left, right, note = st.columns([1, 1, 2], vertical_alignment="bottom")
    rows = left.number_input(f"{group.nouns.capitalize()} shown", min_value=1, max_value=max(n_groups, 1),
                             value=min(ROWS, n_groups), step=5, key=state.HEATMAP_ROWS, bind="query-params")
    columns = right.number_input("Topics shown", min_value=1, max_value=max(n_topics, 1),
                                 value=min(COLUMNS, n_topics), step=5, key=state.HEATMAP_COLUMNS, bind="query-params")
    hidden = [f"{n_groups - rows} {group.nouns}" if n_groups > rows else "",
              f"{n_topics - columns} topics" if n_topics > columns else ""]
    note.caption(("Most claims first; hidden: " + " and ".join(h for h in hidden if h) + ".") if any(hidden)
                 else f"Showing all {n_groups} {group.nouns} and {n_topics} topics.")
    return overview.top_groups(coverage, int(rows)), overview.top_topics(coverage, int(columns))


def _positions(scope: cached.Scope, topics: pd.DataFrame, positions: pd.DataFrame, groups: list[str],
               shown_topics: list[str], group: state.Grouping) -> None:
    """Each group's dominant own position on each topic it covers, coloured like the claim chips, with the
    stances it only reports marked apart."""
    if positions.empty:
        st.caption("The config names no positions on any topic, so no positions chart; see the README on adding one.")
        return
    dominant = scope.aggregate(overview.dominant_positions, topics, by=group.by)
    dominant = dominant[dominant["group"].isin(groups) & dominant["topic"].isin(shown_topics)]
    if dominant.empty:
        st.html(markup.empty_note("No claims on a topic with positions match these filters."))
        return
    labels = [label for topic, label in zip(topics["topic"], topics["label"], strict=True) if topic in shown_topics]
    st.altair_chart(charts.positions_chart(dominant, labels, positions, group_title=group.title), width="stretch")
    st.caption(f"Each cell is the {group.noun}'s own position; *+N reported* marks stances its articles quote or "
               "report, which are their speakers' (hover for who). Blank cells: the topic is never covered.")


def _blind_spots(scope: cached.Scope, topics: pd.DataFrame, groups: list[str], group: state.Grouping) -> None:
    """Topics a group never covers, or covers citing no source: silences are findings too."""
    spots = scope.aggregate(overview.blind_spots, list(topics["topic"]), by=group.by)
    spots = spots[spots["group"].isin(groups)]
    if spots.empty:
        st.html(markup.empty_note(f"Every {group.noun} covers every topic and cites a source on each."))
        return
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    shown = spots.assign(topic=spots["topic"].map(labels)).head(MAX_BLIND_SPOTS).rename(columns={"group": group.noun})
    st.caption(f"Topics {_a(group.noun)} never covers, or covers citing no source.")
    st.dataframe(shown, hide_index=True, width="stretch")
    if len(spots) > len(shown):
        st.caption(f"{len(spots) - len(shown)} more blind spots not shown; narrow them with the sidebar's filters.")


def _a(noun: str) -> str:
    """The noun with its indefinite article: "an outlet", "a leaning"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _open_compare() -> None:
    """Heatmap click: switch to Compare on the clicked topic with the clicked group first."""
    cells = st.session_state[state.HEATMAP]["selection"].get(charts.HEATMAP_SELECTION) or []
    if cells:
        state.open_compare(cells[0]["topic"], cells[0]["group"])
