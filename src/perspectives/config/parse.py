"""Parsing ``config.yaml`` safely: the data, the line of every key path, and ``ConfigError`` for what is unusable.

Safe YAML only (the config is data, never code), with alias expansion bounded, duplicate keys and impossible
dates reported, and YAML errors turned into one line each with a hint at the usual cause.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

# A document whose aliases expand past this many values is a "billion laughs", not a config.
MAX_NODES = 500_000
# libyaml's parser (PyYAML's CSafeLoader, where PyYAML was built with it) composes a document over ten times
# faster than the pure-Python one, but reads a few things otherwise, as comparing the two on generated texts
# shows: tabs and the rarer line breaks, an empty "!" tag, a "#" right after a block scalar's "|" or ">".
# A text with any of them is composed by the pure parser.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_READ_OTHERWISE = re.compile(r"[\t\r\x85\u2028\u2029\ufeff]|(?:^|[\s\[{,])!|[|>][-+0-9]*#", re.MULTILINE)
# A graph nested deeper than this is composed again by the pure parser, so that one too deep for Python's
# stack fails as it always has; libyaml's own limit is deeper.
_FAST_MAX_DEPTH = 100


class ConfigError(ValueError):
    """A config that cannot be used; ``problems`` holds one readable line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def parse_yaml(path: Path, text: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse YAML safely, returning the data and the 1-based line of every key path."""
    try:
        node = compose_yaml(text)
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
        data = construct_yaml(node)
    except yaml.YAMLError as exc:
        raise ConfigError([_yaml_problem(path, exc)]) from None
    except RecursionError:
        raise ConfigError([f"{path}: invalid YAML: lists or mappings nested too deeply; flatten them"]) from None
    return data, lines


def compose_yaml(text: str) -> yaml.Node | None:
    """The document's node graph as PyYAML's pure-Python safe loader composes it (None when it is empty),
    composed by libyaml wherever that gives the same graph; a syntax error is always PyYAML's own, with the
    message (and line) users know."""
    if _FAST_LOADER is not None and not _READ_OTHERWISE.search(text):
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # composed again below, for PyYAML's message
        else:
            if node is not None and _reads_alike(node, 0, False, set()):
                return node
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _reads_alike(node: yaml.Node, depth: int, in_flow: bool, seen: set[int]) -> bool:
    """Whether the pure parser composes this graph too: it is nested no deeper than ``_FAST_MAX_DEPTH``, no
    unquoted item of a flow collection has a "?" in it (libyaml reads [why?] as a list of "why?"; PyYAML
    stops at the "?" and fails), and no value is left empty (``key:`` with nothing after it), which libyaml
    places where the next token starts, PyYAML where the last one ended: a message would name another line.

    Each node is looked at once (``seen``), where it is defined: aliases to it come later in the document.
    """
    if depth > _FAST_MAX_DEPTH:
        return False
    if id(node) in seen:
        return True
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return bool(node.style) or bool(node.value) and not (in_flow and "?" in node.value)
    in_flow = in_flow or bool(node.flow_style)
    children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) \
        else node.value
    return all(_reads_alike(child, depth + 1, in_flow, seen) for child in children)


def construct_yaml(node: yaml.Node) -> Any:
    """Python values from a composed document, with the safe constructor (config is data, never code).

    Built from the node already composed (for a config, its line numbers), so a 5,000-article config is
    parsed once.
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
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(f"{path}:{key_node.start_mark.line + 1}: {loc_text(loc)}: a key must be a plain "
                                "word, not a list or mapping")
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
