"""The per-article work and placement over a claims table."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from perspectives.build.work import Stages, process_article
from perspectives.config import load_config
from perspectives.records import TopicHit
from perspectives.rules import Sentences
from perspectives.stages.stances import assign_stances
from perspectives.stages.topics import assign_topics
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402 - benchmarks/ is not a package

VARIANTS = [  # the bundled claims as they are, and rewritten the ways that tell RE2 and Python apart
    lambda text: text,
    str.upper,
    lambda text: text.replace(" ", "\u00a0"),
    lambda text: text.replace("s", "ſ", 3),
]
# Enough synthetic articles that every topic is placed by context as well as directly (their paragraphs are
# the bundled ones, recombined: new neighbours, new headlines).
SYNTHETIC_ARTICLES = 40


@pytest.mark.parametrize("variant", range(len(VARIANTS)))
def test_screened_placement_equals_every_rule_on_every_sentence(variant: int) -> None:
    """The screen only skips work: the bundled articles' placements and stances, in every topic of the shipped
    config, are the same with it and without it."""
    _assert_screen_skips_only_work(ROOT / "config.yaml", VARIANTS[variant])


def test_screened_placement_equals_every_rule_on_a_synthetic_corpus(tmp_path: Path) -> None:
    """The same on the benchmark's synthetic articles, headlines and context placements included."""
    placed = _assert_screen_skips_only_work(corpus.make_corpus(tmp_path, SYNTHETIC_ARTICLES), lambda text: text)
    assert {hit.topic for hit in placed if hit.context} == {t.id for t in load_config(ROOT / "config.yaml").topics
                                                             if t.context}


def _assert_screen_skips_only_work(config_path: Path, variant: Callable[[str], str]) -> list[TopicHit]:
    """Place every claim of the config's articles (rewritten by ``variant``) with the screen and without it,
    assert the two agree, and return the placements."""
    config = load_config(config_path)
    stages = Stages.from_config(config)
    texts: list[str] = []
    articles: list[str] = []
    paragraphs: list[int] = []
    titles: dict[str, str] = {}
    for entry in config.articles:
        result = process_article(entry, config.article_file(entry), display_path=entry.path, stages=stages)
        texts += [variant(claim.text) for claim in result.claims]
        articles += [entry.article_id] * len(result.claims)
        paragraphs += [claim.paragraph for claim in result.claims]
        titles[entry.article_id] = result.article.title or ""
    plain = Sentences(texts, articles, paragraphs, titles)
    screened = Sentences(texts, articles, paragraphs, titles, screened=stages.placement.screen.run(texts))

    def placed(sentences: Sentences) -> list[TopicHit]:
        hits = assign_topics(sentences, stages.placement.topics, stages.placement.continuations)
        return assign_stances(sentences, hits, stages.placement.stances)

    expected = placed(plain)
    assert expected, "the articles place claims"
    assert placed(screened) == expected
    return expected
