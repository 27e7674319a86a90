"""Article: the body cut into plain runs and claims at their offsets, and the article's topic profile."""

from perspectives.measures import article
from perspectives.tables import conform, empty_table
from tests.measures.conftest import BODY_A1, placed_with


def test_topic_profile_counts_one_article(tables, topics):
    profile = article.topic_profile(tables, "a1", topics)
    assert dict(zip(profile["topic"], profile["claims"], strict=True)) == {"taiwan": 2, "trade": 2}


def test_article_segments_cover_the_body_exactly(tables):
    a1 = tables["articles"].set_index("article_id").loc["a1"]
    claims = tables["claims"][tables["claims"]["article_id"] == "a1"]
    segments = article.article_segments(a1["body"], claims, tables["claim_topics"], tables["citations"],
                                        ["trade", "taiwan"])
    assert "".join(s.text for s in segments) == BODY_A1
    last = [s for s in segments if s.claim_id == "a1:2"][0]
    assert last.topics == ("trade", "taiwan"), "topics follow the given order"
    assert last.sources[0] == ("Reuters", True)


def test_article_segments_skip_bad_offsets():
    claims = conform("claims", [
        {"claim_id": f"x:{i}", "article_id": "x", "paragraph": 0, "position_in_article": i, "start": start,
         "end": end, "text": "", "voice": "own"}
        for i, (start, end) in enumerate([(0, 5), (3, 8), (8, 99)])
    ])
    segments = article.article_segments("Hello world", claims, empty_table("claim_topics"),
                                        empty_table("citations"), [])
    assert [s.claim_id for s in segments] == ["x:0", None]
    assert "".join(s.text for s in segments) == "Hello world"


def test_article_segments_carry_the_position(tables):
    tables = placed_with(tables, "position", {("a1:2", "taiwan"): "contested", ("a1:2", "trade"): "up"})
    a1 = tables["articles"].set_index("article_id").loc["a1"]
    segments = article.article_segments(a1["body"], tables["claims"][tables["claims"]["article_id"] == "a1"],
                                        tables["claim_topics"], tables["citations"], ["trade", "taiwan"])
    by_claim = {s.claim_id: s.positions for s in segments if s.claim_id}
    assert by_claim["a1:2"] == (("trade", "up"), ("taiwan", "contested")), "in topic order"
    assert by_claim["a1:0"] == ()


def test_article_segments_tell_context_placements_from_direct_ones(tables):
    tables = placed_with(tables, "context", {("a1:2", "taiwan"): '"Taiwan" in sentence 1'})
    a1 = tables["articles"].set_index("article_id").loc["a1"]
    segments = article.article_segments(a1["body"], tables["claims"][tables["claims"]["article_id"] == "a1"],
                                        tables["claim_topics"], tables["citations"], ["taiwan", "trade"])
    by_claim = {s.claim_id: s for s in segments if s.claim_id}
    assert by_claim["a1:2"].topics == ("taiwan", "trade"), "a context placement is still a placement"
    assert by_claim["a1:2"].context == (("taiwan", '"Taiwan" in sentence 1'),), "trade stays direct"
    assert by_claim["a1:0"].context == ()


def test_dropped_furniture_reads_the_json_and_survives_a_bad_value():
    raw = '[{"text": "Photo: Jo Bloggs/WIRE", "reason": "credit"}, {"text": "Read more: x", "reason": "related link"}]'
    assert article.dropped_furniture(raw) == [article.Dropped("Photo: Jo Bloggs/WIRE", "credit"),
                                              article.Dropped("Read more: x", "related link")]
    for bad in (None, "", "not json", '{"text": "x"}', '[1, {"reason": "caption"}]'):
        assert article.dropped_furniture(bad) == [], bad
