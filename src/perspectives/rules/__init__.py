"""The rule language: every rule kind's model, compiler and matcher, and the regex and term machinery."""

from perspectives.rules.base import Matcher, Span
from perspectives.rules.context import SCOPE_HELP, Scope, Sentences, check_scope
from perspectives.rules.kinds import (
    KIND_NAMES,
    RULE_KINDS,
    CooccurRule,
    NearRule,
    PatternRule,
    Problem,
    Rule,
    TermsRule,
    compile_rule,
)
from perspectives.rules.regex import check_regex, compile_regex
from perspectives.rules.screen import Screen, Screened
from perspectives.rules.terms import compile_terms

__all__ = ["KIND_NAMES", "RULE_KINDS", "SCOPE_HELP", "CooccurRule", "Matcher", "NearRule",
           "PatternRule", "Problem", "Rule", "Scope", "Screen", "Screened", "Sentences", "Span", "TermsRule",
           "check_regex", "check_scope", "compile_regex", "compile_rule", "compile_terms"]
