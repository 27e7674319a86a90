"""Loading: the first run builds, a changed config or article rebuilds (a session asks on a reload, and not on
every rerun), a broken config or build keeps the last good tables on screen with a message, never a traceback;
the claims' stored terms are read only when they cover every claim."""

import importlib
import sys

import yaml

from perspectives.build import plan, store
from perspectives.build import run as pipeline
from perspectives.measures.vocabulary import TERMS, term_rows
from perspectives.tables import conform
from perspectives.words import word_rows
from tests.conftest import ROOT
from tests.dashboard.conftest import app, assert_clean, headers, opened, page_html


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


def test_a_rule_edit_reads_only_the_placements_again(corpus, monkeypatch):
    """Edit a topic's terms, reload: the build rewrites only claim_topics, and the page reads only that table;
    the claims and articles on screen are the files the build left as they were."""
    app().run()
    read: list[str] = []
    read_table = store.read_table

    def counted(out_dir, name, columns=None):
        read.append(name)
        return read_table(out_dir, name, columns)

    monkeypatch.setattr(store, "read_table", counted)
    config = yaml.safe_load((corpus / "config.yaml").read_text(encoding="utf-8"))
    taiwan = next(t for t in config["topics"] if t["id"] == "taiwan")
    next(r for r in taiwan["rules"] if r["kind"] == "terms")["terms"].append("pipeline")
    (corpus / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    at = opened(view="claims", topic="taiwan")
    assert read == ["claim_topics"]
    assert "The new gas pipeline will change the map of Europe." in _claim_texts(at), "the new placements show"


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


def test_reruns_soon_after_a_fresh_check_do_not_ask_again(corpus, monkeypatch):
    at = app().run().run()  # the first build creates the output folder: the second run reloads the config
    asked = []
    is_stale = plan.is_stale
    monkeypatch.setattr(plan, "is_stale", lambda config: asked.append(1) or is_stale(config))
    monkeypatch.setattr(sys.modules["loading"], "RECHECK_SECONDS", 3600.0)
    at.multiselect(key="authors").set_value(["Alice Walker"]).run()
    at.run()
    assert_clean(at)
    assert asked == [], "a filter change or a rerun of an unchanged page does not stat every article"
    assert_clean(app().run())
    assert asked == [1], "a reload asks at once"


def test_an_article_edited_in_place_shows_on_a_reload_or_a_later_rerun(corpus, monkeypatch):
    at = app().run().run()
    monkeypatch.setattr(sys.modules["loading"], "RECHECK_SECONDS", 3600.0)
    walker = corpus / "articles" / "walker-trade.md"
    walker.write_text(walker.read_text(encoding="utf-8").replace("farmers first", "fishermen first"),
                      encoding="utf-8")
    fresh = opened(view="claims")
    assert "fishermen first" in _claim_texts(fresh)
    monkeypatch.setattr(sys.modules["loading"], "RECHECK_SECONDS", 0.0)
    walker.write_text(walker.read_text(encoding="utf-8").replace("fishermen first", "miners first"),
                      encoding="utf-8")
    at.radio(key="view").set_value("claims").run()
    assert_clean(at)
    assert "miners first" in _claim_texts(at), "once trust runs out, the same session notices too"


def _claim_texts(at) -> str:
    return " ".join(str(v) for frame in at.dataframe for v in frame.value["text"])


def test_stored_terms_load_when_they_cover_every_claim(corpus, monkeypatch):
    app().run()
    monkeypatch.syspath_prepend(str(ROOT / "dashboard"))
    loading = importlib.import_module("loading")
    out = corpus / "processed"
    claims = store.read_table(out, "claims")
    words = conform("claim_words", word_rows(claims))
    words.to_parquet(out / "claim_words.parquet", index=False)
    terms = loading.load_terms(str(out))
    stored, tokenised = term_rows({TERMS: terms}, claims), term_rows({}, claims)
    assert stored.words(stored.term) == tokenised.words(tokenised.term) and len(stored.term) > 20
    assert stored.count.tolist() == tokenised.count.tolist() and stored.claim.tolist() == tokenised.claim.tolist()
    words.head(3).to_parquet(out / "claim_words.parquet", index=False)
    assert loading.load_terms(str(out)) is None, "rows for other claims: tokenise instead"
    (out / "claim_words.parquet").unlink()
    assert loading.load_terms(str(out)) is None, "a build from before the table"
