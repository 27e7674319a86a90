"""Tables: contract columns and dtypes, claim ids that round-trip, and the row builders' columns."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from perspectives.records import Article, ArticleResult, Claim, TopicHit
from perspectives.tables import (
    BOOKKEEPING,
    TABLES,
    article_rows,
    claim_article,
    claim_id,
    claim_rows,
    conform,
    to_arrow,
    topic_rows,
    written_form,
)
from perspectives.words import word_rows

BODY = "The treaty holds. Taiwan may be discussed."
RESULT = ArticleResult(
    article=Article(article_id="tass-2021.11", path="articles/tass.md", body=BODY, title="Treaty", author="Ann Lee",
                    content_hash="abc", dropped=(("Photo: TASS", "caption"),)),
    claims=(Claim(0, 0, 0, 17, "The treaty holds."),
            Claim(1, 0, 18, len(BODY), "Taiwan may be discussed.", voice="own", hedges=("may",), certainty=-1.0)))


def test_conform_orders_columns_and_fills_missing_ones() -> None:
    frame = conform("claim_topics", [{"topic": "t", "claim_id": "a:0001"}])
    assert list(frame.columns) == list(TABLES["claim_topics"])
    assert frame.loc[0, "claim_id"] == "a:0001" and frame["position"].isna().all()


def test_claim_ids_round_trip_and_sort_in_article_order() -> None:
    indexes = [0, 2, 10, 999, 12345]
    ids = [claim_id("tass-2021.11", i) for i in indexes]
    assert ids[:2] == ["tass-2021.11:0000", "tass-2021.11:0002"]
    assert claim_article(pd.Series(ids)).tolist() == ["tass-2021.11"] * len(indexes)   # an id may hold dots
    assert sorted(ids[:4]) == ids[:4]  # zero-padded: "…:0002" sorts before "…:0010"


def test_claim_rows_have_the_contract_columns_and_point_into_the_body() -> None:
    claims = claim_rows([RESULT])
    assert claims.dtypes.astype(str).to_dict() == TABLES["claims"]
    assert claims["claim_id"].tolist() == ["tass-2021.11:0000", "tass-2021.11:0001"]
    assert [int(cid.rsplit(":", 1)[1]) for cid in claims["claim_id"]] == claims["position_in_article"].tolist()
    assert all(BODY[s:e] == t for s, e, t in zip(claims["start"], claims["end"], claims["text"], strict=True))
    assert claims["hedges"].tolist() == ["", "may"] and claims["certainty"].tolist() == [0.0, -1.0]


def test_article_rows_count_claims_and_words_and_keep_the_dropped_furniture() -> None:
    articles = article_rows([RESULT])
    assert articles.dtypes.astype(str).to_dict() == TABLES["articles"]
    row = articles.iloc[0]
    assert (row["n_claims"], row["n_words"], row["author"]) == (2, 7, "Ann Lee")
    assert json.loads(row["dropped"]) == [{"text": "Photo: TASS", "reason": "caption"}]
    assert pd.isna(row["date"])


def test_topic_rows_name_the_claim_of_each_hit_and_keep_its_article() -> None:
    claims = claim_rows([RESULT])
    rows = topic_rows(claims, [TopicHit(1, "taiwan", ("Taiwan",), stance="toward", stance_evidence=("may",))])
    assert list(rows.columns) == list(TABLES["claim_topics"]) + list(BOOKKEEPING["claim_topics"])
    assert rows.iloc[0].to_dict() == {
        "claim_id": "tass-2021.11:0001", "topic": "taiwan", "position": "toward", "evidence": "Taiwan",
        "position_evidence": "may", "context": None, "article_id": "tass-2021.11"}
    assert topic_rows(claims, []).empty


def _written_and_read(name: str, frame: pd.DataFrame, tmp_path: Path) -> pd.DataFrame:
    """A table through the build's Arrow form to a Parquet file, and back as the dashboard reads it."""
    file = tmp_path / f"{name}.parquet"
    extra = {c: dtype for c, dtype in BOOKKEEPING.get(name, {}).items() if c in frame}  # a row builder's rows have it
    pq.write_table(written_form(name, to_arrow(name, frame, extra)), file)
    return pd.read_parquet(file)


@pytest.mark.parametrize(("name", "rows"), [
    ("claims", claim_rows([RESULT])),
    ("articles", article_rows([RESULT])),
    ("claim_topics", topic_rows(claim_rows([RESULT]), [TopicHit(1, "taiwan", ("Taiwan",), context="lead")])),
    ("claim_words", word_rows(claim_rows([RESULT]))),
    *((name, conform(name, [])) for name in TABLES),  # no rows: types come from the contract, not the values
])
def test_arrow_form_reads_back_as_the_typed_rows(name: str, rows: pd.DataFrame, tmp_path: Path) -> None:
    read = _written_and_read(name, rows, tmp_path)
    assert read.dtypes.astype(str).to_dict() == {c: str(rows[c].dtype) for c in TABLES[name]}
    pd.testing.assert_frame_equal(read.map(_plain), conform(name, rows).map(_plain))


@pytest.mark.parametrize("name", ["claims", "claim_words"])
def test_arrow_forms_of_any_chunks_concatenate(name: str) -> None:
    full = {"claims": claim_rows([RESULT]), "claim_words": word_rows(claim_rows([RESULT]))}[name]
    chunks = [to_arrow(name, part) for part in (full.head(1), conform(name, []), full.tail(1))]
    assert pa.concat_tables(chunks).equals(to_arrow(name, full))


def _plain(value: object) -> object:
    """A cell comparable by value: a list column's arrays as lists."""
    return list(value) if isinstance(value, list | np.ndarray) else value
