"""Citation finding: one table per cue family, short names, notes and exclusions."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from perspectives.records import Link
from perspectives.stages.sources.citations import extract_citations
from perspectives.stages.sources.gazetteer import Gazetteer


@pytest.fixture
def sources_of(article_of, gazetteer: Gazetteer) -> Callable[..., set[str]]:
    """The names of the sources cited by an article of these paragraphs."""

    def sources(*paragraphs: str, **kwargs) -> set[str]:
        article, claims = article_of(*paragraphs, **kwargs)
        return {c.source for c in extract_citations(article, claims, gazetteer)}

    return sources


def _link(body: str, anchor: str, url: str = "#") -> Link:
    start = body.index(anchor)
    return Link(anchor, url, start, start + len(anchor))


@pytest.mark.parametrize("text, expected", [
    ("Kremlin spokesman Dmitry Peskov told reporters on Wednesday that the talks would go ahead.", {"Dmitry Peskov"}),
    ("“We are partners, not allies,” said Sergei Lavrov.", {"Sergei Lavrov"}),
    ("Lyle Goldstein, an expert who served at the Naval War College, said the drills mattered.", {"Lyle Goldstein"}),
    ("In a brief statement, China’s defence ministry said the two sides would deepen cooperation.",
     {"Chinese Ministry of National Defense"}),
    ("Russia and China agree that there is no need for a formal alliance.",
     {"Chinese government", "Russian government"}),
    ("The G7 met in Liverpool, Britain, on Sunday, which echoed the rhetoric of Washington.", {"G7"}),
    ("The political views of China and Russia underline diversity.", set()),
    # An affiliation after the speaker is not the speaker, known or not.
    ("Professor Lyle Goldstein of the Naval War College noted that the drills mattered.", {"Lyle Goldstein"}),
    ("Ivan Petrov of MGIMO University said the drills were routine.", {"Ivan Petrov"}),
    # An unnamed official speaks for the institution; "said Moscow was" is a reported clause, not an inversion.
    ("A senior Kremlin official, speaking on condition of anonymity, said Moscow was concerned.", {"Kremlin"}),
    ("Putin and Xi will address the tense situation in Europe.", set()),
])
def test_family1_reporting_verbs(text: str, expected: set[str], sources_of) -> None:
    assert sources_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("According to a readout of the talks published by the TASS news service, the leaders discussed Ukraine.",
     {"TASS"}),
    ("As noted by Jonathan E. Hillman, a senior fellow, the partnership is one of unequals.", {"Jonathan E. Hillman"}),
    ("Curiously, in Goldstein’s estimation, “the United States is not prepared to go to war.”", {"Lyle Goldstein"}),
    ("To quote Peskov, “the two leaders will exchange their views.”", {"Dmitry Peskov"}),
    ("In separate remarks yesterday, Putin and Russian Prime Minister Mikhail Mishustin beckoned an alliance.",
     {"Vladimir Putin", "Mikhail Mishustin"}),
    ("An opinion piece last week by the Russian and Chinese ambassadors in Washington Anatoly Antonov and Qin Gang "
     "lambasted the summit.", {"Anatoly Antonov", "Qin Gang"}),
    ("According to military experts, the roadmap signals common interests of Russia and China.", set()),
])
def test_family2_according_to_and_works(text: str, expected: set[str], sources_of) -> None:
    assert sources_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tass had quoted Russian Foreign Minister Sergei Lavrov as saying that Putin had accepted the invitation.",
     {"TASS", "Sergei Lavrov"}),
    ("RIA Novosti cited the head of the Chinese Foreign Ministry as saying that ties were at their best.",
     {"RIA Novosti", "Chinese Foreign Ministry"}),
    ("Lyle Goldstein told Newsweek on Monday that Moscow and Beijing calculate well.", {"Lyle Goldstein", "Newsweek"}),
    ("Cui Heng, the well-known scholar at East China Normal University, told the Global Times that ties grew.",
     {"Cui Heng", "Global Times"}),
    ("“This is important,” Mishustin told Li, while reiterating the idea.", {"Mikhail Mishustin"}),
])
def test_family3_outlet_carrying_a_speaker_gives_both(text: str, expected: set[str], sources_of) -> None:
    assert sources_of(text) == expected


@pytest.mark.parametrize("paragraphs, claim, expected", [
    # The ministry in the title is an affiliation: the person is cited, not the ministry.
    (["The Chinese Foreign Ministry spokesman Ambassador Wang Wenbin, said on Monday that ties were good."],
     0, {"Wang Wenbin"}),
    # "Wang" alone is ambiguous in the gazetteer (Wang Yi, Wang Wenbin): it is the Wang met earlier.
    (["Foreign Ministry spokesman Wang Wenbin spoke on Monday.", "Ambassador Wang anticipated that ties will grow."],
     1, {"Wang Wenbin"}),
    # An unknown speaker's surname later resolves to the full name first met.
    (["Ivan Petrov, a professor at MGIMO University, said the drills were routine.",
      "Petrov added that the two armies train together."], 1, {"Ivan Petrov"}),
    (["Defence Minister Sergei Shoigu met his Chinese counterpart Wei Fenghe."], 0, set()),
])
def test_family4_role_and_short_names_resolve_to_the_person(paragraphs: list[str], claim: int,
                                                             expected: set[str], article_of, gazetteer) -> None:
    article, claims = article_of(*paragraphs)
    cited = {c.source for c in extract_citations(article, claims, gazetteer) if c.claim_index == claim}
    assert cited == expected


@pytest.mark.parametrize("text, anchor, url, expected", [
    ("Tass had quoted Lavrov as saying he was pleased.", "Tass had quoted", "#", {"TASS", "Sergei Lavrov"}),
    ("The Global Times report said that China has no plan to invite them.", "Global Times report", "#",
     {"Global Times"}),
    ("Putin positively evaluated China’s growing defence potential.", "positively evaluated", "#",
     {"Vladimir Putin"}),
    ("This followed President Joe Biden’s innuendo that he is considering a boycott.", "innuendo", "#",
     {"Joe Biden"}),
    ("The Pentagon’s 2021 Global Posture Review signals a global posture.", "2021 Global Posture Review", "#",
     {"2021 Global Posture Review"}),
    ("The two leaders discussed Ukraine, according to this readout.", "this readout", "https://tass.com/politics/1",
     {"TASS"}),
])
def test_family5_link_anchors(text: str, anchor: str, url: str, expected: set[str], sources_of) -> None:
    assert sources_of(text, links=(_link(text, anchor, url),)) == expected


def test_family6_note_maps_author_institution_and_url_to_the_claim_with_its_marker(article_of, gazetteer) -> None:
    note = ('Hillman, Jonathan E. "China and Russia: Economic Unequals". Center for Strategic and International '
            'Studies (CSIS), July 2020, https://www.csis.org/analysis/china-and-russia-economic-unequals.')
    article, claims = article_of("The treaty was extended.", "Economists see a partnership of unequals (1):",
                                 "Russia needs China more.", notes=(note,))
    cites = extract_citations(article, claims, gazetteer)
    assert {(c.source, c.claim_index, c.cue) for c in cites} == {
        ("Jonathan E. Hillman", 1, "note"), ("CSIS", 1, "note")}


def test_family6_note_without_marker_goes_to_the_claim_naming_the_source_and_unknown_domains_are_kept(
        article_of, gazetteer) -> None:
    article, claims = article_of("The partnership is deep.", "Hillman sees a partnership of unequals.",
                                 notes=("See https://www.example-think.org/report for the data.",
                                        "Hillman, Jonathan. Unequals. 2020."))
    cites = {(c.source, c.claim_index, c.known) for c in extract_citations(article, claims, gazetteer)}
    assert ("example-think.org", 1, False) in cites or ("example-think.org", 0, False) in cites
    assert ("Jonathan E. Hillman", 1, True) in cites
    assert all(0 <= index < len(claims) for _, index, _ in cites)


@pytest.mark.parametrize("text", [
    "The full text is at https://www.tass.com/politics/1234 for readers.",
    "The full text is at www.tass.com/politics/1234 for readers.",
])
def test_family6_bare_url_maps_to_the_outlet(text: str, sources_of) -> None:
    assert sources_of(text) == {"TASS"}


@pytest.mark.parametrize("paragraphs, kwargs, expected", [
    (["Indian Punchline reported that the summit went well, Peskov said."],
     {"original_publisher": "Indian Punchline"}, {"Dmitry Peskov"}),
    (["MOSCOW, Dec. 1 (TASS) -- Russia and China will hold talks next week."], {}, set()),
    (["YINCHUAN, Aug. 9 (Xinhua) -- The drills began on Monday.", "(Reporting by Guy Faulconbridge; Editing by "
      "Peter Graff)"], {}, set()),
    (["Biden waited for two more months to arrive at the conclusion that he is not invited."], {}, set()),
])
def test_exclusions_publisher_dateline_byline_and_actor(paragraphs: list[str], kwargs: dict,
                                                       expected: set[str], sources_of) -> None:
    assert sources_of(*paragraphs, **kwargs) == expected


def test_every_citation_points_at_an_existing_claim(article_of, gazetteer) -> None:
    article, claims = article_of("Peskov said so.", "Lavrov agreed that it was so.",
                                 notes=("Unrelated note, https://nowhere.example.com/x",))
    cites = extract_citations(article, claims, gazetteer)
    assert cites and {c.claim_index for c in cites} <= {c.index for c in claims}


def test_unknown_speakers_are_typed_by_their_roles_and_marked_unknown(
        article_of, gazetteer: Gazetteer) -> None:
    article, claims = article_of(
        "Ivan Petrov, a professor at MGIMO University, said the drills were routine.",
        "Deputy Foreign Minister Olga Smirnova told reporters that the visit went well.",
        "According to Vedomosti, the contract was signed.")
    cites = extract_citations(article, claims, gazetteer)
    assert {(c.source, c.source_type, c.known) for c in cites} == {
        ("Ivan Petrov", "expert", False), ("Olga Smirnova", "official", False), ("Vedomosti", None, False)}
