"""Unrecognised sources: unknown speakers reported with a ready-to-paste gazetteer entry each."""

from __future__ import annotations

import yaml

from perspectives.config import SourceEntry
from perspectives.records import ArticleResult
from perspectives.stages.sources.citations import extract_citations
from perspectives.stages.sources.gazetteer import Gazetteer
from perspectives.stages.sources.unrecognised import collect_unrecognised


def test_article_with_only_unknown_speakers_yields_unrecognised_sources_with_pasteable_entries(
        article_of, gazetteer: Gazetteer) -> None:
    article, claims = article_of(
        "Ivan Petrov, a professor at MGIMO University, said the drills were routine.",
        "Deputy Foreign Minister Olga Smirnova told reporters that the visit went well.",
        "According to Vedomosti, the contract was signed.")
    cites = extract_citations(article, claims, gazetteer)
    assert {(c.source, c.source_type, c.known) for c in cites} == {
        ("Ivan Petrov", "expert", False), ("Olga Smirnova", "official", False), ("Vedomosti", None, False)}
    report = collect_unrecognised([ArticleResult(article=article, claims=tuple(claims), citations=tuple(cites))])
    by_name = {r["name"]: r for r in report}
    assert by_name["Olga Smirnova"]["articles"] == ["a"] and by_name["Olga Smirnova"]["count"] == 1
    pasted = yaml.safe_load(by_name["Olga Smirnova"]["suggested_entry"])
    assert SourceEntry.model_validate(pasted[0]).role == "Deputy Foreign Minister"
    # An unguessable type is left empty for the user, so pasting it unchanged fails validation loudly.
    assert yaml.safe_load(by_name["Vedomosti"]["suggested_entry"])[0]["type"] is None
