"""Sources: who cites whom (by author, outlet, article or a field's value), each claim's cited sources, citations
by category, shared sources, every citation."""

from __future__ import annotations

import pandas as pd

from perspectives.measures.groups import AUTHOR
from perspectives.measures.selection import Tables, isin, with_articles, with_group


def claim_sources(citations: pd.DataFrame) -> dict[str, tuple[tuple[str, bool], ...]]:
    """Per claim id, its cited sources as unique ``(name, recognised)`` pairs in citation order."""
    # A plain loop: a groupby with a Python aggregate is ~100x slower at 100,000 citations.
    grouped: dict[str, dict[tuple[str, bool], None]] = {}
    known = citations["known"].fillna(False).astype(bool)
    for cid, name, ok in zip(citations["claim_id"], citations["source"], known, strict=True):
        if isinstance(cid, str):
            grouped.setdefault(cid, {})[(str(name), bool(ok))] = None
    return {cid: tuple(pairs) for cid, pairs in grouped.items()}


def source_names(pairs: tuple[tuple[str, bool], ...]) -> str:
    """Sources as one readable string, unrecognised ones said to be so."""
    return ", ".join(name if known else f"{name} (unrecognised)" for name, known in pairs)


def _cited(tables: Tables, by: str) -> pd.DataFrame:
    """The citations, each with its article's ``group`` under ``by``."""
    return with_articles(tables["citations"], with_group(tables["articles"], by), ["group"])


def source_matrix(tables: Tables, *, by: str = AUTHOR) -> pd.DataFrame:
    """Citations per group and source: group, source, type, known, citations."""
    counts = _cited(tables, by).groupby(["group", "source", "type_label", "known"])["citation_id"].count()
    counts = counts.rename("citations").reset_index()
    return counts.rename(columns={"type_label": "type"})


def citations_by(tables: Tables, column: str, *, by: str = AUTHOR, top: int | None = None) -> pd.DataFrame:
    """Citations per group and category (``type_label`` or ``country_label``); beyond ``top``, 'other'."""
    cited = _cited(tables, by)
    category = cited[column].astype(str)
    if top is not None:
        keep = category.value_counts().index[:top]
        category = category.where(isin(category, keep), "other")
    frame = pd.DataFrame({"group": cited["group"], "category": category})
    return frame.groupby(["group", "category"]).size().rename("citations").reset_index()


def shared_sources(tables: Tables, *, by: str = AUTHOR, min_groups: int = 2) -> pd.DataFrame:
    """Sources cited by at least ``min_groups`` groups, with who cites them and how often."""
    grouped = _cited(tables, by).groupby("source").agg(
        type=("type_label", "first"), country=("country_label", "first"),
        groups=("group", "nunique"), citations=("citation_id", "count"),
        cited_by=("group", lambda s: ", ".join(sorted(s.unique()))))
    grouped = grouped[grouped["groups"] >= min_groups]
    return grouped.sort_values(["groups", "citations"], ascending=False, kind="stable").reset_index()


def citation_rows(tables: Tables) -> pd.DataFrame:
    """Every citation with its sentence and article, unrecognised sources flagged."""
    citations, claims = tables["citations"], tables["claims"]
    # The cited claims' texts only: a join with all 300,000 claims cost forty times a page of citations' own work.
    texts = claims.loc[isin(claims["claim_id"], citations["claim_id"]), ["claim_id", "text"]]
    cited = with_articles(citations.merge(texts, on="claim_id", how="left"), tables["articles"],
                          ["display_title", "author_label", "outlet_label"])
    cited["recognised"] = cited["known"].fillna(False).astype(bool)
    return cited.rename(columns={"display_title": "article", "author_label": "author", "text": "sentence",
                                 "type_label": "type", "country_label": "country_name", "outlet_label": "outlet"})[
        ["sentence", "source", "recognised", "type", "country_name", "cue", "article", "author", "outlet"]
    ].rename(columns={"country_name": "country"})
