"""The ontology (``ontology/newsgraph.ttl``), the shapes (``ontology/shapes.ttl``)
and the validator (``graph.rdf.shapes``) agree with the vocabulary and the data model."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import owlrl
import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, SH, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from graph.rdf.shapes import (
    ValidationResult,
    activate_dataset_shapes,
    default_shapes,
    validate_dataset,
    validation_results,
)
from graph.rdf.vocab import GRASP, NG, NIF, SCHEMA, SEM
from graph.types import ACTOR_TYPES, QUANTITY_KINDS

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "newsgraph.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
FIXTURES = Path(__file__).parent / "data" / "shapes"

NS = str(NG._NS)
NGSH = Namespace("https://w3id.org/newsgraph/shapes#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ID = Namespace("https://w3id.org/newsgraph/id/")

#: Every term of the DefinedNamespace, from its annotations.
TERMS = sorted(name for name in NG.__annotations__ if not name.startswith("_"))
CLASSES = [t for t in TERMS if t[0].isupper()]
PROPERTIES = [t for t in TERMS if t[0].islower()]


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def load_fixture(name: str) -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURES / f"{name}.trig", format="trig")
    return ds


def ng_names_in(text: str) -> set[str]:
    """Local names of every ng: term written in a Turtle/SPARQL text, prefixed or full."""
    prefixed = re.findall(r"(?<![\w-])ng:([A-Za-z_]\w*)", text)
    full = re.findall(re.escape(NS) + r"([A-Za-z_]\w*)", text)
    return set(prefixed) | set(full)


def local(node: object) -> str:
    return re.split(r"[#/]", str(node))[-1] if node is not None else ""


# --- ontology: parses, has a header, kept in step with graph/vocab.py ---------------------


def test_ontology_has_versioned_header() -> None:
    g = ontology()
    (header,) = g.subjects(RDF.type, OWL.Ontology)
    assert g.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert g.value(header, RDFS.label) is not None
    assert g.value(header, RDFS.comment) is not None


@pytest.mark.parametrize("name", CLASSES)
def test_class_is_declared_with_label_and_comment(name: str) -> None:
    g, term = ontology(), NG[name]
    assert (term, RDF.type, OWL.Class) in g
    assert g.value(term, RDFS.label) is not None, f"ng:{name} has no rdfs:label"
    assert g.value(term, RDFS.comment) is not None, f"ng:{name} has no rdfs:comment"


@pytest.mark.parametrize("name", PROPERTIES)
def test_property_is_declared_with_label_comment_domain_and_range(name: str) -> None:
    g, term = ontology(), NG[name]
    kinds = {k for k in (OWL.ObjectProperty, OWL.DatatypeProperty) if (term, RDF.type, k) in g}
    assert len(kinds) == 1, f"ng:{name} must be exactly one of owl:ObjectProperty, owl:DatatypeProperty"
    for annotation in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
        assert g.value(term, annotation) is not None, f"ng:{name} has no {annotation.n3(g.namespace_manager)}"


def test_ontology_uses_only_vocab_terms() -> None:
    unknown = ng_names_in(ONTOLOGY.read_text(encoding="utf-8")) - set(TERMS)
    assert not unknown, f"in newsgraph.ttl but not in graph/vocab.py NG: {sorted(unknown)}"


def test_every_declared_term_is_in_vocab() -> None:
    g = ontology()
    declared = {
        str(s)[len(NS) :]
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
        for s in g.subjects(RDF.type, kind)
        if str(s).startswith(NS)
    }
    assert declared == set(TERMS)


# --- ontology: class hierarchy and alignment ----------------------------------------------

HIERARCHY = [
    ("Person", "Actor"),
    ("Organization", "Actor"),
    ("Group", "Actor"),
    ("Outlet", "Organization"),
    ("FigureClaim", "Claim"),
    ("Criticism", "Claim"),
    ("Quotation", "Claim"),
    ("Denial", "Claim"),
    ("Accusation", "Criticism"),
]


@pytest.mark.parametrize(("sub", "sup"), HIERARCHY)
def test_class_hierarchy(sub: str, sup: str) -> None:
    assert (NG[sub], RDFS.subClassOf, NG[sup]) in ontology()


ALIGNMENT = [
    # PROV-O
    (NG.Actor, RDFS.subClassOf, PROV.Agent),
    (NG.Claim, RDFS.subClassOf, PROV.Entity),
    (NG.Article, RDFS.subClassOf, PROV.Entity),
    (NG.Extractor, RDFS.subClassOf, PROV.Activity),
    (NG.source, RDFS.subPropertyOf, PROV.wasAttributedTo),
    (NG.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (NG.inArticle, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (NG.generatedBy, RDFS.subPropertyOf, PROV.wasGeneratedBy),
    # schema.org
    (NG.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
    (NG.Person, RDFS.subClassOf, SCHEMA.Person),
    (NG.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (NG.Claim, RDFS.subClassOf, SCHEMA.Claim),
    (NG.Figure, RDFS.subClassOf, SCHEMA.QuantitativeValue),
    (NG.low, RDFS.subPropertyOf, SCHEMA.minValue),
    (NG.high, RDFS.subPropertyOf, SCHEMA.maxValue),
    (NG.title, RDFS.subPropertyOf, SCHEMA.headline),
    (NG.url, RDFS.subPropertyOf, SCHEMA.url),
    (NG.datePublished, RDFS.subPropertyOf, SCHEMA.datePublished),
    (NG.outlet, RDFS.subPropertyOf, SCHEMA.publisher),
    (NG.author, RDFS.subPropertyOf, SCHEMA.author),
    (NG.text, RDFS.subPropertyOf, SCHEMA.text),
    (NG.quoteText, RDFS.subPropertyOf, SCHEMA.text),
    # SEM: place and time hold literals, so only close matches of SEM's object properties
    (NG.Event, RDFS.subClassOf, SEM.Event),
    (NG.place, URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"), SEM.hasPlace),
    (NG.time, URIRef("http://www.w3.org/2004/02/skos/core#closeMatch"), SEM.hasTime),
    # GRaSP
    (NG.Claim, RDFS.subClassOf, GRASP.Statement),
    (NG.source, RDFS.subPropertyOf, GRASP.wasAttributedTo),
    (NG.evidence, RDFS.subPropertyOf, GRASP.denotedBy),
    # NIF
    (NG.Evidence, RDFS.subClassOf, NIF.String),
    (NG.beginIndex, RDFS.subPropertyOf, NIF.beginIndex),
    (NG.endIndex, RDFS.subPropertyOf, NIF.endIndex),
    (NG.sentence, RDFS.subPropertyOf, NIF.anchorOf),
]


@pytest.mark.parametrize("triple", ALIGNMENT, ids=lambda t: f"{local(t[0])}-{local(t[1])}-{local(t[2])}")
def test_alignment(triple: tuple[URIRef, URIRef, URIRef]) -> None:
    assert triple in ontology()


def test_subproperties_keep_their_kind() -> None:
    """OWL 2 DL: an object property is never under a datatype property, nor the reverse."""
    g = ontology()

    def kind(p: URIRef) -> URIRef | None:
        return next((k for k in (OWL.ObjectProperty, OWL.DatatypeProperty) if (p, RDF.type, k) in g), None)

    mixed = [(s, o) for s, o in g.subject_objects(RDFS.subPropertyOf) if kind(s) != kind(o)]
    assert not mixed


def test_conflicts_with_is_symmetric_between_figure_claims() -> None:
    g = ontology()
    assert (NG.conflictsWith, RDF.type, OWL.SymmetricProperty) in g
    assert g.value(NG.conflictsWith, RDFS.domain) == NG.FigureClaim
    assert g.value(NG.conflictsWith, RDFS.range) == NG.FigureClaim


@pytest.mark.parametrize(("prop", "values"), [(NG.quantityKind, QUANTITY_KINDS), (NG.actorType, ACTOR_TYPES)])
def test_enumerated_range_matches_types(prop: URIRef, values: tuple[str, ...]) -> None:
    g = ontology()
    one_of = g.value(g.value(prop, RDFS.range), OWL.oneOf)
    assert [str(v) for v in Collection(g, one_of)] == list(values)


def test_valid_fixture_is_consistent_with_ontology() -> None:
    """Ontology plus data under OWL 2 RL: owlrl records no inconsistency."""
    g = Graph()
    g += ontology()
    for s, p, o, _ in load_fixture("valid").quads():
        g.add((s, p, o))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    errors = [str(m) for m in g.objects(None, URIRef("http://www.daml.org/2002/03/agents/agent-ont#error"))]
    assert not errors
    assert (ID["claim-a2"], RDF.type, PROV.Entity) in g  # the alignment does reach the data


# --- shapes: kept in step with the vocabulary and the ontology -----------------------------


def test_shapes_are_valid_shacl() -> None:
    """pyshacl's meta_shacl checks the shapes graph against SHACL-SHACL before validating."""
    conforms, _, text = validate(
        load_fixture("minimal"), shacl_graph=activate_dataset_shapes(default_shapes()), meta_shacl=True
    )
    assert conforms, text



