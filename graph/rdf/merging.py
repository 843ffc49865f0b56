"""Actors merged across articles, beyond equal keys (:mod:`graph.rdf.aliases`).

Three rules, each of which can be turned off (``newsgraph build --no-merge RULE``):

- ``variant``: two full names of persons that are spellings or transliterations of one
  name (:func:`graph.names.variant_score`: "Oleksandr Syrskyi", "Aleksandr Syrsky") are
  one person, unless the text puts them on different sides;
- ``surname``: a person known only by a surname joins the one full name of the corpus
  whose surname is it, in any transliteration ("Zelensky" and "Volodymyr Zelenskyy");
- ``acronym``: an organisation named only by an acronym joins the one organisation of
  the corpus whose name's initials it is ("RSF" and "Rapid Support Forces"); with two such
  names ("Reporters Without Borders (RSF)") it stays apart.

The rules read the actors of anything with pyoxigraph's ``query`` and ``update`` (a
build's graphs, or all a persistent store holds: :func:`link_actors`), plan the merges
in Python (:func:`plan_merges`) and make them with one SPARQL Update
(:func:`merge_update`), so that a store merges the actors of articles added build
after build as one build of them all would. A merge moves every quad of the merged actor
onto the one it joins (its label, type and first values stay behind), keeps its name as
a ``skos:altLabel`` and is recorded (``ng:Merge``, named after the merged actor) with its
reason and, for a variant, its score. The actor a group joins is its fullest name
(most words, then most letters), which does not depend on the order articles came in.
Names split by the alias file ("/split-" IRIs) are never merged.

May import: pyoxigraph, ``graph.names``, ``graph.rdf``, ``graph.resources``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from graph.names import (
    NameTables,
    initials,
    name_skeleton,
    name_words,
    norm_key,
    same_surname,
    variant_score,
)
from graph.rdf.iris import merge_iri
from graph.rdf.vocab import NG
from graph.resources import query_text

#: The rules, in the order they run.
MERGE_RULES = ("variant", "surname", "acronym")

_REASONS = {
    "variant": "a spelling or transliteration of the same name",
    "surname": "surname of the only full name in the corpus with it",
    "acronym": "the acronym of the only organisation in the corpus with that name",
}


@dataclass(frozen=True)
class ActorRow:
    """What the rules read of one actor: its IRI, label, class and sides."""

    iri: str
    label: str
    person: bool
    sides: frozenset[str]


@dataclass(frozen=True)
class Merge:
    """``source`` goes into ``target`` by ``rule`` (with the likeness ``score`` of a variant)."""

    source: ActorRow
    target: ActorRow
    rule: str
    score: float | None = None


def link_actors(store, tables: NameTables | None = None, skip: frozenset[str] = frozenset()) -> dict[str, int]:
    """Merge the actors of ``store`` by the rules not in ``skip``; returns how many merges
    each rule made."""
    merges = plan_merges(actor_rows(store), tables, skip)
    if merges:
        store.update(merge_update(merges))
    return {rule: sum(m.rule == rule for m in merges) for rule in MERGE_RULES if rule not in skip}


def actor_rows(store) -> list[ActorRow]:
    """The persons, organisations and groups of ``store``'s default graph, by IRI."""
    found: dict[str, dict] = {}
    for row in store.query(query_text("_actor_rows")):
        iri = row["actor"].value
        if "/split-" in iri:
            continue
        entry = found.setdefault(iri, {"label": row["label"].value, "person": False, "sides": set()})
        entry["label"] = min(entry["label"], row["label"].value)
        entry["person"] |= row["class"].value == str(NG.Person)
        if row["side"] is not None:
            entry["sides"].add(row["side"].value)
    return [ActorRow(iri, e["label"], e["person"], frozenset(e["sides"])) for iri, e in sorted(found.items())]


def plan_merges(rows: list[ActorRow], tables: NameTables | None = None,
                skip: frozenset[str] = frozenset()) -> list[Merge]:
    """The merges the rules make over ``rows``; a surname joins a full name that no variant
    merge took away."""
    persons = [r for r in rows if r.person]
    merges = [] if "variant" in skip else variant_merges(persons, tables)
    gone = {m.source.iri for m in merges}
    if "surname" not in skip:
        merges += surname_merges([r for r in persons if r.iri not in gone], tables)
    if "acronym" not in skip:
        merges += acronym_merges([r for r in rows if not r.person])
    return merges


