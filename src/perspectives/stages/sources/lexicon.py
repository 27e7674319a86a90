"""The lexicon of parties: words that tell a source's type, states and nationalities, and suggested entries.

Office, expert, outlet, document and institution words tell what kind of party an unknown name is; the
states table tells which names and adjectives stand for a country. ``suggest_entry`` and ``role_of`` write
the ready-to-paste ``sources:`` entry for a source the gazetteer does not know yet.
"""

from __future__ import annotations

import re

import yaml

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