def test_shapes_use_only_vocab_terms() -> None:
    """Including terms inside the SPARQL constraints."""
    unknown = ng_names_in(SHAPES.read_text(encoding="utf-8")) - set(TERMS)
    assert not unknown, f"in shapes.ttl but not in graph/vocab.py NG: {sorted(unknown)}"


@pytest.mark.parametrize(
    ("shape", "path", "values"),
    [(NGSH.FigureShape, NG.quantityKind, QUANTITY_KINDS), (NGSH.ActorShape, NG.actorType, ACTOR_TYPES)],
)
def test_shape_value_list_matches_types(shape: URIRef, path: URIRef, values: tuple[str, ...]) -> None:
    shapes = default_shapes()
    (prop,) = (p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH.path) == path)
    assert [str(v) for v in Collection(shapes, shapes.value(prop, SH["in"]))] == list(values)


@pytest.mark.parametrize(
    ("shape", "root"),
    [(NGSH.ClaimShape, NG.Claim), (NGSH.CriticismShape, NG.Criticism), (NGSH.ActorShape, NG.Actor)],
)
def test_shape_targets_every_subclass(shape: URIRef, root: URIRef) -> None:
    """Targets are explicit, so validation needs no subclass inference."""
    subclasses = set(ontology().transitive_subjects(RDFS.subClassOf, root))
    assert set(default_shapes().objects(shape, SH.targetClass)) == subclasses


