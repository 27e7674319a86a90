"""Markup as functions: context placements read apart from direct ones, and dropped furniture is escaped."""

from __future__ import annotations

import importlib
from types import ModuleType

import pandas as pd
import pytest

from perspectives.measures.article import Dropped, Segment
from perspectives.present.styles import position_styles
from tests.conftest import ROOT

COLORS = {"taiwan": "#d62728", "trade": "#4e79a7"}
LABELS = {"taiwan": "Taiwan", "trade": "Trade"}


@pytest.fixture
def markup(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """dashboard/markup.py, imported by its bare name as Streamlit imports it (dashboard/ on sys.path)."""
    monkeypatch.syspath_prepend(str(ROOT / "dashboard"))
    return importlib.import_module("markup")


def _article(markup: ModuleType, *segments: Segment) -> str:
    return str(markup.article_text(segments, COLORS, LABELS, position_styles([])))


def test_a_claim_only_in_context_is_dashed_and_chipped(markup):
    html = _article(markup, Segment("The drills began.", "a:1", ("taiwan",), (),
                                    context=(("taiwan", '"Taipei" in sentence 1'),)))
    assert "border-bottom: 2px dashed #d62728" in html and "repeating-linear-gradient" in html
    assert "class='pv-chip pv-context'" in html and ">context</span>" in html
    assert "title='Taiwan by context: &quot;Taipei&quot; in sentence 1'" in html, "the chip says what established it"


def test_a_direct_match_keeps_its_solid_highlight(markup):
    html = _article(markup, Segment("Taiwan matters.", "a:0", ("taiwan",), ()))
    assert "<mark style='background: #d6272833; border-bottom: 2px solid #d62728' title='Taiwan'>" in html
    assert "pv-context" not in html


def test_a_claim_direct_in_one_topic_and_context_in_another_is_solid_in_the_direct_colour(markup):
    html = _article(markup, Segment("Trade with it grows.", "a:2", ("taiwan", "trade"), (),
                                    context=(("taiwan", "continues sentence 1"),)))
    assert "border-bottom: 2px solid #4e79a7" in html, "its own words placed it in Trade"
    assert "title='Taiwan (by context: continues sentence 1); Trade'" in html
    assert html.count("pv-chip pv-context") == 1


def test_compare_cards_chip_a_context_claim_with_its_origin(markup):
    claims = pd.DataFrame({"voice": ["own", "own"], "display_title": ["T", "T"], "position_in_article": [0, 1],
                           "sources": [(), ()], "position": [None, None], "text": ["Taiwan matters.", "It drills."],
                           "context": [None, '"Taiwan" in <b>sentence</b> 1']})
    html = markup.claim_cards(claims, color="#d62728", show_article=True, topic="taiwan",
                              positions=position_styles([]))
    assert html.count("pv-chip pv-context") == 1
    assert "context: &quot;Taiwan&quot; in &lt;b&gt;sentence&lt;/b&gt; 1</span>" in html, "escaped, with the origin"


def test_dropped_text_is_greyed_with_its_reason_and_escaped(markup):
    html = markup.dropped_text([Dropped("Read more: <script>alert(1)</script>", "related link")])
    assert "<div class='pv-dropped'><span class='pv-chip'>related link</span>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "Nothing was dropped" in markup.dropped_text([])
