"""Topic and position styles the present tests draw with."""

import pandas as pd
import pytest

from perspectives.present import styles as present_styles


@pytest.fixture
def styles() -> pd.DataFrame:
    return present_styles.topic_styles([("taiwan", "Taiwan", "#D62728"), ("trade", "Trade", None),
                                        ("energy", "Energy", None)])


@pytest.fixture
def positions() -> pd.DataFrame:
    return present_styles.position_styles([("mil", "toward", "Toward an alliance"), ("mil", "short", "Short of one"),
                                           ("econ", "unequal", "Unequal")])
