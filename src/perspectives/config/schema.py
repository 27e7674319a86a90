"""The schema of ``config.yaml``: every section, key, default and constraint, as pydantic models."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from perspectives.rules import Rule, check_scope

CONFIG_FILE = "config.yaml"

SourceType = Literal["media", "official", "expert", "document"]
def _no_nul(value: str) -> str:
    # The OS cannot open such a path; without this check resolving it raises deep inside pathlib.
    if "\0" in value:
        raise ValueError("a path cannot contain a NUL character; write the file's path")
    return value


PathText = Annotated[str, AfterValidator(_no_nul)]


class _Strict(BaseModel):
    # extra="forbid" turns a typo in a key into an error instead of a silently ignored setting.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Stance(_Strict):
    """A named way of treating a topic, recognised by its own cue rules."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Stable identifier, snake_case.")
    label: str | None = Field(default=None, description="Human-readable name.")
    description: str | None = Field(default=None, description="What a claim with this position says.")
    rules: list[Rule] = Field(min_length=1, description="Cues that place a claim in this position.")
    exclude: list[Rule] = Field(default_factory=list, description="Cues that veto the position.")


class Context(_Strict):
    """Placement by context: a sentence with only weak evidence of the topic (a cue, or a sentence that
    continues the one before it) joins the topic when a direct match established it nearby."""

    within: Annotated[str, AfterValidator(check_scope)] = Field(
        default="2 sentences", description="Where the direct match must be: N sentences before the claim, its "
        "paragraph, or article (the headline or the lead paragraph).")
    cues: list[Rule] = Field(default_factory=list, description="Weak evidence: words that mean the topic only "
                             "where it is already the subject (drills, the document, the Games).")


class Continuation(_Strict):
    """Sentences that carry on the sentence before them, and so join its topics (for topics with a context)."""

    quotations: bool = Field(default=True, description="A sentence inside a quotation opened before it.")
    openers: list[str] = Field(default_factory=list, description="Sentence openers that refer back "
                               "(It, This, Such a move); matched at the start of the sentence, case as written.")


class Topic(_Strict):
    """A topic of the codebook and the rules that place claims in it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Stable identifier, snake_case.")
    label: str = Field(description="Name shown in the dashboard.")
    description: str | None = Field(default=None, description="What a claim in this topic is about.")
    color: str | None = Field(default=None, pattern=r"^#[0-9a-fA-F]{6}$", description="Colour, #rrggbb.")
    rules: list[Rule] = Field(min_length=1, description="Any matching rule places the claim here.")
    exclude: list[Rule] = Field(default_factory=list, description="Any matching rule vetoes the topic.")
    positions: list[Stance] = Field(default_factory=list, description="Named positions (stances) on this topic.")
    context: list[Context] = Field(default_factory=list, description="Placement by context, each block with its "
                                   "own scope and cues; none: direct matches only.")


# Names a declared field may not take: the built-in metadata and groupings already use them.
RESERVED_FIELDS = ("article", "author", "date", "fields", "id", "outlet", "original_publisher", "path", "title",
                   "topic", "url")


class ArticleField(_Strict):
    """A field of your own that every article may carry (country, leaning, genre), to filter and compare by."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Stable identifier, snake_case; the key in front "
                    "matter and under an article's `fields:`, and the name in the address (?by=leaning).")
    label: str | None = Field(default=None, description="Name shown in the dashboard.")
    values: list[str] = Field(default_factory=list, description="The values allowed; none: any value.")

    @property
    def title(self) -> str:
        """The label, else the id made readable."""
        return self.label or self.id.replace("_", " ").capitalize()


