"""Citations: the outside sources each claim cites, from cues, links, URLs and notes, once per claim and source.

Metadata is not cited: the republishing site, the original publisher and the author are set aside, and so
are datelines and wire bylines ("MOSCOW, Dec. 1 (TASS) --", "(Reporting by ...)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from perspectives.records import Article, Citation, Claim, Link
from perspectives.stages.sources.cues import cue_hits
from perspectives.stages.sources.gazetteer import Gazetteer, fold, url_host
from perspectives.stages.sources.masking import words_after_masking
from perspectives.stages.sources.mentions import People, find_mentions, remember_people
from perspectives.stages.sources.parties import Mention
from perspectives.stages.sources.referents import Referent, referents
from perspectives.stages.sources.speech import DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS
from perspectives.stages.sources.words import sentence_words

# Cues from strongest to weakest: a claim citing a source twice keeps the first of these.
_RANK = ("outlet", "reporting_verb", "according_to", "document_says", "linked_speech", "continuation", "work", "link",
         "note", "url", "document")
_POINTER = re.compile(r"^(?:read (?:it |more |the \w+ )?here|here|this|source|link|full text|see here)$", re.I)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'\-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:,\s*\d{4})?\s*"
                       r"(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s")
_WIRE_BYLINE = re.compile(r"\((?:Reporting|Writing|Editing|Additional reporting|Compiled)\b[^)]*\)|"
                          r"\b(?:Reporting|Writing|Editing|Additional reporting) by\b[^.;)]*")
URL = re.compile(r"(?:https?://|www\.)[^\s)>\]\"”]+")
_INVERTED_AUTHOR = re.compile(r"^\s*(?:\[?\d+\]?[.)]?\s*)?(?P<last>[A-Z][\w’'\-]+),\s+"
                              r"(?P<first>[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+)?(?:\s+[A-Z]\.)*)[.,]?\s")


def extract_citations(article: Article, claims: list[Claim], gazetteer: Gazetteer) -> list[Citation]:
    """Every outside source each claim cites, once per claim, plus those of the notes; metadata excluded."""
    people: People = {}
    found: list[Citation] = []
    common = frozenset(_LOWER_WORD.findall(article.body))
    named: list[Mention] = []  # every party named so far, for "he said", "the ministry added"
    speakers: list[Mention] = []  # those of them a cue made speak
    for claim in claims:
        text = _blank_furniture(claim.text)
        words = sentence_words(text)
        mentions = find_mentions(text, gazetteer, people, common, words)
        words = words_after_masking(text, mentions, words)
        cited = _claim_citations(claim, text, words, mentions, _claim_links(article, claim), gazetteer)
        for referent in referents(text, mentions, words):
            for mention in resolve(referent, named + mentions[:referent.before], speakers):
                cited.append(_citation(claim.index, mention, "continuation", referent.surface))
                speakers.append(mention)
        found += cited
        names = {fold(c.source) for c in cited if c.cue in _SPEAKING}
        if names:
            speakers += [m for m in mentions if fold(m.name) in names]
        named += mentions
        remember_people(mentions, people)
    found += _note_citations(article, claims, gazetteer)
    metadata = _metadata(article)
    return _dedupe(c for c in found if not _is_metadata(c.source, *metadata))


def _claim_citations(claim: Claim, text: str, words: frozenset[str], mentions: list[Mention], links: list[Link],
                     gazetteer: Gazetteer) -> list[Citation]:
    hits = cue_hits(text, mentions, words) + _link_hits(text, mentions, links)
    found = [_citation(claim.index, m, cue, surface) for m, cue, surface in hits]
    # A bare URL in the text cites only a source the list knows by its domain: an unknown host, a link
    # shortener or a handle's page names no party.
    found += [c for url in URL.findall(text) if (c := _url_citation(claim.index, url, gazetteer)) and c.known]
    for link in links:
        known = gazetteer.by_url(link.url)
        if known is not None:
            found.append(Citation(claim.index, known.entry.name, known.entry.type, known.entry.country,
                                  "link", link.text, True))
    return found



def _link_hits(text: str, mentions: list[Mention], links: list[Link]) -> list[tuple[Mention, str, str]]:
    """Family 5: a name in or right before a kept-aside link anchor, and outlets beside a "read it here"."""
    hits = []
    for link in links:
        inside = [m for m in mentions if link.start <= m.start and m.end <= link.end]
        if inside and text[link.start:inside[0].start].strip(" ").lower() not in ("", "the"):
            inside = []
        if inside:
            hits.append((inside[0], "link", link.text))
            continue
        if _POINTER.match(link.text.strip()):
            hits += [(m, "link", text[m.start:m.end]) for m in mentions if m.kind in ("media", "document")]
            continue
        before = next((m for m in mentions
                       if m.end <= link.start and re.fullmatch(r"(?:['’]s)?\s?", text[m.end:link.start])), None)
        if before is not None and not any(m.start >= link.start and m.end <= link.end for m in mentions):
            speech = text[before.end:link.start] == " " or re.match(r"\s*(?:that\b|[,:]?\s*[“\"])", text[link.end:])
            hits.append((before, "linked_speech" if speech else "link", text[before.start:link.end]))
    return hits


_SPEAKING = frozenset({"reporting_verb", "according_to", "outlet", "linked_speech", "document_says", "continuation"})
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_GENERIC_PERSON = frozenset("leader official politician head chief representative diplomat executive".split())
_MEDIA_NOUNS = frozenset("agency newspaper paper daily broadcaster outlet channel".split())
_COMPANY_NOUNS = frozenset("company holding firm group giant producer operator corporation".split())


def resolve(referent: Referent, named: list[Mention], speakers: Sequence[Mention] = ()) -> list[Mention]:
    """The party (or, for "both leaders", the two parties) a pronoun or role noun refers back to: the last
    compatible one that spoke before it, else the last compatible one named. "he"/"she" → a person; "the
    minister" → a person whose role says minister; "the company" → a company; "the statement" → a statement
    named before ("the document" alone: the document named most often)."""
    noun = referent.noun
    want = 2 if referent.plural else 1
    earlier = list(reversed(speakers)) + list(reversed(named))
    if noun in ("document", "text"):
        counts = {fold(m.name): sum(fold(n.name) == fold(m.name) for n in named) for m in named}
        earlier = list(reversed(speakers)) + sorted(reversed(named), key=lambda m: -counts[fold(m.name)])
    if noun in ("he", "she", "both"):
        pool = [m for m in earlier if m.kind == "person"]
    elif re.fullmatch(PERSON_NOUNS, noun):
        people = [m for m in earlier if m.kind == "person"]
        pool = [m for m in people if _describes(noun, m)] or (people if noun in _GENERIC_PERSON else [])
    elif re.fullmatch(DOCUMENT_NOUNS, noun):
        documents = [m for m in earlier if m.kind == "document"]
        pool = [m for m in documents if _describes(noun, m)] or (documents if noun in ("document", "text") else [])
    elif re.fullmatch(ORG_NOUNS, noun):
        bodies = [m for m in earlier if m.kind in ("org", "media", "state", "name")]
        pool = [m for m in bodies if _describes(noun, m)]
        if not pool and noun in _MEDIA_NOUNS:
            pool = [m for m in bodies if m.kind in ("media", "name")]
        elif not pool and noun in _COMPANY_NOUNS:
            pool = [m for m in bodies if m.kind in ("name", "org") and m.source_type not in ("official", "media")]
        elif not pool and noun == "government":
            pool = [m for m in bodies if m.kind == "state"]
    else:
        pool = []
    chosen: list[Mention] = []
    for mention in pool:
        if all(fold(c.name) != fold(mention.name) for c in chosen):
            chosen.append(mention)
        if len(chosen) == want:
            break
    return chosen


def _describes(noun: str, mention: Mention) -> bool:
    """Whether a role noun fits a named party: its name, its role in the text or its entry's role says so."""
    words = " ".join((mention.name, mention.role, (mention.known.entry.role or "") if mention.known else ""))
    return re.search(rf"\b{noun}", words, re.IGNORECASE) is not None


