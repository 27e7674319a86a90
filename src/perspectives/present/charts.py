"""Charts: Altair builders for the dashboard, DataFrame in and ``alt.Chart`` out, never drawing anything.

This is the only package module that imports Altair, so the pipeline runs without a UI stack; colours
come from ``styles``, so every chart and highlight shows a topic or position alike.
"""

from __future__ import annotations

from typing import TypeVar

import altair as alt
import pandas as pd

from perspectives.measures.overview import TIE
from perspectives.present.styles import position_style

NO_POSITION, NO_POSITION_COLOR = "No position taken", "#eeeeee"
SPLIT, SPLIT_COLOR = "Split evenly", "#bab0ac"
FONT_SIZE, TITLE_SIZE, LABEL_LIMIT = 12, 13, 260
HEATMAP_SELECTION = "cell"
# Discrete axes size by step, not a fixed height: with Streamlit's "fit" autosize a fixed height also
# has to hold titles, axes and legends, and a short chart's plot area collapses to nothing.
ROW_STEP = alt.Step(26)
ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)


def topic_scale(styles: pd.DataFrame) -> alt.Scale:
    """A colour scale mapping topic labels to their colours, identical in every chart."""
    return alt.Scale(domain=list(styles["label"]), range=list(styles["color"]))


def _styled(chart: ChartT) -> ChartT:
    """The shared look: one set of font sizes and label limits for every chart."""
    styled: ChartT = chart.configure_axis(labelFontSize=FONT_SIZE, titleFontSize=TITLE_SIZE,
                                          labelLimit=LABEL_LIMIT)
    legend: ChartT = styled.configure_legend(labelFontSize=FONT_SIZE, titleFontSize=TITLE_SIZE,
                                             labelLimit=LABEL_LIMIT)
    return legend


def _legend(value_format: str = "") -> alt.Legend:
    """A horizontal legend under the chart, so it never needs more height than a short chart has."""
    if value_format:
        return alt.Legend(orient="bottom", direction="horizontal", format=value_format)
    return alt.Legend(orient="bottom", direction="horizontal")


def coverage_heatmap(coverage: pd.DataFrame, topic_order: list[str]) -> alt.LayerChart:
    """Topic x author heatmap of the share of each author's claims, count and share in the tooltip.

    Clicking a cell selects it (a point selection named ``cell`` on the topic id and author), which the
    dashboard turns into "open Compare on this topic and author".
    """
    cell = alt.selection_point(name=HEATMAP_SELECTION, fields=["topic", "author"], on="click",
                               clear="dblclick")
    base = alt.Chart(coverage).encode(
        x=alt.X("label:N", title="Topic", sort=topic_order, axis=alt.Axis(labelAngle=-30, orient="top")),
        y=alt.Y("author:N", title="Author", sort="ascending"),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=1, cursor="pointer").encode(
        color=alt.Color("share:Q", title="Share of author's claims", scale=alt.Scale(scheme="blues"),
                        legend=_legend(".0%")),
        opacity=alt.condition(cell, alt.value(1.0), alt.value(0.45)),
        tooltip=[alt.Tooltip("author:N", title="Author"), alt.Tooltip("label:N", title="Topic"),
                 alt.Tooltip("claims:Q", title="Claims"), alt.Tooltip("share:Q", title="Share", format=".1%"),
                 alt.Tooltip("total:Q", title="Author's claims")],
    ).add_params(cell)
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("claims:Q"),
        color=alt.condition("datum.share > 0.25", alt.value("white"), alt.value("#333333")),
    )
    layered = alt.LayerChart(layer=[rect, text], title="Topic coverage: share of each author's claims",
                             height=ROW_STEP)
    return _styled(layered)


def topic_bars(counts: pd.DataFrame, styles: pd.DataFrame) -> alt.Chart:
    """Horizontal bars of claims per topic per article, stacked and coloured by topic."""
    chart: alt.Chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("article:N", title="Article", sort="-x"),
        x=alt.X("sum(claims):Q", title="Claims placed in a topic"),
        color=alt.Color("label:N", title="Topic", scale=topic_scale(styles), legend=_legend()),
        order=alt.Order("label:N"),
        tooltip=[alt.Tooltip("article:N", title="Article"), alt.Tooltip("author:N", title="Author"),
                 alt.Tooltip("label:N", title="Topic"), alt.Tooltip("claims:Q", title="Claims")],
    ).properties(title="Claims per topic in each article", height=ROW_STEP)
    return _styled(chart)


def profile_bars(profile: pd.DataFrame, styles: pd.DataFrame) -> alt.Chart:
    """One article's topic profile: claims per topic, each bar in its topic colour."""
    chart: alt.Chart = alt.Chart(profile).mark_bar().encode(
        y=alt.Y("label:N", title="Topic", sort=list(styles["label"])),
        x=alt.X("claims:Q", title="Claims"),
        color=alt.Color("label:N", title="Topic", scale=topic_scale(styles), legend=None),
        tooltip=[alt.Tooltip("label:N", title="Topic"), alt.Tooltip("claims:Q", title="Claims")],
    ).properties(title="Topic profile", height=ROW_STEP)
    return _styled(chart)


