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
    STATES,
    Gazetteer,
    Known,
    given_name_before,
    guess_country,
    guess_type,
    short_name,
    state_of,
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
eurasia eurasian arctic antarctica balkans caucasus baltic baltics gulf region
""".split())
_ABSORBABLE = frozenset("the and in of for at to a an".split())
# Institutions whose one word is their name; "the Ministry" alone refers back instead (see cues.referents).
_PROPER_BODIES = frozenset("kremlin pentagon duma knesset bundestag".split())
_TIMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tonight
""".split())
_SKIPPED = _STOP | _CONNECTORS

People = dict[str, tuple[str, Known | None, str]]
"""Short names met so far in an article ("Wang" → "Wang Wenbin", "CNSA" → "China National Space
Administration"): name, gazetteer entry and kind, for resolving later mentions."""
# "the Indian foreign ministry", "China's defence ministry": an institution named in lower case after its state.
_INSTITUTION_WORDS = ("(?:[a-z]+ )?ministry|foreign office|state department|"
                      "ministry of (?:foreign affairs|defen[cs]e|finance|trade|commerce|economy)|government|"
                      "embassy|parliament|military|armed forces|navy|army|air force|coast guard|central bank|"
                      "cabinet|presidency|foreign affairs ministry")
_NATIONAL_INSTITUTION = re.compile(rf"\b(?!The\b)(?P<nation>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:['’]s)?\s+(?P<what>"
                                   rf"{_INSTITUTION_WORDS})\b")
_INSTITUTION_WORD = re.compile(rf"\b(?:{_INSTITUTION_WORDS})\b")
# "the China National Space Administration (CNSA)": the acronym stands for the name from then on.
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)")
# Single capitalised words that name no party on their own.
_NOT_SINGLE = frozenset("""
officials analysts experts observers critics sources diplomats reports media documents witnesses residents people
others many some several both neither each few everyone nobody anyone someone government ministry kremlin
mr mrs ms dr sir god president minister premier king queen prince pope chairman
""".split()) - frozenset(["kremlin"])


@dataclass(frozen=True)
class Mention:
    """A party named in a sentence; ``start:end`` covers the role words in front of the name."""

    start: int
    end: int
    name: str
    known: Known | None
    kind: str  # person · org · media · document · state · name (one word: a surname, outlet or company)
    role: str = ""

    @property
    def source_type(self) -> str | None:
        """The gazetteer's type, or a guess from the name and role words."""
        if self.known is not None:
            return self.known.entry.type
        # A person's role reads head first ("professor at MGIMO"); an institution's name head last ("Lowy
        # Institute"), else the words describing it ("the news agency Interfax").
        if self.kind == "person":
            return guess_type(self.role)
        return guess_type(self.name, head_last=True) or (guess_type(self.role) if self.role else None)

    @property
    def country(self) -> str | None:
        """The gazetteer's country, or the nationality in the role words."""
        if self.known is not None:
            return self.known.entry.country
        return guess_country(self.role) or (guess_country(self.name) if self.kind != "person" else None)


def find_mentions(text: str, gazetteer: Gazetteer, people: People,
                  common: frozenset[str] = frozenset()) -> list[Mention]:
    """Every party named in a sentence, in order, with the role words in front of people absorbed.

    ``common`` holds the article's lower-case words: a capitalised word that also occurs in lower case
    ("Sanctions" opening a sentence) is an ordinary word, not a name.
    """
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    mentions = [_known(text, m.start, m.end, m.known) for m in gazetteer.find(text)
                if m.known.person or not _inside_larger_name(text, m.start, m.end, runs)]
    mentions += _short_mentions(text, people, mentions)
    mentions += _institutions(text, mentions)
    mentions += _unknown(text, runs, mentions, common)
    mentions = _absorb_roles(text, sorted(mentions, key=lambda m: m.start))
    return _acronyms(text, mentions, people)


def _institutions(text: str, taken: list[Mention]) -> list[Mention]:
    """"the Indian foreign ministry": the institution, named after its state, typed official."""
    found: list[Mention] = []
    if not _INSTITUTION_WORD.search(text):
        return found
    for match in _NATIONAL_INSTITUTION.finditer(text):
        nation = match.group("nation")
        country = NATIONALITIES.get(nation.lower()) or (state_of(nation) or (None, None))[1]
        if country is None or _overlaps(match.start(), match.end(), taken + found):
            continue
        what = match.group("what")
        adjective = next((a for g, c, _, adjectives in STATES if c == country for a in adjectives[:1]), None)
        if what.lower() == "government":
            name = next(g for g, c, _, _ in STATES if c == country)
        else:
            name = f"{adjective or country} {what.title().replace(' Of ', ' of ')}"
        found.append(Mention(match.start(), match.end(), name, None, "org", nation))
    return found


