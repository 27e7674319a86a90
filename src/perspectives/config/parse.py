"""Parsing ``config.yaml`` safely: the data, the line of every key path, and ``ConfigError`` for what is unusable.

Safe YAML only (the config is data, never code), with alias expansion bounded, duplicate keys and impossible
dates reported, and YAML errors turned into one line each with a hint at the usual cause.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# A document whose aliases expand past this many values is a "billion laughs", not a config.
MAX_NODES = 500_000


class ConfigError(ValueError):
    """A config that cannot be used; ``problems`` holds one readable line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def parse_yaml(path: Path, text: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse YAML safely, returning the data and the 1-based line of every key path."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is None:
            return None, {}
        if _expanded_size(node, {}) > MAX_NODES:
            raise ConfigError([f"{path}: the config expands to over {MAX_NODES:,} values through YAML aliases "
                               "(*name), or an alias refers to itself; write the repeated parts out"])
        lines: dict[tuple[Any, ...], int] = {}
        problems: list[str] = []
        _index_lines(node, (), lines, problems, path)
        if problems:
            raise ConfigError(problems)
        data = _construct(node)
    except yaml.YAMLError as exc:
        raise ConfigError([_yaml_problem(path, exc)]) from None
    except RecursionError:
        raise ConfigError([f"{path}: invalid YAML: lists or mappings nested too deeply; flatten them"]) from None
    return data, lines


def _construct(node: yaml.Node) -> Any:
    """Python values from the composed document, with the safe constructor (config is data, never code).

    Built from the node already composed for line numbers, so a 5,000-article config is parsed once.
    """
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _yaml_problem(path: Path, exc: yaml.YAMLError) -> str:
    """One line for a YAML syntax or construction error, with its line and a hint at the usual cause."""
    mark = getattr(exc, "problem_mark", None)
    where = f":{mark.line + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc)
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context and start is not None and start is not mark:
        problem = f"{context} from line {start.line + 1}, {problem}"
    hint = ""
    if "'\\t'" in problem:
        hint = " (YAML forbids tabs for indentation; use spaces)"
    elif "scanning a quoted scalar" in problem:
        hint = " (a quote is never closed)"
    elif "constructor for the tag" in problem:
        hint = " (tags such as !!python/... are not allowed: the config is data, never code)"
    return f"{path}{where}: invalid YAML: {problem}{hint}"


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values the document holds once aliases are expanded, memoised so it costs one pass."""
    if id(node) not in sizes:
        sizes[id(node)] = MAX_NODES + 1  # a node met again while counting it is an alias to itself
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = node.value if isinstance(node, yaml.SequenceNode) else []
        sizes[id(node)] = 1 + sum(_expanded_size(child, sizes) for child in children)
    return sizes[id(node)]


def _index_lines(node: yaml.Node, loc: tuple[Any, ...], lines: dict[tuple[Any, ...], int],
                 problems: list[str], path: Path) -> None:
    """Record each key path's line; note duplicate keys, keys that are not words, and impossible dates."""
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            where = f"{path}:{key_node.start_mark.line + 1}: {loc_text(loc)}"
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(f"{where}: a key must be a plain word, not a list or mapping")
                continue
            key = key_node.value
            if key in seen:
                problems.append(f"{path}:{key_node.start_mark.line + 1}: {loc_text(loc + (key,))}: "
                                f"duplicate key {key!r}; keep one")
            seen.add(key)
            _index_lines(value_node, loc + (key,), lines, problems, path)
            lines[loc + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, loc + (i,), lines, problems, path)
    elif node.tag == _TIMESTAMP_TAG and (error := _timestamp_error(node)):
        problems.append(f"{path}:{node.start_mark.line + 1}: {loc_text(loc)}: {node.value!r} is not a real date "
                        f"({error}); write it as YYYY-MM-DD")


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _timestamp_error(node: yaml.ScalarNode) -> str | None:
    """Why YAML cannot build a date-looking value such as 2021-02-30 (it raises ValueError, not YAMLError)."""
    try:
        yaml.SafeLoader("").construct_yaml_timestamp(node)
    except ValueError as exc:
        return str(exc)
    return None


def loc_text(loc: tuple[Any, ...]) -> str:
    """A key path as the messages write it: "topics -> 0 -> rules"."""
    return " -> ".join(str(part) for part in loc) or "(top level)"
