"""The build report: unrecognised sources read from the citations table, each with a ready-to-paste entry."""

from __future__ import annotations

import yaml

from perspectives.build.report import unrecognised_sources
from perspectives.config import SourceEntry
from perspectives.records import Article, ArticleResult, Citation
from perspectives.tables import citation_rows


def _cited(article_id: str, *citations: Citation) -> ArticleResult:
    return ArticleResult(article=Article(article_id=article_id, path="", body=""), claims=(), citations=citations)


def test_unknown_sources_are_reported_most_cited_first_with_pasteable_entries() -> None:
    smirnova = Citation(0, "Olga Smirnova", "official", "Russia", "reporting_verb",
                        "Deputy Foreign Minister Olga Smirnova", known=False)
    table = citation_rows([
        _cited("a", smirnova, Citation(1, "Vedomosti", None, None, "according_to", "Vedomosti", known=False),
               Citation(2, "TASS", "media", "Russia", "outlet", "TASS", known=True)),
        _cited("b", smirnova)])
    report = unrecognised_sources(table)
    assert [(r["name"], r["count"], r["articles"]) for r in report] == [
        ("Olga Smirnova", 2, ["a", "b"]), ("Vedomosti", 1, ["a"])]
    pasted = SourceEntry.model_validate(yaml.safe_load(report[0]["suggested_entry"])[0])
    assert (pasted.name, pasted.type, pasted.country, pasted.role) == (
        "Olga Smirnova", "official", "Russia", "Deputy Foreign Minister")
    # An unguessable type is left empty for the user, so pasting it unchanged fails validation loudly.
    assert yaml.safe_load(report[1]["suggested_entry"])[0]["type"] is None


def test_a_source_found_by_its_url_gets_no_role() -> None:
    table = citation_rows([_cited("a", Citation(0, "example.org", "media", None, "url", "https://example.org/x",
                                                known=False))])
    assert "role" not in yaml.safe_load(unrecognised_sources(table)[0]["suggested_entry"])[0]
