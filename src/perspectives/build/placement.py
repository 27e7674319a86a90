"""Placement: claims into topics, with stances, over a claims table of any size (see ``rules.screen``).

Needs the topic and stance stages only, so a build that reads no article (a rule edit) places claims without
importing, or compiling, the stages that read articles.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from perspectives.config import Config
from perspectives.rules import Screen, Sentences
from perspectives.stages.stances import CompiledStance, assign_stances, compile_stances
from perspectives.stages.topics import (
    CompiledTopic,
    Continuations,
    assign_topics,
    compile_continuations,
    compile_topics,
)
from perspectives.tables import topic_rows


@dataclass(frozen=True)
class Placement:
    """The topic, stance and continuation rules, and the RE2 screen of every topic and stance rule (see
    ``rules.screen``): all that placing claims in topics needs."""

    topics: list[CompiledTopic]
    stances: dict[str, tuple[CompiledStance, ...]]
    continuations: Continuations
    screen: Screen

    @classmethod
    def from_config(cls, config: Config, only: Collection[str] | None = None) -> Placement:
        """Compile the config's topics, or ``only`` those named (a rule edit compiles and screens the edited
        topics alone)."""
        chosen = [t for t in config.topics if only is None or t.id in only]
        topics, stances = compile_topics(chosen), compile_stances(chosen)
        screen = Screen([*(m for t in topics for m in t.matchers()),
                         *(m for ss in stances.values() for s in ss for m in s.matchers())])
        return cls(topics, stances, compile_continuations(config.continuation), screen)


def place_topics(claims: pd.DataFrame, titles: Mapping[str, str], placement: Placement,
                 known: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``claim_topics`` rows of a claims table (any number of articles, each one's claims together and in
    order) in the placement's topics, with stances; ``titles`` are the articles' headlines, which may
    establish a topic for context placement.

    One screen pass over the whole table picks the sentences each rule may match; only those are tried.
    ``known`` are earlier ``claim_topics`` rows (claim_id, topic, position, position_evidence) of topics whose
    positions are as they were then: a claim placed in such a topic again keeps that position, as a stance
    depends on the claim's words and the positions alone, and only claims new to the topic have their cues
    tried.
    """
    texts = claims["text"].tolist()
    sentences = Sentences(texts, claims["article_id"].tolist(), claims["paragraph"].tolist(), titles,
                          placement.screen.run(texts))
    hits = assign_topics(sentences, placement.topics, placement.continuations)
    if known is None or known.empty:
        return topic_rows(claims, assign_stances(sentences, hits, placement.stances))
    ids = claims["claim_id"].tolist()
    before = known.set_index(["claim_id", "topic"])[["position", "position_evidence"]]
    at = before.index.get_indexer(pd.MultiIndex.from_arrays([[ids[hit.claim_index] for hit in hits],
                                                             [hit.topic for hit in hits]]))
    again = at >= 0  # placed there before: its position is known
    fresh = iter(assign_stances(sentences, [hit for hit, old in zip(hits, again, strict=True) if not old],
                                placement.stances))
    rows = topic_rows(claims, [hit if old else next(fresh) for hit, old in zip(hits, again, strict=True)])
    for column in ("position", "position_evidence"):
        rows.loc[again, column] = before[column].to_numpy()[at[again]]
    return rows
