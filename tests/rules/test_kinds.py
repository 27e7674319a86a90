"""The rule kinds: proximity, co-occurrence within a scope, and what every kind tells the config and the
diagnostics (problems, listed terms)."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from perspectives.rules import KIND_NAMES, Rule, Sentences, check_regex, compile_regex, compile_rule

RULE = TypeAdapter(Rule)


def rule(**fields: object) -> Rule:
    return RULE.validate_python(fields)


NEAR = rule(kind="near", groups=[["extend", "prolong", "renew"], ["treaty", "pact"]], words=3)


@pytest.mark.parametrize("text, expected", [
    ("Both sides agreed to extend the 2001 treaty.", ["extend", "treaty"]),
    ("The treaty, they said, was extended.", ["treaty", "extended"]),          # either order by default
    ("They renewed it: the old pact.", ["renewed", "pact"]),
    ("They extend their reach far into the sea, while the treaty sleeps.", None),  # too far apart
    ("The treaty stands.", None),
])
def test_near_finds_terms_within_n_words(text: str, expected: list[str] | None) -> None:
    assert compile_rule(NEAR).evidence(text) == expected


def test_near_ordered_keeps_the_written_order() -> None:
    stab = rule(kind="near", groups=[["stab"], ["in the back"]], words=4, ordered=True)
    assert compile_rule(stab).evidence("They would never stab China in the back.") == ["stab", "in the back"]
    assert compile_rule(stab).evidence("In the back rooms they stab at deals.") is None


def test_near_refuses_a_distance_out_of_range() -> None:
    with pytest.raises(ValidationError, match="less than or equal to 50"):
        rule(kind="near", groups=[["a"], ["b"]], words=500)


PARAGRAPHS = Sentences(["Russia and China met.", "The drills began at dawn.", "Elsewhere, drills in Peru."],
                       ["a", "a", "b"], [0, 0, 0])


@pytest.mark.parametrize("within, expected", [
    ("sentence", [None, None, None]),
    ("paragraph", [None, ["drills"], None]),
    ("article", [None, ["drills"], None]),
    ("1 sentence", [None, ["drills"], None]),
])
def test_cooccur_within_a_scope_needs_the_first_group_in_the_sentence(within: str, expected: list) -> None:
    matcher = compile_rule(rule(kind="cooccur", groups=[["drills"], ["Russia", "China"]], within=within))
    assert [matcher.evidence_in(t, PARAGRAPHS, i) for i, t in enumerate(PARAGRAPHS.texts)] == expected


def test_cooccur_within_rejects_an_unknown_scope() -> None:
    with pytest.raises(ValidationError, match="'2 paragraphs' is not a scope"):
        rule(kind="cooccur", groups=[["a"], ["b"]], within="2 paragraphs")


@pytest.mark.parametrize("fields, problems", [
    ({"kind": "terms", "terms": ["ok", " "]}, [((), "an empty term matches everything; remove it")]),
    ({"kind": "near", "groups": [["ok"], ["*"]]}, [((), "an empty term matches everything; remove it")]),
    ({"kind": "pattern", "pattern": "(?=x)"}, [(("pattern",), "invalid regular expression '(?=x)': look-around, "
                                                "back-references and possessive quantifiers are not supported "
                                                "(patterns run on RE2 so that none can hang a build)")]),
    ({"kind": "cooccur", "groups": [["a"], ["b"]]}, []),
])
def test_each_kind_reports_its_own_problems(fields: dict, problems: list) -> None:
    assert rule(**fields).problems() == problems


def test_every_kind_lists_its_terms_and_matches_each_alone() -> None:
    assert KIND_NAMES == ("terms", "cooccur", "near", "pattern")
    assert NEAR.listed_terms()[:2] == [(", group 1", "extend"), (", group 1", "prolong")]
    assert NEAR.term_matcher("treaty").spans("treaties") == [(0, 8)]
    assert rule(kind="pattern", pattern=r"trea\w+").listed_terms() == [("", r"trea\w+")]


@pytest.mark.parametrize("pattern, error", [
    ("(?-i)^Reuters", None),                       # the rest of the pattern case-sensitive
    ("^Photo: (?-i:AP)$", None),
    ("(?i)boycott", None),
    ("(?x) a b", "invalid perl operator: (?x; patterns ignore case unless told otherwise: (?-i) makes the rest"),
    ("(unclosed", "missing ), unterminated subpattern at position 0"),
    ("(?<=a)b", "look-around, back-references and possessive quantifiers are not supported"),
])
def test_patterns_take_re2_inline_flags_and_say_which_work(pattern: str, error: str | None) -> None:
    found = check_regex(pattern)
    assert found is None if error is None else found is not None and found.startswith(error)


def test_patterns_ignore_case_unless_a_flag_says_otherwise() -> None:
    assert compile_regex("^reuters").search("Reuters said") is not None
    assert compile_regex("(?-i)^reuters").search("Reuters said") is None
