"""The work of a build, one chunk at a time: articles through the stages into rows, and claims into topics.

Jobs take compiled ``Stages`` and a chunk of tasks and return table rows, so they run the same in this
process or in a worker (see ``build.parallel``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from perspectives.build import cache
from perspectives.config import ArticleEntry, Config
from perspectives.records import Article, ArticleResult
from perspectives.rules import Screen, Sentences
from perspectives.stages.articles.reader import ArticleError, Cleaner, read_article
from perspectives.stages.certainty import Lexicon, compile_lexicon, mark_certainty
from perspectives.stages.claims import split_claims
from perspectives.stages.sources.citations import extract_citations
from perspectives.stages.sources.gazetteer import Gazetteer, compile_gazetteer
from perspectives.stages.sources.voice import assign_voice
from perspectives.stages.stances import CompiledStance, assign_stances, compile_stances
from perspectives.stages.topics import (
    CompiledTopic,
    Continuations,
    assign_topics,
    compile_continuations,
    compile_topics,
)
from perspectives.tables import article_rows, citation_rows, claim_rows, topic_rows
from perspectives.words import word_rows


@dataclass(frozen=True)
class Placement:
    """The topic, stance and continuation rules, and the RE2 screen of every topic and stance rule (see
    ``rules.screen``): all that placing claims in topics needs."""

    topics: list[CompiledTopic]
    stances: dict[str, tuple[CompiledStance, ...]]
    continuations: Continuations
    screen: Screen

    @classmethod
    def from_config(cls, config: Config, only: Collection[str] | None = None) -> Placement:
        """Compile the config's topics, or ``only`` those named (a rule edit compiles and screens the edited
        topics alone)."""
        chosen = [t for t in config.topics if only is None or t.id in only]
        topics, stances = compile_topics(chosen), compile_stances(chosen)
        screen = Screen([*(m for t in topics for m in t.matchers()),
                         *(m for ss in stances.values() for s in ss for m in s.matchers())])
        return cls(topics, stances, compile_continuations(config.continuation), screen)


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


@dataclass(frozen=True)
class Rows:
    """What a chunk yields: table rows (with bookkeeping columns) and (config index, reason) failures."""

    tables: dict[str, pd.DataFrame]
    failed: list[tuple[int, str]] = field(default_factory=list)


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


def place_topics(claims: pd.DataFrame, titles: Mapping[str, str], placement: Placement) -> pd.DataFrame:
    """The ``claim_topics`` rows of a claims table (any number of articles, each one's claims together and in
    order) in the placement's topics, with stances; ``titles`` are the articles' headlines, which may
    establish a topic for context placement.

    One screen pass over the whole table picks the sentences each rule may match; only those are tried.
    """
    texts = claims["text"].tolist()
    sentences = Sentences(texts, claims["article_id"].tolist(), claims["paragraph"].tolist(), titles,
                          placement.screen.run(texts))
    hits = assign_topics(sentences, placement.topics, placement.continuations)
    return topic_rows(claims, assign_stances(sentences, hits, placement.stances))


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
    return Rows({"articles": articles, "claims": claims, "citations": citation_rows(results),
                 "claim_topics": place_topics(claims, titles, stages.placement), "claim_words": word_rows(claims)},
                failed)
