"""Contrast view: how the groups' (authors', outlets', …) treatments of one topic differ, at a glance.

Three tabs: where they disagree (own stances taking different positions, side by side; reported ones on request,
each side saying whose stance it is); the profiles, one row per group: count, share, own positions, the stances it
reports with their holders, voice, certainty, distinctive terms and sources; and the closest claims of different
groups (the same point, told two ways). The topic picker is Compare's too, so switching views keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

import cached
import markup
import state
from perspectives.measures import contrast
from perspectives.measures.selection import Selection, Tables, isin
from perspectives.present import briefing
from perspectives.present.styles import PositionLookup, position_lookup, position_style

MAX_PAIRS = 6
MAX_CLOSEST = 6
TOP_TERMS = 5
CLAIMS_PER_TERM = 3
SIDE_COLUMNS = ("group", "claim_id", "article_id", "display_title", "position", "text", "holder", "voice")


def render(scope: cached.Scope, topics: pd.DataFrame, selection: Selection, positions: pd.DataFrame,
           group: state.Grouping, terms: Callable[[], pd.DataFrame | None]) -> None:
    """Draw the Contrast view for the filtered tables; ``positions`` holds the position styles, and ``terms`` reads
    every claim's terms (``loading.load_terms``), which only the distinctive terms need."""
    topic = state.topic_picker(topics, selection)
    if topic is None:
        return
    label, color = (str(v) for v in topics.set_index("topic").loc[topic, ["label", "color"]])
    scope = scope.with_topic_claims(topic, group.by)
    if contrast.topic_claims(scope.tables, topic, by=group.by).empty:  # kept by the scope: no cost
        st.html(markup.empty_note(f"No claims on {label} match these filters."))
        return
    styles = position_lookup(positions)
    _briefing_ui(scope.tables, topic, label, group)
    # One tab at a time: the profiles read every claim's words, and each tab is a pass over the topic's claims.
    # The pairs are of a few hundred claims, tokenised faster than every claim's words are read.
    state.open_tab_only(state.CONTRAST_PART, [
        ("Where they disagree", partial(_disagreements, scope, topic, label, color, group, styles)),
        ("Profiles", lambda: _summary(scope.with_terms(terms()), topic, label, color, group, styles)),
        ("Closest claims", partial(_closest, scope, topic, label, color, group, styles))])


def _briefing_ui(tables: Tables, topic: str, label: str, group: state.Grouping) -> None:
    """Download buttons for the topic's briefing; built only on click, so drawing the view stays cheap."""
    st.caption(f"How the {group.nouns} treat {label}: where they disagree, each {group.noun}'s profile, then the "
               f"same point told by two {group.nouns}. The briefing holds every claim with its position, whose "
               "stance it is, and its sources.")
    # A row as wide as its buttons: in fixed columns a narrow window cut their labels to "Briefin…".
    buttons = st.container(horizontal=True)
    for fmt, mime in (("md", "text/markdown"), ("csv", "text/csv")):
        buttons.download_button(f"Briefing ({fmt.upper()})", key=state.briefing_key(fmt),
                                file_name=f"{topic}-briefing-by-{group.by}.{fmt}", mime=mime, on_click="ignore",
                                icon=":material/download:", data=partial(briefing.render_briefing, tables, topic,
                                                                         label, fmt, by=group.by,
                                                                         fields=dict(group.fields)))


