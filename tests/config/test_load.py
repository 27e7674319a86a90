"""Loading config.yaml: every problem reported at once, naming the file, the line and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from perspectives.config import ConfigError, load_config
from tests.conftest import MINIMAL_ARTICLE as ARTICLE
from tests.conftest import MINIMAL_CONFIG as GOOD
from tests.conftest import ROOT
from tests.conftest import write_config_text as write


def problems(tmp_path: Path, text: str) -> list[str]:
    """The problems ``validate`` reports (a missing article among them)."""
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text), require_articles=True)
    return info.value.problems


def test_shipped_config_loads() -> None:
    config = load_config(ROOT / "config.yaml")
    assert {t.id for t in config.topics} == {"treaty_status", "military_cooperation", "taiwan", "olympics",
                                             "economic_asymmetry"}
    assert len(config.articles) == 5


def test_good_config_resolves_paths_relative_to_itself(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD + "output: out\n"))
    assert config.output_dir == (tmp_path / "out").resolve()
    assert config.article_file(config.articles[0]) == (tmp_path / ARTICLE).resolve()
    assert config.articles[0].article_id == "a"


@pytest.mark.parametrize("text, expected", [
    ("articles: [\n", "config.yaml:2: invalid YAML"),
    ("topics:\n\t- id: x\n", "config.yaml:2: invalid YAML"),
    ('articles:\n  - path: "unclosed\n', "invalid YAML"),
    (GOOD + "articles: []\n", "config.yaml:9: articles: duplicate key 'articles'"),
    (GOOD + "topcs: []\n", "config.yaml:9: topcs: unknown key (a typo?)"),
    (GOOD.replace("label: Taiwan", "label: Taiwan\n    colour: red"),
     "config.yaml:6: topics -> 0 -> colour: unknown key"),
    (GOOD.replace("terms: [Taiwan]", "terms: Taiwan"), "config.yaml:8: topics -> 0 -> rules -> 0 -> terms: "
                                                       "Input should be a valid list"),
    (GOOD.replace("kind: terms", "kind: words"), "config.yaml:7: topics -> 0 -> rules -> 0: unknown rule kind"),
    (GOOD.replace("      - kind: terms\n        terms: [Taiwan]\n", "      []\n"),
     "config.yaml:6: topics -> 0 -> rules: "),
    (GOOD.replace("kind: terms\n        terms: [Taiwan]", "kind: pattern\n        pattern: '(unclosed'"),
     "config.yaml:8: topics -> 0 -> rules -> 0 -> pattern: invalid regular expression '(unclosed'"),
    (GOOD.replace(f"  - path: {ARTICLE}\n", f"  - path: {ARTICLE}\n  - path: {ARTICLE}\n"),
     "config.yaml:3: articles -> 1 -> id: duplicate article id 'a'"),
    (GOOD.replace(f"path: {ARTICLE}", f"path: {ARTICLE}\n    date: 29/11/2021"),
     "config.yaml:3: articles -> 0 -> date: '29/11/2021' is not a date; write it as YYYY-MM-DD"),
    (GOOD.replace(ARTICLE, "../outside.md"), "points outside the config's folder"),
    ("- just\n- a list\n", "config.yaml:1: the config must be a mapping"),
    (GOOD.replace("id: taiwan", "id: Taiwan Topic"), "config.yaml:4: topics -> 0 -> id: String should match"),
    # The context and proximity keys: each names its key and line, and the forms that work.
    (GOOD + "    context:\n      - within: 3 paragraphs\n",
     "config.yaml:10: topics -> 0 -> context -> 0 -> within: '3 paragraphs' is not a scope; use sentence, "
     "N sentences (e.g. 2 sentences), paragraph or article"),
    (GOOD + "    context:\n      - cues:\n          - kind: terms\n            terms: [drills, ' ']\n",
     "config.yaml:11: topics -> 0 -> context -> 0 -> cues -> 0: an empty term matches everything; remove it"),
    (GOOD + "    context:\n      - window: 2\n",
     "config.yaml:10: topics -> 0 -> context -> 0 -> window: unknown key"),
    (GOOD + "    context:\n      within: article\n", "config.yaml:9: topics -> 0 -> context: Input should be a "
     "valid list (write each item on a line of its own starting with '- ', or [a, b])"),
    (GOOD.replace("kind: terms\n        terms: [Taiwan]", "kind: cooccur\n        groups: [[a], [b]]\n"
                  "        within: next door"),
     "config.yaml:9: topics -> 0 -> rules -> 0 -> within: 'next door' is not a scope"),
    (GOOD.replace("kind: terms\n        terms: [Taiwan]", "kind: near\n        groups: [[a], [b]]\n"
                  "        words: 99"),
     "config.yaml:9: topics -> 0 -> rules -> 0 -> words: Input should be less than or equal to 50 (got 99)"),
    (GOOD.replace("kind: terms\n        terms: [Taiwan]", "kind: near\n        groups: [[a]]"),
     "config.yaml:8: topics -> 0 -> rules -> 0 -> groups: List should have at least 2 items"),
    (GOOD + "continuation:\n  openers: It\n", "config.yaml:10: continuation -> openers: Input should be a valid "
     "list"),
    (GOOD + "continuation:\n  quotes: true\n", "config.yaml:10: continuation -> quotes: unknown key"),
])
def test_config_errors_name_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    found = problems(tmp_path, text)
    assert any(expected in p for p in found), found


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace(ARTICLE, "articles/missing.md") + "typo: 1\n"
    assert len(problems(tmp_path, text)) == 1  # schema errors first: the typo
    text = GOOD.replace(ARTICLE, "articles/missing.md").replace("kind: terms\n        terms: [Taiwan]",
                                                                 "kind: pattern\n        pattern: '['")
    assert len(problems(tmp_path, text)) == 2


def test_missing_article_is_a_problem_for_validate_only(tmp_path: Path) -> None:
    text = GOOD.replace(ARTICLE, "articles/missing.md")
    assert problems(tmp_path, text) == ["config.yaml:2: articles -> 0 -> path: no such file: 'articles/missing.md'; "
                                        "paths are relative to the config file's folder"]
    # The build and the dashboard load it, then skip the article with a warning (tests/build/test_run.py).
    config = load_config(tmp_path / "config.yaml")
    assert [entry.path for entry in config.articles] == ["articles/missing.md"]


@pytest.mark.parametrize("text", ["", "# nothing yet\n\n# still nothing\n", "---\n", "{}\n"])
def test_config_empty_or_comment_only_points_to_a_minimal_example(tmp_path: Path, text: str) -> None:
    (tmp_path / "config.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config.yaml: the config is empty \(only comments or blank lines\); "
                       r"a minimal config reads:\narticles:\n  - path: ") as info:
        load_config(tmp_path / "config.yaml")
    example = str(info.value).split("reads:\n", 1)[1].rsplit("\n(", 1)[0]
    (tmp_path / "data" / "articles").mkdir(parents=True)
    (tmp_path / "data" / "articles" / "my-article.md").write_text("The treaty holds.\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text(example, encoding="utf-8")
    assert len(load_config(tmp_path / "config.yaml", require_articles=True).articles) == 1  # the example works


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.yaml")


FIELDS = """fields:
  - id: leaning
    label: Political leaning
    values: [left, centre, right]
  - id: country
