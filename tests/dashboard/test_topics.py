"""Topics view: rule diagnostics for every topic, whatever the sidebar's topic filter."""

from tests.dashboard.conftest import app, assert_clean


def test_topics_view_shows_term_hits_overlaps_and_uncaught_claims(bundled):
    at = app()
    at.query_params["view"] = "Topics"
    at.run(timeout=120)
    assert_clean(at)
    tables = [d.value for d in at.dataframe]
    rules = tables[0]
    assert list(rules.columns) == ["rule", "term", "claims"]
    assert rules.set_index("term").loc["treaty", "claims"] > 0
    assert (rules["claims"] == 0).any() and any("matched no claim" in c.value for c in at.caption)
    assert any("fall in no topic" in c.value for c in at.caption)
    assert any("phrase" in t.columns for t in tables), "the uncaught claims' frequent phrases"
    assert any(list(t.columns) == ["article", "text"] and len(t) > 0 for t in tables), "the uncaught claims"


def test_topics_view_ignores_the_topic_filter(corpus):
    at = app()
    at.query_params.update({"view": "Topics", "topics": ["Taiwan"]})
    at.run()
    assert_clean(at)
    assert len(at.tabs) == 3
