"""Filters and cross-author measures on hand-made tables, without Streamlit."""

import datetime as dt

import pandas as pd
import pytest

from perspectives.measures import selection as analysis
from perspectives.measures.selection import Selection
from perspectives.present import charts
from perspectives.tables import TABLES, conform, empty_table

BODY_A1 = "Taiwan matters. Trade grows. Reuters says the strait is calm."
BODY_A2 = "Taiwan again."
BODY_B = "Nothing on the island here. Only trade."


def _claims(article_id, body, sentences):
    rows, cursor = [], 0
    for i, text in enumerate(sentences):
        start = body.index(text, cursor)
        rows.append({"claim_id": f"{article_id}:{i}", "article_id": article_id, "paragraph": 0,
                     "position_in_article": i, "text": text, "start": start, "end": start + len(text),
                     "voice": "attributed" if "says" in text else "own"})
        cursor = start + len(text)
    return rows


@pytest.fixture
def tables():
    articles = conform("articles", [
        {"article_id": "a1", "title": "First", "author": "Ann", "date": "2023-01-01", "path": "a1.md",
         "n_claims": 3, "n_words": 10, "body": BODY_A1, "outlet": "Herald"},
        {"article_id": "a2", "title": "Second", "author": "Ann", "date": "2023-02-01", "path": "a2.md",
         "n_claims": 1, "n_words": 2, "body": BODY_A2},
        {"article_id": "b", "title": None, "author": None, "date": None, "path": "dir/b.txt",
         "n_claims": 2, "n_words": 8, "body": BODY_B},
    ])
    claims = conform("claims", [
        *_claims("a1", BODY_A1, ["Taiwan matters.", "Trade grows.", "Reuters says the strait is calm."]),
        *_claims("a2", BODY_A2, ["Taiwan again."]),
        *_claims("b", BODY_B, ["Nothing on the island here.", "Only trade."]),
    ])
    claim_topics = conform("claim_topics", [
        {"claim_id": "a1:0", "topic": "taiwan"}, {"claim_id": "a1:1", "topic": "trade"},
        {"claim_id": "a1:2", "topic": "taiwan"}, {"claim_id": "a1:2", "topic": "trade"},
        {"claim_id": "a2:0", "topic": "taiwan"}, {"claim_id": "b:1", "topic": "trade"},
    ])
    citations = conform("citations", [
        {"citation_id": "c1", "article_id": "a1", "claim_id": "a1:2", "source": "Reuters",
         "source_type": "media", "country": "United Kingdom", "cue": "says", "surface": "Reuters",
         "known": True},
        {"citation_id": "c2", "article_id": "a1", "claim_id": "a1:2", "source": "Lowy Institute",
         "source_type": None, "country": None, "cue": "says", "surface": "Lowy", "known": False},
        {"citation_id": "c3", "article_id": "b", "claim_id": "b:1", "source": "Reuters",
         "source_type": "media", "country": "United Kingdom", "cue": "per", "surface": "Reuters",
         "known": True},
    ])
    return analysis.prepare_tables({"articles": articles, "claims": claims, "claim_topics": claim_topics,
                                    "citations": citations})


@pytest.fixture
def topics():
    return charts.topic_styles([("taiwan", "Taiwan", "#d62728"), ("trade", "Trade", None)])


@pytest.mark.parametrize("author, title, path, expected", [
    ("Ann", "T", "x.md", "Ann"),
    ("  Ann  ", None, None, "Ann"),
    (None, "A Title", "x.md", "Unattributed — A Title"),
    ("", "  ", "dir/file.txt", "Unattributed — file.txt"),
    (pd.NA, pd.NA, pd.NA, "Unattributed — untitled"),
])
def test_author_label_never_blank(author, title, path, expected):
    assert analysis.author_label(author, title, path) == expected


def test_prepare_tables_adds_labels_without_mutating(tables):
    raw = {name: frame.drop(columns=[c for c in frame if c not in TABLES[name]])
           for name, frame in tables.items()}
    before = raw["articles"].copy()
    analysis.prepare_tables(raw)
    pd.testing.assert_frame_equal(raw["articles"], before)
    assert list(tables["articles"]["author_label"]) == ["Ann", "Ann", "Unattributed — b.txt"]
    assert list(tables["citations"]["type_label"]) == ["media", "unclassified", "media"]


def test_empty_selection_keeps_everything(tables):
    kept = analysis.apply_selection(tables, Selection())
    assert {name: len(frame) for name, frame in kept.items()} == {name: len(f) for name, f in tables.items()}