def _acronyms(text: str, mentions: list[Mention], people: People) -> list[Mention]:
    """A name followed by its acronym in brackets: the acronym is dropped here and stands for it later."""
    kept: list[Mention] = []
    skip_until = -1
    for mention in mentions:
        if mention.start < skip_until:
            continue
        after = _ACRONYM_AFTER.match(text, mention.end)
        if after is not None and mention.kind != "person" and len(mention.name.split()) > 1:
            people[after.group("acronym")] = (mention.name, mention.known, mention.kind)
            skip_until = after.end()
        kept.append(mention)
    return kept


def remember_people(mentions: list[Mention], people: People) -> None:
    """Record each person's short name so a later "Shoigu" or "Ambassador Wang" resolves to them."""
    for mention in mentions:
        if mention.kind != "person":
            continue
        country = mention.known.entry.country if mention.known else None
        short = short_name(mention.name, country)
        if short and short != mention.name:
            people[short] = (mention.name, mention.known, "person")


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
    """Short names met earlier; not where the word is part of a longer name ("Li" in "Li Wei Ming")."""
    found: list[Mention] = []
    for short, (name, known, kind) in people.items():
        if short not in text:  # most sentences name none of the article's people: skip the regex
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
            if kind == "person" and (_NAME_AFTER.match(text, m.end()) or given_name_before(text, m.start())):
                continue
            if not _overlaps(m.start(), m.end(), taken + found):
                found.append(Mention(m.start(), m.end(), name, known, kind))
    return found


_NAME_AFTER = re.compile(r"\s[A-Z][a-z]")


def _unknown(text: str, runs: list[tuple[int, int]], taken: list[Mention],
             common: frozenset[str] = frozenset()) -> list[Mention]:
    """Proper names the gazetteer does not know: states, people (two to four names) and institutions."""
    found = []
    for run_start, run_end in runs:
        if run_start and text[run_start - 1] in "@#/.":
            continue  # a handle, a hashtag or part of an address, not a name
        cursor = run_start
        for mention in sorted((m for m in taken if m.start < run_end and run_start < m.end), key=lambda m: m.start):
            found += _pieces(text, cursor, mention.start, common)
            cursor = max(cursor, mention.end)
        found += _pieces(text, cursor, run_end, common)
    return found


