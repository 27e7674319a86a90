"""Analysis stage: the dashboard's filters and cross-author measures as pure pandas functions.

Every function takes tables (a dict of DataFrames as ``store.read_tables`` returns them, after
``prepare_tables``) and returns new frames; nothing here mutates its input or knows about Streamlit,
so each measure is testable on a handful of hand-made rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from perspectives.config import CooccurRule, PatternRule, Rule, TermsRule
from perspectives.rules import terms as patterns

Tables = dict[str, pd.DataFrame]

UNCLASSIFIED = "unclassified"
UNKNOWN_COUNTRY = "unknown"
TIE = "tie"
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

    @property
    def narrows_claims(self) -> bool:
        """Whether the selection drops claims inside the articles it keeps."""
        return bool(self.topics or self.source_types or self.text.strip())


class Segment(NamedTuple):
    """A run of article text: plain (no claim) or one claim with its topics, cited sources and the
    positions it takes, as ``(topic, position)`` pairs."""

    text: str
    claim_id: str | None
    topics: tuple[str, ...]
    sources: tuple[tuple[str, bool], ...]
    positions: tuple[tuple[str, str], ...] = ()


def isin(column: pd.Series, values: Iterable[object]) -> pd.Series:
    """``column.isin(values)`` done in Arrow.

    pandas' Arrow-string ``isin`` builds a Python scalar per value, which takes seconds when the
    values are the ids of 300,000 claims; ``pyarrow.compute.is_in`` does the same in milliseconds.
    """
    haystack = pc.drop_null(_arrow_strings(pd.Series(values, dtype=object)
                                           if not isinstance(values, pd.Series) else values).unique())
    needles = _arrow_strings(column)
    found = pc.is_in(needles, value_set=haystack).fill_null(False)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=column.index, dtype=bool)


def _arrow_strings(column: pd.Series) -> pa.Array:
    return pa.array(column.astype("string[pyarrow]")).cast(pa.string())


def author_label(author: object, title: object, path: object) -> str:
    """The author's name, or "Unattributed — <title or file name>" so a missing byline is never blank."""
    if isinstance(author, str) and author.strip():
        return author.strip()
    if isinstance(title, str) and title.strip():
        name = title.strip()
    else:
        name = PurePath(path).name if isinstance(path, str) and path else "untitled"
    return f"Unattributed — {name}"


def prepare_tables(tables: Tables) -> Tables:
    """Tables with the derived columns every view needs: author label, parsed date, source type label."""
    articles = tables["articles"].copy()
    articles["author_label"] = [author_label(a, t, p) for a, t, p in
                                zip(articles["author"], articles["title"], articles["path"], strict=True)]
    articles["display_title"] = [t.strip() if isinstance(t, str) and t.strip() else PurePath(str(p)).name
                                 for t, p in zip(articles["title"], articles["path"], strict=True)]
    articles["published"] = pd.to_datetime(articles["date"], errors="coerce")
    citations = tables["citations"].copy()
    citations["type_label"] = citations["source_type"].fillna(UNCLASSIFIED).astype("string")
    citations["country_label"] = citations["country"].fillna(UNKNOWN_COUNTRY).astype("string")
    return {**tables, "articles": articles, "citations": citations}


