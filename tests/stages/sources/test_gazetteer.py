"""The gazetteer's vocabulary: a source's type from its role words, and names folded for comparison."""

from __future__ import annotations

import pytest

from perspectives.stages.sources.gazetteer import guess_type


@pytest.mark.parametrize("words, head_last, expected", [
    ("a professor at MGIMO University", False, "expert"),
    ("Chinese Foreign Ministry spokesperson", False, "official"),
    ("editor of the Global Times", False, "media"),
    ("Russian Foreign Policy Concept", True, "document"),
    ("Lowy Institute", True, "expert"),
    ("a friend of the family", False, None),
])
def test_guess_type_from_role_words(words: str, head_last: bool, expected: str | None) -> None:
    assert guess_type(words, head_last=head_last) == expected
