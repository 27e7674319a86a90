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


# --- add --------------------------------------------------------------------------------------------------

PAGES = ROOT / "tests" / "data" / "html"
ADD_CONFIG = """\
# My corpus: comments, odd spacing and key order must survive `add`.
output:   out        # tables here

articles:   # the articles
  - path: articles/a.md
    id: first     # named by hand

# Topics come after the articles.
topics:
  - label: Taiwan
    id: taiwan
    rules: [{kind: terms, terms: [Taiwan]}]
"""


def add(config: Path, *args: str):
    return CliRunner().invoke(cli, ["add", "--config", str(config), *args])


@pytest.fixture
def add_project(tmp_path: Path) -> Path:
    path = write_config_text(tmp_path, ADD_CONFIG)
    shutil.copy(PAGES / "news.html", tmp_path / "articles" / "news.html")
    return path


def test_add_keeps_the_config_byte_for_byte_outside_the_added_lines(add_project: Path) -> None:
    before = add_project.read_text(encoding="utf-8")
    result = add(add_project, str(add_project.parent / "articles" / "news.html"))
    assert result.exit_code == 0, result.output
    assert ("added articles/news.html: “Moscow and Beijing Sign a Grain Deal” — Lena Park, 2021-11-03, "
            "The Harbour Ledger (6 paragraphs, 83 words)") in result.output
    assert add_project.read_text(encoding="utf-8") == before.replace(
        "    id: first     # named by hand\n", "    id: first     # named by hand\n  - path: articles/news.html\n")


def test_add_then_build_reads_a_page_and_a_pdf(add_project: Path) -> None:
    from tests.stages.articles.conftest import make_pdf

    pdf = add_project.parent / "report.pdf"
    pdf.write_bytes(make_pdf([["Taiwan was not on the agenda of the summit in Moscow.", "1"]],
                             {"Author": "Irena Volkova"}))
    result = add(add_project, str(add_project.parent / "articles" / "news.html"), str(pdf))
    assert result.exit_code == 0, result.output
    assert "added report.pdf: (no title found) — Irena Volkova, no date found (1 paragraphs, 11 words)" \
        in result.output
    built = build(add_project)
    assert built.exit_code == 0, built.output
    assert "read 3 of 3 articles" in built.output
    articles = store.read_table(add_project.parent / "out", "articles").set_index("article_id")
    assert articles.loc["news", "outlet"] == "The Harbour Ledger"
    assert articles.loc["report", "author"] == "Irena Volkova"


def test_add_a_folder_lists_every_readable_article_and_says_why_not_the_rest(add_project: Path) -> None:
    folder = add_project.parent / "inbox"
    (folder / "deeper").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "one.md").write_text("---\ntitle: One\n---\nTaiwan is discussed.\n", encoding="utf-8")
    (folder / "deeper" / "two.txt").write_text("The treaty holds.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\x00\x00")
    (folder / ".hidden" / "three.md").write_text("Hidden.\n", encoding="utf-8")
    (folder / "copy-of-a.md").write_bytes((add_project.parent / "articles" / "a.md").read_bytes())
    result = add(add_project, str(folder))
    assert result.exit_code == 0, result.output
    assert "added inbox/deeper/two.txt" in result.output and "added inbox/one.md: “One”" in result.output
    assert f"skipped {folder / 'empty.txt'}: is empty" in result.output
    assert f"skipped {folder / 'copy-of-a.md'}: same content as articles/a.md, already listed" in result.output
    entries = yaml.safe_load(add_project.read_text(encoding="utf-8"))["articles"]
    assert [e["path"] for e in entries] == ["articles/a.md", "inbox/deeper/two.txt", "inbox/one.md"]
    again = add(add_project, str(folder))
    assert again.exit_code == 0 and "skipped 2 file(s) already listed" in again.output
    assert "nothing added" in again.output


@pytest.mark.parametrize("name, content, reason", [
    ("a.md", None, "refused {dir}/articles/a.md: already listed as articles/a.md"),
    ("same.md", "Taiwan matters.", "refused {dir}/same.md: same content as articles/a.md, "
     "already listed"),
    ("empty.md", "", "refused {dir}/empty.md: is empty"),
    ("binary.md", b"\x00\x01\x02", "refused {dir}/binary.md: binary file (it contains NUL bytes)"),
    ("scan.pdf", "scan", "refused {dir}/scan.pdf: scanned PDF, no text layer; run OCR first"),
    ("missing.md", "missing", "refused {dir}/missing.md: no such file"),
])
def test_add_refuses_duplicates_and_unreadable_files_with_the_reason(tmp_path: Path, name: str,
                                                                     content: str | bytes | None,
                                                                     reason: str) -> None:
    from tests.stages.articles.conftest import make_pdf

    config = write_config_text(tmp_path, MINIMAL_CONFIG)
    target = tmp_path / "articles" / name if content is None else tmp_path / name
    if content == "scan":
        target.write_bytes(make_pdf([[]]))
    elif isinstance(content, bytes):
        target.write_bytes(content)
    elif content != "missing" and content is not None:
        target.write_text(content, encoding="utf-8")
    before = config.read_bytes()
    result = add(config, str(target))
    assert result.exit_code == 1
    assert reason.format(dir=tmp_path) in result.output
    assert config.read_bytes() == before


def test_add_outside_the_folder_needs_copy_or_allow_outside(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    config = write_config_text(project, MINIMAL_CONFIG)
    page = tmp_path / "Downloads" / "news.html"
    page.parent.mkdir()
    shutil.copy(PAGES / "news.html", page)
    refused = add(config, str(page))
    assert refused.exit_code == 1
    assert (f"refused {page}: is outside the config's folder; pass --copy to copy it under data/articles/, "
            "or --allow-outside to list it where it is") in refused.output
    copied = add(config, str(page), "--copy")
    assert copied.exit_code == 0, copied.output
    assert (project / "data" / "articles" / "news.html").read_bytes() == page.read_bytes()
    assert "added data/articles/news.html" in copied.output
    # The copy is listed: the original is now a duplicate by content, wherever it is.
    assert "same content as data/articles/news.html" in add(config, str(page), "--allow-outside").output


def test_add_to_an_empty_config_starts_its_article_list(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("# articles to come\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("The treaty holds.\n", encoding="utf-8")
    result = add(tmp_path / "config.yaml", str(tmp_path / "a.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "config.yaml").read_text(encoding="utf-8") == "# articles to come\n\narticles:\n  - path: a.md\n"


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


def test_cli_export_by_outlet_and_by_a_declared_field(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "data" / "dashboard", corpus)
    config = str(corpus / "config.yaml")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--config", config]).exit_code == 0
    by_outlet = runner.invoke(cli, ["export", "--config", config, "--topic", "taiwan", "--by", "outlet"])
    assert by_outlet.exit_code == 0, by_outlet.output
    assert "# Taiwan: how the outlets treat it" in by_outlet.output and "## Pacific Review" in by_outlet.output
    assert "reunification, the stance of Xi Jinping, quoted by Pacific Review" in by_outlet.output
    csv = runner.invoke(cli, ["export", "--config", config, "--topic", "taiwan", "--by", "leaning", "--format", "csv"])
    assert csv.exit_code == 0 and csv.output.splitlines()[0].startswith("Leaning,article,")
    assert "hawkish" in csv.output and "dovish" in csv.output
    bad = runner.invoke(cli, ["export", "--config", config, "--topic", "taiwan", "--by", "leanings"])
    assert bad.exit_code == 1 and "choose one of: author, outlet, article, leaning" in bad.output
