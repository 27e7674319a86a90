"""Contrast: disagreements, closest claims, one row per author, distinctive words, on hand-made and seed tables."""

from __future__ import annotations

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.measures.contrast import closest_claims, contrast_table, disagreements, distinctive_terms
from perspectives.measures.selection import prepare_tables
from tests.measures.conftest import POSITIONED


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
    texts = list(econ["text_a"] + " || " + econ["text_b"])
    assert any("partnership of unequals" in t and "mutually" in t for t in texts)
    military = disagreements(tables, "military_cooperation")
    texts = list(military["text_a"] + " || " + military["text_b"])
    assert any("de facto military alliance" in t and "no need to evolve" in t for t in texts)
