"""The grammar of attribution, one table per cue family, on sentences written for these tests; most with no
list at all (``NO_LIST``), some with the shipped-like gazetteer for names it knows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml

from perspectives.config import SourceEntry
from perspectives.stages.sources.citations import extract_citations
from perspectives.stages.sources.gazetteer import compile_gazetteer
from perspectives.stages.sources.lexicon import role_of, suggest_entry
from perspectives.stages.sources.voice import assign_voice

NO_LIST = compile_gazetteer([])


@pytest.fixture
def cited(article_of) -> Callable[..., set[str]]:
    """The sources an article of these paragraphs cites, with no list (or the given gazetteer)."""

    def sources(*paragraphs: str, gazetteer=NO_LIST, **kwargs) -> set[str]:
        article, claims = article_of(*paragraphs, **kwargs)
        return {c.source for c in extract_citations(article, claims, gazetteer)}

    return sources


@pytest.fixture
def voices(article_of) -> Callable[..., list[str]]:
    def voice(*paragraphs: str) -> list[str]:
        article, claims = article_of(*paragraphs)
        return [c.voice for c in assign_voice(article, claims, extract_citations(article, claims, NO_LIST))]

    return voice


@pytest.mark.parametrize("text, expected", [
    ("Port Director Helga Berg called the new fees theft.", {"Helga Berg"}),
    ("Transport Minister Tom Hale emphasised that the trains would run.", {"Tom Hale"}),
    ("Union leader Maria Costa insisted the strike was lawful.", {"Maria Costa"}),
    ("The Harbour Authority expressed regret over the delays.", {"Harbour Authority"}),
    ("The Cyclists Federation has come out against the plan.", {"Cyclists Federation"}),
    ("Mayor Lena Vogt reportedly told her guests that the budget was spent.", {"Lena Vogt"}),
    ("Councillor Omar Haddad warned in March that fares would rise.", {"Omar Haddad"}),
    ("Professor Ruth Adler believes the network is underfunded.", {"Ruth Adler"}),
    ("Mayor Lena Vogt made it clear that the depot would close.", {"Lena Vogt"}),
    ("The City Council arrived at the depot on Friday and said the buses would run.", {"City Council"}),
])
def test_speech_and_cognition_verbs(text: str, expected: set[str], cited) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("“The depot stays open,” said the ministry's spokesman Ivan Petrov to reporters on Monday.", {"Ivan Petrov"}),
    ("“We will not move,” Tom Hale told a news conference.", {"Tom Hale"}),
    ("The line will reopen in May, argues Professor Ruth Adler of the Institute for Transport Studies.",
     {"Ruth Adler"}),
    ("The Harbour Authority on Monday announced new fees.", {"Harbour Authority"}),
    ("Mayor Lena Vogt, speaking after the vote, said the plan was dead.", {"Lena Vogt"}),
])
def test_both_orders_with_time_place_and_audience_phrases(text: str, expected: set[str], cited) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize("text, name, role", [
    ("Anna Ivanova, the transport ministry's spokeswoman, said the strike was illegal.", "Anna Ivanova",
     "transport ministry's spokeswoman"),
    ("Defence Minister Tom Hale said the navy would help.", "Tom Hale", "Defence Minister"),
    ("The economist Li Wei Ming said fares were too low.", "Li Wei Ming", "economist"),
    ("Freight Union chief executive Paula Reyes said the ports were jammed.", "Paula Reyes",
     "Freight Union chief executive"),
])
def test_speakers_keep_their_full_name_and_role_from_apposition_or_premodifiers(
        text: str, name: str, role: str, article_of) -> None:
    article, claims = article_of(text)
    (citation,) = extract_citations(article, claims, NO_LIST)
    assert citation.source == name
    assert role_of(name, citation.surface) == role


@pytest.mark.parametrize("text, expected", [
    ("In a statement, the Harbour Authority said the fees were fair.", {"Harbour Authority"}),
    ("In an interview with Kyodo, Tom Hale said the talks had stalled.", {"Kyodo", "Tom Hale"}),
    ("The drivers will strike again, as quoted by the news agency Interfax.", {"Interfax"}),
    ("Tom Hale told Kyodo that the talks had stalled.", {"Tom Hale", "Kyodo"}),
    ("A communique published by the Port Workers Federation listed the demands.", {"Port Workers Federation"}),
    ("According to the Institute for Transport Studies, ridership fell by half.", {"Institute for Transport Studies"}),
    ("The Harbour Charter stipulates that the port stays open at night.", {"Harbour Charter"}),
])
def test_nominal_cues(text: str, expected: set[str], cited) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    (["Mayor Lena Vogt met the drivers on Monday.", "She said the talks would go on."], {"Lena Vogt"}),
    (["Transport Minister Tom Hale visited the depot.", "“The trains will run,” the minister added."],
     {"Tom Hale"}),
    (["The Harbour Authority raised its fees.", "The authority said the money would pay for dredging."],
     {"Harbour Authority"}),
    (["Kestrel Freight moved its ships to another port.", "The company said the strike had cost it a week."],
     {"Kestrel Freight"}),
    (["Mark Dunmore runs a bakery in the old town.", "“Nobody can get to work,” Mr Dunmore said."],
     {"Mark Dunmore"}),
])
def test_pronoun_and_role_continuations_resolve_to_the_named_party(paragraphs: list[str], expected: set[str],
                                                                   article_of) -> None:
    article, claims = article_of(*paragraphs)
    last = claims[-1].index
    assert {c.source for c in extract_citations(article, claims, NO_LIST) if c.claim_index == last} == expected


@pytest.mark.parametrize("paragraphs, expected", [
    (["“The depot will close. Nobody asked us. We will fight it,” said Union leader Maria Costa.",
      "The depot opened in 1962."], ["attributed", "attributed", "attributed", "own"]),
    (["Union leader Maria Costa climbed onto a truck.", "“We will not go back.", "‘The city needs us more than we "
      "need it.’", "The crowd left at noon."], ["own", "attributed", "attributed", "own"]),
    (["“Fares must fall,” Councillor Omar Haddad said.", "He is wrong: fares have not risen in a decade."],
     ["attributed", "own"]),
    (["A senior union official has vowed to keep the depot closed."], ["attributed"]),
    (["The Harbour Charter says the port stays open at night."], ["attributed"]),
])
def test_voice_follows_attribution_across_a_quotation_and_stops_at_the_authors_rebuttal(
        paragraphs: list[str], expected: list[str], voices) -> None:
    assert voices(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, kwargs, not_cited", [
    (["Russian officials said the ceremony went well."], {}, "Russian"),  # a nationality alone
    (["According to the Indian foreign ministry, the visit was cancelled."], {}, "Indian"),
    (["Mayor Lena Vogt waited for two hours at the depot."], {}, "Lena Vogt"),  # a person who only acts
    (["Lithuania recalled its ambassador from the capital."], {}, "Lithuanian government"),  # recall = summon back
    (["HARBOURTON, May 3 (Metro Wire) -- The drivers walked out at dawn."], {}, "Metro Wire"),  # its own wire
    (["Metro Wire reported that the drivers walked out."], {"original_publisher": "Metro Wire"}, "Metro Wire"),
    (["The full timetable is at https://bit.ly/3xYz and @MetroWatch has the rest."], {}, "bit.ly"),  # URL
    (["The full timetable is at https://bit.ly/3xYz and @Metrowatch says the rest."], {}, "Metrowatch"),  # handle
])
def test_not_a_source(paragraphs: list[str], kwargs: dict[str, str], not_cited: str, article_of) -> None:
    article, claims = article_of(*paragraphs, **kwargs)
    assert not_cited not in {c.source for c in extract_citations(article, claims, NO_LIST)}


def test_a_nationality_makes_a_lower_case_institution_official_with_its_country(article_of) -> None:
    article, claims = article_of("According to the Indian foreign ministry, the visit was cancelled.")
    (citation,) = extract_citations(article, claims, NO_LIST)
    assert (citation.source, citation.source_type, citation.country) == ("Indian Foreign Ministry", "official",
                                                                         "India")


def test_a_state_speaking_is_its_government_unless_the_list_names_it(article_of) -> None:
    article, claims = article_of("Japan said on Friday that it would send a delegation.")
    assert {(c.source, c.country) for c in extract_citations(article, claims, NO_LIST)} == {
        ("Japanese government", "Japan")}
    listed = compile_gazetteer([SourceEntry(name="Government of Japan", aliases=["Japan", "Tokyo"], type="official",
                                            country="Japan")])
    assert {c.source for c in extract_citations(article, claims, listed)} == {"Government of Japan"}


@pytest.mark.parametrize("surface, name, expected", [
    ("Deputy Transport Minister Olga Smirnova", "Olga Smirnova",
     {"name": "Olga Smirnova", "type": "official", "role": "Deputy Transport Minister"}),
    ("the economist Li Wei Ming", "Li Wei Ming", {"name": "Li Wei Ming", "type": "expert", "role": "economist"}),
    ("Kenji Sato, the Japanese ambassador", "Kenji Sato",
     {"name": "Kenji Sato", "type": "official", "country": "Japan", "role": "Japanese ambassador"}),
    ("Ruth Adler, a professor at the Institute for Transport Studies", "Ruth Adler",
     {"name": "Ruth Adler", "type": "expert", "role": "professor at the Institute for Transport Studies"}),
    ("Interfax", "Interfax", {"name": "Interfax", "type": None}),
])
def test_the_suggested_entry_has_the_full_name_the_real_role_a_type_and_a_country(
        surface: str, name: str, expected: dict[str, str | None]) -> None:
    (entry,) = yaml.safe_load(suggest_entry(name, None, None, role_of(name, surface)))
    assert {k: entry.get(k) for k in expected} == expected
    assert entry["aliases"] == []
    if entry["type"] is not None:
        SourceEntry.model_validate(entry)  # pasteable as it stands
