"""Sources view: who each author cites, by type and country, shared sources, and every citation."""

from __future__ import annotations

import streamlit as st

import cached
import state
from perspectives.measures import sources
from perspectives.measures.claims import page_count, page_of
from perspectives.measures.selection import Tables
from perspectives.present import charts, styles

MAX_SOURCES = 30
COUNTRIES = 10
PAGE_SIZE = 200
MAX_SHARED = 200


def render(scope: cached.Scope) -> None:
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
    _matrix(scope)
    left, right = st.columns(2)
    by_type = scope.aggregate(sources.citations_by, "type_label")
    by_country = scope.aggregate(sources.citations_by, "country_label", top=COUNTRIES)
    left.altair_chart(charts.stacked_citations(by_type, category_title="Source type",
                                               colors=styles.SOURCE_TYPE_COLORS), width="stretch")
    right.altair_chart(charts.stacked_citations(by_country, category_title="Country"), width="stretch")
    st.subheader("Sources shared by several authors")
    shared = scope.aggregate(sources.shared_sources)
    if shared.empty:
        st.caption("No source is cited by more than one author.")
    else:
        st.dataframe(shared.head(MAX_SHARED), hide_index=True, width="stretch")
        if len(shared) > MAX_SHARED:
            st.caption(f"Showing the {MAX_SHARED} most shared of {len(shared):,} sources.")
    _citation_list(scope.tables)


def _matrix(scope: cached.Scope) -> None:
    """The author x source matrix, limited to the most cited sources."""
    matrix = scope.aggregate(sources.source_matrix)
    top = matrix.groupby("source")["citations"].sum().nlargest(MAX_SOURCES).index
    st.altair_chart(charts.source_matrix_chart(matrix[matrix["source"].isin(top)]), width="stretch")
    hidden = matrix["source"].nunique() - len(top)
    st.caption("Dashed cells are sources not in the config's list (unrecognised)."
               + (f" {hidden} less cited sources are not shown." if hidden > 0 else ""))


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
                 column_config={"recognised": st.column_config.CheckboxColumn("recognised"),
                                "sentence": st.column_config.TextColumn("sentence", width="large")})
