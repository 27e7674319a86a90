"""Registering articles in config.yaml: new entries appended as text lines, every other byte unchanged, and
the checks a file must pass (duplicates by path or content, unreadable, outside the folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from perspectives.register import RegisterError, add_articles, insert_entries
from tests.conftest import ROOT

NEW = [{"path": "data/articles/new.html"}]


def assert_only_added(before: str, after: str, added: list[str]) -> None:
    """``after`` is ``before`` with the ``added`` lines inserted, every other byte as it was."""
    lines = after.splitlines(keepends=True)
    for line in added:
        lines.remove(line)
    assert "".join(lines) == before


def test_shipped_config_keeps_every_byte_outside_the_added_line() -> None:
    before = (ROOT / "config.yaml").read_text(encoding="utf-8")
    after = insert_entries(before, NEW)
    assert_only_added(before, after, ["  - path: data/articles/new.html\n"])
    # Right after the last listed article, before the blank line and the topics' comment.
    assert "    id: bhadrakumar-poised-to-forge-alliance\n  - path: data/articles/new.html\n\n# Topics" in after


@pytest.mark.parametrize("before, after", [
    # Comments, blank lines, odd indentation and quoting around the list stay.
    ("# top\noutput: out   # where\narticles:\n- path: a.md   # first\n  # between\n- path: 'b.md'\n  "
     "title: \"B\"\n\n# topics next\ntopics: []\n",
     "# top\noutput: out   # where\narticles:\n- path: a.md   # first\n  # between\n- path: 'b.md'\n  "
     "title: \"B\"\n- path: data/articles/new.html\n\n# topics next\ntopics: []\n"),
    # A folded block scalar as the last value.
    ("articles:\n    -   path: a.md\n        title: >-\n          Long\n          title\n# end\n",
     "articles:\n    -   path: a.md\n        title: >-\n          Long\n          title\n"
     "    -   path: data/articles/new.html\n# end\n"),
    # An empty flow list, a flow list with items: the new item goes inside the brackets.
    ("articles: []  # none yet\ntopics: []\n",
     "articles: [{path: \"data/articles/new.html\"}]  # none yet\ntopics: []\n"),
    ("articles: [{path: a.md}]\n", "articles: [{path: a.md}, {path: \"data/articles/new.html\"}]\n"),
    # A key with no value, or null.
    ("articles:   # fill me\ntopics: []\n", "articles:   # fill me\n  - path: data/articles/new.html\ntopics: []\n"),
    ("articles: ~\n", "articles:\n  - path: data/articles/new.html\n"),
    # No articles key, or a comment-only file: a new section at the end.
    ("output: out\n", "output: out\n\narticles:\n  - path: data/articles/new.html\n"),
    ("# my config\n", "# my config\n\narticles:\n  - path: data/articles/new.html\n"),
    ("", "articles:\n  - path: data/articles/new.html\n"),
    # Windows line ends stay Windows line ends; a last line without its newline gets one.
    ("articles:\r\n  - path: a.md\r\n", "articles:\r\n  - path: a.md\r\n  - path: data/articles/new.html\r\n"),
    ("articles:\n  - path: a.md", "articles:\n  - path: a.md\n  - path: data/articles/new.html\n"),
])
def test_entries_inserted_as_text(before: str, after: str) -> None:
    assert insert_entries(before, NEW) == after


@pytest.mark.parametrize("path, written", [
    ("data/articles/plain-name_1.md", "data/articles/plain-name_1.md"),
    ("data/articles/with space.md", '"data/articles/with space.md"'),
    ("data/articles/colon: and #hash.md", '"data/articles/colon: and #hash.md"'),
    ("true", '"true"'),
    ("2021-11-03", '"2021-11-03"'),
    ("data/articles/中文.md", '"data/articles/中文.md"'),
])
def test_paths_are_quoted_when_yaml_would_misread_them(path: str, written: str) -> None:
    text = insert_entries("articles:\n  - path: a.md\n", [{"path": path}])
    assert text.endswith(f"  - path: {written}\n")
    assert yaml.safe_load(text)["articles"][1] == {"path": path}


def test_articles_that_is_not_a_list_is_refused() -> None:
    with pytest.raises(RegisterError, match="`articles:` in the config is not a list"):
        insert_entries("articles: data/a.md\n", NEW)


def project(tmp_path: Path, config: str = "# my corpus\narticles:\n  - path: data/articles/a.md\n") -> Path:
    (tmp_path / "data" / "articles").mkdir(parents=True)
    (tmp_path / "data" / "articles" / "a.md").write_text("The treaty holds. Taiwan is discussed.\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text(config, encoding="utf-8")
    return tmp_path / "config.yaml"


def test_file_whose_name_is_no_id_gets_one_and_a_taken_id_is_numbered(tmp_path: Path) -> None:
    config = project(tmp_path)
    (tmp_path / "data" / "articles" / "Мой отчёт.md").write_text("The treaty holds.\n", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.md").write_text("Another article about Taiwan.\n", encoding="utf-8")
    result = add_articles(config, [tmp_path / "data" / "articles" / "Мой отчёт.md", tmp_path / "other" / "a.md"])
    assert [a.entry for a in result.added] == [{"path": "data/articles/Мой отчёт.md", "id": "article"},
                                               {"path": "other/a.md", "id": "a-2"}]


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    config = project(tmp_path)
    (tmp_path / "b.md").write_text("Taiwan again.\n", encoding="utf-8")
    before = config.read_bytes()
    result = add_articles(config, [tmp_path / "b.md"], dry_run=True)
    assert [a.entry["path"] for a in result.added] == ["b.md"]
    assert config.read_bytes() == before


def test_broken_config_is_refused_before_anything(tmp_path: Path) -> None:
    config = project(tmp_path, "articles:\n  - pth: a.md\n")
    with pytest.raises(RegisterError, match="(?s)fix the config first:\n.*articles -> 0 -> pth: unknown key"):
        add_articles(config, [tmp_path / "data" / "articles" / "a.md"])
