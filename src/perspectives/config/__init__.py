"""Config: the schema of ``config.yaml`` and its loading, with messages that name the file, line and key."""

from perspectives.config.load import load_config
from perspectives.config.parse import ConfigError
from perspectives.config.schema import (
    CONFIG_FILE,
    ArticleEntry,
    ArticleField,
    Certainty,
    Cleaning,
    Config,
    Context,
    Continuation,
    SourceEntry,
    SourceType,
    Stance,
    Topic,
)

__all__ = ["CONFIG_FILE", "ArticleEntry", "ArticleField", "Certainty", "Cleaning", "Config", "ConfigError", "Context",
           "Continuation", "SourceEntry", "SourceType", "Stance", "Topic", "load_config"]
