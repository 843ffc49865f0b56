"""Updates and repeats: one source's figures about one incident form a timeline.

Figures of the same source, incident (:func:`graph.pipeline.incidents.cluster_incidents`),
kind and scope are ordered by their article's date (an undated article after the
dated ones), then by article and place in the text. A figure whose interval differs
from the one before it updates that one (``ng:updates``, in the default graph) when it
comes from a later article, or, in the same article, when its sentence says so (the
lexicon's ``update_words``, with the user's rules: "rose", "climbed", "revised"): "48
killed" on Monday and "61 killed" on Wednesday from the same officials are a rising toll,
not a disagreement. Two counts of one article ("seven drones and two missiles") are not
updates. The same interval again in a later article repeats it (``ng:repeats``): one
statement with several evidences.

May import: rdflib, ``graph.rdf``, ``graph.pipeline.incidents``.
"""
from __future__ import annotations

import itertools
from collections import defaultdict

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.pipeline.incidents import FigureRow
from graph.rdf.vocab import NG

#: A timeline's key: (incident, kind, scope, source).
TimelineKey = tuple[URIRef, str, str, str]


def timelines(rows: list[FigureRow], incident: dict[URIRef, URIRef]) -> dict[TimelineKey, list[FigureRow]]:
    """Each source's figures per incident, kind and scope, in order."""
    groups: dict[TimelineKey, list[FigureRow]] = defaultdict(list)
    for row in rows:
        if row.event is not None and not row.narrator:
            groups[(incident.get(row.event, row.event), row.quantity, row.scope, row.source)].append(row)
    for items in groups.values():
        items.sort(key=lambda r: (*r.order, str(r.claim)))
    return groups


def link_updates(ds: Dataset, lines: dict[TimelineKey, list[FigureRow]]) -> int:
    """Link each figure to the one it updates or repeats; returns the update links made."""
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    n = 0
    for items in lines.values():
        for before, after in itertools.pairwise(items):
            same = (after.low, after.high) == (before.low, before.high)
            if same and after.article != before.article:
                default.add((after.claim, NG.repeats, before.claim))
            elif not same and (after.article != before.article or after.says_update):
                default.add((after.claim, NG.updates, before.claim))
                n += 1
    return n
