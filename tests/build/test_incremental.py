"""Incremental builds: any sequence of edits, each followed by a build, leaves tables identical to a cold build.

The corpus is four short articles about two towns sharing a river and the config a handful of topics. Every
edit is a toggle (applied twice it undoes itself), so reverts come for free: a topic's terms widened and
restored, a topic added and removed, an article added or removed, an article's text rewritten and restored,
a cleaning rule added and dropped, a topic relabelled or recoloured and back.
"""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perspectives.build import placement, work
from perspectives.build.run import run_pipeline
from perspectives.build.store import read_tables
from perspectives.config import load_config
from perspectives.tables import TABLES

ARTICLES = {
    "accord.md": (
        "The two towns signed a treaty on the river last spring. The pact shares the water by season.\n\n"
        "\"The treaty is fair to both banks,\" said the mayor of Eastford. Fishermen were less sure.\n\n"
        "Subscribe to our newsletter for more river news.\n"),
    "drought.md": (
        "A dry summer left the river low. Farmers asked for more water than the pact allows.\n\n"
        "Some say the agreement will not survive another drought. The boats stayed in harbour.\n\n"
        "Subscribe to our newsletter for more river news.\n"),
    "market.md": (
        "The fish market reopened on Saturday. Prices for trout fell as the boats came back.\n\n"
        "Traders hope the new agreement keeps the water clean.\n"),
}
EXTRA_ARTICLE = ("festival.md",
                 "The river festival drew crowds. Boats raced under the bridge, and the treaty was toasted.\n")
EDITED_TEXT = ("drought.md",
               "Rain came at last and the river rose. Nobody talks about the pact any more.\n\n"
               "Fishermen took the boats out at dawn.\n")
REMOVABLE = "market.md"

TOPICS: list[dict[str, Any]] = [
    {"id": "treaty", "label": "Treaty", "color": "#4c78a8",
     "rules": [{"kind": "terms", "terms": ["treaty", "pact"]}],
     "positions": [{"id": "holds", "label": "Holds", "rules": [{"kind": "terms", "terms": ["holds", "signed"]}]},
                   {"id": "lapses", "label": "Lapses", "rules": [{"kind": "terms", "terms": ["expired"]}]}]},
    {"id": "water", "label": "Water", "color": "#72b7b2",
     "rules": [{"kind": "terms", "terms": ["water", "drought", "rain"]}]},
]
WIDER_TERMS = ["treaty", "pact", "agreement"]
EXTRA_TOPIC = {"id": "fishing", "label": "Fishing", "rules": [{"kind": "terms", "terms": ["fish", "boat", "trout"]}]}
DROP = ["^Subscribe to our newsletter"]


@dataclass
class Corpus:
    """The state edits act on: article texts (in config order) and the config's topics and cleaning rules."""

    articles: dict[str, str] = field(default_factory=lambda: dict(ARTICLES))
    topics: list[dict[str, Any]] = field(default_factory=lambda: copy.deepcopy(TOPICS))
    drop: list[str] = field(default_factory=list)
    # Whether the config lists the articles in reverse (dicts compare equal whatever their order).
    reversed_articles: bool = False

    def config_text(self) -> str:
        names = list(reversed(self.articles)) if self.reversed_articles else list(self.articles)
        data = {"output": "out", "articles": [{"path": f"articles/{name}"} for name in names],
                "topics": self.topics, "cleaning": {"drop": self.drop}}
        return yaml.safe_dump(data, sort_keys=False)

    def write(self, folder: Path) -> Path:
        """Write the articles and config.yaml into folder (removing articles no longer listed, and leaving a file
        whose text is unchanged untouched, as an editor would); the config path."""
        articles = folder / "articles"
        articles.mkdir(parents=True, exist_ok=True)
        for file in articles.iterdir():
            if file.name not in self.articles:
                file.unlink()
        for name, text in self.articles.items():
            file = articles / name
            if not file.exists() or file.read_text(encoding="utf-8") != text:
                file.write_text(text, encoding="utf-8")
        config = folder / "config.yaml"
        config.write_text(self.config_text(), encoding="utf-8")
        return config


