"""Docs cannot drift: the README's config excerpt loads, and every command has help."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from perspectives.cli import cli
from perspectives.config import load_config

ROOT = Path(__file__).resolve().parents[1]


def readme_config() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## config.yaml", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match, "the README's config section has no yaml block"
    return match.group(1)


def test_readme_config_excerpt_loads(tmp_path: Path) -> None:
    snippet = readme_config()
    for path in re.findall(r"path: (\S+)", snippet):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("The Beijing 2022 Games.", encoding="utf-8")
    (tmp_path / "config.yaml").write_text(snippet, encoding="utf-8")
    config = load_config(tmp_path / "config.yaml")
    assert config.topics and config.articles


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
