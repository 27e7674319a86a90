"""Contrast: disagreements, closest claims, one row per author, distinctive words, on hand-made and seed tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.measures import contrast
from perspectives.measures.contrast import (
    _distinct_pairs,
    closest_claims,
    contrast_table,
    disagreements,
    distinctive_terms,
)
from perspectives.measures.selection import prepare_tables
from perspectives.measures.vocabulary import TERMS, claim_terms
from perspectives.tables import conform
from perspectives.words import word_rows
from tests.measures.conftest import POSITIONED, REPORTED, positioned_tables


def test_disagreements_pair_opposite_positions_of_different_authors() -> None:
    pairs = disagreements(POSITIONED, "mil")
    assert list(zip(pairs["claim_id_a"], pairs["claim_id_b"], strict=True)) in ([("a1", "b1")], [("b1", "a1")])
    assert disagreements(POSITIONED, "econ").empty


def test_a_topic_over_the_pairing_cap_pairs_every_group(monkeypatch) -> None:
    """Ann writes first and most: the first claims in order are all hers, yet Bob and Cat are paired too."""
    rows = [(f"a{i}", "ann", "mil", "toward", f"A military alliance is forming, part {i}.") for i in range(6)]
    rows += [("b1", "bob", "mil", "short", "There is no need for a military alliance."),
             ("c1", "cat", "mil", "short", "A military alliance is not forming.")]
    tables = positioned_tables(rows)
    monkeypatch.setattr(contrast, "MAX_PAIRING_CLAIMS", 4)
    pairs = disagreements(tables, "mil")
    assert {frozenset((a, b)) for a, b in zip(pairs["group_a"], pairs["group_b"], strict=True)} == {
        frozenset(("ann", "bob")), frozenset(("ann", "cat"))}
    assert set(closest_claims(tables, "mil")["group_a"]) == {"ann", "bob", "cat"}


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


def test_stored_terms_give_the_same_contrast_as_tokenising(seed_corpus) -> None:
    config = load_config(seed_corpus)
    run_pipeline(config)
    tables = prepare_tables(store.read_tables(config.output_dir))
    words = pa.Table.from_pandas(conform("claim_words", word_rows(tables["claims"])))
    stored = {**tables, TERMS: claim_terms(words)}
    for topic in (t.id for t in config.topics):
        for by in ("author", "outlet"):
            for measure, kwargs in ((contrast_table, {}), (distinctive_terms, {"top": 8}), (closest_claims, {}),
                                    (disagreements, {"include_reported": True})):
                pd.testing.assert_frame_equal(measure(stored, topic, by=by, **kwargs),
                                              measure(tables, topic, by=by, **kwargs))


def test_distinct_pairs_pick_down_the_ranking_like_a_greedy_loop() -> None:
    rng = np.random.default_rng(7)
    for _ in range(50):
        size = int(rng.integers(0, 60))
        key, a, b = (rng.integers(0, high, size) for high in (4, 12, 12))
        used: dict[int, set[int]] = {}
        taken: dict[int, int] = {}
        expected = []
        for row, (k, x, y) in enumerate(zip(key.tolist(), a.tolist(), b.tolist(), strict=True)):
            seen = used.setdefault(k, set())
            if taken.get(k, 0) < 3 and x not in seen and y not in seen:
                expected.append(row)
                seen.update((x, y))
                taken[k] = taken.get(k, 0) + 1
        assert _distinct_pairs(key, a, b, 3).tolist() == expected


def test_closest_claims_rank_by_similarity_then_claim_id() -> None:
    tables = positioned_tables([
        ("a1", "ann", "mil", None, "A de facto military alliance is forming."),
        ("b2", "bob", "mil", None, "A de facto military alliance is forming."),
        ("b1", "bob", "mil", None, "A de facto military alliance is forming."),
        ("c1", "cat", "mil", None, "Gas flows through the pipeline."),
    ])
    closest = closest_claims(tables, "mil")
    assert list(zip(closest["claim_id_a"], closest["claim_id_b"], strict=True)) == [
        ("a1", "b1"), ("b1", "a1"), ("b2", "a1")], "copies tie: the lower claim id wins; c1 is like none"
