"""Bad input ends in a clear message, never a traceback: the corpus in tests/data/bad plus generated extremes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from perspectives.build import store
from perspectives.build.run import run_pipeline
from perspectives.cli import cli
from perspectives.config import ConfigError, load_config
from perspectives.stages.articles.reader import MAX_BYTES, ArticleError, Cleaner, read_article
from perspectives.stages.claims import split_claims
from tests.conftest import BAD
from tests.conftest import BAD_EXPECTED as EXPECTED

TOPIC = {"id": "treaty_status", "label": "Treaty status", "rules": [{"kind": "terms", "terms": ["treaty"]}]}


def write_project(root: Path, articles: dict[str, str | bytes], **sections) -> Path:
    """A config in ``root`` listing the given articles (written under root/articles)."""
    entries = []
    for name, content in articles.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        entries.append({"path": f"articles/{name}"})
    config = root / "config.yaml"
    data = {"output": "out", "articles": entries, "topics": [TOPIC], **sections}
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return config


def build(config: Path, *extra: str):
    return CliRunner().invoke(cli, ["build", "--config", str(config), *extra])


def test_every_corpus_file_has_its_expected_message() -> None:
    assert sorted(p.name for p in (BAD / "configs").glob("*.yaml")) == sorted(EXPECTED["configs"])
    assert sorted(p.name for p in (BAD / "articles").iterdir()) == sorted(EXPECTED["articles"])
    assert len(EXPECTED["configs"]) + len(EXPECTED["articles"]) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED["configs"]))
def test_bad_config_gives_its_message(name: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(BAD / "configs" / name, require_articles=True)  # as `validate` checks
    assert any(line.endswith(EXPECTED["configs"][name]) for line in info.value.problems), info.value.problems


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory: pytest.TempPathFactory):
    """The corpus's article cases built once through the CLI: (result, tables)."""
    root = tmp_path_factory.mktemp("bad") / "bad"
    shutil.copytree(BAD, root)
    result = build(root / "config.yaml")
    return result, store.read_tables(root / "processed")


def test_corpus_with_bad_articles_still_builds_the_rest(corpus_build) -> None:
    result, tables = corpus_build
    assert result.exit_code == 0, result.output
    kept = {name for name, case in EXPECTED["articles"].items() if "skipped" not in case}
    assert set(tables["articles"]["path"]) == {f"articles/{name}" for name in kept}
    assert f"read {len(kept)} of {len(EXPECTED['articles'])} articles" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(EXPECTED["articles"]))
def test_bad_article_gives_its_message(corpus_build, name: str) -> None:
    result, tables = corpus_build
    case = EXPECTED["articles"][name]
    path = f"articles/{name}"
    if "skipped" in case:
        assert f"warning: {path}: {case['skipped']}; skipped" in result.output
        return
    if "warning" in case:
        assert f"warning: {path}: {case['warning']}" in result.output
    row = tables["articles"].set_index("path").loc[path]
    for field, value in case.get("row", {}).items():
        assert (None if pd.isna(row[field]) else row[field]) == value, field
    if "claims" in case:
        claims = tables["claims"][tables["claims"]["article_id"] == row["article_id"]]
        assert list(claims["text"]) == case["claims"]


def test_claims_of_odd_encodings_point_into_the_body(corpus_build) -> None:
    _, tables = corpus_build
    bodies = dict(zip(tables["articles"]["article_id"], tables["articles"]["body"], strict=True))
    for _, claim in tables["claims"].iterrows():
        assert bodies[claim["article_id"]][claim["start"]:claim["end"]] == claim["text"]


def test_symlink_out_of_the_folder_counts_as_outside(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("Private notes.\n", encoding="utf-8")
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    (project / "articles" / "link.md").symlink_to(tmp_path / "secret.txt")
    config = project / "config.yaml"
    config.write_text(yaml.safe_dump({"articles": [{"path": "articles/link.md"}]}), encoding="utf-8")
    with pytest.raises(ConfigError, match="'articles/link.md' points outside the config's folder"):
        load_config(config)


def test_empty_config_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="the config is empty"):
        load_config(tmp_path / "config.yaml")


