"""Updates: one source's figures about one incident form a timeline.

Figures of the same source, incident, kind and scope are ordered by their article's
date (an undated article after the dated ones), then by article and place in the
text; a figure whose interval differs from the one before it updates that one
(``ng:updates``, in the default graph) when it comes from a later article, or, in
the same article, when its sentence says so (the lexicon's ``update_words``, with the
user's rules: "rose",
"climbed", "revised"): "48 killed" on Monday and "61 killed" on Wednesday from the
same officials are a rising toll, not a disagreement (and
:func:`graph.pipeline.build.link_conflicts` never pairs one source with itself);
two counts of one article ("seven drones and two missiles") are not updates.

May import: rdflib, ``graph.rdf``, ``graph.types``.
"""
from __future__ import annotations

import re
from collections import defaultdict

from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.rdf.iris import claim_iri, event_iri
from graph.rdf.vocab import NG
from graph.types import Claim


def timeline_row(claim: Claim, date: str | None, update_words: frozenset[str]) -> tuple | None:
    """``(group key, order key, claim IRI, (low, high, article, says update))`` of a
    source's figure on an incident, or None."""
    f = claim.figure
    if f is None or claim.event is None or not claim.event.place or claim.narrator:
        return None
    key = (str(event_iri(claim.event, claim.article)), f.quantity, f.scope, claim.source.name)
    order = (date is None, date or "", claim.article, claim.evidence.begin)
    says_update = bool(set(re.findall(r"[a-z]+", claim.evidence.sentence.lower())) & update_words)
    return key, order, claim_iri(claim), (f.low, f.high, claim.article, says_update)


def link_updates(ds: Dataset, rows: list[tuple]) -> int:
    """Link each figure to the one it updates; returns the links made."""
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    groups: dict[tuple, list[tuple]] = defaultdict(list)
    for key, order, iri, interval in rows:
        groups[key].append((order, iri, interval))
    n = 0
    for items in groups.values():
        items.sort(key=lambda item: (item[0], str(item[1])))
        for (_, earlier, before), (_, later, after) in zip(items, items[1:]):
            if after[:2] != before[:2] and (after[2] != before[2] or after[3]):
                default.add((later, NG.updates, earlier))
                n += 1
    return n
