"""Sources stage: the parties a sentence names, in order: known names, short names met before, institutions.

Unknown proper names are read by ``proper_names``; the office in front of a person is taken into the
mention, and a name's acronym in brackets stands for it later. A mention is only a candidate; whether it
is cited is decided by the cues (see ``cues`` and ``citations``).
"""

from __future__ import annotations

import re

from perspectives.stages.sources.gazetteer import Gazetteer, Known, given_name_before, short_name
from perspectives.stages.sources.lexicon import NATIONALITIES, ORG_WORDS, STATES, state_of
from perspectives.stages.sources.parties import Mention
from perspectives.stages.sources.proper_names import NAME_RUN, NAME_WORD, bare_word, is_role_word, unknown_names

People = dict[str, tuple[str, Known | None, str]]
"""Short names met so far in an article ("Wang" → "Wang Wenbin", "CNSA" → "China National Space
Administration"): name, gazetteer entry and kind, for resolving later mentions."""
# "the Indian foreign ministry", "China's defence ministry": an institution named in lower case after its state.
_INSTITUTIONS = ("foreign office|state department|"
                 "ministry of (?:foreign affairs|defen[cs]e|finance|trade|commerce|economy)|government|"
                 "embassy|parliament|military|armed forces|navy|army|air force|coast guard|central bank|"
                 "cabinet|presidency|foreign affairs ministry")
_INSTITUTION_WORDS = f"(?:[a-z]+ )?ministry|{_INSTITUTIONS}"
_NATIONAL_INSTITUTION = re.compile(rf"\b(?!The\b)(?P<nation>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?:['’]s)?\s+(?P<what>"
                                   rf"{_INSTITUTION_WORDS})\b")
# Whether a sentence names one at all: "ministry" stands whole wherever "(?:[a-z]+ )?ministry" matches, and
# looking for it alone spares trying a word before it at every letter of the sentence.
_INSTITUTION_WORD = re.compile(rf"\b(?:ministry|{_INSTITUTIONS})\b")
# "the China National Space Administration (CNSA)": the acronym stands for the name from then on.
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)")


def find_mentions(text: str, gazetteer: Gazetteer, people: People, common: frozenset[str] = frozenset(),
                  words: frozenset[str] | None = None) -> list[Mention]:
    """Every party named in a sentence, in order, with the role words in front of people absorbed.

    ``common`` holds the article's lower-case words: a capitalised word that also occurs in lower case
    ("Sanctions" opening a sentence) is an ordinary word, not a name. ``words``, the sentence's
    ``sentence_words``, if given, spares looking for what needs a word the sentence lacks.
    """
    runs = [(m.start(), m.end()) for m in NAME_RUN.finditer(text)]
    mentions = [_known(text, m.start, m.end, m.known) for m in gazetteer.find(text, words)
                if m.known.person or not _inside_larger_name(text, m.start, m.end, runs)]
    mentions += _short_mentions(text, people, mentions)
    mentions += _institutions(text, mentions)
    mentions += unknown_names(text, runs, mentions, common)
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
            return any(bare_word(w) in ORG_WORDS for w in NAME_WORD.findall(outside))
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


# The word before a mention is looked for in a bounded window so an endless "word" costs no more than a short one.
_LOOK_BACK = 120
_ABSORBABLE = frozenset("the and in of for at to a an".split())


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
            before = _word_before(text, start)
            if before is None:
                break
            word_start, word = before
            word_end = word_start + len(word)
            org = next((j for j, m in enumerate(mentions) if m.end == word_end and m.kind != "person"), None)
            if org is not None:
                start = role_start = mentions[org].start
                suppressed.add(org)
            elif is_role_word(word) or bare_word(word) in NATIONALITIES:
                start = role_start = word_start
            elif bare_word(word) in _ABSORBABLE:
                start = word_start  # "ambassadors in Washington": taken only if a role word comes first
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


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """Where the word (a run of non-spaces) before ``start`` begins, and the word, when spaces part it from
    ``start``; None when no space does. A word reaching past the window is cut at its edge."""
    window = text[max(0, start - _LOOK_BACK):start]
    kept = window.rstrip()
    if not kept or len(kept) == len(window):
        return None
    word = kept.rsplit(None, 1)[-1]
    return start - len(window) + len(kept) - len(word), word


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)
