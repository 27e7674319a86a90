"""Evaluation: score a build against gold annotations in the codebook's format."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.config import ArticleEntry, Config
from perspectives.stages.sources.gazetteer import fold

METADATA_FIELDS = ("title", "author", "date")


class GoldError(ValueError):
    """A gold folder or file that cannot be used."""


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class _Tally:
    topics: dict[str, _Counts] = field(default_factory=lambda: defaultdict(_Counts))
    support: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sources: _Counts = field(default_factory=_Counts)
    voice: list[bool] = field(default_factory=list)
    positions_gold: int = 0
    positions_given: int = 0
    positions_right: int = 0
    metadata: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    missing: list[str] = field(default_factory=list)


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    """Every gold file in a folder, parsed."""
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such folder of gold annotations")
    files = sorted([*gold_dir.glob("*.yaml"), *gold_dir.glob("*.yml")])
    if not files:
        raise GoldError(f"{gold_dir}: contains no .yaml gold files")
    golds = []
    for file in files:
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise GoldError(f"{file}: not valid YAML ({exc})") from None
        if not isinstance(data, dict) or "article" not in data:
            raise GoldError(f"{file}: a gold file needs an `article:` key naming the article's file")
        golds.append(data)
    return golds


def evaluate(config: Config, gold_dir: Path) -> dict[str, Any]:
    """Scores of the config's current build against the gold folder."""
    tables = store.read_tables(config.output_dir)
    aliases = _alias_map(config)
    tally = _Tally()
    by_file = {Path(p).name: aid for aid, p in zip(tables["articles"]["article_id"], tables["articles"]["path"],
                                                   strict=True)}
    for gold in load_gold(gold_dir):
        article_id = by_file.get(str(gold["article"]))
        if article_id is None:
            tally.missing.append(str(gold["article"]))
        _score_article(tally, gold, article_id, tables, aliases)
    return _summary(config, tally)


