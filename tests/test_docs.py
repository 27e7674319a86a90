"""Docs cannot drift: the README's config excerpts load (every command's help is checked in test_cli.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perspectives.config import load_config
from tests.conftest import ROOT


def readme_configs() -> list[str]:
    """Every yaml block of the README's config section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## config.yaml", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


def test_readme_has_config_examples() -> None:
    assert len(readme_configs()) >= 2


@pytest.mark.parametrize("snippet", readme_configs())
def test_readme_config_excerpts_load(tmp_path: Path, snippet: str) -> None:
    for path in re.findall(r"path: (\S+)", snippet):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("The Beijing 2022 Games.", encoding="utf-8")
    (tmp_path / "config.yaml").write_text(snippet, encoding="utf-8")
    config = load_config(tmp_path / "config.yaml")
    assert config.topics or config.fields, "each excerpt shows a section: topics, or fields"
