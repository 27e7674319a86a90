"""Fixtures for reading articles: the shipped config's cleaner and the bundled articles read with it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from perspectives.config import load_config
from perspectives.records import Article
from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.reader import parse_article

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    config = load_config(ROOT / "config.yaml")
    return Cleaner.from_config(config.cleaning)


@pytest.fixture
def read_seed(cleaner: Cleaner) -> Callable[[str], Article]:
    """Read a bundled article by file name with the shipped config's cleaner."""

    def read(name: str) -> Article:
        return parse_article((ROOT / "data" / "articles" / name).read_bytes(), article_id=name, cleaner=cleaner)

    return read
