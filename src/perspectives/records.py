"""Pipeline records: the small immutable values passed between stages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    """A markdown link anchor kept aside as a citation hint; offsets index the cleaned body."""

    text: str
    url: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One article after reading: metadata, the cleaned body and what was set aside from it."""

    article_id: str
    path: str
    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    original_publisher: str | None = None
    # (start, end) of each paragraph of the body; headings are paragraphs that are not claims.
    paragraphs: tuple[tuple[int, int], ...] = ()
    headings: tuple[tuple[int, int], ...] = ()
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = ()
    bio: str | None = None
    warnings: tuple[str, ...] = ()
    content_hash: str = ""


@dataclass(frozen=True)
class Claim:
    """One sentence of a body; ``body[start:end] == text``."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    voice: str = "own"
    quote: str | None = None
    hedges: tuple[str, ...] = ()
    boosters: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicHit:
    """A claim placed in a topic, with the matched terms as evidence."""

    claim_index: int
    topic: str
    evidence: tuple[str, ...]
    position: str | None = None
    position_evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Citation:
    """An outside source cited in a claim."""

    claim_index: int
    source: str
    source_type: str | None
    country: str | None
    cue: str
    surface: str
    known: bool


@dataclass(frozen=True)
class ArticleResult:
    """Everything the pipeline derives from one article."""

    article: Article
    claims: tuple[Claim, ...]
    topics: tuple[TopicHit, ...] = ()
    citations: tuple[Citation, ...] = ()
    warnings: tuple[str, ...] = field(default=())
