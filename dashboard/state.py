"""State: every session-state and widget key, the address (query parameters) of the choices, the pickers several
views share, and navigation.

Widget keys double as query-parameter names, so they are short and readable and must not change: a bookmarked
or shared address names them. Choices whose options are ids shown by their labels (view, topic, topics, articles,
compare-by) keep the *id* in the address (``?view=compare&topic=taiwan&by=outlet``): Streamlit's own binding
would write the label, and a bookmark would break when a label is edited. Those widgets are drawn through
``choose_one`` and ``choose_many`` here: the address seeds them once, an unknown id in it falls back with a
notice, and every change is written back. Plain-text choices (authors, outlets, field values, dates, the search)
use Streamlit's binding. Views switch views through the helpers here, so no view imports another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from perspectives.measures.groups import AUTHOR, group_noun
from perspectives.measures.selection import Selection

# ── navigation ───────────────────────────────────────────────────────────────
VIEW = "view"
VIEWS = {"compare": "Compare", "contrast": "Contrast", "overview": "Overview", "sources": "Sources",
         "article": "Article", "claims": "Claims", "topics": "Topics"}
# ── sidebar ──────────────────────────────────────────────────────────────────
BY = "by"
TOPICS, AUTHORS, OUTLETS, ARTICLES = "topics", "authors", "outlets", "articles"
TYPES, DATES, TEXT = "types", "dates", "q"
MULTI_KEYS = (TOPICS, AUTHORS, OUTLETS, ARTICLES, TYPES)
RESET = "reset"
DATE_BOUNDS = "_date_bounds"
# ── views ────────────────────────────────────────────────────────────────────
TOPIC, FOCUS, GROUPS = "topic", "focus", "groups"
INCLUDE_REPORTED, CONTRAST_PART = "reported", "contrast_part"
HEATMAP, HEATMAP_ROWS, HEATMAP_COLUMNS, OVERVIEW_PART = "heatmap", "rows", "columns", "overview_part"
SOURCE_ROWS, SOURCE_MATRIX = "source_rows", "source_matrix"
ARTICLE, ARTICLE_PART, SHOW_DROPPED = "article", "article_part", "dropped"
CLAIMS_PAGE, CLAIMS_DOWNLOAD = "claims_page", "download"
CITATIONS_PAGE = "citations_page"
TOPICS_PART, RULES_TOPIC = "topics_part", "rules_topic"
# ── loading ──────────────────────────────────────────────────────────────────
LAST_GOOD = "_last_good_config"
FRESH_AT = "_tables_fresh_at"
# ── the address ──────────────────────────────────────────────────────────────
_SEEDED = "_seeded_from_address"
_KEPT = "_kept_"
NOTICES = "_address_notices"


@dataclass(frozen=True)
class Grouping:
    """What the views compare by: ``by`` (author, outlet, article or a declared field's id) and the declared
    fields' labels, for the words that name a group."""

    by: str = AUTHOR
    fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def noun(self) -> str:
        """One group, in a sentence: "author", "outlet", or the field's label."""
        return group_noun(self.by, self.fields)

    @property
    def nouns(self) -> str:
        """Several groups, in a sentence."""
        return group_noun(self.by, self.fields, plural=True)

    @property
    def title(self) -> str:
        """One group, as a column or axis title."""
        return self.noun[:1].upper() + self.noun[1:]


def field_key(field_id: str) -> str:
    """The sidebar filter (and query parameter) of a declared field's values."""
    return f"f_{field_id}"


def briefing_key(fmt: str) -> str:
    """The Contrast view's download button for the briefing in ``fmt``."""
    return f"briefing_{fmt}"


def disagreement_key(index: int) -> str:
    """The bordered box of the Contrast view's ``index``-th disagreement."""
    return f"disagree_{index}"


def closest_key(index: int) -> str:
    """The bordered box of the Contrast view's ``index``-th pair of closest claims."""
    return f"closest_{index}"


def open_article_key(index: int, claim_id: str) -> str:
    """The "Open in its article" button under one claim of a disagreement."""
    return f"open_{index}_{claim_id}"


def choose_one(draw: Callable[..., Any], key: str, labels: Mapping[str, str], *, default: str | None = None,
               what: str, **kwargs: Any) -> str:
    """Draw a single-choice widget (``st.selectbox``, ``st.radio``…) over the ids of ``labels``, shown by label,
    with its id in the address; returns the chosen id.

    ``default`` (else the first id) is what an empty or unknown address gives; an unknown id (or label) in the
    address falls back to it with a notice naming ``what`` was not found.
    """
    options = list(labels)
    fallback = default if default in labels else options[0]
    _seed(key, options, labels, multi=False, what=what, fallback=fallback)
    value = draw(kwargs.pop("label", what.capitalize()), options, key=key, format_func=lambda v: labels.get(v, v),
                 **kwargs)
    chosen = value if value in labels else fallback
    _keep(key, chosen, chosen == fallback and default is not None)
    return str(chosen)


def choose_many(key: str, labels: Mapping[str, str], *, what: str, **kwargs: Any) -> list[str]:
    """Draw a multiselect over the ids of ``labels``, shown by label, with the ids in the address."""
    options = list(labels)
    _seed(key, options, labels, multi=True, what=what, fallback=None)
    value = st.multiselect(kwargs.pop("label", what.capitalize()), options, key=key,
                           format_func=lambda v: labels.get(v, v), **kwargs)
    _keep(key, list(value), not value)
    return list(value)


def _seed(key: str, options: list[str], labels: Mapping[str, str], *, multi: bool, what: str,
          fallback: str | None) -> None:
    """Give the widget ``key`` its value before it is drawn: from the address on the session's first run,
    else the value kept from its last drawing (Streamlit forgets a widget's state when a view does not draw it)."""
    seeded: set[str] = st.session_state.setdefault(_SEEDED, set())
    kept = st.session_state.get(_KEPT + key)
    if key in seeded:
        if key not in st.session_state and kept is not None:
            st.session_state[key] = [v for v in kept if v in options] if multi else (
                kept if kept in options else fallback)
        return
    seeded.add(key)
    asked = [v for v in st.query_params.get_all(key) if v]
    if not asked:
        return
    by_label = {str(label).casefold(): value for value, label in labels.items()}
    by_id = {value.casefold(): value for value in options}
    found = [by_id.get(v.casefold()) or by_label.get(v.casefold()) for v in asked]
    unknown = [v for v, f in zip(asked, found, strict=True) if f is None]
    if unknown:
        instead = "" if multi else f"; showing {labels.get(fallback or '', fallback)} instead"
        notices: list[str] = st.session_state.setdefault(NOTICES, [])
        notices.append(f"The address names {what} {', '.join(repr(u) for u in unknown)}, which this corpus does "
                       f"not have{instead}. Known: {', '.join(options[:12])}{' …' if len(options) > 12 else ''}.")
    known = [f for f in found if f is not None]
    if multi:
        st.session_state[key] = known
    elif known:
        st.session_state[key] = known[0]
    elif fallback is not None:
        st.session_state[key] = fallback


def _keep(key: str, value: Any, is_default: bool) -> None:
    """Remember the widget's value across views that do not draw it, and write its id(s) to the address."""
    st.session_state[_KEPT + key] = value
    if is_default or value in (None, [], ""):
        if key in st.query_params:
            del st.query_params[key]
    elif isinstance(value, list):
        if st.query_params.get_all(key) != value:
            st.query_params[key] = value
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def address_notices() -> list[str]:
    """The notices about unknown ids in the address, once: they are shown on the run that found them."""
    return list(st.session_state.pop(NOTICES, []))


def group_picker(by_labels: Mapping[str, str]) -> str:
    """The "Compare by" choice (author, outlet, article or a declared field), id in the address as ``by``."""
    return choose_one(st.selectbox, BY, by_labels, default=AUTHOR, what="a grouping", label="Compare by",
                      help="Compare, Contrast, Overview, Sources and the briefing compare these groups.")


def topic_picker(topics: pd.DataFrame, selection: Selection) -> str | None:
    """The topic picker (limited to the topic filter, if any); None, said on the page, when the config defines
    no topics.

    Compare and Contrast both draw it with the same key, so switching between them keeps the topic.
    """
    if topics.empty:
        st.info("The config defines no topics yet; add some under `topics:` in config.yaml.")
        return None
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    if selection.topics:
        labels = {t: labels.get(t, t) for t in selection.topics}
    return choose_one(st.selectbox, TOPIC, labels, what="the topic", label="Topic")


def group_chooser(groups: Sequence[str], *, noun: str, limit: int) -> list[str]:
    """Which groups Compare shows side by side: the first ``limit`` unless the reader picks others."""
    if GROUPS in st.session_state:  # picked under another grouping or other filters: keep what still exists
        st.session_state[GROUPS] = [g for g in st.session_state[GROUPS] if g in groups]
    chosen = st.multiselect(f"Show these {noun}", list(groups), key=GROUPS, max_selections=None,
                            placeholder=f"The {min(limit, len(groups))} with most claims",
                            help=f"Pick the {noun} to compare; the row scrolls sideways when they do not fit.")
    return [g for g in chosen if g in groups] or list(groups[:limit])


def open_tab_only(key: str, sections: Sequence[tuple[str, Callable[[], None]]], *, in_address: bool = True) -> None:
    """Tabs (label, draw) of which only the open one is drawn: opening another reruns the page to draw it. A
    view's sections that each cost a pass over 300,000 claims are tabs so, and none waits for the others.

    ``in_address`` keeps the open tab in the address under ``key`` (fixed labels only: Streamlit's binding
    writes the label, and needs the labels unique).
    """
    tabs = st.tabs([label for label, _ in sections], key=key, on_change="rerun",
                   bind="query-params" if in_address else None)
    for tab, (_, draw) in zip(tabs, sections, strict=True):
        if tab.open:
            with tab:
                draw()


def open_compare(topic: str, group: str) -> None:
    """Switch to Compare on ``topic`` with ``group`` first (call from a widget callback)."""
    st.session_state[VIEW] = "compare"
    st.session_state[TOPIC] = topic
    st.session_state[FOCUS] = group


def open_article(article_id: str) -> None:
    """Switch to the Article view on ``article_id`` (call from a widget callback)."""
    st.session_state[VIEW] = "article"
    st.session_state[ARTICLE] = article_id
