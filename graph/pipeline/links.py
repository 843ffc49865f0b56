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
from dataclasses import dataclass
from datetime import date

from rdflib import Dataset, URIRef

from graph.names import norm_key
from graph.pipeline.conflicts import link_conflicts
from graph.pipeline.incidents import FigureRow, cluster_incidents
from graph.pipeline.updates import link_updates, timelines
from graph.rdf.iris import is_other_incident
from graph.rdf.triples import new_dataset
from graph.sparql.library import load_query


@dataclass(frozen=True)
class LinkWords:
    """The lexicon's words that the links read: ``update`` ("rose", a figure that says it
    updates), ``earlier`` ("initially", one that says it came first) and ``state`` ("ministry",
    "governor": a source that is one of a state's or a side's officials)."""

    update: frozenset[str] = frozenset()
    earlier: frozenset[str] = frozenset()
    state: frozenset[str] = frozenset()

    @classmethod
    def of(cls, lexicon) -> LinkWords:
        return cls(lexicon.words("update_words"), lexicon.words("earlier_words"), lexicon.words("state_words"))


@dataclass(frozen=True)
class _Source:
    label: str
    group: str
    bodies: frozenset[str]
    sides: frozenset[str]
    official: bool


def link_figures(ds: Dataset, rows: list[FigureRow]) -> tuple[int, int]:
    """Merge incidents across articles, then link updates and conflicts in ``ds``'s default
    graph; returns ``(updates, conflicts)``."""
    incident = cluster_incidents(ds, rows)
    lines = timelines(rows, incident)
    return link_updates(ds, lines), link_conflicts(ds, rows, incident)


def relink_store(store, words: LinkWords) -> tuple[int, int]:
    """Make the links again over everything ``store`` holds (a persistent store with
    ``query`` and ``replace_links``) and replace the old ones: an article added links with
    those already there, and a changed article's old merges and links go. Returns
    ``(updates, conflicts)``."""
    links = new_dataset()
    counts = link_figures(links, stored_figure_rows(store, words))
    store.replace_links(links)
    return counts


def stored_figure_rows(store, words: LinkWords) -> list[FigureRow]:
    """The rows of every figure claim in ``store`` (anything with pyoxigraph's ``query``:
    a build's spilled graphs, a persistent store, a SPARQL server), in a fixed order."""
    sources = _sources(store, words.state)
    rows = [_row(s, sources, words) for s in store.query(load_query("_figure_rows"))]
    return sorted(rows, key=lambda r: (r.article, r.begin, str(r.claim)))


def _sources(store, state_words: frozenset[str]) -> dict[str, _Source]:
    """Source IRI -> what the links need of it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s in store.query(load_query("_figure_sources")):
        for name in ("label", "affiliation", "role", "side"):
            if s[name] is not None:
                found[s["source"].value][name].add(s[name].value)
    out = {}
    for iri, facts in found.items():
        label = min(facts["label"]) if facts["label"] else iri.rsplit("/", 1)[-1]
        bodies = frozenset(norm_key(a) for a in facts["affiliation"]) or frozenset({norm_key(label)})
        words = {w for text in (label, *facts["affiliation"]) for w in _words(text)}
        words |= {_role_head(role) for role in facts["role"]}  # "military blogger" is a blogger
        out[iri] = _Source(label, min(bodies), bodies, frozenset(facts["side"]), bool(words & state_words))
    return out


def _role_head(role: str) -> str:
    """The word a role names (its body is the source's affiliation).

    >>> _role_head("Russian military blogger"), _role_head("head of the regional administration")
    ('blogger', 'head')
    >>> _role_head("Governor, Kharkiv region")
    'governor'
    """
    first = re.split(r"\b(?:of|for|at|in|with)\b|,|\(", role.lower())[0]
    words = _words(first)
    return words[-1] if words else ""


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def _row(s, sources: dict[str, _Source], words: LinkWords) -> FigureRow:
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
    iri = s["source"].value
    source = sources.get(iri) or _Source(iri, iri, frozenset({iri}), frozenset(), False)
    said = set(_words(text("sentence")))
    victim_side = text("victimSide")
    return FigureRow(
        claim=URIRef(s["claim"].value), event=event, place=place,
        start=date.fromisoformat(start) if start else None, end=date.fromisoformat(end or start) if start else None,
        dated_by=text("datedBy") if start else None, label=text("label") or "", quantity=text("kind"),
        scope=text("scope") or "total", source=source.label, group=source.group, bodies=source.bodies,
        narrator=text("narrator") == "true", article=text("article"), article_date=text("articleDate"),
        begin=int(s["begin"].value), low=number("low"), high=number("high"), approx=text("approx") == "true",
        victims=text("victims"), sides=source.sides, official=source.official,
        enemy_losses=bool(victim_side and source.sides and victim_side not in source.sides),
        says_update=bool(said & words.update), said_earlier=bool(said & words.earlier),
        own_losses=bool(set(_words(text("counted") or "")) & {"our", "its", "their"}),
    )
