"""Topics view: rule diagnostics for every topic, whatever the sidebar's topic filter: direct and context
placements, term hits, overlaps, uncaught claims, and the build's furniture counts, one tab each."""

import json

import pandas as pd

from tests.dashboard.conftest import app, assert_clean, opened

SECTIONS = ["Rules and their hits", "Claims in several topics", "Claims no topic caught", "Site furniture dropped"]


def test_topics_view_shows_term_hits_overlaps_and_uncaught_claims(bundled):
    at = opened(view="topics")
    tables = [d.value for d in at.dataframe]
    rules = next(t for t in tables if list(t.columns) == ["rule", "term", "claims"])
    assert rules.set_index("term").loc["treaty", "claims"] > 0
    assert (rules["claims"] == 0).any() and any("matched no claim" in c.value for c in at.caption)
    assert not any("fall in no topic" in c.value for c in at.caption), "only the open tab is drawn"
    at = opened(view="topics", topics_part="Claims no topic caught")
    tables = [d.value for d in at.dataframe]
    assert any("fall in no topic" in c.value for c in at.caption)
    assert any("phrase" in t.columns for t in tables), "the uncaught claims' frequent phrases"
    assert any(list(t.columns) == ["text", "article"] and len(t) > 0 for t in tables), "the uncaught claims, text first"


def test_topics_view_ignores_the_topic_filter(corpus):
    at = app()
    at.query_params.update({"view": "Topics", "topics": ["Taiwan"]})
    at.run()
    assert_clean(at)
    assert sorted(t.label for t in at.tabs) == sorted([*SECTIONS, "Taiwan", "Trade", "Energy"])


def test_topics_view_draws_the_topic_tab_the_reader_opens(corpus):
    at = opened(view="topics")
    at.session_state["rules_topic"] = "Trade"
    at.run()
    assert_clean(at)
    assert [c.value for c in at.caption if "claims placed in" in c.value] == [
        next(c.value for c in at.caption if "claims placed in Trade" in c.value)]


def test_topics_view_shows_claims_in_several_topics(corpus):
    at = opened(view="topics", topics_part="Claims in several topics")
    several = [d.value for d in at.dataframe if list(d.value.columns) == ["text", "topics"]]
    placed = pd.read_parquet(corpus / "processed" / "claim_topics.parquet")
    shared = placed["claim_id"].value_counts()
    assert len(several) == 1 and len(several[0]) == (shared > 1).sum() > 0


def test_topics_view_counts_direct_and_context_placements_and_furniture(corpus):
    at = opened(view="topics")
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
    at = opened(view="topics", topics_part="Site furniture dropped")
    furniture = next(d.value for d in at.dataframe if list(d.value.columns) == ["reason", "dropped"])
    assert dict(zip(furniture["reason"], furniture["dropped"], strict=True)) == report["furniture_dropped"]
    assert {"caption", "credit", "related link"} <= set(furniture["reason"])
