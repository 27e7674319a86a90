"""Overview: headline counts, coverage with explicit zeros, dominant positions and blind spots."""

import pandas as pd
import pytest

from perspectives.measures import overview
from perspectives.measures.selection import Selection, apply_selection
from tests.measures.conftest import POSITIONED, placed_with


def test_headline_counts(tables):
    assert overview.headline(tables) == {"articles": 3, "authors": 2, "outlets": 1, "claims placed": 5,
                                        "sources": 2}


def test_coverage_has_zero_rows_and_whole_text_share(tables, topics):
    cov = overview.coverage(tables, topics).set_index(["group", "topic"])
    assert cov.loc[("Ann", "taiwan"), "claims"] == 3
    assert cov.loc[("Ann", "taiwan"), "share"] == pytest.approx(3 / 4)
    assert cov.loc[("Untitled article", "taiwan"), "claims"] == 0
    filtered = apply_selection(tables, Selection(topics=("taiwan",)))
    narrowed = overview.coverage(filtered, topics).set_index(["group", "topic"])
    assert narrowed.loc[("Ann", "taiwan"), "share"] == pytest.approx(3 / 4), "same denominator"


def test_dominant_positions_per_author_and_topic(tables, topics):
    tables = placed_with(tables, "position", {("a1:0", "taiwan"): "contested", ("a2:0", "taiwan"): "contested",
                                              ("a1:2", "taiwan"): "part_of_china", ("a1:1", "trade"): "up",
                                              ("a1:2", "trade"): "down"})
    dominant = overview.dominant_positions(tables, topics).set_index(["group", "topic"])
    assert dominant.loc[("Ann", "taiwan"), "dominant"] == "contested"
    assert dominant.loc[("Ann", "taiwan"), "mix"] == {"contested": 2}, "a1:2 reports Reuters: not Ann's stance"
    assert dominant.loc[("Ann", "taiwan"), "reported"] == {("Reuters", "part_of_china"): 1}
    assert dominant.loc[("Ann", "trade"), "dominant"] == "up", "the reported 'down' is Reuters', not Ann's"
    untaken = dominant.loc[("Untitled article", "trade")]
    assert pd.isna(untaken["dominant"]) and untaken["positioned"] == 0 and untaken["claims"] == 1
    assert ("Untitled article", "taiwan") not in dominant.index, "a topic never covered has no row"


def test_blind_spots() -> None:
    gaps = {(r.group, r.topic): r.gap for r in overview.blind_spots(POSITIONED, ["mil", "econ"]).itertuples()}
    assert gaps == {("ann", "econ"): "never covers it", ("bob", "mil"): "1 claim, no source cited",
                    ("bob", "econ"): "1 claim, no source cited", ("cat", "mil"): "never covers it",
                    ("cat", "econ"): "1 claim, no source cited"}


def test_dominant_positions_tie_and_by_outlet(tables, topics):
    tables = placed_with(tables, "position", {("a1:0", "taiwan"): "contested", ("a2:0", "taiwan"): "part_of_china"})
    dominant = overview.dominant_positions(tables, topics, by="outlet").set_index(["group", "topic"])
    assert dominant.loc[("Herald", "taiwan"), "mix"] == {"contested": 1}
    assert dominant.loc[("(no outlet)", "taiwan"), "dominant"] == "part_of_china"
    assert overview.dominant_positions(tables, topics).set_index(["group", "topic"]).loc[
        ("Ann", "taiwan"), "dominant"] == overview.TIE
