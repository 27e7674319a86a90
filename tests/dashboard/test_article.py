"""Article view: unattributed articles labelled, hostile text escaped, claims highlighted in topic colours, context
placements told apart from direct ones, and the dropped furniture shown on request."""

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.dashboard.conftest import app, assert_clean, page_html


def _article(article_id: str) -> AppTest:
    """The Article view on ``article_id``, run and checked clean."""
    at = app()
    at.query_params.update({"view": "Article"})
    at.run()
    at.selectbox(key="article").set_value(article_id).run()
    assert_clean(at)
    return at


def test_unattributed_article_is_labelled_by_its_title_and_html_is_escaped(corpus):
    at = _article("hostile")
    html = page_html(at)
    assert "<td>Author</td><td>no byline</td>" in html
    assert "hostile.txt" not in at.selectbox(key="article").format_func("hostile"), "never the file name"
    assert "Hostile <b>bold</b>" in at.selectbox(key="article").format_func("hostile")
    assert "Hostile &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script" not in html and "<img" not in html


def test_article_view_highlights_claims_in_topic_colour(corpus):
    at = app()
    at.query_params.update({"view": "article", "article": "walker-trade"})
    at.run()
    at.selectbox(key="article").set_value("walker-strait").run()
    html = page_html(at)
    assert "<mark style='background: #d6272833" in html
    assert "The Herald" in html and "https://example.org/walker-strait" in html


def test_a_context_placement_is_marked_as_context(corpus):
    html = page_html(_article("walker-strait"))
    context = pd.read_parquet(corpus / "processed" / "claim_topics.parquet").dropna(subset=["context"])
    assert list(context["claim_id"]) == ["walker-strait:0004"], "the fixture's one context placement"
    drills = html.split("Markets shrugged at the latest drills.")
    assert "border-bottom: 2px dashed #d62728" in drills[0].rsplit("<mark", 1)[1], "its highlight is dashed"
    assert drills[1].startswith("</mark><span class='pv-chip pv-context' style='border-color: #d62728' "
                                "title='Taiwan by context: &quot;taipei&quot; in sentence 4'>context</span>")
    assert "border-bottom: 2px solid #d62728' title='Taiwan'>Nobody in Taipei wants a war." in html, "direct stays"


def test_dropped_text_shows_on_request_with_its_reason(corpus):
    at = _article("walker-strait")
    assert "Photo: Jane Roe/HERALD" not in page_html(at), "off by default"
    at.toggle(key="dropped").set_value(True).run()
    assert_clean(at)
    html = page_html(at)
    assert "<span class='pv-chip'>credit</span>Photo: Jane Roe/HERALD" in html
    assert "<span class='pv-chip'>caption</span>A coast guard cutter off Kinmen" in html
    at.selectbox(key="article").set_value("hostile").run()
    html = page_html(at)
    assert "<span class='pv-chip'>related link</span>Read more: Taiwan after &lt;script&gt;alert(4)" in html
    assert "<script" not in html, "dropped text is page text, escaped"


def test_an_articles_warnings_show_on_its_view_and_a_colon_headline_keeps_its_metadata(corpus):
    at = _article("evans-harbour")
    html = page_html(at)
    assert "Harbour Lights: Why Taiwan Will Come Home" in html
    assert "<td>Author</td><td>Dan Evans</td>" in html and "<td>Date</td><td>2023-05-02</td>" in html
    assert "<td>Leaning</td><td>hawkish</td>" in html, "declared fields show with the metadata"
    assert any(w.value.startswith("Reading this article: front matter is not valid YAML") for w in at.warning)
    at.selectbox(key="article").set_value("walker-strait").run()
    assert not any(w.value.startswith("Reading this article") for w in at.warning)
