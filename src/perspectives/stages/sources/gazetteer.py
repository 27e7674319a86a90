"""Sources stage: the gazetteer of known sources, compiled for finding their names in text and hosts in URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from perspectives.config import SourceEntry
from perspectives.stages.sources.lexicon import ORG_WORDS, ROLE_WORDS
from perspectives.stages.sources.words import word_starts

# Chinese names put the family name first, so "Wang Wenbin" is later "Wang", not "Wenbin".
CHINESE_SURNAMES = frozenset("""
wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang song zheng xie han
tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai jia ding wei xue ye yan pan du
dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin hao kong bai cui kang qiu qin gu hou shao meng
long wan duan lei qian yin qiao lai gong wen xi geng
""".split())
_WORD_BEFORE_NAME = re.compile(r"(?:^|(?<=\s))([A-Z][a-z]+)\s+$")
_NOT_GIVEN = frozenset("the a an but and as for when while if then in on at by to of so yet or with from after before "
                       "since mr mrs ms dr prof said says told".split())


def given_name_before(text: str, start: int) -> bool:
    """Whether a capitalised word other than an office stands right before ``start`` ("Artyom Lukin" is not the
    "Lukin" of the list's "Alexander Lukin"; "President Putin" and "But Putin" are still Putin)."""
    before = _WORD_BEFORE_NAME.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1).lower()
    return word not in _NOT_GIVEN and word not in ROLE_WORDS and word.rstrip("s") not in ROLE_WORDS


_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")
_SPACE = re.compile(r"[\s\-‐‑–]+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Known:
    """A gazetteer entry as the matcher sees it."""

    entry: SourceEntry
    person: bool


@dataclass(frozen=True)
class Match:
    """A gazetteer name found in a text."""

    start: int
    end: int
    known: Known


@dataclass(frozen=True)
class Gazetteer:
    """Every known source, with a regex over all names and aliases (longest first) and a domain table."""

    regex: re.Pattern[str] | None = None
    surfaces: dict[str, Known] = field(default_factory=dict)
    exact: frozenset[str] = frozenset()
    domains: dict[str, Known] = field(default_factory=dict)
    shorts: dict[str, tuple[Known, ...]] = field(default_factory=dict)
    # The first word of every name, lower-cased; None when one is not plain ASCII. See ``_matches``.
    first_words: frozenset[str] | None = None

    def find(self, text: str, words: frozenset[str] | None = None) -> list[Match]:
        """Every non-overlapping known name in ``text``; proper names only (a lower-case hit is a common phrase).
        ``words``, the text's ``sentence_words``, narrows the search to where a name's first word stands."""
        if self.regex is None:
            return []
        found = []
        for m in self._matches(text, words):
            surface = m.group(0)
            key = fold(surface)
            if surface[:1].islower() or (key.upper() in self.exact and surface != key.upper()):
                continue
            known = self.surfaces.get(key)
            if known is not None and surface in self.shorts and given_name_before(text, m.start()):
                continue  # "Artyom Lukin" is not the "Lukin" of the list's "Alexander Lukin"
            if known is not None:
                found.append(Match(m.start(), m.end(), known))
        return found

    def _matches(self, text: str, words: frozenset[str] | None) -> Iterator[re.Match[str]]:
        """The matches of ``regex.finditer(text)``, found by trying the regex only where a name's first word
        stands whole: a match begins a word, and that word is its name's first. Scanning every position of
        every claim for hundreds of names made finding sources a fifth of the build."""
        assert self.regex is not None
        if words is None or self.first_words is None:
            yield from self.regex.finditer(text)
            return
        end = 0
        for start in word_starts(text, words & self.first_words):
            match = self.regex.match(text, start) if start >= end else None
            if match is not None:
                end = match.end()
                yield match

    def lookup(self, name: str) -> Known | None:
        """The entry whose name or alias is ``name``, else None."""
        return self.surfaces.get(fold(name))

    def by_url(self, url: str) -> Known | None:
        """The entry whose domain (given as an alias such as ``tass.com``) hosts ``url``."""
        host = url_host(url)
        while host:
            if host in self.domains:
                return self.domains[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None


def fold(name: str) -> str:
    """A name reduced for comparison: case, curly apostrophes, hyphens and a leading "the" ignored."""
    text = _SPACE.sub(" ", name.replace("’", "'").strip()).casefold()
    return text[4:] if text.startswith("the ") else text


def url_host(url: str) -> str:
    """The host of a URL without ``www.``; a bare ``www.x.org`` works too."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


def is_person(entry: SourceEntry) -> bool:
    """Whether an entry names a person: an official or expert with a role, or a name with no institution word."""
    if entry.type not in ("official", "expert"):
        return False
    words = entry.name.replace(".", " ").split()
    return bool(entry.role) or (2 <= len(words) <= 4 and not any(w.lower() in ORG_WORDS for w in words))


def short_name(name: str, country: str | None = None) -> str | None:
    """The word a person is later called by: the family name (first for Chinese names, else last)."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.|Jr\.?|Sr\.?|III?", w)]
    if len(words) < 2:
        return None
    chinese = words[0].lower() in CHINESE_SURNAMES and (country in (None, "China") and len(words) == 2)
    return words[0] if chinese else words[-1]