def date_bounds(articles: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest publication date, or None when no article is dated."""
    dates = articles["published"].dropna()
    if dates.empty:
        return None
    return dates.min().date(), dates.max().date()


def apply_selection(tables: Tables, selection: Selection) -> Tables:
    """The four tables narrowed consistently to the selection.

    Article filters (author, article, date) keep whole articles; topic, source-type and text filters
    keep claims, and the claim-topic and citation rows follow the claims they belong to.
    """
    articles = _filter_articles(tables["articles"], selection)
    claims = tables["claims"][isin(tables["claims"]["article_id"], articles["article_id"])]
    text = selection.text.strip()
    if text:
        claims = claims[claims["text"].str.contains(text, case=False, regex=False, na=False)]
    claim_topics = tables["claim_topics"][isin(tables["claim_topics"]["claim_id"], claims["claim_id"])]
    if selection.topics:
        claim_topics = claim_topics[isin(claim_topics["topic"], selection.topics)]
        claims = claims[isin(claims["claim_id"], claim_topics["claim_id"])]
    citations = tables["citations"]
    if selection.narrows_claims:
        citations = citations[isin(citations["claim_id"], claims["claim_id"])]
    else:
        citations = citations[isin(citations["article_id"], articles["article_id"])]
    if selection.source_types:
        citations = citations[isin(citations["type_label"], selection.source_types)]
        claims = claims[isin(claims["claim_id"], citations["claim_id"])]
        claim_topics = claim_topics[isin(claim_topics["claim_id"], claims["claim_id"])]
    return {"articles": articles, "claims": claims, "claim_topics": claim_topics, "citations": citations}


def _filter_articles(articles: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    keep = pd.Series(True, index=articles.index)
    if selection.authors:
        keep &= isin(articles["author_label"], selection.authors)
    if selection.articles:
        keep &= isin(articles["article_id"], selection.articles)
    # A date filter drops undated articles: they cannot be shown to fall inside the range.
    if selection.date_from is not None:
        keep &= articles["published"] >= pd.Timestamp(selection.date_from)
    if selection.date_to is not None:
        keep &= articles["published"] <= pd.Timestamp(selection.date_to)
    return articles[keep.fillna(False).astype(bool)]


def headline(tables: Tables) -> dict[str, int]:
    """Headline counts: articles, authors, claims placed in a topic, distinct sources cited."""
    return {
        "articles": len(tables["articles"]),
        "authors": tables["articles"]["author_label"].nunique(),
        "claims placed": tables["claim_topics"]["claim_id"].nunique(),
        "sources": tables["citations"]["source"].nunique(),
    }


def _claim_authors(tables: Tables) -> pd.DataFrame:
    """claim_id, topic, article_id, author_label for every placed claim."""
    placed = tables["claim_topics"][["claim_id", "topic"]].merge(
        tables["claims"][["claim_id", "article_id"]], on="claim_id")
    return placed.merge(tables["articles"][["article_id", "author_label", "display_title"]], on="article_id")


def coverage(tables: Tables, topics: pd.DataFrame) -> pd.DataFrame:
    """Every author x topic: claims on the topic, the author's claims in all, and the share.

    The share's denominator is the author's whole text (``n_claims``), so a topic filter does not
    inflate it; an author with no claims on a topic gets an explicit zero row.
    """
    counts = _claim_authors(tables).groupby(["author_label", "topic"])["claim_id"].nunique()
    totals = tables["articles"].groupby("author_label")["n_claims"].sum()
    grid = pd.MultiIndex.from_product([totals.index, topics["topic"]], names=["author_label", "topic"])
    frame = counts.reindex(grid, fill_value=0).rename("claims").reset_index()
    frame["total"] = frame["author_label"].map(totals).astype("int64")
    frame["share"] = (frame["claims"] / frame["total"].where(frame["total"] > 0)).fillna(0.0)
    frame = frame.merge(topics[["topic", "label"]], on="topic")
    frame = frame.rename(columns={"author_label": "author"})
    return frame[["topic", "label", "author", "claims", "total", "share"]]


def top_authors(coverage_frame: pd.DataFrame, limit: int) -> list[str]:
    """The authors with the most placed claims, most first, at most ``limit``."""
    ranked = coverage_frame.groupby("author")["claims"].sum().sort_values(ascending=False, kind="stable")
    return list(ranked.index[:limit])


def topics_per_article(tables: Tables, topics: pd.DataFrame) -> pd.DataFrame:
    """Claims per topic per article: article_id, article (title), author, topic, label, claims."""
    placed = _claim_authors(tables)
    counts = (placed.groupby(["article_id", "display_title", "author_label", "topic"])["claim_id"].nunique()
              .rename("claims").reset_index())
    counts = counts.merge(topics[["topic", "label"]], on="topic")
    return counts.rename(columns={"display_title": "article", "author_label": "author"})


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


def compare_headers(tables: Tables, topic: str, *, by_article: bool) -> pd.DataFrame:
    """One row per column of the Compare view: group, heading, subheading, claims, total, share.

    Every author (or article) in the selection gets a row, even with no claims on the topic,
    because saying nothing on a topic is itself a finding.
    """
    articles = tables["articles"]
    on_topic = _claim_authors(tables)
    on_topic = on_topic[on_topic["topic"] == topic]
    key = "article_id" if by_article else "author_label"
    counts = on_topic.groupby(key)["claim_id"].nunique()
    groups = articles.groupby(key, sort=False).agg(
        total=("n_claims", "sum"), first=("published", "min"), n_articles=("article_id", "nunique"),
        heading=("display_title" if by_article else "author_label", "first"),
        subheading=("author_label" if by_article else "outlet", "first"))
    groups["claims"] = counts.reindex(groups.index, fill_value=0).astype("int64")
    groups["share"] = (groups["claims"] / groups["total"].where(groups["total"] > 0)).fillna(0.0)
    if not by_article:
        groups["subheading"] = [f"{n} articles" if n > 1 else "1 article" for n in groups["n_articles"]]
    groups = groups.sort_values(["claims", "heading"], ascending=[False, True], kind="stable")
    groups = groups.rename_axis("group").reset_index()
    return groups[["group", "heading", "subheading", "claims", "total", "share"]]


def compare_claims(tables: Tables, topic: str, *, by_article: bool, groups: Sequence[str] | None = None,
                   per_group: int | None = None) -> pd.DataFrame:
    """The claims on one topic, each with its group, article, voice and sources, in article order.

    ``groups`` keeps only those groups and ``per_group`` only each group's first claims: the Compare view
    shows a dozen columns of a hundred-odd claims, and looking up the sources of the rest (tens of
    thousands on a big topic) is most of the cost.
    """
    placed = tables["claim_topics"].loc[tables["claim_topics"]["topic"] == topic, ["claim_id", "position"]]
    claims = tables["claims"][isin(tables["claims"]["claim_id"], placed["claim_id"])]
    claims = claims.merge(tables["articles"][["article_id", "author_label", "display_title", "published"]],
                          on="article_id").merge(placed.drop_duplicates("claim_id"), on="claim_id", how="left")
    claims["group"] = claims["article_id"] if by_article else claims["author_label"]
    if groups is not None:
        claims = claims[isin(claims["group"], groups)]
    claims = claims.sort_values(["group", "published", "article_id", "position_in_article"],
                                na_position="last", kind="stable")
    if per_group is not None:
        claims = claims.groupby("group", sort=False).head(per_group)
    citations = tables["citations"]
    sources = claim_sources(citations[isin(citations["claim_id"], claims["claim_id"])])
    claims["sources"] = [sources.get(cid, ()) for cid in claims["claim_id"]]
    return claims[["group", "claim_id", "article_id", "display_title", "position_in_article", "text",
                   "voice", "quote", "sources", "position"]].reset_index(drop=True)


def source_matrix(tables: Tables) -> pd.DataFrame:
    """Citations per author and source: author, source, type, known, citations."""
    cited = tables["citations"].merge(tables["articles"][["article_id", "author_label"]], on="article_id")
    counts = cited.groupby(["author_label", "source", "type_label", "known"])["citation_id"].count()
    counts = counts.rename("citations").reset_index()
    return counts.rename(columns={"author_label": "author", "type_label": "type"})


def citations_by(tables: Tables, column: str, *, top: int | None = None) -> pd.DataFrame:
    """Citations per author and category (``type_label`` or ``country_label``); beyond ``top``, 'other'."""
    cited = tables["citations"].merge(tables["articles"][["article_id", "author_label"]], on="article_id")
    category = cited[column].astype(str)
    if top is not None:
        keep = category.value_counts().index[:top]
        category = category.where(isin(category, keep), "other")
    frame = pd.DataFrame({"author": cited["author_label"], "category": category})
    return frame.groupby(["author", "category"]).size().rename("citations").reset_index()


def shared_sources(tables: Tables, *, min_authors: int = 2) -> pd.DataFrame:
    """Sources cited by at least ``min_authors`` authors, with who cites them and how often."""
    cited = tables["citations"].merge(tables["articles"][["article_id", "author_label"]], on="article_id")
    grouped = cited.groupby("source").agg(
        type=("type_label", "first"), country=("country_label", "first"),
        authors=("author_label", "nunique"), citations=("citation_id", "count"),
        cited_by=("author_label", lambda s: ", ".join(sorted(s.unique()))))
    grouped = grouped[grouped["authors"] >= min_authors]
    return grouped.sort_values(["authors", "citations"], ascending=False, kind="stable").reset_index()


def citation_rows(tables: Tables) -> pd.DataFrame:
    """Every citation with its sentence and article, unrecognised sources flagged."""
    cited = tables["citations"].merge(tables["claims"][["claim_id", "text"]], on="claim_id", how="left")
    cited = cited.merge(tables["articles"][["article_id", "display_title", "author_label"]], on="article_id")
    cited["recognised"] = cited["known"].fillna(False).astype(bool)
    return cited.rename(columns={"display_title": "article", "author_label": "author", "text": "sentence",
                                 "type_label": "type", "country_label": "country_name"})[
        ["source", "recognised", "type", "country_name", "cue", "sentence", "article", "author"]
    ].rename(columns={"country_name": "country"})


def claims_table(tables: Tables, claims: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """The given claims as readable rows: article, author, topics, voice, sources, text."""
    labels = dict(zip(topics["topic"], topics["label"], strict=True))
    placed = tables["claim_topics"][isin(tables["claim_topics"]["claim_id"], claims["claim_id"])]
    topic_text: dict[str, list[str]] = {}
    for cid, topic in zip(placed["claim_id"], placed["topic"], strict=True):
        topic_text.setdefault(cid, []).append(str(labels.get(topic, topic)))
    sources = claim_sources(tables["citations"][isin(tables["citations"]["claim_id"], claims["claim_id"])])
    rows = claims.merge(tables["articles"][["article_id", "display_title", "author_label"]], on="article_id")
    return pd.DataFrame({
        "article": rows["display_title"], "author": rows["author_label"],
        "topics": ["; ".join(topic_text.get(cid, ())) for cid in rows["claim_id"]], "voice": rows["voice"],
        "sources": [source_names(sources.get(cid, ())) for cid in rows["claim_id"]], "text": rows["text"],
    })


def topic_profile(tables: Tables, article_id: str, topics: pd.DataFrame) -> pd.DataFrame:
    """Claims per topic in one article: topic, label, claims (topics with none left out)."""
    ids = tables["claims"].loc[tables["claims"]["article_id"] == article_id, "claim_id"]
    placed = tables["claim_topics"][isin(tables["claim_topics"]["claim_id"], ids)]
    counts = placed.groupby("topic")["claim_id"].nunique().rename("claims")
    return topics[["topic", "label"]].merge(counts, left_on="topic", right_index=True)


def article_segments(body: str, claims: pd.DataFrame, claim_topics: pd.DataFrame,
                     citations: pd.DataFrame, topic_order: list[str]) -> list[Segment]:
    """The body cut into plain runs and claims, so each claim can be highlighted at its offsets.

    Topics are listed in ``topic_order`` (config order), so the first one names the highlight colour
    the same way in every article. Overlapping or out-of-range offsets are skipped, never trusted.
    """
    rank = {topic: i for i, topic in enumerate(topic_order)}
    ordered = claim_topics.assign(rank=claim_topics["topic"].map(rank).fillna(len(rank))).sort_values(
        "rank", kind="stable")
    topics_of = {cid: tuple(group) for cid, group in ordered.groupby("claim_id")["topic"]}
    taken = ordered[ordered["position"].notna()]
    positions_of: dict[str, tuple[tuple[str, str], ...]] = {}
    for cid, topic, position in zip(taken["claim_id"], taken["topic"], taken["position"], strict=True):
        positions_of[cid] = (*positions_of.get(cid, ()), (str(topic), str(position)))
    sources_of = claim_sources(citations)
    segments: list[Segment] = []
    cursor = 0
    for row in claims.sort_values("start", kind="stable").itertuples(index=False):
        start, end = int(row.start), int(row.end)
        if start < cursor or end > len(body) or end <= start:
            continue
        if start > cursor:
            segments.append(Segment(body[cursor:start], None, (), ()))
        segments.append(Segment(body[start:end], str(row.claim_id), topics_of.get(row.claim_id, ()),
                                sources_of.get(row.claim_id, ()), positions_of.get(row.claim_id, ())))
        cursor = end
    if cursor < len(body):
        segments.append(Segment(body[cursor:], None, (), ()))
    return segments


def page_of(frame: pd.DataFrame, page: int, size: int) -> pd.DataFrame:
    """Rows of one 1-based page; a page past the end gives the last page."""
    pages = page_count(len(frame), size)
    page = min(max(page, 1), pages)
    return frame.iloc[(page - 1) * size: page * size]


def page_count(rows: int, size: int) -> int:
    """How many pages of ``size`` rows hold ``rows`` rows (at least one, so an empty table has a page)."""
    return max(1, -(-rows // size))


def dominant_positions(tables: Tables, topics: pd.DataFrame) -> pd.DataFrame:
    """Per author and topic they cover: claims, claims taking a position, every position's count and the
    dominant one (missing when no claim takes a position; ``TIE`` when the top positions tie).

    The Overview's positions chart reads it, so one glance tells who leans which way on what.
    """
    placed = tables["claim_topics"][["claim_id", "topic", "position"]].merge(
        tables["claims"][["claim_id", "article_id"]], on="claim_id").merge(
        tables["articles"][["article_id", "author_label"]], on="article_id")
    keys = ["author_label", "topic"]
    claims = placed.groupby(keys, sort=True)["claim_id"].nunique()
    # Counted in one groupby rather than a value_counts per author and topic (seconds at 5,000 articles);
    # sort=False plus a stable sort keeps value_counts' order: most first, ties in order of appearance.
    counts = (placed[placed["position"].notna()].groupby([*keys, "position"], sort=False).size()
              .rename("n").reset_index().sort_values("n", ascending=False, kind="stable"))
    mixes: dict[tuple[str, str], dict[str, int]] = {}
    for author, topic, position, n in zip(counts["author_label"], counts["topic"], counts["position"],
                                          counts["n"], strict=True):
        mixes.setdefault((author, topic), {})[str(position)] = int(n)
    rows = []
    for (author, topic), n_claims in claims.items():
        mix = mixes.get((author, topic), {})
        top = [p for p, n in mix.items() if n == max(mix.values())]
        rows.append({"author": author, "topic": topic, "claims": int(n_claims), "positioned": sum(mix.values()),
                     "mix": mix, "dominant": None if not top else top[0] if len(top) == 1 else TIE})
    frame = pd.DataFrame(rows, columns=["author", "topic", "claims", "positioned", "mix", "dominant"])
    return frame.merge(topics[["topic", "label"]], on="topic")


def rule_hits(rules: Iterable[Rule], hits: pd.DataFrame) -> pd.DataFrame:
    """Every term of a topic's rules with the claims its wordings placed (``hits`` is
    ``contrast.term_hits``: matched wording -> claims); a term at 0 is one the rules never use.

    The evidence holds the matched wording ("treaties", "nato's"), so each configured term is
    matched against those wordings with the same term syntax the build uses.
    """
    rows = []
    for number, rule in enumerate(rules, start=1):
        for part, term in rule_terms(rule):
            matcher: patterns.Matcher = (patterns.compile_pattern(term) if isinstance(rule, PatternRule)
                                         else patterns.compile_terms([term.lower()]))
            claims = sum(int(n) for wording, n in zip(hits["term"], hits["claims"], strict=True)
                         if matcher.spans(wording) == [(0, len(wording))])
            rows.append({"rule": f"{number}. {rule.kind}{part}", "term": term, "claims": claims})
    return pd.DataFrame(rows, columns=["rule", "term", "claims"])


def rule_terms(rule: Rule) -> list[tuple[str, str]]:
    """(group label, term) for every term of a rule; a pattern is its own single term."""
    if isinstance(rule, TermsRule):
        return [("", term) for term in rule.terms]
    if isinstance(rule, CooccurRule):
        return [(f", group {i}", term) for i, group in enumerate(rule.groups, start=1) for term in group]
    return [("", rule.pattern)]
