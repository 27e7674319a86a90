"""Sources: who cites whom, citations by category, shared sources, every citation in its sentence."""

from perspectives.measures import sources


def test_source_measures(tables):
    matrix = sources.source_matrix(tables)
    assert set(zip(matrix["author"], matrix["source"], strict=True)) == {
        ("Ann", "Reuters"), ("Ann", "Lowy Institute"), ("Unattributed — b.txt", "Reuters")}
    shared = sources.shared_sources(tables)
    assert list(shared["source"]) == ["Reuters"] and shared.loc[0, "authors"] == 2
    by_country = sources.citations_by(tables, "country_label", top=1)
    assert set(by_country["category"]) == {"United Kingdom", "other"}
    rows = sources.citation_rows(tables)
    assert list(rows["recognised"]) == [True, False, True]
    assert rows.loc[0, "sentence"] == "Reuters says the strait is calm."
