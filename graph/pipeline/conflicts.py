"""Conflicting figures: where sources disagree about one incident's toll.

Two figures conflict (``ng:conflictsWith``, both ways, in the default graph) when they
are totals (not parts, not period counts, not the narrator's own) of the same incident
and kind, counting the same people (:func:`same_victims`, :func:`counted_apart`), from different sources
(:func:`same_group`), and their intervals do not overlap: an "about N" is
widened by a tenth each way, a missing low counts as 0 and a missing high as no bound.
Figures are compared at about the same time (:func:`_reconciled`): a figure a source
later replaced is not held against another one that its replacement agrees with (the
officials' early "4 killed", later "9", does not conflict with the monitors' "at least
7"), and a figure that agreed with another source's toll of its day is not held against
that source's later, higher toll (the ministry's 12 on Sunday, when the governor's toll
was 12, against his 19 on Monday).

May import: rdflib, ``graph.rdf``, ``graph.pipeline``.
"""
from __future__ import annotations

import bisect
from collections import defaultdict

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.names import is_acronym_of
from graph.pipeline.incidents import FigureRow
from graph.rdf.vocab import NG

#: How far "about N" reaches each way.
APPROX = 0.1


def interval(row: FigureRow) -> tuple[float, float]:
    """A figure's interval, an approximate one widened."""
    low = row.low if row.low is not None else 0
    high = row.high if row.high is not None else float("inf")
    if row.approx:
        low, high = low * (1 - APPROX), high * (1 + APPROX)
    return low, high


def link_conflicts(ds: Dataset, rows: list[FigureRow], incident: dict[URIRef, URIRef]) -> int:
    """Link the conflicting pairs; returns how many.

    Each group (incident, kind) is sorted by low once and every figure is paired with the
    suffix of lows above its high: the work grows with the links made, not with the
    square of the figures about an incident."""
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    groups: dict[tuple, list[tuple[float, float, FigureRow]]] = defaultdict(list)
    for row in rows:
        if row.event is not None and row.scope == "total" and not row.narrator:
            groups[(incident.get(row.event, row.event), row.quantity)].append((*interval(row), row))
    apart = counted_apart(rows, incident)
    pairs: set[frozenset] = set()  # inverted intervals (low > high) meet twice: count once
    for key, items in groups.items():
        items.sort(key=lambda item: item[0])
        lows = [item[0] for item in items]
        kin, together = _kin([row for _, _, row in items])
        for _, high_a, a in items:
            for _, _, b in items[bisect.bisect_right(lows, high_a):]:
                if (_voice(a), _voice(b)) in together or not same_victims(a, b) \
                        or frozenset({a.victims, b.victims}) in apart[key] or _reconciled(a, b, kin):
                    continue
                default.add((a.claim, NG.conflictsWith, b.claim))
                default.add((b.claim, NG.conflictsWith, a.claim))
                pairs.add(frozenset((a.claim, b.claim)))
    return len(pairs)


#: Victims that are never the same people: one side's soldiers and the other's fighters, or
#: soldiers and civilians; "combatants" (of both sides) are none of the others. Civilians and
#: fighters can be: a side that says a strike killed "27 militants" contests the "52 civilians";
#: so can soldiers that a source says it killed on the other side ("40 Ukrainian soldiers"
#: from a Russian official) against that side's civilian toll.
DIFFERENT_VICTIMS = frozenset({frozenset({"soldiers", "fighters"}), frozenset({"soldiers", "civilians"}),
                               frozenset({"combatants", "soldiers"}), frozenset({"combatants", "fighters"}),
                               frozenset({"combatants", "civilians"})})


def same_victims(a: FigureRow, b: FigureRow) -> bool:
    """Tolls that may count the same people (``ng:victims``): "five soldiers" and "40 rebels"
    of one clash are two sides' losses. People in general match any class but a side's
    own losses ("two of our soldiers", an army's "five soldiers"): those are a share of the
    toll, while a claim about the other side's dead ("killed 14 fighters") rivals it. Unless
    the toll of people in general comes from a source with a side: the enemy's "about 400
    killed", or a critic's "hundreds", counts the same soldiers as a ministry's "63
    servicemen"; a hospital's or residents' toll counts everyone."""
    pair = frozenset({a.victims, b.victims})
    if None in pair and len(pair) == 2:  # a class against people in general
        counted, general = (a, b) if a.victims else (b, a)
        own = counted.own_losses or (counted.victims == "soldiers" and not counted.enemy_losses)
        return not own or bool(general.sides)
    if pair == {"soldiers", "civilians"}:
        soldiers = a if a.victims == "soldiers" else b
        return soldiers.enemy_losses
    return pair not in DIFFERENT_VICTIMS


