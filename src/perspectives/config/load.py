"""Loading ``config.yaml``: validation, messages that name the file, line and key, and cross-field checks."""

from __future__ import annotations

import difflib
import errno
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from perspectives.config.parse import ConfigError, loc_text, parse_yaml
from perspectives.config.schema import CONFIG_FILE, RESERVED_FIELDS, Config
from perspectives.rules import KIND_NAMES, Rule, check_regex

# Readable versions of the schema's regex constraints, appended to pydantic's message.
_PATTERN_HINTS = {
    r"^[a-z][a-z0-9_]*$": "an id is lowercase ASCII letters, digits and _, starting with a letter (trade_war); "
                          "names in other scripts go in `label:`",
    r"^[A-Za-z0-9][A-Za-z0-9_.-]*$": "an article id is ASCII letters, digits, _ . and -; "
                                     "names in other scripts go in `title:`",
    r"^#[0-9a-fA-F]{6}$": "write a colour as \"#rrggbb\", in quotes",
}
# Shown when the config is empty: the smallest config that builds something.
MINIMAL_EXAMPLE = """\
articles:
  - path: data/articles/my-article.md
topics:
  - id: my_topic
    label: My topic
    rules:
      - kind: terms
        terms: [treaty]"""


def load_config(path: str | Path = CONFIG_FILE, *, allow_outside: bool = False,
                require_articles: bool = False) -> Config:
    """Load and validate a config; raise ConfigError listing every problem with its file, line and key.

    Args:
        allow_outside: let article paths point outside the config's folder.
        require_articles: a listed article file that does not exist is a problem (``validate``). Otherwise it
            is left to the build, which reports and skips it and keeps its previous rows: one moved file must
            not stop the build or the dashboard.
    """
    path = Path(path)
    if not path.exists():
        raise ConfigError([f"{path}: no such config file; pass --config with the path to your config.yaml"])
    if path.is_dir():
        raise ConfigError([f"{path}: is a folder; pass the path of the config file itself"])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8"]) from None
    except OSError as exc:
        raise ConfigError([f"{path}: cannot be read ({exc.strerror or exc})"]) from None
    data, lines = parse_yaml(path, text)
    if data is None or data == {}:
        # An empty file used to load as "OK (0 articles, 0 topics)": a config saved blank by mistake would
        # build nothing and say nothing.
        raise ConfigError([f"{path}: the config is empty (only comments or blank lines); a minimal config "
                           f"reads:\n{MINIMAL_EXAMPLE}\n(see config.yaml in the README; `perspectives add FILE` "
                           "lists articles for you)"])
    if not isinstance(data, dict):
        raise ConfigError([f"{path}:1: the config must be a mapping of sections (articles, topics, ...), "
                           f"not a {type(data).__name__}"])
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError([_format(path, lines, err["loc"], _message(err)) for err in exc.errors()]) from None
    config._path = path.resolve()
    problems = [_format(path, lines, loc, msg)
                for loc, msg in _cross_checks(config, allow_outside, require_articles)]
    if problems:
        raise ConfigError(problems)
    return config


def _message(err: Any) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "unknown key (a typo?); allowed keys are listed in the README's config section"
    if kind == "missing":
        return "required key is missing"
    if kind == "union_tag_invalid":
        return f"unknown rule kind; use one of: {', '.join(KIND_NAMES)}"
    if kind == "union_tag_not_found":
        return f"a rule needs `kind:` ({', '.join(KIND_NAMES[:-1])} or {KIND_NAMES[-1]})"
    msg = str(err["msg"]).removeprefix("Value error, ")
    # A value error's own message already quotes the value.
    if "input" in err and not isinstance(err["input"], dict | list) and kind != "value_error":
        msg += f" (got {err['input']!r})"
    if kind == "list_type":
        msg += " (write each item on a line of its own starting with '- ', or [a, b])"
    if kind == "string_pattern_mismatch" and err["ctx"]["pattern"] in _PATTERN_HINTS:
        msg += "; " + _PATTERN_HINTS[err["ctx"]["pattern"]]
    if isinstance(err.get("input"), bool):
        msg += "; YAML reads no/yes/on/off as true/false, so quote the word: \"no\""
    return msg


