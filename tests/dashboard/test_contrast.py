"""Contrast view: disagreements side by side, one row per author, closest claims, briefing, empty states."""

from tests.dashboard.conftest import app, assert_clean, boxes, contrast, page_html


def test_contrast_economy_shows_unequal_against_complementary(bundled):
    at = contrast("Economic asymmetry")
    pairs = boxes(at, "disagree_")
    assert pairs, "the Where-they-disagree section lists pairs"
    clash = [p for p in pairs if "partnership of unequals" in p
             and ("mutually complementary" in p or "mutually beneficial" in p)]
    assert clash, pairs
    assert "Unequal" in clash[0] and "Complementary" in clash[0], "each side names its position"
    assert "Nicholas Meyers" in clash[0] and "Andrew Korybko" in clash[0]


def test_contrast_military_shows_de_facto_alliance_against_no_need(bundled):
    at = contrast("Military cooperation")
    clash = [p for p in boxes(at, "disagree_") if "de facto military alliance" in p
             and "no need to evolve from the strategic partnership into a formal military" in p]
    assert clash, boxes(at, "disagree_")
    assert "Toward an alliance" in clash[0] and "Short of an alliance" in clash[0]


def test_contrast_open_article_jumps_to_the_article_view(bundled):
    at = contrast("Military cooperation")
    button = next(b for b in at.button if b.key.startswith("open_0_"))
    article_id = button.key.removeprefix("open_0_").split(":")[0]
    button.click().run(timeout=120)
    assert_clean(at)
    assert at.radio(key="view").value == "Article"
    assert at.selectbox(key="article").value == article_id
    assert "pv-position" in page_html(at), "the article shows the positions its claims take"


def test_contrast_profile_closest_claims_and_briefing(bundled):
    at = contrast("Economic asymmetry")
    table = at.dataframe[0].value
    assert {"Andrew Korybko", "Nicholas Meyers"} <= set(table["group"])
    assert {"claims", "share", "positions", "own_share", "certainty", "terms", "sources"} <= set(table.columns)
    assert table["positions"].str.contains("Unequal|Complementary").any()
    assert boxes(at, "closest_"), "closest claims are shown side by side"
    assert any(e.label.endswith("distinctive terms and the claims they come from") for e in at.expander)
    assert {b.key for b in at.get("download_button")} >= {"briefing_md", "briefing_csv"}


def test_contrast_keeps_the_compare_topic_and_toggles_articles(bundled):
    at = app()
    at.query_params.update({"view": "Compare", "topic": "Taiwan"})
    at.run(timeout=120)
    at.radio(key="view").set_value("Contrast").run(timeout=120)
    assert_clean(at)
    assert at.selectbox(key="topic").value == "taiwan"
    at.toggle(key="by_article").set_value(True).run(timeout=120)
    assert_clean(at)
    assert "Russia-China Alliance at the Tipping Point" in set(at.dataframe[0].value["group"]), "one row per article"


def test_contrast_empty_states(corpus):
    at = app()
    at.query_params.update({"view": "Contrast", "topic": "Taiwan"})
    at.run()
    assert_clean(at)
    assert "The config names no positions on Taiwan" in page_html(at)
    at.multiselect(key="authors").set_value(["Carol Diaz"]).run()
    assert_clean(at)
    assert "No claims on Taiwan match these filters." in page_html(at)
