"""The pre-checks of the sources stage: a sentence's words, the words a pattern needs, and the proof that
passing over a grammar for want of them finds the same sources (on sentences written for these tests)."""

from __future__ import annotations

import itertools

import pytest

from perspectives.stages.sources.cues import cue_hits
from perspectives.stages.sources.gazetteer import compile_gazetteer
from perspectives.stages.sources.masking import words_after_masking
from perspectives.stages.sources.mentions import find_mentions
from perspectives.stages.sources.referents import referents
from perspectives.stages.sources.speech import DOCUMENT_VERBS, INVERTED_VERBS, SPEECH_VERBS, STANCE
from perspectives.stages.sources.words import leading_words, needed_words, sentence_words

NO_LIST = compile_gazetteer([])


@pytest.mark.parametrize("text, expected", [
    ("“The fares,” he SAID, “will rise.”", {"the", "fares", "he", "said", "will", "rise"}),
    ("Tom Hale’s plan, in 2024", {"tom", "hale", "s", "plan", "in", "2024"}),
    ("co-op op-ed", {"co", "op", "ed"}),
    # Letters that case-insensitive matching takes for ASCII ones are read as those: "ſaid" matches (?i)said.
    ("He ſaid it; İN SHORT; the KELVIN sign", {"he", "said", "it", "in", "short", "the", "kelvin", "sign"}),
])
def test_sentence_words(text: str, expected: set[str]) -> None:
    assert sentence_words(text) == expected


@pytest.mark.parametrize("pattern, expected", [
    (r"say(?:s|ing)?\b", {"say", "says", "saying"}),
    (r"\b[Aa]ccording to\b", {"according"}),
    (r"(?:point(?:s|ed)? (?:out|at)|warn(?:s|ed)?)\b", {"point", "points", "pointed", "warn", "warns", "warned"}),
    (r"emphasi[sz]e[sd]?\s+that", {"emphasise", "emphasize", "emphasised", "emphasized", "emphasises",
                                   "emphasizes"}),
    (r"(?i:told|tells)\s", {"told", "tells"}),
    (r"communiqu[eé]s?\b", {"communique", "communiques", "communiqué", "communiqués"}),
    (r"claim(?:s|ed)?(?= that\b|,)\b", {"claim", "claims", "claimed"}),
])
def test_leading_words(pattern: str, expected: set[str]) -> None:
    assert leading_words(pattern) == expected


@pytest.mark.parametrize("pattern", [
    r"\w+ly",  # any word
    r"say",  # "say" may go on: "saying"
    r"[”,]\s*said",  # may begin with no word
    r"sa[a-z\s]d\b",  # a class of letters and spaces
    r"(?:a|b)+\b",  # words of any length
    r"claim(?= that)",  # a look-ahead ends no word
])
def test_leading_words_that_cannot_be_listed(pattern: str) -> None:
    assert leading_words(pattern) is None
    with pytest.raises(ValueError, match="cannot be listed"):
        needed_words(pattern)


SUBJECTS = ("Tom Hale", "Mayor Lena Vogt", "The Harbour Authority", "Kestrel Freight", "the ministry", "She",
            "The company", "Quillmoor", "The Harbour Charter", "the minister", "Both leaders")
FRAMES = (
    "{s} {v} that the fares would rise.",
    "{s} {v} the fares would rise.",
    "“The fares will rise,” {v} {s}.",
    "“The fares will rise,” {s} {v}.",
    "{s}, a professor at Lund University, {v} the plan was dead.",
    "{s} arrived in Harbourton on Friday and {v} the talks had stalled.",
    "{s}, which runs the port, {v} the fees were fair.",
    "According to {s}, the depot will close.",
    "In {s}'s view, the depot will close.",
    "{s}'s statement that the depot will close surprised nobody.",
    "In a statement on Monday, {s} {v} the fares were fair.",
    "A report by {s} found the port was jammed.",
    "{s} gave an exclusive interview to Kyodo.",
    "{s} told Kyodo the talks had stalled.",
    "In an interview with {s}, Tom Hale {v} the talks had stalled.",
    "For {s}, an economist, “the fares are too low.”",
    "The drivers will strike, as quoted by {s}.",
    "The drivers will strike, as quoted by{s}.",  # a name glued to a word: masking makes "by" a word
    "{s} quoted the Harbour Authority as saying the fees were fair.",
    "Under {s}, the port stays open at night.",
    "The articles of {s} were never published.",
    "{s} waited at the depot for two hours.",
    "{s} also{v} the talks had stalled.",
)
VERBS = ("said", "has warned", "pointed out", "believes that", "reads", "stipulates", "added", "expressed regret",
         "waited", "told reporters", "declared")


def _sentences() -> list[str]:
    return [frame.format(s=s, v=v) for s, frame, v in itertools.product(SUBJECTS, FRAMES, VERBS)]


def _every_listed_verb() -> list[str]:
    verbs = (needed_words(rf"(?:{SPEECH_VERBS}|{STANCE}|{DOCUMENT_VERBS})") | needed_words(rf"{INVERTED_VERBS}\s"))
    return [frame.format(v=v) for v in sorted(verbs)
            for frame in ("Tom Hale {v} that the fares would rise.", "“The fares will rise,” {v} the minister.")]


@pytest.mark.parametrize("sentences", [_sentences(), _every_listed_verb()], ids=["frames", "every-verb"])
def test_skipping_a_grammar_for_want_of_its_words_finds_the_same_sources(sentences: list[str]) -> None:
    bound = 0
    for text in sentences:
        mentions = find_mentions(text, NO_LIST, {})
        words = words_after_masking(text, mentions, sentence_words(text))
        full = cue_hits(text, mentions)
        assert cue_hits(text, mentions, words) == full, text
        assert referents(text, mentions, words) == referents(text, mentions), text
        bound += bool(full)
    assert bound > len(sentences) / 3  # the sentences do exercise the grammar


def test_the_words_after_masking_include_those_a_mention_cuts_out_of_a_word() -> None:
    text = "The strike, as quoted byTom Hale, goes on."
    mentions = find_mentions(text, NO_LIST, {})
    assert "by" not in sentence_words(text)
    assert "by" in words_after_masking(text, mentions, sentence_words(text))


def test_a_sentence_without_a_cue_word_is_passed_over() -> None:
    text = "Tom Hale waited at the depot for two hours."
    mentions = find_mentions(text, NO_LIST, {})
    assert mentions and cue_hits(text, mentions, words_after_masking(text, mentions, sentence_words(text))) == []


@pytest.mark.parametrize("space", [" ", "\u00a0 ", "\n", "\t "])
def test_the_office_before_a_person_is_taken_in_whatever_spaces_part_them(space: str) -> None:
    text = f"The ports need dredging, Harbour Minister{space}Paula Reyes said."
    (mention,) = find_mentions(text, compile_gazetteer([]), {})
    assert (mention.name, mention.kind) == ("Paula Reyes", "person")
    assert text[mention.start:mention.end] == f"Harbour Minister{space}Paula Reyes"
