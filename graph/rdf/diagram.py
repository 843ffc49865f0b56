"""Draw the ontology: main classes, their subclasses and the object properties
between them, as Graphviz DOT generated from ``ontology/newsgraph.ttl``.

    python -m graph.rdf.diagram > ontology/diagram.dot
    dot -Tsvg ontology/diagram.dot -o ontology/diagram.svg

The README shows the SVG; regenerate it when the ontology changes.
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from graph import resources
from graph.rdf.vocab import NG

NS = str(NG._NS)


def _local(term: URIRef) -> str:
    text = str(term)
    return text[len(NS):] if text.startswith(NS) else text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ontology_to_dot(onto: Graph) -> str:
    """DOT text: a box per ng: class, dashed arrows for subclass links, and an
    arrow per object property whose domain and range are both ng: classes."""
    classes = sorted(c for c in onto.subjects(RDF.type, OWL.Class) if str(c).startswith(NS))
    lines = [
        "digraph newsgraph {",
        '  graph [rankdir=LR, fontname="Helvetica", nodesep=0.35, ranksep=0.7];',
        '  node [shape=box, style="rounded,filled", fillcolor="#eef3fb", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9, color="#445566"];',
    ]
    for cls in classes:
        lines.append(f"  {_quote(_local(cls))};")
    for cls in classes:
        for parent in sorted(onto.objects(cls, RDFS.subClassOf)):
            if parent in classes:
                lines.append(f'  {_quote(_local(cls))} -> {_quote(_local(parent))} [style=dashed, arrowhead=empty];')
    props = sorted(p for p in onto.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(NS))
    for prop in props:
        domains = [d for d in onto.objects(prop, RDFS.domain) if d in classes]
        ranges = [r for r in onto.objects(prop, RDFS.range) if r in classes]
        for d in domains:
            for r in ranges:
                lines.append(f"  {_quote(_local(d))} -> {_quote(_local(r))} [label={_quote(_local(prop))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    onto = Graph()
    if args:
        onto.parse(Path(args[0]), format="turtle")
    else:
        onto.parse(data=resources.ontology_text("newsgraph.ttl"), format="turtle")
    sys.stdout.write(ontology_to_dot(onto))
    return 0


if __name__ == "__main__":
    sys.exit(main())
