"""Furniture of any site by its shape: each kind recognised, and what reads as article text kept."""

from __future__ import annotations

import pytest

from perspectives.stages.articles.furniture import ends_with_picture_credit, is_caption_length, kind_of, strip_glued


@pytest.mark.parametrize("text, kind", [
    ("Photo: Lena Park/AFP", "credit"),
    ("PHOTO: REUTERS", "credit"),
    ("Image credit: Getty Images", "credit"),
    ("(Photo by Anna Berg/AP)", "credit"),
    ("(Tass/Ivan Orlov)", "credit"),
    ("(With inputs from agencies)", "credit"),
    ("(Reporting by Tom Hale; Editing by Ana Ruiz)", "credit"),
    ("A handout photo made available by the ministry shows the two envoys shaking hands.", "caption"),
    ("Pictured: the delegation arrives in Minsk", "caption"),
    ("2022-03-04 10:15:02 | Source: Daily Herald", "timestamp"),
    ("Updated: 11:29pm, 28 Jun", "timestamp"),
    ("(Agency) 09:41, March 2, 2022", "timestamp"),
    ("OSLO, March 4. /NTB/.", "timestamp"),
    ("Read more: Why the summit failed", "related link"),
    ("RELATED: Ten things to know about the pipeline", "related link"),
    ("Tags: energy, Arctic, shipping", "tags"),
    ("Home › World › Asia › Energy", "navigation"),
    ("Subscribe to our newsletter for daily updates", "notice"),
    ("Sign up now and get unlimited access for $1", "notice"),
    ("© 2022 Daily Herald. All rights reserved.", "notice"),
    ("Already a subscriber? Log in", "notice"),
    ("pic.twitter.com/AbC123xyz", "embedded post"),
    ("The envoy posted a clip of the talks in Oslo on Tuesday evening pic.twitter.com/Xy12", "embedded post"),
    ("Both ministers shared the statement (t.co/Ab12) within the hour", "embedded post"),
    ("— Ana Ruiz (@anaruiz) March 3, 2022", "embedded post"),
    ("https://example.org/news/2022/03/04/summit", "embedded post"),
    ("@anaruiz", "embedded post"),
    ("[Digest] Weekly roundup", "forwarded subject"),
    ("By Tom Hale, Energy Correspondent", "byline"),
])
def test_furniture_kinds(text: str, kind: str) -> None:
    assert kind_of(text) == kind


@pytest.mark.parametrize("text", [
    "Satellite images show the ships leaving port.",            # a claim about pictures is a claim
    "By contrast, the ministry said nothing at all.",
    "By then, the pipeline was half built.",
    "Netflix suspended its subscription service in the country.",
    "Trade rose 12% in 2021, to a record $146 billion.",
    "The talks began at 10:00 and ran late into the evening, officials said, as both sides traded drafts.",
    "Watchers of the region expect more drills.",
    "Related problems remain unsolved, the envoy said.",
])
def test_article_text_is_not_furniture(text: str) -> None:
    assert kind_of(text) is None


@pytest.mark.parametrize("text, kept, cut", [
    ("Illustration: Lena Park/GT To counter pressure, both sides met.", "To counter pressure, both sides met.",
     ("Illustration: Lena Park/GT", "credit")),
    ("SEE ALSO: Exports Hit A Record, Report SaysBoth countries buy more grain.",
     "Both countries buy more grain.", ("SEE ALSO: Exports Hit A Record, Report Says", "related link")),
    ("OSLO, March 4. /NTB/. The envoys met.", "The envoys met.", ("OSLO, March 4. /NTB/.", "dateline")),
    ("KYIV, Dec. 15 (Agency) -- Talks resumed.", "Talks resumed.", ("KYIV, Dec. 15 (Agency) --", "dateline")),
    ("BEIJING - The summit opened.", "The summit opened.", ("BEIJING -", "dateline")),
    ("NATO and the EU met.", "NATO and the EU met.", None),                # an acronym opening a sentence
    ("US President Joe Biden spoke.", "US President Joe Biden spoke.", None),
    ("Photo: Jane Roe/Harbour Agency", "Photo: Jane Roe/Harbour Agency", None),   # a whole credit, not glued
    ("Both countries buy more grain.", "Both countries buy more grain.", None),
])
def test_glued_furniture_is_cut_from_the_sentence_it_sticks_to(text: str, kept: str, cut: tuple | None) -> None:
    assert strip_glued(text) == (kept, cut)


def test_only_a_one_sentence_paragraph_before_a_credit_reads_as_its_caption() -> None:
    assert is_caption_length("Envoys shake hands before the talks in Oslo")
    assert not is_caption_length("The talks ended late. Both sides said they would meet again in May.")
    assert not is_caption_length("“We will meet again,” the envoy said.")


@pytest.mark.parametrize("text, expected", [
    ("Envoys shake hands before the talks. Photo: Lena Park/AFP", True),
    ("Envoys shake hands before the talks. Picture: Lena Park", True),
    ("The leaders meet in Minsk, June 2, 2021. (Agency/Ivan Orlov)", True),
    ("The talks ended. Photos of the talks were not released.", False),
])
def test_a_paragraph_ending_in_a_picture_credit_is_a_caption(text: str, expected: bool) -> None:
    assert ends_with_picture_credit(text) is expected