def test_selection_by_author_keeps_whole_articles(tables):
    kept = analysis.apply_selection(tables, Selection(authors=("Ann",)))
    assert set(kept["articles"]["article_id"]) == {"a1", "a2"}
    assert set(kept["claims"]["article_id"]) == {"a1", "a2"}
    assert list(kept["citations"]["citation_id"]) == ["c1", "c2"]


def test_selection_by_topic_narrows_claims_and_topic_rows(tables):
    kept = analysis.apply_selection(tables, Selection(topics=("trade",)))
    assert set(kept["claims"]["claim_id"]) == {"a1:1", "a1:2", "b:1"}
    assert set(kept["claim_topics"]["topic"]) == {"trade"}
    assert len(kept["articles"]) == 3, "articles stay, so an author silent on a topic still shows"


def test_selection_by_source_type_keeps_claims_citing_that_type(tables):
    kept = analysis.apply_selection(tables, Selection(source_types=("unclassified",)))
    assert list(kept["claims"]["claim_id"]) == ["a1:2"]
    assert list(kept["citations"]["source"]) == ["Lowy Institute"]


def test_selection_text_is_case_insensitive_and_literal(tables):
    assert list(analysis.apply_selection(tables, Selection(text="TAIWAN"))["claims"]["claim_id"]) == \
        ["a1:0", "a2:0"]
    assert analysis.apply_selection(tables, Selection(text="("))["claims"].empty


def test_date_filter_drops_undated_articles(tables):
    kept = analysis.apply_selection(tables, Selection(date_from=dt.date(2023, 1, 15)))
    assert list(kept["articles"]["article_id"]) == ["a2"]
    assert analysis.date_bounds(tables["articles"]) == (dt.date(2023, 1, 1), dt.date(2023, 2, 1))


def test_headline_counts(tables):
    assert analysis.headline(tables) == {"articles": 3, "authors": 2, "claims placed": 5, "sources": 2}


def test_coverage_has_zero_rows_and_whole_text_share(tables, topics):
    cov = analysis.coverage(tables, topics).set_index(["author", "topic"])
    assert cov.loc[("Ann", "taiwan"), "claims"] == 3
    assert cov.loc[("Ann", "taiwan"), "share"] == pytest.approx(3 / 4)
    assert cov.loc[("Unattributed — b.txt", "taiwan"), "claims"] == 0
    filtered = analysis.apply_selection(tables, Selection(topics=("taiwan",)))
    narrowed = analysis.coverage(filtered, topics).set_index(["author", "topic"])
    assert narrowed.loc[("Ann", "taiwan"), "share"] == pytest.approx(3 / 4), "same denominator"


def test_compare_headers_group_by_author_or_article(tables):
    by_author = analysis.compare_headers(tables, "taiwan", by_article=False)
    assert list(by_author["heading"]) == ["Ann", "Unattributed — b.txt"]
    assert list(by_author["claims"]) == [3, 0]
    assert by_author["subheading"].iloc[0] == "2 articles"
    by_article = analysis.compare_headers(tables, "taiwan", by_article=True)
    assert list(by_article["group"]) == ["a1", "a2", "b"]
    assert list(by_article["subheading"]) == ["Ann", "Ann", "Unattributed — b.txt"]


def test_compare_claims_in_article_order_with_sources(tables):
    claims = analysis.compare_claims(tables, "taiwan", by_article=False)
    assert list(claims["claim_id"]) == ["a1:0", "a1:2", "a2:0"]
    assert claims.loc[1, "sources"] == (("Reuters", True), ("Lowy Institute", False))
    assert claims.loc[1, "voice"] == "attributed"


def test_source_measures(tables):
    matrix = analysis.source_matrix(tables)
    assert set(zip(matrix["author"], matrix["source"], strict=True)) == {
        ("Ann", "Reuters"), ("Ann", "Lowy Institute"), ("Unattributed — b.txt", "Reuters")}
    shared = analysis.shared_sources(tables)
    assert list(shared["source"]) == ["Reuters"] and shared.loc[0, "authors"] == 2
    by_country = analysis.citations_by(tables, "country_label", top=1)
    assert set(by_country["category"]) == {"United Kingdom", "other"}
    rows = analysis.citation_rows(tables)
    assert list(rows["recognised"]) == [True, False, True]
    assert rows.loc[0, "sentence"] == "Reuters says the strait is calm."


def test_claims_table_is_readable(tables, topics):
    rows = analysis.claims_table(tables, tables["claims"], topics)
    row = rows[rows["text"] == "Reuters says the strait is calm."].iloc[0]
    assert row["topics"] == "Taiwan; Trade"
    assert row["sources"] == "Reuters, Lowy Institute (unrecognised)"
    assert row["author"] == "Ann"


