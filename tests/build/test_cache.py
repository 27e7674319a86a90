"""The result cache: only changed articles are processed again, and a cached build equals a fresh one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from perspectives.build import cache, placement, store, work
from perspectives.build.run import run_pipeline
from perspectives.config import load_config
from perspectives.stages.stances import CompiledStance
from tests.build.conftest import assert_same_tables, build_tables

ARTICLES = {
    "a.md": "The treaty holds. Taiwan is discussed.\n",
    "b.md": "A pact was signed. Nothing else.\n",
    "c.md": "Taiwan again. The treaty expires.\n",
}


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Record every article read, and every (article, topic) placed (serial builds run in this process)."""
    seen: dict[str, list[str]] = {"read": [], "place": []}
    process, place = work.process_article, placement.place_topics

    def counting_process(entry, *args, **kwargs):
        seen["read"].append(entry.article_id)
        return process(entry, *args, **kwargs)

    def counting_place(claims, titles, placement, **kwargs):
        seen["place"] += [f"{aid}/{topic.id}" for aid in claims["article_id"].unique() for topic in placement.topics]
        return place(claims, titles, placement, **kwargs)

    monkeypatch.setattr(work, "process_article", counting_process)
    monkeypatch.setattr(placement, "place_topics", counting_place)
    return seen


def _fresh(path: Path) -> dict[str, pd.DataFrame]:
    """The tables of a build with no cache, into the same folder."""
    shutil.rmtree(load_config(path).output_dir)
    return build_tables(path)


def test_rebuild_reads_no_unchanged_article(write_config, calls) -> None:
    path = write_config(ARTICLES)
    first = build_tables(path)
    assert sorted(calls["read"]) == ["a", "b", "c"]
    calls["read"].clear()
    assert_same_tables(build_tables(path), first)
    assert calls["read"] == []


def test_only_the_edited_and_the_added_article_are_read(write_config, calls) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    calls["read"].clear()
    path = write_config({**ARTICLES, "b.md": "The pact lapsed. Taiwan spoke.\n", "d.md": "A new treaty.\n"})
    cached = build_tables(path)
    assert sorted(calls["read"]) == ["b", "d"]
    assert_same_tables(cached, _fresh(path))


def test_metadata_override_rereads_only_that_article(write_config, calls) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    calls["read"].clear()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["articles"][2]["author"] = "Ana Lopes"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    tables = build_tables(path)
    assert calls["read"] == ["c"]
    assert tables["articles"].set_index("article_id").loc["c", "author"] == "Ana Lopes"


def test_topic_rule_edit_redoes_only_topic_placement(write_config, calls) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    calls["read"].clear()
    calls["place"].clear()
    topics = [{"id": "treaty_status", "label": "Treaty status",
               "rules": [{"kind": "terms", "terms": ["treaty", "pact", "Taiwan"]}]}]
    path = write_config(ARTICLES, topics=topics)
    cached = build_tables(path)
    assert calls["read"] == []
    assert sorted(calls["place"]) == ["a/treaty_status", "b/treaty_status", "c/treaty_status"]
    assert set(cached["claim_topics"]["topic"]) == {"treaty_status"}
    assert_same_tables(cached, _fresh(path))


def test_terms_edit_tries_position_cues_only_on_claims_new_to_the_topic(write_config, monkeypatch) -> None:
    positions = [{"id": "holds", "rules": [{"kind": "terms", "terms": ["holds", "new"]}]},
                 {"id": "ends", "rules": [{"kind": "terms", "terms": ["expires", "lapsed"]}]}]
    narrow = [{"id": "treaty_status", "label": "Treaty status", "rules": [{"kind": "terms", "terms": ["treaty"]}],
               "positions": positions}]
    wide = [{**narrow[0], "rules": [{"kind": "terms", "terms": ["treaty", "pact"]}]}]
    articles = {**ARTICLES, "d.md": "The pact lapsed. A new treaty holds.\n"}
    build_tables(write_config(articles, topics=narrow))
    tried: list[str] = []
    evidence = CompiledStance.evidence

    def counting(self, sentences, i):
        tried.append(sentences.texts[i])
        return evidence(self, sentences, i)

    monkeypatch.setattr(CompiledStance, "evidence", counting)
    path = write_config(articles, topics=wide)
    cached = build_tables(path)
    assert sorted(set(tried)) == ["A pact was signed.", "The pact lapsed."]
    assert set(cached["claim_topics"]["position"].dropna()) == {"holds", "ends"}
    assert_same_tables(cached, _fresh(path))


def test_topic_label_edit_redoes_nothing(write_config, calls) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    calls["read"].clear()
    calls["place"].clear()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"][0]["label"] = "Treaty"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    build_tables(path)
    assert calls == {"read": [], "place": []}


