"""Shared fixtures: tiny configs and articles written to tmp_path."""

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
