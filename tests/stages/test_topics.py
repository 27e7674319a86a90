"""Topic rules: inflections, prefixes, acronyms, co-occurrence, exclusions."""

from __future__ import annotations

import pytest

from perspectives.config import Topic
from perspectives.stages.topics import assign_topics, compile_topics


def place(rules: list[dict], text: str, exclude: list[dict] | None = None) -> list[str] | None:
    topic = Topic.model_validate({"id": "t", "label": "T", "rules": rules, "exclude": exclude or []})
    hits = assign_topics([text], compile_topics([topic]))
    return list(hits[0].evidence) if hits else None


def terms(*words: str) -> list[dict]:
    return [{"kind": "terms", "terms": list(words)}]


@pytest.mark.parametrize("term, text, matched", [
    ("treaty", "Both treaties expire.", True),
    ("treaty", "The treaty's text.", True),
    ("ally", "Its allies and an ally.", True),
    ("ally", "They allied themselves.", True),
    ("ally", "An alliance was formed.", False),
    ("alliance", "Two alliances.", True),
    ("exercise", "Joint exercises were held.", True),
    ("de facto alliance", "a de-facto   alliance", True),
    ("militar*", "military and militarily", True),
    ("US", "the US and us", True),
    ("US", "the rest of us", False),
    ("'accord'", "according to officials", False),
    ("accord", "according to officials", True),
    ("Taiwan", "TAIWAN and taiwanese", True),
    ("pact", "an impact study", False),
    ("Шойгу", "сказал Шойгу.", True),
])
def test_terms_match_inflections_and_whole_words(term: str, text: str, matched: bool) -> None:
    assert (place(terms(term), text) is not None) is matched


def test_evidence_lists_each_matched_term_once() -> None:
    assert place(terms("treaty", "pact"), "The treaty, a pact, the Treaty.") == ["treaty", "pact"]


@pytest.mark.parametrize("text, matched", [
    ("Putin will attend the Beijing Games.", True),
    ("Putin will attend the Games.", False),
    ("The Winter Games in Beijing.", True),
])
def test_cooccurrence_needs_every_group_in_the_sentence(text: str, matched: bool) -> None:
    rules = [{"kind": "cooccur", "groups": [["Games", "Olympic*"], ["Beijing", "Winter"]]}]
    assert (place(rules, text) is not None) is matched


def test_excluded_phrases_do_not_count_as_evidence() -> None:
    rules, exclude = terms("treaty"), terms("North Atlantic Treaty")
    assert place(rules, "The North Atlantic Treaty Organisation expands.", exclude) is None
    assert place(rules, "Unlike the North Atlantic Treaty, the 2001 treaty binds.", exclude) == ["treaty"]


def test_pattern_rules_run_on_re2_in_linear_time() -> None:
    rules = [{"kind": "pattern", "pattern": r"(a+)+$"}]
    assert place(rules, "a" * 50_000 + "b") is None
    assert place(rules, "aaa") == ["aaa"]


def test_claims_can_take_several_topics() -> None:
    t1 = Topic.model_validate({"id": "a", "label": "A", "rules": terms("treaty")})
    t2 = Topic.model_validate({"id": "b", "label": "B", "rules": terms("Taiwan")})
    texts = ["Nothing here.", "The treaty names Taiwan."]
    assert [(h.claim_index, h.topic) for h in assign_topics(texts, compile_topics([t1, t2]))] == [
        (1, "a"), (1, "b")]
