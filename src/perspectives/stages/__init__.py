"""Stages: pure functions of one article at a time; they import only config, records and rules."""
