"""Voice: own or attributed per claim, quotations that run over sentences and paragraphs, the quoted span."""

from __future__ import annotations

import pytest

from perspectives.config import SourceEntry
from perspectives.records import Article
from perspectives.stages.articles.reader import Cleaner, parse_article
from perspectives.stages.claims import split_claims
from perspectives.stages.sources.citations import extract_citations
from perspectives.stages.sources.gazetteer import compile_gazetteer
from perspectives.stages.sources.voice import _FRAME_VERBS, assign_voice, quote_spans
from perspectives.stages.sources.words import needed_words

GAZETTEER = compile_gazetteer([
    SourceEntry(name="Lyle Goldstein", type="expert", country="United States"),
    SourceEntry(name="Jonathan E. Hillman", type="expert", country="United States"),
    SourceEntry(name="Mikhail Mishustin", type="official", country="Russia"),
    SourceEntry(name="Vladimir Putin", type="official", country="Russia"),
    SourceEntry(name="Newsweek", type="media", country="United States"),
    SourceEntry(name="Olympic Charter", aliases=["Olympic rules"], type="document"),
    SourceEntry(name="Treaty of Good-Neighborliness and Friendly Cooperation", type="document"),
])


def _article(*paragraphs: str) -> Article:
    spans, offset = [], 0
    for para in paragraphs:
        spans.append((offset, offset + len(para)))
        offset += len(para) + 2
    return Article(article_id="a", path="a.md", body="\n\n".join(paragraphs), paragraphs=tuple(spans))


def _voices(*paragraphs: str) -> list[str]:
    article = _article(*paragraphs)
    claims = split_claims(article)
    return [c.voice for c in assign_voice(article, claims, extract_citations(article, claims, GAZETTEER))]


@pytest.mark.parametrize("paragraphs, expected", [
    (["Putin stressed that Moscow supported the plan."], ["attributed"]),
    (["Mishustin pointed at an intertwining of plans."], ["attributed"]),  # paraphrase
    (["He explained that the scenarios are stressing."], ["attributed"]),
    (["It noted wryly that the talk of boycott was self-deception."], ["attributed"]),
    (["The Olympic rules stipulate that politicians must first be invited."], ["attributed"]),  # a document's words
    (["The partnership will evolve beyond the Treaty of Good-Neighborliness and Friendly Cooperation."], ["own"]),
    (["It was announced on June 28 that the treaty would be extended."], ["own"]),
    (["Russia will gain most from the “partnership of unequals”, while China pays."], ["own"]),  # scare quotes
    (["Biden waited for two more months."], ["own"]),
])
def test_voice_of_single_claims(paragraphs: list[str], expected: list[str]) -> None:
    assert _voices(*paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # One quotation over two sentences: the second keeps the speaker named in the first.
    (["Lyle Goldstein told Newsweek, “I think they calculate well. I do think they see a gain.”", "The US waits."],
     ["attributed", "attributed", "own"]),
    # The speaker comes after a three-sentence quotation.
    (["“We have many fields of cooperation. One concerns third countries. Why not, ” Putin said.", "Talks went on."],
     ["attributed", "attributed", "attributed", "own"]),
    # A quotation over paragraphs, each reopening with a mark, after a lead-in with a reporting verb.
    (["It pointedly noted, “On military cooperation, the two signed a roadmap.",
      "“Such enhancement is a reaction to the West.", "“The military expects better ties.”",
      "The snub comes a fortnight later."],
     ["attributed", "attributed", "attributed", "own"]),
    # A lead-in ending with a colon gives its speaker to the quotation in the next paragraph.
    (["As noted by Jonathan E. Hillman (1):", "“These factors reveal a partnership of unequals. China towers over "
      "Russia.”", "Hillman is right."],
     ["attributed", "attributed", "attributed", "own"]),
    # An opening mark left open runs on into the next paragraph that closes it.
    (["Putin holds that “the sanctions threaten the order.", "Reforms are needed.”", "The author disagrees."],
     ["attributed", "attributed", "own"]),
])
def test_multi_sentence_quotation_keeps_its_attribution(paragraphs: list[str], expected: list[str]) -> None:
    assert _voices(*paragraphs) == expected


def test_attributed_claim_carries_its_quoted_span_and_own_claim_none() -> None:
    article = _article("Putin said, “We support our friends.”", "The author agrees with “friends”.")
    claims = split_claims(article)
    voiced = assign_voice(article, claims, extract_citations(article, claims, GAZETTEER))
    assert [(c.voice, c.quote) for c in voiced] == [("attributed", "We support our friends."), ("own", None)]


@pytest.mark.parametrize("paragraphs, expected", [
    (["He said “one “two” three” here."], ["one “two” three"]),  # nested marks stay in the outer quotation
    (["A stray close” then “a quote”."], ["a quote"]),  # a closing mark with nothing open is ignored
    (["Unclosed “opening here.", "Next paragraph."], ["opening here."]),  # closed at its paragraph's end
    (['Straight "quoted words" too.'], ["quoted words"]),
])
def test_quote_spans(paragraphs: list[str], expected: list[str]) -> None:
    article = _article(*paragraphs)
    assert [article.body[s:e] for s, e in quote_spans(article.body, article.paragraphs)] == expected


@pytest.mark.parametrize("text", [
    "Analysts at the Lowy Institute warned that the strait is the most dangerous place on earth.",
    "Experts at an unnamed think tank argue that the alliance is hollow.",
    "Officials in Beijing insisted the drills were routine.",
    "A report by the Center for a New American Security found that trade doubled.",
])
def test_unnamed_or_unknown_speakers_behind_a_phrase_are_attributed(text: str) -> None:
    article = parse_article(text.encode(), article_id="a", cleaner=Cleaner())
    claims = split_claims(article)
    assert [c.voice for c in assign_voice(article, claims, [])] == ["attributed"]


@pytest.mark.parametrize("text, expected", [
    ("“The fares will rise,” read the joint statement.", "attributed"),
    ("“The fares will rise,” she concluded.", "attributed"),
    ("The mayor was quoted as saying the fares would rise.", "attributed"),
    ("According to the mayor's office, the fares will rise.", "attributed"),
    ("It was reported that the fares would rise.", "attributed"),
    ("The plan was labelled as “a tax on the poor”.", "attributed"),
    ("They alsosaid the fares would rise.", "attributed"),  # a missing space does not hide the verb
    ("Analysts at the Lowy Institute warned that the fares would rise.", "attributed"),
    ("A leading senator has vowed to stop the fares.", "attributed"),
    ("The joint statement says the fares will rise.", "attributed"),
    ("They waited for the fares to rise.", "own"),
    ("The fares rose, as the drivers had expected.", "own"),
])
def test_frames_without_a_named_speaker(text: str, expected: str) -> None:
    assert _voices(text) == [expected]


def test_every_inverted_frame_verb_is_a_frame() -> None:
    verbs = sorted(needed_words(rf"{_FRAME_VERBS}\s"))
    assert len(verbs) > 10
    assert {v: _voices(f"“The fares will rise,” {v} the minister.") for v in verbs} == dict.fromkeys(
        verbs, ["attributed"])
