"""Contrast view: disagreements side by side, one row per author, closest claims (a tab each), briefing, empty
states."""

from perspectives.measures import contrast as measures_contrast
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


def test_contrast_military_pairs_reported_stances_only_when_asked_and_says_whose(bundled):
    at = contrast("Military cooperation")
    assert not any("no need to evolve" in p for p in boxes(at, "disagree_")), "a reported stance is not the author's"
    at.toggle(key="reported").set_value(True).run(timeout=120)
    assert_clean(at)
    clash = [p for p in boxes(at, "disagree_") if "de facto military alliance" in p
             and "no need to evolve from the strategic partnership into a formal military" in p]
    assert clash, boxes(at, "disagree_")
    assert "Toward an alliance" in clash[0] and "Short of an alliance" in clash[0]
    assert "Reported stance: " in clash[0], "each side says whose stance it is"


def test_contrast_open_article_jumps_to_the_article_view(bundled):
    at = contrast("Economic asymmetry")
    button = next(b for b in at.button if b.key.startswith("open_0_"))
    article_id = button.key.removeprefix("open_0_").split(":")[0]
    button.click().run(timeout=120)
    assert_clean(at)
    assert at.radio(key="view").value == "article"
    assert at.selectbox(key="article").value == article_id
    assert "pv-position" in page_html(at), "the article shows the positions its claims take"


def test_contrast_profile_closest_claims_and_briefing(bundled):
    at = contrast("Economic asymmetry")
    assert boxes(at, "disagree_") and not at.table and not boxes(at, "closest_"), "only the open tab is drawn"
    at = contrast("Economic asymmetry", contrast_part="Profiles")
    table = at.table[0].value
    assert {"Andrew Korybko", "Nicholas Meyers"} <= set(table["author"])
    assert {"claims", "share", "own positions", "reported stances", "own voice", "certainty", "distinctive terms",
            "top sources"} <= set(table.columns)
    assert table["own positions"].str.contains("Unequal|Complementary").any()
    assert any(e.label.endswith("distinctive terms and the claims they come from") for e in at.expander)
    assert {b.key for b in at.get("download_button")} >= {"briefing_md", "briefing_csv"}
    at = contrast("Economic asymmetry", contrast_part="Closest claims")
    assert boxes(at, "closest_"), "closest claims are shown side by side"


def test_contrast_keeps_its_pairs_when_a_topic_filter_keeps_the_topic(bundled):
    at = contrast("Economic asymmetry")
    pairs = boxes(at, "disagree_")
    at.multiselect(key="topics").set_value(["economic_asymmetry", "taiwan"]).run(timeout=120)
    assert_clean(at)
    assert boxes(at, "disagree_") == pairs
    at.multiselect(key="authors").set_value(["Andrew Korybko"]).run(timeout=120)
    assert_clean(at)
    assert not boxes(at, "disagree_"), "any other filter still narrows the pairs: one author disagrees with no one"


def test_contrast_keeps_the_compare_topic_and_compares_by_article(bundled):
    at = app()
    at.query_params.update({"view": "compare", "topic": "taiwan"})
    at.run(timeout=120)
    at.radio(key="view").set_value("contrast").run(timeout=120)
    assert_clean(at)
    assert at.selectbox(key="topic").value == "taiwan"
    at.selectbox(key="by").set_value("article")
    at.session_state["contrast_part"] = "Profiles"
    at.run(timeout=120)
    assert_clean(at)
    assert "Russia-China Alliance at the Tipping Point" in set(at.table[0].value["article"]), "one row per article"


def test_contrast_empty_states(corpus):
    at = app()
    at.query_params.update({"view": "contrast", "topic": "energy"})
    at.run()
    assert_clean(at)
    assert "The config names no positions on Energy" in page_html(at)
    at.selectbox(key="topic").set_value("taiwan").run()
    at.multiselect(key="authors").set_value(["Carol Diaz"]).run()
    assert_clean(at)
    assert "No claims on Taiwan match these filters." in page_html(at)


def test_a_quoted_stance_never_counts_in_its_authors_position_and_shows_its_speaker(corpus):
    table = contrast("taiwan", contrast_part="Profiles").table[0].value.set_index("author")
    assert table.loc["Bob Chen", "own positions"] == "Risk of war overstated 1", "Xi's quote is not Chen's stance"
    assert table.loc["Bob Chen", "reported stances"] == "Xi Jinping, quoted by Bob Chen: Reunification ahead 1"
    at = contrast("taiwan")
    pairs = boxes(at, "disagree_")
    assert pairs and all("President Xi said" not in p for p in pairs), "own stances only, by default"
    assert any("Dan Evans" in p and "Own stance of Dan Evans" in p for p in pairs)
    at.toggle(key="reported").set_value(True).run()
    quoted = [p for p in boxes(at, "disagree_") if "President Xi said" in p]
    assert quoted and "Reported stance: Xi Jinping, quoted by Bob Chen" in quoted[0]



def test_contrast_says_when_its_pairs_are_drawn_from_part_of_a_large_topic(bundled, monkeypatch):
    at = contrast("Economic asymmetry")
    assert not any("Paired among" in c.value for c in at.caption), "a small topic is paired whole"
    monkeypatch.setattr(measures_contrast, "MAX_PAIRING_CLAIMS", 5)
    at = contrast("Economic asymmetry")
    assert any("Paired among 5 of the" in c.value and "claims taking a position, taken evenly from every author"
               in c.value for c in at.caption)
    at = contrast("Economic asymmetry", contrast_part="Closest claims")
    shown = page_html(at) + " ".join(c.value for c in at.caption)  # with the pairs, or the note there are none
    assert "Paired among 5 of the" in shown and "claims on the topic, taken evenly from every author" in shown
