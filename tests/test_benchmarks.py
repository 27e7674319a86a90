"""The benchmark's own logic: the floor's reading of term lists and its sentences, the judging of targets and
the tables it prints. Nothing here times anything."""

from __future__ import annotations

import sys

import pyarrow as pa
import pyarrow.compute as pc
import pytest
import yaml

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import floor  # noqa: E402 - benchmarks/ is not a package
import measure  # noqa: E402
import report  # noqa: E402


def _matches(pattern: str, text: str) -> bool:
    return bool(pc.match_substring_regex(pa.array([text]), pattern)[0].as_py())


@pytest.mark.parametrize("terms, text, expected", [
    (["treaty"], "Both signed the treaty.", True),
    (["treaty"], "Two treaties were signed.", True),
    (["treaty"], "A treatymaker spoke.", False),
    (["extend"], "They extended it.", True),
    (["mutual defence"], "a mutual\n  defence pact", True),
    (["Mutual Defence"], "MUTUAL DEFENCE", True),
    (["US"], "Join us today.", False),
    (["US"], "The US said no.", True),
    (["U.S."], "The U.S. said no.", True),
    (["formalis*"], "They formalised it.", True),
    (["'accord'"], "An Accord was reached.", True),
    (["'accord'"], "Several accords were reached.", False),
    (["pact", "entente"], "An entente cordiale.", True),
])
def test_term_pattern_reads_terms_as_the_rule_language_does(terms, text, expected):
    assert _matches(floor.term_pattern(terms), text) is expected


CONFIG = {
    "topics": [{
        "id": "trade", "label": "Trade",
        "rules": [{"kind": "terms", "terms": ["tariff"]},
                  {"kind": "cooccur", "groups": [["export"], ["grain", "oil"]]},
                  {"kind": "pattern", "pattern": r"\bduty[- ]free\b"}],
        "exclude": [{"kind": "terms", "terms": ["trade wind"]}],
        "context": [{"within": "article", "cues": [{"kind": "terms", "terms": ["customs"]}]}],
        "positions": [{"id": "open", "rules": [{"kind": "near", "groups": [["lower"], ["tariff"]], "words": 3}],
                       "exclude": [{"kind": "terms", "terms": ["never"]}]}],
    }],
    "certainty": {"hedges": ["may"], "boosters": ["clearly"]},
    "continuation": {"openers": ["It", "This"]},
    "sources": [{"name": "Trade Council", "aliases": ["TC"], "type": "official"}],
}


def test_term_lists_finds_every_list_a_build_matches():
    assert floor.term_lists(CONFIG) == {
        "topics.trade.rules.0.terms": ["tariff"],
        "topics.trade.rules.1.groups.0": ["export"],
        "topics.trade.rules.1.groups.1": ["grain", "oil"],
        "topics.trade.exclude.0.terms": ["trade wind"],
        "topics.trade.context.0.cues.0.terms": ["customs"],
        "topics.trade.positions.open.rules.0.groups.0": ["lower"],
        "topics.trade.positions.open.rules.0.groups.1": ["tariff"],
        "topics.trade.positions.open.exclude.0.terms": ["never"],
        "certainty.hedges": ["may"],
        "certainty.boosters": ["clearly"],
        "sources": ["Trade Council", "TC"],
    }


def test_patterns_add_pattern_rules_and_openers_at_a_sentence_start():
    found = floor.patterns(CONFIG)
    assert _matches(found["topics.trade.rules.2.pattern"], "Goods enter DUTY-FREE.")
    assert _matches(found["continuation.openers"], "This was new.")
    assert not _matches(found["continuation.openers"], "So this was new.")


def test_the_shipped_config_compiles_to_re2():
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    lists = floor.patterns(config)
    assert len(lists) > 20
    floor.match_lists(pa.table({"text": ["A treaty."]}), lists)  # RE2 raises on a pattern it cannot compile


def test_split_sentences_numbers_sentences_within_each_article():
    texts = pa.array(["---\ntitle: One\n---\n\nFirst one. “Second,” she said!\n\nThird para\n",
                      "Alone?"])
    sentences = floor.split_sentences(texts).to_pylist()
    assert sentences == [
        {"article": 0, "index": 0, "text": "First one."},
        {"article": 0, "index": 1, "text": "“Second,” she said!"},
        {"article": 0, "index": 2, "text": "Third para"},
        {"article": 1, "index": 0, "text": "Alone?"},
    ]


