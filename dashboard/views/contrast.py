"""Contrast view: how the authors' treatments of one topic differ, at a glance.

Where they disagree (claims taking different positions, side by side), then one row per author: count,
share, positions, voice, certainty, distinctive terms and sources; last the closest claims of different
authors (the same point, told two ways). The topic picker is Compare's too, so switching views keeps it.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st
from streamlit.elements.lib.column_types import ColumnConfig

import cached
import markup
import state
from perspectives.measures import contrast
from perspectives.measures.selection import Selection, Tables, isin
from perspectives.present import briefing, styles

MAX_PAIRS = 6
MAX_CLOSEST = 6
TOP_TERMS = 5
CLAIMS_PER_TERM = 3
SIDE_COLUMNS = ("group", "claim_id", "article_id", "display_title", "position", "text")


def render(scope: cached.Scope, topics: pd.DataFrame, selection: Selection,
           positions: pd.DataFrame) -> None:
    """Draw the Contrast view for the filtered tables; ``positions`` holds the position styles."""
    picked = state.topic_picker(topics, selection)
    if picked is None:
        return
    topic, by_article = picked
    label, color = (str(v) for v in topics.set_index("topic").loc[topic, ["label", "color"]])
    by = "display_title" if by_article else "author_label"
    summary = scope.aggregate(contrast.contrast_table, topic, by=by, top_terms=TOP_TERMS)
    if summary.empty:
        st.html(markup.empty_note(f"No claims on {label} match these filters."))
        return
    _briefing_ui(scope.tables, topic, label)
    _disagreements(scope, topic, label, color, by, positions)
    _summary(scope, summary, topic, label, color, by, positions)
    _closest(scope, topic, label, color, by, positions)


def _briefing_ui(tables: Tables, topic: str, label: str) -> None:
    """Download buttons for the topic's briefing; built only on click, so drawing the view stays cheap."""
    left, middle, right = st.columns([4, 1, 1], vertical_alignment="bottom")
    left.caption(f"How the authors treat {label}: where they disagree, each author's profile, then the same "
                 "point told by two authors. The briefing holds every claim with its position and sources.")
    for column, fmt, mime in ((middle, "md", "text/markdown"), (right, "csv", "text/csv")):
        column.download_button(f"Briefing ({fmt.upper()})", key=state.briefing_key(fmt),
                               file_name=f"{topic}-briefing.{fmt}", mime=mime, on_click="ignore", width="stretch",
                               data=partial(briefing.render_briefing, tables, topic, label, fmt))


def _disagreements(scope: cached.Scope, topic: str, label: str, color: str, by: str,
                   positions: pd.DataFrame) -> None:
    """Pairs of claims from different authors taking different positions, side by side."""
    st.subheader("Where they disagree")
    if not (positions["topic"] == topic).any():
        st.html(markup.empty_note(f"The config names no positions on {label}; add some under its "
                                  "`positions:` to see who disagrees."))
        return
    pairs = scope.aggregate(contrast.disagreements, topic, by=by)
    if pairs.empty:
        st.html(markup.empty_note(f"No two authors take different positions on {label} with these filters."))
        return
    for index, pair in enumerate(pairs.head(MAX_PAIRS).to_dict("records")):
        with st.container(border=True, key=state.disagreement_key(index)):
            for column, side in zip(st.columns(2), _sides(pair), strict=True):
                with column:
                    _side(side, topic, color, positions)
                    st.button("Open in its article", key=state.open_article_key(index, str(side["claim_id"])),
                              on_click=state.open_article, args=(side["article_id"],), icon=":material/article:")
    _hidden_note(len(pairs), MAX_PAIRS, "pairs", "less alike or less clearly stated")


def _closest(scope: cached.Scope, topic: str, label: str, color: str, by: str,
             positions: pd.DataFrame) -> None:
    """Each claim next to the most similar claim of another author: the same point, side by side."""
    st.subheader("Closest claims")
    pairs = _unique_pairs(scope.aggregate(contrast.closest_claims, topic, by=by))
    if pairs.empty:
        st.html(markup.empty_note(f"No two authors make similar claims on {label} with these filters."))
        return
    st.caption("What one author says and what another says about the same point, most alike first.")
    for index, pair in enumerate(pairs.head(MAX_CLOSEST).to_dict("records")):
        with st.container(border=True, key=state.closest_key(index)):
            st.caption(f"Similarity {pair['similarity']:.2f}")
            for column, side in zip(st.columns(2), _sides(pair), strict=True):
                with column:
                    _side(side, topic, color, positions)
    _hidden_note(len(pairs), MAX_CLOSEST, "pairs", "they are less alike")


