"""Shared test helpers: the repository root, tiny configs and articles written to tmp_path, generated corpora."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

TOPICS: list[dict[str, Any]] = [
    {"id": "treaty_status", "label": "Treaty status",
     "rules": [{"kind": "terms", "terms": ["treaty", "pact"]}]},
    {"id": "taiwan", "label": "Taiwan", "rules": [{"kind": "terms", "terms": ["Taiwan"]}]},
]

# The smallest valid config: one article (MINIMAL_ARTICLE) and one topic; see ``write_config_text``.
MINIMAL_ARTICLE = "articles/a.md"
MINIMAL_CONFIG = f"""\
articles:
  - path: {MINIMAL_ARTICLE}
topics:
  - id: taiwan
    label: Taiwan
    rules:
      - kind: terms
        terms: [Taiwan]
"""

# The generated corpus of ``write_corpus``: its topics and its default size.
CORPUS_TOPICS: list[dict[str, Any]] = [
    {"id": "treaty_status", "label": "Treaty status", "rules": [{"kind": "terms", "terms": ["treaty"]}]},
    {"id": "taiwan", "label": "Taiwan", "rules": [{"kind": "terms", "terms": ["Taiwan"]}]},
]
N_ARTICLES = 300

# The bad-input corpus: configs and articles that must each give their message (expected.yaml).
BAD = ROOT / "tests" / "data" / "bad"
BAD_EXPECTED: dict[str, Any] = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))


def write_config_text(tmp_path: Path, text: str) -> Path:
    """Write ``text`` as tmp_path/config.yaml beside the article MINIMAL_CONFIG lists; returns the config path."""
    (tmp_path / "articles").mkdir(exist_ok=True)
    (tmp_path / MINIMAL_ARTICLE).write_text("Taiwan matters.", encoding="utf-8")
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def write_corpus(root: Path, n: int = N_ARTICLES, edition: int = 1, output: str = "out") -> Path:
    """``n`` generated articles and a config over them; ``edition`` changes every article's text."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paragraphs = [f"Article {i}, edition {edition}, paragraph {p}: the treaty of 2001 still binds Moscow and "
                      f"Beijing, according to Reuters. Taiwan was not mentioned in the talks, said Wang Yi."
                      for p in range(12)]
        (root / "articles" / f"a{i:04d}.md").write_text(
            f"---\ntitle: Article {i}\nauthor: Author {i % 7}\n---\n" + "\n\n".join(paragraphs), encoding="utf-8")
    config = root / "config.yaml"
    config.write_text(yaml.safe_dump({"output": output, "topics": CORPUS_TOPICS,
                                      "articles": [{"path": f"articles/a{i:04d}.md"} for i in range(n)]}),
                      encoding="utf-8")
    return config


@pytest.fixture
def write_config(tmp_path: Path):
    """Write a config (and its articles) into tmp_path; keyword overrides replace top-level sections."""

    def write(articles: dict[str, str | bytes] | None = None, **sections: Any) -> Path:
        entries = []
        for name, content in (articles or {}).items():
            path = tmp_path / "articles" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            entries.append({"path": f"articles/{name}"})
        data: dict[str, Any] = {"articles": entries, "topics": TOPICS}
        data.update(sections)
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return config

    return write


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A copy of the shipped config and bundled articles in tmp_path; returns the config path."""
    shutil.copy(ROOT / "config.yaml", tmp_path / "config.yaml")
    shutil.copytree(ROOT / "data" / "articles", tmp_path / "data" / "articles")
    return tmp_path / "config.yaml"
