"""Topics stage: compile the config's topic rules and place each claim in zero or more topics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from perspectives.config import CooccurRule, PatternRule, Rule, TermsRule, Topic
from perspectives.records import Claim, TopicHit
from perspectives.rules import terms as patterns


@dataclass(frozen=True)
class CompiledRules:
    """Include rules, and exclusions whose matches are masked out before the include rules run."""

    include: tuple[patterns.Matcher, ...]
    exclude: tuple[patterns.Matcher, ...]

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


def compile_rule(rule: Rule) -> patterns.Matcher:
    """The matcher for one configured rule."""
    if isinstance(rule, TermsRule):
        return patterns.compile_rule("terms", terms=rule.terms)
    if isinstance(rule, CooccurRule):
        return patterns.compile_rule("cooccur", groups=rule.groups)
    assert isinstance(rule, PatternRule)
    return patterns.compile_rule("pattern", pattern=rule.pattern)


def compile_rules(include: Sequence[Rule], exclude: Sequence[Rule]) -> CompiledRules:
    """Compile a pair of include and exclude rule lists."""
    return CompiledRules(tuple(compile_rule(r) for r in include), tuple(compile_rule(r) for r in exclude))


def compile_topics(topics: Sequence[Topic]) -> list[CompiledTopic]:
    """Compile every topic of the config once, before any claim is placed."""
    return [CompiledTopic(t.id, compile_rules(t.rules, t.exclude)) for t in topics]


def mask(text: str, exclude: Sequence[patterns.Matcher]) -> str:
    """The text with every excluded phrase blanked out (same length, so offsets still hold)."""
    chars = list(text)
    for rule in exclude:
        for start, end in rule.spans(text):
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def assign_topics(claims: Sequence[Claim], topics: Sequence[CompiledTopic]) -> list[TopicHit]:
    """Every (claim, topic) pair whose rules match, with the matched terms as evidence."""
    hits: list[TopicHit] = []
    for claim in claims:
        for topic in topics:
            evidence = topic.rules.evidence(claim.text)
            if evidence:
                hits.append(TopicHit(claim.index, topic.id, tuple(evidence)))
    return hits


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item.lower(), None)
    return list(seen)