def test_hits_name_the_sentence_and_the_list():
    sentences = pa.table({"text": ["A tariff on grain.", "Nothing here.", "Export oil."]})
    found = floor.hits(floor.match_lists(sentences, {"tariff": r"\btariff", "oil": r"\boil|\bgrain"}))
    assert sorted(zip(found["sentence"].to_pylist(), found["list"].to_pylist(), strict=True)) == [
        (0, 0), (0, 1), (2, 1)]


def test_run_floor_writes_its_tables(tmp_path):
    (tmp_path / "a.md").write_text("The tariff rose. It may fall.\n", encoding="utf-8")
    config = dict(CONFIG, articles=[{"path": "a.md"}])
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = floor.run_floor(tmp_path / "config.yaml", tmp_path / "out", threads=1)
    assert set(result["parts"]) == {"read", "split", "match", "write"}
    assert (result["articles"], result["sentences"], result["lists"]) == (1, 2, 13)
    assert {f.name for f in (tmp_path / "out").iterdir()} == {"sentences.parquet", "hits.parquet"}


def _row(articles: int, **figures):
    return {"articles": articles, "cold_s": 1.0, **figures}


def test_judge_holds_at_the_limit_and_fails_past_it():
    checks = {c["target"]: c for c in report.judge([_row(5000, cold_s=10.0, add_one_s=1.01)])}
    assert checks["cold build (CLI, fresh process)"]["holds"] is True
    assert checks["+ 1 article (CLI)"]["holds"] is False
    assert checks["one topic's terms edited (CLI)"]["holds"] is None  # not measured


def test_judge_every_view_and_the_reverted_tables():
    views = {"compare": {"first_s": 1.4, "filter_s": 0.6}, "contrast": {"first_s": 2.0, "filter_s": 0.1}}
    checks = {c["target"]: c["holds"] for c in report.judge([_row(5000, revert_equal=False,
                                                                  dashboard={"views": views})])}
    assert checks["the reverted tables equal the cold tables"] is False
    assert checks["dashboard first render, compare"] is True
    assert checks["dashboard first render, contrast"] is False
    assert checks["dashboard one filter change, compare"] is False
    assert checks["dashboard one filter change, contrast"] is True


@pytest.mark.parametrize("cold_at_5000, holds", [(55.0, True), (55.1, False)])
def test_growth_allows_55_times_for_50_times_the_articles(cold_at_5000, holds):
    check = report.judge([_row(100, cold_s=1.0), _row(5000, cold_s=cold_at_5000)])[-1]
    assert check["target"] == "linear growth: time at 5,000 ≤ 55× the time at 100"
    assert check["holds"] is holds


def test_targets_table_says_holds_or_no():
    table = report.targets_table(report.judge([_row(5000, cold_s=12.0, cold_rss_mb=900.0)]))
    assert "| cold build (CLI, fresh process) | ≤ 10 s | 12.00 s | NO |" in table
    assert "| peak RSS of the process tree, cold build | ≤ 1,024 MB | 900 MB | holds |" in table
    assert "| + 1 article (CLI) | ≤ 1 s | – | – |" in table


def _markdown(rows):
    machine = {"cpu": "x", "cores": 2, "memory_gib": 8, "python": "3.11"}
    return report.markdown({"sizes": rows, "targets": report.judge(rows), "machine": machine})


def test_markdown_says_where_targets_were_judged_and_what_was_not_measured():
    text = _markdown([_row(100, claims=6000), _row(1000, claims=60000, revert_equal=True)])
    assert "| claims | 6,000 | 60,000 |" in text
    assert "| reverted tables = cold tables | – | yes |" in text
    assert "(dashboard not measured)" in text
    assert "judged at 1,000 articles (the issue sets them at 5,000)" in text


def test_run_process_returns_output_and_raises_with_stderr_on_failure():
    run = measure.run_process(["-c", "print('done')"])
    assert run.stdout == "done\n" and run.peak_rss_mb > 0
    with pytest.raises(RuntimeError, match="boom"):
        measure.run_process(["-c", "import sys; sys.exit('boom')"])


def test_markdown_warns_when_other_work_shared_the_machine():
    assert "load average reached 5.5 on 2 cores" in _markdown([_row(100, load_before=1.0, load_after=5.5)])
    assert "WARNING" not in _markdown([_row(100, load_before=1.0, load_after=1.5)])
