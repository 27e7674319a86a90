"""A build with no ``sources:`` list finds the sources of six articles on another subject (a fishing-quota
dispute, written for these tests): the grammar of attribution, not the list, finds them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from perspectives.build.run import run_pipeline
from perspectives.config import load_config

CORPUS = Path(__file__).parents[2] / "data" / "sources_corpus"
EXPECTED: dict[str, list[dict[str, str]]] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    work = tmp_path_factory.mktemp("sources_corpus")
    shutil.copytree(CORPUS / "articles", work / "articles")
    config = {
        "output": "processed",
        "articles": [{"path": f"articles/{name}"} for name in sorted(EXPECTED)],
        "topics": [{"id": "quota", "label": "Quota", "rules": [{"kind": "terms", "terms": ["quota"]}]}],
        "sources": [],
    }
    (work / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    run_pipeline(load_config(work / "config.yaml"), workers=1)
    out = work / "processed"
    return (pd.read_parquet(out / "articles.parquet"), pd.read_parquet(out / "citations.parquet"),
            pd.read_parquet(out / "claims.parquet"))


@pytest.mark.parametrize("article", sorted(EXPECTED))
def test_a_build_without_a_list_finds_each_articles_sources(article: str, built) -> None:
    articles, citations, _ = built
    article_id = articles.loc[articles["path"].str.endswith(article), "article_id"].iloc[0]
    cited = citations[citations["article_id"] == article_id]
    assert set(cited["source"]) == {e["name"] for e in EXPECTED[article]}
    for expected in EXPECTED[article]:
        row = cited[cited["source"] == expected["name"]].iloc[0]
        for field, column in (("type", "source_type"), ("country", "country")):
            if field in expected:
                assert row[column] == expected[field], (expected["name"], field)
    assert not cited["known"].any()  # nothing came from a list


def test_the_authors_own_claims_stay_own_and_a_continued_quotation_is_attributed(built) -> None:
    _, _, claims = built
    voice = dict(zip(claims["text"], claims["voice"], strict=True))
    assert voice["I think the ministers should listen to their own scientists before the next season opens."] == "own"
    assert voice["Several hundred crew members marched through the harbour on Saturday morning."] == "own"
    assert voice['"Our scientists have been clear for three years."'] == "attributed"
    assert voice['"Every year of delay makes the recovery longer."'] == "attributed"
