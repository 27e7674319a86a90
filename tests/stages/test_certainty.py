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


def test_each_claim_is_marked_by_its_own_words_alone() -> None:
    lexicon = compile_lexicon(Certainty(hedges=["remains to be seen", "may"], boosters=["of course", "will"]))
    texts = ["What it remains", "to be seen is the price.", "Talks may resume.", "May talks will resume, of",
             "course.", "So they may."]
    marked = mark_certainty([Claim(i, 0, 0, 1, text) for i, text in enumerate(texts)], lexicon)
    assert [(c.hedges, c.boosters) for c in marked] == [
        ((), ()), ((), ()), (("may",), ()), (("may",), ("will",)), ((), ()), (("may",), ())]


def test_a_term_that_would_join_two_claims_matches_neither() -> None:
    lexicon = compile_lexicon(Certainty(hedges=["a\x00b"], boosters=[]))
    marked = mark_certainty([Claim(0, 0, 0, 1, "Plan a"), Claim(1, 0, 0, 1, "b is set.")], lexicon)
    assert [c.hedges for c in marked] == [(), ()]