def _unique_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """Closest pairs most alike first, each pair once (A's closest is often B, and B's closest A)."""
    key = [frozenset(p) for p in zip(pairs["claim_id_a"], pairs["claim_id_b"], strict=True)]
    unique = pairs[~pd.Series(key, index=pairs.index).duplicated()]
    return unique.sort_values("similarity", ascending=False, kind="stable")


def _sides(pair: dict[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    """The two claims of a pair row as dicts with the same keys, so both sides draw alike."""
    return ({c: pair[f"{c}_a"] for c in SIDE_COLUMNS}, {c: pair[f"{c}_b"] for c in SIDE_COLUMNS})


def _side(side: dict[str, object], topic: str, color: str, positions: pd.DataFrame) -> None:
    position = side["position"]
    chip = markup.position_chip(positions, topic, position) if isinstance(position, str) else ""
    st.html(markup.pair_side(str(side["group"]), str(side["display_title"]), chip, str(side["text"]), color=color))


def _summary(scope: cached.Scope, summary: pd.DataFrame, topic: str, label: str, color: str, by: str,
             positions: pd.DataFrame) -> None:
    """One row per author (or article), then each one's distinctive terms with the claims they come from."""
    st.subheader("Article by article" if by == "display_title" else "Author by author")
    # Shares as whole percents: the progress columns' "percent" format prints two decimals.
    shown = summary.drop(columns="dominant_position").assign(
        positions=[_mix_labels(mix, topic, positions) for mix in summary["positions"]],
        share=(summary["share"] * 100).round(), own_share=(summary["own_share"] * 100).round())
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        "group": st.column_config.TextColumn("article" if by == "display_title" else "author", width="medium",
                                             pinned=True),
        "claims": st.column_config.NumberColumn("claims", help=f"Claims on {label}.", width=55),
        "share": _percent_column("share", "Share of their claims that is on this topic."),
        "positions": st.column_config.TextColumn("positions", width="medium"),
        "own_share": _percent_column("own voice", "Share asserted by the author, not quoted or reported."),
        "certainty": st.column_config.NumberColumn("certainty", format="%.2f", width=70,
                                                   help="From −1 (every claim hedged) to +1 (every claim boosted)."),
        "terms": st.column_config.TextColumn("distinctive terms", width="medium"),
        "sources": st.column_config.TextColumn("top sources", width="medium"),
    })
    terms = scope.aggregate(contrast.distinctive_terms, topic, by=by, top=TOP_TERMS)
    # Only the claims the expanders quote, not a lookup of every claim in the selection.
    quoted = {cid for ids in terms["claim_ids"] for cid in list(ids)[:CLAIMS_PER_TERM]}
    claims = scope.tables["claims"]
    claims = claims[isin(claims["claim_id"], sorted(quoted))]
    texts = dict(zip(claims["claim_id"], claims["text"], strict=True))
    for group in summary["group"]:
        mine = terms[terms["group"] == group]
        with st.expander(f"{group}: distinctive terms and the claims they come from"):
            if mine.empty:
                st.html(markup.empty_note(f"No term stands out in {group}'s claims on {label}."))
            for row in mine.itertuples(index=False):
                ids = list(row.claim_ids)
                st.html(markup.term_claims(row.term, int(row.count), float(row.z),
                                           [str(texts[cid]) for cid in ids[:CLAIMS_PER_TERM] if cid in texts],
                                           color=color))
                _hidden_note(len(ids), CLAIMS_PER_TERM, "claims with this term", "see Compare")


def _percent_column(label: str, help_text: str) -> ColumnConfig:
    """A narrow bar with a whole percent, for shares already scaled to 0-100."""
    return st.column_config.ProgressColumn(label, help=help_text, format="%.0f%%", min_value=0, max_value=100,
                                           width=95)


def _mix_labels(mix: str, topic: str, positions: pd.DataFrame) -> str:
    """``contrast_table``'s "position_id n, …" with the config's position labels."""
    if mix == "—":
        return "no position taken"
    parts = (item.rsplit(" ", 1) for item in mix.split(", "))
    return ", ".join(f"{styles.position_style(positions, topic, pid)[0]} {n}" for pid, n in parts)


def _hidden_note(total: int, shown: int, what: str, why: str) -> None:
    """Say how many rows a capped list hides, so a cap never reads as "that's all"."""
    if total > shown:
        st.caption(f"{total - shown} more {what} not shown ({why}).")
