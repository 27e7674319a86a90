"""Sources view: who each group (author, outlet, article or a field's value) cites, by type and country, shared
sources, and every citation."""

from __future__ import annotations

import streamlit as st

import cached
import state
from perspectives.measures import sources
from perspectives.measures.claims import page_count, page_of
from perspectives.measures.selection import Tables
from perspectives.present import charts, styles

SOURCES, MAX_GROUPS = 30, 20
COUNTRIES = 10
PAGE_SIZE = 200
MAX_SHARED = 200


def render(scope: cached.Scope, group: state.Grouping) -> None:
    """Draw the Sources view for the filtered tables."""
    citations = scope.tables["citations"]
    if citations.empty:
        st.info("No citations match these filters.")
        return
    unknown = int((~citations["known"].fillna(False).astype(bool)).sum())
    for column, (name, value) in zip(st.columns(3), [("Citations", len(citations)),
                                                     ("Sources", citations["source"].nunique()),
                                                     ("Unrecognised citations", unknown)], strict=True):
        column.metric(name, f"{value:,}")
    _matrix(scope, group)
    left, right = st.columns(2)
    by_type = scope.aggregate(sources.citations_by, "type_label", by=group.by)
    by_country = scope.aggregate(sources.citations_by, "country_label", by=group.by, top=COUNTRIES)
    left.altair_chart(charts.stacked_citations(by_type, category_title="Source type", group_title=group.title,
                                               colors=styles.SOURCE_TYPE_COLORS), width="stretch")
    right.altair_chart(charts.stacked_citations(by_country, category_title="Country", group_title=group.title),
                       width="stretch")
    st.subheader(f"Sources shared by several {group.nouns}")
    shared = scope.aggregate(sources.shared_sources, by=group.by)
    if shared.empty:
        st.caption(f"No source is cited by more than one {group.noun}.")
    else:
        st.dataframe(shared.head(MAX_SHARED).rename(columns={"groups": group.nouns}), hide_index=True,
                     width="stretch", column_config={"source": st.column_config.TextColumn("source", width="medium"),
                                                     "cited_by": st.column_config.TextColumn("cited by",
                                                                                             width="large")})
        if len(shared) > MAX_SHARED:
            st.caption(f"Showing the {MAX_SHARED} most shared of {len(shared):,} sources.")
    _citation_list(scope.tables)


def _matrix(scope: cached.Scope, group: state.Grouping) -> None:
    """The source x group matrix, a row per source (every one labelled), the most cited first, as many as the
    reader asks for; the hidden sources and groups are counted."""
    matrix = scope.aggregate(sources.source_matrix, by=group.by)
    totals = matrix.groupby("source")["citations"].sum().sort_values(ascending=False, kind="stable")
    left, note = st.columns([1, 3], vertical_alignment="bottom")
    rows = int(left.number_input("Sources shown", min_value=1, max_value=max(len(totals), 1),
                                 value=min(SOURCES, len(totals)), step=10, key=state.SOURCE_ROWS,
                                 bind="query-params"))
    top = list(totals.index[:rows])
    groups = matrix.groupby("group")["citations"].sum().nlargest(MAX_GROUPS).index
    shown = matrix[matrix["source"].isin(top) & matrix["group"].isin(groups)]
    st.container(key=state.SOURCE_MATRIX).altair_chart(
        charts.source_matrix_chart(shown, group_title=group.title, source_order=top), width="stretch")
    hidden = [f"{len(totals) - len(top)} less cited sources" if len(totals) > len(top) else "",
              f"{matrix['group'].nunique() - len(groups)} {group.nouns} citing least" if
              matrix["group"].nunique() > len(groups) else ""]
    note.caption("Most cited first. Dashed cells are sources not in the config's list (unrecognised)."
                 + (f" Not shown: {' and '.join(h for h in hidden if h)}." if any(hidden) else ""))


def _citation_list(tables: Tables) -> None:
    """Every citation with its sentence and article, a page at a time."""
    st.subheader("Every citation")
    citations = tables["citations"]
    pages = page_count(len(citations), PAGE_SIZE)
    page = st.pagination(pages, key=state.CITATIONS_PAGE) if pages > 1 else 1
    # One page of citations joined to its sentences, not all of them: the joins keep the citations' order.
    shown = sources.citation_rows({**tables, "citations": page_of(citations, page, PAGE_SIZE)})
    st.caption(f"Showing {len(shown):,} of {len(citations):,} citations. Unticked 'recognised' marks a source "
               "the config does not list.")
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={"sentence": st.column_config.TextColumn("sentence", width="large", pinned=True),
                                "recognised": st.column_config.CheckboxColumn("recognised")})
