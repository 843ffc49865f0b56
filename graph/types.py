"""Domain types: plain, frozen records that flow between the pipeline stages.

Nothing here holds a spaCy object, so every record pickles and crosses
process boundaries (``n_process``, Dask) unchanged. Character offsets always
index :attr:`Article.text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

#: Claim kinds, as exported in ``claims.jsonl`` (see ``shared/eval/FORMAT.md``).
CLAIM_KINDS = ("figure", "criticism", "quote", "statement")

#: Quantity kinds of a figure.
QUANTITY_KINDS = (
    "killed",
    "injured",
    "casualties",
    "missing",
    "captured",
    "displaced",
    "munitions",
    "other",
)

#: What a figure counts (see ``graph/extract/scope.py``).
FIGURE_SCOPES = ("total", "part", "cumulative")

#: Actor types.
ACTOR_TYPES = ("person", "organization", "group", "channel", "outlet")


@dataclass(frozen=True)
class Article:
    """One article as read from disk: its text and metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    #: Where ``date`` came from: ``metadata``, ``url``, ``dateline`` or ``text``.
    date_source: str | None = None
    author: str | None = None
    language: str | None = None
    path: str | None = None
    #: Character ranges of ``text`` that are page chrome (sign-ups, credits...).
    chrome: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: a span of an article's text."""

    article: str
    begin: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Actor:
    """Someone or something that speaks, is quoted, or is talked about."""

    name: str
    type: str = "organization"
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    side: str | None = None
    narrator: bool = False
    #: Wikidata QID from the alias file.
    wikidata: str | None = None
    #: An explicit merge key (set by the alias file to split a name off).
    key: str | None = None
    #: The alias file that renamed this actor, if any.
    alias_file: str | None = None
    #: The article a source the text does not name belongs to ("officials", "residents"):
    #: an unresolved mention of that article, never merged with another article's.
    scope: str | None = None


@dataclass(frozen=True)
class Event:
    """The incident a claim is about."""

    label: str
    type: str = "attack"
    place: str | None = None
    time: str | None = None
    weapon: str | None = None
    #: The first and last day it happened (ISO), and whether the ``text`` gave them or the ``article``'s date.
    date: str | None = None
    end: str | None = None
    date_source: str | None = None
    #: The place as the gazetteer knows it: GeoNames id, country name and first-level region code.
    geonameid: int | None = None
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class Figure:
    """A reported number, as an interval."""

    quantity: str
    low: float | None
    high: float | None
    approx: bool = False
    counted: str | None = None
    text: str = ""
    #: ``total`` for the incident, ``part`` of another figure, ``cumulative`` over a period.
    scope: str = "total"
    #: Whose dead or wounded they are: ``civilians``, ``soldiers``, ``fighters``, ``combatants``
    #: (the lexicon's ``victim_classes``), and the country the text gives them ("Russian servicemen").
    victims: str | None = None
    victim_side: str | None = None


@dataclass(frozen=True)
class Claim:
    """A statement attributed to a source, with its evidence.

    ``kind`` is ``figure``, ``criticism``, ``quote`` or ``statement``; the matching
    payload is ``figure``, ``target`` or ``text`` (the quoted words, or the reported
    clause). ``cue`` is the attributing words ("say", "according to"),
    ``polarity`` a statement's ``asserted`` or ``denied``, ``hedged`` whether the
    source hedged it ("claimed", "reportedly"), ``reported_by`` the source that
    reported this source's claim (a nested attribution: "X said Y reported ...") and
    ``anchor`` the character span of the claim's own words in the article text.
    """

    kind: str
    article: str
    source: Actor
    evidence: Evidence
    extractor: str
    figure: Figure | None = None
    target: str | None = None
    text: str | None = None
    channel: str | None = None
    event: Event | None = None
    narrator: bool = False
    cue: str | None = None
    polarity: str | None = None
    hedged: bool = False
    reported_by: Actor | None = None
    anchor: tuple[int, int] | None = None


@dataclass(frozen=True)
class Software:
    """What ran the extractors: the newsgraph release, the spaCy model and the user's rules.

    ``rules_digest`` is ``"sha256:<hex>"`` of a ``--rules`` file, or ``None``
    when the built-in lexicon ran alone.
    """

    version: str
    model: str
    model_version: str
    rules_digest: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article, and the software that extracted it."""

    article: Article
    claims: tuple[Claim, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    extractors: tuple[str, ...] = field(default_factory=tuple)
    software: Software | None = None
