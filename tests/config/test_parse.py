"""Parsing YAML: libyaml composes where it reads a text as PyYAML's pure loader does, and the pure loader
everywhere else, so values, lines and messages never depend on which one ran."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from perspectives.config.parse import compose_yaml, construct_yaml
from tests.conftest import ROOT


def pure(text: str) -> tuple[Any, ...]:
    """What PyYAML's pure-Python safe loader makes of a text: its value and every node's line, or its error."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return ("error", exc.problem, exc.problem_mark.line)
    return ("ok", construct_yaml(node), _lines(node)) if node is not None else ("ok", None, [])


def ours(text: str) -> tuple[Any, ...]:
    try:
        node = compose_yaml(text)
    except yaml.YAMLError as exc:
        return ("error", exc.problem, exc.problem_mark.line)
    return ("ok", construct_yaml(node), _lines(node)) if node is not None else ("ok", None, [])


def _lines(node: yaml.Node) -> list[int]:
    children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) \
        else node.value if isinstance(node, yaml.SequenceNode) else []
    return [node.start_mark.line] + [line for child in children for line in _lines(child)]


@pytest.mark.parametrize("text", [
    "title: Talks resume\nauthor: Jane Roe\ndate: 2022-02-04\ntags: [energy, 'gas: pipes']\n",
    "a: &x {b: 1}\nc: *x\nd:\n  - e\n  - 'f'\n",
    # Where libyaml reads otherwise: tabs, an empty tag, a comment glued to a block scalar's header, a "?" in
    # an unquoted flow item, values left empty (placed on another line at the end of the text).
    "title: Talks\t\n", "title:\tTalks\n", "a: !\n", "a: |#\n  x\n", "terms: [why?, how]\n", "a:\nb: 1\n",
    "articles:\n  -\n  - path: x.md\n", "? a",
    # Errors, with PyYAML's message and line.
    "a: [b\nc: d\n", "a: 'open\n", "a: b: c\n",
])
def test_compose_yaml_reads_as_the_pure_loader(text: str) -> None:
    assert ours(text) == pure(text)


def test_yaml_nested_too_deep_for_python_fails_as_it_always_has() -> None:
    with pytest.raises(RecursionError):
        compose_yaml("[" * 600 + "]" * 600)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
def test_shipped_config_is_composed_by_libyaml() -> None:
    node = compose_yaml((ROOT / "config.yaml").read_text(encoding="utf-8"))
    assert node is not None and node.start_mark.buffer is None  # the pure loader's marks keep the text