def _format(path: Path, lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...], msg: str) -> str:
    # Pydantic adds the union tag to the location ("rules -> 0 -> terms -> terms"); drop it.
    loc = tuple(part for i, part in enumerate(loc)
                if not (0 < i < len(loc) - 1 and part in KIND_NAMES
                        and isinstance(loc[i - 1], int)))
    line = None
    for cut in range(len(loc), -1, -1):
        line = lines.get(loc[:cut])
        if line is not None:
            break
    where = f"{path.name}:{line}" if line is not None else path.name
    return f"{where}: {loc_text(loc)}: {msg}"


def _mode(file: Path) -> int | None:
    """The file's mode, or None when it does not exist: one system call where exists() and is_dir() made two."""
    try:
        return file.stat().st_mode
    except ValueError:
        return None
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):  # as Path.exists()
            return None
        raise


def _cross_checks(config: Config, allow_outside: bool,
                  require_articles: bool) -> list[tuple[tuple[Any, ...], str]]:
    """Checks across fields that the schema alone cannot express."""
    problems = _field_problems(config)
    seen_ids: dict[str, int] = {}
    base = config.base_dir.resolve()  # once, not per article: 5,000 entries made loading take seconds
    for i, entry in enumerate(config.articles):
        file = config.article_file(entry)
        if not allow_outside and not file.is_relative_to(base):
            problems.append((("articles", i, "path"), f"{entry.path!r} points outside the config's folder; "
                             "move the file under it, or pass --allow-outside"))
        elif (mode := _mode(file)) is None:
            if require_articles:
                problems.append((("articles", i, "path"), f"no such file: {entry.path!r}; paths are relative "
                                 "to the config file's folder"))
        elif stat.S_ISDIR(mode):
            problems.append((("articles", i, "path"), f"{entry.path!r} is a folder, not an article file"))
        if entry.article_id in seen_ids:
            problems.append((("articles", i, "id"), f"duplicate article id {entry.article_id!r} "
                             f"(also article {seen_ids[entry.article_id]}); give one an `id:`"))
        seen_ids.setdefault(entry.article_id, i)
    topic_ids: set[str] = set()
    for i, topic in enumerate(config.topics):
        if topic.id in topic_ids:
            problems.append((("topics", i, "id"), f"duplicate topic id {topic.id!r}; give each topic "
                             "its own id"))
        topic_ids.add(topic.id)
        problems += _rule_problems(("topics", i), {"rules": topic.rules, "exclude": topic.exclude})
        for j, context in enumerate(topic.context):
            problems += _rule_problems(("topics", i, "context", j), {"cues": context.cues})
        for j, position in enumerate(topic.positions):
            problems += _rule_problems(("topics", i, "positions", j), {"rules": position.rules,
                                                                       "exclude": position.exclude})
    for section in ("drop", "end_of_body", "remove"):
        for j, pattern in enumerate(getattr(config.cleaning, section)):
            error = check_regex(pattern)
            if error:
                problems.append((("cleaning", section, j), f"invalid regular expression {pattern!r}: {error}"))
    return problems


def _field_problems(config: Config) -> list[tuple[tuple[Any, ...], str]]:
    """Declared fields: unique ids, no built-in name; each article's field values named and allowed."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    declared: dict[str, list[str]] = {}
    for i, field in enumerate(config.fields):
        if field.id in RESERVED_FIELDS:
            problems.append((("fields", i, "id"), f"{field.id!r} is built in ({', '.join(RESERVED_FIELDS)}); "
                             "give the field another id"))
        elif field.id in declared:
            problems.append((("fields", i, "id"), f"duplicate field id {field.id!r}; give each field its own id"))
        declared.setdefault(field.id, field.values)
    for i, entry in enumerate(config.articles):
        for key, value in entry.fields.items():
            loc = ("articles", i, "fields", key)
            if key not in declared:
                close = difflib.get_close_matches(key, list(declared), n=1)
                hint = (f"did you mean {close[0]!r}? " if close else "") + (
                    f"declared fields: {', '.join(declared)}" if declared else "no fields are declared")
                problems.append((loc, f"unknown field {key!r} ({hint}); declare it under `fields:` first"))
            elif declared[key] and value not in declared[key]:
                problems.append((loc, f"{value!r} is not an allowed value of {key!r}; use one of "
                                 f"{', '.join(declared[key])}, or add it to the field's `values:`"))
    return problems


def _rule_problems(loc: tuple[Any, ...], sections: dict[str, list[Rule]]) -> list[tuple[tuple[Any, ...], str]]:
    """Each rule's own problems (see ``Rule.problems``), located under its section and index."""
    return [(loc + (section, j) + where, message) for section, items in sections.items()
            for j, rule in enumerate(items) for where, message in rule.problems()]
