"""The summary graph: how many claims and articles each source has, kept up to date.

``most_cited_sources`` asks for the sources with the most claims. Counting
them means reading every ``ng:source`` statement of the store, which grows
with the store (about 26 ms per 60,000 claims in Oxigraph, before any
grouping). So the counts are kept in one named graph,
``https://w3id.org/newsgraph/id/summary``::

    GRAPH <https://w3id.org/newsgraph/id/summary> {
        <actor> ng:claimCount 12 ; ng:articleCount 5 .
    }

- ``claimCount``: the claims whose ``ng:source`` is the actor, over every article graph;
- ``articleCount``: the article graphs with at least one of them.

It is kept true three ways:

- a persistent store (:class:`graph.store.local.Store`) moves the counts of an
  article's sources in the same transaction that replaces the article's graph
  (:func:`delta_update`), so a build killed midway leaves counts that match
  the articles stored;
- a build's own output (``graph.trig``), RDF files loaded by ``query`` and
  ``serve``, and a remote store after a build are counted afresh
  (:data:`REFRESH`, :data:`COUNTS`): files may be several builds put together,
  whose summaries would not add up;
- a store written before the summary existed is counted afresh when a build
  opens it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import XSD

from graph.rdf.vocab import DATA, NG

#: The named graph of the counts (not an article graph: article graphs are ``id:graph/...``).
SUMMARY_GRAPH = ox.NamedNode(DATA["summary"])
_SOURCE = ox.NamedNode(NG.source)
_XSD_INTEGER = ox.NamedNode(XSD.integer)

_COUNT = f"""SELECT ?source (COUNT(*) AS ?claims) (COUNT(DISTINCT ?g) AS ?articles)
WHERE {{ GRAPH ?g {{ ?claim ng:source ?source }} FILTER (?g != {SUMMARY_GRAPH}) }}
GROUP BY ?source"""

#: The counts, from every article graph.
COUNTS = f"PREFIX ng: <{NG}>\n{_COUNT}"

#: One SPARQL Update (one transaction) that replaces the summary graph with fresh counts.
REFRESH = f"""PREFIX ng: <{NG}>
DROP SILENT GRAPH {SUMMARY_GRAPH} ;
INSERT {{ GRAPH {SUMMARY_GRAPH} {{ ?source ng:claimCount ?claims ; ng:articleCount ?articles }} }}
WHERE {{ {_COUNT} }}"""


def refresh(store: ox.Store) -> None:
    """Count every source afresh into the summary graph of ``store`` (one transaction)."""
    store.update(REFRESH)


def needs_refresh(store: ox.Store) -> bool:
    """True when ``store`` has claims but no summary graph (written before the summary existed)."""
    if store.contains_named_graph(SUMMARY_GRAPH):
        return False
    return next(iter(store.quads_for_pattern(None, _SOURCE, None, None)), None) is not None


def summary_quads(rows: Iterable) -> list[ox.Quad]:
    """The summary graph's quads from :data:`COUNTS` rows (``source``, ``claims``, ``articles``)."""
    quads = []
    for row in rows:
        for prop, value in (("claimCount", row["claims"]), ("articleCount", row["articles"])):
            quads.append(ox.Quad(row["source"], ox.NamedNode(NG + prop),
                                 ox.Literal(str(int(value.value)), datatype=_XSD_INTEGER), SUMMARY_GRAPH))
    return quads


def source_counts(quads: Iterable[ox.Quad]) -> Counter:
    """How many ``ng:source`` statements name each source, in ``quads``."""
    return Counter(q.object for q in quads if q.predicate == _SOURCE)


def delta_update(old: Mapping[ox.NamedNode, int], new: Mapping[ox.NamedNode, int]) -> str | None:
    """SPARQL Update text that moves the summary from an article's ``old`` source counts to its ``new`` ones.

    Meant to run in the same update request as the replacement of the
    article's graph, so it has no ``PREFIX`` of its own (full IRIs). A source whose count falls to zero leaves the summary.
    None when nothing changes. Terms are written in pyoxigraph's N-Triples
    form and counts are integers: nothing is pasted from the data as text.
    """
    rows = []
    for source in sorted(set(old) | set(new), key=str):
        before, after = old.get(source, 0), new.get(source, 0)
        claims = after - before
        articles = (after > 0) - (before > 0)
        if claims or articles:
            rows.append(f"({source} {claims} {articles})")
    if not rows:
        return None
    return f"""DELETE {{ GRAPH {SUMMARY_GRAPH} {{ ?source <{NG}claimCount> ?claims ; <{NG}articleCount> ?articles }} }}
INSERT {{ GRAPH {SUMMARY_GRAPH} {{ ?source <{NG}claimCount> ?newClaims ; <{NG}articleCount> ?newArticles }} }}
WHERE {{
  VALUES (?source ?moreClaims ?moreArticles) {{ {" ".join(rows)} }}
  OPTIONAL {{ GRAPH {SUMMARY_GRAPH} {{ ?source <{NG}claimCount> ?claims }} }}
  OPTIONAL {{ GRAPH {SUMMARY_GRAPH} {{ ?source <{NG}articleCount> ?articles }} }}
  BIND (COALESCE(?claims, 0) + ?moreClaims AS ?claimSum)
  BIND (COALESCE(?articles, 0) + ?moreArticles AS ?articleSum)
  BIND (IF(?claimSum > 0, ?claimSum, ?none) AS ?newClaims)
  BIND (IF(?claimSum > 0, ?articleSum, ?none) AS ?newArticles)
}}"""