def compile_gazetteer(entries: list[SourceEntry]) -> Gazetteer:
    """Compile the config's ``sources:``; a person's family name alone matches only when no one else has it."""
    surfaces: dict[str, Known] = {}
    domains: dict[str, Known] = {}
    acronyms: set[str] = set()
    worded: set[str] = set()
    shorts: dict[str, list[Known]] = {}
    for entry in entries:
        known = Known(entry, is_person(entry))
        for name in (entry.name, *entry.aliases):
            if _DOMAIN.match(name.lower()):
                domains[name.lower().removeprefix("www.")] = known
                continue
            surfaces.setdefault(fold(name), known)
            # "AP" and "RT" must not match "Ap" or "rt"; "Tass" next to "TASS" keeps "Tass" matching.
            (acronyms if name.isupper() and len(name) <= 5 else worded).add(fold(name))
        short = short_name(entry.name, entry.country) if known.person else None
        if short:
            shorts.setdefault(short, []).append(known)
    for short, people in shorts.items():
        if len(people) == 1:
            surfaces.setdefault(fold(short), people[0])
    regex = _names_regex(list(surfaces)) if surfaces else None
    firsts = [_FIRST_WORD.match(name) for name in surfaces]
    first_words = (frozenset(m.group() for m in firsts if m) if all(m and m.group().isascii() for m in firsts)
                   else None)
    exact = frozenset(a.upper() for a in acronyms - worded)
    return Gazetteer(regex, surfaces, exact, domains, {k: tuple(v) for k, v in shorts.items()}, first_words)


_FIRST_WORD = re.compile(r"\w+")
_SEPARATOR = r"[\s\-‐‑–]+"


def _names_regex(names: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex for these folded names as whole words, the longest matching name chosen;
    any spacing or hyphen between words, either apostrophe.

    The names are spelled as a tree of their characters ("putin" and "putin's" share "putin"), so the
    engine reads a name's characters once instead of trying every name in turn; trying the longer
    branch first chooses the longest name, as an alternation sorted longest first would. That holds while
    no two characters of the names match the same character, checked here (else that alternation it is).
    """
    chars = {c for name in names for c in name}
    if any(a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in chars for b in chars
           if not (a.isascii() and b.isascii())):
        body = "|".join(_spelled(n) for n in sorted(names, key=len, reverse=True))
    else:
        tree: dict[str, dict] = {}  # type: ignore[type-arg]
        for name in names:
            node = tree
            for char in name:
                node = node.setdefault(char, {})
            node[""] = {}
        body = _tree_regex(tree)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _tree_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [_spelled(char) + _tree_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def _spelled(folded: str) -> str:
    """A folded name (or one character of it) as a regex: a space stands for any spacing or hyphen."""
    return "".join(_SEPARATOR if c == " " else "['’]" if c == "'" else re.escape(c) for c in folded)
