"""Briefing: one topic's export as Markdown or CSV, from the measures (the command is tested in tests/test_cli.py)."""

from __future__ import annotations

from perspectives.present.briefing import render_briefing
from tests.measures.conftest import POSITIONED


def test_briefing_export_has_each_author_and_the_disagreement() -> None:
    text = render_briefing(POSITIONED, "mil", "Military", "md")
    assert text.startswith("# Military: how the authors treat it")
    assert "## ann" in text and "## bob" in text and "## Where they disagree" in text
    assert "A de facto military alliance is forming. _(own; toward; sources: TASS; By ann)_" in text
    csv = render_briefing(POSITIONED, "mil", "Military", "csv").splitlines()
    assert csv[0] == "author,article,claim_id,voice,position,sources,claim"
    assert len(csv) == 4
