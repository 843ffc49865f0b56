"""The newsgraph vocabulary, kept in step with ``ontology/newsgraph.ttl`` by a test.

``_fail = True`` makes an unknown term an error instead of a silent new IRI.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: Base of every IRI that names data (articles, actors, claims...).
DATA = Namespace("https://w3id.org/newsgraph/id/")

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GRASP = Namespace("http://groundedannotationframework.org/grasp#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


class NG(DefinedNamespace):
    """Classes and properties of the newsgraph ontology."""

    _fail = True
    _NS = Namespace("https://w3id.org/newsgraph/ontology#")

    # classes: actors
    Voice: URIRef
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Group: URIRef
    Channel: URIRef
    Outlet: URIRef
    UnresolvedMention: URIRef
    # classes: articles, claims, figures, events, evidence, provenance
    Article: URIRef
    Claim: URIRef
    FigureClaim: URIRef
    Criticism: URIRef
    Quotation: URIRef
    ReportedStatement: URIRef
    Denial: URIRef
    Accusation: URIRef
    Figure: URIRef
    Event: URIRef
    Evidence: URIRef
    Extractor: URIRef

    # claim properties
    source: URIRef
    evidence: URIRef
    inArticle: URIRef
    generatedBy: URIRef
    aboutEvent: URIRef
    channel: URIRef
    figure: URIRef
    target: URIRef
    targetActor: URIRef
    quoteText: URIRef
    statementText: URIRef
    cue: URIRef
    polarity: URIRef
    hedged: URIRef
    scope: URIRef
    dateSource: URIRef
    updates: URIRef
    repeats: URIRef
    reportedBy: URIRef
    narrator: URIRef
    conflictsWith: URIRef

    # extractor properties (provenance of the software)
    softwareVersion: URIRef
    modelName: URIRef
    modelVersion: URIRef
    rulesDigest: URIRef

    # figure properties
    quantityKind: URIRef
    low: URIRef
    high: URIRef
    approximate: URIRef
    counted: URIRef
    figureText: URIRef
    victims: URIRef
    victimSide: URIRef

    # evidence properties
    beginIndex: URIRef
    endIndex: URIRef
    sentence: URIRef

    # summary properties (derived counts, in the summary graph)
    claimCount: URIRef
    articleCount: URIRef

    # article properties
    articleId: URIRef
    title: URIRef
    url: URIRef
    outlet: URIRef
    datePublished: URIRef
    author: URIRef
    language: URIRef
    text: URIRef

    # actor properties
    actorType: URIRef
    role: URIRef
    affiliation: URIRef
    affiliatedWith: URIRef
    side: URIRef
    wikidata: URIRef
    mentionedIn: URIRef

    # merges of actors
    Merge: URIRef
    mergedInto: URIRef
    mergedFrom: URIRef
    mergedName: URIRef
    mergeReason: URIRef
    mergeScore: URIRef

    # event properties
    eventType: URIRef
    place: URIRef
    time: URIRef
    weapon: URIRef
    startDate: URIRef
    endDate: URIRef
    datedBy: URIRef
    geonames: URIRef
    country: URIRef
    region: URIRef
    sameIncident: URIRef


#: The one rule of merging default-graph facts, for a batch and for a store alike:
#: for a subject already labelled, the first ``rdfs:label`` stays (a later label of
#: an actor becomes a ``skos:altLabel``), the first specific class stays, and so does
#: the first value of each of these properties; every other fact is added.
FIRST_VALUE_WINS: tuple[URIRef, ...] = (NG.actorType, NG.eventType, NG.place, NG.startDate, NG.endDate,
                                         NG.datedBy, NG.geonames, NG.country, NG.region)

#: The corpus-wide links between figures and events (default graph): a build makes them over
#: its articles, and a persistent store has them made again over all it holds. Each
#: ``ng:Merge`` whose ``ng:mergedFrom`` is an event records one ``ng:sameIncident``.
FIGURE_LINKS: tuple[URIRef, ...] = (NG.sameIncident, NG.updates, NG.repeats, NG.conflictsWith)
