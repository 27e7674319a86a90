"""The reading stage's one error: an article that cannot be read, with the reason as its message."""

from __future__ import annotations


class ArticleError(Exception):
    """An article that cannot be read; the message says why."""
