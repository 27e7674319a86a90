"""Overview view: heatmap, positions chart and claims per article, and the blind spots table."""

from tests.dashboard.conftest import app, assert_clean


def test_overview_positions_chart_and_blind_spots(bundled):
    at = app()
    at.query_params["view"] = "overview"
    at.run(timeout=120)
    assert_clean(at)
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(charts) >= 3, "heatmap, positions chart, claims per article"
    spots = at.dataframe[0].value
    assert list(spots.columns) == ["author", "topic", "gap"]
    assert "Outlets" in [m.label for m in at.metric]
    assert spots["gap"].str.contains("never covers it").any()


def test_overview_positions_count_own_stances_and_mark_reported_ones(corpus):
    at = app()
    at.query_params.update({"view": "overview"})
    at.run()
    assert_clean(at)
    spec = next(c.proto.spec for c in (at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))
                if "Own position of each" in c.proto.spec)
    assert "reported_mark" in spec, "reported stances are a layer of their own"


def test_overview_shows_the_top_rows_with_a_control_and_the_hidden_count(corpus):
    at = app()
    at.query_params.update({"view": "overview", "rows": "2"})
    at.run()
    assert_clean(at)
    assert at.number_input(key="rows").value == 2
    assert any("hidden: 3 authors" in c.value for c in at.caption), [c.value for c in at.caption]