def variant_merges(persons: list[ActorRow], tables: NameTables | None = None) -> list[Merge]:
    """Full names of persons that are one name spelled or transliterated otherwise, each
    into the fullest name of its group it is like."""
    by_surname: dict[str, list[ActorRow]] = defaultdict(list)
    for row in persons:
        words = name_words(row.label)
        if len(words) > 1:
            by_surname[name_skeleton(words[-1], tables)].append(row)
    merges = []
    for group in by_surname.values():
        group.sort(key=_fullest)
        taken: set[str] = set()
        for n, target in enumerate(group):
            if target.iri in taken:
                continue
            for other in group[n + 1:]:
                if other.iri in taken or (target.sides and other.sides and target.sides != other.sides):
                    continue
                score = variant_score(target.label, other.label, tables)
                if score is not None:
                    merges.append(Merge(other, target, "variant", score))
                    taken.add(other.iri)
    return merges


def surname_merges(persons: list[ActorRow], tables: NameTables | None = None) -> list[Merge]:
    """A person known only by a surname into the one full name that ends with it, in any
    spelling (:func:`graph.names.same_surname`); ambiguous surnames stay apart."""
    by_skeleton: dict[str, list[tuple[ActorRow, str]]] = defaultdict(list)
    for row in persons:
        words = name_words(row.label)
        if len(words) > 1:
            by_skeleton[name_skeleton(words[-1], tables)].append((row, words[-1]))
    merges = []
    for row in persons:
        words = name_words(row.label)
        if len(words) != 1:
            continue
        full = [other for other, surname in by_skeleton.get(name_skeleton(words[0], tables), ())
                if same_surname(words[0], surname, tables)]
        if len(full) == 1:
            merges.append(Merge(row, full[0], "surname"))
    return merges


def acronym_merges(orgs: list[ActorRow]) -> list[Merge]:
    """An organisation named by an acronym alone into the one organisation whose name it
    abbreviates (the names' initials are indexed once)."""
    by_initials: dict[str, list[ActorRow]] = defaultdict(list)
    for row in orgs:
        for key in initials(row.label):
            by_initials[key].append(row)
    merges = []
    for row in orgs:
        label = row.label
        if " " in label.strip() or not label.isupper() or len(label) < 2:
            continue
        expansions = [other for other in by_initials.get(norm_key(label), ()) if other.iri != row.iri]
        if len(expansions) == 1:
            merges.append(Merge(row, expansions[0], "acronym"))
    return merges


def _fullest(row: ActorRow) -> tuple:
    return -len(name_words(row.label)), -len(row.label), row.label, row.iri


#: Moves the quads of ?from onto ?into in every graph: as subject (in the default graph
#: all but the label, the type and the first values) and as object.
_MOVE = """
INSERT {{ {into} ?p ?o }} WHERE {{ {src} ?p ?o
  FILTER(?p NOT IN (rdfs:label, ng:actorType) && (?p != rdf:type || ?o = ng:Actor)) }} ;
DELETE WHERE {{ {src} ?p ?o }} ;
DELETE {{ GRAPH ?g {{ {src} ?p ?o }} }} INSERT {{ GRAPH ?g {{ {into} ?p ?o }} }} WHERE {{ GRAPH ?g {{ {src} ?p ?o }} }} ;
DELETE {{ ?s ?p {src} }} INSERT {{ ?s ?p {into} }} WHERE {{ ?s ?p {src} }} ;
DELETE {{ GRAPH ?g {{ ?s ?p {src} }} }} INSERT {{ GRAPH ?g {{ ?s ?p {into} }} }} WHERE {{ GRAPH ?g {{ ?s ?p {src} }} }} ;
INSERT DATA {{ {into} skos:altLabel {name} .
  {node} a ng:Merge ; ng:mergedInto {into} ; ng:mergedName {name} ; ng:mergeReason {reason} ;
    ng:mergedFrom {src}{score} }}"""

_PREFIXES = f"""PREFIX ng: <{NG}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def merge_update(merges: list[Merge]) -> str:
    """One SPARQL Update that makes ``merges`` (terms in pyoxigraph's own N-Triples form,
    so nothing of an article is pasted raw)."""
    parts = []
    for m in merges:
        src, into = ox.NamedNode(m.source.iri), ox.NamedNode(m.target.iri)
        score = "" if m.score is None else f" ; ng:mergeScore {ox.Literal(str(round(m.score, 3)), datatype=_DECIMAL)}"
        parts.append(_MOVE.format(
            src=src, into=into, name=ox.Literal(m.source.label), reason=ox.Literal(_REASONS[m.rule]),
            node=ox.NamedNode(str(merge_iri(m.source.iri, m.source.label))), score=score))
    return _PREFIXES + " ;\n".join(parts)


_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