def _claim_links(article: Article, claim: Claim) -> list[Link]:
    """The article's links inside a claim, with offsets into the claim's text."""
    return [Link(k.text, k.url, k.start - claim.start, k.end - claim.start) for k in article.links
            if claim.start <= k.start and k.end <= claim.end]


def _note_citations(article: Article, claims: list[Claim], gazetteer: Gazetteer) -> list[Citation]:
    """Family 6: the people, institutions and URLs of the notes, tied to the claim carrying the marker."""
    found: list[Citation] = []
    for number, note in enumerate(article.notes, start=1):
        marker = re.match(r"^\s*\[?(\d+)\]?[.)]?\s", note)
        number = int(marker.group(1)) if marker else number
        sources = _note_sources(note, gazetteer)
        for source_type, name, country, known, cue in sources:
            claim = _note_claim(claims, number, name)
            if claim is not None:
                found.append(Citation(claim, name, source_type, country, cue, note, known))
    return found


def _note_sources(note: str, gazetteer: Gazetteer) -> list[tuple[str | None, str, str | None, bool, str]]:
    """(type, name, country, known, cue) for the author, the institutions and the URLs of one note."""
    sources: list[tuple[str | None, str, str | None, bool, str]] = []
    author = _INVERTED_AUTHOR.match(note)
    names = [f"{author.group('first').strip()} {author.group('last')}"] if author else []
    outside_quotes = URL.sub(" ", re.sub(r"[“\"][^”\"]*[”\"]", " ", note))
    for name in names:
        known = gazetteer.lookup(name)
        sources.append((known.entry.type, known.entry.name, known.entry.country, True, "note") if known else
                       (None, name, None, False, "note"))
    for mention in find_mentions(outside_quotes, gazetteer, {}):
        if mention.known is not None or mention.kind != "person":  # an unknown person here is a title's word
            sources.append((mention.source_type, mention.name, mention.country, mention.known is not None, "note"))
    for url in URL.findall(note):
        known = gazetteer.by_url(url)
        sources.append((known.entry.type, known.entry.name, known.entry.country, True, "url") if known else
                       (_domain_type(url), url_host(url), None, False, "url"))
    return sources


