"""Briefing: one topic's export as Markdown or CSV, from the measures (the command is tested in tests/test_cli.py)."""

from __future__ import annotations

from perspectives.present.briefing import render_briefing
from tests.measures.conftest import POSITIONED, REPORTED


def test_briefing_export_has_each_author_and_the_disagreement() -> None:
    text = render_briefing(POSITIONED, "mil", "Military", "md")
    assert text.startswith("# Military: how the authors treat it")
    assert "## ann" in text and "## bob" in text and "## Where they disagree (own stances)" in text
    assert "A de facto military alliance is forming. _(own; toward; sources: TASS; By ann)_" in text
    csv = render_briefing(POSITIONED, "mil", "Military", "csv").splitlines()
    assert csv[0] == "author,article,claim_id,voice,position,stance_of,sources,claim"
    assert len(csv) == 4


def test_briefing_names_the_holder_of_a_reported_stance_and_never_counts_it() -> None:
    text = render_briefing(REPORTED, "mil", "Military", "md")
    assert "| bob | 1 | 100% | — | Sergei Lavrov, quoted by bob: toward 1 |" in text
    assert "_(attributed; toward, the stance of Sergei Lavrov, quoted by bob; sources: Sergei Lavrov; By bob)_" in text
    assert "Where they disagree" not in text, "ann's own stance against a quote is no disagreement"
