"""Sidebar: the filters narrow every view, live in the address, and reset to everything."""

from tests.dashboard.conftest import app, assert_clean, headers


def test_author_filter_changes_compare(corpus):
    at = app().run()
    at.multiselect(key="authors").set_value(["Bob Chen"]).run()
    assert_clean(at)
    headings = headers(at)
    assert len(headings) == 1 and "Bob Chen" in headings[0]


def test_topic_filter_changes_overview(corpus):
    at = app()
    at.query_params["view"] = "Overview"
    at.run()
    placed = {m.label: m.value for m in at.metric}["Claims placed"]
    at.multiselect(key="topics").set_value(["energy"]).run()
    assert_clean(at)
    assert {m.label: m.value for m in at.metric}["Claims placed"] != placed
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_topic_filter_limits_compare_topics(corpus):
    at = app().run()
    at.multiselect(key="topics").set_value(["trade"]).run()
    assert at.selectbox(key="topic").options == ["Trade"]


def test_query_params_restore_a_filtered_view(corpus):
    at = app()
    at.query_params.update({"view": "Compare", "topic": "Energy", "authors": ["Bob Chen", "Carol Diaz"],
                            "q": "gas"})
    at.run()
    assert_clean(at)
    assert at.selectbox(key="topic").value == "energy"
    assert at.multiselect(key="authors").value == ["Bob Chen", "Carol Diaz"]
    assert at.text_input(key="q").value == "gas"
    assert [("Carol Diaz" in h) or ("Bob Chen" in h) for h in headers(at)] == [True, True]


def test_reset_clears_filters(corpus):
    at = app().run()
    at.multiselect(key="authors").set_value(["Bob Chen"]).run()
    at.text_input(key="q").set_value("strait").run()
    at.button(key="reset").click().run()
    assert_clean(at)
    assert at.multiselect(key="authors").value == []
    assert at.text_input(key="q").value == ""
    assert len(headers(at)) == 5


def test_outlet_and_declared_field_filters(corpus):
    at = app()
    at.query_params.update({"outlets": "Pacific Review"})
    at.run()
    assert_clean(at)
    assert [h.split("<p class='pv-head'>")[1].split("</p>")[0] for h in headers(at)] == ["Bob Chen", "Dan Evans"]
    at.multiselect(key="f_leaning").set_value(["hawkish"]).run()
    assert_clean(at)
    assert [h.split("<p class='pv-head'>")[1].split("</p>")[0] for h in headers(at)] == ["Dan Evans"]
