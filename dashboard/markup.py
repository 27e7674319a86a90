"""Markup: the HTML snippets the views render, with every article and config string escaped.

Article text and config strings are untrusted: a body containing ``<script>`` or ``<img onerror=…>``
must read as text. Everything that reaches ``st.html`` is built here, and every interpolated value
goes through ``html.escape`` first, so escaping is checked in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from urllib.parse import urlparse

import pandas as pd

from perspectives.measures.article import Dropped, Segment
from perspectives.present.styles import PositionLookup, position_lookup, position_style

CSS = """
<style>
.pv-head {font-size: 1.05rem; font-weight: 600; line-height: 1.3; margin: 0;}
.pv-sub {color: #666; font-size: 0.85rem; margin: 0.1rem 0 0.2rem 0;}
.pv-count {font-size: 0.9rem; margin: 0;}
.pv-focus {outline: 3px solid #f28e2b; border-radius: 6px; padding: 0.2rem 0.4rem;}
.pv-claim {border-left: 4px solid #999; padding: 0.35rem 0.6rem; margin: 0 0 0.55rem 0;
           background: #fafafa; border-radius: 0 4px 4px 0; font-size: 0.93rem; line-height: 1.45;}
.pv-claim.pv-attributed {background: #f1f1f4; font-style: italic; border-left-style: dashed;}
.pv-where {color: #777; font-size: 0.75rem; font-style: normal; margin-bottom: 0.15rem;}
.pv-chip {display: inline-block; font-size: 0.72rem; font-style: normal; border-radius: 9px;
          padding: 0 0.45rem; margin: 0.2rem 0.25rem 0 0; background: #e8eef7; color: #223;}
.pv-chip.pv-voice {background: #ece3f3; color: #4a2a63;}
.pv-chip.pv-position {color: #222; font-weight: 600;}
.pv-side-head {font-size: 0.9rem; font-weight: 600; margin: 0 0 0.15rem 0;}
.pv-term {margin: 0.4rem 0 0.1rem 0; font-size: 0.9rem;}
.pv-term b {font-size: 0.95rem;}
.pv-term span {color: #666; font-size: 0.8rem; margin-left: 0.4rem;}
.pv-more {color: #777; font-size: 0.8rem; margin: -0.3rem 0 0.4rem 0;}
.pv-chip.pv-unknown {background: #fff1d6; color: #6b4500; border: 1px dashed #c98a00;}
.pv-empty {color: #777; font-style: italic; padding: 0.5rem 0;}
.pv-article {white-space: pre-wrap; font-size: 1rem; line-height: 1.65; max-width: 52rem;}
.pv-article mark {color: inherit; padding: 0 1px; border-radius: 2px;}
.pv-cite {font-size: 0.7rem; color: #8a4b00; font-weight: 600; margin-left: 2px;}
.pv-legend span {display: inline-block; margin: 0 0.8rem 0.3rem 0; font-size: 0.85rem;}
.pv-legend i {display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 2px;
              margin-right: 0.3rem; vertical-align: -1px;}
.pv-chip.pv-context {background: #fff; color: #444; border: 1px dashed #888;}
.pv-article .pv-chip {margin: 0 0.1rem 0 0.2rem; line-height: 1.3;}
.pv-legend .pv-key {color: #555;}
.pv-legend .pv-key span {margin: 0 0.1rem;}
.pv-legend u {text-underline-offset: 3px; text-decoration-thickness: 2px;}
.pv-dropped {color: #8a8a8a; font-size: 0.85rem; line-height: 1.4; margin: 0 0 0.35rem 0; word-break: break-word;}
.pv-dropped .pv-chip {background: #eee; color: #666; margin: 0 0.35rem 0 0;}
.pv-meta {width: 100%;}
.pv-meta td {padding: 0.1rem 0.8rem 0.1rem 0; vertical-align: top; font-size: 0.92rem; overflow-wrap: anywhere;}
.pv-meta td:first-child {color: #666; white-space: nowrap; overflow-wrap: normal; width: 1%;}
.pv-chip.pv-topic {color: #222;}
.pv-chip.pv-topic i {display: inline-block; width: 0.6rem; height: 0.6rem; border-radius: 2px; margin-right: 0.25rem;
                     vertical-align: -1px;}
.pv-side-holder {color: #4a2a63; font-size: 0.8rem; margin: 0 0 0.2rem 0;}
/* Compare: one row of fixed-width columns that scrolls sideways, never wrapping into rows of three. */
.st-key-compare_row [data-testid="stHorizontalBlock"] {flex-wrap: nowrap; overflow-x: auto; padding-bottom: 0.4rem;}
.st-key-compare_row [data-testid="stColumn"] {flex: 0 0 19rem; min-width: 19rem; width: 19rem;}
</style>
"""
VOICE_LABELS = {"attributed": "reported"}
UNKNOWN_COLOR = "#bab0ac"  # a topic the config no longer styles


def column_header(heading: str, subheading: str, claims: int, share: float, *, topic_label: str,
                  focused: bool = False) -> str:
    """A Compare column's header: who, their claim count on the topic, and its share of their text."""
    count = f"{claims} claim{'s' if claims != 1 else ''} on {topic_label} · {share:.0%} of their claims"
    focus = ' class="pv-focus"' if focused else ""
    return (f"<div{focus}><p class='pv-head'>{escape(heading)}</p><p class='pv-sub'>{escape(subheading)}</p>"
            f"<p class='pv-count'>{escape(count)}</p></div>")


def claim_cards(claims: pd.DataFrame, *, color: str, show_article: bool, topic: str,
                positions: pd.DataFrame, topic_styles: pd.DataFrame | None = None) -> str:
    """Claims as cards: own assertions plain, quoted or reported ones shaded and tagged with their speaker (a
    reported claim's position is its speaker's, said so on the chip), the position the claim takes on ``topic``
    and its sources as chips (``positions`` is ``styles.position_styles``), each other topic the claim is in as
    a chip in that topic's colour (``topic_styles``), and a claim that is on the topic only by context (its
    ``context`` says what established it) chipped as such: its own words do not name the topic, which a reader
    comparing authors must be able to tell."""
    cards = []
    colors, labels = _topic_maps(topic_styles)
    styles = position_lookup(positions)
    for row in claims.itertuples(index=False):
        attributed = row.voice == "attributed"
        speaker = getattr(row, "speaker", None)
        where = (f"<div class='pv-where'>{escape(str(row.display_title))} · sentence "
                 f"{int(row.position_in_article) + 1}</div>") if show_article else ""
        chips = "".join(_source_chip(name, known) for name, known in row.sources)
        tag = f"{VOICE_LABELS['attributed']}: {speaker}" if isinstance(speaker, str) else VOICE_LABELS["attributed"]
        voice = f"<span class='pv-chip pv-voice'>{escape(tag)}</span>" if attributed else ""
        holder = f"{speaker}'s stance" if attributed and isinstance(speaker, str) else (
            "a reported stance" if attributed else "Position on this topic")
        stance = position_chip(styles, topic, row.position, title=holder) if isinstance(row.position, str) else ""
        others = "".join(_topic_chip(labels.get(t, t), colors.get(t, UNKNOWN_COLOR))
                         for t in getattr(row, "topics", ())[1:])
        context = (_context_chip(f"context: {row.context}", "On this topic by context, not by its own words",
                                 color) if isinstance(row.context, str) else "")
        css = "pv-claim pv-attributed" if attributed else "pv-claim"
        cards.append(f"<div class='{css}' style='border-left-color: {escape(color)}'>{where}"
                     f"{escape(str(row.text))}<div>{context}{stance}{voice}{chips}{others}</div></div>")
    return "".join(cards)


def _topic_maps(styles: pd.DataFrame | None) -> tuple[dict[str, str], dict[str, str]]:
    if styles is None:
        return {}, {}
    return (dict(zip(styles["topic"], styles["color"], strict=True)),
            dict(zip(styles["topic"], styles["label"], strict=True)))


def _topic_chip(label: str, color: str) -> str:
    """Another topic a claim is in, as a chip with that topic's colour swatch."""
    return (f"<span class='pv-chip pv-topic' title='Also in this topic'><i style='background: {escape(color)}'></i>"
            f"{escape(label)}</span>")


def position_chip(styles: PositionLookup, topic: str, position: str, *, title: str = "Position on this topic") -> str:
    """A claim's position on a topic as a chip in the position's colour (``styles`` is ``position_lookup``), the
    same in every view; ``title`` says whose stance it is when it is not the author's."""
    label, color = position_style(styles, topic, position)
    return (f"<span class='pv-chip pv-position' style='background: {escape(color)}55' "
            f"title='{escape(title)}'>{escape(label)}</span>")


def pair_side(group: str, article: str, position: str, text: str, *, color: str, holder: str | None = None,
              reported: bool = False) -> str:
    """One side of a pair of claims (a disagreement or a closest match): who, whose stance it is (``holder``,
    when given: the group's own, or the speaker it quotes), in which article, the position chip (already
    markup, from ``position_chip``, or empty) and the claim (shaded and italic when reported)."""
    whose = ""
    if holder is not None:
        whose = (f"<p class='pv-side-holder'>Reported stance: {escape(holder)}</p>" if reported
                 else f"<p class='pv-side-holder'>Own stance of {escape(group)}</p>")
    css = "pv-claim pv-attributed" if reported else "pv-claim"
    return (f"<p class='pv-side-head'>{escape(group)}</p>{whose}<div class='{css}' "
            f"style='border-left-color: {escape(color)}'><div class='pv-where'>{escape(article)}</div>"
            f"{escape(text)}<div>{position}</div></div>")


def term_claims(term: str, count: int, z: float, texts: Iterable[str], *, color: str, hidden: int = 0) -> str:
    """A distinctive term with its count and z-score, then the claims it comes from, saying how many more
    (``hidden``) are not shown."""
    claims = "".join(f"<div class='pv-claim' style='border-left-color: {escape(color)}'>{escape(t)}</div>"
                     for t in texts)
    more = (f"<p class='pv-more'>{hidden} more claims with this term not shown (see Compare).</p>"
            if hidden > 0 else "")
    return f"<div class='pv-term'><b>{escape(term)}</b><span>{count}× · z = {z:.2f}</span></div>{claims}{more}"


def _source_chip(name: str, known: bool) -> str:
    if not known:
        return (f"<span class='pv-chip pv-unknown' title='Not in the configured sources'>"
                f"{escape(name)} (unrecognised)</span>")
    return f"<span class='pv-chip'>{escape(name)}</span>"


def _context_chip(text: str, title: str, color: str) -> str:
    """A dashed "context" chip, edged in the topic's colour, for a placement the claim's own words did not make."""
    return (f"<span class='pv-chip pv-context' style='border-color: {escape(color)}' title='{escape(title)}'>"
            f"{escape(text)}</span>")


def empty_note(text: str) -> str:
    """An explicit empty state, e.g. "No claims on Taiwan"."""
    return f"<div class='pv-empty'>{escape(text)}</div>"


def article_text(segments: Iterable[Segment], colors: Mapping[str, str], labels: Mapping[str, str],
                 positions: pd.DataFrame) -> str:
    """An article body with each claim highlighted, its citations marked and the positions it takes as chips
    (``positions`` is ``styles.position_styles``).

    A claim's own words placing it in a topic (a direct match) give a solid underline in that topic's colour;
    a claim that is in its topics only by context gets a dashed underline over a hatched tint instead, so the
    two read apart without telling colours apart. Each context placement adds a "context" chip whose title
    says what established the topic.
    """
    parts = []
    styles = position_lookup(positions)
    for seg in segments:
        text = escape(seg.text)
        if seg.topics:
            text = _highlight(text, seg, colors, labels)
        if seg.sources:
            text += "".join(f"<sup class='pv-cite'>[{escape(name)}{'' if known else ', unrecognised'}]</sup>"
                            for name, known in seg.sources)
        text += "".join(_context_chip("context", f"{labels.get(topic, topic)} by context: {origin}",
                                      colors.get(topic, UNKNOWN_COLOR)) for topic, origin in seg.context)
        text += "".join(position_chip(styles, topic, position) for topic, position in seg.positions)
        parts.append(text)
    return f"<div class='pv-article'>{''.join(parts)}</div>"


def _highlight(text: str, seg: Segment, colors: Mapping[str, str], labels: Mapping[str, str]) -> str:
    """``text`` (escaped) marked in the colour of the claim's first direct topic, or, when every topic is by
    context, of its first topic with the dashed, hatched context style, and a stripe of each other topic's colour
    under it; the title lists every topic."""
    by_context = dict(seg.context)
    direct = [topic for topic in seg.topics if topic not in by_context]
    color = escape(colors.get((direct or list(seg.topics))[0], UNKNOWN_COLOR))
    style = (f"background: {color}33; border-bottom: 2px solid {color}" if direct else
             f"background: repeating-linear-gradient(135deg, {color}30 0 4px, {color}0d 4px 8px); "
             f"border-bottom: 2px dashed {color}")
    # Each further topic adds a stripe of its colour under the first: a claim in two topics shows both.
    stripes = [escape(colors.get(t, UNKNOWN_COLOR)) for t in seg.topics if t != (direct or list(seg.topics))[0]]
    if stripes:
        style += "; box-shadow: " + ", ".join(f"0 {2 + 3 * (i + 1)}px 0 -1px {c}" for i, c in enumerate(stripes))
    names = "; ".join(labels.get(t, t) + (f" (by context: {by_context[t]})" if t in by_context else "")
                      for t in seg.topics)
    return f"<mark style='{style}' title='{escape(names)}'>{text}</mark>"


def topic_legend(styles: pd.DataFrame) -> str:
    """Topic colour swatches, so a highlight's colour can be read without hovering, and the key to the two
    underlines (the claim's own words, or context)."""
    items = "".join(f"<span><i style='background: {escape(c)}'></i>{escape(label)}</span>"
                    for label, c in zip(styles["label"], styles["color"], strict=True))
    key = ("<span class='pv-key'><u style='text-decoration-style: solid'>solid</u>: its own words place it · "
           "<u style='text-decoration-style: dashed'>dashed</u> <span class='pv-chip pv-context'>context</span>: "
           "the sentences around it do</span>")
    return f"<div class='pv-legend'>{items}{key}</div>"


def dropped_text(items: Iterable[Dropped]) -> str:
    """The furniture dropped from an article's body, greyed, each piece after its reason; it is page text
    the build judged not to be the article's, so it is escaped like any other."""
    rows = "".join(f"<div class='pv-dropped'><span class='pv-chip'>{escape(item.reason)}</span>"
                   f"{escape(item.text)}</div>" for item in items)
    return rows or empty_note("Nothing was dropped from this article's text.")


def metadata_table(fields: Mapping[str, object], url: object) -> str:
    """An article's metadata as a small table; the link only when it is a plain http(s) URL."""
    rows = "".join(f"<tr><td>{escape(key)}</td><td>{escape(str(value))}</td></tr>"
                   for key, value in fields.items() if isinstance(value, str) and value.strip())
    if isinstance(url, str) and urlparse(url).scheme in ("http", "https"):
        rows += (f"<tr><td>Link</td><td><a href='{escape(url)}' target='_blank' rel='noopener noreferrer'>"
                 f"{escape(url)}</a></td></tr>")
    return f"<table class='pv-meta'>{rows}</table>"


def heading(text: str, level: int = 2) -> str:
    """A heading for an untrusted string (article titles), escaped rather than read as markdown."""
    return f"<h{level} style='margin: 0.2rem 0 0.4rem 0'>{escape(text)}</h{level}>"
