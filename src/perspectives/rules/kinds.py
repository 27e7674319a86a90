"""The rule kinds: each kind's config model, its compiler and its matcher, and the registry of kinds.

Adding a kind is one model here (``compile``, ``problems``, ``listed_terms``, ``term_matcher``), its matcher,
and its place in ``Rule``: the config schema and its messages, topic placement, stance cues and the rule
diagnostics all go through these methods, never through the kind's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, get_args

import re2
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from perspectives.rules.base import Evidence, Matcher, Span
from perspectives.rules.context import Scope, Sentences, check_scope
from perspectives.rules.regex import check_regex, compile_regex
from perspectives.rules.terms import TermsMatcher, compile_terms

_WORDS = re.compile(r"\w+")
# A problem of one rule: the keys below the rule it concerns (empty for the rule itself), and the message.
Problem = tuple[tuple[Any, ...], str]


class _RuleModel(BaseModel):
    # extra="forbid" turns a typo in a key into an error instead of a silently ignored setting.
    model_config = ConfigDict(extra="forbid", frozen=True)
    # Whether a negator before a match cancels it as a stance cue ("no need to evolve into an alliance").
    negatable: ClassVar[bool] = False

    def compile(self) -> Matcher:
        """The matcher that finds this rule's evidence in a sentence."""
        raise NotImplementedError

    def problems(self) -> list[Problem]:
        """What the schema cannot catch: empty terms, regexes RE2 cannot run."""
        raise NotImplementedError

    def listed_terms(self) -> list[tuple[str, str]]:
        """(part label, term) for every term the rule lists, for the rule diagnostics."""
        raise NotImplementedError

    def term_matcher(self, term: str) -> Matcher:
        """A matcher for one listed term on its own (which matched wordings it accounts for): the term,
        case ignored."""
        return compile_terms([term.lower()])


class _GroupsRule(_RuleModel):
    """A rule over groups of terms: the problems and listed terms of co-occurrence and proximity alike."""

    groups: list[list[str]] = Field(min_length=2, description="Groups of terms.")

    def problems(self) -> list[Problem]:
        """An empty term in any group."""
        return _empty_terms(term for group in self.groups for term in group)

    def listed_terms(self) -> list[tuple[str, str]]:
        """Each term, labelled with its group."""
        return [(f", group {i}", term) for i, group in enumerate(self.groups, start=1) for term in group]


class TermsRule(_RuleModel):
    """Match any of the terms; a term's last word also matches its inflections."""

    kind: Literal["terms"] = Field(description="Rule kind.")
    terms: list[str] = Field(min_length=1, description="Words or phrases; `word*` matches a prefix; "
                             "a term in CAPITALS (US, BRI) matches case-sensitively.")
    negatable: ClassVar[bool] = True

    def compile(self) -> Matcher:
        """Any of the terms."""
        return compile_terms(self.terms)

    def problems(self) -> list[Problem]:
        """An empty term."""
        return _empty_terms(self.terms)

    def listed_terms(self) -> list[tuple[str, str]]:
        """Each term."""
        return [("", term) for term in self.terms]


@dataclass(frozen=True)
class CooccurMatcher(Evidence):
    """One term of every group in the same sentence, or, with a wider ``within``, the first group's term in
    the sentence and the other groups' anywhere in that scope around it."""

    groups: tuple[TermsMatcher, ...]
    within: Scope = Scope("sentence")

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """Every group's screen in the sentence, or the first group's alone with a wider scope."""
        groups = self.groups if self.within.kind == "sentence" else self.groups[:1]
        return tuple(need for group in groups for need in group.needs)

    def spans(self, text: str) -> list[Span]:
        """The matches of every group, or none if a group is missing."""
        found: list[Span] = []
        for group in self.groups:
            hits = group.spans(text)
            if not hits:
                return []
            found += hits
        return found

    def evidence_in(self, text: str, sentences: Sentences, i: int) -> list[str] | None:
        """The groups' terms in sentence ``i``, provided each group after the first occurs within scope."""
        if self.within.kind == "sentence":
            return self.evidence(text)
        if not self.groups[0].spans(text):
            return None
        scope = sentences.around(i, self.within)
        if not all(group.spans(text) or any(group.spans(sentences.texts[j]) for j in scope if j != i)
                   for group in self.groups[1:]):
            return None
        return [text[s:e] for group in self.groups for s, e in group.spans(text)]