# --- shapes on fixtures ------------------------------------------------------------------

VALID = ["valid", "minimal"]


@pytest.mark.parametrize("name", VALID)
def test_valid_fixture_conforms(name: str) -> None:
    conforms, report = validate_dataset(load_fixture(name))
    assert conforms, report
    assert report == "Conforms: True"


#: fixture -> the violations it must produce, as (focus, path, component, message fragment).
#: Each fixture is minimal.trig with one defect, so these are its only violations.
INVALID = {
    "claim_without_source": {("claim-a1", "source", "MinCountConstraintComponent", "")},
    "claim_with_two_sources": {("claim-a1", "source", "MaxCountConstraintComponent", "")},
    "claim_source_is_literal": {
        ("claim-a1", "source", "NodeKindConstraintComponent", ""),
        ("claim-a1", "source", "OrConstraintComponent", ""),
    },
    "claim_without_evidence": {("claim-a1", "evidence", "MinCountConstraintComponent", "")},
    "claim_without_extractor": {("claim-a1", "generatedBy", "MinCountConstraintComponent", "")},
    "figure_claim_without_figure": {("claim-a1", "figure", "MinCountConstraintComponent", "")},
    "accusation_without_target": {("claim-a2", "target", "MinCountConstraintComponent", "")},
    "quotation_without_text": {("claim-a2", "quoteText", "MinCountConstraintComponent", "")},
    "figure_without_kind": {("figure-a1", "quantityKind", "MinCountConstraintComponent", "")},
    "figure_with_unknown_kind": {("figure-a1", "quantityKind", "InConstraintComponent", "")},
    "figure_without_bounds": {("figure-a1", "", "OrConstraintComponent", "needs a bound")},
    "figure_low_above_high": {("figure-a1", "", "SPARQLConstraintComponent", "ng:low is above ng:high")},
    "offsets_beyond_text": {("evidence-a1", "", "SPARQLConstraintComponent", "beyond the end")},
    "begin_after_end": {("evidence-a1", "", "SPARQLConstraintComponent", "after ng:endIndex")},
    "offset_not_integer": {("evidence-a1", "beginIndex", "OrConstraintComponent", "")},
    "offset_negative": {("evidence-a1", "beginIndex", "MinInclusiveConstraintComponent", "")},
    "article_without_text": {("article-a", "text", "MinCountConstraintComponent", "")},
    "evidence_in_another_graph": {("evidence-a1", "", "SPARQLConstraintComponent", "not stated in that article")},
    "extractor_without_version": {("extractor-figures-v1", "label", "PatternConstraintComponent", "")},
    "extractor_without_model": {("extractor-figures-v1", "modelName", "MinCountConstraintComponent", "")},
}


