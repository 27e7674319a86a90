"""Topics view: rule diagnostics for every topic, whatever the sidebar's topic filter: direct and context
placements, term hits, overlaps, uncaught claims, and the build's furniture counts."""

import json

import pandas as pd

from tests.dashboard.conftest import app, assert_clean


def test_topics_view_shows_term_hits_overlaps_and_uncaught_claims(bundled):
    at = app()
    at.query_params["view"] = "Topics"
    at.run(timeout=120)
    assert_clean(at)
    tables = [d.value for d in at.dataframe]
    rules = next(t for t in tables if list(t.columns) == ["rule", "term", "claims"])
    assert rules.set_index("term").loc["treaty", "claims"] > 0
    assert (rules["claims"] == 0).any() and any("matched no claim" in c.value for c in at.caption)
    assert any("fall in no topic" in c.value for c in at.caption)
    assert any("phrase" in t.columns for t in tables), "the uncaught claims' frequent phrases"
    assert any(list(t.columns) == ["text", "article"] and len(t) > 0 for t in tables), "the uncaught claims, text first"


def test_topics_view_ignores_the_topic_filter(corpus):
    at = app()
    at.query_params.update({"view": "Topics", "topics": ["Taiwan"]})
    at.run()
    assert_clean(at)
    assert len(at.tabs) == 3


def test_topics_view_counts_direct_and_context_placements_and_furniture(corpus):
    at = app()
    at.query_params["view"] = "Topics"
    at.run()
    assert_clean(at)
    tables = [d.value for d in at.dataframe]
    shown = next(t for t in tables if list(t.columns) == ["topic", "direct", "context"]).set_index("topic")
    placed = pd.read_parquet(corpus / "processed" / "claim_topics.parquet")
    labels = {"taiwan": "Taiwan", "trade": "Trade", "energy": "Energy"}
    for topic, label in labels.items():
        rows = placed[placed["topic"] == topic]
        assert shown.loc[label].tolist() == [rows["context"].isna().sum(), rows["context"].notna().sum()], label
    assert shown.loc["Taiwan", "context"] == 1, "the fixture's context placement"
    by_context = next(t for t in tables if "established by" in t.columns)
    assert by_context[["text", "established by"]].values.tolist() == [
        ["Markets shrugged at the latest drills.", '"taipei" in sentence 4']]
    report = json.loads((corpus / "processed" / "build_report.json").read_text(encoding="utf-8"))
    furniture = next(t for t in tables if list(t.columns) == ["reason", "dropped"])
    assert dict(zip(furniture["reason"], furniture["dropped"], strict=True)) == report["furniture_dropped"]
    assert {"caption", "credit", "related link"} <= set(furniture["reason"])