class CooccurRule(_GroupsRule):
    """Match when every group has at least one term in the same sentence."""

    kind: Literal["cooccur"] = Field(description="Rule kind.")
    groups: list[list[str]] = Field(min_length=2, description="Groups of terms; one of each must occur.")
    within: Annotated[str, AfterValidator(check_scope)] = Field(
        default="sentence", description="Where the groups after the first may occur: sentence, N sentences, "
        "paragraph or article; the first group's term is always in the sentence itself.")

    def compile(self) -> Matcher:
        """One term of each group, within scope."""
        return CooccurMatcher(tuple(compile_terms(group) for group in self.groups), Scope.parse(self.within))


@dataclass(frozen=True)
class NearMatcher(Evidence):
    """A term of each group within ``words`` words of a term of the first group, in the order written when
    ``ordered``."""

    groups: tuple[TermsMatcher, ...]
    words: int
    ordered: bool

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """Every group's screen."""
        return tuple(need for group in self.groups for need in group.needs)

    def spans(self, text: str) -> list[Span]:
        """The first group's term and, for each other group, its nearest term close enough; none if a group
        has no term close enough."""
        for anchor in self.groups[0].spans(text):
            found = [anchor]
            for group in self.groups[1:]:
                close = [span for span in group.spans(text) if self._close(text, anchor, span)]
                if not close:
                    break
                found.append(min(close, key=lambda span: abs(span[0] - anchor[0])))
            else:
                return sorted(found)
        return []

    def _close(self, text: str, anchor: Span, other: Span) -> bool:
        if self.ordered and other[0] < anchor[1]:
            return False
        gap = text[min(anchor[1], other[1]):max(anchor[0], other[0])]
        return len(_WORDS.findall(gap)) <= self.words


class NearRule(_GroupsRule):
    """Match when a term of every group stands within a few words of a term of the first group
    ("extend … treaty", "stab … in the back")."""

    kind: Literal["near"] = Field(description="Rule kind.")
    groups: list[list[str]] = Field(min_length=2, description="Groups of terms; one of each must stand close.")
    words: int = Field(default=5, ge=0, le=50, description="At most this many words between the terms.")
    ordered: bool = Field(default=False, description="The groups' terms must appear in the order written.")
    negatable: ClassVar[bool] = True

    def compile(self) -> Matcher:
        """One term of each group, close to the first group's."""
        return NearMatcher(tuple(compile_terms(group) for group in self.groups), self.words, self.ordered)


@dataclass(frozen=True)
class PatternMatcher(Evidence):
    """A user's regular expression, on RE2."""

    regex: re2._Regexp

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """The pattern itself (RE2 is what runs it), case ignored as compiled."""
        return (f"(?i){self.regex.pattern}",)

    def spans(self, text: str) -> list[Span]:
        """Every match of the pattern."""
        return [m.span() for m in self.regex.finditer(text)]


class PatternRule(_RuleModel):
    """Match a regular expression (RE2 syntax: linear time, no backreferences)."""

    kind: Literal["pattern"] = Field(description="Rule kind.")
    pattern: str = Field(min_length=1, description="A regular expression, matched case-insensitively.")

    def compile(self) -> Matcher:
        """The pattern on RE2."""
        return PatternMatcher(compile_regex(self.pattern))

    def problems(self) -> list[Problem]:
        """A pattern RE2 cannot run."""
        error = check_regex(self.pattern)
        return [(("pattern",), f"invalid regular expression {self.pattern!r}: {error}")] if error else []

    def listed_terms(self) -> list[tuple[str, str]]:
        """The pattern is its own single term."""
        return [("", self.pattern)]

    def term_matcher(self, term: str) -> Matcher:
        """The pattern."""
        return PatternMatcher(compile_regex(term))


Rule = Annotated[TermsRule | CooccurRule | NearRule | PatternRule, Field(discriminator="kind")]
RULE_KINDS: tuple[type[_RuleModel], ...] = get_args(get_args(Rule)[0])
KIND_NAMES: tuple[str, ...] = tuple(get_args(kind.model_fields["kind"].annotation)[0] for kind in RULE_KINDS)


def compile_rule(rule: Rule) -> Matcher:
    """The matcher for one configured rule, of any kind."""
    return rule.compile()


def _empty_terms(terms: Iterable[str]) -> list[Problem]:
    return [((), "an empty term matches everything; remove it") for term in terms if not term.strip(" *")]
