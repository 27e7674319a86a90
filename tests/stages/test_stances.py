"""Stances: the position a claim takes on its topic, with negated cues left out."""

from __future__ import annotations

import pytest

from perspectives.config import Topic, load_config
from perspectives.rules import Sentences
from perspectives.stages.stances import assign_stances, compile_stances, is_negated
from perspectives.stages.topics import assign_topics, compile_topics
from tests.conftest import ROOT

MILITARY = Topic.model_validate({
    "id": "military", "label": "Military", "rules": [{"kind": "terms", "terms": ["alliance", "military"]}],
    "positions": [
        {"id": "toward_alliance", "rules": [{"kind": "terms", "terms": ["alliance", "allies", "pool"]}]},
        {"id": "short_of_alliance", "rules": [{"kind": "cooccur", "groups": [["no need", "not"], ["alliance"]]}]},
    ],
})


def position(text: str, topic: Topic = MILITARY) -> str | None:
    sentences = Sentences.of([text])
    hits = assign_stances(sentences, assign_topics(sentences, compile_topics([topic])), compile_stances([topic]))
    return hits[0].stance if hits else "no topic"


@pytest.mark.parametrize("text, expected", [
    ("They are edging closer to a de facto military alliance.", "toward_alliance"),
    ("There is no need to evolve from the partnership into a formal military and/or political alliance.",
     "short_of_alliance"),
    ("It is not an alliance, and never was.", "short_of_alliance"),
    ("Joint military drills continue.", None),
    ("They pool military power in an alliance.", "toward_alliance"),
])
def test_position_cues_and_negation(text: str, expected: str | None) -> None:
    assert position(text) == expected


@pytest.mark.parametrize("text, start_word, negated", [
    ("there is no need to evolve into an alliance", "alliance", True),
    ("nobody doubts, the alliance holds", "alliance", False),
    ("they don't want an alliance", "alliance", True),
    ("not only trade but an alliance", "alliance", False),
])
def test_negation_stays_within_the_clause(text: str, start_word: str, negated: bool) -> None:
    assert is_negated(text, text.index(start_word)) is negated


def test_shipped_positions_on_codebook_examples() -> None:
    config = load_config(ROOT / "config.yaml")
    topics = {t.id: t for t in config.topics}
    econ = topics["economic_asymmetry"]
    assert position("Collectively, these factors reveal a partnership of unequals.", econ) == "unequal"
    assert position("Their countries’ economies are also mutually complementary.", econ) == "complementary"
    olympics = topics["olympics"]
    assert position("China has no plan to invite politicians who hype the boycott of the Beijing Games.",
                    olympics) == "snub_of_west"
    assert position("Putin accepted an invitation to the Games from Xi.", olympics) == "solidarity"
