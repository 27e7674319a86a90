"""Loading: the first run builds, a changed config or article rebuilds, a broken config or build keeps the
last good tables on screen with a message, never a traceback."""

import yaml

from perspectives.build import run as pipeline
from tests.dashboard.conftest import app, assert_clean, headers, page_html


def test_first_run_builds_the_tables(corpus):
    at = app().run()
    assert_clean(at)
    assert (corpus / "processed" / "claims.parquet").exists()


def test_broken_config_shows_message_and_keeps_tables(corpus):
    at = app().run()
    (corpus / "config.yaml").write_text("output: processed\ntopics:\n  - id: taiwan\n    labl: Taiwan\n",
                                       encoding="utf-8")
    at.run()
    assert not at.exception
    assert "has problems" in at.error[0].value and "unknown key" in at.error[0].value
    assert "Alice Walker" in page_html(at), "the last good tables stay visible"
    fresh = app().run()
    assert fresh.error and "Alice Walker" in page_html(fresh), "a new session finds them too"


def test_added_article_appears_without_a_command(corpus):
    at = app().run()
    (corpus / "articles" / "new.md").write_text(
        "---\ntitle: Fresh Eyes\nauthor: Dana Fox\ndate: 2023-05-01\n---\nTaiwan is calm today.\n",
        encoding="utf-8")
    config = yaml.safe_load((corpus / "config.yaml").read_text(encoding="utf-8"))
    config["articles"].append({"path": "articles/new.md"})
    (corpus / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    at.run()
    assert_clean(at)
    assert any("Dana Fox" in h for h in headers(at))


def test_failed_build_shows_error_not_traceback(corpus, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "run_pipeline", boom)
    at = app().run()
    assert not at.exception
    assert "disk full" in at.error[0].value
    assert "perspectives build" in at.info[0].value


def test_missing_article_is_skipped_with_a_warning_keeping_its_rows(corpus):
    at = app().run()
    assert any("Alice Walker" in h for h in headers(at))
    walker = next(p for p in (corpus / "articles").iterdir() if p.name.startswith("walker"))
    walker.unlink()
    at.run()
    assert not at.exception and not at.error, "a missing article is no config error: the rest still show"
    report = at.expander[0].label + " ".join(c.value for c in at.code)
    assert f"articles/{walker.name}: no such file; skipped" in report
    assert "kept the previous build's rows" in report
    assert any("Alice Walker" in h for h in headers(at)), "its rows from the last build stay"
