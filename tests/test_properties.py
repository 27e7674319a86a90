"""Properties over arbitrary input: the reader and splitter never crash, the config loader fails only cleanly."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perspectives.config import ConfigError, load_config
from perspectives.stages.articles.reader import ArticleError, Cleaner, parse_article
from perspectives.stages.claims import split_claims

# Text that looks like what people save: markdown, front matter, quotes, odd line endings, scripts.
PIECES = st.sampled_from([
    "---\n", "title: x\n", "date: 2021-02-30\n", "- a\n", "\n\n", "\r\n", "\r", "\t", " ", ". ", "! ", "? ",
    "Mr. ", "U.S. ", "“", "”", "\"", "'", "(", ")", "[", "](", "http://x.y", ")", "*", "**", "_", "#", "<b>",
    "</b>", "\\", "\ufeff", "\x00", "…", "Путин. ", "习近平。", "By Ana Good\n", "Global Research, May 1, 2021\n",
    "Notes\n", "[1] A note.\n", "The treaty holds. ", "aaaa", "123", "\u200b", "\ud7ff", "é",
])
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["utf-8", "cp1252-ish"]))
def test_any_text_gives_claims_that_point_into_the_body(text: str, encoding: str) -> None:
    data = text.encode("utf-8") if encoding == "utf-8" else text.encode("cp1252", errors="replace")
    try:
        article = parse_article(data, article_id="a", cleaner=Cleaner())
    except ArticleError:
        return
    claims = split_claims(article)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(article.body)
        assert article.body[claim.start:claim.end] == claim.text
        assert claim.text == claim.text.strip()
    assert all(a.end <= b.start for a, b in zip(claims, claims[1:], strict=False))  # in order, no overlap


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_article_error(data: bytes) -> None:
    try:
        article = parse_article(data, article_id="a", cleaner=Cleaner())
    except ArticleError:
        return
    for claim in split_claims(article):
        assert article.body[claim.start:claim.end] == claim.text


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                    st.dates(), st.sampled_from(["articles/a.md", "../x.md", "terms", "pattern", "(", "#zzzzzz"]))
KEYS = st.one_of(st.sampled_from(["output", "articles", "topics", "sources", "cleaning", "certainty", "path", "id",
                                  "label", "rules", "kind", "terms", "groups", "pattern", "exclude", "positions",
                                  "drop", "end_of_body", "remove", "hedges", "name", "type", "date", "color"]),
                 st.text(max_size=8), st.integers())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(KEYS, VALUES, max_size=6))
def test_any_mapping_loads_or_raises_config_error(tmp_path: Path, data: dict) -> None:
    (tmp_path / "articles").mkdir(exist_ok=True)
    (tmp_path / "articles" / "a.md").write_text("The treaty holds.\n", encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_config(config)
    except ConfigError as exc:
        assert exc.problems and all(p.startswith(("config.yaml", str(config))) for p in exc.problems)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_any_text_as_a_config_loads_or_raises_config_error(tmp_path: Path, text: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    try:
        load_config(config)
    except ConfigError as exc:
        assert exc.problems
