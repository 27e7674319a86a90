"""Briefing: one topic's export as Markdown or CSV, from the measures and from the command line."""

from __future__ import annotations

from click.testing import CliRunner

from perspectives.cli import cli
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


def test_cli_export(seed_corpus, tmp_path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["build", "--config", str(seed_corpus)])
    out = tmp_path / "taiwan.md"
    result = runner.invoke(cli, ["export", "--config", str(seed_corpus), "--topic", "taiwan", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Taiwan is a constituent part of China" in out.read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["export", "--config", str(seed_corpus), "--topic", "nope"])
    assert bad.exit_code == 1 and "choose one of: treaty_status" in bad.output
