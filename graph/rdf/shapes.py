"""Check newsgraph data against the SHACL shapes in ``ontology/shapes.ttl``.

How pyshacl treats an rdflib :class:`~rdflib.Dataset` (checked on pyshacl
0.40): it switches the dataset to ``default_union`` and validates the union of
all its graphs in one pass. (Some earlier releases validated each named graph
on its own, without the default graph, so keep pyshacl recent.) The union is
what the shapes are written for: a claim sits in its article's named graph,
but its source actor and its extractor sit in the default graph, and
``sh:class ng:Actor`` must see both.

The union is also stricter than validating each named graph plus the default
graph: it sees a node that two article graphs describe differently (two
``ng:inArticle``, two sources). What the union cannot see, "a claim or its
evidence is stated in the named graph of its article", is the graph-aware
shape ``ngsh:SameGraphAsArticle``. It is deactivated in the shapes file,
because rdflib's SPARQL raises on ``GRAPH`` over a plain Graph, and
:func:`validation_results` turns it on when it is given a Dataset.

pyshacl sets ``default_union`` on the dataset it is given; the caller's setting
is put back. Each result names the graphs its focus node is described in, so a
violation points to an article. ``sh:Warning`` results are reported but do not
make the data non-conforming.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

from rdflib import RDF, SH, Dataset, Graph, Literal, Node, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph import resources
from graph.errors import NewsgraphError

#: Shapes that need a Dataset (they use ``GRAPH``); off in the file, on for a Dataset.
DATASET_SHAPES = (URIRef("https://w3id.org/newsgraph/shapes#SameGraphAsArticle"),)

#: How the default graph is named in reports.
DEFAULT_GRAPH_NAME = "default graph"


class ValidationResult(NamedTuple):
    """One SHACL result, in plain terms."""

    #: ``Violation``, ``Warning`` or ``Info``.
    severity: str
    focus: Node
    #: The property path, when the result comes from a property shape.
    path: Node | None
    value: Node | None
    #: Local name of the constraint component, such as ``MinCountConstraintComponent``.
    component: str
    #: The shape's ``sh:message``, or pyshacl's own.
    message: str
    #: Graphs where the focus node is a subject (``DATASET_DEFAULT_GRAPH_ID`` for the default graph).
    graphs: tuple[Node, ...]


def _pyshacl_validate():
    """pyshacl's ``validate``, imported when first needed: only validation needs it."""
    try:
        from pyshacl import validate
    except ImportError as exc:
        raise NewsgraphError("SHACL validation needs pyshacl: pip install 'newsgraph[validate]'") from exc
    return validate


@lru_cache(maxsize=1)
def default_shapes() -> Graph:
    """The newsgraph shapes, parsed once. Treat as read-only."""
    return Graph().parse(data=resources.ontology_text("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def _default_dataset_shapes() -> Graph:
    return activate_dataset_shapes(default_shapes())


def activate_dataset_shapes(shapes: Graph) -> Graph:
    """A copy of ``shapes`` with the graph-aware shapes (:data:`DATASET_SHAPES`) turned on."""
    active = Graph(namespace_manager=shapes.namespace_manager)
    active += shapes
    for shape in DATASET_SHAPES:
        active.remove((shape, SH.deactivated, None))
    return active


def validation_results(data: Dataset | Graph, *, shapes: Graph | None = None) -> list[ValidationResult]:
    """Validate ``data`` and list every result, sorted by severity, graph and node.

    A Dataset is validated as the union of its graphs, with the graph-aware
    shapes on; a Graph is validated as it is.
    """
    if isinstance(data, Dataset):
        shapes = _default_dataset_shapes() if shapes is None else activate_dataset_shapes(shapes)
    elif shapes is None:
        shapes = default_shapes()
    validate = _pyshacl_validate()
    union_was = data.default_union if isinstance(data, Dataset) else None
    try:
        _, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=False)
    finally:
        if union_was is not None:
            data.default_union = union_was
    results = (_result(report, node, data) for node in report.subjects(RDF.type, SH.ValidationResult))
    return sorted(results, key=_sort_key)


def validate_dataset(data: Dataset | Graph, *, shapes: Graph | None = None) -> tuple[bool, str]:
    """Validate ``data`` against the newsgraph shapes: ``(conforms, report_text)``.

    ``conforms`` is False when any result is an ``sh:Violation``. The text has a
    summary line, then one block per result (warnings included).
    """
    results = validation_results(data, shapes=shapes)
    conforms = not any(r.severity == "Violation" for r in results)
    return conforms, format_results(results, conforms=conforms, data=data)


def format_results(results: Iterable[ValidationResult], *, conforms: bool, data: Graph | None = None) -> str:
    """A readable report: ``Conforms: ...`` with counts, then one block per result."""
    results = list(results)
    counts = Counter(r.severity for r in results)
    summary = ", ".join(f"{n} {sev.lower()}{'' if n == 1 else 's'}" for sev, n in sorted(counts.items()))
    lines = [f"Conforms: {conforms}" + (f" ({summary})" if summary else "")]
    show: Callable[[Node], str] = (
        (lambda n: n.n3(data.namespace_manager)) if data is not None else (lambda n: n.n3())
    )
    for r in results:
        where = ", ".join(_graph_name(g, show) for g in r.graphs) or "no graph"
        lines.append(f"{r.severity} in {where}: {show(r.focus)}")
        if r.path is not None:
            lines.append(f"  path: {show(r.path)}")
        if r.value is not None:
            lines.append(f"  value: {show(r.value)}")
        lines.append(f"  {r.component}: {r.message}")
    return "\n".join(lines)


def _result(report: Graph, node: Node, data: Graph) -> ValidationResult:
    def one(p: URIRef) -> Node | None:
        return next(iter(report.objects(node, p)), None)

    focus = one(SH.focusNode)
    severity, component, message = one(SH.resultSeverity), one(SH.sourceConstraintComponent), one(SH.resultMessage)
    assert focus is not None, "every sh:ValidationResult has a sh:focusNode"
    return ValidationResult(
        severity=_local(severity) if severity is not None else "Violation",
        focus=focus,
        path=one(SH.resultPath),
        value=one(SH.value),
        component=_local(component) if component is not None else "",
        message=str(message) if isinstance(message, Literal) else "",
        graphs=_graphs_of(data, focus),
    )


def _graphs_of(data: Graph, node: Node) -> tuple[Node, ...]:
    """Identifiers of the graphs where ``node`` is a subject, default graph first."""
    if not isinstance(data, Dataset):
        return ()
    found = {ctx.identifier if isinstance(ctx, Graph) else ctx for *_, ctx in data.quads((node, None, None, None))}
    return tuple(sorted(found, key=lambda g: (g != DATASET_DEFAULT_GRAPH_ID, str(g))))


def _graph_name(graph: Node, show: Callable[[Node], str]) -> str:
    return DEFAULT_GRAPH_NAME if graph == DATASET_DEFAULT_GRAPH_ID else f"graph {show(graph)}"


def _local(node: Node) -> str:
    return str(node).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _sort_key(r: ValidationResult) -> tuple[object, ...]:
    return (r.severity != "Violation", r.severity, [str(g) for g in r.graphs], str(r.focus), str(r.path), r.component)