def counted_apart(rows: list[FigureRow], incident: dict[URIRef, URIRef]) -> dict[tuple, set[frozenset]]:
    """Per (incident, kind), the pairs of victim classes that one source counts apart (the
    army's "two civilians" and "40 rebels" of one battle): there, a civilian toll and a
    fighters' toll are tolls of different people. Where no source tells them apart, they
    are rival accounts of the same dead ("31 civilians" against "14 fighters" of one strike)."""
    classes: dict[tuple, set[str]] = defaultdict(set)
    for row in rows:
        if row.event is not None and row.victims:
            classes[(incident.get(row.event, row.event), row.quantity, row.group)].add(row.victims)
    apart: dict[tuple, set[frozenset]] = defaultdict(set)
    for (event, quantity, _), found in classes.items():
        apart[(event, quantity)] |= {frozenset({x, y}) for x in found for y in found if x != y}
    return apart


def same_group(a: FigureRow, b: FigureRow) -> bool:
    """One source or one body speaking (:func:`same_body`), or two officials of one side
    (a ministry and a region's governor)."""
    return same_body(a, b) or (a.official and b.official and len(a.sides) == 1 and a.sides == b.sides)


def same_body(a: FigureRow, b: FigureRow) -> bool:
    """One source, or one of the organisations it speaks for, or one organisation's name
    inside the other's ("the Civil Administration of North Darfur" and "the RSF-installed
    Civil Administration of North Darfur"), or its acronym ("AFC")."""
    return a.source == b.source or any(_one_body(x, y) for x in a.bodies or {a.group} for y in b.bodies or {b.group})


def _one_body(x: str, y: str) -> bool:
    if x == y or is_acronym_of(x, y) or is_acronym_of(y, x):
        return True
    words_x, words_y = set(x.split()), set(y.split())
    return min(len(words_x), len(words_y)) >= 2 and (words_x <= words_y or words_y <= words_x)


def _voice(row: FigureRow) -> tuple:
    """What :func:`same_group` reads of a figure's source."""
    return row.source, row.group, row.bodies, row.official, row.sides


def _kin(rows: list[FigureRow]) -> tuple[dict[URIRef, list[FigureRow]], set[tuple]]:
    """Each figure of one incident and kind -> the other figures of its own source or of a
    body it speaks for, in the order they were given (the spokesman's 31, then the
    movement's 43); and the pairs of voices that are one group (:func:`same_group`).
    Voices are compared pairwise once, not figures per pair."""
    by_voice: dict[tuple, list[FigureRow]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (*r.order, str(r.claim))):
        by_voice[_voice(row)].append(row)
    together = {(v, w) for v, own in by_voice.items() for w, other in by_voice.items() if same_group(own[0], other[0])}
    kin: dict[URIRef, list[FigureRow]] = {}
    for v, own in by_voice.items():
        voices = sorted((c for w, other in by_voice.items() if (v, w) in together for c in other),
                        key=lambda r: (*r.order, str(r.claim)))
        for a in own:
            kin[a.claim] = [c for c in voices if c is not a]
    return kin, together


def _reconciled(a: FigureRow, b: FigureRow, kin: dict[URIRef, list[FigureRow]]) -> bool:
    """Not a disagreement at about the same time: either source (or a body it speaks for)
    later, or in the same sentence, gave a figure that agrees with the other one (the spokesman's 31, then the
    movement's 43, against the hospital's "at least 38"), or the earlier of the two agreed
    with the other source's latest figure before it."""
    for x, y in ((a, b), (b, a)):
        if any(c.order >= x.order and _settles(c, y, x) for c in kin[x.claim]):  # >=: its sentence too
            return True
    first, second = sorted((a, b), key=lambda r: r.order)
    before = [c for c in kin[second.claim] if c.order < first.order]
    return bool(before) and _settles(before[-1], first, second)


def _settles(c: FigureRow, other: FigureRow, speaker: FigureRow) -> bool:
    """``c``, given by ``speaker``'s body or another official of its side, agrees with
    ``other``; another official's "at least 25" agrees with anything above and settles
    nothing for the ministry."""
    return (c.high is not None or same_body(c, speaker)) and _agree(c, other)


def _agree(a: FigureRow, b: FigureRow) -> bool:
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    return low_a <= high_b and low_b <= high_a