def _disagreements(scope: cached.Scope, topic: str, label: str, color: str, group: state.Grouping,
                   styles: PositionLookup) -> None:
    """Pairs of claims from different groups taking different positions, side by side: own stances, and
    reported ones (held by their speakers) when the reader asks."""
    if not any(t == topic for t, _ in styles):
        st.html(markup.empty_note(f"The config names no positions on {label}; add some under its "
                                  "`positions:` to see who disagrees."))
        return
    reported = st.toggle("Include reported stances", key=state.INCLUDE_REPORTED, bind="query-params",
                         help="Also pair the stances the articles quote or report; each is its speaker's, "
                              f"not the {group.noun}'s.")
    pairs = scope.on_topic(topic).aggregate(contrast.disagreements, topic, by=group.by, include_reported=reported)
    paired = contrast.stance_claims(contrast.topic_claims(scope.tables, topic, by=group.by), include_reported=reported)
    sampled = _sample_note(len(paired), "claims taking a position", group)
    if pairs.empty:
        whose = "" if reported else " in their own voice"
        st.html(markup.empty_note(f"No two {group.nouns} take different positions on {label}{whose} with these "
                                  f"filters.{sampled}"))
        return
    st.caption(f"{'Stances' if reported else 'Own stances'} of different {group.nouns}; each side says whose "
               f"stance it is.{sampled}")
    for index, pair in enumerate(pairs.head(MAX_PAIRS).to_dict("records")):
        with st.container(border=True, key=state.disagreement_key(index)):
            for column, side in zip(st.columns(2), _sides(pair), strict=True):
                with column:
                    _side(side, topic, color, styles, whose=True)
                    st.button("Open in its article", key=state.open_article_key(index, str(side["claim_id"])),
                              on_click=state.open_article, args=(side["article_id"],), icon=":material/article:")
    _hidden_note(len(pairs), MAX_PAIRS, "pairs", "less alike or less clearly stated")


def _sample_note(pool: int, what: str, group: state.Grouping) -> str:
    """What the pairs were drawn from, when the ``pool`` of claims they pair is larger than the measures pair
    (see ``contrast.MAX_PAIRING_CLAIMS``); empty otherwise."""
    if pool <= contrast.MAX_PAIRING_CLAIMS:
        return ""
    return (f" Paired among {contrast.MAX_PAIRING_CLAIMS:,} of the {pool:,} {what}, taken evenly from every "
            f"{group.noun}.")


def _closest(scope: cached.Scope, topic: str, label: str, color: str, group: state.Grouping,
             styles: PositionLookup) -> None:
    """Each claim next to the most similar claim of another group: the same point, side by side."""
    pairs = _unique_pairs(scope.on_topic(topic).aggregate(contrast.closest_claims, topic, by=group.by))
    sampled = _sample_note(len(contrast.topic_claims(scope.tables, topic, by=group.by)), "claims on the topic", group)
    if pairs.empty:
        st.html(markup.empty_note(f"No two {group.nouns} make similar claims on {label} with these filters.{sampled}"))
        return
    st.caption(f"What one {group.noun} says and what another says about the same point, most alike first."
               f"{sampled}")
    for index, pair in enumerate(pairs.head(MAX_CLOSEST).to_dict("records")):
        with st.container(border=True, key=state.closest_key(index)):
            st.caption(f"Similarity {pair['similarity']:.2f}")
            for column, side in zip(st.columns(2), _sides(pair), strict=True):
                with column:
                    _side(side, topic, color, styles)
    _hidden_note(len(pairs), MAX_CLOSEST, "pairs", "they are less alike")


def _unique_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """Closest pairs most alike first, each pair once (A's closest is often B, and B's closest A)."""
    key = [frozenset(p) for p in zip(pairs["claim_id_a"], pairs["claim_id_b"], strict=True)]
    unique = pairs[~pd.Series(key, index=pairs.index).duplicated()]
    return unique.sort_values("similarity", ascending=False, kind="stable")