def _pieces(text: str, start: int, end: int, common: frozenset[str] = frozenset()) -> list[Mention]:
    tokens = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(text[start:end])]
    named = [t for t in tokens if _bare(t[2]) not in _SKIPPED or _bare(t[2]) in _CONNECTORS]
    while named and _bare(named[0][2]) in _SKIPPED:
        named.pop(0)
    role: list[str] = []
    nationality_start: int | None = None  # "the British Seafood Federation": the nationality is in its name
    while tokens and (_bare(tokens[0][2]) in _SKIPPED
                      or (_is_role(tokens[0][2]) and not (  # "Institute for ...", "Ministry of ..." are names
                          _bare(tokens[0][2]) in ORG_WORDS and len(tokens) > 1 and _bare(tokens[1][2]) in _CONNECTORS))
                      or (_bare(tokens[0][2]) in NATIONALITIES and len(tokens) > 1
                          and _bare(tokens[1][2]) not in _CONNECTORS)):
        if _bare(tokens[0][2]) not in _SKIPPED:
            role.append(tokens[0][2])
        if _bare(tokens[0][2]) in NATIONALITIES and not _is_role(tokens[0][2]):
            nationality_start = tokens[0][0] if nationality_start is None else nationality_start
        else:
            nationality_start = None
        tokens.pop(0)
    while tokens and (_bare(tokens[-1][2]) in _CONNECTORS or not tokens[-1][2][:1].isupper()
                      or _bare(tokens[-1][2]) in _TIMES):
        tokens.pop()  # "Roscosmos Wednesday announced": the day is not part of the name
    if not tokens:
        # Only offices and nationalities: an institution when the last is one ("the Russian Foreign Ministry",
        # "the Kremlin"), else nothing ("Russian", "President").
        if named and _bare(named[-1][2]) in ORG_WORDS and (len(named) > 1 or _bare(named[0][2]) in _PROPER_BODIES):
            name = _unpossess(text[named[0][0]:named[-1][1]])
            return [Mention(named[0][0], named[0][0] + len(name), name, None, "org")]
        return []
    words = [_bare(t[2]) for t in tokens]
    if "and" in words and not any(w in ORG_WORDS for w in words):
        cut = words.index("and")
        return (_pieces(text, tokens[0][0], tokens[cut][0], common)
                + _pieces(text, tokens[cut][1], tokens[-1][1], common))
    role_start = tokens[0][0]
    s, e = tokens[0][0], tokens[-1][1]
    state = state_of(_unpossess(text[s:e]))
    if state is not None:  # "Russia", "the United States", "Beijing": the state, speaking through its government
        name = _unpossess(text[s:e])
        return [Mention(s, s + len(name), state[0], None, "state", " ".join(role))]
    # "Gazprom CEO Alexey Miller", "Presidential Spokesman Ivan Petrov": the name after the last role word.
    last_role = max((i for i, t in enumerate(tokens[:-1]) if _is_role(t[2])), default=None)
    if last_role is not None:
        rest = tokens[last_role + 1:]
        rest_words = words[last_role + 1:]
        if (1 <= len(rest) <= 4 and rest_words[0] not in _CONNECTORS
                and not any(w in ORG_WORDS or w in _CONNECTORS for w in rest_words)
                and (len(rest) >= 2 or last_role >= 1)):
            role = [t[2] for t in tokens[:last_role + 1]]
            tokens, words = rest, rest_words
    is_org = any(w in ORG_WORDS for w in words)  # "Naval War College" is an institution despite "War"
    if any((w in _PLACE_WORDS and not is_org) or (w in _STOP and w not in _CONNECTORS) for w in words):
        return []
    affiliation = next((i for i, w in enumerate(words) if w in ("of", "at", "from")), None)
    if affiliation in (2, 3, 4) and not any(w in ORG_WORDS for w in words[:affiliation]):
        # "Ivan Petrov of MGIMO University": a person, then where they work.
        return (_pieces(text, tokens[0][0], tokens[affiliation - 1][1], common)
                + _pieces(text, tokens[affiliation][1], tokens[-1][1], common))
    s, e = tokens[0][0], tokens[-1][1]
    name = _unpossess(text[s:e])
    e = s + len(name)
    if any(w in ORG_WORDS for w in words):
        if nationality_start is not None and role and not any(_is_role(r) for r in role):
            s, name, role = nationality_start, text[nationality_start:e], []
        kind = {"media": "media", "document": "document"}.get(guess_type(name, head_last=True) or "", "org")
        return [Mention(s, e, name, None, kind, " ".join(role))]
    if 2 <= len(tokens) <= 4 and not any(w in _CONNECTORS for w in words):
        # The office in front is part of the mention ("Gazprom CEO Alexey Miller"), as _absorb_roles does.
        return [Mention(role_start, e, name, None, "person", " ".join(role))]
    if len(tokens) == 1 and name.isupper() and len(name) >= 3:
        return [Mention(s, e, name, None, "org", " ".join(role))]
    if (len(tokens) == 1 and len(name) >= 3 and name[1:].islower() and name.isalpha()
            and name.lower() not in common and name.lower() not in _NOT_SINGLE and not _is_role(name)
            and name.lower() not in NATIONALITIES):
        # One capitalised word that the article never writes in lower case: a surname, an outlet or a company
        # ("Reuters", "Gazprom"); it is a source only where a cue binds it. With an office in front
        # ("Defence Minister Shoigu") it is a person.
        return [Mention(s, e, name, None, "person" if role else "name", " ".join(role))]
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
        absorbed_role = text[role_start:mention.start].strip()
        role = absorbed_role if mention.role and mention.role in absorbed_role else (
            f"{absorbed_role} {mention.role}".strip())
        result.append(Mention(role_start, mention.end, mention.name, mention.known, "person", role))
    return [m for i, m in enumerate(result) if i not in suppressed]


def _is_role(word: str) -> bool:
    bare = _bare(word)
    return bare in ROLE_WORDS or (bare.endswith("s") and bare[:-1] in ROLE_WORDS)


def _bare(word: str) -> str:
    return _unpossess(word).lower()


def _unpossess(word: str) -> str:
    """The word without a possessive "'s" ("Russia's" → "Russia")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)
