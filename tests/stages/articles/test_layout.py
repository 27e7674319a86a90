"""Page layout: notes, bio and links kept aside from the body; furniture, repeated headlines and decks dropped
with the reason for each."""

from __future__ import annotations

from perspectives.config import Cleaning
from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.reader import parse_article
from perspectives.stages.claims import split_claims


def test_notes_bio_and_links_are_kept_aside(read_seed) -> None:
    article = read_seed("002_f485dede49b0620d.txt")
    assert article.notes and "Center for Strategic and International Studies" in article.notes[0]
    assert article.bio and article.bio.startswith("Nicholas Meyers writes")
    assert "Notes" not in article.body and "meyersnicholas1" not in article.body
    korybko = read_seed("000_f37199021dedbf31.txt")
    said = next(link for link in korybko.links if link.text == "said")
    assert korybko.body[said.start:said.end] == "said"


def test_repeated_standfirst_is_dropped_but_an_original_one_is_kept(read_seed) -> None:
    korybko = read_seed("000_f37199021dedbf31.txt")
    assert korybko.body.count("They trust one another") == 1
    poised = read_seed("004_c2d20aa3aa99969e.txt")
    assert poised.body.startswith("The Chinese Communist Party newspaper Global Times has disclosed")


PAGE = """\
---
title: Envoys meet in Oslo
---
Envoys meet in Oslo
2022-03-04 10:15:02 | Source:
The envoys met on Friday to discuss the pipeline.
Both sides said the talks went well.
The two envoys shake hands before the talks in Oslo.
PHOTO: REUTERS
A deal is expected next month. The ministers will sign it.
Read more: Why the last summit failed
Tags: energy, pipeline
A deal is expected next month.
"""


def test_furniture_of_any_site_is_dropped_and_each_drop_says_why() -> None:
    article = parse_article(PAGE.encode(), article_id="a", cleaner=Cleaner())
    assert [c.text for c in split_claims(article)] == [
        "The envoys met on Friday to discuss the pipeline.", "Both sides said the talks went well.",
        "A deal is expected next month.", "The ministers will sign it.", "A deal is expected next month."]
    assert [reason for _, reason in article.dropped] == [
        "repeated headline", "timestamp", "caption", "credit", "related link", "tags"]


def test_wrapped_lines_stay_one_paragraph_and_a_repeated_deck_goes() -> None:
    text = ("Sales of gas rose sharply this year\nas both sides signed new contracts, the\nministry said.\n\n"
            "The deal doubles supplies.\n\nMore text follows here. The deal doubles supplies.\n")
    article = parse_article(text.encode(), article_id="a", cleaner=Cleaner())
    assert len(article.paragraphs) == 2
    assert article.body.startswith("Sales of gas rose sharply this year as both sides signed new contracts")
    assert article.dropped == (("The deal doubles supplies.", "repeated deck"),)


def test_config_drop_patterns_are_recorded_with_the_pattern() -> None:
    article = parse_article(b"Real text here.\n\nShare this article\n\nMore real text.\n", article_id="a",
                            cleaner=Cleaner.from_config(Cleaning(drop=["^Share this"])))
    assert article.dropped == (("Share this article", "cleaning.drop '^Share this'"),)


def test_config_remove_cuts_are_recorded_with_the_pattern() -> None:
    article = parse_article(b"The envoys met (read more here) on Friday.\n", article_id="a",
                            cleaner=Cleaner.from_config(Cleaning(remove=[r"\s*\(read more here\)"])))
    assert article.body == "The envoys met on Friday."
    assert article.dropped == (("(read more here)", "cleaning.remove '\\\\s*\\\\(read more here\\\\)'"),)