class ArticleEntry(_Strict):
    """An article file and optional metadata overrides (the config wins over the file)."""

    path: PathText = Field(description="Path to the article, relative to the config file.")
    id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
                           description="Stable id; default the file name without extension.")
    title: str | None = Field(default=None, description="Overrides the title found in the file.")
    author: str | None = Field(default=None, description="Overrides the byline found in the file.")
    date: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = Field(default=None, description="Where it was published.")
    url: str | None = Field(default=None, description="Link to the original.")
    fields: dict[str, str] = Field(default_factory=dict, description="Values of declared fields "
                                   "(country: France); they win over the file's front matter.")

    @field_validator("fields", mode="before")
    @classmethod
    def _field_text(cls, value: Any) -> Any:
        # A year or a number is a value like any other; booleans stay errors (YAML's yes/no trap).
        if isinstance(value, dict):
            return {k: str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
                    for k, v in value.items()}
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD") from None
        return value

    @property
    def article_id(self) -> str:
        """The id given in the config, else the file name without its extension."""
        return self.id or os.path.splitext(os.path.basename(self.path))[0]  # Path(...).stem, without its cost


class SourceEntry(_Strict):
    """A known outside source: outlet, official, expert or document."""

    name: str = Field(min_length=1, description="Canonical name.")
    aliases: list[str] = Field(default_factory=list, description="Other names it goes by.")
    type: SourceType = Field(description="media, official, expert or document.")
    country: str | None = Field(default=None, description="Country it speaks for or is based in.")
    role: str | None = Field(default=None, description="For people: their office or position.")


class Cleaning(_Strict):
    """Site furniture: paragraphs to drop and markers after which the body has ended."""

    drop: list[str] = Field(default_factory=list, description="Regexes; a matching paragraph is dropped.")
    end_of_body: list[str] = Field(default_factory=list,
                                   description="Regexes; the first matching paragraph ends the body.")
    remove: list[str] = Field(default_factory=list,
                              description="Regexes over the raw text; matches inside a paragraph are cut out.")


class Certainty(_Strict):
    """Lexicons of hedges and boosters."""

    hedges: list[str] = Field(default_factory=list, description="Words and phrases that soften a claim.")
    boosters: list[str] = Field(default_factory=list, description="Words and phrases that harden a claim.")


class Config(_Strict):
    """The whole of ``config.yaml``."""

    output: PathText = Field(default="data/processed", description="Output folder, relative to the config.")
    fields: list[ArticleField] = Field(default_factory=list, description="Fields of your own that articles "
                                       "carry, to filter and compare by (country, leaning, genre).")
    articles: list[ArticleEntry] = Field(default_factory=list, description="The articles to read.")
    topics: list[Topic] = Field(default_factory=list, description="Topics and their rules.")
    sources: list[SourceEntry] = Field(default_factory=list, description="Known outside sources.")
    cleaning: Cleaning = Field(default_factory=Cleaning, description="Site furniture to strip.")
    certainty: Certainty = Field(default_factory=Certainty, description="Hedge and booster lexicons.")
    continuation: Continuation = Field(default_factory=Continuation,
                                       description="Sentences that continue the one before (context placement).")

    _path: Path = PrivateAttr(default=Path(CONFIG_FILE))
    _files: dict[tuple[Path, str], Path] = PrivateAttr(default_factory=dict)
    _folders: dict[Path, Path] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> Path:
        """The config file this was loaded from."""
        return self._path

    @property
    def base_dir(self) -> Path:
        """Folder that relative paths in the config resolve against."""
        return self._path.parent

    @property
    def output_dir(self) -> Path:
        """Where the tables go."""
        return (self.base_dir / self.output).resolve()

    def article_file(self, entry: ArticleEntry) -> Path:
        """Absolute path of an article entry, symbolic links resolved; resolved once per path, as a build asks
        for each article's file several times (resolving 5,000 paths takes a second)."""
        key = (self._path, entry.path)
        file = self._files.get(key)
        if file is None:
            file = self._files[key] = self._resolve(self.base_dir / entry.path)
        return file

    def _resolve(self, path: Path) -> Path:
        """``path.resolve()``, resolving each folder once: articles share a few folders, and resolving every
        component of 5,000 paths cost a build over half a second."""
        if path.name in ("", ".", ".."):
            return path.resolve()
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        file = folder / path.name
        return file.resolve() if file.is_symlink() else file