def _toggle_article(name: str, text: str) -> Callable[[Corpus], None]:
    def edit(corpus: Corpus) -> None:
        if corpus.articles.get(name) != text:
            corpus.articles[name] = text
        elif name in ARTICLES:
            corpus.articles[name] = ARTICLES[name]
        else:
            del corpus.articles[name]
    return edit


def _toggle_removed(corpus: Corpus) -> None:
    if REMOVABLE in corpus.articles:
        del corpus.articles[REMOVABLE]
    else:
        corpus.articles[REMOVABLE] = ARTICLES[REMOVABLE]


def _toggle_terms(corpus: Corpus) -> None:
    rule = corpus.topics[0]["rules"][0]
    rule["terms"] = TOPICS[0]["rules"][0]["terms"] if rule["terms"] == WIDER_TERMS else WIDER_TERMS


def _toggle_topic(corpus: Corpus) -> None:
    ids = [topic["id"] for topic in corpus.topics]
    if EXTRA_TOPIC["id"] in ids:
        del corpus.topics[ids.index(EXTRA_TOPIC["id"])]
    else:
        corpus.topics.append(copy.deepcopy(EXTRA_TOPIC))


def _toggle_position_cue(corpus: Corpus) -> None:
    treaty = next(topic for topic in corpus.topics if topic["id"] == "treaty")
    rule = treaty["positions"][1]["rules"][0]
    rule["terms"] = ["expired"] if rule["terms"] != ["expired"] else ["expired", "allows"]


def _toggle_drop(corpus: Corpus) -> None:
    corpus.drop = [] if corpus.drop else list(DROP)


def _reverse_topics(corpus: Corpus) -> None:
    corpus.topics.reverse()


def _reverse_articles(corpus: Corpus) -> None:
    corpus.reversed_articles = not corpus.reversed_articles


def _toggle_field(key: str, value: str) -> Callable[[Corpus], None]:
    def edit(corpus: Corpus) -> None:
        topic = corpus.topics[0]
        topic[key] = TOPICS[0][key] if topic[key] == value else value
    return edit


# Each edit undoes itself when applied again.
EDITS: dict[str, Callable[[Corpus], None]] = {
    "topic terms": _toggle_terms,
    "position cue": _toggle_position_cue,
    "topic added": _toggle_topic,
    "article added": _toggle_article(*EXTRA_ARTICLE),
    "article text": _toggle_article(*EDITED_TEXT),
    "article removed": _toggle_removed,
    "cleaning rule": _toggle_drop,
    "topics reordered": _reverse_topics,
    "articles reordered": _reverse_articles,
    "topic colour": _toggle_field("color", "#e45756"),
    "topic label": _toggle_field("label", "Water treaty"),
}
# Edits of fields the tables do not hold.
DISPLAY_EDITS = ("topic colour", "topic label")


def _build(config_path: Path) -> dict[str, pd.DataFrame]:
    config = load_config(config_path)
    run_pipeline(config, workers=1)
    return read_tables(config.output_dir)


# Cold builds by corpus state: edits toggle, so the same few states recur, and a cold build is deterministic.
_COLD: dict[str, dict[str, pd.DataFrame]] = {}


