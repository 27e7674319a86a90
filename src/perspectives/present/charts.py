"""Charts: Altair builders for the dashboard, DataFrame in and ``alt.Chart`` out, never drawing anything.

This is the only package module that imports Altair, so the pipeline runs without a UI stack; colours
come from ``styles``, so every chart and highlight shows a topic or position alike.

Matrices label every row and column: rows are sized by step (one label each), column labels are never thinned
(``labelOverlap=False``) and are cut at ``LABEL_LIMIT`` pixels with an ellipsis, the full text in every cell's
tooltip; callers cut long lists to their top N and say how many are hidden. Charts render as SVG, so their
labels are text a reader's browser (and the browser test) can find.
"""

from __future__ import annotations

from typing import TypeVar

import altair as alt
import pandas as pd

from perspectives.measures.overview import TIE
from perspectives.present.styles import position_lookup, position_style

NO_POSITION, NO_POSITION_COLOR = "No position taken", "#eeeeee"
SPLIT, SPLIT_COLOR = "Split evenly", "#bab0ac"
FONT_SIZE, TITLE_SIZE, LABEL_LIMIT = 12, 13, 260
# Column labels of a matrix, angled: long enough for most topic and outlet names, short enough that a dozen
# columns still fit at 1024 px.
COLUMN_LABEL_LIMIT, COLUMN_LABEL_ANGLE = 170, -35
HEATMAP_SELECTION = "cell"
# A cell's text fits its column: the band's width less a margin (a Vega expression, so it follows resizing).
CELL_TEXT_LIMIT = alt.ExprRef("bandwidth('x') - 6")
# vega-embed reads these options from the spec: SVG keeps axis labels as text in the page.
EMBED = {"embedOptions": {"renderer": "svg"}}
# Discrete axes size by step, not a fixed height: with Streamlit's "fit" autosize a fixed height also
# has to hold titles, axes and legends, and a short chart's plot area collapses to nothing.
ROW_STEP = alt.Step(26)
ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)


def topic_scale(styles: pd.DataFrame) -> alt.Scale:
    """A colour scale mapping topic labels to their colours, identical in every chart."""
    return alt.Scale(domain=list(styles["label"]), range=list(styles["color"]))


def _styled(chart: ChartT) -> ChartT:
    """The shared look: one set of font sizes and label limits for every chart, drawn as SVG."""
    styled: ChartT = chart.configure_axis(labelFontSize=FONT_SIZE, titleFontSize=TITLE_SIZE,
                                          labelLimit=LABEL_LIMIT).properties(usermeta=EMBED)
    legend: ChartT = styled.configure_legend(labelFontSize=FONT_SIZE, titleFontSize=TITLE_SIZE,
                                             labelLimit=LABEL_LIMIT)
    return legend


def _legend(value_format: str = "") -> alt.Legend:
    """A horizontal legend under the chart, so it never needs more height than a short chart has."""
    if value_format:
        return alt.Legend(orient="bottom", direction="horizontal", format=value_format)
    return alt.Legend(orient="bottom", direction="horizontal")


def _columns(field: str, title: str, sort: list[str] | str = "ascending") -> alt.X:
    """A matrix's column axis on top: every label drawn, angled, cut with an ellipsis past the limit."""
    return alt.X(f"{field}:N", title=title, sort=sort,
                 axis=alt.Axis(labelAngle=COLUMN_LABEL_ANGLE, orient="top", labelOverlap=False,
                               labelLimit=COLUMN_LABEL_LIMIT, labelAlign="left", labelBaseline="middle"))


def _rows(field: str, title: str, sort: list[str] | str = "ascending") -> alt.Y:
    """A matrix's row axis: every label drawn (one step a row), cut with an ellipsis past the limit."""
    return alt.Y(f"{field}:N", title=title, sort=sort, axis=alt.Axis(labelOverlap=False, labelLimit=LABEL_LIMIT))


