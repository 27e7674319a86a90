"""Sources: who cites whom, citations by category, shared sources, every citation in its sentence."""

from perspectives.measures import sources


def test_source_measures(tables):
    matrix = sources.source_matrix(tables)
    assert set(zip(matrix["group"], matrix["source"], strict=True)) == {
        ("Ann", "Reuters"), ("Ann", "Lowy Institute"), ("Untitled article", "Reuters")}
    by_outlet = sources.source_matrix(tables, by="outlet")
    assert set(zip(by_outlet["group"], by_outlet["source"], strict=True)) == {
        ("Herald", "Reuters"), ("Herald", "Lowy Institute"), ("(no outlet)", "Reuters")}
    shared = sources.shared_sources(tables)
    assert list(shared["source"]) == ["Reuters"] and shared.loc[0, "groups"] == 2
    assert sources.shared_sources(tables, by="outlet").loc[0, "cited_by"] == "(no outlet), Herald"
    by_country = sources.citations_by(tables, "country_label", top=1)
    assert set(by_country["category"]) == {"United Kingdom", "other"}
    rows = sources.citation_rows(tables)
    assert list(rows["recognised"]) == [True, False, True]
    assert rows.loc[0, "sentence"] == "Reuters says the strait is calm."
    assert list(rows.columns)[0] == "sentence", "the sentence is the first, widest column"
