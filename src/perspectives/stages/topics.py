"""Topics stage: compile the config's topic rules and place sentences in zero or more topics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from perspectives.config import Topic
from perspectives.records import TopicHit
from perspectives.rules import Matcher, Rule, compile_rule


@dataclass(frozen=True)
class CompiledRules:
    """Include rules, and exclusions whose matches are masked out before the include rules run."""

    include: tuple[Matcher, ...]
    exclude: tuple[Matcher, ...]

    def evidence(self, text: str) -> list[str] | None:
        """The matched terms, or None when no include rule matches outside an excluded phrase."""
        masked = mask(text, self.exclude)
        found: list[str] = []
        for rule in self.include:
            hits = rule.evidence(masked)
            if hits:
                found += hits
        return _unique(found) or None


@dataclass(frozen=True)
class CompiledTopic:
    """A topic's id and its compiled rules."""

    id: str
    rules: CompiledRules


def compile_rules(include: Sequence[Rule], exclude: Sequence[Rule]) -> CompiledRules:
    """Compile a pair of include and exclude rule lists."""
    return CompiledRules(tuple(compile_rule(r) for r in include), tuple(compile_rule(r) for r in exclude))


def compile_topics(topics: Sequence[Topic]) -> list[CompiledTopic]:
    """Compile every topic of the config once, before any claim is placed."""
    return [CompiledTopic(t.id, compile_rules(t.rules, t.exclude)) for t in topics]


def mask(text: str, exclude: Sequence[Matcher]) -> str:
    """The text with every excluded phrase blanked out (same length, so offsets still hold)."""
    chars = list(text)
    for rule in exclude:
        for start, end in rule.spans(text):
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def assign_topics(texts: Sequence[str], topics: Sequence[CompiledTopic]) -> list[TopicHit]:
    """Every (sentence, topic) pair whose rules match, with the matched terms as evidence.

    A hit's ``claim_index`` is the sentence's index in ``texts``: the caller may pass one article's claims
    or the claims of many articles at once (as the build does when only the topic rules changed).
    """
    hits: list[TopicHit] = []
    for index, text in enumerate(texts):
        for topic in topics:
            evidence = topic.rules.evidence(text)
            if evidence:
                hits.append(TopicHit(index, topic.id, tuple(evidence)))
    return hits


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item.lower(), None)
    return list(seen)
