"""Synthetic corpora for the benchmark: the bundled articles' paragraphs recombined under varied bylines.

Deterministic for a seed, so two runs (or two machines) measure the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path
from typing import Any

import yaml

from perspectives.config import load_config
from perspectives.stages.articles.reader import Cleaner, read_article
from perspectives.stages.claims import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
SEED = 20220204
FIRST = ("Ana", "Boris", "Chen", "Dana", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena",
         "Mikhail", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sergei", "Tao", "Uma", "Viktor", "Wen", "Yara")
LAST = ("Almeida", "Bauer", "Castillo", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova", "Jensen",
        "Kowalski", "Li", "Morozov", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka")
OUTLETS = ("Global Research", "Asia Times", "The Diplomat", "Foreign Policy", "Valdai Club", "RT", "CGTN",
           "South China Morning Post", "The Guardian", "Le Monde diplomatique", "Carnegie Moscow", "Nikkei Asia")
# Claims per synthetic article: the issue's ≈300,000 claims for 5,000 articles.
CLAIMS_RANGE = (30, 90)


def paragraph_pool(config_path: Path = ROOT / "config.yaml") -> list[tuple[str, int]]:
    """Every body paragraph of the bundled articles with its number of sentences."""
    config = load_config(config_path)
    cleaner = Cleaner.from_config(config.cleaning)
    pool = []
    for entry in config.articles:
        article = read_article(config.article_file(entry), article_id=entry.article_id, cleaner=cleaner)
        headings = set(article.headings)
        for start, end in article.paragraphs:
            if (start, end) not in headings:
                text = article.body[start:end]
                pool.append((text, len(sentence_spans(text))))
    return pool


def write_article(path: Path, rng: random.Random, pool: list[tuple[str, int]]) -> int:
    """Write one synthetic markdown article; returns its number of sentences."""
    target = rng.randint(*CLAIMS_RANGE)
    paragraphs, sentences = [], 0
    while sentences < target:
        text, count = rng.choice(pool)
        paragraphs.append(text)
        sentences += count
    date = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    meta = {"title": f"{rng.choice(paragraphs)[:60].rsplit(' ', 1)[0]} ({path.stem})",
            "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "date": date.isoformat(),
            "outlet": rng.choice(OUTLETS)}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    path.write_text(f"---\n{front}---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return sentences


def make_corpus(folder: Path, size: int, *, seed: int = SEED) -> Path:
    """A config and ``size`` synthetic articles under ``folder``; returns the config's path."""
    rng = random.Random(seed)
    pool = paragraph_pool()
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        write_article(articles / f"a{n:05d}.md", rng, pool)
    return write_config(folder, [f"articles/a{n:05d}.md" for n in range(size)])


def write_config(folder: Path, paths: list[str], **changes: Any) -> Path:
    """The shipped config's topics, sources and cleaning over these article paths."""
    data = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    data.update(output="out", articles=[{"path": p} for p in paths], **changes)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def output_dir(config_path: Path) -> Path:
    """Where a build of this config writes its tables."""
    data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    return config_path.parent / str(data["output"])


def digest(config_path: Path) -> str:
    """SHA-256 of the config and every article file in it, in order: two runs measured the same bytes when
    their digests agree (the generator reads the bundled articles through the reader, which may change)."""
    data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    sha = hashlib.sha256(config_path.read_bytes())
    for entry in data["articles"]:
        sha.update((config_path.parent / entry["path"]).read_bytes())
    return sha.hexdigest()


def add_article(config_path: Path, *, seed: int = SEED + 1) -> None:
    """Append one new synthetic article to a corpus and its config."""
    data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    name = f"articles/new{len(data['articles']):05d}.md"
    write_article(config_path.parent / name, random.Random(seed), paragraph_pool())
    data["articles"].append({"path": name})
    config_path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def edit_topic_rule(config_path: Path) -> None:
    """Add one term to the first terms rule of the first topic (a typical analyst's edit)."""
    data = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    rule = next(r for r in data["topics"][0]["rules"] if r["kind"] == "terms")
    rule["terms"].append("strategic accord")
    config_path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
