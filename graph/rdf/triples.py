"""Mapping extractions to RDF: one named graph per article (IRIs from :mod:`graph.rdf.iris`).

The article's graph holds its metadata and text, its claims, figures and
evidence, and which actors it mentions. The default graph holds what spans
articles: actors, events and extractors.
"""
from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Callable, Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager

from graph.rdf.iris import (
    actor_iri,
    article_iri,
    channel_iri,
    claim_iri,
    event_iri,
    evidence_iri,
    extractor_iri,
    extractor_triples,
    graph_iri,
    merge_iri,
)
from graph.rdf.vocab import FIRST_VALUE_WINS, NG
from graph.types import Actor, Article, Claim, Event, Extraction, Software

ACTOR_CLASS = {
    "person": NG.Person,
    "organization": NG.Organization,
    "group": NG.Group,
    "channel": NG.Channel,
    "outlet": NG.Outlet,
}
CLAIM_CLASS = {"figure": NG.FigureClaim, "criticism": NG.Criticism, "quote": NG.Quotation,
               "statement": NG.ReportedStatement}


def _num(value: float) -> Literal:
    if float(value).is_integer():
        return Literal(int(value), datatype=XSD.integer)
    return Literal(str(value), datatype=XSD.decimal)


def author_actor(name: str) -> Actor:
    return Actor(name=name, type="person")


def actor_triples(actor: Actor) -> Iterable[tuple]:
    iri = actor_iri(actor)
    if actor.scope is not None:  # "officials": a source of its article, not an actor of the corpus
        yield iri, RDF.type, NG.UnresolvedMention
    else:
        yield iri, RDF.type, NG.Actor
        yield iri, RDF.type, ACTOR_CLASS.get(actor.type, NG.Organization)
    yield iri, RDFS.label, Literal(actor.name)
    yield iri, NG.actorType, Literal(actor.type)
    for alias in actor.aliases:
        yield iri, SKOS.altLabel, Literal(alias)
    if actor.role:
        yield iri, NG.role, Literal(actor.role)
    if actor.affiliation:
        yield iri, NG.affiliation, Literal(actor.affiliation)
    if actor.side:
        yield iri, NG.side, Literal(actor.side)
    if actor.wikidata:
        yield iri, NG.wikidata, URIRef(f"http://www.wikidata.org/entity/{actor.wikidata}")


def event_triples(event: Event, article_id: str) -> Iterable[tuple]:
    iri = event_iri(event, article_id)
    yield iri, RDF.type, NG.Event
    yield iri, RDFS.label, Literal(event.label if event.place else f"{event.type} ({article_id})")
    yield iri, NG.eventType, Literal(event.type)
    if event.place:
        yield iri, NG.place, Literal(event.place)
    if event.date:
        yield iri, NG.startDate, Literal(event.date, datatype=XSD.date)
        yield iri, NG.endDate, Literal(event.end or event.date, datatype=XSD.date)
        yield iri, NG.datedBy, Literal(event.date_source or "text")
    if event.geonameid is not None:
        yield iri, NG.geonames, URIRef(f"https://sws.geonames.org/{event.geonameid}/")
    if event.country:
        yield iri, NG.country, Literal(event.country)
    if event.region:
        yield iri, NG.region, Literal(event.region)


def event_mention_triples(event: Event, article_id: str) -> Iterable[tuple]:
    """Per-article details of an event (time and weapon as this article states them)."""
    iri = event_iri(event, article_id)
    if event.time:
        yield iri, NG.time, Literal(event.time)
    if event.weapon:
        yield iri, NG.weapon, Literal(event.weapon)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


def date_literal(value: str) -> Literal:
    """A publication date as ``xsd:date`` or ``xsd:dateTime`` when it is written in ISO 8601, else as given.

    Typed dates sort and compare as dates in SPARQL (``FILTER (?date >= "2023-01-01"^^xsd:date)``),
    and Oxigraph stores them inline, so sorting by date reads no strings.
    """
    text = value.strip()
    if _ISO_DATE.fullmatch(text) and _valid(dt.date.fromisoformat, text):
        return Literal(text, datatype=XSD.date)
    if _ISO_DATETIME.fullmatch(text) and _valid(dt.datetime.fromisoformat, text.replace("Z", "+00:00")):
        if len(text) == 16 or (len(text) > 16 and text[16] in "Z+-"):  # no seconds: add them, as xsd:dateTime needs
            text = text[:16] + ":00" + text[16:]
        return Literal(text, datatype=XSD.dateTime)
    return Literal(value)


