"""The corpus-wide links of figures: incidents merged, updates, repeats and conflicts.

What the links need of each figure claim (a :class:`FigureRow`) is read back from RDF:
a build reads its own graphs, and a persistent store all it holds, with the same query
and the same rules, so that articles added to a store build after build link exactly as
one build of them all (:func:`relink_store`). A row's incident is its
event when that has a place (events without one belong to their article and are not
linked); its source is the claim's ``ng:source`` (its stored label), and the body it
speaks for that actor's ``ng:affiliation``, else the label. What the links read of the
sentence (an update word such as "rose", an earlier word such as "initially") and of
the counted people ("two of our soldiers") comes from the stored evidence and figure.

May import: pyoxigraph, rdflib, ``graph.rdf``, ``graph.names``, ``graph.pipeline``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from rdflib import Dataset, URIRef

from graph.names import norm_key
from graph.pipeline.conflicts import link_conflicts
from graph.pipeline.incidents import FigureRow, cluster_incidents
from graph.pipeline.updates import link_updates, timelines
from graph.rdf.iris import is_other_incident
from graph.rdf.triples import new_dataset

_PREFIXES = "PREFIX ng: <https://w3id.org/newsgraph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

#: One solution per figure claim about an event with a place.
FIGURES_QUERY = _PREFIXES + """
SELECT ?claim ?event ?source ?article ?articleDate ?begin ?sentence ?narrator
       ?kind ?scope ?low ?high ?approx ?counted ?victims ?victimSide
       ?place ?geonames ?label ?start ?end ?datedBy
WHERE {
  GRAPH ?g {
    ?claim a ng:FigureClaim ; ng:aboutEvent ?event ; ng:source ?source ; ng:figure ?fig ;
           ng:inArticle ?art ; ng:evidence ?ev .
    ?art ng:articleId ?article .
    ?ev ng:beginIndex ?begin ; ng:sentence ?sentence .
    ?fig ng:quantityKind ?kind .
    OPTIONAL { ?fig ng:scope ?scope }
    OPTIONAL { ?fig ng:low ?low }
    OPTIONAL { ?fig ng:high ?high }
    OPTIONAL { ?fig ng:approximate ?approx }
    OPTIONAL { ?fig ng:counted ?counted }
    OPTIONAL { ?fig ng:victims ?victims }
    OPTIONAL { ?fig ng:victimSide ?victimSide }
    OPTIONAL { ?claim ng:narrator ?narrator }
    OPTIONAL { ?art ng:datePublished ?articleDate }
  }
  ?event ng:place ?place .
  OPTIONAL { ?event ng:geonames ?geonames }
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event ng:startDate ?start }
  OPTIONAL { ?event ng:endDate ?end }
  OPTIONAL { ?event ng:datedBy ?datedBy }
}
"""

#: The sources' labels, affiliations and sides (several of the last two may be stored).
SOURCES_QUERY = _PREFIXES + """
SELECT DISTINCT ?source ?label ?affiliation ?side
WHERE {
  { SELECT DISTINCT ?source WHERE { GRAPH ?g { ?claim a ng:FigureClaim ; ng:source ?source } } }
  OPTIONAL { ?source rdfs:label ?label }
  OPTIONAL { ?source ng:affiliation ?affiliation }
  OPTIONAL { ?source ng:side ?side }
}
"""

def link_figures(ds: Dataset, rows: list[FigureRow]) -> tuple[int, int]:
    """Merge incidents across articles, then link updates and conflicts in ``ds``'s default
    graph; returns ``(updates, conflicts)``."""
    incident = cluster_incidents(ds, rows)
    lines = timelines(rows, incident)
    return link_updates(ds, lines), link_conflicts(ds, rows, incident)


def relink_store(store, words: tuple[frozenset[str], frozenset[str]]) -> tuple[int, int]:
    """Make the links again over everything ``store`` holds (a persistent store with
    ``query`` and ``replace_links``) and replace the old ones: an article added links with
    those already there, and a changed article's old merges and links go. ``words`` are
    the lexicon's update and earlier words. Returns ``(updates, conflicts)``."""
    links = new_dataset()
    counts = link_figures(links, stored_figure_rows(store, *words))
    store.replace_links(links)
    return counts


def stored_figure_rows(store, update_words: frozenset[str], earlier_words: frozenset[str]) -> list[FigureRow]:
    """The rows of every figure claim in ``store`` (anything with pyoxigraph's ``query``:
    a build's spilled graphs, a persistent store, a SPARQL server), in a fixed order."""
    sources = _sources(store)
    rows = [_row(s, sources, update_words, earlier_words) for s in store.query(FIGURES_QUERY)]
    return sorted(rows, key=lambda r: (r.article, r.begin, str(r.claim)))


def _sources(store) -> dict[str, tuple[str, str, frozenset[str], frozenset[str]]]:
    """Source IRI -> (label, the body it speaks for, all the bodies it speaks for, its sides)."""
    labels: dict[str, set[str]] = defaultdict(set)
    affiliations: dict[str, set[str]] = defaultdict(set)
    sides: dict[str, set[str]] = defaultdict(set)
    for s in store.query(SOURCES_QUERY):
        iri = s["source"].value
        for name, into in (("label", labels), ("affiliation", affiliations), ("side", sides)):
            into[iri].update([s[name].value] if s[name] is not None else [])
    out = {}
    for iri in labels.keys() | affiliations.keys() | sides.keys():
        label = min(labels[iri]) if labels[iri] else iri.rsplit("/", 1)[-1]
        bodies = frozenset(norm_key(a) for a in affiliations[iri]) or frozenset({norm_key(label)})
        out[iri] = (label, min(bodies), bodies, frozenset(sides[iri]))
    return out


def _row(s, sources, update_words: frozenset[str], earlier_words: frozenset[str]) -> FigureRow:
    def text(name: str) -> str | None:
        return s[name].value if s[name] is not None else None

    def number(name: str) -> float | None:
        return float(s[name].value) if s[name] is not None else None

    event = URIRef(s["event"].value)
    geonames = text("geonames")
    place = f"geonames-{geonames.rstrip('/').rsplit('/', 1)[-1]}" if geonames else norm_key(text("place"))
    start, end = text("start"), text("end")
    if start is None and is_other_incident(event):
        place = str(event)  # another incident the article mentions, undated: its own
    unknown = s["source"].value
    label, group, bodies, sides = sources.get(unknown, (unknown, unknown, frozenset({unknown}), frozenset()))
    words = set(re.findall(r"[a-z]+", text("sentence").lower()))
    victim_side = text("victimSide")
    return FigureRow(
        claim=URIRef(s["claim"].value), event=event, place=place,
        start=date.fromisoformat(start) if start else None, end=date.fromisoformat(end or start) if start else None,
        dated_by=text("datedBy") if start else None, label=text("label") or "", quantity=text("kind"),
        scope=text("scope") or "total", source=label, group=group, bodies=bodies, narrator=text("narrator") == "true",
        article=text("article"), article_date=text("articleDate"), begin=int(s["begin"].value),
        low=number("low"), high=number("high"), approx=text("approx") == "true", victims=text("victims"),
        sides=sides,
        enemy_losses=bool(victim_side and sides and victim_side not in sides),
        says_update=bool(words & update_words), said_earlier=bool(words & earlier_words),
        own_losses=bool(set(re.findall(r"[a-z]+", (text("counted") or "").lower())) & {"our", "its", "their"}),
    )
