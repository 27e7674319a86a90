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
    # Furniture set aside from the body: (text, reason), the reason a built-in kind or the config's pattern.
    dropped: tuple[tuple[str, str], ...] = ()
    # Values of the config's declared fields (country, leaning…): (field id, value), in declaration order.
    fields: tuple[tuple[str, str], ...] = ()
    # The front matter's keys beyond the metadata: (key, plain value as text, or None for a list or mapping).
    front_matter: tuple[tuple[str, str | None], ...] = ()


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
    # From -1 (only hedged) through 0 (neither, or balanced) to 1 (only boosted); see stages.certainty.
    certainty: float = 0.0


@dataclass(frozen=True)
class TopicHit:
    """A claim placed in a topic, with the matched terms as evidence, and its stance on the topic (one of
    the topic's configured positions; the tables call it ``position``) with the cues that chose it."""

    claim_index: int
    topic: str
    evidence: tuple[str, ...]
    stance: str | None = None
    stance_evidence: tuple[str, ...] = ()
    # For a placement by context: what established the topic ('"drills" in sentence 2'); None when direct.
    context: str | None = None


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
