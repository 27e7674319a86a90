"""Sources view: its metrics and charts, or a note that no citation matches."""

from tests.dashboard.conftest import app, assert_clean


def test_sources_view_shows_its_parts_or_says_none(corpus):
    at = app()
    at.query_params["view"] = "Sources"
    at.run()
    assert_clean(at)
    assert at.metric or any("No citations" in i.value for i in at.info)
