"""Certainty: hedges and boosters as the config lists them, and the score they give a claim."""

from __future__ import annotations

import pytest

from perspectives.config import Certainty
from perspectives.records import Claim
from perspectives.stages.certainty import certainty_score, compile_lexicon, mark_certainty


def test_certainty_lexicons() -> None:
    lexicon = compile_lexicon(Certainty(hedges=["may", "it remains to be seen"], boosters=["clearly"]))
    claims = [Claim(0, 0, 0, 1, "It may work, and it remains to be seen."), Claim(1, 0, 0, 1, "Clearly it works."),
              Claim(2, 0, 0, 1, "It works in May.")]
    marked = mark_certainty(claims, lexicon)
    assert [c.hedges for c in marked] == [("may", "it remains to be seen"), (), ()]
    assert [c.boosters for c in marked] == [(), ("clearly",), ()]
    assert [c.certainty for c in marked] == [-1.0, 1.0, 0.0]


@pytest.mark.parametrize("hedges, boosters, score", [(0, 0, 0.0), (2, 0, -1.0), (0, 1, 1.0), (1, 1, 0.0),
                                                      (1, 3, 0.5)])
def test_certainty_score(hedges: int, boosters: int, score: float) -> None:
    assert certainty_score(hedges, boosters) == score
