"""Styles: palettes, and each topic's and position's label and colour, decided once for every view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

import pandas as pd

# (topic, position id) -> (label, colour): see ``position_lookup``.
PositionLookup: TypeAlias = Mapping[tuple[str, str], tuple[str, str]]

# Tableau 10: distinct, colour-blind-aware hues that stay readable behind dark text at low opacity.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
# Tableau 10 hues without its grey (grey means "no position"), taken in config order, so a topic's positions
# sit next to each other in hues that contrast, and no two positions of five two-way topics share one.
POSITION_PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                    "#9c755f", "#17becf", "#bcbd22", "#8c564b")
SOURCE_TYPE_COLORS = {"media": "#4e79a7", "official": "#e15759", "expert": "#59a14f",
                      "document": "#edc948", "unclassified": "#bab0ac"}


def topic_styles(topics: Sequence[tuple[str, str, str | None]]) -> pd.DataFrame:
    """Topic id, label and colour in config order: the config's colour, else the next unused palette hue."""
    given = {colour.lower() for _, _, colour in topics if colour}
    spare = iter([c for c in PALETTE if c not in given])
    rows = [(tid, label, colour.lower() if colour else next(spare, PALETTE[i % len(PALETTE)]))
            for i, (tid, label, colour) in enumerate(topics)]
    return pd.DataFrame(rows, columns=["topic", "label", "color"])


def position_styles(positions: Sequence[tuple[str, str, str]]) -> pd.DataFrame:
    """Topic, position id, label and colour in config order, so a position looks the same in every view."""
    rows = [(topic, pid, label, POSITION_PALETTE[i % len(POSITION_PALETTE)])
            for i, (topic, pid, label) in enumerate(positions)]
    return pd.DataFrame(rows, columns=["topic", "position", "label", "color"])


def position_lookup(styles: pd.DataFrame) -> dict[tuple[str, str], tuple[str, str]]:
    """``position_styles`` as (topic, position id) -> (label, colour), for drawing positions one by one: a view
    draws hundreds of chips, and filtering the styles for each took longer than the rest of the view."""
    lookup: dict[tuple[str, str], tuple[str, str]] = {}
    for topic, position, label, color in zip(styles["topic"], styles["position"], styles["label"], styles["color"],
                                             strict=True):
        lookup.setdefault((str(topic), str(position)), (str(label), str(color)))
    return lookup


def position_style(lookup: PositionLookup, topic: str, position: str) -> tuple[str, str]:
    """A position's label and colour (``lookup`` is ``position_lookup``); a position the config no longer names
    shows its id, in grey."""
    return lookup.get((topic, position)) or (position.replace("_", " ").capitalize(), PALETTE[-1])