def test_folder_given_as_article_to_the_reader(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="^is a folder, not an article file$"):
        read_article(tmp_path, article_id="x", cleaner=Cleaner())


def test_article_deleted_after_validation_is_skipped(tmp_path: Path) -> None:
    config = load_config(write_project(tmp_path, {"gone.md": "The treaty holds.\n", "kept.md": "A treaty.\n"}))
    (tmp_path / "articles" / "gone.md").unlink()
    report = run_pipeline(config)
    assert report["articles_failed"] == [{"article_id": "gone", "path": "articles/gone.md", "reason": "no such file"}]
    assert report["articles_read"] == 1


def test_article_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 10 * 1024 * 1024)  # sparse: the size is real, no bytes are written
    with pytest.raises(ArticleError, match=r"^is 60 MB; articles over 50 MB are not read$"):
        read_article(huge, article_id="huge", cleaner=Cleaner())


def test_twenty_megabyte_article_is_read_and_split(tmp_path: Path) -> None:
    # The reader and splitter only: a whole build of it takes a minute or more (citations dominate), too
    # long for every test run; both stages are linear, so this size says the build is linear too.
    paragraphs = [f"Paragraph {i} says the treaty was signed in 2001. Critics say it binds neither side, "
                  "while supporters call it the basis of the partnership.\n\n" for i in range(165_000)]
    big = tmp_path / "big.md"
    big.write_text("".join(paragraphs), encoding="utf-8")
    assert big.stat().st_size > 20 * 1024 * 1024
    article = read_article(big, article_id="big", cleaner=Cleaner())
    claims = split_claims(article)
    assert len(claims) == 2 * len(paragraphs)
    assert claims[-2].text == "Paragraph 164999 says the treaty was signed in 2001."
    assert all(article.body[c.start:c.end] == c.text for c in claims[-1000:])


def test_catastrophic_regex_on_a_long_line_does_not_hang(tmp_path: Path) -> None:
    # On Python's backtracking `re`, ^(a+)+$ against 10,000 a's and a b would run for longer than the
    # age of the universe; the user's patterns (topic rules and cleaning) run on RE2, in linear time.
    line = "a" * 10_000 + "b"
    evil = {"id": "evil", "label": "Evil", "rules": [{"kind": "pattern", "pattern": "^(a+)+$"},
                                                     {"kind": "pattern", "pattern": "(a|aa)*c"}]}
    config = load_config(write_project(
        tmp_path, {"long.md": f"{line}\n\nThe treaty holds.\n"}, topics=[TOPIC, evil],
        cleaning={"drop": ["^(a+)+$"], "end_of_body": ["(x+x+)+y"], "remove": ["(a*)*c"]}))
    report = run_pipeline(config, workers=1)
    assert report["claims"] == 2
    assert report["claims_per_topic"] == {"treaty_status": 1, "evil": 0}


def test_thousands_of_topics(tmp_path: Path) -> None:
    topics = [{"id": f"topic_{i}", "label": f"Тема {i} 话题", "rules": [{"kind": "terms", "terms": [f"word{i}"]}]}
              for i in range(3000)]
    config = load_config(write_project(tmp_path, {"a.md": "Here word1234 appears. So does word7."},
                                       topics=topics))
    report = run_pipeline(config, workers=1)
    assert len(report["claims_per_topic"]) == 3000
    assert {k for k, v in report["claims_per_topic"].items() if v} == {"topic_1234", "topic_7"}


def test_unicode_everywhere_round_trips(tmp_path: Path) -> None:
    topic = {"id": "putin", "label": "Путин и 习近平", "rules": [{"kind": "terms", "terms": ["Путин"]}]}
    config = load_config(write_project(
        tmp_path, {"статья-文章.md": "---\ntitle: Россия и Китай\nauthor: 王小明\n---\nПутин приехал. Xi too.\n"},
        topics=[topic]))
    report = run_pipeline(config, workers=1)
    articles = store.read_table(config.output_dir, "articles")
    assert (articles.loc[0, "article_id"], articles.loc[0, "title"], articles.loc[0, "author"]) == \
        ("статья-文章", "Россия и Китай", "王小明")
    assert report["claims_per_topic"] == {"putin": 1}
