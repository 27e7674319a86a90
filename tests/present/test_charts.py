"""Charts: typed encodings, titles, tooltips and the topic and position colours, checked on the spec."""

import pandas as pd
import pytest

from perspectives.present import charts
from perspectives.present.styles import PALETTE, SOURCE_TYPE_COLORS


def _fields(encoding):
    return {channel: spec.get("field") for channel, spec in encoding.items() if isinstance(spec, dict)}


def test_coverage_heatmap_encodes_share_and_selects_cells():
    coverage = pd.DataFrame({"topic": ["taiwan", "trade"], "label": ["Taiwan", "Trade"],
                             "group": ["Ann", "Ann"], "claims": [3, 0], "total": [4, 4],
                             "share": [0.75, 0.0]})
    spec = charts.coverage_heatmap(coverage, ["Taiwan", "Trade"], group_title="Outlet").to_dict()
    rect = spec["layer"][0]["encoding"]
    assert rect["x"]["field"] == "label" and rect["x"]["type"] == "nominal"
    assert rect["x"]["axis"]["labelOverlap"] is False, "every topic labelled, none thinned out"
    assert rect["y"]["field"] == "group" and rect["y"]["title"] == "Outlet"
    assert spec["usermeta"]["embedOptions"]["renderer"] == "svg", "labels render as text"
    assert rect["color"]["field"] == "share" and rect["color"]["type"] == "quantitative"
    assert {t["field"] for t in rect["tooltip"]} >= {"claims", "share", "group", "label"}
    param = spec["params"][0] if "params" in spec else spec["layer"][0]["params"][0]
    assert param["name"] == charts.HEATMAP_SELECTION
    assert param["select"]["fields"] == ["topic", "group"]
    assert spec["title"]


def test_topic_bars_use_the_topic_colours(styles):
    counts = pd.DataFrame({"article_id": ["a", "a"], "article": ["A", "A"], "author": ["Ann", "Ann"],
                           "topic": ["taiwan", "trade"], "label": ["Taiwan", "Trade"], "claims": [2, 1]})
    encoding = charts.topic_bars(counts, styles).to_dict()["encoding"]
    assert _fields(encoding)["color"] == "label"
    assert encoding["color"]["scale"] == {"domain": ["Taiwan", "Trade", "Energy"],
                                          "range": ["#d62728", PALETTE[0], PALETTE[1]]}
    assert encoding["x"]["aggregate"] == "sum" and encoding["x"]["title"]
    assert encoding["y"]["type"] == "nominal"


def test_profile_bars_same_scale_as_topic_bars(styles):
    profile = pd.DataFrame({"topic": ["trade"], "label": ["Trade"], "claims": [2]})
    encoding = charts.profile_bars(profile, styles).to_dict()["encoding"]
    assert encoding["color"]["scale"]["range"][1] == PALETTE[0]
    assert encoding["x"]["field"] == "claims" and encoding["x"]["type"] == "quantitative"


def test_source_matrix_marks_unrecognised_sources():
    matrix = pd.DataFrame({"group": ["Ann"], "source": ["Lowy"], "type": ["unclassified"], "known": [False],
                           "citations": [2]})
    rect = charts.source_matrix_chart(matrix).to_dict()["layer"][0]["encoding"]
    assert rect["y"]["field"] == "source", "a row per source: every source labelled however many"
    assert rect["color"]["field"] == "citations"
    assert "strokeDash" in rect
    assert {t["field"] for t in rect["tooltip"]} >= {"known", "source", "citations"}


@pytest.mark.parametrize("colors", [SOURCE_TYPE_COLORS, None])
def test_stacked_citations(colors):
    counts = pd.DataFrame({"group": ["Ann", "Ann"], "category": ["media", "official"], "citations": [2, 1]})
    chart = charts.stacked_citations(counts, category_title="Source type", colors=colors).to_dict()
    encoding = chart["encoding"]
    assert encoding["color"]["field"] == "category" and encoding["color"]["title"] == "Source type"
    assert encoding["x"]["aggregate"] == "sum"
    assert chart["title"] == "Citations by source type"


def test_positions_chart_colours_by_dominant_position_and_names_it(positions):
    dominant = pd.DataFrame({"group": ["Ann", "Ann", "Bob"], "topic": ["mil", "econ", "mil"],
                             "label": ["Military", "Economy", "Military"], "claims": [3, 1, 2],
                             "positioned": [3, 0, 2], "mix": [{"toward": 2, "short": 1}, {}, {"toward": 1, "short": 1}],
                             "dominant": ["toward", None, "tie"],
                             "reported": [{}, {}, {("Lavrov", "toward"): 2}]})
    spec = charts.positions_chart(dominant, ["Military", "Economy"], positions).to_dict()
    rect, text, marker = (layer["encoding"] for layer in spec["layer"])
    assert marker["text"]["field"] == "reported_mark", "reported stances are a layer of their own"
    assert rect["color"]["field"] == "position_label" and rect["color"]["type"] == "nominal"
    assert rect["color"]["scale"]["domain"] == ["Toward an alliance", "Short of one", "Unequal", charts.SPLIT,
                                               charts.NO_POSITION]
    assert rect["x"]["sort"] == ["Military", "Economy"] and rect["y"]["field"] == "group"
    assert {t["field"] for t in rect["tooltip"]} >= {"mix", "claims", "position_label", "reported_by"}
    assert text["text"]["field"] == "position_label"
    data = next(iter(spec["datasets"].values()))
    assert [row["position_label"] for row in data] == ["Toward an alliance", charts.NO_POSITION, charts.SPLIT]
    assert data[0]["mix"] == "Toward an alliance 2, Short of one 1" and data[1]["mix"] == "—"
    assert data[2]["reported_mark"] == "+2 reported" and data[2]["reported_by"] == "Lavrov: Toward an alliance 2"
    assert spec["title"]
