"""Measures: the dashboard's questions as pure pandas functions over the tables (no Streamlit).

One module per question (selection, overview, compare, contrast, sources, article, claims, diagnostics) and
the words they count (vocabulary). Every function takes the tables (a dict of DataFrames as
``store.read_tables`` returns them, after ``selection.prepare_tables``) and returns new frames; nothing here
mutates its input, so each measure is testable on a handful of hand-made rows.
"""
