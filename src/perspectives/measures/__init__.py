"""Measures: the dashboard's questions as pure pandas functions over the tables (no Streamlit)."""
