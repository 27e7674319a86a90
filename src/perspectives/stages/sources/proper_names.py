"""Proper names the gazetteer does not know: a run of capitalised words read as a state, person or institution.

Also the words that start, join or end such a run (sentence openers, connectors, times, places), and
the word tests the other finders share.
"""

from __future__ import annotations

import re

from perspectives.stages.sources.lexicon import NATIONALITIES, ORG_WORDS, ROLE_WORDS, guess_type, state_of
from perspectives.stages.sources.parties import Mention

# A capitalised word, an initial ("E.") or a dotted acronym ("U.S."); names run over "of", "for", "and" ...
_TOKEN = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z]\.|[A-Z][\w'’\-]*)"
_CONNECTORS = frozenset("of for and the de von van al bin on".split())
NAME_RUN = re.compile(rf"{_TOKEN}(?:\s+(?:(?:{'|'.join(_CONNECTORS)})\s+)*{_TOKEN})*")
NAME_WORD = re.compile(r"[\w'’.\-]+")
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
# Institutions whose one word is their name; "the Ministry" alone refers back instead (see referents).
_PROPER_BODIES = frozenset("kremlin pentagon duma knesset bundestag".split())
_TIMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today yesterday tonight
""".split())
_SKIPPED = _STOP | _CONNECTORS
# How most runs are written ("The", "But", "IF"), and a blank piece: no name, known without tokenising it.
_SKIPPED_SPELLINGS = frozenset(spelling for word in _SKIPPED
                               for spelling in (word, word.capitalize(), word.upper())) | {""}
# Office and trade words and their plurals, as ``is_role_word`` reads them ("Minister", "analysts").
_ROLE_FORMS = ROLE_WORDS | frozenset(word + "s" for word in ROLE_WORDS)
# Single capitalised words that name no party on their own.
_NOT_SINGLE = frozenset("""
officials analysts experts observers critics sources diplomats reports media documents witnesses residents people
others many some several both neither each few everyone nobody anyone someone government ministry kremlin
mr mrs ms dr sir god president minister premier king queen prince pope chairman
""".split()) - frozenset(["kremlin"])


def unknown_names(text: str, runs: list[tuple[int, int]], taken: list[Mention],
                  common: frozenset[str] = frozenset()) -> list[Mention]:
    """Proper names the gazetteer does not know: states, people (two to four names) and institutions."""
    found = []
    taken = sorted(taken, key=lambda m: m.start)
    for run_start, run_end in runs:
        if run_start and text[run_start - 1] in "@#/.":
            continue  # a handle, a hashtag or part of an address, not a name
        cursor, bounds = run_start, []
        for mention in taken:
            if mention.start < run_end and run_start < mention.end:
                bounds.append((cursor, mention.start))
                cursor = max(cursor, mention.end)
        bounds.append((cursor, run_end))
        for start, end in bounds:
            if text[start:end] not in _SKIPPED_SPELLINGS:  # most are blank or one opener ("The", "But")
                found += _pieces(text, start, end, common)
    return found


Token = tuple[int, int, str, str]
"""A word of a run: start, end, the word as written and its ``bare_word``, worked out once."""


def _tokens(text: str, start: int, end: int) -> list[Token]:
    return [(m.start(), m.end(), word, bare_word(word))
            for m in NAME_WORD.finditer(text, start, end) for word in (m.group(),)]


def _pieces(text: str, start: int, end: int, common: frozenset[str] = frozenset()) -> list[Mention]:
    every = _tokens(text, start, end)
    if all(t[3] in _SKIPPED for t in every):
        return []  # blank (a known name took the run) or sentence openers and connectors ("But The")
    role: list[str] = []
    nationality_start: int | None = None  # "the British Seafood Federation": the nationality is in its name
    first, last = 0, len(every)
    while first < last:
        bare = every[first][3]
        then = every[first + 1][3] if first + 1 < last else None
        if not (bare in _SKIPPED
                or (bare in _ROLE_FORMS and not (  # "Institute for ...", "Ministry of ..." are names
                    bare in ORG_WORDS and then is not None and then in _CONNECTORS))
                or (bare in NATIONALITIES and then is not None and then not in _CONNECTORS)):
            break
        if bare not in _SKIPPED:
            role.append(every[first][2])
        if bare in NATIONALITIES and bare not in _ROLE_FORMS:
            nationality_start = every[first][0] if nationality_start is None else nationality_start
        else:
            nationality_start = None
        first += 1
    while first < last and (every[last - 1][3] in _CONNECTORS or not every[last - 1][2][:1].isupper()
                            or every[last - 1][3] in _TIMES):
        last -= 1  # "Roscosmos Wednesday announced": the day is not part of the name
    tokens = every[first:last]
    if not tokens:
        # Only offices and nationalities: an institution when the last is one ("the Russian Foreign Ministry",
        # "the Kremlin"), else nothing ("Russian", "President").
        named = [t for t in every if t[3] not in _SKIPPED or t[3] in _CONNECTORS]
        while named and named[0][3] in _SKIPPED:
            named.pop(0)
        if named and named[-1][3] in ORG_WORDS and (len(named) > 1 or named[0][3] in _PROPER_BODIES):
            name = _unpossess(text[named[0][0]:named[-1][1]])
            return [Mention(named[0][0], named[0][0] + len(name), name, None, "org")]
        return []
    words = [t[3] for t in tokens]
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
    last_role = max((i for i, t in enumerate(tokens[:-1]) if t[3] in _ROLE_FORMS), default=None)
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
        if nationality_start is not None and role and not any(is_role_word(r) for r in role):
            s, name, role = nationality_start, text[nationality_start:e], []
        kind = {"media": "media", "document": "document"}.get(guess_type(name, head_last=True) or "", "org")
        return [Mention(s, e, name, None, kind, " ".join(role))]
    if 2 <= len(tokens) <= 4 and not any(w in _CONNECTORS for w in words):
        # The office in front is part of the mention ("Gazprom CEO Alexey Miller"), as _absorb_roles does.
        return [Mention(role_start, e, name, None, "person", " ".join(role))]
    if len(tokens) == 1 and name.isupper() and len(name) >= 3:
        return [Mention(s, e, name, None, "org", " ".join(role))]
    if (len(tokens) == 1 and len(name) >= 3 and name[1:].islower() and name.isalpha()
            and name.lower() not in common and name.lower() not in _NOT_SINGLE and not is_role_word(name)
            and name.lower() not in NATIONALITIES):
        # One capitalised word that the article never writes in lower case: a surname, an outlet or a company
        # ("Reuters", "Gazprom"); it is a source only where a cue binds it. With an office in front
        # ("Defence Minister Shoigu") it is a person.
        return [Mention(s, e, name, None, "person" if role else "name", " ".join(role))]
    return []


def is_role_word(word: str) -> bool:
    """Whether a word (possessive or plural) is an office or trade word ("Minister", "analysts")."""
    return bare_word(word) in _ROLE_FORMS


def bare_word(word: str) -> str:
    """A word in lower case without a possessive "'s"."""
    return _unpossess(word).lower()


def _unpossess(word: str) -> str:
    """The word without a possessive "'s" ("Russia's" → "Russia")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word
