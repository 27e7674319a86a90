"""Styles: one colour per topic (config's first, then unused palette hues) and per position, fallbacks readable."""

from perspectives.present.styles import PALETTE, POSITION_PALETTE, position_lookup, position_style, topic_styles


def test_topic_styles_prefer_config_colour_then_unused_palette(styles):
    assert list(styles["color"]) == ["#d62728", PALETTE[0], PALETTE[1]]
    clash = topic_styles([("a", "A", None), ("b", "B", PALETTE[0])])
    assert list(clash["color"]) == [PALETTE[1], PALETTE[0]], "a config colour is never reused"


def test_topic_styles_wrap_when_topics_outnumber_palette():
    many = topic_styles([(f"t{i}", f"T{i}", None) for i in range(len(PALETTE) + 2)])
    assert many["color"].notna().all()


def test_position_styles_pair_hues_and_fall_back_for_unknown_ids(positions):
    assert list(positions["color"]) == list(POSITION_PALETTE[:3])
    lookup = position_lookup(positions)
    assert position_style(lookup, "mil", "short") == ("Short of one", POSITION_PALETTE[1])
    assert position_style(lookup, "econ", "short") == ("Short", PALETTE[-1]), \
        "an id is looked up within its topic; one the config no longer names shows readably"
