"""Scoring against gold: topic precision/recall/F1, metadata, sources with aliases, voice."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.evaluate import GoldError, evaluate, score_folder

ARTICLE = """---
title: Small Piece
author: Ann Lee
date: 2022-01-05
---
The treaty was extended. Taiwan was named in the treaty. The weather was fine. Nothing on topics here.
"""


@pytest.fixture
def built(write_config, tmp_path: Path):
    config = load_config(write_config({"small.md": ARTICLE}, sources=[
        {"name": "TASS", "aliases": ["Tass"], "type": "media", "country": "Russia"}]))
    run_pipeline(config)
    return config


def write_gold(tmp_path: Path, **fields) -> Path:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir(exist_ok=True)
    data = {"article": "small.md", "title": "Small Piece", "author": "Ann Lee", "date": "2022-01-05",
            "claims": [], "sources": []}
    data.update(fields)
    (gold_dir / "small.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    return gold_dir


def test_hand_made_gold_gives_hand_computed_scores(built, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, claims=[
        {"text": "The treaty was extended", "topics": ["treaty_status"], "voice": "own"},
        # Our rules place this in treaty_status and taiwan; gold says taiwan only: one false positive.
        {"text": "Taiwan was named", "topics": ["taiwan"], "voice": "attributed"},
        # A gold topic on a claim our rules leave empty: one false negative.
        {"text": "The weather was fine", "topics": ["taiwan"], "voice": "own"},
    ])
    scores = evaluate(built, gold)
    assert scores["topics"]["treaty_status"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "support": 1}
    assert scores["topics"]["taiwan"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert scores["macro_f1"] == pytest.approx(0.6667, abs=1e-4)
    assert scores["voice"]["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["metadata"] == {"title": 1.0, "author": 1.0, "date": 1.0}


def test_unmatched_gold_claim_counts_as_missed(built, tmp_path: Path) -> None:
    gold = write_gold(tmp_path, claims=[{"text": "never written", "topics": ["taiwan"], "voice": "own"}])
    scores = evaluate(built, gold)
    assert scores["topics"]["taiwan"]["recall"] == 0.0
    assert scores["voice"]["accuracy"] == 0.0


def test_wrong_metadata_scores_zero(built, tmp_path: Path) -> None:
    scores = evaluate(built, write_gold(tmp_path, author="Someone Else", date=None))
    assert scores["metadata"]["author"] == 0.0
    assert scores["metadata"]["date"] is None


def test_sources_compare_through_aliases(write_config, tmp_path: Path) -> None:
    config = load_config(write_config(
        {"small.md": "According to Tass, the treaty was extended. It holds.\n"},
        sources=[{"name": "TASS", "aliases": ["Tass", "ITAR-TASS"], "type": "media", "country": "Russia"}]))
    run_pipeline(config)
    scores = evaluate(config, write_gold(tmp_path, title=None, author=None, date=None,
                                         sources=[{"name": "ITAR-TASS", "type": "media"}]))
    assert scores["sources"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_sources_compare_as_the_gazetteer_folds_names(write_config, tmp_path: Path) -> None:
    # The build takes "The Kremlin" for the Kremlin and finds the unlisted Diplomat without its "the";
    # gold naming them "the Kremlin" and "The Diplomat" means the same two sources.
    config = load_config(write_config(
        {"small.md": "The Kremlin said the treaty was extended. According to the Diplomat, it holds.\n"},
        sources=[{"name": "Kremlin", "type": "official", "country": "Russia"}]))
    run_pipeline(config)
    scores = evaluate(config, write_gold(tmp_path, title=None, author=None, date=None, sources=[
        {"name": "the Kremlin", "type": "official"}, {"name": "The Diplomat", "type": "media"}]))
    assert scores["sources"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_missing_gold_folder_is_a_clear_error(built, tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no such folder"):
        evaluate(built, tmp_path / "nowhere")


def test_score_folder_builds_another_annotated_folder_with_the_config_s_rules(write_config, tmp_path: Path) -> None:
    config = load_config(write_config({"own.md": "Nothing of note here.\n"}))
    other = tmp_path / "other"
    (other / "articles").mkdir(parents=True)
    (other / "articles" / "small.md").write_text(ARTICLE, encoding="utf-8")
    gold_dir = write_gold(other, claims=[
        {"text": "The treaty was extended", "topics": ["treaty_status"]},
        {"text": "Taiwan was named in the treaty", "topics": ["taiwan"]}])
    scores = score_folder(config, other / "articles", gold_dir, tmp_path / "scratch")
    assert scores["topics"]["taiwan"]["f1"] == 1.0
    assert scores["topics"]["treaty_status"]["precision"] == 0.5    # the Taiwan sentence names the treaty too
    assert not config.output_dir.exists()                            # the config's own build is left alone


def test_score_folder_refuses_a_folder_without_articles(write_config, tmp_path: Path) -> None:
    config = load_config(write_config({"own.md": "Text.\n"}))
    with pytest.raises(GoldError, match="no such folder of articles"):
        score_folder(config, tmp_path / "missing", tmp_path, tmp_path / "scratch")
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldError, match="no article files in it"):
        score_folder(config, tmp_path / "empty", tmp_path, tmp_path / "scratch")
