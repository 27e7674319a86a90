"""Perspectives dashboard: topics x authors side by side, their sources, and every claim in its article.

Run with ``streamlit run dashboard/app.py -- --config config.yaml`` (or set $PERSPECTIVES_CONFIG).
This file is layout only: loading lives in ``loading``, filters in ``sidebar``, widget keys and navigation in
``state``, views in ``views/``.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import streamlit as st

st.set_page_config(page_title="Perspectives", page_icon="📰", layout="wide")

import cached  # noqa: E402 - set_page_config must run before anything else draws
import loading  # noqa: E402
import markup  # noqa: E402
import sidebar  # noqa: E402
import state  # noqa: E402
from views import article, claims, compare, contrast, overview, sources, topics  # noqa: E402

log = logging.getLogger(__name__)

MAX_WARNINGS = 50


def main() -> None:
    """Load (rebuilding if stale), draw the filters and the chosen view."""
    st.html(markup.CSS)
    # ── load ─────────────────────────────────────────────────────────────────
    loaded = loading.load()
    status_ui(loaded)
    if loaded.tables is None:
        st.info(f"No tables yet in `{loaded.out_dir}`. Build them with:\n\n"
                f"```\nperspectives build --config {loaded.config_path}\n```")
        st.stop()
    # ── controls ─────────────────────────────────────────────────────────────
    view = st.radio("View", state.VIEWS, key=state.VIEW, horizontal=True, bind="query-params",
                    label_visibility="collapsed")
    selection = sidebar.filters_ui(loaded.tables, loaded.topics)
    scope = cached.select(loaded.out_dir, loaded.stamp, loaded.tables, selection)
    # ── render ───────────────────────────────────────────────────────────────
    if view == "Compare":
        compare.render(scope, loaded.topics, selection, loaded.positions)
    elif view == "Contrast":
        contrast.render(scope, loaded.topics, selection, loaded.positions)
    elif view == "Overview":
        overview.render(scope, loaded.topics, loaded.positions)
    elif view == "Sources":
        sources.render(scope)
    elif view == "Article":
        article.render(scope, loaded.topics, loaded.positions,
                       lambda article_id: loading.article_body(str(loaded.out_dir), loaded.stamp, article_id),
                       lambda article_id: loading.article_dropped(str(loaded.out_dir), loaded.stamp, article_id))
    elif view == "Claims":
        claims.render(scope, loaded.topics)
    else:  # Topics: rule diagnostics look at every topic, whatever the topic filter
        topics.render(cached.select(loaded.out_dir, loaded.stamp, loaded.tables, replace(selection, topics=())),
                      loaded.topics, loaded.config, loaded.report)


def status_ui(loaded: loading.Loaded) -> None:
    """Title, then what went wrong (config or build errors) and the build report's warnings."""
    st.title("Perspectives")
    if loaded.config_error:
        st.error(f"**{loaded.config_path} has problems**; showing the last good tables until it is fixed.\n\n"
                 f"```\n{loaded.config_error}\n```")
    if loaded.build_error:
        st.error(f"Rebuilding the tables failed ({loaded.build_error}); showing the last good tables.")
    report = loaded.report or {}
    failed = [": ".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
              for item in report.get("articles_failed", [])]
    warnings = [*failed, *map(str, report.get("errors", [])), *map(str, report.get("warnings", []))]
    if loaded.rebuilt:
        st.toast(f"Tables rebuilt: {report.get('articles_read', 0)} articles, "
                 f"{report.get('claims', 0)} claims.")
    if warnings:
        with st.expander(f"Build report: {len(warnings)} warning{'s' if len(warnings) != 1 else ''}",
                         expanded=loaded.rebuilt):
            st.code("\n".join(warnings[:MAX_WARNINGS]), language=None)
            if len(warnings) > MAX_WARNINGS:
                st.caption(f"{len(warnings) - MAX_WARNINGS} more in build_report.json.")


if __name__ == "__main__":
    try:
        main()
    except Exception:  # no traceback may reach the page; the terminal gets it
        log.exception("dashboard failed")
        st.error("Something went wrong drawing this page. The details are in the terminal running "
                 "Streamlit; try Reset filters, or reload the page.")
