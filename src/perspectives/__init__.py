"""Perspectives: compare how authors treat topics, and whom they cite."""

from perspectives.config import Config, ConfigError, load_config

__version__ = "0.1.0"
__all__ = ["Config", "ConfigError", "__version__", "load_config"]
