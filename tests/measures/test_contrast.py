"""Contrast: disagreements, closest claims, one row per author, distinctive words, on hand-made and seed tables."""

from __future__ import annotations

import pandas as pd

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.measures.contrast import closest_claims, contrast_table, disagreements, distinctive_terms
from perspectives.measures.selection import prepare_tables
from tests.measures.conftest import POSITIONED, REPORTED


def test_disagreements_pair_opposite_positions_of_different_authors() -> None:
    pairs = disagreements(POSITIONED, "mil")
    assert list(zip(pairs["claim_id_a"], pairs["claim_id_b"], strict=True)) in ([("a1", "b1")], [("b1", "a1")])
    assert disagreements(POSITIONED, "econ").empty


def test_closest_claims_pair_each_claim_with_another_author() -> None:
    closest = closest_claims(POSITIONED, "mil").set_index("claim_id_a")
    assert closest.loc["b1", "claim_id_b"] == "a1"
    assert closest.loc["a1", "group_b"] == "bob"


def test_contrast_table_rows_per_author() -> None:
    table = contrast_table(POSITIONED, "mil").set_index("group")
    assert table.loc["ann", "claims"] == 2 and table.loc["ann", "share"] == 1.0
    assert table.loc["ann", "positions"] == "toward 1" and table.loc["ann", "sources"] == "TASS"
    assert table.loc["bob", "share"] == 0.5 and table.loc["bob", "dominant_position"] == "short"


def test_distinctive_terms_come_with_their_claims() -> None:
    terms = distinctive_terms(POSITIONED, "mil", top=50)
    patrols = terms[(terms["group"] == "ann") & (terms["term"] == "patrols")]
    assert patrols["claim_ids"].iloc[0] == ["a2"]


def test_seed_contrast_shows_the_codebook_disagreements(seed_corpus) -> None:
    config = load_config(seed_corpus)
    run_pipeline(config)
    tables = prepare_tables(store.read_tables(config.output_dir))
    econ = disagreements(tables, "economic_asymmetry")
    assert set(econ["voice_a"]) | set(econ["voice_b"]) == {"own"}, "own stances only, by default"
    texts = list(econ["text_a"] + " || " + econ["text_b"])
    assert any("partnership of unequals" in t and "mutually" in t for t in texts)
    # "no need to evolve…" is what "Russia and China agree": a reported stance, paired only when asked for.
    assert not any("no need to evolve" in t for t in disagreements(tables, "military_cooperation")["text_b"])
    military = disagreements(tables, "military_cooperation", include_reported=True)
    texts = list(military["text_a"] + " || " + military["text_b"])
    assert any("de facto military alliance" in t and "no need to evolve" in t for t in texts)


def test_a_reported_stance_is_its_speakers_never_the_authors() -> None:
    tables = REPORTED
    table = contrast_table(tables, "mil").set_index("group")
    assert table.loc["bob", "positions"] == "—" and pd.isna(table.loc["bob", "dominant_position"])
    assert table.loc["bob", "reported"] == [("Sergei Lavrov, quoted by bob", "toward", 1)]
    assert disagreements(tables, "mil").empty, "ann and bob's own stances agree"
    pairs = disagreements(tables, "mil", include_reported=True)
    assert len(pairs) == 1
    sides = {pairs.loc[0, "holder_a"], pairs.loc[0, "holder_b"]}
    assert sides == {"ann", "Sergei Lavrov, quoted by bob"}