def score_folder(config: Config, articles_dir: Path, gold_dir: Path, out_dir: Path) -> dict[str, Any]:
    """Scores of the config's rules (topics, sources, cleaning) on another annotated folder.

    The folder's article files are built with the config's rules into ``out_dir`` (the config's own
    articles and tables are left alone), then evaluated against ``gold_dir``; no file is copied.
    """
    if not articles_dir.is_dir():
        raise GoldError(f"{articles_dir}: no such folder of articles")
    files = sorted(p for p in articles_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise GoldError(f"{articles_dir}: no article files in it")
    entries = [ArticleEntry(path=str(p.resolve())) for p in files]
    other = config.model_copy(update={"articles": entries, "output": str(out_dir.resolve())})
    run_pipeline(other)
    return evaluate(other, gold_dir)


def _score_article(tally: _Tally, gold: dict[str, Any], article_id: str | None,
                   tables: dict[str, pd.DataFrame], aliases: dict[str, str]) -> None:
    articles = tables["articles"].set_index("article_id")
    row = articles.loc[article_id] if article_id is not None else None
    for name in METADATA_FIELDS:
        if gold.get(name) is not None:
            built = row[name] if row is not None else None
            tally.metadata[name].append(_same(gold[name], built))
    claims = tables["claims"][tables["claims"]["article_id"] == article_id]
    texts = {cid: _squash(t) for cid, t in zip(claims["claim_id"], claims["text"], strict=True)}
    topics = tables["claim_topics"][tables["claim_topics"]["claim_id"].isin(texts.keys())]
    predicted: dict[str, set[str]] = defaultdict(set)
    positions: dict[tuple[str, str], str] = {}
    for cid, topic, position in zip(topics["claim_id"], topics["topic"], topics["position"], strict=True):
        predicted[cid].add(topic)
        if isinstance(position, str):
            positions[(cid, topic)] = position
    voices = dict(zip(claims["claim_id"], claims["voice"], strict=True))
    expected: dict[str, set[str]] = defaultdict(set)
    for gold_claim in gold.get("claims") or []:
        needle = _squash(str(gold_claim.get("text", "")))
        cid = next((c for c, t in texts.items() if needle and needle in t), None)
        gold_topics = set(gold_claim.get("topics") or [])
        for topic in gold_topics:
            tally.support[topic] += 1
        if cid is None:
            for topic in gold_topics:
                tally.topics[topic].fn += 1
            tally.voice.append(False)
            tally.positions_gold += len(gold_claim.get("positions") or {})
            continue
        expected[cid] |= gold_topics
        if gold_claim.get("voice"):
            tally.voice.append(voices.get(cid) == gold_claim["voice"])
        for topic, position in (gold_claim.get("positions") or {}).items():
            tally.positions_gold += 1
            if (cid, topic) in positions:
                tally.positions_given += 1
                tally.positions_right += positions[(cid, topic)] == position
    for cid in texts:
        got, want = predicted.get(cid, set()), expected.get(cid, set())
        for topic in got | want:
            counts = tally.topics[topic]
            counts.tp += topic in got and topic in want
            counts.fp += topic in got and topic not in want
            counts.fn += topic in want and topic not in got
    cited = tables["citations"][tables["citations"]["article_id"] == article_id]["source"]
    got_sources = {_canonical(s, aliases) for s in cited}
    want_sources = {_canonical(str(s["name"]), aliases) for s in gold.get("sources") or [] if s.get("name")}
    tally.sources.tp += len(got_sources & want_sources)
    tally.sources.fp += len(got_sources - want_sources)
    tally.sources.fn += len(want_sources - got_sources)


def _summary(config: Config, tally: _Tally) -> dict[str, Any]:
    topics = {}
    for topic in config.topics:
        scores = tally.topics[topic.id].scores()
        topics[topic.id] = {**scores, "support": tally.support.get(topic.id, 0)}
    macro = sum(t["f1"] for t in topics.values()) / len(topics) if topics else 0.0
    metadata = {name: round(sum(v) / len(v), 4) if v else None for name in METADATA_FIELDS
                for v in [tally.metadata.get(name, [])]}
    return {
        "macro_f1": round(macro, 4),
        "topics": topics,
        "metadata": metadata,
        "sources": tally.sources.scores(),
        "voice": {"accuracy": round(sum(tally.voice) / len(tally.voice), 4) if tally.voice else None},
        "positions": {
            "accuracy": round(tally.positions_right / tally.positions_given, 4) if tally.positions_given else None,
            "coverage": round(tally.positions_given / tally.positions_gold, 4) if tally.positions_gold else None,
        },
        "articles_missing": tally.missing,
    }


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _same(gold: Any, built: Any) -> bool:
    if built is None or (isinstance(built, float) and pd.isna(built)) or built is pd.NA:
        return False
    if isinstance(gold, dt.date):
        gold = gold.isoformat()
    return _squash(str(gold)).casefold() == _squash(str(built)).casefold()


def _alias_map(config: Config) -> dict[str, str]:
    """Folded name or alias → canonical name, from the gazetteer.

    Names fold as the build's gazetteer folds them, so a name the build takes for a source ("the Kremlin",
    "ITAR TASS") is the same source here.
    """
    aliases: dict[str, str] = {}
    for source in config.sources:
        for name in (source.name, *source.aliases):
            aliases[fold(name)] = source.name
    return aliases


def _canonical(name: str, aliases: dict[str, str]) -> str:
    return fold(aliases.get(fold(name), name))


def format_table(scores: dict[str, Any]) -> str:
    """The scores as a readable text table."""
    lines = [f"{'topic':<24}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
    for topic, s in scores["topics"].items():
        lines.append(f"{topic:<24}{s['precision']:>10.2f}{s['recall']:>8.2f}{s['f1']:>8.2f}{s['support']:>9}")
    lines.append(f"{'macro F1':<24}{scores['macro_f1']:>26.2f}")
    src = scores["sources"]
    lines.append(f"{'sources':<24}{src['precision']:>10.2f}{src['recall']:>8.2f}{src['f1']:>8.2f}")
    for label, value in (("voice accuracy", scores["voice"]["accuracy"]),
                         ("positions accuracy", scores["positions"]["accuracy"]),
                         ("positions coverage", scores["positions"]["coverage"])):
        lines.append(f"{label:<24}{'-' if value is None else f'{value:.2f}':>26}")
    for name, value in scores["metadata"].items():
        lines.append(f"{'metadata ' + name:<24}{'-' if value is None else f'{value:.2f}':>26}")
    if scores["articles_missing"]:
        lines.append("not in the build: " + ", ".join(scores["articles_missing"]))
    return "\n".join(lines)
