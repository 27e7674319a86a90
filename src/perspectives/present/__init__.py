"""Presentation: styles, Altair charts and the briefing export, built from measures."""
