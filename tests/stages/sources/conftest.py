"""Fixtures for the sources stage: a gazetteer like the shipped one, and articles built from paragraphs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from perspectives.config import SourceEntry
from perspectives.records import Article, Link
from perspectives.stages.claims import split_claims
from perspectives.stages.sources.gazetteer import Gazetteer, compile_gazetteer


def _entry(name: str, type_: str, country: str | None = None, *aliases: str, role: str | None = None) -> SourceEntry:
    return SourceEntry(name=name, aliases=list(aliases), type=type_, country=country, role=role)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return compile_gazetteer([
        _entry("TASS", "media", "Russia", "Tass", "TASS news service", "tass.com"),
        _entry("RIA Novosti", "media", "Russia"),
        _entry("Global Times", "media", "China", "globaltimes.cn"),
        _entry("Newsweek", "media", "United States"),
        _entry("Indian Punchline", "media", "India"),
        _entry("Dmitry Peskov", "official", "Russia", role="Kremlin spokesman"),
        _entry("Sergei Lavrov", "official", "Russia", role="Foreign Minister"),
        _entry("Vladimir Putin", "official", "Russia", role="President"),
        _entry("Joe Biden", "official", "United States", role="President"),
        _entry("Mikhail Mishustin", "official", "Russia", role="Prime Minister"),
        _entry("Li Keqiang", "official", "China", role="Premier"),
        _entry("Wang Wenbin", "official", "China", role="Foreign Ministry spokesperson"),
        _entry("Wang Yi", "official", "China", role="Foreign Minister"),
        _entry("Anatoly Antonov", "official", "Russia", role="Ambassador"),
        _entry("Qin Gang", "official", "China", role="Ambassador"),
        _entry("Lyle Goldstein", "expert", "United States", role="Research professor"),
        _entry("Jonathan E. Hillman", "expert", "United States", "Jonathan Hillman", role="Senior Fellow"),
        _entry("Chinese government", "official", "China", "China", "Beijing"),
        _entry("Russian government", "official", "Russia", "Russia", "Moscow"),
        _entry("Chinese Foreign Ministry", "official", "China"),
        _entry("Chinese Ministry of National Defense", "official", "China", "China's defence ministry",
               "Ministry of National Defense"),
        _entry("Kremlin", "official", "Russia"),
        _entry("Pentagon", "official", "United States"),
        _entry("G7", "official"),
        _entry("CSIS", "expert", "United States", "Center for Strategic and International Studies", "csis.org"),
        _entry("2021 Global Posture Review", "document", "United States", "Global Posture Review"),
    ])


def _article(*paragraphs: str, links: tuple[Link, ...] = (), notes: tuple[str, ...] = (),
             original_publisher: str | None = None) -> tuple[Article, list]:
    body = "\n\n".join(paragraphs)
    spans, offset = [], 0
    for para in paragraphs:
        spans.append((offset, offset + len(para)))
        offset += len(para) + 2
    article = Article(article_id="a", path="a.md", body=body, paragraphs=tuple(spans), links=links,
                      notes=notes, original_publisher=original_publisher)
    return article, split_claims(article)


@pytest.fixture
def article_of() -> Callable[..., tuple[Article, list]]:
    """An article of these paragraphs (links, notes and original publisher optional), and its claims."""
    return _article
