"""Overview view: the headline numbers, then a tab each for the heatmap, the positions chart, the blind spots table
and claims per article."""

from tests.dashboard.conftest import app, assert_clean, opened


def _charts(at):
    return at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_overview_draws_the_open_tab_only(bundled):
    at = opened(view="overview")
    assert "Outlets" in [m.label for m in at.metric]
    assert [c.proto.id.endswith("-heatmap") for c in _charts(at)] == [True], "the heatmap, and nothing else"
    assert not at.dataframe
    at = opened(view="overview", overview_part="Claims per article")
    assert [c.proto.id.endswith("-heatmap") for c in _charts(at)] == [False], "the bars, and not the heatmap"


def test_overview_blind_spots(bundled):
    at = opened(view="overview", overview_part="Blind spots")
    spots = at.dataframe[0].value
    assert list(spots.columns) == ["author", "topic", "gap"]
    assert spots["gap"].str.contains("never covers it").any()


def test_overview_positions_count_own_stances_and_mark_reported_ones(corpus):
    at = opened(view="overview", overview_part="Positions")
    spec = next(c.proto.spec for c in _charts(at) if "Own position of each" in c.proto.spec)
    assert "reported_mark" in spec, "reported stances are a layer of their own"


def test_overview_shows_the_top_rows_with_a_control_and_the_hidden_count(corpus):
    at = app()
    at.query_params.update({"view": "overview", "rows": "2"})
    at.run()
    assert_clean(at)
    assert at.number_input(key="rows").value == 2
    assert any("hidden: 3 authors" in c.value for c in at.caption), [c.value for c in at.caption]
