"""Claims view: the sidebar's search narrows the table, and the download is offered."""

from tests.dashboard.conftest import app, assert_clean


def test_claims_view_search_and_download(corpus):
    at = app()
    at.query_params.update({"view": "Claims", "q": "reunified"})
    at.run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert list(table["author"]) == ["Bob Chen"]
    assert at.get("download_button")
