"""Chart builders: typed encodings, titles, tooltips and one colour per topic, checked on the spec."""

import pandas as pd
import pytest

from perspectives.present import charts


@pytest.fixture
def styles():
    return charts.topic_styles([("taiwan", "Taiwan", "#D62728"), ("trade", "Trade", None),
                                ("energy", "Energy", None)])


def _fields(encoding):
    return {channel: spec.get("field") for channel, spec in encoding.items() if isinstance(spec, dict)}


def test_topic_styles_prefer_config_colour_then_unused_palette(styles):
    assert list(styles["color"]) == ["#d62728", charts.PALETTE[0], charts.PALETTE[1]]
    clash = charts.topic_styles([("a", "A", None), ("b", "B", charts.PALETTE[0])])
    assert list(clash["color"]) == [charts.PALETTE[1], charts.PALETTE[0]], "a config colour is never reused"


def test_topic_styles_wrap_when_topics_outnumber_palette():
    many = charts.topic_styles([(f"t{i}", f"T{i}", None) for i in range(len(charts.PALETTE) + 2)])
    assert many["color"].notna().all()


def test_coverage_heatmap_encodes_share_and_selects_cells():
    coverage = pd.DataFrame({"topic": ["taiwan", "trade"], "label": ["Taiwan", "Trade"],
                             "author": ["Ann", "Ann"], "claims": [3, 0], "total": [4, 4],
                             "share": [0.75, 0.0]})
    spec = charts.coverage_heatmap(coverage, ["Taiwan", "Trade"]).to_dict()
    rect = spec["layer"][0]["encoding"]
    assert rect["x"]["field"] == "label" and rect["x"]["type"] == "nominal"
    assert rect["y"]["field"] == "author"
    assert rect["color"]["field"] == "share" and rect["color"]["type"] == "quantitative"
    assert {t["field"] for t in rect["tooltip"]} >= {"claims", "share", "author", "label"}
    param = spec["params"][0] if "params" in spec else spec["layer"][0]["params"][0]
    assert param["name"] == charts.HEATMAP_SELECTION
    assert param["select"]["fields"] == ["topic", "author"]
    assert spec["title"]


def test_topic_bars_use_the_topic_colours(styles):
    counts = pd.DataFrame({"article_id": ["a", "a"], "article": ["A", "A"], "author": ["Ann", "Ann"],
                           "topic": ["taiwan", "trade"], "label": ["Taiwan", "Trade"], "claims": [2, 1]})
    encoding = charts.topic_bars(counts, styles).to_dict()["encoding"]
    assert _fields(encoding)["color"] == "label"
    assert encoding["color"]["scale"] == {"domain": ["Taiwan", "Trade", "Energy"],
                                          "range": ["#d62728", charts.PALETTE[0], charts.PALETTE[1]]}
    assert encoding["x"]["aggregate"] == "sum" and encoding["x"]["title"]
    assert encoding["y"]["type"] == "nominal"


def test_profile_bars_same_scale_as_topic_bars(styles):
    profile = pd.DataFrame({"topic": ["trade"], "label": ["Trade"], "claims": [2]})
    encoding = charts.profile_bars(profile, styles).to_dict()["encoding"]
    assert encoding["color"]["scale"]["range"][1] == charts.PALETTE[0]
    assert encoding["x"]["field"] == "claims" and encoding["x"]["type"] == "quantitative"


def test_source_matrix_marks_unrecognised_sources():
    matrix = pd.DataFrame({"author": ["Ann"], "source": ["Lowy"], "type": ["unclassified"], "known": [False],
                           "citations": [2]})
    rect = charts.source_matrix_chart(matrix).to_dict()["layer"][0]["encoding"]
    assert rect["color"]["field"] == "citations"
    assert "strokeDash" in rect
    assert {t["field"] for t in rect["tooltip"]} >= {"known", "source", "citations"}


@pytest.mark.parametrize("colors", [charts.SOURCE_TYPE_COLORS, None])
def test_stacked_citations(colors):
    counts = pd.DataFrame({"author": ["Ann", "Ann"], "category": ["media", "official"], "citations": [2, 1]})
    chart = charts.stacked_citations(counts, category_title="Source type", colors=colors).to_dict()
    encoding = chart["encoding"]
    assert encoding["color"]["field"] == "category" and encoding["color"]["title"] == "Source type"
    assert encoding["x"]["aggregate"] == "sum"
    assert chart["title"] == "Citations by source type"


@pytest.fixture
def positions():
    return charts.position_styles([("mil", "toward", "Toward an alliance"), ("mil", "short", "Short of one"),
                                   ("econ", "unequal", "Unequal")])


def test_position_styles_pair_hues_and_fall_back_for_unknown_ids(positions):
    assert list(positions["color"]) == list(charts.POSITION_PALETTE[:3])
    assert charts.position_style(positions, "mil", "short") == ("Short of one", charts.POSITION_PALETTE[1])
    assert charts.position_style(positions, "econ", "short") == ("Short", charts.PALETTE[-1]), \
        "an id is looked up within its topic; one the config no longer names shows readably"


def test_positions_chart_colours_by_dominant_position_and_names_it(positions):
    dominant = pd.DataFrame({"author": ["Ann", "Ann", "Bob"], "topic": ["mil", "econ", "mil"],
                             "label": ["Military", "Economy", "Military"], "claims": [3, 1, 2],
                             "positioned": [3, 0, 2], "mix": [{"toward": 2, "short": 1}, {}, {"toward": 1, "short": 1}],
                             "dominant": ["toward", None, "tie"]})
    spec = charts.positions_chart(dominant, ["Military", "Economy"], positions).to_dict()
    rect, text = (layer["encoding"] for layer in spec["layer"])
    assert rect["color"]["field"] == "position_label" and rect["color"]["type"] == "nominal"
    assert rect["color"]["scale"]["domain"] == ["Toward an alliance", "Short of one", "Unequal", charts.SPLIT,
                                               charts.NO_POSITION]
    assert rect["x"]["sort"] == ["Military", "Economy"] and rect["y"]["field"] == "author"
    assert {t["field"] for t in rect["tooltip"]} >= {"mix", "claims", "position_label"}
    assert text["text"]["field"] == "position_label"
    data = next(iter(spec["datasets"].values()))
    assert [row["position_label"] for row in data] == ["Toward an alliance", charts.NO_POSITION, charts.SPLIT]
    assert data[0]["mix"] == "Toward an alliance 2, Short of one 1" and data[1]["mix"] == "—"
    assert spec["title"]
