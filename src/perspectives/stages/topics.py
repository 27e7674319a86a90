"""Topics stage: compile the config's topic rules and place sentences in zero or more topics, directly by
their own words, or by context where weak evidence meets a topic that a direct match established nearby."""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass

from perspectives.config import Continuation, Topic
from perspectives.records import TopicHit
from perspectives.rules import Matcher, Rule, Scope, Sentences, compile_rule, compile_terms


@dataclass(frozen=True)
class CompiledRules:
    """Include rules, and exclusions whose matches are masked out before the include rules run."""

    include: tuple[Matcher, ...]
    exclude: tuple[Matcher, ...]

    def evidence(self, sentences: Sentences, i: int, text: str | None = None) -> list[str] | None:
        """The matched terms of sentence ``i`` (or of ``text``, a title, when given), or None when no include
        rule matches outside an excluded phrase; rules the screen rules out are not tried."""
        if text is not None:
            masked = mask(text, self.exclude)
            found = [hit for rule in self.include for hit in rule.evidence(masked) or ()]
        else:
            masked = mask(sentences.texts[i], [r for r in self.exclude if sentences.may_match(r, i)])
            found = [hit for rule in self.include if sentences.may_match(rule, i)
                     for hit in rule.evidence_in(masked, sentences, i) or ()]
        return _unique(found) or None

    def matchers(self) -> tuple[Matcher, ...]:
        """Every include and exclude rule."""
        return (*self.include, *self.exclude)


@dataclass(frozen=True)
class CompiledContext:
    """Where a direct match establishes the topic, and the cues that join it there."""

    within: Scope
    cues: CompiledRules


@dataclass(frozen=True)
class CompiledTopic:
    """A topic's id, its compiled rules, and its context blocks (none: direct matches only)."""

    id: str
    rules: CompiledRules
    context: tuple[CompiledContext, ...] = ()

    def matchers(self) -> tuple[Matcher, ...]:
        """Every rule of the topic, its context cues' included, for the screen (see ``rules.screen``)."""
        return (*self.rules.matchers(), *(m for block in self.context for m in block.cues.matchers()))


@dataclass(frozen=True)
class Continuations:
    """Which sentences carry on the one before them: inside a quotation it opened (the speaker's subject
    holds to the quotation's end), or led by a word that refers back (to that sentence alone)."""

    quotations: bool
    openers: re.Pattern[str] | None

    def continues(self, sentences: Sentences, i: int, inside_quote: Quotations, *, direct: bool) -> bool:
        """Whether sentence ``i`` continues sentence ``i - 1`` of the same article; an opener continues only a
        sentence whose own words (``direct``) placed it, so a chain of pronouns cannot drift off the subject."""
        if not sentences.same_article(i, i - 1):
            return False
        if self.quotations and inside_quote[i]:
            return True
        return direct and bool(self.openers and self.openers.match(sentences.texts[i].lstrip("“\"‘'( ")))


def compile_rules(include: Sequence[Rule], exclude: Sequence[Rule]) -> CompiledRules:
    """Compile a pair of include and exclude rule lists."""
    return CompiledRules(tuple(compile_rule(r) for r in include), tuple(compile_rule(r) for r in exclude))


def compile_topics(topics: Sequence[Topic]) -> list[CompiledTopic]:
    """Compile every topic of the config once, before any claim is placed."""
    return [CompiledTopic(t.id, compile_rules(t.rules, t.exclude),
                          tuple(CompiledContext(Scope.parse(c.within), compile_rules(c.cues, t.exclude))
                                for c in t.context))
            for t in topics]


def compile_continuations(continuation: Continuation) -> Continuations:
    """The config's continuation settings, compiled."""
    openers = compile_terms(continuation.openers, ignore_case=False).regexes if continuation.openers else ()
    # Anchored at the sentence start: "It" opens "It marked a first", not "… and it marked".
    return Continuations(continuation.quotations,
                         re.compile("|".join(f"(?:{rx.pattern})" for rx in openers)) if openers else None)


def mask(text: str, exclude: Sequence[Matcher]) -> str:
    """The text with every excluded phrase blanked out (same length, so offsets still hold)."""
    spans = [span for rule in exclude for span in rule.spans(text)]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def assign_topics(sentences: Sentences, topics: Sequence[CompiledTopic],
                  continuations: Continuations | None = None) -> list[TopicHit]:
    """Every (sentence, topic) pair placed, in sentence then topic order, with the matched terms as evidence.

    A hit's ``claim_index`` is the sentence's index in ``sentences``: one article's claims or a whole claims
    table fit alike. Context placements name what established them in ``context``.
    """
    direct = {topic.id: _direct(sentences, topic) for topic in topics}
    placed = dict(direct)
    inside_quote = Quotations(sentences)
    for topic in topics:
        if topic.context:
            placed[topic.id] = _by_context(sentences, topic, direct, continuations, inside_quote)
    hits = sorted((i, n) for n, topic in enumerate(topics) for i in placed[topic.id])
    return [placed[topics[n].id][i] for i, n in hits]


def _direct(sentences: Sentences, topic: CompiledTopic) -> dict[int, TopicHit]:
    found = {}
    for i in sentences.candidates(topic.rules.include):
        evidence = topic.rules.evidence(sentences, i)
        if evidence:
            found[i] = TopicHit(i, topic.id, tuple(evidence))
    return found


