"""Sources stage, part two: the parties a sentence names — known names, unknown proper names and their roles.

A mention is only a candidate; whether it is cited is decided by the cues in ``sources``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perspectives.stages.sources.gazetteer import (
    NATIONALITIES,
    ORG_WORDS,
    ROLE_WORDS,
    Gazetteer,
    Known,
    guess_country,
    guess_type,
    short_name,
)

# A capitalised word, an initial ("E.") or a dotted acronym ("U.S."); names run over "of", "for", "and" ...
_TOKEN = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.|[A-Z][\w'’\-]*)"
_CONNECTORS = frozenset("of for and the de von van al bin on".split())
_RUN = re.compile(rf"{_TOKEN}(?:\s+(?:(?:{'|'.join(_CONNECTORS)})\s+)*{_TOKEN})*")
_WORD = re.compile(r"[\w'’.\-]+")
# Capitalised words that start sentences or name times and places, never a speaker.
_STOP = frozenset("""
the a an in on at as but and or nor however while when whenever if this that these those it its he she they
we i you his her their our my yet so also then still even after before since for from with without by to of
both all some most many much no not one two what which who whom how why where there here indeed meanwhile
moreover furthermore additionally specifically curiously interestingly significantly again conceivably alas
period lest regarding reporting speaking according given despite unlike like just only last next today
yesterday tomorrow instead everything nothing something anything such every each either neither whether
though although because unless until once over under between among about against during later earlier
mr mrs ms dr prof sir madam dear let please note see read click follow share more other another any
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december
""".split())
# Words that make a capitalised phrase a place, event or era rather than a party that speaks.
_PLACE_WORDS = frozenset("""
east west north south middle latin america asia europe africa pacific atlantic arctic ocean sea river
mountains olympics olympic games war day week summit peninsula strait island islands street square
""".split())
_ABSORBABLE = frozenset("the and in of for at to a an".split())
_SKIPPED = _STOP | _CONNECTORS

People = dict[str, tuple[str, Known | None]]
"""Short names met so far in an article ("Wang" → "Wang Wenbin"), for resolving later mentions."""


@dataclass(frozen=True)
class Mention:
    """A party named in a sentence; ``start:end`` covers the role words in front of the name."""

    start: int
    end: int
    name: str
    known: Known | None
    kind: str  # person · org · media · document
    role: str = ""

    @property
    def source_type(self) -> str | None:
        """The gazetteer's type, or a guess from the name and role words."""
        if self.known is not None:
            return self.known.entry.type
        # A person's role reads head first ("professor at MGIMO"); an institution's name head last ("Lowy Institute").
        return guess_type(self.role) if self.kind == "person" else guess_type(self.name, head_last=True)

    @property
    def country(self) -> str | None:
        """The gazetteer's country, or the nationality in the role words."""
        return self.known.entry.country if self.known is not None else guess_country(self.role)


def find_mentions(text: str, gazetteer: Gazetteer, people: People) -> list[Mention]:
    """Every party named in a sentence, in order, with the role words in front of people absorbed."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    mentions = [_known(text, m.start, m.end, m.known) for m in gazetteer.find(text)
                if m.known.person or not _inside_larger_name(text, m.start, m.end, runs)]
    mentions += _short_mentions(text, people, mentions)
    mentions += _unknown(text, runs, mentions)
    return _absorb_roles(text, sorted(mentions, key=lambda m: m.start))


def remember_people(mentions: list[Mention], people: People) -> None:
    """Record each person's short name so a later "Shoigu" or "Ambassador Wang" resolves to them."""
    for mention in mentions:
        if mention.kind != "person":
            continue
        country = mention.known.entry.country if mention.known else None
        short = short_name(mention.name, country)
        if short and short != mention.name:
            people[short] = (mention.name, mention.known)


def _known(text: str, start: int, end: int, known: Known) -> Mention:
    entry = known.entry
    kind = "person" if known.person else ("media" if entry.type == "media" else
                                          "document" if entry.type == "document" else "org")
    return Mention(start, end, entry.name, known, kind)


def _inside_larger_name(text: str, start: int, end: int, runs: list[tuple[int, int]]) -> bool:
    """Whether a known name is part of a longer institution's name ("China" in "East China Normal University")."""
    for run_start, run_end in runs:
        if run_start <= start and end <= run_end and (run_start, run_end) != (start, end):
            outside = text[run_start:start] + " " + text[end:run_end]
            return any(_bare(w) in ORG_WORDS for w in _WORD.findall(outside))
    return False


