"""Context: the sentences around a claim (its paragraph, its article, the article's title and lead), and the
scopes rules may look across: ``sentence``, ``N sentences``, ``paragraph`` or ``article``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from perspectives.rules.base import Matcher
from perspectives.rules.screen import Screened

SCOPE_HELP = "use sentence, N sentences (e.g. 2 sentences), paragraph or article"
_SENTENCES = re.compile(r"^(\d{1,3})\s+sentences?$")


@dataclass(frozen=True)
class Scope:
    """How far a rule looks from a sentence: the sentence alone, N sentences either side (looking back only
    when establishing a topic), the sentence's paragraph, or its whole article."""

    kind: str
    n: int = 0

    @classmethod
    def parse(cls, text: str) -> Scope:
        """The scope a config names; raises ValueError with the forms that work."""
        words = " ".join(str(text).lower().split())
        if words in ("sentence", "paragraph", "article"):
            return cls(words)
        match = _SENTENCES.match(words)
        if match and int(match.group(1)) >= 1:
            return cls("sentences", int(match.group(1)))
        raise ValueError(f"{text!r} is not a scope; {SCOPE_HELP}")

    def __str__(self) -> str:
        return f"{self.n} sentence{'s' if self.n != 1 else ''}" if self.kind == "sentences" else self.kind


def check_scope(text: str) -> str:
    """A config validator: the scope text, unchanged, once it parses."""
    Scope.parse(text)
    return text


@dataclass(frozen=True)
class Sentences:
    """Sentences in article order, with their article and paragraph, and each article's title.

    Rules that look beyond one sentence read their neighbours here; one article's claims or a whole
    corpus's claims table fit alike. With ``screened`` (see ``rules.screen``), rules run only on the
    sentences they may match.
    """

    texts: Sequence[str]
    articles: Sequence[str] = ()
    paragraphs: Sequence[int] = ()
    titles: Mapping[str, str] = field(default_factory=dict)
    screened: Screened | None = None

    @classmethod
    def of(cls, texts: Sequence[str], *, paragraphs: Sequence[int] = (), title: str = "") -> Sentences:
        """The sentences of one article (one paragraph each unless ``paragraphs`` says otherwise)."""
        return cls(texts, ["a"] * len(texts), list(paragraphs) or list(range(len(texts))), {"a": title})

    @cached_property
    def _bounds(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """For each sentence: where its article starts and ends, and where its paragraph starts and ends
        (computed over the whole table at once: a corpus has hundreds of thousands of sentences)."""
        n = len(self.texts)
        if n == 0:
            return [], [], [], []
        articles = np.asarray(self.articles if self.articles else ["a"] * n, dtype=object)
        paragraphs = np.asarray(self.paragraphs if self.paragraphs else [0] * n)
        new_article = np.r_[True, articles[1:] != articles[:-1]]
        new_paragraph = new_article | np.r_[True, paragraphs[1:] != paragraphs[:-1]]
        return (*_runs(new_article), *_runs(new_paragraph))

    def paragraph_start(self, i: int) -> int:
        """The first sentence of sentence ``i``'s paragraph."""
        return self._bounds[2][i]

    def may_match(self, matcher: Matcher, i: int) -> bool:
        """Whether ``matcher`` may match sentence ``i``: always, unless the screen rules it out."""
        return self.screened is None or self.screened.may_match(matcher, i)

    def candidates(self, matchers: Sequence[Matcher]) -> Iterable[int]:
        """The sentences, in order, that any of ``matchers`` may match."""
        return range(len(self.texts)) if self.screened is None else self.screened.union(matchers)

    def article_of(self, i: int) -> str:
        """The id of sentence ``i``'s article."""
        return self.articles[i] if self.articles else "a"

    def number(self, i: int) -> int:
        """Sentence ``i``'s 1-based position in its article, as a reader counts it."""
        return i - self._bounds[0][i] + 1

    def same_article(self, i: int, j: int) -> bool:
        """Whether two sentences belong to one article."""
        return 0 <= j < len(self.texts) and self._bounds[0][i] == self._bounds[0][j]

    def same_paragraph(self, i: int, j: int) -> bool:
        """Whether two sentences belong to one paragraph of one article."""
        return 0 <= j < len(self.texts) and self._bounds[2][i] == self._bounds[2][j]

    def around(self, i: int, scope: Scope) -> range:
        """The sentences within ``scope`` of sentence ``i`` on both sides, ``i`` included."""
        art_start, art_end, par_start, par_end = self._bounds
        if scope.kind == "paragraph":
            return range(par_start[i], par_end[i])
        if scope.kind == "article":
            return range(art_start[i], art_end[i])
        return range(max(art_start[i], i - scope.n), min(art_end[i], i + scope.n + 1))

    def before(self, i: int, scope: Scope) -> range:
        """The sentences within ``scope`` before sentence ``i`` (nearest last); the whole paragraph or article
        counts for those scopes, so a topic may also be established by what follows in them."""
        if scope.kind == "sentences":
            return range(max(self._bounds[0][i], i - scope.n), i)
        return self.around(i, scope)

    def lead(self, i: int) -> range:
        """The first paragraph of sentence ``i``'s article."""
        start = self._bounds[0][i]
        return range(start, self._bounds[3][start])

    def title(self, i: int) -> str:
        """The title of sentence ``i``'s article, or an empty string."""
        return self.titles.get(self.article_of(i), "") or ""


def _runs(starts_run: np.ndarray) -> tuple[list[int], list[int]]:
    """For each position, the start and the end (exclusive) of its run, given where runs start."""
    index = np.arange(len(starts_run))
    starts = index[starts_run]
    run = np.cumsum(starts_run) - 1
    return starts[run].tolist(), np.r_[starts[1:], len(starts_run)][run].tolist()