def _by_context(sentences: Sentences, topic: CompiledTopic, direct: dict[str, dict[int, TopicHit]],
                continuations: Continuations | None, inside_quote: Quotations) -> dict[int, TopicHit]:
    """The topic's direct hits plus the sentences that join it by context, in order: a cue of a context
    block where a direct match established the topic within that block's scope, else a continuation.

    Only two kinds of sentence can join: one a cue may match, and one after a placed sentence; they are
    visited in order, as the look-back needs the placements before them.
    """
    own = direct[topic.id]
    placed = dict(own)
    headlines: dict[str, str | None] = {}
    todo = [*sentences.candidates([m for block in topic.context for m in block.cues.include]), *(i + 1 for i in own)]
    heapq.heapify(todo)
    done = -1
    while todo:
        i = heapq.heappop(todo)
        if i <= done or i in own or i >= len(sentences.texts):
            continue
        done = i
        # What establishes the topic is looked up first: it is cheaper than the cues' regexes, and most
        # sentences with a cue word lie where nothing established the topic.
        joined = next(((cues, origin) for block in topic.context
                       if block.cues.include
                       and (origin := _established(sentences, i, topic, block.within, direct, placed, headlines))
                       and (cues := block.cues.evidence(sentences, i))), None)
        if joined:
            placed[i] = TopicHit(i, topic.id, tuple(joined[0]), context=joined[1])
        elif continuations and i - 1 in placed and continuations.continues(sentences, i, inside_quote,
                                                                          direct=i - 1 in own):
            placed[i] = TopicHit(i, topic.id, (), context=f"continues sentence {sentences.number(i - 1)}")
        if i in placed:
            heapq.heappush(todo, i + 1)
    return placed


def _established(sentences: Sentences, i: int, topic: CompiledTopic, within: Scope,
                 direct: dict[str, dict[int, TopicHit]], placed: dict[int, TopicHit],
                 headlines: dict[str, str | None]) -> str | None:
    """What establishes the topic for sentence ``i`` within scope, as a reader would cite it, or None.

    Looking back N sentences, a sentence that joined the topic by a cue counts as its origin did (a passage
    that keeps to its subject holds it; a bare continuation does not pass the topic on), and the look-back
    stops at a sentence on another topic only (a change of subject). An article is established by its
    headline, or by its lead paragraph when it has no headline; ``headlines`` keeps what each article's
    headline establishes, asked once per article.
    """
    own = direct[topic.id]
    if within.kind == "article":
        title = sentences.title(i)
        article = sentences.article_of(i)
        if article not in headlines:
            evidence = topic.rules.evidence(sentences, i, title) if title else None
            headlines[article] = f'"{evidence[0]}" in the headline' if evidence else None
        if headlines[article]:
            return headlines[article]
        candidates: Sequence[int] = sentences.lead(i) if not title else ()
    else:
        candidates = list(reversed(sentences.before(i, within)))
    for j in candidates:
        if j in own:
            return f'"{own[j].evidence[0]}" in sentence {sentences.number(j)}' if own[j].evidence else None
        if within.kind == "sentences" and j in placed and placed[j].evidence:
            return placed[j].context
        if within.kind == "sentences" and any(j in hits for tid, hits in direct.items() if tid != topic.id):
            return None
    return None


_OPENING, _CLOSING = "“", "”"


class Quotations:
    """For each sentence asked about, whether it starts inside a quotation an earlier sentence opened (curly
    marks nest; straight ones pair).

    A quotation left open at a paragraph's end runs on only when the next paragraph opens with a quotation
    mark (the convention for quotes over several paragraphs); otherwise a stray mark would keep every later
    sentence "inside" it. So nothing is open at the start of a paragraph that opens without a mark, and a
    sentence's answer needs only the sentences since the nearest such paragraph: few are asked about (those
    after a placed sentence), and a claims table has hundreds of thousands.
    """

    def __init__(self, sentences: Sentences) -> None:
        self._sentences = sentences
        # (curly depth, straight mark open) before each sentence walked so far
        self._open: dict[int, tuple[int, bool]] = {}

    def __getitem__(self, i: int) -> bool:
        if i not in self._open:
            self._walk(i)
        depth, straight = self._open[i]
        return depth > 0 or straight

    def _walk(self, i: int) -> None:
        """Walk from the last sentence known, or else from where nothing can be open, up to sentence ``i``."""
        texts, start = self._sentences.texts, self._stretch_start(i)
        j = i
        while j > start and j not in self._open:
            j -= 1
        depth, straight = self._open.get(j, (0, False))
        for k in range(j, i + 1):
            self._open[k] = (depth, straight)
            text = texts[k]
            if _OPENING in text or _CLOSING in text:
                depth = max(0, depth + text.count(_OPENING) - text.count(_CLOSING))
            if '"' in text:
                straight = straight != (text.count('"') % 2 == 1)

    def _stretch_start(self, i: int) -> int:
        """The start of the nearest paragraph up to sentence ``i`` that opens without a quotation mark."""
        start = self._sentences.paragraph_start(i)
        while start > 0 and self._sentences.texts[start].lstrip().startswith(("“", '"')):
            start = self._sentences.paragraph_start(start - 1)
        return start


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item.lower(), None)
    return list(seen)
