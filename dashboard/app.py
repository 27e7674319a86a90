"""Perspectives dashboard: topics x authors side by side, their sources, and every claim in its article.

Run with ``streamlit run dashboard/app.py -- --config config.yaml`` (or set $PERSPECTIVES_CONFIG).
This file is layout only: loading lives in ``loading``, filters in ``sidebar``, widget keys and navigation in
``state``, views in ``views/``.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial

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
    view = state.choose_one(st.radio, state.VIEW, state.VIEWS, default="compare", what="the view",
                            horizontal=True, label_visibility="collapsed")
    by = sidebar.group_ui(loaded.fields)
    selection = sidebar.filters_ui(loaded.tables, loaded.topics, loaded.fields)
    scope = cached.select(loaded.out_dir, loaded.stamp, loaded.tables, selection)
    group = state.Grouping(by, loaded.fields)
    notices = st.container()  # filled last: views draw pickers (topic, article) that read the address too
    terms = partial(loading.load_terms, str(loaded.out_dir))  # read only by the views that count words
    # ── render ───────────────────────────────────────────────────────────────
    if view == "compare":
        compare.render(scope, loaded.topics, selection, loaded.positions, group)
    elif view == "contrast":
        contrast.render(scope, loaded.topics, selection, loaded.positions, group, terms)
    elif view == "overview":
        overview.render(scope, loaded.topics, loaded.positions, group)
    elif view == "sources":
        sources.render(scope, group)
    elif view == "article":
        article.render(scope, loaded.topics, loaded.positions,
                       lambda article_id: loading.article_body(str(loaded.out_dir), loaded.stamp, article_id),
                       lambda article_id: loading.article_dropped(str(loaded.out_dir), loaded.stamp, article_id),
                       warnings=_warnings(loaded), fields=loaded.fields)
    elif view == "claims":
        claims.render(scope, loaded.topics)
    else:  # Topics: rule diagnostics look at every topic, whatever the topic filter
        everything = cached.select(loaded.out_dir, loaded.stamp, loaded.tables, replace(selection, topics=()))
        topics.render(everything, loaded.topics, loaded.config, loaded.report, terms)
    for notice in state.address_notices():
        notices.warning(notice, icon=":material/link_off:")


def status_ui(loaded: loading.Loaded) -> None:
    """Title, then what went wrong (config or build errors) and the build's warnings: their count always in
    view (a warning can mean an article lost its metadata), the list one click away."""
    st.title("Perspectives")
    if loaded.config_error:
        st.error(f"**{loaded.config_path} has problems**; showing the last good tables until it is fixed.\n\n"
                 f"```\n{loaded.config_error}\n```")
    if loaded.build_error:
        st.error(f"Rebuilding the tables failed ({loaded.build_error}); showing the last good tables.")
    report = loaded.report or {}
    warnings = _warnings(loaded)
    if loaded.rebuilt:
        st.toast(f"Tables rebuilt: {report.get('articles_read', 0)} articles, "
                 f"{report.get('claims', 0)} claims.")
    if warnings:
        st.warning(f"**The last build has {len(warnings)} warning{'s' if len(warnings) != 1 else ''}** "
                   "(skipped articles, metadata read leniently, unrecognised sources…); an article's own warnings "
                   "show on its Article view.", icon=":material/warning:")
        with st.expander("Show the build's warnings", expanded=loaded.rebuilt):
            st.code("\n".join(warnings[:MAX_WARNINGS]), language=None)
            if len(warnings) > MAX_WARNINGS:
                st.caption(f"{len(warnings) - MAX_WARNINGS} more in build_report.json.")


def _warnings(loaded: loading.Loaded) -> list[str]:
    """The build report's skipped articles, errors and warnings, one line each."""
    report = loaded.report or {}
    failed = [": ".join(str(v) for v in item.values()) if isinstance(item, dict) else str(item)
              for item in report.get("articles_failed", [])]
    return [*failed, *map(str, report.get("errors", [])), *map(str, report.get("warnings", []))]


if __name__ == "__main__":
    try:
        main()
    except Exception:  # no traceback may reach the page; the terminal gets it
        log.exception("dashboard failed")
        st.error("Something went wrong drawing this page. The details are in the terminal running "
                 "Streamlit; try Reset filters, or reload the page.")
