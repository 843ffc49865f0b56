"""Deterministic IRIs: the same article, actor, claim or event always gets the same
name, so a rebuilt article replaces itself and articles about one actor meet.

May import: rdflib, ``graph.names``, ``graph.types``, ``graph.rdf.vocab``.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import quote

from rdflib import RDF, RDFS, Literal, URIRef

from graph.names import canonical_key, family, norm_key
from graph.rdf.vocab import DATA, NG
from graph.types import Actor, Claim, Event, Software


def _slug(text: str) -> str:
    """An IRI path segment for a name: spaces as underscores, the rest percent-encoded.

    >>> _slug("report 1/ä")
    'report_1%2F%C3%A4'
    """
    text = re.sub(r"\s+", "_", text.strip())
    return quote(text, safe="-_.~") or "_"


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def article_iri(article_id: str) -> URIRef:
    """The article's node; its named graph is :func:`graph_iri`.

    >>> str(article_iri("001 kyiv")), str(graph_iri("001 kyiv"))
    ('https://w3id.org/newsgraph/id/article/001_kyiv', 'https://w3id.org/newsgraph/id/graph/001_kyiv')
    """
    return DATA[f"article/{_slug(article_id)}"]


def graph_iri(article_id: str) -> URIRef:
    return DATA[f"graph/{_slug(article_id)}"]


@lru_cache(maxsize=65536)
def actor_key(actor: Actor) -> str:
    """The actor's merge key (see graph.rdf.aliases); persons and non-persons never share one."""
    key = actor.key or canonical_key(actor.name, actor.type) or actor.name
    if actor.scope is not None:  # an unresolved mention: one per article
        return f"unresolved/{_slug(actor.scope)}/{_slug(key)}"
    return f"{family(actor.type)}/{_slug(key)}"


def actor_iri(actor: Actor) -> URIRef:
    return DATA[f"actor/{actor_key(actor)}"]


def channel_iri(name: str) -> URIRef:
    return DATA[f"channel/{_slug(norm_key(name) or name)}"]


def event_iri(event: Event, article_id: str) -> URIRef:
    """An incident by its place (the gazetteer's town, else the name) and first day;
    one without a place belongs to its article."""
    if not event.place:
        return DATA[f"event/{_slug(article_id)}/{_slug(event.type)}"]
    place = f"geonames-{event.geonameid}" if event.geonameid is not None else _slug(norm_key(event.place))
    if event.date:
        return DATA[f"event/{place}/{event.date}"]
    if event.date_source == "other":  # another incident the article mentions, undated
        return DATA[f"event/{place}/other-{_slug(article_id)}-{_slug(event.time or event.type)}"]
    return DATA[f"event/{place}"]


def is_other_incident(iri: URIRef | str) -> bool:
    """An undated event that :func:`event_iri` keeps to its article: another incident it mentions."""
    return "/other-" in str(iri).rsplit("/event/", 1)[-1]


def extractor_iri(name: str, software: Software) -> URIRef:
    """One node per extractor and software: the same rules under another model or release differ."""
    run = _digest(software.version, software.model, software.model_version, software.rules_digest or "")
    return DATA[f"extractor/{_slug(name)}/{run[:12]}"]


def extractor_triples(name: str, software: Software) -> Iterable[tuple]:
    """The extractor node: its versioned name, newsgraph's version, the model and the rules digest."""
    iri = extractor_iri(name, software)
    yield iri, RDF.type, NG.Extractor
    yield iri, RDFS.label, Literal(name)
    yield iri, NG.softwareVersion, Literal(software.version)
    yield iri, NG.modelName, Literal(software.model)
    yield iri, NG.modelVersion, Literal(software.model_version)
    if software.rules_digest:
        yield iri, NG.rulesDigest, Literal(software.rules_digest)


def claim_iri(claim: Claim) -> URIRef:
    payload = (
        (claim.figure.quantity, claim.figure.low, claim.figure.high, claim.figure.text) if claim.figure
        else claim.target if claim.kind == "criticism" else claim.text
    )
    digest = _digest(claim.article, claim.kind, claim.evidence.begin, claim.evidence.end,
                     actor_key(claim.source), payload)
    return DATA[f"claim/{_slug(claim.article)}/{digest}"]


def evidence_iri(claim: Claim) -> URIRef:
    ev = claim.evidence
    return DATA[f"evidence/{_slug(ev.article)}/{ev.begin}-{ev.end}"]


def merge_iri(target: URIRef, name: str) -> URIRef:
    return DATA[f"merge/{_digest(target, name)}"]