def _valid(parse, text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def article_triples(article: Article) -> Iterable[tuple]:
    iri = article_iri(article.id)
    yield iri, RDF.type, NG.Article
    yield iri, NG.articleId, Literal(article.id)
    yield iri, NG.text, Literal(article.text)
    for prop, value in ((NG.title, article.title), (NG.language, article.language)):
        if value:
            yield iri, prop, Literal(value)
    if article.date:
        yield iri, NG.datePublished, date_literal(article.date)
        if article.date_source:
            yield iri, NG.dateSource, Literal(article.date_source)
    if article.author:
        yield iri, NG.author, actor_iri(author_actor(article.author))
    if article.url:
        yield iri, NG.url, Literal(article.url, datatype=XSD.anyURI)


def claim_triples(claim: Claim, software: Software) -> Iterable[tuple]:
    iri = claim_iri(claim)
    art = article_iri(claim.article)
    ev = evidence_iri(claim)
    yield iri, RDF.type, NG.Claim
    yield iri, RDF.type, CLAIM_CLASS[claim.kind]
    yield iri, NG.source, actor_iri(claim.source)
    yield iri, NG.inArticle, art
    yield iri, NG.evidence, ev
    yield iri, NG.generatedBy, extractor_iri(claim.extractor, software)
    if claim.narrator:
        yield iri, NG.narrator, Literal(True)
    if claim.channel:
        yield iri, NG.channel, channel_iri(claim.channel)
    if claim.event is not None:
        yield iri, NG.aboutEvent, event_iri(claim.event, claim.article)
    if claim.figure is not None:
        fig = URIRef(f"{iri}/figure")
        f = claim.figure
        yield iri, NG.figure, fig
        yield fig, RDF.type, NG.Figure
        yield fig, NG.quantityKind, Literal(f.quantity)
        if f.low is not None:
            yield fig, NG.low, _num(f.low)
        if f.high is not None:
            yield fig, NG.high, _num(f.high)
        yield fig, NG.approximate, Literal(bool(f.approx))
        if f.counted:
            yield fig, NG.counted, Literal(f.counted)
        if f.text:
            yield fig, NG.figureText, Literal(f.text)
        yield fig, NG.scope, Literal(f.scope)
        if f.victims:
            yield fig, NG.victims, Literal(f.victims)
        if f.victim_side:
            yield fig, NG.victimSide, Literal(f.victim_side)
    if claim.target is not None:
        yield iri, NG.target, Literal(claim.target)
    if claim.text is not None:
        yield iri, NG.statementText if claim.kind == "statement" else NG.quoteText, Literal(claim.text)
    if claim.cue is not None:
        yield iri, NG.cue, Literal(claim.cue)
    if claim.polarity is not None:
        yield iri, NG.polarity, Literal(claim.polarity)
    if claim.hedged:
        yield iri, NG.hedged, Literal(True)
    if claim.reported_by is not None:
        yield iri, NG.reportedBy, actor_iri(claim.reported_by)
    yield ev, RDF.type, NG.Evidence
    yield ev, NG.inArticle, art
    yield ev, NG.beginIndex, Literal(claim.evidence.begin, datatype=XSD.integer)
    yield ev, NG.endIndex, Literal(claim.evidence.end, datatype=XSD.integer)
    yield ev, NG.sentence, Literal(claim.evidence.sentence)


def record_merge(default, target: URIRef, *, name: str, reason: str, source: URIRef | None = None,
                 score: float | None = None) -> URIRef:
    """Record (once) that ``name`` (or the actor ``source``) was merged into ``target``, with
    the ``score`` of a merge by likeness."""
    node = merge_iri(target, str(source) if source is not None else name)
    if default.value(node, NG.mergeReason) is None:
        for t in _merge_triples(node, target, name, reason, source):
            default.add(t)
        if score is not None:
            default.add((node, NG.mergeScore, Literal(round(score, 3), datatype=XSD.decimal)))
    return node


def _merge_triples(node: URIRef, target: URIRef, name: str, reason: str, source: URIRef | None) -> Iterable[tuple]:
    yield node, RDF.type, NG.Merge
    yield node, NG.mergedInto, target
    yield node, NG.mergedName, Literal(name)
    yield node, NG.mergeReason, Literal(reason)
    if source is not None:
        yield node, NG.mergedFrom, source


class _DefaultGraphState:
    """What one dataset's default graph already holds, kept on the Python side
    so that adding an article needs no lookups in the store."""

    def __init__(self) -> None:
        self.labels: dict[URIRef, str] = {}
        self.merges: set[URIRef] = set()
        self.events: set[URIRef] = set()
        self.extractors: set[URIRef] = set()
        self.actors: set[Actor] = set()


_STATE: dict[int, _DefaultGraphState] = {}


def _state(ds: Dataset) -> _DefaultGraphState:
    key = id(ds)
    state = _STATE.get(key)
    if state is None:
        state = _STATE[key] = _DefaultGraphState()
        weakref.finalize(ds, _STATE.pop, key, None)
    return state


class _Batch:
    """Triples for the default graph and one article graph, added in one go."""

    def __init__(self, ds: Dataset, gid: URIRef, article_sink: Callable[[str], None] | None = None) -> None:
        self.ds, self.state = ds, _state(ds)
        self.default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
        self.graph = ds.graph(gid)
        self.quads: dict[tuple, None] = {}
        self.article_sink = article_sink

    def add_default(self, triple: tuple) -> None:
        self.quads[(*triple, self.default)] = None

    def add(self, triple: tuple) -> None:
        self.quads[(*triple, self.graph)] = None

    def actor(self, actor: Actor) -> None:
        """Merge an actor's facts by :data:`~graph.rdf.vocab.FIRST_VALUE_WINS`'s rule
        (as :func:`graph.store.local.merge_default` does against a store); every
        other name is recorded as a merge with its reason."""
        if actor in self.state.actors:
            return
        self.state.actors.add(actor)
        iri = actor_iri(actor)
        label = self.state.labels.get(iri)
        alias_reason = f"alias file {actor.alias_file}" if actor.alias_file else "within-article coreference"
        if label is None:
            self.state.labels[iri] = actor.name
            for t in actor_triples(actor):
                self.add_default(t)
        else:
            for t in actor_triples(actor):
                if t[1] == RDFS.label or t[1] in FIRST_VALUE_WINS or (t[1] == RDF.type and t[2] != NG.Actor):
                    continue
                self.add_default(t)
            if label != actor.name:
                self.add_default((iri, SKOS.altLabel, Literal(actor.name)))
                self.merge(iri, actor.name, alias_reason if actor.alias_file else "same normalized name")
        for alias in actor.aliases:
            self.merge(iri, alias, alias_reason)

    def merge(self, target: URIRef, name: str, reason: str) -> None:
        node = merge_iri(target, name)
        if node in self.state.merges:
            return
        self.state.merges.add(node)
        for t in _merge_triples(node, target, name, reason, None):
            self.add_default(t)

    def event(self, event: Event, article_id: str) -> None:
        """The first article to name an event gives its label and type."""
        iri = event_iri(event, article_id)
        if iri not in self.state.events:
            self.state.events.add(iri)
            for t in event_triples(event, article_id):
                self.add_default(t)

    def flush(self) -> None:
        """Write the batch: as one N-Quads load straight into the Oxigraph store
        when the dataset has one (no per-term conversion), else through rdflib."""
        quads = self.quads
        if self.article_sink is not None:
            # the article's own graph goes to the sink as N-Quads; the default graph stays here
            self.article_sink("".join(_nquad(s, p, o, g.identifier) for s, p, o, g in quads if g is self.graph))
            quads = {q: None for q in quads if q[3] is not self.graph}
        inner = getattr(self.ds.store, "_inner", None)
        if isinstance(inner, ox.Store):
            lines = [_nquad(s, p, o, g.identifier) for s, p, o, g in quads]
            inner.load(input="".join(lines), format=ox.RdfFormat.N_QUADS)
        else:
            self.ds.addN(quads)
        self.quads = {}


_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _term(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPE)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return term.n3()


def _nquad(s, p, o, g) -> str:
    graph = "" if g == DATASET_DEFAULT_GRAPH_ID else f" <{g}>"
    return f"{_term(s)} {_term(p)} {_term(o)}{graph} .\n"


def add_extraction(ds: Dataset, ex: Extraction, *, article_sink: Callable[[str], None] | None = None) -> URIRef:
    """Add one article's extraction to a dataset; replaces its named graph.

    With ``article_sink``, the article's named graph is handed to it as N-Quads
    text instead (to be stored elsewhere), and only the default-graph facts are
    added to ``ds``: this keeps a large build's memory flat.
    """
    software = ex.software
    if software is None and (ex.claims or ex.extractors):
        raise ValueError(f"{ex.article.id}: an extraction with claims must say which software made it")
    gid = graph_iri(ex.article.id)
    if article_sink is None:
        ds.remove_graph(ds.graph(gid))
    batch = _Batch(ds, gid, article_sink)
    art = article_iri(ex.article.id)
    for t in article_triples(ex.article):
        batch.add(t)
    if ex.article.author:
        batch.actor(author_actor(ex.article.author))
    outlet = next((a for a in ex.actors if a.narrator), None)
    if ex.article.outlet or outlet is not None:
        outlet_actor = outlet or Actor(name=ex.article.outlet or "", type="outlet")
        batch.add((art, NG.outlet, actor_iri(outlet_actor)))
        batch.actor(outlet_actor)
    for actor in ex.actors:
        batch.actor(actor)
        batch.add((actor_iri(actor), NG.mentionedIn, art))
    for claim in ex.claims:
        batch.actor(claim.source)
        if claim.reported_by is not None:
            batch.actor(claim.reported_by)
        for t in claim_triples(claim, software):
            batch.add(t)
        if claim.channel:
            ch = channel_iri(claim.channel)
            batch.add_default((ch, RDF.type, NG.Channel))  # a medium, not an actor
            batch.add_default((ch, RDFS.label, Literal(claim.channel)))
            batch.add_default((ch, NG.actorType, Literal("channel")))
        if claim.event is not None:
            batch.event(claim.event, ex.article.id)
            for t in event_mention_triples(claim.event, ex.article.id):
                batch.add(t)
    for event in ex.events:
        batch.event(event, ex.article.id)
    for name in ex.extractors:
        iri = extractor_iri(name, software)
        if iri not in batch.state.extractors:
            batch.state.extractors.add(iri)
            for t in extractor_triples(name, software):
                batch.add_default(t)
    batch.flush()
    return gid


def new_dataset() -> Dataset:
    """An empty dataset on an embedded Oxigraph store (fast adds and serialization)."""
    ds = Dataset(store="Oxigraph")
    ds.namespace_manager = NamespaceManager(ds, bind_namespaces="none")
    for prefix, ns in (("ng", NG._NS), ("skos", SKOS), ("rdfs", RDFS), ("rdf", RDF), ("xsd", XSD)):
        ds.bind(prefix, ns)
    return ds


def serialize_dataset(ds: Dataset, path: str, fmt: str) -> None:
    """Write a dataset as ``trig``, ``nq``, ``ttl`` (all graphs merged) or ``jsonld``."""
    if fmt == "trig":
        ds.serialize(destination=path, format="ox-trig")
    elif fmt == "nq":
        ds.serialize(destination=path, format="ox-nquads")
    elif fmt == "ttl":
        union = Graph(store="Oxigraph", bind_namespaces="none")
        for prefix, ns in ds.namespaces():
            union.bind(prefix, ns)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        union.serialize(destination=path, format="ox-turtle")
    elif fmt == "jsonld":
        ds.serialize(destination=path, format="json-ld", encoding="utf-8")
    else:
        raise ValueError(fmt)
