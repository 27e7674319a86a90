"""The build: tables per the contract, broken articles skipped, earlier results kept."""

from __future__ import annotations

import pandas as pd

from perspectives.build import store
from perspectives.build.run import run_pipeline
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


def test_declared_fields_reach_the_articles_table_config_over_front_matter(write_config) -> None:
    path = write_config({"a.md": "---\nleaning: left\ngenre: op-ed\n---\n" + GOOD,
                         "b.md": "---\nleaning: far\n---\n" + GOOD, "c.md": GOOD},
                        fields=[{"id": "leaning", "values": ["left", "right"]}, {"id": "genre"}])
    text = path.read_text(encoding="utf-8").replace("path: articles/c.md", "path: articles/c.md\n  fields:\n"
                                                    "    leaning: right")
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    report = run_pipeline(config)
    articles = store.read_tables(config.output_dir)["articles"].set_index("article_id")
    assert articles.loc["a", "fields"] == '{"leaning": "left", "genre": "op-ed"}'
    assert pd.isna(articles.loc["b", "fields"]), "a value the field does not allow is left out"
    assert articles.loc["c", "fields"] == '{"leaning": "right"}'
    assert "articles/b.md: front matter leaning 'far' is not one of left, right; ignored" in report["warnings"]


def test_a_front_matter_list_where_a_field_value_belongs_is_left_out_with_a_warning(write_config) -> None:
    path = write_config({"a.md": "---\nleaning: [left, right]\n---\nThe treaty holds.\n"},
                        fields=[{"id": "leaning"}])
    report = run_pipeline(load_config(path))
    assert "articles/a.md: front matter leaning is a list or mapping, not a value; ignored" in report["warnings"]