"""


def test_declared_fields_load_and_articles_set_them(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FIELDS + GOOD.replace(
        f"  - path: {ARTICLE}\n", f"  - path: {ARTICLE}\n    fields: {{leaning: left, country: 2021}}\n")))
    assert [(f.id, f.title) for f in config.fields] == [("leaning", "Political leaning"), ("country", "Country")]
    assert config.articles[0].fields == {"leaning": "left", "country": "2021"}


@pytest.mark.parametrize("fields, expected", [
    ("{leanig: left}", "config.yaml:8: articles -> 0 -> fields -> leanig: unknown field 'leanig' "
                       "(did you mean 'leaning'? declared fields: leaning, country); declare it under `fields:`"),
    ("{leaning: far}", "config.yaml:8: articles -> 0 -> fields -> leaning: 'far' is not an allowed value of 'leaning'; "
                       "use one of left, centre, right"),
])
def test_article_field_typo_or_unknown_value_names_file_line_key_and_fix(tmp_path: Path, fields: str,
                                                                         expected: str) -> None:
    text = FIELDS + GOOD.replace(f"  - path: {ARTICLE}\n", f"  - path: {ARTICLE}\n    fields: {fields}\n")
    found = problems(tmp_path, text)
    assert len(found) == 1 and found[0].startswith(expected), found


@pytest.mark.parametrize("declared, expected", [
    ("fields:\n  - id: outlet\n", "fields -> 0 -> id: 'outlet' is built in"),
    ("fields:\n  - id: genre\n  - id: genre\n", "fields -> 1 -> id: duplicate field id 'genre'"),
    ("fields:\n  - id: genre\n    colour: red\n", "fields -> 0 -> colour: unknown key"),
])
def test_bad_field_declarations(tmp_path: Path, declared: str, expected: str) -> None:
    assert any(expected in p for p in problems(tmp_path, declared + GOOD)), problems(tmp_path, declared + GOOD)
