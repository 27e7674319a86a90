"""Sources stage, part one: the gazetteer of known sources, compiled for finding names in text and URLs.

Also holds the vocabulary that tells what kind of party an unknown name is (role words, outlet words)
and writes the ready-to-paste ``sources:`` entry for a source the gazetteer does not know yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

import yaml

from perspectives.config import SourceEntry
from perspectives.rules.terms import KEY_LENGTH, word_key

# Words of office or trade: they sit in front of a name ("Defence Minister Sergei Shoigu") or in an
# appositive after it, and they tell an unknown source's type. Plurals are folded by stripping an "s".
OFFICIAL_WORDS = frozenset("""
president premier minister ministry spokesman spokeswoman spokesperson ambassador envoy secretary
chancellor governor mayor senator official diplomat general admiral commander chairman chairwoman
deputy vice prime foreign defence defense state councillor councilor aide adviser advisor leader
counterpart kremlin government administration embassy department office parliament duma congress
representative consul attache attaché military presidential lawmaker legislator politician senate
spokespeople ceo executive chairperson chair commissioner prosecutor regulator ministerial mp speaker commission
""".split())
EXPERT_WORDS = frozenset("""
professor analyst expert scholar researcher fellow academic economist historian theorist strategist
director lecturer specialist dr prof university institute institution center centre foundation school
college academy council club forum program programme project economist consultant think-tank
""".split())
MEDIA_WORDS = frozenset("""
newspaper agency outlet news times post daily journal magazine broadcaster channel tv radio editor
correspondent journalist reporter columnist gazette herald tribune press telegraph guardian observer
monitor express mail chronicle wire television broadcasting service newsroom tabloid
""".split())
DOCUMENT_WORDS = frozenset("""
treaty agreement review charter declaration strategy concept communique communiqué memorandum accord
pact law resolution roadmap convention protocol doctrine statement
""".split())
ROLE_WORDS = OFFICIAL_WORDS | EXPERT_WORDS | MEDIA_WORDS | frozenset("""
head chief senior former acting spokespeople
""".split())
# Words that make a capitalised phrase an institution rather than a person ("East China Normal University").
ORG_WORDS = (EXPERT_WORDS | MEDIA_WORDS | DOCUMENT_WORDS | frozenset("""
ministry government administration embassy department office parliament duma congress committee commission
party bank group association society union organization organisation corporation company council house
kremlin pentagon federation confederation chamber league coalition board authority
freight airlines airways shipping motors energy holdings industries logistics railways lines partners capital
systems technologies inc ltd plc llc corp gmbh
""".split())) - frozenset("professor analyst expert scholar researcher fellow academic economist historian "
                          "theorist strategist director lecturer specialist dr prof editor correspondent "
                          "journalist reporter columnist".split())
# States as speakers ("Russia said", "Beijing insists", "the US has warned" → the government, official): the
# government's name as recorded, the country, the names and capitals that stand for it, its adjectives.
STATES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Chinese government", "China", ("China", "Beijing", "PRC", "People's Republic of China"), ("Chinese",)),
    ("Russian government", "Russia", ("Russia", "Moscow", "Russian Federation"), ("Russian", "Soviet")),
    ("United States government", "United States", ("United States", "US", "U.S.", "USA", "America",
                                                    "Washington"), ("American", "US", "U.S.")),
    ("United Kingdom government", "United Kingdom", ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain",
                                                      "London"), ("British", "UK", "U.K.")),
    ("French government", "France", ("France", "Paris"), ("French",)),
    ("German government", "Germany", ("Germany", "Berlin"), ("German",)),
    ("Italian government", "Italy", ("Italy", "Rome"), ("Italian",)),
    ("Spanish government", "Spain", ("Spain", "Madrid"), ("Spanish",)),
    ("Dutch government", "Netherlands", ("Netherlands", "The Hague"), ("Dutch",)),
    ("Polish government", "Poland", ("Poland", "Warsaw"), ("Polish",)),
    ("Lithuanian government", "Lithuania", ("Lithuania", "Vilnius"), ("Lithuanian",)),
    ("Latvian government", "Latvia", ("Latvia", "Riga"), ("Latvian",)),
    ("Estonian government", "Estonia", ("Estonia", "Tallinn"), ("Estonian",)),
    ("Finnish government", "Finland", ("Finland", "Helsinki"), ("Finnish",)),
    ("Swedish government", "Sweden", ("Sweden", "Stockholm"), ("Swedish",)),
    ("Norwegian government", "Norway", ("Norway", "Oslo"), ("Norwegian",)),
    ("Danish government", "Denmark", ("Denmark", "Copenhagen"), ("Danish",)),
    ("Irish government", "Ireland", ("Ireland", "Dublin"), ("Irish",)),
    ("Icelandic government", "Iceland", ("Iceland", "Reykjavik"), ("Icelandic",)),
    ("Portuguese government", "Portugal", ("Portugal", "Lisbon"), ("Portuguese",)),
    ("Greek government", "Greece", ("Greece", "Athens"), ("Greek",)),
    ("Austrian government", "Austria", ("Austria", "Vienna"), ("Austrian",)),
    ("Swiss government", "Switzerland", ("Switzerland", "Bern"), ("Swiss",)),
    ("Hungarian government", "Hungary", ("Hungary", "Budapest"), ("Hungarian",)),
    ("Czech government", "Czech Republic", ("Czech Republic", "Czechia", "Prague"), ("Czech",)),
    ("Romanian government", "Romania", ("Romania", "Bucharest"), ("Romanian",)),
    ("Bulgarian government", "Bulgaria", ("Bulgaria", "Sofia"), ("Bulgarian",)),
    ("Serbian government", "Serbia", ("Serbia", "Belgrade"), ("Serbian",)),
    ("Ukrainian government", "Ukraine", ("Ukraine", "Kyiv", "Kiev"), ("Ukrainian",)),
    ("Belarusian government", "Belarus", ("Belarus", "Minsk"), ("Belarusian",)),
    ("Moldovan government", "Moldova", ("Moldova", "Chisinau"), ("Moldovan",)),
    ("Georgian government", "Georgia", ("Tbilisi",), ("Georgian",)),
    ("Armenian government", "Armenia", ("Armenia", "Yerevan"), ("Armenian",)),
    ("Azerbaijani government", "Azerbaijan", ("Azerbaijan", "Baku"), ("Azerbaijani",)),
    ("Turkish government", "Turkey", ("Turkey", "Türkiye", "Ankara"), ("Turkish",)),
    ("Kazakh government", "Kazakhstan", ("Kazakhstan", "Astana"), ("Kazakh",)),
    ("Uzbek government", "Uzbekistan", ("Uzbekistan", "Tashkent"), ("Uzbek",)),
    ("Kyrgyz government", "Kyrgyzstan", ("Kyrgyzstan", "Bishkek"), ("Kyrgyz",)),
    ("Tajik government", "Tajikistan", ("Tajikistan", "Dushanbe"), ("Tajik",)),
    ("Mongolian government", "Mongolia", ("Mongolia", "Ulaanbaatar"), ("Mongolian",)),
    ("Japanese government", "Japan", ("Japan", "Tokyo"), ("Japanese",)),
    ("South Korean government", "South Korea", ("South Korea", "Seoul"), ("South Korean", "Korean")),
    ("North Korean government", "North Korea", ("North Korea", "Pyongyang"), ("North Korean",)),
    ("Taiwanese government", "Taiwan", ("Taiwan", "Taipei"), ("Taiwanese",)),
    ("Indian government", "India", ("India", "New Delhi"), ("Indian",)),
    ("Pakistani government", "Pakistan", ("Pakistan", "Islamabad"), ("Pakistani",)),
    ("Afghan government", "Afghanistan", ("Afghanistan", "Kabul"), ("Afghan",)),
    ("Iranian government", "Iran", ("Iran", "Tehran"), ("Iranian",)),
    ("Iraqi government", "Iraq", ("Iraq", "Baghdad"), ("Iraqi",)),
    ("Syrian government", "Syria", ("Syria", "Damascus"), ("Syrian",)),
    ("Israeli government", "Israel", ("Israel",), ("Israeli",)),
    ("Saudi government", "Saudi Arabia", ("Saudi Arabia", "Riyadh"), ("Saudi",)),
    ("Egyptian government", "Egypt", ("Egypt", "Cairo"), ("Egyptian",)),
    ("Vietnamese government", "Vietnam", ("Vietnam", "Hanoi"), ("Vietnamese",)),
    ("Philippine government", "Philippines", ("Philippines", "Manila"), ("Philippine", "Filipino")),
    ("Indonesian government", "Indonesia", ("Indonesia", "Jakarta"), ("Indonesian",)),
    ("Malaysian government", "Malaysia", ("Malaysia", "Kuala Lumpur"), ("Malaysian",)),
    ("Thai government", "Thailand", ("Thailand", "Bangkok"), ("Thai",)),
    ("Singaporean government", "Singapore", ("Singapore",), ("Singaporean",)),
    ("Australian government", "Australia", ("Australia", "Canberra"), ("Australian",)),
    ("New Zealand government", "New Zealand", ("New Zealand", "Wellington"), ()),
    ("Canadian government", "Canada", ("Canada", "Ottawa"), ("Canadian",)),
    ("Mexican government", "Mexico", ("Mexico",), ("Mexican",)),
    ("Brazilian government", "Brazil", ("Brazil", "Brasilia"), ("Brazilian",)),
    ("Argentine government", "Argentina", ("Argentina", "Buenos Aires"), ("Argentine", "Argentinian")),
    ("Venezuelan government", "Venezuela", ("Venezuela", "Caracas"), ("Venezuelan",)),
    ("Cuban government", "Cuba", ("Cuba", "Havana"), ("Cuban",)),
    ("South African government", "South Africa", ("South Africa", "Pretoria"), ("South African",)),
    ("Nigerian government", "Nigeria", ("Nigeria", "Abuja"), ("Nigerian",)),
    ("Kenyan government", "Kenya", ("Kenya", "Nairobi"), ("Kenyan",)),
)
_STATE_OF = {fold_name.casefold(): (government, country) for government, country, names, _ in STATES
             for fold_name in (*names, government)}
NATIONALITIES: dict[str, str | None] = {
    **{adjective.casefold(): country for _, country, _, adjectives in STATES for adjective in adjectives},
    **{f"{name.casefold()}'s": country for _, country, names, _ in STATES for name in names},
    "european": None, "western": None, "eastern": None,
}
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


def guess_type(words: str, *, head_last: bool = False) -> str | None:
    """A source type from the first (or, for a name, the last) telling word: minister → official, newspaper → media."""
    kinds = [_kind_of(t) for t in re.findall(r"[\w'’]+", words.lower())]
    kinds = [k for k in kinds if k is not None]
    return (kinds[-1] if head_last else kinds[0]) if kinds else None


def _kind_of(token: str) -> str | None:
    for vocabulary, kind in ((DOCUMENT_WORDS, "document"), (MEDIA_WORDS, "media"),
                             (OFFICIAL_WORDS, "official"), (EXPERT_WORDS, "expert")):
        if token in vocabulary or (token.endswith("s") and token[:-1] in vocabulary):
            return kind
    return None


def guess_country(words: str) -> str | None:
    """The first nationality (or country, "of Japan") named in the words describing a source, else None."""
    text = words.replace("’", "'")
    whole = state_of(text)
    if whole is not None:
        return whole[1]
    for token in re.findall(r"[\w'.]+", text):
        bare = token.rstrip(".") if token.count(".") == 1 else token
        # "US" and "UK" only in capitals: "us" is a pronoun.
        if bare.islower() and bare.casefold() in ("us", "uk"):
            continue
        if NATIONALITIES.get(bare.casefold()):
            return NATIONALITIES[bare.casefold()]
        state = state_of(bare)
        if state is not None:
            return state[1]
    return None


def state_of(name: str) -> tuple[str, str] | None:
    """(government, country) when ``name`` stands for a state ("Moscow", "the US", "Britain"), else None."""
    key = name.replace("’", "'").strip()
    key = key[4:] if key.lower().startswith("the ") else key
    return _STATE_OF.get(key.casefold())


def suggest_entry(name: str, source_type: str | None, country: str | None, role: str | None) -> str:
    """A ``sources:`` entry to paste into config.yaml; the type and country come from the role words when the
    citation gave none ("the Japanese ambassador" → official, Japan); an unguessable type is left for the user."""
    source_type = source_type or (guess_type(role) if role else None) or guess_type(name, head_last=True)
    country = country or (guess_country(role) if role else None)
    entry: dict[str, object] = {"name": name, "aliases": [], "type": source_type or "CHOOSE"}
    if country:
        entry["country"] = country
    if role:
        entry["role"] = role
    text: str = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, default_flow_style=None, width=200)
    return text.replace("type: CHOOSE", "type:  # choose one: media, official, expert, document").rstrip()


_LEAD = re.compile(r"^(?:(?:the|a|an|his|her|its|their|who|is|was|now|currently|also|then|former(?=\s+\w+\s))\s+)+",
                   re.IGNORECASE)


def role_of(name: str, surface: str) -> str | None:
    """The role words around a name in the text that cited it, for a suggested entry's ``role``: the office in
    front ("Foreign Minister Ivan Petrov" → "Foreign Minister") or the appositive after ("Li Wei Ming, an
    economist at Fudan University" → "economist at Fudan University"), the name itself and articles left out.
    None when the words hold no role word (a name alone, a headline's words)."""
    text = surface.replace("’", "'")
    if name.replace("’", "'") in text:
        text = text.replace(name.replace("’", "'"), " , ")
    else:  # the surface called them by part of their name ("Petrov", "Ambassador Wang")
        for word in name.replace("’", "'").split():
            text = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", " ", text)
    parts = [re.sub(r"\s+", " ", part).strip(" ,;:") for part in re.split(r"\s,\s", text)]
    parts = [_LEAD.sub("", re.sub(r"'s$", "", part)).strip() for part in parts]
    role = ", ".join(p for p in parts if p)
    words = re.findall(r"[\w'-]+", role.lower())
    if not any(w in ROLE_WORDS or w.rstrip("s") in ROLE_WORDS or w in NATIONALITIES for w in words):
        return None
    return role or None