def coverage_heatmap(coverage: pd.DataFrame, topic_order: list[str], *, group_title: str = "Author"
                     ) -> alt.LayerChart:
    """Topic x group heatmap of the share of each group's claims, count and share in the tooltip.

    Clicking a cell selects it (a point selection named ``cell`` on the topic id and group), which the
    dashboard turns into "open Compare on this topic and group".
    """
    cell = alt.selection_point(name=HEATMAP_SELECTION, fields=["topic", "group"], on="click",
                               clear="dblclick")
    base = alt.Chart(coverage).encode(x=_columns("label", "Topic", topic_order), y=_rows("group", group_title))
    noun = group_title.lower()
    rect = base.mark_rect(stroke="white", strokeWidth=1, cursor="pointer").encode(
        color=alt.Color("share:Q", title=f"Share of the {noun}'s claims", scale=alt.Scale(scheme="blues"),
                        legend=_legend(".0%")),
        opacity=alt.condition(cell, alt.value(1.0), alt.value(0.45)),
        tooltip=[alt.Tooltip("group:N", title=group_title), alt.Tooltip("label:N", title="Topic"),
                 alt.Tooltip("claims:Q", title="Claims"), alt.Tooltip("share:Q", title="Share", format=".1%"),
                 alt.Tooltip("total:Q", title=f"The {noun}'s claims")],
    ).add_params(cell)
    text = base.mark_text(fontSize=12).encode(
        text=alt.Text("claims:Q"),
        color=alt.condition("datum.share > 0.25", alt.value("white"), alt.value("#333333")),
    )
    layered = alt.LayerChart(layer=[rect, text], title=f"Topic coverage: share of each {noun}'s claims",
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


def source_matrix_chart(matrix: pd.DataFrame, *, group_title: str = "Author",
                        source_order: list[str] | None = None) -> alt.LayerChart:
    """Source x group grid of citation counts, a row per source (so every source is labelled however many
    there are) in ``source_order``; unrecognised sources get a hollow, dashed cell."""
    base = alt.Chart(matrix).encode(
        x=_columns("group", group_title),
        y=_rows("source", "Source", source_order or "ascending"),
    )
    rect = base.mark_rect(stroke="#888888").encode(
        color=alt.Color("citations:Q", title="Citations", scale=alt.Scale(scheme="oranges"),
                        legend=_legend("d")),
        strokeDash=alt.condition("datum.known", alt.value([1, 0]), alt.value([3, 2])),
        tooltip=[alt.Tooltip("group:N", title=group_title), alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("type:N", title="Type"), alt.Tooltip("known:N", title="Recognised"),
                 alt.Tooltip("citations:Q", title="Citations")],
    )
    text = base.mark_text(fontSize=11).encode(text=alt.Text("citations:Q"))
    return _styled(alt.LayerChart(layer=[rect, text], title="Who cites whom", height=ROW_STEP))


def stacked_citations(counts: pd.DataFrame, *, category_title: str, colors: dict[str, str] | None = None,
                      group_title: str = "Author") -> alt.Chart:
    """Each group's citations as one bar stacked by category (source type or country)."""
    scale = (alt.Scale(domain=list(colors), range=list(colors.values())) if colors
             else alt.Scale(scheme="tableau20"))
    # Two legend columns: side by side at 1024 px the chart is narrow, and a one-line legend ran off its edge.
    chart: alt.Chart = alt.Chart(counts).mark_bar().encode(
        y=_rows("group", group_title, "-x"),
        x=alt.X("sum(citations):Q", title="Citations"),
        color=alt.Color("category:N", title=category_title, scale=scale,
                        legend=alt.Legend(orient="bottom", columns=2)),
        tooltip=[alt.Tooltip("group:N", title=group_title), alt.Tooltip("category:N", title=category_title),
                 alt.Tooltip("citations:Q", title="Citations")],
    ).properties(title=f"Citations by {category_title.lower()}", height=ROW_STEP)
    return _styled(chart)


def positions_chart(dominant: pd.DataFrame, topic_order: list[str], styles: pd.DataFrame, *,
                    group_title: str = "Author") -> alt.LayerChart:
    """Group x topic grid, each cell coloured by the group's dominant own position on the topic and naming it,
    with a second layer marking the stances the group only reports ("+1 reported"), their holders in its tooltip.

    ``dominant`` is ``overview.dominant_positions``: group, topic, label, claims, positioned, mix (position
    id -> count), dominant (a position id, ``TIE`` or None) and reported ((speaker, position id) -> count).
    Topics a group never covers have no row, so their cells stay blank; ``styles`` is
    ``styles.position_styles``, so colours match the claim chips.
    """
    reported = dominant["reported"] if "reported" in dominant else pd.Series([{}] * len(dominant), index=dominant.index)
    lookup = position_lookup(styles)
    labels = {key: position_style(lookup, *key)[0] for key in
              {(t, str(p)) for t, mix in zip(dominant["topic"], dominant["mix"], strict=True) for p in mix}
              | {(t, str(p)) for t, mix in zip(dominant["topic"], reported, strict=True) for _, p in mix}
              | {(t, d) for t, d in zip(dominant["topic"], dominant["dominant"], strict=True)
                 if isinstance(d, str) and d != TIE}}
    grid = dominant.drop(columns=["reported"], errors="ignore").assign(
        position_label=[_dominant_label(labels, topic, pos) for topic, pos in
                        zip(dominant["topic"], dominant["dominant"], strict=True)],
        mix=[", ".join(f"{labels[(topic, str(pos))]} {n}" for pos, n in mix.items()) or "—"
             for topic, mix in zip(dominant["topic"], dominant["mix"], strict=True)],
        reported_mark=[f"+{sum(mix.values())} reported" if mix else "" for mix in reported],
        reported_by=["; ".join(f"{speaker}: {labels[(topic, str(pos))]} {n}" for (speaker, pos), n in mix.items())
                     or "—" for topic, mix in zip(dominant["topic"], reported, strict=True)])
    domain = [*styles["label"].drop_duplicates(), SPLIT, NO_POSITION]
    colors = [*styles.drop_duplicates("label")["color"], SPLIT_COLOR, NO_POSITION_COLOR]
    base = alt.Chart(grid).encode(x=_columns("label", "Topic", topic_order), y=_rows("group", group_title))
    tooltip = [alt.Tooltip("group:N", title=group_title), alt.Tooltip("label:N", title="Topic"),
               alt.Tooltip("position_label:N", title="Dominant own position"),
               alt.Tooltip("mix:N", title="Own positions taken"),
               alt.Tooltip("positioned:Q", title="Own claims with one"),
               alt.Tooltip("reported_by:N", title="Stances it reports (not its own)"),
               alt.Tooltip("claims:Q", title="Claims on the topic")]
    rect = base.mark_rect(stroke="white", strokeWidth=2, opacity=0.75).encode(
        color=alt.Color("position_label:N", title="Dominant position", scale=alt.Scale(domain=domain, range=colors),
                        legend=None),
        tooltip=tooltip,
    )
    # Cut to the cell's width (ellipsis), never spilling into the next cell; the tooltip has it whole.
    text = base.mark_text(fontSize=FONT_SIZE, color="#222222", dy=-6, limit=CELL_TEXT_LIMIT).encode(
        text=alt.Text("position_label:N"), tooltip=tooltip)
    marker = base.mark_text(fontSize=10, fontStyle="italic", color="#4a2a63", dy=9).encode(
        text=alt.Text("reported_mark:N"), tooltip=tooltip)
    layered = alt.LayerChart(layer=[rect, text, marker], title=f"Own position of each {group_title.lower()} on "
                             "each topic", height=alt.Step(38))
    return _styled(layered)


def _dominant_label(labels: dict[tuple[str, str], str], topic: str, dominant: object) -> str:
    if not isinstance(dominant, str):
        return NO_POSITION
    return SPLIT if dominant == TIE else labels[(topic, dominant)]
