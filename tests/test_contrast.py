"""Cross-author measures: log-odds vocabulary, similarity, disagreements, blind spots, rule diagnostics, export."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from click.testing import CliRunner

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.cli import cli
from perspectives.config import load_config
from perspectives.measures.contrast import (
    blind_spots,
    closest_claims,
    contrast_table,
    disagreements,
    distinctive_terms,
    multi_topic_claims,
    term_hits,
    uncaught_claims,
)
from perspectives.measures.selection import prepare_tables
from perspectives.measures.vocabulary import cosine, log_odds, tfidf_vectors, tokens
from perspectives.present.briefing import render_briefing
from perspectives.tables import conform


def test_log_odds_matches_a_hand_computed_example() -> None:
    # alpha_w = 100 * 4/8 = 50 for both words; delta_a = log(53/51) - log(51/53); var = 1/53 + 1/51.
    scored = log_odds(Counter(a=3, b=1), Counter(a=1, b=3), Counter(a=4, b=4), alpha0=100).set_index("term")
    assert scored.loc["a", "delta"] == pytest.approx(0.076933, abs=1e-6)
    assert scored.loc["a", "z"] == pytest.approx(0.39221, abs=1e-5)
    assert scored.loc["b", "z"] == pytest.approx(-0.39221, abs=1e-5)
    assert list(scored.index) == ["a", "b"]


def test_log_odds_prior_shrinks_rare_words() -> None:
    prior = Counter(common=50, rare=1, other=20)
    scored = log_odds(Counter(common=10, rare=1), Counter(common=2, other=20), prior).set_index("term")
    assert scored.loc["common", "z"] > scored.loc["rare", "z"]


def test_tokens_drop_stop_words_and_add_bigrams() -> None:
    assert tokens("The partnership of unequals is lopsided, China's view.") == [
        "partnership", "unequals", "lopsided", "china", "view", "china view"]


def test_tfidf_cosine() -> None:
    a, b, c = tfidf_vectors(["de facto military alliance", "a formal military alliance", "pipeline gas trade"])
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, b) > cosine(a, c) == 0.0


def _tables(rows: list[tuple[str, str, str, str | None, str]]) -> dict[str, pd.DataFrame]:
    """Tables from (claim_id, author, topic, position, text) rows, one article per author."""
    articles = [{"article_id": a, "author": a, "title": f"By {a}", "path": f"{a}.md", "n_claims": 1,
                 "n_words": 5}
                for a in sorted({r[1] for r in rows})]
    claims = [{"claim_id": cid, "article_id": a, "paragraph": 0, "position_in_article": i, "text": text,
               "start": 0, "end": len(text), "voice": "own", "certainty": 0.0}
              for i, (cid, a, _, _, text) in enumerate(rows)]
    topics = [{"claim_id": cid, "topic": t, "position": p, "evidence": "x", "position_evidence": p}
              for cid, _, t, p, _ in rows if t]
    cites = [{"citation_id": "c1", "article_id": "ann", "claim_id": "a1", "source": "TASS", "known": True}]
    return prepare_tables({"articles": conform("articles", articles),
                           "claims": conform("claims", claims),
                           "claim_topics": conform("claim_topics", topics),
                           "citations": conform("citations", cites)})


TABLES = _tables([
    ("a1", "ann", "mil", "toward", "A de facto military alliance is forming."),
    ("a2", "ann", "mil", None, "Joint patrols continue."),
    ("b1", "bob", "mil", "short", "There is no need for a formal military alliance."),
    ("b2", "bob", "econ", None, "Gas flows through the pipeline."),
    ("c1", "cat", "econ", "unequal", "The pipeline deal is lopsided."),
])


def test_disagreements_pair_opposite_positions_of_different_authors() -> None:
    pairs = disagreements(TABLES, "mil")
    assert list(zip(pairs["claim_id_a"], pairs["claim_id_b"], strict=True)) in ([("a1", "b1")], [("b1", "a1")])
    assert disagreements(TABLES, "econ").empty


def test_closest_claims_pair_each_claim_with_another_author() -> None:
    closest = closest_claims(TABLES, "mil").set_index("claim_id_a")
    assert closest.loc["b1", "claim_id_b"] == "a1"
    assert closest.loc["a1", "group_b"] == "bob"


def test_contrast_table_rows_per_author() -> None:
    table = contrast_table(TABLES, "mil").set_index("group")
    assert table.loc["ann", "claims"] == 2 and table.loc["ann", "share"] == 1.0
    assert table.loc["ann", "positions"] == "toward 1" and table.loc["ann", "sources"] == "TASS"
    assert table.loc["bob", "share"] == 0.5 and table.loc["bob", "dominant_position"] == "short"


def test_distinctive_terms_come_with_their_claims() -> None:
    terms = distinctive_terms(TABLES, "mil", top=50)
    patrols = terms[(terms["group"] == "ann") & (terms["term"] == "patrols")]
    assert patrols["claim_ids"].iloc[0] == ["a2"]


def test_blind_spots() -> None:
    gaps = {(r.author, r.topic): r.gap for r in blind_spots(TABLES, ["mil", "econ"]).itertuples()}
    assert gaps == {("ann", "econ"): "never covers it", ("bob", "mil"): "1 claim, no source cited",
                    ("bob", "econ"): "1 claim, no source cited", ("cat", "mil"): "never covers it",
                    ("cat", "econ"): "1 claim, no source cited"}


def test_rule_diagnostics() -> None:
    assert term_hits(TABLES, "mil").to_dict("records") == [{"term": "x", "claims": 3}]
    assert multi_topic_claims(TABLES).empty
    missed, phrases = uncaught_claims(TABLES)
    assert missed.empty and phrases.empty


def test_briefing_export_has_each_author_and_the_disagreement() -> None:
    text = render_briefing(TABLES, "mil", "Military", "md")
    assert text.startswith("# Military: how the authors treat it")
    assert "## ann" in text and "## bob" in text and "## Where they disagree" in text
    assert "A de facto military alliance is forming. _(own; toward; sources: TASS; By ann)_" in text
    csv = render_briefing(TABLES, "mil", "Military", "csv").splitlines()
    assert csv[0] == "author,article,claim_id,voice,position,sources,claim"
    assert len(csv) == 4


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


def test_cli_export(seed_corpus, tmp_path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["build", "--config", str(seed_corpus)])
    out = tmp_path / "taiwan.md"
    result = runner.invoke(cli, ["export", "--config", str(seed_corpus), "--topic", "taiwan", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Taiwan is a constituent part of China" in out.read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["export", "--config", str(seed_corpus), "--topic", "nope"])
    assert bad.exit_code == 1 and "choose one of: treaty_status" in bad.output
