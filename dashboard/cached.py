"""Per-filter-state caches: the selected tables, and the aggregates the views draw from them.

A rerun that keeps the filters (a page turn, a view switch and back, a click on a chart) finds its
aggregates here instead of recomputing them over 300,000 claims. Every cache is keyed on the tables'
stamp (it changes with every build) and the selection, never on the frames themselves: hashing frames
of that size would cost as much as the work saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from perspectives.measures.contrast import topic_claims, topic_key
from perspectives.measures.selection import Selection, Tables, apply_selection
from perspectives.measures.vocabulary import TERMS

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """The tables narrowed to one filter state, and the key naming that state in the caches."""

    tables: Tables
    key: str
    # The topic filter, and the key of the same filter state without it: see ``on_topic``.
    topics: tuple[str, ...] = ()
    any_topic_key: str = ""

    def aggregate(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(self.tables, *args, **kwargs)``, computed once per filter state and arguments.

        ``fn`` must be a pure function of the tables (every ``perspectives.measures`` function is):
        the cache hands back a copy of its result, so the caller may change it freely.
        """
        return _aggregate(f"{fn.__module__}.{fn.__qualname__}", self.key, args, kwargs, fn, self.tables)

    def with_topic_claims(self, topic: str, by: str) -> Scope:
        """The scope keeping one topic's ``contrast.topic_claims``, computed once per filter state (``on_topic``'s):
        every Contrast measure starts from it, and each would otherwise compute it again."""
        key = topic_key(topic, by)
        claims = _topic_claims(f"{self.on_topic(topic).key}|{key}", self.tables, topic, by)
        return replace(self, tables={**self.tables, key: claims})

    def on_topic(self, topic: str) -> Scope:
        """The scope for a measure that reads nothing but ``topic``'s claims (and their terms), keyed so that a
        topic filter keeping ``topic`` counts as no topic filter: it changes none of those claims, so choosing
        one on the Contrast view finds its pairs and terms computed already."""
        return replace(self, key=self.any_topic_key) if topic in self.topics else self

    def with_terms(self, terms: pd.DataFrame | None) -> Scope:
        """The scope with every claim's terms (``vocabulary.claim_terms``; None: the build stored none), which
        the word measures count instead of tokenising claims. Their results are the same either way, so the
        key is too."""
        return self if terms is None else replace(self, tables={**self.tables, TERMS: terms})


def select(out_dir: Path, stamp: int, tables: Tables, selection: Selection) -> Scope:
    """The tables narrowed to ``selection``; the empty selection is the tables themselves, at no cost."""
    key = f"{out_dir}|{stamp}|{selection!r}"
    any_topic_key = f"{out_dir}|{stamp}|{replace(selection, topics=())!r}"
    if selection == Selection():
        return Scope(tables, key, selection.topics, any_topic_key)
    return Scope(_selected(key, tables, selection), key, selection.topics, any_topic_key)


# A resource cache, not a data cache: a selection can keep all 300,000 claims, and copying them out of
# the cache on every rerun would cost more than filtering again. Views only read the frames.
@st.cache_resource(max_entries=8, show_spinner=False)
def _selected(key: str, _tables: Tables, _selection: Selection) -> Tables:
    del key  # names the filter state; the frames themselves are not hashed
    return apply_selection(_tables, _selection)


# A resource cache, as for the selected tables: the measures only read the frame.
@st.cache_resource(max_entries=8, show_spinner=False)
def _topic_claims(key: str, _tables: Tables, topic: str, by: str) -> pd.DataFrame:
    del key  # names the filter state, topic and grouping; the frames themselves are not hashed
    return topic_claims(_tables, topic, by=by)


@st.cache_data(max_entries=256, show_spinner=False)
def _aggregate(name: str, key: str, args: tuple[Any, ...], kwargs: dict[str, Any], _fn: Callable[..., T],
               _tables: Tables) -> T:
    del name, key  # with args and kwargs, these key the cache; the frames themselves are not hashed
    return _fn(_tables, *args, **kwargs)