def _cold(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The tables of a first build of the corpus, in a folder of its own."""
    state = yaml.safe_dump([corpus.config_text(), list(corpus.articles.items())])
    if state not in _COLD:
        with tempfile.TemporaryDirectory() as folder:
            _COLD[state] = _build(corpus.write(Path(folder)))
    return _COLD[state]


def _assert_same_tables(incremental: dict[str, pd.DataFrame], cold: dict[str, pd.DataFrame], after: str) -> None:
    assert set(incremental) == set(cold) == set(TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(incremental[name], cold[name], obj=f"{name} after {after}")


def _replay(edits: list[str]) -> None:
    """Build the corpus, then apply each edit and build again in the same folder, comparing with a cold build."""
    corpus = Corpus()
    with tempfile.TemporaryDirectory() as folder:
        _build(corpus.write(Path(folder)))
        for step, name in enumerate(edits, 1):
            EDITS[name](corpus)
            incremental = _build(corpus.write(Path(folder)))
            _assert_same_tables(incremental, _cold(corpus), after=f"step {step} of {edits}")


@st.composite
def edit_sequences(draw: st.DrawFn) -> list[str]:
    """Some edits each made and reverted, some made and kept, in any interleaving.

    Reverts are where stale cache rows show (the state's keys match an old build again), so every sequence
    has at least one; plain random lists rarely repeat an edit.
    """
    reverted = draw(st.lists(st.sampled_from(list(EDITS)), min_size=1, max_size=3, unique=True))
    kept = draw(st.lists(st.sampled_from(list(EDITS)), max_size=2))
    return draw(st.permutations(reverted * 2 + kept))


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(edit_sequences())
def test_any_sequence_of_edits_builds_the_same_tables_as_a_cold_build(edits: list[str]) -> None:
    _replay(edits)


@pytest.mark.parametrize("edits", [
    ["topic terms"],
    ["topic terms", "topic terms"],
    ["position cue", "topic terms", "position cue", "topic terms"],
    ["topic added"],
    ["topic added", "topic added"],
    ["article added", "article added"],
    ["article text", "article text"],
    ["article removed", "article removed"],
    ["cleaning rule", "cleaning rule"],
    ["topic colour", "topic label", "topic colour", "topic label"],
    ["topic terms", "article text", "topic terms"],
    ["topics reordered", "topic terms", "topics reordered"],
    ["articles reordered", "topic terms", "articles reordered", "topic terms"],
    ["cleaning rule", "topic added", "article added", "topic added", "cleaning rule"],
], ids=" then ".join)
def test_named_edit_sequence_builds_the_same_tables_as_a_cold_build(edits: list[str]) -> None:
    _replay(edits)


@pytest.mark.parametrize("edit", list(EDITS))
def test_edit_changes_the_tables_unless_display_only_and_applied_twice_restores_the_corpus(edit: str) -> None:
    """Guards the tests above: an edit that changed nothing would let them pass without testing anything."""
    corpus = Corpus()
    start = _cold(corpus)
    EDITS[edit](corpus)
    assert corpus != Corpus()
    edited = _cold(corpus)
    changed = [name for name in TABLES if not edited[name].equals(start[name])]
    if edit in DISPLAY_EDITS:
        assert changed == []
    else:
        assert changed, f"{edit} changed no table"
    EDITS[edit](corpus)
    assert corpus == Corpus()


@pytest.mark.parametrize("edit", DISPLAY_EDITS)
def test_display_edit_reads_and_places_no_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  edit: str) -> None:
    calls: dict[str, list[Any]] = {"read": [], "place": []}
    process, place = work.process_article, placement.place_topics

    def counting_process(entry: Any, *args: Any, **kwargs: Any) -> Any:
        calls["read"].append(entry.article_id)
        return process(entry, *args, **kwargs)

    def counting_place(*args: Any, **kwargs: Any) -> Any:
        calls["place"].append(args)
        return place(*args, **kwargs)

    monkeypatch.setattr(work, "process_article", counting_process)
    monkeypatch.setattr(placement, "place_topics", counting_place)
    corpus = Corpus()
    before = _build(corpus.write(tmp_path))
    assert sorted(calls["read"]) == sorted(Path(name).stem for name in ARTICLES)
    assert calls["place"]

    for seen in calls.values():
        seen.clear()
    EDITS[edit](corpus)
    after = _build(corpus.write(tmp_path))

    assert calls == {"read": [], "place": []}
    _assert_same_tables(after, before, after=edit)
