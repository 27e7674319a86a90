"""Claims view: every filtered claim as a table, a page at a time, with a CSV download of all of them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import cached
import state
from perspectives.measures.claims import claims_table, page_count, page_of

PAGE_SIZE = 250


def render(scope: cached.Scope, topics: pd.DataFrame) -> None:
    """Draw the Claims view for the filtered tables."""
    tables = scope.tables
    claims = tables["claims"]
    if claims.empty:
        st.info("No claims match these filters.")
        return
    pages = page_count(len(claims), PAGE_SIZE)
    summary = st.container()  # filled once the page is known
    # As wide as its label: a fixed column cut it short in a narrow window.
    st.download_button(f"Download {len(claims):,} claims (CSV)", key=state.CLAIMS_DOWNLOAD,
                       data=lambda: claims_table(tables, claims, topics).to_csv(index=False),
                       file_name="claims.csv", mime="text/csv", on_click="ignore", icon=":material/download:")
    page = st.pagination(pages, key=state.CLAIMS_PAGE) if pages > 1 else 1
    shown = claims_table(tables, page_of(claims, page, PAGE_SIZE), topics)
    summary.caption(f"{len(claims):,} claims match the filters; showing {len(shown):,} "
                    f"(page {min(page, pages)} of {pages}). The download holds all {len(claims):,}. "
                    "Use the sidebar's search and filters to narrow them.")
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={"text": st.column_config.TextColumn("claim", width="large", pinned=True),
                                "article": st.column_config.TextColumn("article", width="medium"),
                                "topics": st.column_config.TextColumn("topics", width="medium"),
                                "sources": st.column_config.TextColumn("sources", width="medium")})