def _short_mentions(text: str, people: People, taken: list[Mention]) -> list[Mention]:
    found: list[Mention] = []
    for short, (name, known) in people.items():
        if short not in text:  # most sentences name none of the article's people: skip the regex
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            if not _overlaps(m.start(), m.end(), taken + found):
                found.append(Mention(m.start(), m.end(), name, known, "person"))
    return found


def _unknown(text: str, runs: list[tuple[int, int]], taken: list[Mention]) -> list[Mention]:
    """Proper names the gazetteer does not know: people (two to four names) and institutions."""
    found = []
    for run_start, run_end in runs:
        cursor = run_start
        for mention in sorted((m for m in taken if m.start < run_end and run_start < m.end), key=lambda m: m.start):
            found += _pieces(text, cursor, mention.start)
            cursor = max(cursor, mention.end)
        found += _pieces(text, cursor, run_end)
    return found


def _pieces(text: str, start: int, end: int) -> list[Mention]:
    tokens = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    role: list[str] = []
    while tokens and (_bare(tokens[0][2]) in _SKIPPED or _is_role(tokens[0][2])
                      or _bare(tokens[0][2]) in NATIONALITIES):
        if _bare(tokens[0][2]) not in _SKIPPED:
            role.append(tokens[0][2])
        tokens.pop(0)
    while tokens and (_bare(tokens[-1][2]) in _CONNECTORS or not tokens[-1][2][:1].isupper()):
        tokens.pop()
    if not tokens:
        return []
    words = [_bare(t[2]) for t in tokens]
    if "and" in words and not any(w in ORG_WORDS for w in words):
        cut = words.index("and")
        return _pieces(text, tokens[0][0], tokens[cut][0]) + _pieces(text, tokens[cut][1], tokens[-1][1])
    is_org = any(w in ORG_WORDS for w in words)  # "Naval War College" is an institution despite "War"
    if any((w in _PLACE_WORDS and not is_org) or (w in _STOP and w not in _CONNECTORS) for w in words):
        return []
    affiliation = next((i for i, w in enumerate(words) if w in ("of", "at", "from")), None)
    if affiliation in (2, 3, 4) and not any(w in ORG_WORDS for w in words[:affiliation]):
        # "Ivan Petrov of MGIMO University": a person, then where they work.
        return (_pieces(text, tokens[0][0], tokens[affiliation - 1][1])
                + _pieces(text, tokens[affiliation][1], tokens[-1][1]))
    s, e = tokens[0][0], tokens[-1][1]
    name = re.sub(r"['’]s$", "", text[s:e])
    e = s + len(name)
    if any(w in ORG_WORDS for w in words):
        kind = {"media": "media", "document": "document"}.get(guess_type(name, head_last=True) or "", "org")
        return [Mention(s, e, name, None, kind, " ".join(role))]
    if 2 <= len(tokens) <= 4 and not any(w in _CONNECTORS for w in words):
        return [Mention(s, e, name, None, "person", " ".join(role))]
    if len(tokens) == 1 and name.isupper() and len(name) >= 3:
        return [Mention(s, e, name, None, "org", " ".join(role))]
    return []


# The word before a mention; looked for in a bounded window so an endless "word" costs no more than a short one.
_WORD_BEFORE = re.compile(r"(\S+)(\s+)$")
_LOOK_BACK = 120


def _absorb_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Take the office in front of a person into the mention; an institution named there is only affiliation."""
    suppressed: set[int] = set()
    result = []
    for mention in mentions:
        if mention.kind != "person":
            result.append(mention)
            continue
        start, role_start, absorbed = mention.start, mention.start, False
        while True:
            before = _WORD_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
            if before is None:
                break
            org = next((j for j, m in enumerate(mentions) if m.end == before.end(1) and m.kind != "person"), None)
            word = before.group(1)
            if org is not None:
                start = role_start = mentions[org].start
                suppressed.add(org)
            elif _is_role(word) or _bare(word) in NATIONALITIES:
                start = role_start = before.start(1)
            elif _bare(word) in _ABSORBABLE:
                start = before.start(1)  # "ambassadors in Washington": taken only if a role word comes first
                continue
            else:
                break
            absorbed = True
        if not absorbed:
            result.append(mention)
            continue
        role = (text[role_start:mention.start].strip() + " " + mention.role).strip()
        result.append(Mention(role_start, mention.end, mention.name, mention.known, "person", role))
    return [m for i, m in enumerate(result) if i not in suppressed]


def _is_role(word: str) -> bool:
    bare = _bare(word)
    return bare in ROLE_WORDS or (bare.endswith("s") and bare[:-1] in ROLE_WORDS)


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)
