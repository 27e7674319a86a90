"""Positions (with negation) and certainty."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.config import Certainty, Topic, load_config
from perspectives.records import Claim
from perspectives.stages.stances import (
    assign_positions,
    certainty_score,
    compile_lexicon,
    compile_positions,
    is_negated,
    mark_certainty,
)
from perspectives.stages.topics import assign_topics, compile_topics

ROOT = Path(__file__).resolve().parents[1]
MILITARY = Topic.model_validate({
    "id": "military", "label": "Military", "rules": [{"kind": "terms", "terms": ["alliance", "military"]}],
    "positions": [
        {"id": "toward_alliance", "rules": [{"kind": "terms", "terms": ["alliance", "allies", "pool"]}]},
        {"id": "short_of_alliance", "rules": [{"kind": "cooccur", "groups": [["no need", "not"], ["alliance"]]}]},
    ],
})


def position(text: str, topic: Topic = MILITARY) -> str | None:
    claims = [Claim(index=0, paragraph=0, start=0, end=len(text), text=text)]
    hits = assign_positions(claims, assign_topics(claims, compile_topics([topic])), compile_positions([topic]))
    return hits[0].position if hits else "no topic"


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


def test_certainty_lexicons() -> None:
    lexicon = compile_lexicon(Certainty(hedges=["may", "it remains to be seen"], boosters=["clearly"]))
    claims = [Claim(0, 0, 0, 1, "It may work, and it remains to be seen."), Claim(1, 0, 0, 1, "Clearly it works."),
              Claim(2, 0, 0, 1, "It works in May.")]
    marked = mark_certainty(claims, lexicon)
    assert [c.hedges for c in marked] == [("may", "it remains to be seen"), (), ()]
    assert [c.boosters for c in marked] == [(), ("clearly",), ()]


@pytest.mark.parametrize("hedges, boosters, score", [(0, 0, 0.0), (2, 0, -1.0), (0, 1, 1.0), (1, 1, 0.0),
                                                      (1, 3, 0.5)])
def test_certainty_score(hedges: int, boosters: int, score: float) -> None:
    assert certainty_score(hedges, boosters) == score
