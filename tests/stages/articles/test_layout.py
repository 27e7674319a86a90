"""Page layout: notes, bio and links kept aside from the body; a repeated standfirst dropped."""

from __future__ import annotations


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
