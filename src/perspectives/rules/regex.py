"""A user's regular expressions: checked for what RE2 supports, and compiled on RE2 so none can hang a build."""

from __future__ import annotations

import re

import re2

# Constructs Python's `re` accepts but RE2 rejects; checked first so the user gets a sentence, not an RE2 log line.
_RE2_UNSUPPORTED = re.compile(r"\(\?<?[=!]|\\[1-9]|\(\?P=|\(\?>|[*+?}]\+")
FLAGS_HELP = ("patterns ignore case unless told otherwise: (?-i) makes the rest of a pattern case-sensitive, "
              "(?-i:ABC) one part; the flags RE2 knows are i, m, s and U")


def check_regex(pattern: str) -> str | None:
    """Why a user's regular expression cannot be used, or None when it can.

    RE2 decides, as it runs the pattern; its own message is replaced by Python's where Python can say
    what is wrong more readably (an unbalanced parenthesis, with its position).
    """
    if _RE2_UNSUPPORTED.search(pattern):
        return ("look-around, back-references and possessive quantifiers are not supported "
                "(patterns run on RE2 so that none can hang a build)")
    options = re2.Options()
    options.log_errors = False
    try:
        re2.compile(pattern, options)
    except re2.error as exc:
        try:
            re.compile(pattern)
        except re.error as readable:
            return str(readable)
        message = exc.args[0] if exc.args else str(exc)
        return f"{message.decode() if isinstance(message, bytes) else message}; {FLAGS_HELP}"
    return None


def compile_regex(pattern: str, *, multiline: bool = False) -> re2._Regexp:
    """A case-insensitive RE2 regex for a user's pattern (already checked by the config loader).

    Every regex a config supplies goes through here, so none can backtrack catastrophically.
    ``multiline`` makes ^ and $ match at each line's start and end.
    """
    options = re2.Options()
    options.case_sensitive = False
    return re2.compile(f"(?m){pattern}" if multiline else pattern, options)
