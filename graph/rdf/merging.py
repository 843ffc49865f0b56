"""Actors merged across a build's articles, beyond equal keys (:mod:`graph.rdf.aliases`).

Three rules, each of which can be turned off (``newsgraph build --no-merge RULE``):

- ``surname``: a person known only by a surname joins the one full name of the corpus
  whose surname is it, in any transliteration ("Zelensky" and "Volodymyr Zelenskyy");
- ``variant``: two full names of persons that are spellings or transliterations of one
  name (:func:`graph.names.variant_score`: "Oleksandr Syrskyi", "Aleksandr Syrsky") are
  one person, unless the text puts them on different sides;
- ``acronym``: an organisation named only by an acronym joins the one organisation of
  the corpus whose name's initials it is ("RSF" and "Rapid Support Forces"); with two such
  names ("Reporters Without Borders (RSF)") it stays apart.

A merge moves every quad of the merged actor onto the one it joins, keeps its name as a
``skos:altLabel`` and is recorded (``ng:Merge``) with its reason and, for a variant, its
score. Names split by the alias file ("/split-" IRIs) are never merged.

May import: rdflib, ``graph.names``, ``graph.rdf``.
"""
from __future__ import annotations

from collections import defaultdict

from rdflib import RDF, RDFS, SKOS, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.names import (
    NameTables,
    initials,
    name_skeleton,
    name_words,
    norm_key,
    same_surname,
    variant_score,
)
from graph.rdf.triples import record_merge
from graph.rdf.vocab import NG

#: The rules, in the order they run.
MERGE_RULES = ("variant", "surname", "acronym")


def link_actors(ds: Dataset, tables: NameTables | None = None, skip: frozenset[str] = frozenset()) -> dict[str, int]:
    """Apply the merge rules not in ``skip``; returns how many merges each made."""
    rules = {"variant": link_variants, "surname": link_surnames, "acronym": link_acronyms}
    return {name: rules[name](ds, tables) for name in MERGE_RULES if name not in skip}


def link_surnames(ds: Dataset, tables: NameTables | None = None) -> int:
    """Merge a person known only by a surname into the one full name of the corpus that
    ends with it, in any spelling (:func:`graph.names.same_surname`); ambiguous surnames
    stay apart."""
    persons = _labels(ds, NG.Person)
    by_skeleton: dict[str, list[tuple[URIRef, str]]] = defaultdict(list)
    for iri, label in persons.items():
        words = name_words(label)
        if len(words) > 1:
            by_skeleton[name_skeleton(words[-1], tables)].append((iri, words[-1]))
    merged = 0
    for iri, label in persons.items():
        words = name_words(label)
        if len(words) != 1:
            continue
        full = [other for other, surname in by_skeleton.get(name_skeleton(words[0], tables), ())
                if same_surname(words[0], surname, tables)]
        if len(full) == 1:
            _merge(ds, iri, full[0], label, "surname of the only full name in the corpus with it")
            merged += 1
    return merged


def link_variants(ds: Dataset, tables: NameTables | None = None) -> int:
    """Merge full names of persons that are one name spelled or transliterated otherwise,
    each into the name of its group with the most facts."""
    persons = {iri: label for iri, label in _labels(ds, NG.Person).items() if len(name_words(label)) > 1}
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    sides = {iri: {str(o) for o in default.objects(iri, NG.side)} for iri in persons}
    by_surname: dict[str, list[URIRef]] = defaultdict(list)
    for iri, label in persons.items():
        by_surname[name_skeleton(name_words(label)[-1], tables)].append(iri)
    merged = 0
    for group in by_surname.values():
        group.sort(key=lambda i: (-_weight(ds, i), str(i)))
        taken: set[URIRef] = set()
        for n, target in enumerate(group):
            if target in taken:
                continue
            for other in group[n + 1:]:
                score = None if other in taken else variant_score(persons[target], persons[other], tables)
                if score is not None and not (sides[target] and sides[other] and sides[target] != sides[other]):
                    _merge(ds, other, target, persons[other], "a spelling or transliteration of the same name",
                           score=score)
                    taken.add(other)
                    merged += 1
    return merged


def link_acronyms(ds: Dataset, tables: NameTables | None = None) -> int:
    """Merge an organisation named by an acronym alone into the one organisation of the
    corpus whose name it abbreviates (the names' initials are indexed once)."""
    orgs = {**_labels(ds, NG.Organization), **_labels(ds, NG.Group)}
    by_initials: dict[str, list[URIRef]] = defaultdict(list)
    for iri, name in orgs.items():
        for key in initials(name):
            by_initials[key].append(iri)
    merged = 0
    for iri, label in orgs.items():
        if " " in label.strip() or not label.isupper() or len(label) < 2:
            continue
        expansions = [other for other in by_initials.get(norm_key(label), ()) if other != iri]
        if len(expansions) == 1:
            _merge(ds, iri, expansions[0], label, "the acronym of the only organisation in the corpus with that name")
            merged += 1
    return merged


def _labels(ds: Dataset, cls: URIRef) -> dict[URIRef, str]:
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    out = {}
    for iri in default.subjects(RDF.type, cls):
        label = default.value(iri, RDFS.label)
        if label is not None and "/split-" not in str(iri):
            out[iri] = str(label)
    return out


def _weight(ds: Dataset, iri: URIRef) -> int:
    """How many facts name the actor (its claims and mentions weigh most)."""
    return sum(1 for _ in ds.quads((None, None, iri, None)))


def _merge(ds: Dataset, iri: URIRef, target: URIRef, label: str, reason: str, score: float | None = None) -> None:
    """Move ``iri``'s quads onto ``target``, keep its label as an alias, record the merge."""
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    for s, p, o, g in list(ds.quads((iri, None, None, None))):
        ds.remove((s, p, o, g))
        if p not in (RDFS.label, NG.actorType) and not (p == RDF.type and o != NG.Actor):
            ds.add((target, p, o, g))
    for s, p, o, g in list(ds.quads((None, None, iri, None))):
        ds.remove((s, p, o, g))
        ds.add((s, p, target, g))
    default.add((target, SKOS.altLabel, Literal(label)))
    record_merge(default, target, name=label, source=iri, reason=reason, score=score)
