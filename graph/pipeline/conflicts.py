"""Conflicting figures: where sources disagree about one incident's toll.

Two figures conflict (``ng:conflictsWith``, both ways, in the default graph) when they
are totals (not parts, not period counts, not the narrator's own) of the same incident
and kind, counting the same people (:func:`same_victims`), from different sources
(:func:`same_group`), and their intervals do not overlap: an "about N" is
widened by a tenth each way, a missing low counts as 0 and a missing high as no bound.
A figure a source later replaced is not held against another one that its
replacement agrees with: the officials' early "4 killed" later "9" does not conflict
with the monitors' "at least 7".

May import: rdflib, ``graph.rdf``, ``graph.pipeline``.
"""
from __future__ import annotations

import bisect
from collections import defaultdict

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.pipeline.incidents import FigureRow
from graph.pipeline.updates import TimelineKey
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


def link_conflicts(ds: Dataset, rows: list[FigureRow], incident: dict[URIRef, URIRef],
                   lines: dict[TimelineKey, list[FigureRow]]) -> int:
    """Link the conflicting pairs; returns how many.

    Each group (incident, kind) is sorted by low once and every figure is paired with the
    suffix of lows above its high: the work grows with the links made, not with the
    square of the figures about an incident."""
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    later = _later_figures(lines)
    groups: dict[tuple, list[tuple[float, float, FigureRow]]] = defaultdict(list)
    for row in rows:
        if row.event is not None and row.scope == "total" and not row.narrator:
            groups[(incident.get(row.event, row.event), row.quantity)].append((*interval(row), row))
    pairs: set[frozenset] = set()  # inverted intervals (low > high) meet twice: count once
    for items in groups.values():
        items.sort(key=lambda item: item[0])
        lows = [item[0] for item in items]
        for _, high_a, a in items:
            for _, _, b in items[bisect.bisect_right(lows, high_a):]:
                if same_group(a, b) or not same_victims(a, b) or _reconciled(a, b, later) or _reconciled(b, a, later):
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
    """Tolls that may count the same people (``ng:victims``; people in general match
    any): "five soldiers" and "40 rebels" of one clash are two sides' losses."""
    pair = frozenset({a.victims, b.victims})
    if pair == {"soldiers", "civilians"}:
        soldiers = a if a.victims == "soldiers" else b
        return soldiers.enemy_losses
    return pair not in DIFFERENT_VICTIMS


def same_group(a: FigureRow, b: FigureRow) -> bool:
    """One source or one body speaking: the same name, the same organisation, or one
    organisation's name inside the other's ("the Civil Administration of North Darfur" and
    "the RSF-installed Civil Administration of North Darfur")."""
    if a.source == b.source or a.group == b.group:
        return True
    words_a, words_b = set(a.group.split()), set(b.group.split())
    return min(len(words_a), len(words_b)) >= 2 and (words_a <= words_b or words_b <= words_a)


def _later_figures(lines: dict[TimelineKey, list[FigureRow]]) -> dict[URIRef, list[FigureRow]]:
    """Each figure -> the same source's later figures of its timeline."""
    return {row.claim: items[i + 1:] for items in lines.values() for i, row in enumerate(items)}


def _reconciled(a: FigureRow, b: FigureRow, later: dict[URIRef, list[FigureRow]]) -> bool:
    """``a``'s source later gave a figure that agrees with ``b``."""
    low_b, high_b = interval(b)
    for c in later.get(a.claim, ()):
        low_c, high_c = interval(c)
        if low_c <= high_b and low_b <= high_c:
            return True
    return False
