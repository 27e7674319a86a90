"""Article view: one article as a reader sees it, claims highlighted in topic colours (by their own words or by
context), citations marked, and on request the site furniture the build dropped from it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import streamlit as st

import cached
import markup
import state
from perspectives.measures import article as measures
from perspectives.measures.groups import group_column
from perspectives.measures.selection import isin
from perspectives.present import charts

# Claims highlighted per part: a book-length article is drawn a part at a time, never as one huge page.
PART_CLAIMS = 300


def render(scope: cached.Scope, topics: pd.DataFrame, positions: pd.DataFrame,
           body_of: Callable[[str], str], dropped_of: Callable[[str], str], *, warnings: Sequence[str] = (),
           fields: Mapping[str, str] | None = None) -> None:
    """Draw the Article view for one article of the filtered set; ``positions`` styles the position chips,
    ``body_of`` reads an article's text and ``dropped_of`` its dropped furniture as JSON (the tables leave
    both out: they are as large as the corpus); ``warnings`` are the build's, of which this article's are shown
    above it, and ``fields`` the declared fields (id -> label), shown with its metadata."""
    tables = scope.tables
    articles = tables["articles"]
    if articles.empty:
        st.info("No articles match these filters.")
        return
    # Lists, not the columns: stepping through an Arrow-backed column costs a microsecond a value.
    titles = {aid: " · ".join(v for v in (str(title), str(author), outlet if isinstance(outlet, str) else "",
                                          date if isinstance(date, str) else "") if v)
              for aid, title, author, outlet, date in zip(*(articles[c].tolist() for c in (
                  "article_id", "display_title", "author_label", "outlet", "date")), strict=True)}
    article_id = state.choose_one(st.selectbox, state.ARTICLE, titles, what="the article", label="Article")
    article = articles.set_index("article_id").loc[article_id]
    mine = [w.removeprefix(f"{article['path']}: ") for w in warnings if w.startswith(f"{article['path']}: ")]
    for warning in mine:
        st.warning(f"Reading this article: {warning}", icon=":material/warning:")
    text_col, side_col = st.columns([2, 1], gap="large")
    with side_col:
        st.html(markup.metadata_table({
            "Author": article["author"] if isinstance(article["author"], str) else "no byline",
            "Date": article["date"], "Outlet": article["outlet"],
            "Original publisher": article["original_publisher"],
            **{label: article.get(group_column(fid)) for fid, label in (fields or {}).items()},
            "File": article["path"], "Claims": str(article["n_claims"]), "Words": str(article["n_words"]),
        }, article["url"]))
        _dropped(article_id, dropped_of)
        profile = scope.aggregate(measures.topic_profile, article_id, topics)
        if profile.empty:
            st.caption("No claims of this article fall in a topic (with these filters).")
        else:
            st.altair_chart(charts.profile_bars(profile, topics), width="stretch")
    with text_col:
        st.html(markup.heading(str(article["display_title"])))
        st.html(markup.topic_legend(topics))
        claims = tables["claims"][tables["claims"]["article_id"] == article_id]
        citations = tables["citations"][tables["citations"]["article_id"] == article_id]
        claim_topics = tables["claim_topics"][isin(tables["claim_topics"]["claim_id"], claims["claim_id"])]
        segments = measures.article_segments(body_of(article_id), claims, claim_topics, citations,
                                             list(topics["topic"]))
        colors = dict(zip(topics["topic"], topics["color"], strict=True))
        labels = dict(zip(topics["topic"], topics["label"], strict=True))
        st.html(markup.article_text(_part(segments), colors, labels, positions))


def _dropped(article_id: str, dropped_of: Callable[[str], str]) -> None:
    """The "Show dropped text" toggle and, when on, what the build removed from the body and why: a check on
    the cleaning, since a line dropped by mistake is a claim the tables never see."""
    if st.toggle("Show dropped text", key=state.SHOW_DROPPED, bind="query-params",
                 help="Site furniture removed from this article's text (captions, credits, links…), with the reason."):
        st.html(markup.dropped_text(measures.dropped_furniture(dropped_of(article_id))))


def _part(segments: list[measures.Segment]) -> list[measures.Segment]:
    """The segments of one part of ``PART_CLAIMS`` claims, with a part picker when the article has several."""
    starts = [i for i, seg in enumerate(segments) if seg.claim_id][::PART_CLAIMS]
    if len(starts) <= 1:
        return segments
    part = min(st.pagination(len(starts), key=state.ARTICLE_PART), len(starts))  # an earlier, longer article's part
    st.caption(f"A long article: part {part} of {len(starts)}, {PART_CLAIMS} claims a part.")
    begin = 0 if part == 1 else starts[part - 1]
    end = starts[part] if part < len(starts) else len(segments)
    return segments[begin:end]
