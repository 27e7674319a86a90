"""The per-article work and placement over a claims table."""

from __future__ import annotations

import pytest

from perspectives.build.work import Stages, process_article
from perspectives.config import load_config
from perspectives.rules import Sentences
from perspectives.stages.stances import assign_stances
from perspectives.stages.topics import assign_topics
from tests.conftest import ROOT

VARIANTS = [  # the bundled claims as they are, and rewritten the ways that tell RE2 and Python apart
    lambda text: text,
    str.upper,
    lambda text: text.replace(" ", "\u00a0"),
    lambda text: text.replace("s", "ſ", 3),
]


@pytest.mark.parametrize("variant", range(len(VARIANTS)))
def test_screened_placement_equals_every_rule_on_every_sentence(variant: int) -> None:
    """The screen only skips work: the bundled articles' placements and stances, in every topic of the shipped
    config, are the same with it and without it."""
    config = load_config(ROOT / "config.yaml")
    stages = Stages.from_config(config)
    texts: list[str] = []
    articles: list[str] = []
    paragraphs: list[int] = []
    for entry in config.articles:
        result = process_article(entry, config.article_file(entry), display_path=entry.path, stages=stages)
        texts += [VARIANTS[variant](claim.text) for claim in result.claims]
        articles += [entry.article_id] * len(result.claims)
        paragraphs += [claim.paragraph for claim in result.claims]
    plain = Sentences(texts, articles, paragraphs)
    screened = Sentences(texts, articles, paragraphs, screened=stages.placement.screen.run(texts))

    def placed(sentences: Sentences) -> list:
        hits = assign_topics(sentences, stages.placement.topics, stages.placement.continuations)
        return assign_stances(sentences, hits, stages.placement.stances)

    expected = placed(plain)
    assert expected, "the bundled articles place claims"
    assert placed(screened) == expected
