"""Article view: unattributed articles labelled, hostile text escaped, claims highlighted in topic colours."""

from tests.dashboard.conftest import app, assert_clean, page_html


def test_unattributed_article_is_labelled_and_html_is_escaped(corpus):
    at = app()
    at.query_params.update({"view": "Article"})
    at.run()
    at.selectbox(key="article").set_value("hostile").run()
    assert_clean(at)
    html = page_html(at)
    assert "Unattributed — Hostile &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script" not in html and "<img" not in html


def test_article_view_highlights_claims_in_topic_colour(corpus):
    at = app()
    at.query_params.update({"view": "Article", "article": "Unattributed — Tension in the Strait"})
    at.run()
    at.selectbox(key="article").set_value("walker-strait").run()
    html = page_html(at)
    assert "<mark style='background: #d6272833" in html
    assert "The Herald" in html and "https://example.org/walker-strait" in html