def test_topic_profile_counts_one_article(tables, topics):
    profile = analysis.topic_profile(tables, "a1", topics)
    assert dict(zip(profile["topic"], profile["claims"], strict=True)) == {"taiwan": 2, "trade": 2}


def test_article_segments_cover_the_body_exactly(tables):
    article = tables["articles"].set_index("article_id").loc["a1"]
    claims = tables["claims"][tables["claims"]["article_id"] == "a1"]
    segments = analysis.article_segments(article["body"], claims, tables["claim_topics"], tables["citations"],
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
    segments = analysis.article_segments("Hello world", claims, empty_table("claim_topics"),
                                         empty_table("citations"), [])
    assert [s.claim_id for s in segments] == ["x:0", None]
    assert "".join(s.text for s in segments) == "Hello world"


@pytest.mark.parametrize("rows, size, page, expected_pages, expected_len", [
    (0, 10, 1, 1, 0), (25, 10, 3, 3, 5), (25, 10, 9, 3, 5), (10, 10, 1, 1, 10),
])
def test_paging(rows, size, page, expected_pages, expected_len):
    frame = pd.DataFrame({"n": range(rows)})
    assert analysis.page_count(rows, size) == expected_pages
    assert len(analysis.page_of(frame, page, size)) == expected_len


def _with_positions(tables, positions):
    """The fixture tables with ``{(claim_id, topic): position}`` filled in claim_topics."""
    placed = tables["claim_topics"].copy()
    placed["position"] = [positions.get((c, t)) for c, t in zip(placed["claim_id"], placed["topic"], strict=True)]
    return {**tables, "claim_topics": conform("claim_topics", placed.to_dict("records"))}


def test_dominant_positions_per_author_and_topic(tables, topics):
    tables = _with_positions(tables, {("a1:0", "taiwan"): "contested", ("a2:0", "taiwan"): "contested",
                                      ("a1:2", "taiwan"): "part_of_china", ("a1:1", "trade"): "up",
                                      ("a1:2", "trade"): "down"})
    dominant = analysis.dominant_positions(tables, topics).set_index(["author", "topic"])
    assert dominant.loc[("Ann", "taiwan"), "dominant"] == "contested"
    assert dominant.loc[("Ann", "taiwan"), "mix"] == {"contested": 2, "part_of_china": 1}
    assert dominant.loc[("Ann", "trade"), "dominant"] == analysis.TIE
    untaken = dominant.loc[("Unattributed — b.txt", "trade")]
    assert pd.isna(untaken["dominant"]) and untaken["positioned"] == 0 and untaken["claims"] == 1
    assert ("Unattributed — b.txt", "taiwan") not in dominant.index, "a topic never covered has no row"


def test_compare_claims_and_segments_carry_the_position(tables):
    tables = _with_positions(tables, {("a1:2", "taiwan"): "contested", ("a1:2", "trade"): "up"})
    claims = analysis.compare_claims(tables, "taiwan", by_article=False).set_index("claim_id")
    assert claims.loc["a1:2", "position"] == "contested" and pd.isna(claims.loc["a1:0", "position"])
    article = tables["articles"].set_index("article_id").loc["a1"]
    segments = analysis.article_segments(article["body"], tables["claims"][tables["claims"]["article_id"] == "a1"],
                                         tables["claim_topics"], tables["citations"], ["trade", "taiwan"])
    by_claim = {s.claim_id: s.positions for s in segments if s.claim_id}
    assert by_claim["a1:2"] == (("trade", "up"), ("taiwan", "contested")), "in topic order"
    assert by_claim["a1:0"] == ()


def test_rule_hits_credit_each_configured_term_with_its_wordings():
    from perspectives.config import CooccurRule, PatternRule, TermsRule

    hits = pd.DataFrame({"term": ["treaties", "nato’s", "pact", "us", "formal"], "claims": [3, 2, 1, 4, 1]})
    rules = [TermsRule(kind="terms", terms=["treaty", "NATO", "entente", "US"]),
             CooccurRule(kind="cooccur", groups=[["formal"], ["pact*"]]),
             PatternRule(kind="pattern", pattern=r"trea\w+")]
    table = analysis.rule_hits(rules, hits)
    assert list(table.itertuples(index=False, name=None)) == [
        ("1. terms", "treaty", 3), ("1. terms", "NATO", 2), ("1. terms", "entente", 0), ("1. terms", "US", 4),
        ("2. cooccur, group 1", "formal", 1), ("2. cooccur, group 2", "pact*", 1), ("3. pattern", r"trea\w+", 3)]
