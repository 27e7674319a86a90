"""The build: what changed, per-article work (in parallel), the result cache and the table store."""
