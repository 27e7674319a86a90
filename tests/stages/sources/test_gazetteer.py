"""The gazetteer's vocabulary: a source's type from its role words, and names folded for comparison."""

from __future__ import annotations

import pytest

from perspectives.stages.sources.gazetteer import fold
from perspectives.stages.sources.lexicon import guess_type
from perspectives.stages.sources.words import sentence_words


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


@pytest.mark.parametrize("name, folded", [
    ("Global Times", "global times"),
    ("THE KREMLIN", "kremlin"),  # case, and a leading "the": "the Kremlin" said is the Kremlin
    ("  the   Global\tTimes ", "global times"),  # spacing
    ("ITAR-TASS", "itar tass"),  # hyphens and dashes are spaces
    ("Treaty of Good–Neighbourliness", "treaty of good neighbourliness"),
    ("China’s defence ministry", "china's defence ministry"),  # either apostrophe
    ("Voice of the People", "voice of the people"),  # only a leading "the"
    ("Theodore Roosevelt", "theodore roosevelt"),  # only "the" as a word
    ("Straße", "strasse"),  # casefold, not lower
    ("The", "the"),  # a name that is only "the" keeps it
])
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


@pytest.mark.parametrize("text, expected", [
    ("Wang Wenbin spoke after Wang Yi.", ["Wang Wenbin", "Wang Yi"]),  # the longest name that matches
    # A name hyphenated to another word is part of that word.
    ("China and Russia; the China-Russia talks; the CSIS-led panel.", ["Chinese government", "Russian government"]),
    ("Center for Strategic and International Studies’ fellows", ["CSIS"]),  # the longer alias, whole
    ("Putin's and PUTIN’s aides met Vladimir   Putin.", ["Vladimir Putin", "Vladimir Putin", "Vladimir Putin"]),
    ("The Tass report and the TASS news service bulletin", ["TASS", "TASS"]),
    ("The Global Posture Review and the 2021 Global Posture Review", ["2021 Global Posture Review"] * 2),
    ("Kremlinology, ex-Kremlin staff and tass.com", []),  # inside a word, after a hyphen, in lower case
])
def test_find_reads_each_name_once_the_longest_whole(text: str, expected: list[str], gazetteer) -> None:
    found = [m.known.entry.name for m in gazetteer.find(text)]
    assert found == expected
    assert [m.known.entry.name for m in gazetteer.find(text, sentence_words(text))] == found
