"""Claims: readable rows of the filtered claims, and paging through them."""

import pandas as pd
import pytest

from perspectives.measures import claims


def test_claims_table_is_readable(tables, topics):
    rows = claims.claims_table(tables, tables["claims"], topics)
    row = rows[rows["text"] == "Reuters says the strait is calm."].iloc[0]
    assert row["topics"] == "Taiwan; Trade"
    assert row["sources"] == "Reuters, Lowy Institute (unrecognised)"
    assert row["author"] == "Ann"


@pytest.mark.parametrize("rows, size, page, expected_pages, expected_len", [
    (0, 10, 1, 1, 0), (25, 10, 3, 3, 5), (25, 10, 9, 3, 5), (10, 10, 1, 1, 10),
])
def test_paging(rows, size, page, expected_pages, expected_len):
    frame = pd.DataFrame({"n": range(rows)})
    assert claims.page_count(rows, size) == expected_pages
    assert len(claims.page_of(frame, page, size)) == expected_len