def violations(results: list[ValidationResult]) -> list[ValidationResult]:
    return [r for r in results if r.severity == "Violation"]


def matches(result: ValidationResult, expected: tuple[str, str, str, str]) -> bool:
    focus, path, component, fragment = expected
    return (local(result.focus), local(result.path), result.component) == (focus, path, component) and (
        fragment in result.message
    )


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_fixture_fails_for_its_defect(name: str) -> None:
    found = violations(validation_results(load_fixture(name)))
    expected = INVALID[name]
    assert all(any(matches(r, e) for r in found) for e in expected), found
    assert len(found) == len(expected), f"unexpected extra violations: {found}"


def test_every_fixture_is_in_a_table() -> None:
    on_disk = {p.stem for p in FIXTURES.glob("*.trig")}
    assert on_disk == set(VALID) | set(INVALID)


# --- the validator ---------------------------------------------------------------------


def test_validation_restores_default_union() -> None:
    ds = load_fixture("minimal")
    assert ds.default_union is False
    validate_dataset(ds)
    assert ds.default_union is False


def test_report_names_the_graph_of_the_failing_node() -> None:
    conforms, report = validate_dataset(load_fixture("figure_without_kind"))
    assert not conforms
    assert report.startswith("Conforms: False (1 violation)\n")
    assert "Violation in graph id:graph-a: id:figure-a1\n  path: ng:quantityKind\n" in report


def test_plain_graph_is_validated_without_graph_checks() -> None:
    """A Graph has no named graphs: the GRAPH-based shape stays off instead of raising."""
    flat = Graph()
    for s, p, o, _ in load_fixture("evidence_in_another_graph").quads():
        flat.add((s, p, o))
    conforms, report = validate_dataset(flat)
    assert conforms, report


def test_sentence_that_is_not_the_span_is_a_warning() -> None:
    ds = load_fixture("minimal")
    ds.graph(ID["graph-a"]).set((ID["evidence-a1"], NG.endIndex, Literal(73)))
    conforms, report = validate_dataset(ds)
    assert conforms
    assert "(1 warning)" in report
    assert "ng:sentence is not the article text" in report


def test_figure_with_only_one_bound_conforms() -> None:
    ds = load_fixture("minimal")
    ds.graph(ID["graph-a"]).remove((ID["figure-a1"], NG.high, None))
    conforms, report = validate_dataset(ds)
    assert conforms, report


def test_diagram_is_generated_from_the_ontology():
    from rdflib import Graph

    from graph import resources
    from graph.rdf.diagram import ontology_to_dot

    onto = Graph()
    onto.parse(data=resources.ontology_text("newsgraph.ttl"), format="turtle")
    dot = ontology_to_dot(onto)
    assert dot.startswith("digraph newsgraph {")
    for edge in ('"FigureClaim" -> "Claim"', '"Claim" -> "Voice" [label="source"]', '"Claim" -> "Evidence" [label="evidence"]'):
        assert edge in dot
    committed = (Path(__file__).resolve().parents[1] / "ontology" / "diagram.dot").read_text(encoding="utf-8")
    assert committed == dot, "ontology/diagram.dot is stale: python -m graph.rdf.diagram > ontology/diagram.dot"


def test_a_channel_and_an_unresolved_mention_are_no_actors() -> None:
    """A medium ("Telegram", "a statement") and an unnamed source ("officials") are not
    actors of the corpus (issue 17): neither class is under ng:Actor."""
    actors = set(ontology().transitive_subjects(RDFS.subClassOf, NG.Actor))
    assert NG.Channel not in actors and NG.UnresolvedMention not in actors
