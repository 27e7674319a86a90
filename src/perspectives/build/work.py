"""The work of a build, one chunk at a time: articles through the stages into rows, placed in topics.

Jobs take compiled ``Stages`` and a chunk of tasks and return table rows, so they run the same in this
process or in a worker (see ``build.parallel``). Importing this module imports every stage, and compiling
their patterns costs a fresh process most of a second: a build that reads no article never imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from perspectives.build import cache, placement
from perspectives.build.placement import Placement
from perspectives.build.rows import Rows
from perspectives.config import ArticleEntry, Config
from perspectives.records import Article, ArticleResult
from perspectives.stages.articles.reader import ArticleError, Cleaner, read_article
from perspectives.stages.certainty import Lexicon, compile_lexicon, mark_certainty
from perspectives.stages.claims import split_claims
from perspectives.stages.sources.citations import extract_citations
from perspectives.stages.sources.gazetteer import Gazetteer, compile_gazetteer
from perspectives.stages.sources.voice import assign_voice
from perspectives.tables import article_rows, citation_rows, claim_rows
from perspectives.words import word_rows


@dataclass(frozen=True)
class Stages:
    """The config's rules, compiled once per process: compiling costs more than reading one article."""

    cleaner: Cleaner
    lexicon: Lexicon
    gazetteer: Gazetteer
    placement: Placement
    # The declared fields and their allowed values (none: any value), in declaration order.
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def from_config(cls, config: Config) -> Stages:
        """Compile every rule the per-article work needs."""
        return cls(Cleaner.from_config(config.cleaning), compile_lexicon(config.certainty),
                   compile_gazetteer(config.sources), Placement.from_config(config),
                   tuple((f.id, tuple(f.values)) for f in config.fields))


@dataclass(frozen=True)
class ReadTask:
    """An article to read from its file, with the entry key its rows will be cached under."""

    index: int
    entry: ArticleEntry
    file: Path
    entry_key: str


def process_article(entry: ArticleEntry, file: Path, *, display_path: str, stages: Stages) -> ArticleResult:
    """Read one article and derive its claims, certainty, citations and voice (topics come later, over the
    claims table).

    Raises ArticleError when the article cannot be read.
    """
    overrides = {"title": entry.title, "author": entry.author, "date": entry.date,
                 "outlet": entry.outlet, "url": entry.url}
    article = read_article(file, article_id=entry.article_id, cleaner=stages.cleaner, overrides=overrides,
                           display_path=display_path)
    if stages.fields:
        article = with_fields(article, entry, stages.fields)
    claims = mark_certainty(split_claims(article), stages.lexicon)
    citations = extract_citations(article, claims, stages.gazetteer)
    claims = assign_voice(article, claims, citations)
    return ArticleResult(article=article, claims=tuple(claims), citations=tuple(citations),
                         warnings=article.warnings)


def with_fields(article: Article, entry: ArticleEntry, fields: tuple[tuple[str, tuple[str, ...]], ...]) -> Article:
    """The article with its declared fields: the config entry's values over its front matter's; a front-matter
    value the field does not allow, or a list where a value belongs, is left out with a warning (the config's
    own values are checked on loading)."""
    found = dict(article.front_matter)
    values: list[tuple[str, str]] = []
    warnings: list[str] = []
    for fid, allowed in fields:
        value = entry.fields.get(fid) or found.get(fid)
        if fid not in entry.fields and fid in found and found[fid] is None:
            warnings.append(f"front matter {fid} is a list or mapping, not a value; ignored")
        elif value and fid not in entry.fields and allowed and value not in allowed:
            warnings.append(f"front matter {fid} {value!r} is not one of {', '.join(allowed)}; ignored")
        elif value:
            values.append((fid, value))
    return replace(article, fields=tuple(values), warnings=(*article.warnings, *warnings))


def read_chunk(stages: Stages, tasks: Sequence[ReadTask]) -> Rows:
    """Read a chunk of articles into rows of every table, placed in every topic."""
    results: list[ArticleResult] = []
    entry_keys: list[str] = []
    failed: list[tuple[int, str]] = []
    for task in tasks:
        try:
            results.append(process_article(task.entry, task.file, display_path=task.entry.path, stages=stages))
        except ArticleError as exc:
            failed.append((task.index, str(exc)))
        else:
            entry_keys.append(task.entry_key)
    claims = claim_rows(results)
    articles = cache.tag_articles(article_rows(results), entry_keys, [r.warnings for r in results])
    titles = {r.article.article_id: r.article.title or "" for r in results}
    frames = {"articles": articles, "claims": claims, "citations": citation_rows(results),
              "claim_topics": placement.place_topics(claims, titles, stages.placement),
              "claim_words": word_rows(claims)}
    return Rows({name: cache.to_arrow(name, frame) for name, frame in frames.items()}, failed)
