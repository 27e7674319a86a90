"""Compare view: one column per author (or article), silent authors said to be so, position and context chips on
cards."""

import yaml

from tests.dashboard.conftest import app, assert_clean, headers, page_html


def test_compare_taiwan_shows_claims_from_several_authors(corpus):
    at = app().run()
    assert_clean(at)
    assert at.selectbox(key="topic").value == "taiwan"
    with_claims = [h for h in headers(at) if "0 claims on" not in h]
    assert len(with_claims) >= 2
    assert "Alice Walker" in page_html(at) and "Bob Chen" in page_html(at)
    assert "Warships cross the strait every week" in page_html(at)


def test_compare_author_silent_on_topic_says_so(corpus):
    at = app().run()
    assert "No claims on Taiwan" in page_html(at)
    carol = [h for h in headers(at) if "Carol Diaz" in h][0]
    assert "0 claims on Taiwan · 0% of their claims" in carol


def test_compare_groups_an_authors_articles_and_by_article_splits_them(corpus):
    at = app().run()
    assert sum("Alice Walker" in h for h in headers(at)) == 1
    at.selectbox(key="by").set_value("article").run()
    assert_clean(at)
    headings = headers(at)
    assert any("Tension in the Strait" in h for h in headings)
    assert any("Tariffs Without End" in h for h in headings)


def test_bundled_data_compare_taiwan(bundled):
    config = yaml.safe_load((bundled / "config.yaml").read_text(encoding="utf-8"))
    labels = {t["label"]: t["id"] for t in config.get("topics") or []}
    assert "Taiwan" in labels, "the shipped config.yaml should define a Taiwan topic"
    at = app()
    at.query_params.update({"view": "Compare", "topic": "Taiwan"})
    at.run(timeout=120)
    assert_clean(at)
    assert at.selectbox(key="topic").value == labels["Taiwan"]
    assert len([h for h in headers(at) if "0 claims on" not in h]) >= 2


def test_compare_cards_show_the_position_chip(bundled):
    at = app()
    at.query_params.update({"view": "Compare", "topic": "Military cooperation"})
    at.run(timeout=120)
    assert_clean(at)
    assert "pv-chip pv-position" in page_html(at) and "Short of an alliance" in page_html(at)


def test_compare_cards_chip_a_claim_on_the_topic_by_context(corpus):
    at = app().run()
    assert_clean(at)
    cards = page_html(at).split("<div class='pv-claim'")
    drills = [c for c in cards if "Markets shrugged at the latest drills." in c]
    assert len(drills) == 1 and "pv-chip pv-context" in drills[0]
    assert "context: &quot;taipei&quot; in sentence 4</span>" in drills[0], "the chip names what established it"
    direct = [c for c in cards if "Nobody in Taipei wants a war." in c]
    assert direct and "pv-context" not in direct[0], "a direct match carries no context chip"


def test_compare_stays_one_row_and_the_chooser_picks_the_groups(corpus):
    at = app().run()
    assert len(headers(at)) == 5, "every author in one scrolling row"
    at.multiselect(key="groups").set_value(["Carol Diaz", "Bob Chen"]).run()
    assert_clean(at)
    assert [h.split("<p class='pv-head'>")[1].split("</p>")[0] for h in headers(at)] == ["Carol Diaz", "Bob Chen"]


def test_a_quoted_card_names_its_speaker_and_a_claim_in_two_topics_shows_both_colours(corpus):
    html = page_html(app().run())
    quoted = html.split("President Xi said that")[1].split("</div></div>")[0]
    assert "pv-chip pv-voice'>reported: Xi Jinping</span>" in quoted
    assert "title='Xi Jinping&#x27;s stance'>Reunification ahead</span>" in quoted
    trade = html.split("Taiwan chip exports rose again this quarter.")[1].split("</div></div>")[0]
    assert "<i style='background: #4e79a7'></i>Trade</span>" in trade, "its other topic, in that topic's colour"
