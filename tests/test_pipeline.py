"""The build: tables per the contract, broken articles skipped, earlier results kept, new articles picked up."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from perspectives.build import store
from perspectives.build.plan import is_stale
from perspectives.build.run import run_pipeline
from perspectives.cli import cli
from perspectives.config import load_config
from perspectives.tables import TABLES

GOOD = "The treaty holds. Taiwan is discussed.\n"


def test_build_writes_the_contract_tables(write_config) -> None:
    config = load_config(write_config({"a.md": GOOD}))
    report = run_pipeline(config)
    tables = store.read_tables(config.output_dir)
    for name, columns in TABLES.items():
        assert list(tables[name].columns) == list(columns)
    claims = tables["claims"]
    body = tables["articles"].loc[0, "body"]
    assert all(body[s:e] == t for s, e, t in zip(claims["start"], claims["end"], claims["text"], strict=True))
    assert set(tables["claim_topics"]["topic"]) == {"treaty_status", "taiwan"}
    assert report["claims"] == 2 and report["claims_per_topic"] == {"treaty_status": 1, "taiwan": 1}
    assert not list(config.output_dir.glob("*.tmp"))


def test_one_broken_article_does_not_stop_the_others(write_config) -> None:
    config = load_config(write_config({"good.md": GOOD, "empty.md": "", "binary.md": b"\x00\x01\x02"}))
    report = run_pipeline(config)
    assert report["articles_read"] == 1
    reasons = {f["path"]: f["reason"] for f in report["articles_failed"]}
    assert reasons == {
        "articles/empty.md": "is empty",
        "articles/binary.md": "binary file (it contains NUL bytes); save the article as text or markdown"}
    assert any("articles/empty.md: is empty; skipped" in w for w in report["warnings"])


def test_an_article_broken_later_keeps_its_previous_rows(write_config) -> None:
    path = write_config({"good.md": GOOD, "other.md": "Olympic talk. More."})
    config = load_config(path)
    run_pipeline(config)
    (path.parent / "articles" / "other.md").write_bytes(b"")
    report = run_pipeline(config)
    claims = store.read_table(config.output_dir, "claims")
    assert set(claims["article_id"]) == {"good", "other"}
    assert any("kept the previous build's rows for other" in w for w in report["warnings"])


def test_staleness_follows_config_and_articles(write_config) -> None:
    path = write_config({"a.md": GOOD})
    config = load_config(path)
    assert is_stale(config)
    run_pipeline(config)
    assert not is_stale(config)
    (path.parent / "articles" / "a.md").write_text(GOOD + "More text.\n", encoding="utf-8")
    assert is_stale(config)


def test_adding_a_markdown_article_to_the_config_needs_no_code_change(seed_corpus: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--config", str(seed_corpus)]).exit_code == 0
    (seed_corpus.parent / "data" / "articles" / "new.md").write_text(
        "---\ntitle: Gas and Power\nauthor: Dana Fox\ndate: 2022-03-01\n---\n"
        "Russia sells more gas to China through the Power of Siberia pipeline. It is lopsided.\n",
        encoding="utf-8")
    data = yaml.safe_load(seed_corpus.read_text(encoding="utf-8"))
    data["articles"].append({"path": "data/articles/new.md"})
    seed_corpus.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(cli, ["build", "--config", str(seed_corpus)])
    assert result.exit_code == 0, result.output
    assert "read 6 of 6 articles" in result.output
    out = seed_corpus.parent / "data" / "processed"
    articles = store.read_table(out, "articles").set_index("article_id")
    assert articles.loc["new", "author"] == "Dana Fox"
    topics = store.read_table(out, "claim_topics")
    assert "economic_asymmetry" in set(topics[topics["claim_id"].str.startswith("new:")]["topic"])


def test_another_config_builds_into_its_own_folder(seed_corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copytree(seed_corpus.parent / "data" / "articles", other / "data" / "articles")
    shutil.copy(seed_corpus, other / "config.yaml")
    result = CliRunner().invoke(cli, ["build", "--config", str(other / "config.yaml")])
    assert result.exit_code == 0, result.output
    assert store.has_tables(other / "data" / "processed")
    assert not (seed_corpus.parent / "data" / "processed").exists()


def test_a_build_by_other_code_is_stale(write_config) -> None:
    config = load_config(write_config({"a.md": GOOD}))
    run_pipeline(config)
    report = store.read_report(config.output_dir)
    report["fingerprint"]["code"] = "an older version"
    store.write_json(config.output_dir / store.REPORT_FILE, report)
    assert is_stale(config)