def test_article_that_breaks_is_not_served_from_the_cache(write_config, calls) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    (path.parent / "articles" / "a.md").write_bytes(b"")
    report = run_pipeline(load_config(path), workers=1)
    assert [f["article_id"] for f in report["articles_failed"]] == ["a"]


def _overwrite_middle(file: Path) -> None:
    """Garbage over the middle of a file, its size kept: a data page no footer check can see."""
    data = bytearray(file.read_bytes())
    middle = len(data) // 2
    data[middle - 8:middle + 8] = b"\xff" * 16
    file.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [
    lambda root: (root / cache.POINTER).write_text("{not json", encoding="utf-8"),
    lambda root: next(root.glob("*/claims.parquet")).write_bytes(b"PAR1 garbage"),
    lambda root: shutil.rmtree(next(p for p in root.iterdir() if p.is_dir())),
    lambda root: _overwrite_middle(next(root.glob("*/articles.parquet"))),
    # The output's tables share their files with the cache: rewriting one in place rewrites the cached one.
    lambda root: pd.read_parquet(root.parent / "articles.parquet").iloc[:2].to_parquet(
        root.parent / "articles.parquet", index=False),
], ids=["pointer", "table", "generation", "page", "output table rewritten"])
@pytest.mark.parametrize("then", ["rebuild", "rule edit"])
def test_damaged_cache_is_ignored(write_config, calls, damage, then: str) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    damage(load_config(path).output_dir / cache.CACHE_DIR)
    if then == "rule edit":
        path = write_config(ARTICLES, topics=[{"id": "treaty_status", "label": "Treaty status",
                                               "rules": [{"kind": "terms", "terms": ["treaty", "Taiwan"]}]}])
    calls["read"].clear()
    built = build_tables(path)
    assert sorted(calls["read"]) == ["a", "b", "c"]
    assert_same_tables(built, _fresh(path))


def _generations(path: Path) -> list[Path]:
    return [p for p in (load_config(path).output_dir / cache.CACHE_DIR).iterdir() if p.is_dir()]


def test_one_cache_generation_is_kept_whatever_the_build(write_config, monkeypatch) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    assert len(_generations(path)) == 1
    path = write_config(ARTICLES, topics=[{"id": "taiwan", "label": "Taiwan",
                                           "rules": [{"kind": "terms", "terms": ["Taiwan", "pact"]}]}])
    build_tables(path)  # a rule edit: a new generation, the old one dropped
    assert len(_generations(path)) == 1
    build_tables(path)  # nothing changed: no new generation
    assert len(_generations(path)) == 1
    path = write_config({**ARTICLES, "d.md": "A new treaty.\n"})
    monkeypatch.setattr(store, "_stage_table", lambda *args: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        build_tables(path)
    monkeypatch.undo()
    build_tables(path)  # the generation the failed build saved is dropped by the next one
    assert len(_generations(path)) == 1


def _inode(out: Path, name: str) -> tuple[int, int]:
    """The inodes of a table's output file and of its file in the current cache generation."""
    generation = out / cache.CACHE_DIR / json.loads((out / cache.CACHE_DIR / cache.POINTER).read_text())["generation"]
    return (out / f"{name}.parquet").stat().st_ino, (generation / f"{name}.parquet").stat().st_ino


def test_tables_without_bookkeeping_are_written_once_and_shared_with_the_cache(write_config) -> None:
    path = write_config(ARTICLES)
    tables = build_tables(path)
    out = load_config(path).output_dir
    for name in ("articles", "claims", "citations"):
        output, cached = _inode(out, name)
        assert output == cached
    output, cached = _inode(out, "claim_topics")  # the cache keeps its article_id too
    assert output != cached
    assert_same_tables(_fresh(path), tables)


def test_a_rule_edit_writes_no_article_or_claim_again(write_config) -> None:
    path = write_config(ARTICLES)
    build_tables(path)
    out = load_config(path).output_dir
    before = [_inode(out, name) for name in ("articles", "claims")]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["topics"][0]["rules"] = [{"kind": "terms", "terms": ["pact"]}]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")  # the config alone: the articles keep their times
    edited = build_tables(path)
    assert [_inode(out, name) for name in ("articles", "claims")] == before
    assert_same_tables(edited, _fresh(path))


def test_a_rebuild_with_nothing_changed_writes_no_table_but_claim_topics(write_config) -> None:
    path = write_config(ARTICLES)
    tables = build_tables(path)
    out = load_config(path).output_dir
    before = {name: _inode(out, name)[0] for name in ("articles", "claims", "citations", "claim_topics")}
    assert_same_tables(build_tables(path), tables)
    after = {name: _inode(out, name)[0] for name in before}
    assert {name for name in before if after[name] == before[name]} == {"articles", "claims", "citations"}
    assert not list(out.glob(".*.tmp"))