def _sides(pair: dict[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    """The two claims of a pair row as dicts with the same keys, so both sides draw alike."""
    return ({c: pair[f"{c}_a"] for c in SIDE_COLUMNS}, {c: pair[f"{c}_b"] for c in SIDE_COLUMNS})


def _side(side: dict[str, object], topic: str, color: str, styles: PositionLookup, *, whose: bool = False) -> None:
    position, reported = side["position"], side["voice"] == "attributed"
    holder = str(side["holder"])
    chip = (markup.position_chip(styles, topic, position, title=f"The stance of {holder}")
            if isinstance(position, str) else "")
    st.html(markup.pair_side(str(side["group"]), str(side["display_title"]), chip, str(side["text"]), color=color,
                             holder=holder if whose or reported else None, reported=reported))


def _summary(scope: cached.Scope, topic: str, label: str, color: str, group: state.Grouping,
             styles: PositionLookup) -> None:
    """One row per group, then each one's distinctive terms with the claims they come from."""
    # The view has the distinctive terms (with their claims) already: the table need not count them again.
    summary = scope.aggregate(contrast.contrast_table, topic, by=group.by, top_terms=0)
    terms = scope.on_topic(topic).aggregate(contrast.distinctive_terms, topic, by=group.by, top=TOP_TERMS)
    named = contrast.terms_by_group(terms)
    st.caption(f"*Own positions* count the {group.noun}'s own assertions only; *reported stances* are those it "
               "quotes or reports, each named with its holder.")
    # A table, not a data grid: every cell wraps, so no column is cut off at 1024 px.
    shown = pd.DataFrame({
        group.noun: summary["group"], "claims": summary["claims"],
        "share": [f"{v:.0%}" for v in summary["share"]],
        "own positions": [_mix_labels(mix, topic, styles) for mix in summary["positions"]],
        "reported stances": [_reported_labels(r, topic, styles) for r in summary["reported"]],
        "own voice": [f"{v:.0%}" for v in summary["own_share"]],
        "certainty": [f"{v:+.2f}" for v in summary["certainty"]],
        "distinctive terms": [", ".join(named.get(name, [])) or "—" for name in summary["group"]],
        "top sources": summary["sources"]})
    st.table(shown, hide_index=True)
    # Only the claims the expanders quote, not a lookup of every claim in the selection.
    quoted = {cid for ids in terms["claim_ids"] for cid in list(ids)[:CLAIMS_PER_TERM]}
    claims = scope.tables["claims"]
    claims = claims[isin(claims["claim_id"], sorted(quoted))]
    texts = dict(zip(claims["claim_id"], claims["text"], strict=True))
    # One block of markup per group: hundreds of groups each drawing a few elements per term took seconds.
    blocks: dict[str, list[str]] = {}
    for name, term, count, z, ids in zip(terms["group"], terms["term"], terms["count"], terms["z"],
                                         terms["claim_ids"], strict=True):
        ids = list(ids)
        blocks.setdefault(name, []).append(markup.term_claims(
            term, int(count), float(z), [str(texts[cid]) for cid in ids[:CLAIMS_PER_TERM] if cid in texts],
            color=color, hidden=len(ids) - CLAIMS_PER_TERM))
    for name in summary["group"]:
        with st.expander(f"{name}: distinctive terms and the claims they come from"):
            st.html("".join(blocks[name]) if name in blocks else
                    markup.empty_note(f"No term stands out in {name}'s claims on {label}."))


def _mix_labels(mix: str, topic: str, styles: PositionLookup) -> str:
    """``contrast_table``'s "position_id n, …" with the config's position labels."""
    if mix == "—":
        return "no position taken"
    parts = (item.rsplit(" ", 1) for item in mix.split(", "))
    return ", ".join(f"{position_style(styles, topic, pid)[0]} {n}" for pid, n in parts)


def _reported_labels(stances: list[tuple[str, str, int]], topic: str, styles: PositionLookup) -> str:
    """``contrast_table``'s reported stances as "holder: position label n; …"."""
    return "; ".join(f"{holder}: {position_style(styles, topic, pid)[0]} {n}"
                     for holder, pid, n in stances) or "—"


def _hidden_note(total: int, shown: int, what: str, why: str) -> None:
    """Say how many rows a capped list hides, so a cap never reads as "that's all"."""
    if total > shown:
        st.caption(f"{total - shown} more {what} not shown ({why}).")
