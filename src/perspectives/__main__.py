"""Run the CLI as ``python -m perspectives``."""
from perspectives.cli import cli

cli()