def source_matrix_chart(matrix: pd.DataFrame) -> alt.LayerChart:
    """Author x source grid of citation counts; unrecognised sources get a hollow, dashed cell."""
    base = alt.Chart(matrix).encode(
        x=alt.X("source:N", title="Source", axis=alt.Axis(labelAngle=-40, orient="top")),
        y=alt.Y("author:N", title="Author"),
    )
    rect = base.mark_rect(stroke="#888888").encode(
        color=alt.Color("citations:Q", title="Citations", scale=alt.Scale(scheme="oranges"),
                        legend=_legend()),
        strokeDash=alt.condition("datum.known", alt.value([1, 0]), alt.value([3, 2])),
        tooltip=[alt.Tooltip("author:N", title="Author"), alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("type:N", title="Type"), alt.Tooltip("known:N", title="Recognised"),
                 alt.Tooltip("citations:Q", title="Citations")],
    )
    text = base.mark_text(fontSize=11).encode(text=alt.Text("citations:Q"))
    return _styled(alt.LayerChart(layer=[rect, text], title="Who cites whom", height=ROW_STEP))


def stacked_citations(counts: pd.DataFrame, *, category_title: str, colors: dict[str, str] | None = None
                      ) -> alt.Chart:
    """Each author's citations as one bar stacked by category (source type or country)."""
    scale = (alt.Scale(domain=list(colors), range=list(colors.values())) if colors
             else alt.Scale(scheme="tableau20"))
    chart: alt.Chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("author:N", title="Author", sort="-x"),
        x=alt.X("sum(citations):Q", title="Citations"),
        color=alt.Color("category:N", title=category_title, scale=scale, legend=_legend()),
        tooltip=[alt.Tooltip("author:N", title="Author"), alt.Tooltip("category:N", title=category_title),
                 alt.Tooltip("citations:Q", title="Citations")],
    ).properties(title=f"Citations by {category_title.lower()}", height=ROW_STEP)
    return _styled(chart)


def positions_chart(dominant: pd.DataFrame, topic_order: list[str], styles: pd.DataFrame) -> alt.LayerChart:
    """Author x topic grid, each cell coloured by the author's dominant position on the topic and naming it.

    ``dominant`` is ``overview.dominant_positions``: author, topic, label, claims, positioned, mix (position
    id -> count) and dominant (a position id, ``TIE`` or None). Topics an author never covers have no row,
    so their cells stay blank; ``styles`` is ``styles.position_styles``, so colours match the claim chips.
    """
    # Each label looked up once, not by filtering ``styles`` per cell: a grid of 40 authors has thousands.
    labels = {key: position_style(styles, *key)[0] for key in
              {(t, str(p)) for t, mix in zip(dominant["topic"], dominant["mix"], strict=True) for p in mix}
              | {(t, d) for t, d in zip(dominant["topic"], dominant["dominant"], strict=True)
                 if isinstance(d, str) and d != TIE}}
    grid = dominant.assign(
        position_label=[_dominant_label(labels, topic, pos) for topic, pos in
                        zip(dominant["topic"], dominant["dominant"], strict=True)],
        mix=[", ".join(f"{labels[(topic, str(pos))]} {n}" for pos, n in mix.items()) or "—"
             for topic, mix in zip(dominant["topic"], dominant["mix"], strict=True)])
    domain = [*styles["label"].drop_duplicates(), SPLIT, NO_POSITION]
    colors = [*styles.drop_duplicates("label")["color"], SPLIT_COLOR, NO_POSITION_COLOR]
    base = alt.Chart(grid).encode(
        x=alt.X("label:N", title="Topic", sort=topic_order, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("author:N", title="Author", sort="ascending"),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2, opacity=0.75).encode(
        color=alt.Color("position_label:N", title="Dominant position", scale=alt.Scale(domain=domain, range=colors),
                        legend=None),
        tooltip=[alt.Tooltip("author:N", title="Author"), alt.Tooltip("label:N", title="Topic"),
                 alt.Tooltip("position_label:N", title="Dominant position"),
                 alt.Tooltip("mix:N", title="Positions taken"), alt.Tooltip("positioned:Q", title="Claims with one"),
                 alt.Tooltip("claims:Q", title="Claims on the topic")],
    )
    text = base.mark_text(fontSize=FONT_SIZE, color="#222222").encode(text=alt.Text("position_label:N"))
    layered = alt.LayerChart(layer=[rect, text], title="Dominant position of each author on each topic",
                             height=ROW_STEP)
    return _styled(layered)


def _dominant_label(labels: dict[tuple[str, str], str], topic: str, dominant: object) -> str:
    if not isinstance(dominant, str):
        return NO_POSITION
    return SPLIT if dominant == TIE else labels[(topic, dominant)]
