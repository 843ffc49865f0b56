"""Incidents across articles: the figures a build links, and which events are one incident.

Each figure claim of a build or a store becomes a :class:`FigureRow`
(:func:`graph.pipeline.links.stored_figure_rows`): its incident (event IRI,
place key, days), kind, scope, source, article date and interval. Events of several
articles at one place are one incident when their days lie close: within a day
when both articles gave the day in the text (a night strike reported "on Tuesday"
by one and "on Monday" by another), within :data:`~graph.extract.when.WINDOW_DAYS`
when either was dated by its article's date; an undated event joins its place's
incident with the most figures. Each merged event points to its incident
(``ng:sameIncident``) and the merge is recorded (``ng:Merge``) with its reason.

May import: rdflib, ``graph.rdf``, ``graph.types``, the standard library.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.rdf.triples import record_merge
from graph.rdf.vocab import NG

#: How far apart two articles' days of one incident may be (see the module docstring).
TEXT_SLACK, ARTICLE_SLACK = 1, 3


@dataclass(frozen=True)
class FigureRow:
    """What the corpus-wide links need of one figure claim."""

    claim: URIRef
    event: URIRef | None
    place: str | None
    start: date | None
    end: date | None
    dated_by: str | None
    label: str
    quantity: str
    scope: str
    source: str
    #: Who speaks for the source: its organisation (a health director's administration), else itself.
    group: str
    narrator: bool
    article: str
    article_date: str | None
    begin: int
    low: float | None
    high: float | None
    approx: bool
    says_update: bool
    #: Whose dead or wounded (``ng:victims``), None for people in general.
    victims: str | None = None
    #: The source's sides (``ng:side``), and whether it is one of a state's or a side's
    #: officials (a ministry, an army, a governor: the lexicon's ``state_words``).
    sides: frozenset[str] = frozenset()
    official: bool = False
    #: The source counts the other side's people ("40 Ukrainian soldiers" from a Russian official).
    enemy_losses: bool = False
    #: The source counts its own ("two of our soldiers").
    own_losses: bool = False
    #: Every body the source speaks for (normalized like ``group``); empty: ``group`` alone.
    bodies: frozenset[str] = frozenset()
    #: The sentence says the figure came before ("the toll first reported ... was 25").
    said_earlier: bool = False

    @property
    def order(self) -> tuple:
        """When the figure was given: by its article's date, then, in one article, an
        earlier figure the text marks as earlier first, then by position."""
        return (self.article_date is None, self.article_date or "", self.article, not self.said_earlier, self.begin)


def cluster_incidents(ds: Dataset, rows: list[FigureRow]) -> dict[URIRef, URIRef]:
    """Event IRI -> the IRI of its incident (itself when it leads one), recording each merge."""
    events: dict[URIRef, FigureRow] = {}
    weight: dict[URIRef, int] = defaultdict(int)
    for row in rows:
        if row.event is not None:
            events.setdefault(row.event, row)
            weight[row.event] += 1
    by_place: dict[str, list[FigureRow]] = defaultdict(list)
    for row in events.values():
        by_place[row.place].append(row)
    incident: dict[URIRef, URIRef] = {}
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    for group in by_place.values():
        for member, lead, reason in _merge_place(group, weight):
            incident[member] = lead
            if member != lead:
                default.add((member, NG.sameIncident, lead))
                record_merge(default, lead, name=events[member].label, reason=reason, source=member)
    return incident


def _merge_place(group: list[FigureRow], weight: dict[URIRef, int]):
    """``(event, its incident, reason)`` for the events at one place: dated ones chained by
    closeness of days, the incident of a chain its event with the most figures."""
    dated = sorted((r for r in group if r.start is not None), key=lambda r: (r.start, r.end, str(r.event)))
    chains: list[list[FigureRow]] = []
    for row in dated:
        if chains and any(_close(row, other) for other in chains[-1]):
            chains[-1].append(row)
        else:
            chains.append([row])
    leads = []
    for chain in chains:
        lead = max(chain, key=lambda r: (weight[r.event], r.dated_by == "text", -r.start.toordinal()))
        leads.append((lead, sum(weight[r.event] for r in chain)))
        for row in chain:
            yield row.event, lead.event, "same place, days within a few of each other"
    undated = [r for r in group if r.start is None]
    if undated:
        main = max(leads, key=lambda item: item[1])[0] if leads else max(undated, key=lambda r: weight[r.event])
        for row in undated:
            yield row.event, main.event, "same place, one article undated"


def _close(a: FigureRow, b: FigureRow) -> bool:
    """Two events' days close enough to be one incident (ranges as given)."""
    slack = timedelta(days=TEXT_SLACK if a.dated_by == b.dated_by == "text" else ARTICLE_SLACK)
    if (a.end - a.start).days > 2 or (b.end - b.start).days > 2:  # a month is not a day: only the same range
        return (a.start, a.end) == (b.start, b.end)
    return a.start - slack <= b.end and b.start - slack <= a.end
