"""Overview view: heatmap, positions chart and claims per article, and the blind spots table."""

from tests.dashboard.conftest import app, assert_clean


def test_overview_positions_chart_and_blind_spots(bundled):
    at = app()
    at.query_params["view"] = "Overview"
    at.run(timeout=120)
    assert_clean(at)
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(charts) >= 3, "heatmap, positions chart, claims per article"
    spots = at.dataframe[0].value
    assert list(spots.columns) == ["author", "topic", "gap"]
    assert spots["gap"].str.contains("never covers it").any()
