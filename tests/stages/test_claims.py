"""Sentence splitting: abbreviations, initials, quotations, bullets, page breaks; offsets always hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perspectives.stages.articles.reader import ArticleError, Cleaner, parse_article
from perspectives.stages.claims import sentence_spans, split_claims


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("By M. K. Bhadrakumar, a former diplomat. He writes often.",
     ["By M. K. Bhadrakumar, a former diplomat.", "He writes often."]),
    ("As noted by Jonathan E. Hillman, a fellow. Next one.",
     ["As noted by Jonathan E. Hillman, a fellow.", "Next one."]),
    ("A dispute with a U.S. President who is skeptical. Then more.",
     ["A dispute with a U.S. President who is skeptical.", "Then more."]),
    ("Growth was 3.5% in 2021. Dr. Smith agreed.", ["Growth was 3.5% in 2021.", "Dr. Smith agreed."]),
    ("The model of the 21st century. It holds.", ["The model of the 21st century.", "It holds."]),
    ("He said, “I don’t think so. I stand by it.” Then he left.",
     ["He said, “I don’t think so.", "I stand by it.”", "Then he left."]),
    ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
    ("See pp. 4 and No. 5 for details. Done.", ["See pp. 4 and No. 5 for details.", "Done."]),
    ("Guest list. Period. Next!", ["Guest list.", "Period.", "Next!"]),
    ("No. It is not.", ["No.", "It is not."]),
    ("Xi met Putin. Шойгу ответил. 中国 agreed.", ["Xi met Putin.", "Шойгу ответил.", "中国 agreed."]),
    # A page that lost the space after a full stop or a closing quote.
    ("The talks ended.The minister said so.", ["The talks ended.", "The minister said so."]),
    ("It was a provocation.\"The statement said more.", ["It was a provocation.\"", "The statement said more."]),
    ("Worried leaders.- Those ties may not last.", ["Worried leaders.", "Those ties may not last."]),
    # Only a run's first mark can end a sentence, and only . ! ? before a dash.
    ("Wait... And?! Then “Yes.”– Done.", ["Wait...", "And?!", "Then “Yes.”", "Done."]),
    ("He paused…– Then left. Gone…- So it goes.", ["He paused…– Then left.", "Gone…- So it goes."]),
    # …but not inside abbreviations, initials, domains and names.
    ("The U.S.Navy sailed. St.Petersburg waited.", ["The U.S.Navy sailed.", "St.Petersburg waited."]),
    ("Visit example.com today. Or not.", ["Visit example.com today.", "Or not."]),
    ("He said e.g.This is fine. Next.", ["He said e.g.This is fine.", "Next."]),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def _article(text: str):
    return parse_article(text.encode(), article_id="a", cleaner=Cleaner())


def test_page_break_mid_sentence_is_rejoined() -> None:
    article = _article("They founded what’s now\n\nknown as the Shanghai Cooperation Organization. Fine.")
    texts = [c.text for c in split_claims(article)]
    assert texts == ["They founded what’s now known as the Shanghai Cooperation Organization.", "Fine."]


def test_quotation_lead_in_joins_the_quoted_sentence() -> None:
    article = _article("To quote Peskov,\n\n“The leaders will talk. It is tense.”")
    assert [c.text for c in split_claims(article)] == ["To quote Peskov, “The leaders will talk.", "It is tense.”"]


def test_bullets_are_claims_without_their_markers() -> None:
    article = _article("Characteristics follow here:\n\n  • it seems new\n  • it seems deep. Very deep.")
    assert [c.text for c in split_claims(article)] == [
        "Characteristics follow here:", "it seems new", "it seems deep.", "Very deep."]


def test_headings_are_not_claims() -> None:
    article = _article("Confrontation on the world scene\n\nThe rapprochement is at a high. It holds.")
    assert [c.text for c in split_claims(article)] == ["The rapprochement is at a high.", "It holds."]


def test_paragraph_numbers_follow_the_body() -> None:
    article = _article("One. Two.\n\nThree.")
    assert [c.paragraph for c in split_claims(article)] == [0, 0, 1]


_TOKENS = st.sampled_from(["a", "b", "Xi", " ", ".", "?", "!", "“", "”", '"', "'", "\n", "\n\n", "*", "#",
                           "-", "•", "U.S.", "Dr.", " M. ", "No. 5", "Шойгу", "中国"])


@given(st.lists(_TOKENS, max_size=80).map("".join))
def test_sentence_spans_are_trimmed_ordered_and_disjoint(text: str) -> None:
    spans = sentence_spans(text)
    for start, end in spans:
        assert text[start:end]
        assert text[start:end] == text[start:end].strip()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@given(st.one_of(st.text(max_size=400), st.lists(_TOKENS, max_size=120).map("".join)))
def test_claims_of_any_text_map_back_to_the_body(text: str) -> None:
    try:
        article = _article(text)
    except ArticleError:
        return
    for claim in split_claims(article):
        assert article.body[claim.start:claim.end] == claim.text
