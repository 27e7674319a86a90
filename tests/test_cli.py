"""The command line: validate, build, evaluate and export, help and version, and errors as one clear line."""

from __future__ import annotations

import errno
import os
import shutil
import socket
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from perspectives import __version__
from perspectives.build import store
from perspectives.cli import cli
from tests.conftest import BAD, BAD_EXPECTED, MINIMAL_CONFIG, ROOT, write_config_text, write_corpus


def build(config: Path, *extra: str):
    return CliRunner().invoke(cli, ["build", "--config", str(config), *extra])


# --- help and version -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


# --- validate ---------------------------------------------------------------------------------------------


def test_cli_validate_reports_without_traceback(tmp_path: Path) -> None:
    path = write_config_text(tmp_path, MINIMAL_CONFIG + "topcs: []\n")
    result = CliRunner().invoke(cli, ["validate", "--config", str(path)])
    assert result.exit_code == 1
    assert "config.yaml:9: topcs: unknown key" in result.output
    assert "Traceback" not in result.output


def test_cli_validate_ok(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", "--config", str(write_config_text(tmp_path, MINIMAL_CONFIG))])
    assert result.exit_code == 0, result.output
    assert "OK (1 articles, 1 topics" in result.output


@pytest.mark.parametrize("name", sorted(BAD_EXPECTED["configs"]))
def test_bad_config_on_the_command_line_is_one_error_and_no_traceback(name: str) -> None:
    result = CliRunner().invoke(cli, ["validate", "--config", str(BAD / "configs" / name)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert BAD_EXPECTED["configs"][name] in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


# --- build ------------------------------------------------------------------------------------------------


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


def test_path_outside_the_folder_needs_allow_outside(tmp_path: Path) -> None:
    (tmp_path / "outside.md").write_text("The treaty holds.\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    config = project / "config.yaml"
    topic = {"id": "treaty_status", "label": "Treaty status", "rules": [{"kind": "terms", "terms": ["treaty"]}]}
    config.write_text(yaml.safe_dump({"output": "out", "articles": [{"path": "../outside.md"}],
                                      "topics": [topic]}), encoding="utf-8")
    refused = build(config)
    assert refused.exit_code == 1
    assert ("config.yaml:2: articles -> 0 -> path: '../outside.md' points outside the config's folder; "
            "move the file under it, or pass --allow-outside") in refused.output
    allowed = build(config, "--allow-outside")
    assert allowed.exit_code == 0, allowed.output
    assert "read 1 of 1 articles" in allowed.output


def test_build_uses_no_network(tmp_path: Path, monkeypatch) -> None:
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access during a build")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    config = write_corpus(tmp_path, n=5)
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "read 5 of 5 articles" in result.output
    assert attempts == []


def test_missing_article_is_skipped_by_build_keeping_its_rows_and_refused_by_validate(tmp_path: Path) -> None:
    config = write_corpus(tmp_path, n=3)
    assert build(config).exit_code == 0
    (tmp_path / "articles" / "a0001.md").unlink()
    result = build(config)
    assert result.exit_code == 0, result.output
    assert "warning: articles/a0001.md: no such file; skipped" in result.output
    assert "kept the previous build's rows for a0001" in result.output
    assert set(store.read_table(tmp_path / "out", "articles")["article_id"]) == {"a0000", "a0001", "a0002"}
    checked = CliRunner().invoke(cli, ["validate", "--config", str(config)])
    assert checked.exit_code == 1
    assert "articles -> 1 -> path: no such file: 'articles/a0001.md'" in checked.output


def test_empty_config_is_an_error_pointing_to_a_minimal_example(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("# my articles, some day\n", encoding="utf-8")
    for command in ("validate", "build"):
        result = CliRunner().invoke(cli, [command, "--config", str(tmp_path / "config.yaml")])
        assert result.exit_code == 1
        assert "the config is empty (only comments or blank lines); a minimal config reads:" in result.output
        assert "  - path: data/articles/my-article.md" in result.output


# --- build errors -----------------------------------------------------------------------------------------


def test_missing_config_and_folder_as_config(tmp_path: Path) -> None:
    missing = CliRunner().invoke(cli, ["build", "--config", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 1
    assert "nope.yaml: no such config file; pass --config with the path to your config.yaml" in missing.output
    folder = CliRunner().invoke(cli, ["build", "--config", str(tmp_path)])
    assert folder.exit_code == 1
    assert "is a folder; pass the path of the config file itself" in folder.output


def test_output_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    config = write_corpus(tmp_path, n=2, output="notes.txt/out")
    (tmp_path / "notes.txt").write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 1
    assert "Error: cannot write the tables to " in result.output
    assert ("Not a directory; make that folder writable or free some space, or set `output:` in "
            f"{config} to another folder") in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    config = write_corpus(tmp_path, n=2)
    (tmp_path / "out").mkdir()
    (tmp_path / "out").chmod(0o555)
    try:
        result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    finally:
        (tmp_path / "out").chmod(0o755)
    assert result.exit_code == 1
    assert "Permission denied; make that folder writable or free some space" in result.output


@pytest.mark.parametrize("code, words", [(errno.EROFS, "Read-only file system"),
                                         (errno.ENOSPC, "No space left on device"),
                                         (errno.EACCES, "Permission denied")])
def test_write_failure_is_a_clear_error_and_keeps_the_previous_tables(tmp_path: Path, monkeypatch,
                                                                      code: int, words: str) -> None:
    config = write_corpus(tmp_path, n=4)
    assert CliRunner().invoke(cli, ["build", "--config", str(config)]).exit_code == 0
    before = store.read_tables(tmp_path / "out")
    write_corpus(tmp_path, n=4, edition=2)

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(pd.DataFrame, "to_parquet", fail)  # the disk fills or turns read-only mid-build
    result = CliRunner().invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 1
    assert f"Error: cannot write the tables to {tmp_path / 'out'}: {words}; make that folder writable" in result.output
    assert "Traceback" not in result.output
    monkeypatch.undo()
    for name, frame in store.read_tables(tmp_path / "out").items():
        pd.testing.assert_frame_equal(frame, before[name])
    assert not list((tmp_path / "out").rglob(".*.tmp"))


# --- evaluate and export ----------------------------------------------------------------------------------


def test_cli_evaluate_json_on_the_seeds(seed_corpus: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--config", str(seed_corpus)]).exit_code == 0
    gold = ROOT / "data" / "gold"
    result = runner.invoke(cli, ["evaluate", "--config", str(seed_corpus), "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = yaml.safe_load(result.output)
    assert scores["macro_f1"] >= 0.90
    assert scores["metadata"] == {"title": 1.0, "author": 1.0, "date": 1.0}
    assert set(scores["topics"]) == {"treaty_status", "military_cooperation", "taiwan", "olympics",
                                     "economic_asymmetry"}


def test_cli_export(seed_corpus, tmp_path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["build", "--config", str(seed_corpus)])
    out = tmp_path / "taiwan.md"
    result = runner.invoke(cli, ["export", "--config", str(seed_corpus), "--topic", "taiwan", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Taiwan is a constituent part of China" in out.read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["export", "--config", str(seed_corpus), "--topic", "nope"])
    assert bad.exit_code == 1 and "choose one of: treaty_status" in bad.output
