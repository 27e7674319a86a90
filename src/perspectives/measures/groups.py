"""Groups: what the views compare by (author, outlet, article or a field the config declares), each article's
group under each, and who holds a stance (the author, or the person an article quotes).

A group is named by its label everywhere (the column values are the labels people read), so measures, charts
and the address all speak of "The Herald", not of an internal key; article labels are made unique for that.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import pandas as pd

AUTHOR, OUTLET, ARTICLE = "author", "outlet", "article"
BUILT_IN = (AUTHOR, OUTLET, ARTICLE)
FIELD_PREFIX = "field:"
NO_OUTLET = "(no outlet)"
UNTITLED = "Untitled article"
UNNAMED = "an unnamed speaker"  # a reported claim that cites no source
_COLUMNS = {AUTHOR: "author_label", OUTLET: "outlet_label", ARTICLE: "article_label"}
_NOUNS = {AUTHOR: ("author", "authors"), OUTLET: ("outlet", "outlets"), ARTICLE: ("article", "articles")}


def group_column(by: str) -> str:
    """The prepared articles column holding each article's group when comparing by ``by`` (a built-in group or
    a declared field's id)."""
    return _COLUMNS.get(by, f"{FIELD_PREFIX}{by}")


def group_noun(by: str, fields: Mapping[str, str] | None = None, *, plural: bool = False) -> str:
    """What one group is called in a sentence: author, outlet, article, or the field's label (``fields`` maps
    field ids to labels)."""
    if by in _NOUNS:
        return _NOUNS[by][plural]
    label = (fields or {}).get(by, by.replace("_", " "))
    return f"{label} values" if plural else label


def no_value(field_id: str) -> str:
    """The group of an article that does not set the field."""
    return f"(no {field_id.replace('_', ' ')})"


def author_label(author: object, outlet: object, title: object) -> str:
    """The byline; without one, the outlet, else the title: never a file name, never blank."""
    for value in (author, outlet, title):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return UNTITLED


def add_group_columns(articles: pd.DataFrame, fields: Sequence[str] = ()) -> pd.DataFrame:
    """``articles`` (with ``display_title``) plus the label of each article's group under every way of
    grouping: author, outlet, article, and a ``field:<id>`` column per field in ``fields`` or in the table."""
    frame = articles.copy()
    # Lists, not the columns: stepping through an Arrow-backed column costs a microsecond a value.
    outlets = frame["outlet"].tolist()
    frame["author_label"] = [author_label(a, o, t) for a, o, t in
                             zip(frame["author"].tolist(), outlets, frame["title"].tolist(), strict=True)]
    frame["outlet_label"] = [o.strip() if isinstance(o, str) and o.strip() else NO_OUTLET for o in outlets]
    frame["article_label"] = _unique_titles(frame["display_title"], frame["article_id"])
    values = [_field_values(raw) for raw in (frame["fields"].tolist() if "fields" in frame else [None] * len(frame))]
    for field_id in dict.fromkeys([*fields, *(k for v in values for k in v)]):
        frame[f"{FIELD_PREFIX}{field_id}"] = pd.Series([v.get(field_id, no_value(field_id)) for v in values],
                                                       index=frame.index, dtype="string")
    return frame


def field_ids(articles: pd.DataFrame) -> list[str]:
    """The fields the prepared articles table carries a column for, in order."""
    return [c.removeprefix(FIELD_PREFIX) for c in articles.columns if c.startswith(FIELD_PREFIX)]


def _field_values(raw: object) -> dict[str, str]:
    """The ``articles.fields`` JSON as a mapping; anything malformed (an older or damaged table) as none."""
    try:
        value = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _unique_titles(titles: pd.Series, ids: pd.Series) -> list[str]:
    """Titles as labels, a title several articles share followed by each one's id."""
    repeated = set(titles[titles.duplicated(keep=False)])
    return [f"{t} ({i})" if t in repeated else str(t) for t, i in zip(titles.tolist(), ids.tolist(), strict=True)]


def holders(claims: pd.DataFrame, groups: pd.Series, speakers: Mapping[str, str]) -> list[str]:
    """Whose stance each claim states: its group's for an own-voice claim, else "<speaker>, quoted by
    <group>" (the first source it cites; ``UNNAMED`` when it cites none)."""
    # Lists, not the columns: stepping through an Arrow-backed column costs a microsecond a value.
    return [group if voice != "attributed" else f"{speakers.get(cid, UNNAMED)}, quoted by {group}"
            for cid, voice, group in zip(claims["claim_id"].tolist(), claims["voice"].tolist(), groups.tolist(),
                                         strict=True)]


def claim_speakers(citations: pd.DataFrame) -> dict[str, str]:
    """The first source each claim cites: the speaker of a reported claim."""
    first = citations.drop_duplicates("claim_id")
    return {str(c): str(s) for c, s in zip(first["claim_id"].tolist(), first["source"].tolist(), strict=True)
            if isinstance(c, str)}
