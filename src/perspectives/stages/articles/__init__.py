"""Reading an article file: decoding, front matter, page layouts, markdown, furniture and metadata."""

from perspectives.stages.articles.cleaning import Cleaner
from perspectives.stages.articles.reader import ArticleError, read_article

__all__ = ["ArticleError", "Cleaner", "read_article"]
