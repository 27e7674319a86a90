"""Selection: the tables every measure reads (derived columns, placed claims) and the sidebar's filters on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TypeAlias

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from perspectives.measures.groups import AUTHOR, add_group_columns, group_column

Tables = dict[str, pd.DataFrame]
# Per declared field, the values kept: ((field id, (value, ...)), ...), hashable so it can key a cache.
FieldFilter: TypeAlias = tuple[tuple[str, tuple[str, ...]], ...]

# What prepare_tables copies from each claim onto its claim_topics rows: counting placements by article or
# voice then needs no join with 300,000 claims.
CLAIM_COLUMNS = ("article_id", "voice")
UNCLASSIFIED = "unclassified"
UNKNOWN_COUNTRY = "unknown"
SOURCE_TYPES = ("media", "official", "expert", "document", UNCLASSIFIED)


@dataclass(frozen=True)
class Selection:
    """What the sidebar filters keep; an empty field keeps everything."""

    topics: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    source_types: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    outlets: tuple[str, ...] = ()
    fields: FieldFilter = ()

    @property
    def narrows_claims(self) -> bool:
        """Whether the selection drops claims inside the articles it keeps."""
        return bool(self.topics or self.source_types or self.text.strip())


def isin(column: pd.Series, values: Iterable[object]) -> pd.Series:
    """``column.isin(values)`` done in Arrow.

    pandas' Arrow-string ``isin`` builds a Python scalar per value, which takes seconds when the
    values are the ids of 300,000 claims; ``pyarrow.compute.is_in`` does the same in milliseconds.
    """
    haystack = _arrow_strings(pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values)
    # The values as they are: is_in hashes them once, and taking their distinct values first hashed them twice.
    # A missing value is never found, whatever the values hold.
    found = pc.is_in(_arrow_strings(column), value_set=haystack, skip_nulls=True)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=column.index, dtype=bool)


def index_of(column: pd.Series, keys: pd.Series) -> np.ndarray:
    """Each value's row among ``keys`` (the first, if repeated), -1 for a value not among them or missing.

    Arrow's ``index_in`` hashes the keys once; pandas' join of two string columns, or a pandas index of them,
    took ten times as long.
    """
    found = pc.index_in(_arrow_strings(column), value_set=_arrow_strings(keys))
    rows: np.ndarray = found.fill_null(-1).to_numpy(zero_copy_only=False)
    return rows


def with_articles(frame: pd.DataFrame, articles: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame.merge(articles[["article_id", *columns]], on="article_id")`` (articles have distinct ids): the rows
    of ``frame`` whose article is among ``articles``, in order, each with its article's ``columns``."""
    rows = index_of(frame["article_id"], articles["article_id"])
    kept = rows >= 0
    joined = (frame if kept.all() else frame[kept]).reset_index(drop=True)
    return joined.assign(**{column: pd.Series(articles[column].array.take(rows[kept]), index=joined.index)
                            for column in columns})


def _arrow_strings(column: pd.Series) -> pa.Array:
    return pa.array(column.astype("string[pyarrow]")).cast(pa.string())


def prepare_tables(tables: Tables, fields: tuple[str, ...] = ()) -> Tables:
    """Tables with the derived columns every view needs: each article's group labels (author, outlet, article
    and every field, the declared ``fields`` among them even when no article sets one), parsed date, source
    type label, and each placement's claim's article and voice (``CLAIM_COLUMNS``, see ``placed_rows``)."""
    articles = tables["articles"].copy()
    # Lists, not the columns: stepping through an Arrow-backed column costs a microsecond a value.
    articles["display_title"] = [t.strip() if isinstance(t, str) and t.strip() else PurePath(str(p)).name
                                 for t, p in zip(articles["title"].tolist(), articles["path"].tolist(), strict=True)]
    articles = add_group_columns(articles, fields)
    articles["published"] = pd.to_datetime(articles["date"], errors="coerce")
    citations = tables["citations"].copy()
    citations["type_label"] = citations["source_type"].fillna(UNCLASSIFIED).astype("string")
    citations["country_label"] = citations["country"].fillna(UNKNOWN_COUNTRY).astype("string")
    claims, placed = tables["claims"], tables["claim_topics"]
    rows = index_of(placed["claim_id"], claims["claim_id"])
    placed = placed.assign(**{column: pd.Series(claims[column].array.take(rows, allow_fill=True), index=placed.index)
                              for column in CLAIM_COLUMNS})
    return {**tables, "articles": articles, "citations": citations, "claim_topics": placed}


