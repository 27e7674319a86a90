"""Sources stage: the gazetteer of known sources, compiled for finding their names in text and hosts in URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from perspectives.config import SourceEntry
from perspectives.rules.terms import KEY_LENGTH, word_key
from perspectives.stages.sources.lexicon import ORG_WORDS, ROLE_WORDS

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
    # (word_key of the first word, name regex) in the order of ``regex``'s alternation; None when some name
    # has no key. See ``_matches``.
    keyed: tuple[tuple[str, str], ...] | None = None
    _by_head: dict[str, re.Pattern[str] | None] = field(default_factory=dict, compare=False, repr=False)

    def find(self, text: str) -> list[Match]:
        """Every non-overlapping known name in ``text``; proper names only (a lower-case hit is a common phrase)."""
        if self.regex is None:
            return []
        found = []
        for m in self._matches(text):
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

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``regex.finditer(text)``, found by trying at each word only the names it can start.

        Every name starts with word characters and a match cannot follow one, so a match starts where a word
        does, and only a name whose key begins that word can match there; keeping the alternation's order
        among those names keeps its choice. Trying hundreds of names at every word made finding sources
        a fifth of the build.
        """
        if self.keyed is None:
            yield from self.regex.finditer(text)  # type: ignore[union-attr]
            return
        end = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < end:
                continue
            head = text[start:start + KEY_LENGTH]
            regex = self._regex_for(head.lower()) if head.isascii() else self.regex
            match = regex.match(text, start) if regex is not None else None
            if match is not None:
                end = match.end()
                yield match

    def _regex_for(self, head: str) -> re.Pattern[str] | None:
        """The alternation of the names a word starting with ``head`` may begin, or None when there is none."""
        if head not in self._by_head:
            names = tuple(rx for key, rx in self.keyed or () if head.startswith(key))
            self._by_head[head] = _names_regex(names) if names else None
        return self._by_head[head]

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
    names = sorted(surfaces, key=len, reverse=True)
    # The boundary checks go once around the alternation, not on every name: same matches, but Python's
    # engine then tests them once per position instead of once per name (ten times faster on an article).
    regexes = tuple(_name_regex(n) for n in names)
    regex = _names_regex(regexes) if names else None
    keys = [word_key(n.split(" ")[0]) for n in names]
    keyed = None if None in keys else tuple((k, r) for k, r in zip(keys, regexes, strict=True) if k is not None)
    exact = frozenset(a.upper() for a in acronyms - worded)
    return Gazetteer(regex, surfaces, exact, domains, {k: tuple(v) for k, v in shorts.items()}, keyed)


@cache
def _names_regex(regexes: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for these name regexes, tried in order, as whole words."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(regexes)})(?![\w-])", re.IGNORECASE)


def _name_regex(folded: str) -> str:
    """A folded name as a regex: any spacing or hyphen between words, either apostrophe, optional "the"."""
    words = [re.escape(w).replace("'", "['’]") for w in folded.split(" ")]
    return r"[\s\-‐‑–]+".join(words)
