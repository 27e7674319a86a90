"""What a build must redo: staleness from the config, the articles and the code; the code version's modules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from perspectives.build import cache, plan, store, work
from perspectives.build.plan import is_stale
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.tables import TABLES

GOOD = "The treaty holds. Taiwan is discussed.\n"


def test_staleness_follows_config_and_articles(write_config) -> None:
    path = write_config({"a.md": GOOD})
    config = load_config(path)
    assert is_stale(config)
    run_pipeline(config)
    assert not is_stale(config)
    (path.parent / "articles" / "a.md").write_text(GOOD + "More text.\n", encoding="utf-8")
    assert is_stale(config)


def test_a_display_edit_is_no_reason_to_build_and_a_rule_edit_is(write_config) -> None:
    path = write_config({"a.md": GOOD})
    run_pipeline(load_config(path))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"][0].update(label="Treaty", color="#112233", description="Whether the treaty holds.")
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert not is_stale(load_config(path))
    data["topics"][0]["rules"][0]["terms"].append("accord")
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert is_stale(load_config(path))


def test_a_build_by_other_code_is_stale(write_config) -> None:
    config = load_config(write_config({"a.md": GOOD}))
    run_pipeline(config)
    report = store.read_report(config.output_dir)
    report["fingerprint"]["code"] = "an older version"
    store.write_json(config.output_dir / store.REPORT_FILE, report)
    assert is_stale(config)


def test_code_version_covers_the_build_modules_only() -> None:
    root = Path(plan.__file__).resolve().parents[1]
    names = {path.relative_to(root).as_posix() for path in plan.build_modules()}
    assert {"build/run.py", "stages/articles/reader.py", "stages/topics.py", "rules/terms.py", "build/store.py",
            "stages/__init__.py", "__init__.py"} <= names
    assert not any(name.startswith(("measures/", "present/")) for name in names)


def test_a_file_is_hashed_only_when_its_size_or_time_changed(write_config, monkeypatch) -> None:
    path = write_config({"a.md": GOOD, "b.md": "The treaty lapses.\n"})
    run_pipeline(load_config(path))
    hashed: list[str] = []
    read: list[str] = []
    content_hash, process = plan.content_hash, work.process_article
    monkeypatch.setattr(plan, "content_hash", lambda file: hashed.append(file.name) or content_hash(file))
    monkeypatch.setattr(work, "process_article",
                        lambda entry, *args, **kwargs: read.append(entry.path) or process(entry, *args, **kwargs))

    run_pipeline(load_config(path))
    assert (hashed, read) == ([], [])

    article = path.parent / "articles" / "a.md"
    os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns + 10**9))  # touched, same bytes
    run_pipeline(load_config(path))
    assert (hashed, read) == (["a.md"], [])

    hashed.clear()
    run_pipeline(load_config(path))
    assert (hashed, read) == ([], [])  # the new time was kept with the cached rows

    article.write_text(GOOD.replace("holds", "binds"), encoding="utf-8")  # same size, a new time
    run_pipeline(load_config(path))
    assert read == ["articles/a.md"]


def test_an_article_edited_while_the_build_reads_it_leaves_the_build_stale(write_config, monkeypatch) -> None:
    path = write_config({"a.md": GOOD})
    article = path.parent / "articles" / "a.md"
    process = work.process_article

    def edited_meanwhile(entry, *args, **kwargs):
        result = process(entry, *args, **kwargs)
        article.write_text(GOOD + "Added while the build ran.\n", encoding="utf-8")
        return result

    monkeypatch.setattr(work, "process_article", edited_meanwhile)
    run_pipeline(load_config(path), workers=1)
    assert is_stale(load_config(path))


def _reverse_topics(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"].reverse()
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _reverse_articles(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["articles"].reverse()
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _touch_articles(path: Path) -> None:
    for file in (path.parent / "articles").iterdir():
        os.utime(file, ns=(file.stat().st_atime_ns, file.stat().st_mtime_ns + 10**9))


def _edit_rule(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"][0]["rules"][0]["terms"].append("accord")
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


ALL_TABLES = frozenset(TABLES)


@pytest.mark.parametrize(("change", "unchanged", "recache"), [
    (lambda path: None, ALL_TABLES, False),
    (_touch_articles, ALL_TABLES, True),  # only the stats, kept in the bookkeeping, are renewed
    (_edit_rule, ALL_TABLES - {"claim_topics"}, True),
    (_reverse_topics, ALL_TABLES - {"claim_topics"}, True),
    (_reverse_articles, frozenset(), True),
], ids=["nothing", "files touched", "rule edited", "topics reordered", "articles reordered"])
def test_the_plan_names_the_tables_left_as_cached_and_whether_the_cache_changes(
        write_config, change, unchanged: frozenset[str], recache: bool) -> None:
    path = write_config({"a.md": GOOD, "b.md": "A pact was signed.\n"})
    run_pipeline(load_config(path))
    change(path)
    config = load_config(path)
    previous = cache.ResultCache.load(config.output_dir)
    planned = plan.plan_build(config, plan.Keys.from_config(config), previous.articles(), previous.topic_keys)
    assert (planned.unchanged, planned.recache) == (unchanged, recache)
    run_pipeline(config)  # saved again when it changed, so the next plan leaves everything as cached
    again = cache.ResultCache.load(config.output_dir)
    following = plan.plan_build(config, plan.Keys.from_config(config), again.articles(), again.topic_keys)
    assert (following.unchanged, following.recache) == (ALL_TABLES, False)


def test_without_a_cache_nothing_is_left_as_cached(write_config) -> None:
    config = load_config(write_config({"a.md": GOOD}))
    planned = plan.plan_build(config, plan.Keys.from_config(config), None, {})
    assert (planned.read, planned.unchanged, planned.recache) == ([0], frozenset(), True)
