"""Hand-made tables for the measure tests: three articles by two authors, and a few authors taking positions."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from perspectives.measures.selection import Tables, prepare_tables
from perspectives.present.styles import topic_styles
from perspectives.tables import conform

BODY_A1 = "Taiwan matters. Trade grows. Reuters says the strait is calm."
BODY_A2 = "Taiwan again."
BODY_B = "Nothing on the island here. Only trade."


def _claims(article_id: str, body: str, sentences: list[str]) -> list[dict[str, Any]]:
    rows, cursor = [], 0
    for i, text in enumerate(sentences):
        start = body.index(text, cursor)
        rows.append({"claim_id": f"{article_id}:{i}", "article_id": article_id, "paragraph": 0,
                     "position_in_article": i, "text": text, "start": start, "end": start + len(text),
                     "voice": "attributed" if "says" in text else "own"})
        cursor = start + len(text)
    return rows


@pytest.fixture
def tables() -> Tables:
    """Ann's two articles and an unattributed one, with topics and three citations (one unrecognised)."""
    articles = conform("articles", [
        {"article_id": "a1", "title": "First", "author": "Ann", "date": "2023-01-01", "path": "a1.md",
         "n_claims": 3, "n_words": 10, "body": BODY_A1, "outlet": "Herald"},
        {"article_id": "a2", "title": "Second", "author": "Ann", "date": "2023-02-01", "path": "a2.md",
         "n_claims": 1, "n_words": 2, "body": BODY_A2},
        {"article_id": "b", "title": None, "author": None, "date": None, "path": "dir/b.txt",
         "n_claims": 2, "n_words": 8, "body": BODY_B},
    ])
    claims = conform("claims", [
        *_claims("a1", BODY_A1, ["Taiwan matters.", "Trade grows.", "Reuters says the strait is calm."]),
        *_claims("a2", BODY_A2, ["Taiwan again."]),
        *_claims("b", BODY_B, ["Nothing on the island here.", "Only trade."]),
    ])
    claim_topics = conform("claim_topics", [
        {"claim_id": "a1:0", "topic": "taiwan"}, {"claim_id": "a1:1", "topic": "trade"},
        {"claim_id": "a1:2", "topic": "taiwan"}, {"claim_id": "a1:2", "topic": "trade"},
        {"claim_id": "a2:0", "topic": "taiwan"}, {"claim_id": "b:1", "topic": "trade"},
    ])
    citations = conform("citations", [
        {"citation_id": "c1", "article_id": "a1", "claim_id": "a1:2", "source": "Reuters",
         "source_type": "media", "country": "United Kingdom", "cue": "says", "surface": "Reuters",
         "known": True},
        {"citation_id": "c2", "article_id": "a1", "claim_id": "a1:2", "source": "Lowy Institute",
         "source_type": None, "country": None, "cue": "says", "surface": "Lowy", "known": False},
        {"citation_id": "c3", "article_id": "b", "claim_id": "b:1", "source": "Reuters",
         "source_type": "media", "country": "United Kingdom", "cue": "per", "surface": "Reuters",
         "known": True},
    ])
    return prepare_tables({"articles": articles, "claims": claims, "claim_topics": claim_topics,
                           "citations": citations})


@pytest.fixture
def topics() -> pd.DataFrame:
    return topic_styles([("taiwan", "Taiwan", "#d62728"), ("trade", "Trade", None)])


def placed_with(tables: Tables, column: str, values: dict[tuple[str, str], str]) -> Tables:
    """The fixture tables with ``{(claim_id, topic): value}`` filled in claim_topics' ``column`` (a position,
    or the context that placed the claim)."""
    placed = tables["claim_topics"].copy()
    placed[column] = [values.get((c, t)) for c, t in zip(placed["claim_id"], placed["topic"], strict=True)]
    return {**tables, "claim_topics": conform("claim_topics", placed.to_dict("records"))}


def positioned_tables(rows: list[tuple[str, str, str, str | None, str]]) -> Tables:
    """Tables from (claim_id, author, topic, position, text) rows, one article per author."""
    articles = [{"article_id": a, "author": a, "title": f"By {a}", "path": f"{a}.md", "n_claims": 1,
                 "n_words": 5}
                for a in sorted({r[1] for r in rows})]
    claims = [{"claim_id": cid, "article_id": a, "paragraph": 0, "position_in_article": i, "text": text,
               "start": 0, "end": len(text), "voice": "own", "certainty": 0.0}
              for i, (cid, a, _, _, text) in enumerate(rows)]
    placed = [{"claim_id": cid, "topic": t, "position": p, "evidence": "x", "position_evidence": p}
              for cid, _, t, p, _ in rows if t]
    cites = [{"citation_id": "c1", "article_id": "ann", "claim_id": "a1", "source": "TASS", "known": True}]
    return prepare_tables({"articles": conform("articles", articles),
                           "claims": conform("claims", claims),
                           "claim_topics": conform("claim_topics", placed),
                           "citations": conform("citations", cites)})


# Ann and Bob disagree on "mil" (toward an alliance vs short of one); Bob and Cat write on "econ".
POSITIONED = positioned_tables([
    ("a1", "ann", "mil", "toward", "A de facto military alliance is forming."),
    ("a2", "ann", "mil", None, "Joint patrols continue."),
    ("b1", "bob", "mil", "short", "There is no need for a formal military alliance."),
    ("b2", "bob", "econ", None, "Gas flows through the pipeline."),
    ("c1", "cat", "econ", "unequal", "The pipeline deal is lopsided."),
])


def _reported_tables() -> Tables:
    """Ann holds "short" in her own voice; Bob only quotes Lavrov holding "toward"."""
    tables = positioned_tables([
        ("a1", "ann", "mil", "short", "There is no need for a formal military alliance."),
        ("b1", "bob", "mil", "toward", "Lavrov said a de facto military alliance is forming."),
    ])
    claims = tables["claims"].assign(voice=["own", "attributed"])
    cites = conform("citations", [{"citation_id": "c9", "article_id": "bob", "claim_id": "b1",
                                   "source": "Sergei Lavrov", "known": True}])
    return prepare_tables({**tables, "claims": claims, "citations": cites})


# Ann holds "short" in her own voice; Bob only quotes Lavrov holding "toward".
REPORTED = _reported_tables()
