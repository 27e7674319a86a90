"""The dashboard under Streamlit's AppTest, on a copy of tests/data/dashboard (and of the bundled data)."""

import re
import shutil
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from perspectives.build import run as pipeline

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
FIXTURE = ROOT / "tests" / "data" / "dashboard"
VIEWS = ["Compare", "Contrast", "Overview", "Sources", "Article", "Claims", "Topics"]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A private copy of the fixture corpus, so each test builds into its own folder."""
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURE, folder)
    monkeypatch.setenv("PERSPECTIVES_CONFIG", str(folder / "config.yaml"))
    return folder


def _app():
    return AppTest.from_file(str(APP), default_timeout=60)


def _headers(at):
    """Column headers of the Compare view, as rendered HTML."""
    return [h.proto.body for h in at.html if "<p class='pv-head'>" in h.proto.body]


def _page_html(at):
    return "\n".join(h.proto.body for h in at.html)


def _assert_clean(at):
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_renders(corpus, view):
    at = _app()
    at.query_params["view"] = view
    at.run()
    _assert_clean(at)
    assert at.radio(key="view").value == view


def test_first_run_builds_the_tables(corpus):
    at = _app().run()
    _assert_clean(at)
    assert (corpus / "processed" / "claims.parquet").exists()


def test_compare_taiwan_shows_claims_from_several_authors(corpus):
    at = _app().run()
    _assert_clean(at)
    assert at.selectbox(key="topic").value == "taiwan"
    with_claims = [h for h in _headers(at) if "0 claims on" not in h]
    assert len(with_claims) >= 2
    assert "Alice Walker" in _page_html(at) and "Bob Chen" in _page_html(at)
    assert "Warships cross the strait every week" in _page_html(at)


def test_compare_author_silent_on_topic_says_so(corpus):
    at = _app().run()
    assert "No claims on Taiwan" in _page_html(at)
    carol = [h for h in _headers(at) if "Carol Diaz" in h][0]
    assert "0 claims on Taiwan · 0% of their claims" in carol


def test_compare_groups_an_authors_articles_and_toggle_splits_them(corpus):
    at = _app().run()
    assert sum("Alice Walker" in h for h in _headers(at)) == 1
    at.toggle(key="by_article").set_value(True).run()
    _assert_clean(at)
    headings = _headers(at)
    assert any("Tension in the Strait" in h for h in headings)
    assert any("Tariffs Without End" in h for h in headings)


def test_author_filter_changes_compare(corpus):
    at = _app().run()
    at.multiselect(key="authors").set_value(["Bob Chen"]).run()
    _assert_clean(at)
    headings = _headers(at)
    assert len(headings) == 1 and "Bob Chen" in headings[0]


def test_topic_filter_changes_overview(corpus):
    at = _app()
    at.query_params["view"] = "Overview"
    at.run()
    placed = {m.label: m.value for m in at.metric}["Claims placed"]
    at.multiselect(key="topics").set_value(["energy"]).run()
    _assert_clean(at)
    assert {m.label: m.value for m in at.metric}["Claims placed"] != placed
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_topic_filter_limits_compare_topics(corpus):
    at = _app().run()
    at.multiselect(key="topics").set_value(["trade"]).run()
    assert at.selectbox(key="topic").options == ["Trade"]


def test_query_params_restore_a_filtered_view(corpus):
    at = _app()
    at.query_params.update({"view": "Compare", "topic": "Energy", "authors": ["Bob Chen", "Carol Diaz"],
                            "q": "gas"})
    at.run()
    _assert_clean(at)
    assert at.selectbox(key="topic").value == "energy"
    assert at.multiselect(key="authors").value == ["Bob Chen", "Carol Diaz"]
    assert at.text_input(key="q").value == "gas"
    assert [("Carol Diaz" in h) or ("Bob Chen" in h) for h in _headers(at)] == [True, True]


def test_reset_clears_filters(corpus):
    at = _app().run()
    at.multiselect(key="authors").set_value(["Bob Chen"]).run()
    at.text_input(key="q").set_value("strait").run()
    at.button(key="reset").click().run()
    _assert_clean(at)
    assert at.multiselect(key="authors").value == []
    assert at.text_input(key="q").value == ""
    assert len(_headers(at)) == 4


def test_unattributed_article_is_labelled_and_html_is_escaped(corpus):
    at = _app()
    at.query_params.update({"view": "Article"})
    at.run()
    at.selectbox(key="article").set_value("hostile").run()
    _assert_clean(at)
    html = _page_html(at)
    assert "Unattributed — Hostile &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script" not in html and "<img" not in html


def test_article_view_highlights_claims_in_topic_colour(corpus):
    at = _app()
    at.query_params.update({"view": "Article", "article": "Unattributed — Tension in the Strait"})
    at.run()
    at.selectbox(key="article").set_value("walker-strait").run()
    html = _page_html(at)
    assert "<mark style='background: #d6272833" in html
    assert "The Herald" in html and "https://example.org/walker-strait" in html


def test_claims_view_search_and_download(corpus):
    at = _app()
    at.query_params.update({"view": "Claims", "q": "reunified"})
    at.run()
    _assert_clean(at)
    table = at.dataframe[0].value
    assert list(table["author"]) == ["Bob Chen"]
    assert at.get("download_button")


def test_sources_view_shows_its_parts_or_says_none(corpus):
    at = _app()
    at.query_params["view"] = "Sources"
    at.run()
    _assert_clean(at)
    assert at.metric or any("No citations" in i.value for i in at.info)


def test_broken_config_shows_message_and_keeps_tables(corpus):
    at = _app().run()
    (corpus / "config.yaml").write_text("output: processed\ntopics:\n  - id: taiwan\n    labl: Taiwan\n",
                                       encoding="utf-8")
    at.run()
    assert not at.exception
    assert "has problems" in at.error[0].value and "unknown key" in at.error[0].value
    assert "Alice Walker" in _page_html(at), "the last good tables stay visible"
    fresh = _app().run()
    assert fresh.error and "Alice Walker" in _page_html(fresh), "a new session finds them too"


def test_added_article_appears_without_a_command(corpus):
    at = _app().run()
    (corpus / "articles" / "new.md").write_text(
        "---\ntitle: Fresh Eyes\nauthor: Dana Fox\ndate: 2023-05-01\n---\nTaiwan is calm today.\n",
        encoding="utf-8")
    config = yaml.safe_load((corpus / "config.yaml").read_text(encoding="utf-8"))
    config["articles"].append({"path": "articles/new.md"})
    (corpus / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    at.run()
    _assert_clean(at)
    assert any("Dana Fox" in h for h in _headers(at))


def test_failed_build_shows_error_not_traceback(corpus, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "run_pipeline", boom)
    at = _app().run()
    assert not at.exception
    assert "disk full" in at.error[0].value
    assert "perspectives build" in at.info[0].value


@pytest.fixture
def bundled(tmp_path, monkeypatch):
    """A private copy of the shipped config.yaml and articles, so the build writes into tmp_path."""
    shutil.copy(ROOT / "config.yaml", tmp_path / "config.yaml")
    shutil.copytree(ROOT / "data" / "articles", tmp_path / "data" / "articles")
    monkeypatch.setenv("PERSPECTIVES_CONFIG", str(tmp_path / "config.yaml"))
    return tmp_path


def test_bundled_data_compare_taiwan(bundled):
    config = yaml.safe_load((bundled / "config.yaml").read_text(encoding="utf-8"))
    labels = {t["label"]: t["id"] for t in config.get("topics") or []}
    assert "Taiwan" in labels, "the shipped config.yaml should define a Taiwan topic"
    at = _app()
    at.query_params.update({"view": "Compare", "topic": "Taiwan"})
    at.run(timeout=120)
    _assert_clean(at)
    assert at.selectbox(key="topic").value == labels["Taiwan"]
    assert len([h for h in _headers(at) if "0 claims on" not in h]) >= 2


def _contrast(topic_label, **params):
    at = _app()
    at.query_params.update({"view": "Contrast", "topic": topic_label, **params})
    at.run(timeout=120)
    _assert_clean(at)
    return at


def _boxes(at, prefix):
    """The HTML of each bordered container keyed ``prefix<n>`` (e.g. one disagreement), in page order."""
    found = []

    def walk(node):
        # Only keyed containers carry an id ("$$ID-<hash>-<key>"); the tree root and columns have none.
        if isinstance(node, Block) and re.search(rf"-{prefix}\d+$", getattr(getattr(node, "proto", None), "id", "")):
            found.append("\n".join(h.proto.body for h in node.get("html")))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def test_contrast_economy_shows_unequal_against_complementary(bundled):
    at = _contrast("Economic asymmetry")
    pairs = _boxes(at, "disagree_")
    assert pairs, "the Where-they-disagree section lists pairs"
    clash = [p for p in pairs if "partnership of unequals" in p
             and ("mutually complementary" in p or "mutually beneficial" in p)]
    assert clash, pairs
    assert "Unequal" in clash[0] and "Complementary" in clash[0], "each side names its position"
    assert "Nicholas Meyers" in clash[0] and "Andrew Korybko" in clash[0]


def test_contrast_military_shows_de_facto_alliance_against_no_need(bundled):
    at = _contrast("Military cooperation")
    clash = [p for p in _boxes(at, "disagree_") if "de facto military alliance" in p
             and "no need to evolve from the strategic partnership into a formal military" in p]
    assert clash, _boxes(at, "disagree_")
    assert "Toward an alliance" in clash[0] and "Short of an alliance" in clash[0]


def test_contrast_open_article_jumps_to_the_article_view(bundled):
    at = _contrast("Military cooperation")
    button = next(b for b in at.button if b.key.startswith("open_0_"))
    article_id = button.key.removeprefix("open_0_").split(":")[0]
    button.click().run(timeout=120)
    _assert_clean(at)
    assert at.radio(key="view").value == "Article"
    assert at.selectbox(key="article").value == article_id
    assert "pv-position" in _page_html(at), "the article shows the positions its claims take"


def test_contrast_profile_closest_claims_and_briefing(bundled):
    at = _contrast("Economic asymmetry")
    table = at.dataframe[0].value
    assert {"Andrew Korybko", "Nicholas Meyers"} <= set(table["group"])
    assert {"claims", "share", "positions", "own_share", "certainty", "terms", "sources"} <= set(table.columns)
    assert table["positions"].str.contains("Unequal|Complementary").any()
    assert _boxes(at, "closest_"), "closest claims are shown side by side"
    assert any(e.label.endswith("distinctive terms and the claims they come from") for e in at.expander)
    assert {b.key for b in at.get("download_button")} >= {"briefing_md", "briefing_csv"}


def test_contrast_keeps_the_compare_topic_and_toggles_articles(bundled):
    at = _app()
    at.query_params.update({"view": "Compare", "topic": "Taiwan"})
    at.run(timeout=120)
    at.radio(key="view").set_value("Contrast").run(timeout=120)
    _assert_clean(at)
    assert at.selectbox(key="topic").value == "taiwan"
    at.toggle(key="by_article").set_value(True).run(timeout=120)
    _assert_clean(at)
    assert "Russia-China Alliance at the Tipping Point" in set(at.dataframe[0].value["group"]), "one row per article"


def test_contrast_empty_states(corpus):
    at = _app()
    at.query_params.update({"view": "Contrast", "topic": "Taiwan"})
    at.run()
    _assert_clean(at)
    assert "The config names no positions on Taiwan" in _page_html(at)
    at.multiselect(key="authors").set_value(["Carol Diaz"]).run()
    _assert_clean(at)
    assert "No claims on Taiwan match these filters." in _page_html(at)


def test_compare_cards_show_the_position_chip(bundled):
    at = _app()
    at.query_params.update({"view": "Compare", "topic": "Military cooperation"})
    at.run(timeout=120)
    _assert_clean(at)
    assert "pv-chip pv-position" in _page_html(at) and "Short of an alliance" in _page_html(at)


def test_topics_view_shows_term_hits_overlaps_and_uncaught_claims(bundled):
    at = _app()
    at.query_params["view"] = "Topics"
    at.run(timeout=120)
    _assert_clean(at)
    tables = [d.value for d in at.dataframe]
    rules = tables[0]
    assert list(rules.columns) == ["rule", "term", "claims"]
    assert rules.set_index("term").loc["treaty", "claims"] > 0
    assert (rules["claims"] == 0).any() and any("matched no claim" in c.value for c in at.caption)
    assert any("fall in no topic" in c.value for c in at.caption)
    assert any("phrase" in t.columns for t in tables), "the uncaught claims' frequent phrases"
    assert any(list(t.columns) == ["article", "text"] and len(t) > 0 for t in tables), "the uncaught claims"


def test_topics_view_ignores_the_topic_filter(corpus):
    at = _app()
    at.query_params.update({"view": "Topics", "topics": ["Taiwan"]})
    at.run()
    _assert_clean(at)
    assert len(at.tabs) == 3


def test_overview_positions_chart_and_blind_spots(bundled):
    at = _app()
    at.query_params["view"] = "Overview"
    at.run(timeout=120)
    _assert_clean(at)
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(charts) >= 3, "heatmap, positions chart, claims per article"
    spots = at.dataframe[0].value
    assert list(spots.columns) == ["author", "topic", "gap"]
    assert spots["gap"].str.contains("never covers it").any()
