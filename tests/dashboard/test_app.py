"""The page layout: every view renders from the navigation radio, bound to the address."""

import pytest

from tests.dashboard.conftest import app, assert_clean

VIEWS = ["Compare", "Contrast", "Overview", "Sources", "Article", "Claims", "Topics"]


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_renders(corpus, view):
    at = app()
    at.query_params["view"] = view
    at.run()
    assert_clean(at)
    assert at.radio(key="view").value == view