def _note_claim(claims: list[Claim], number: int, name: str) -> int | None:
    """The claim with the note's marker "(1)", else the first naming the source, else the body's last claim."""
    marker = re.compile(rf"[(\[]{number}[)\]]|\^{number}\b")
    for claim in claims:
        if marker.search(claim.text):
            return claim.index
    word = name.split()[-1] if name.split() else name
    for claim in claims:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", claim.text):
            return claim.index
    # A note always belongs to the body it follows; its last claim is the nearest place that exists.
    return claims[-1].index if claims else None


def _url_citation(index: int, url: str, gazetteer: Gazetteer) -> Citation | None:
    known = gazetteer.by_url(url)
    if known is not None:
        return Citation(index, known.entry.name, known.entry.type, known.entry.country, "url", url, True)
    host = url_host(url)
    return Citation(index, host, _domain_type(url), None, "url", url, False) if host else None


def _domain_type(url: str) -> str | None:
    host = url_host(url)
    if re.search(r"\.(?:gov|mil)(?:\.\w+)?$|\.gov\.\w+$|mid\.ru$|kremlin\.ru$", host):
        return "official"
    if re.search(r"\.edu(?:\.\w+)?$|\.ac\.\w+$", host):
        return "expert"
    return None


def _citation(index: int, mention: Mention, cue: str, surface: str) -> Citation:
    return Citation(index, mention.name, mention.source_type, mention.country, cue, surface,
                    mention.known is not None)



def _blank_furniture(text: str) -> str:
    """The claim with a dateline ("MOSCOW, Dec. 1 (TASS) --") and wire bylines blanked, offsets kept."""
    for pattern in (_DATELINE, _WIRE_BYLINE):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _metadata(article: Article) -> tuple[list[str], list[str]]:
    """The republishing site, the original publisher and the author, folded, and folded without punctuation."""
    meta = [fold(v) for v in (article.outlet, article.original_publisher, article.author) if v]
    return meta, [re.sub(r"\W", "", m) for m in meta]


def _is_metadata(name: str, meta: list[str], squashed: list[str]) -> bool:
    """Metadata (see ``_metadata``) is not a cited source."""
    return fold(name) in meta or any(s and s in re.sub(r"\W", "", fold(name)) for s in squashed)


def _dedupe(citations: Iterable[Citation]) -> list[Citation]:
    """One citation per claim and source, the strongest cue kept, in claim order."""
    best: dict[tuple[int, str], Citation] = {}
    for cite in citations:
        key = (cite.claim_index, fold(cite.source))
        if key not in best or _RANK.index(cite.cue) < _RANK.index(best[key].cue):
            best[key] = cite
    return sorted(best.values(), key=lambda c: (c.claim_index, _RANK.index(c.cue), c.source))
