"""Briefing export: one topic, each group's claims, positions and cited sources, as Markdown or CSV.

Groups are authors, outlets, articles or a declared field's values (``by``). A group's positions are its own-voice
claims' only; a reported claim's stance is named with its holder ("Xi Jinping, quoted by Bob Chen").
"""

from __future__ import annotations

import io

import pandas as pd

from perspectives.measures.contrast import contrast_table, disagreements, topic_claims
from perspectives.measures.groups import AUTHOR, group_noun
from perspectives.measures.selection import Tables

FORMATS = ("md", "csv")


def briefing_rows(tables: Tables, topic: str, *, by: str = AUTHOR) -> pd.DataFrame:
    """The topic's claims, one row each, with group, article, voice, position, whose stance the position is,
    and the sources cited."""
    frame = topic_claims(tables, topic, by=by)
    cited = tables["citations"].groupby("claim_id")["source"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    frame = frame.merge(cited.rename("sources"), left_on="claim_id", right_index=True, how="left")
    frame["stance_of"] = frame["holder"].where(frame["position"].notna(), "")
    columns = {"group": "group", "display_title": "article", "claim_id": "claim_id", "voice": "voice",
               "position": "position", "stance_of": "stance_of", "sources": "sources", "text": "claim"}
    return frame[list(columns)].rename(columns=columns).fillna({"sources": "", "position": ""})


def render_briefing(tables: Tables, topic: str, label: str, fmt: str = "md", *, by: str = AUTHOR,
                    fields: dict[str, str] | None = None) -> str:
    """The briefing for one topic in the given format (``md`` or ``csv``), comparing by ``by`` (``fields``
    names the declared fields, for headings)."""
    rows = briefing_rows(tables, topic, by=by)
    if fmt == "csv":
        buffer = io.StringIO()
        rows.rename(columns={"group": group_noun(by, fields)}).to_csv(buffer, index=False)
        return buffer.getvalue()
    return _markdown(tables, topic, label, rows, by=by, fields=fields)


def _markdown(tables: Tables, topic: str, label: str, rows: pd.DataFrame, *, by: str,
              fields: dict[str, str] | None) -> str:
    noun, nouns = group_noun(by, fields), group_noun(by, fields, plural=True)
    lines = [f"# {label}: how the {nouns} treat it", ""]
    if rows.empty:
        return "\n".join([*lines, "No claims on this topic.", ""])
    summary = contrast_table(tables, topic, by=by)
    lines += [f"Positions are each {noun}'s own claims; stances they quote or report are listed with whose they are.",
              "", f"| {noun} | claims | share of their text | own positions | reported stances | own voice | sources |",
              "|---|---|---|---|---|---|---|"]
    lines += [f"| {_cell(r.group)} | {r.claims} | {r.share:.0%} | {_cell(r.positions)} | "
              f"{_cell(_reported(r.reported))} | {r.own_share:.0%} | {_cell(r.sources)} |"
              for r in summary.itertuples()]
    pairs = disagreements(tables, topic, by=by, limit=5)
    if not pairs.empty:
        lines += ["", "## Where they disagree (own stances)", ""]
        lines += [f"- **{_cell(p.holder_a)}** ({p.position_a}): {p.text_a}\n  vs **{_cell(p.holder_b)}** "
                  f"({p.position_b}): {p.text_b}" for p in pairs.itertuples()]
    for group, claims in rows.groupby("group", sort=True):
        lines += ["", f"## {group}", ""]
        for r in claims.itertuples():
            stance = ([r.position if r.voice != "attributed" else f"{r.position}, the stance of {r.stance_of}"]
                      if r.position else [])
            tags = [r.voice, *stance] + ([f"sources: {r.sources}"] if r.sources else [])
            lines.append(f"- {r.claim} _({'; '.join(tags)}; {r.article})_")
    return "\n".join(lines) + "\n"


def _reported(stances: list[tuple[str, str, int]]) -> str:
    return "; ".join(f"{holder}: {position} {n}" for holder, position, n in stances) or "—"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")
