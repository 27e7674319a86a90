"""The page layout: every view renders from the navigation radio, compares by author, outlet or a declared field,
and keeps ids (never labels) in the address; unknown ids fall back with a notice; the build's warnings show."""

import pytest

from tests.dashboard.conftest import app, assert_clean, headers, opened, page_html

VIEWS = ["compare", "contrast", "overview", "sources", "article", "claims", "topics"]
GROUPED = ["compare", "contrast", "overview", "sources"]
# Under each grouping, the groups of the fixture corpus every grouped view must name.
GROUPS = {"outlet": {"The Herald", "Pacific Review", "Energy Weekly", "(no outlet)"},
          "leaning": {"dovish", "hawkish", "(no leaning)"}}


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_renders(corpus, view):
    at = app()
    at.query_params["view"] = view
    at.run()
    assert_clean(at)
    assert at.radio(key="view").value == view


def _rendered(at) -> str:
    """Everything a grouped view shows: its HTML, tables and charts' specs."""
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    parts = [page_html(at), *(c.proto.spec for c in charts)]
    parts += [t.value.to_csv() for t in at.dataframe] + [t.value.to_csv() for t in at.table]
    return "\n".join(parts)


@pytest.mark.parametrize("by", ["outlet", "leaning"])
@pytest.mark.parametrize("view", GROUPED)
def test_every_grouped_view_compares_by_outlet_and_by_a_declared_field(corpus, view, by):
    at = opened(view=view, by=by, **({"contrast_part": "Profiles"} if view == "contrast" else {}))
    assert at.selectbox(key="by").value == by
    shown = _rendered(at)
    charts = at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    title = "Outlet" if by == "outlet" else "Leaning"
    if view == "compare":
        assert {h.split("<p class='pv-head'>")[1].split("</p>")[0] for h in headers(at)} == GROUPS[by]
    elif view == "contrast":
        table = at.table[0].value
        assert table.columns[0] == ("outlet" if by == "outlet" else "Leaning")
        assert set(table.iloc[:, 0]) <= GROUPS[by] and len(table) >= 2
    else:
        assert any(f'"title":"{title}"' in c.proto.spec.replace(" ", "") for c in charts), "the group names the axis"
    if view == "sources":
        nouns = "outlets" if by == "outlet" else "Leaning values"
        assert f"Sources shared by several {nouns}" in [h.value for h in at.subheader]
        assert "Reuters" in shown


def test_compare_by_article_headers_name_author_outlet_and_date(corpus):
    at = opened(view="compare", by="article", topic="taiwan")
    tension = next(h for h in headers(at) if "Tension in the Strait" in h)
    assert "Alice Walker · The Herald · 2023-01-10" in tension


def test_the_address_round_trips_ids_not_labels(corpus):
    at = opened(view="contrast", by="outlet", topic="energy")
    assert (at.radio(key="view").value, at.selectbox(key="by").value, at.selectbox(key="topic").value) == (
        "contrast", "outlet", "energy")
    at.selectbox(key="topic").set_value("taiwan").run()
    at.multiselect(key="topics").set_value(["taiwan", "trade"]).run()
    assert_clean(at)
    assert at.query_params["topic"] == "taiwan" and at.query_params["by"] == "outlet"
    assert at.query_params["view"] == "contrast" and at.query_params["topics"] == ["taiwan", "trade"]
    again = app()
    again.query_params.update(at.query_params)
    again.run()
    assert (again.selectbox(key="topic").value, again.selectbox(key="by").value) == ("taiwan", "outlet")
    assert again.multiselect(key="topics").value == ["taiwan", "trade"]


def test_a_topic_label_in_an_old_address_still_opens_its_topic(corpus):
    at = opened(view="Compare", topic="Energy")
    assert at.selectbox(key="topic").value == "energy" and not at.warning[1:]
    assert at.query_params["topic"] == "energy", "the address is rewritten with the id"


@pytest.mark.parametrize("params, notice, fallback", [
    ({"by": "leanings"}, "The address names a grouping 'leanings'", ("by", "author")),
    ({"topic": "nuclear_risk"}, "The address names the topic 'nuclear_risk'", ("topic", "taiwan")),
    ({"view": "timeline"}, "The address names the view 'timeline'", ("view", "compare")),
])
def test_an_unknown_id_in_the_address_falls_back_with_a_notice(corpus, params, notice, fallback):
    at = opened(**{"view": "compare", **params})
    assert any(notice in w.value for w in at.warning), [w.value for w in at.warning]
    key, value = fallback
    widget = at.radio(key=key) if key == "view" else at.selectbox(key=key)
    assert widget.value == value
    at.run()
    assert not any(notice in w.value for w in at.warning), "said once"


def test_the_build_warnings_count_is_visible_at_the_top(corpus):
    at = app().run()
    assert_clean(at)
    assert at.warning[0].value.startswith("**The last build has 1 warning**")
    assert at.expander[0].label == "Show the build's warnings"
