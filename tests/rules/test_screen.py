"""The screen: one RE2 pass per sentence must never rule out a sentence a rule matches, and must rule out
most of those it does not (else it saves nothing)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from perspectives.rules import Screen, compile_regex, compile_rule, compile_terms
from perspectives.rules.kinds import PatternMatcher
from perspectives.rules.terms import TermsMatcher

# Words and the look-alikes that trip engines up: case, inflections, prefixes, acronyms, apostrophes,
# hyphenation, Unicode spaces and letters Python folds onto ASCII ones (ſ, ı, K).
WORDS = ["treaty", "treaties", "Treaty's", "ally", "allied", "alliance", "US", "us", "U.S.", "sino", "Sino-Russian",
         "de", "facto", "de-facto", "accord", "according", "naval", "drill", "drills", "ſino", "alıance", "Kremlin",
         "Кремль", "café", "co-operation", "cooperation", "—", "“", "”", "'", "’s", "2021", "_x", "militar", "military"]
SPACES = [" ", " ", "\u00a0", "\u2009", "\u3000", "\x1c", "\t", "-", "–", ""]
TERMS = ["treaty", "ally", "alliance", "US", "U.S.", "sino*", "de facto", "'accord'", "military cooperation",
         "naval drill", "Kremlin", "Кремль", "co-operation", "café", "2021", "_x", "militar*"]

sentences = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TERMS), min_size=1, max_size=4, unique=True), st.booleans(),
       st.lists(sentences, min_size=1, max_size=6))
@example(["military cooperation"], True, ["military\u00a0cooperation", "military\x1ccooperation"])
@example(["sino*"], True, ["ſino-Russian ties"])
def test_a_sentence_the_terms_match_is_always_a_candidate(terms: list[str], ignore_case: bool,
                                                          texts: list[str]) -> None:
    matcher = compile_terms(terms, ignore_case=ignore_case)
    screened = Screen([matcher]).run(texts)
    for i, text in enumerate(texts):
        if matcher.spans(text):
            assert screened.may_match(matcher, i), (terms, text)


@pytest.mark.parametrize("rule, text, candidate", [
    ({"kind": "terms", "terms": ["treaty"]}, "The two treaties lapse.", True),
    ({"kind": "terms", "terms": ["treaty"]}, "Nothing about it here.", False),
    ({"kind": "terms", "terms": ["US"]}, "the rest of us", False),  # acronyms are screened with their case
    ({"kind": "terms", "terms": ["pact"]}, "an impact study", False),  # and between word boundaries
    ({"kind": "terms", "terms": ["treaty"]}, "Le traité de café", True),  # non-ASCII letters: never ruled out
    ({"kind": "cooccur", "groups": [["naval"], ["drill"]]}, "naval forces", False),
    ({"kind": "cooccur", "groups": [["naval"], ["drill"]], "within": "paragraph"}, "naval forces", True),
    ({"kind": "near", "groups": [["naval"], ["drill"]]}, "a drill of the navy", False),
    ({"kind": "pattern", "pattern": r"(?-i)Sea of \w+"}, "the Sea of Japan", True),
    ({"kind": "pattern", "pattern": r"(?-i)Sea of \w+"}, "the sea of Japan", False),
])
def test_the_screen_rules_out_sentences_a_rule_cannot_match(rule: dict, text: str, candidate: bool) -> None:
    from perspectives.config import Topic

    matcher = compile_rule(Topic.model_validate({"id": "t", "label": "T", "rules": [rule]}).rules[0])
    assert Screen([matcher]).run([text]).may_match(matcher, 0) is candidate


def test_a_rule_outside_the_screen_is_tried_everywhere() -> None:
    screened = Screen([compile_terms(["treaty"])]).run(["no such word"])
    assert screened.may_match(compile_terms(["alliance"]), 0)
    assert screened.may_match(TermsMatcher(()), 0)  # a matcher that names no pattern


def test_user_patterns_are_screened_as_compiled() -> None:
    matcher = PatternMatcher(compile_regex(r"treat(y|ies)"))
    screened = Screen([matcher]).run(["TREATIES", "treats"])
    assert [screened.may_match(matcher, i) for i in range(2)] == [True, False]


def test_a_pattern_found_in_every_sentence_rules_nothing_out() -> None:
    """The empty pattern is in every sentence, so the screen keeps no list of where: needing it, alone or
    beside another pattern, must rule out only what the other pattern does."""
    treaty = compile_terms(["treaty"])
    everywhere, with_treaty = _Needs(("",)), _Needs(("", *treaty.needs))
    screened = Screen([everywhere, with_treaty]).run(["no such word", "a treaty"])
    assert [screened.may_match(everywhere, i) for i in range(2)] == [True, True]
    assert [screened.may_match(with_treaty, i) for i in range(2)] == [False, True]


@dataclass(frozen=True)
class _Needs:
    """A matcher as the screen sees it: the patterns it needs, nothing more."""

    needs: tuple[str, ...]