def placed_rows(tables: Tables) -> pd.DataFrame:
    """The claim_topics rows of claims the tables hold, with each claim's ``CLAIM_COLUMNS``: copied once by
    ``prepare_tables``, else joined from the claims now."""
    placed = tables["claim_topics"]
    if not set(CLAIM_COLUMNS) <= set(placed.columns):
        return placed.merge(tables["claims"][["claim_id", *CLAIM_COLUMNS]], on="claim_id")
    return placed[placed["article_id"].notna()] if placed["article_id"].hasnans else placed


def article_titles(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's ``display_title`` by id (from lists: stepping through an Arrow-backed column costs a
    microsecond a value)."""
    return dict(zip(articles["article_id"].tolist(), articles["display_title"].tolist(), strict=True))


def date_bounds(articles: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest publication date, or None when no article is dated."""
    dates = articles["published"].dropna()
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()


def apply_selection(tables: Tables, selection: Selection) -> Tables:
    """The four tables narrowed consistently to the selection (any other table, such as the claims' terms, is
    looked up by claim and passes unchanged).

    Article filters (author, article, date) keep whole articles; topic, source-type and text filters
    keep claims, and the claim-topic and citation rows follow the claims they belong to.
    """
    articles = _filter_articles(tables["articles"], selection)
    claims, placed, citations = tables["claims"], tables["claim_topics"], tables["citations"]
    # Masks over the whole tables, each table indexed once at the end: every filter of 300,000 claims copied their
    # texts again.
    keep = isin(claims["article_id"], articles["article_id"]).to_numpy()
    text = selection.text.strip()
    if text:
        found = np.zeros_like(keep)
        found[keep] = claims["text"][keep].str.contains(text, case=False, regex=False, na=False).to_numpy(dtype=bool)
        keep = found
    keep_placed = isin(placed["claim_id"], claims["claim_id"][keep]).to_numpy()
    if selection.topics:
        keep_placed = keep_placed & isin(placed["topic"], selection.topics).to_numpy()
        keep = keep & isin(claims["claim_id"], placed["claim_id"][keep_placed]).to_numpy()
    if selection.narrows_claims:
        keep_cited = isin(citations["claim_id"], claims["claim_id"][keep]).to_numpy()
    else:
        keep_cited = isin(citations["article_id"], articles["article_id"]).to_numpy()
    if selection.source_types:
        keep_cited = keep_cited & isin(citations["type_label"], selection.source_types).to_numpy()
        keep = keep & isin(claims["claim_id"], citations["claim_id"][keep_cited]).to_numpy()
        keep_placed = keep_placed & isin(placed["claim_id"], claims["claim_id"][keep]).to_numpy()
    return {**tables, "articles": articles, "claims": claims[keep], "claim_topics": placed[keep_placed],
            "citations": citations[keep_cited]}


def _filter_articles(articles: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    keep = pd.Series(True, index=articles.index)
    if selection.authors:
        keep &= isin(articles["author_label"], selection.authors)
    if selection.articles:
        keep &= isin(articles["article_id"], selection.articles)
    if selection.outlets:
        keep &= isin(articles["outlet_label"], selection.outlets)
    for field_id, values in selection.fields:
        column = group_column(field_id)
        if values and column in articles:
            keep &= isin(articles[column], values)
    # A date filter drops undated articles: they cannot be shown to fall inside the range.
    if selection.date_from is not None:
        keep &= articles["published"] >= pd.Timestamp(selection.date_from)
    if selection.date_to is not None:
        keep &= articles["published"] <= pd.Timestamp(selection.date_to)
    return articles[keep.fillna(False).astype(bool)]


def placed_claims(tables: Tables, by: str = AUTHOR) -> pd.DataFrame:
    """claim_id, topic, article_id, author_label, display_title and ``group`` (under ``by``) for every placed
    claim."""
    return with_articles(placed_rows(tables)[["claim_id", "topic", "article_id"]], with_group(tables["articles"], by),
                         ["author_label", "display_title", "group"])


def with_group(articles: pd.DataFrame, by: str) -> pd.DataFrame:
    """The articles with a ``group`` column: each one's group when comparing by ``by``."""
    return articles.assign(group=articles[group_column(by)])
