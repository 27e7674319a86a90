"""Briefing export: one topic, each author's claims, positions and cited sources, as Markdown or CSV."""

from __future__ import annotations

import io

import pandas as pd

from perspectives.measures.contrast import contrast_table, disagreements, topic_claims
from perspectives.measures.selection import Tables

FORMATS = ("md", "csv")


def briefing_rows(tables: Tables, topic: str) -> pd.DataFrame:
    """The topic's claims, one row each, with author, article, voice, position and the sources cited."""
    frame = topic_claims(tables, topic)
    cited = tables["citations"].groupby("claim_id")["source"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    frame = frame.merge(cited.rename("sources"), left_on="claim_id", right_index=True, how="left")
    columns = {"group": "author", "display_title": "article", "claim_id": "claim_id", "voice": "voice",
               "position": "position", "sources": "sources", "text": "claim"}
    return frame[list(columns)].rename(columns=columns).fillna({"sources": "", "position": ""})


def render_briefing(tables: Tables, topic: str, label: str, fmt: str = "md") -> str:
    """The briefing for one topic in the given format (``md`` or ``csv``)."""
    rows = briefing_rows(tables, topic)
    if fmt == "csv":
        buffer = io.StringIO()
        rows.to_csv(buffer, index=False)
        return buffer.getvalue()
    return _markdown(tables, topic, label, rows)


def _markdown(tables: Tables, topic: str, label: str, rows: pd.DataFrame) -> str:
    lines = [f"# {label}: how the authors treat it", ""]
    if rows.empty:
        return "\n".join([*lines, "No claims on this topic.", ""])
    summary = contrast_table(tables, topic)
    lines += ["| author | claims | share of their text | positions | own voice | sources |",
              "|---|---|---|---|---|---|"]
    lines += [f"| {_cell(r.group)} | {r.claims} | {r.share:.0%} | {_cell(r.positions)} | {r.own_share:.0%} | "
              f"{_cell(r.sources)} |" for r in summary.itertuples()]
    pairs = disagreements(tables, topic, limit=5)
    if not pairs.empty:
        lines += ["", "## Where they disagree", ""]
        lines += [f"- **{_cell(p.group_a)}** ({p.position_a}): {p.text_a}\n  vs **{_cell(p.group_b)}** "
                  f"({p.position_b}): {p.text_b}" for p in pairs.itertuples()]
    for author, claims in rows.groupby("author", sort=True):
        lines += ["", f"## {author}", ""]
        for r in claims.itertuples():
            tags = [r.voice] + ([r.position] if r.position else []) + ([f"sources: {r.sources}"] if r.sources else [])
            lines.append(f"- {r.claim} _({'; '.join(tags)}; {r.article})_")
    return "\n".join(lines) + "\n"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")
