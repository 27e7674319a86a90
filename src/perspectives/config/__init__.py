"""Config: the schema of ``config.yaml`` and its loading, with messages that name the file, line and key."""

from perspectives.config.load import ConfigError, load_config
from perspectives.config.schema import (
    CONFIG_FILE,
    ArticleEntry,
    Certainty,
    Cleaning,
    Config,
    SourceEntry,
    SourceType,
    Stance,
    Topic,
)
from perspectives.rules import CooccurRule, PatternRule, Rule, TermsRule

# The rule kinds are part of the schema; perspectives.rules owns them.
__all__ = ["CONFIG_FILE", "ArticleEntry", "Certainty", "Cleaning", "Config", "ConfigError", "CooccurRule",
           "PatternRule", "Rule", "Stance", "TermsRule",
           "SourceEntry", "SourceType", "Topic", "load_config"]
