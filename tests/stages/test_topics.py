"""Topic rules: inflections, prefixes, acronyms, co-occurrence, exclusions."""

from __future__ import annotations

import pytest

from perspectives.config import Continuation, Topic
from perspectives.rules import Sentences
from perspectives.stages.topics import assign_topics, compile_continuations, compile_topics


def place(rules: list[dict], text: str, exclude: list[dict] | None = None) -> list[str] | None:
    topic = Topic.model_validate({"id": "t", "label": "T", "rules": rules, "exclude": exclude or []})
    hits = assign_topics(Sentences.of([text]), compile_topics([topic]))
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
    assert [(h.claim_index, h.topic) for h in assign_topics(Sentences.of(texts), compile_topics([t1, t2]))] == [
        (1, "a"), (1, "b")]


MILITARY = {"id": "military", "label": "Military", "rules": terms("joint exercise", "military ties")}
TRADE = {"id": "trade", "label": "Trade", "rules": terms("trade deal")}


def placed(texts: list[str], *, within: str = "2 sentences", cues: tuple[str, ...] = ("drills",),
           paragraphs: list[int] | None = None, title: str = "", openers: tuple[str, ...] = ("It", "This"),
           quotations: bool = True) -> dict[str, list[tuple[int, str | None]]]:
    """Topic → [(sentence, context)] for one article with a military topic in context and a trade topic."""
    military = {**MILITARY, "context": [{"within": within, "cues": terms(*cues)}]}
    topics = compile_topics([Topic.model_validate(military), Topic.model_validate(TRADE)])
    continuations = compile_continuations(Continuation(quotations=quotations, openers=list(openers)))
    hits = assign_topics(Sentences.of(texts, paragraphs=paragraphs or list(range(len(texts))), title=title),
                         topics, continuations)
    found: dict[str, list[tuple[int, str | None]]] = {}
    for hit in hits:
        found.setdefault(hit.topic, []).append((hit.claim_index, hit.context))
    return found


def test_a_cue_joins_the_topic_a_direct_match_established_just_before() -> None:
    found = placed(["They held a joint exercise.", "The drills began at dawn."])
    assert found["military"] == [(0, None), (1, '"joint exercise" in sentence 1')]


def test_a_cue_alone_places_nothing() -> None:
    assert placed(["The drills began at dawn.", "Nothing else."]) == {}


def test_a_cue_beyond_the_window_stays_out() -> None:
    found = placed(["They held a joint exercise.", "A.", "B.", "The drills began at dawn."])
    assert found["military"] == [(0, None)]


def test_context_does_not_carry_over_a_new_paragraph_on_another_subject() -> None:
    found = placed(["They held a joint exercise.", "A trade deal was signed.", "The drills of commerce resumed."])
    assert found == {"military": [(0, None)], "trade": [(1, None)]}


def test_paragraph_scope_counts_the_whole_paragraph_and_only_it() -> None:
    texts = ["The drills began at dawn.", "It was a joint exercise.", "More drills followed."]
    found = placed(texts, within="paragraph", paragraphs=[0, 0, 1], openers=())
    assert found["military"] == [(0, '"joint exercise" in sentence 2'), (1, None)]


@pytest.mark.parametrize("texts, paragraphs, title, expected", [
    (["Markets opened.", "Weather was fine.", "The drills were long."], [0, 1, 2],
     "Russia and China hold a joint exercise", [(2, '"joint exercise" in the headline')]),
    (["A joint exercise ended.", "Weather was fine.", "The drills were long."], [0, 0, 1], "",
     [(0, None), (2, '"joint exercise" in sentence 1')]),
    # A direct match after the lead does not make the topic the article's subject.
    (["Markets opened.", "A joint exercise ended.", "The drills were long."], [0, 1, 2], "", [(1, None)]),
])
def test_article_scope_is_established_by_the_headline_or_the_lead(texts: list[str], paragraphs: list[int],
                                                                   title: str, expected: list) -> None:
    found = placed(texts, within="article", paragraphs=paragraphs, title=title, openers=())
    assert found["military"] == expected


@pytest.mark.parametrize("texts, expected", [
    # A quotation opened by a placed sentence carries on through the sentences inside it.
    (["“Military ties are strong.", "Nobody doubts it.", "Really nobody,” he said.", "Fine."],
     [(0, None), (1, "continues sentence 1"), (2, "continues sentence 2")]),
    # A quotation that runs over paragraphs reopens each one; a stray mark does not leak into the next.
    (["“Military ties are strong.", "“Nobody doubts it.", "Prices rose.", "Fine."],
     [(0, None), (1, "continues sentence 1")]),
    # An opener that refers back continues a sentence whose own words placed it, and no further: a chain of
    # pronouns would drift off the subject.
    (["They held a joint exercise.", "It lasted a week.", "This was new.", "Prices rose.", "It rained."],
     [(0, None), (1, "continues sentence 1")]),
    # No continuation from a sentence outside the topic.
    (["Prices rose.", "It was a joint exercise.", "Markets fell."], [(1, None)]),
])
def test_continuations_join_the_topics_of_the_sentence_before(texts: list[str], expected: list) -> None:
    paragraphs = [0, 0, 0, 1] if texts[2].endswith("said.") else list(range(len(texts)))
    assert placed(texts, paragraphs=paragraphs)["military"] == expected


def test_continuations_can_be_switched_off() -> None:
    found = placed(["“Military ties are strong.", "Nobody doubts it.”", "It lasted."], quotations=False, openers=())
    assert found["military"] == [(0, None)]


def test_each_context_block_has_its_own_scope_and_cues() -> None:
    military = Topic.model_validate({**MILITARY, "context": [
        {"within": "1 sentence", "cues": terms("drills")},
        {"within": "article", "cues": terms("ties")}]})
    texts = ["Markets opened.", "A joint exercise ended.", "The drills were long.", "Calm.", "The drills ended.",
             "Their ties are close."]
    hits = assign_topics(Sentences.of(texts, title="Russia and China stage a joint exercise"),
                         compile_topics([military]))
    assert [(h.claim_index, h.context) for h in hits] == [
        (1, None), (2, '"joint exercise" in sentence 2'), (5, '"joint exercise" in the headline')]


def test_topics_without_context_take_direct_matches_only() -> None:
    found = placed(["A trade deal was signed.", "It was long."])
    assert found == {"trade": [(0, None)]}


def test_continuation_never_crosses_into_another_article() -> None:
    sentences = Sentences(["They held a joint exercise.", "It lasted a week."], ["a", "b"], [0, 0])
    military = Topic.model_validate({**MILITARY, "context": [{"cues": terms("drills")}]})
    hits = assign_topics(sentences, compile_topics([military]),
                         compile_continuations(Continuation(openers=["It"])))
    assert [(h.claim_index, h.context) for h in hits] == [(0, None)]
