"""Query results as text: a readable table, or the W3C formats (SPARQL 1.1 Query
Results JSON, XML, CSV and TSV; Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD
for CONSTRUCT and DESCRIBE), with the media type of each.

May import: pyoxigraph, ``graph.rdf.vocab``, ``graph.errors``.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from graph.errors import OptionError
from graph.rdf.vocab import DATA, NG

if TYPE_CHECKING:
    from graph.sparql.run import QueryResult

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"

#: Prefixes used to shorten IRIs in tables and Turtle, and accepted in IRI parameters.
PREFIXES = {
    "id": str(DATA),
    "ng": str(NG),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": XSD,
}

#: Formats of SELECT and ASK results.
SOLUTION_FORMATS = ("table", "json", "xml", "csv", "tsv")
#: Formats of CONSTRUCT and DESCRIBE results.
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
#: Media type of each format.
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "table": "text/plain",
    **{name: fmt.media_type for name, fmt in GRAPH_FORMATS.items()},
}


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 60, iris: bool = False) -> str:
    """Write ``result`` as ``table``, ``json``, ``xml``, ``csv`` or ``tsv`` (or a graph format);
    ``iris``: the table keeps the IRI columns that a label column names (see :func:`format_table`)."""
    if result.kind == "graph":
        if fmt in ("table", "json", "xml", "csv", "tsv"):
            fmt = "turtle"
        if fmt not in GRAPH_FORMATS:
            raise OptionError("--format", fmt, (*SOLUTION_FORMATS, *GRAPH_FORMATS))
        return serialize_triples(result.triples, fmt)
    writers = {"table": lambda r: format_table(r, max_width=max_width, iris=iris), "json": to_json,
               "xml": to_xml, "csv": to_csv, "tsv": to_tsv}
    if fmt not in writers:
        raise OptionError("--format", fmt, SOLUTION_FORMATS)
    return writers[fmt](result)


def serialize_triples(triples: list, fmt: str) -> str:
    """Triples (or quads) in an RDF format; the data namespace gets no prefix, as its
    local names hold slashes that Turtle would escape."""
    prefixes = {k: v for k, v in PREFIXES.items() if k != "id"}
    return ox.serialize(triples, format=GRAPH_FORMATS[fmt], prefixes=prefixes).decode("utf-8")


def short_iri(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return short_iri(term.value)
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def format_table(result: QueryResult, *, max_width: int = 60, iris: bool = False) -> str:
    """A readable text table: labels first and IRI columns last (shortened), an IRI column
    that a label column names (``actor`` beside ``actorLabel``) left out unless ``iris``,
    long cells cut at ``max_width`` (0: never)."""
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    order = _table_columns(result, keep_labelled=iris)
    header = [result.variables[i] for i in order]
    body = [[_cell(row[i]) for i in order] for row in result.rows]
    if max_width > 0:
        body = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in body]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    n = len(body)
    footer = f"({n} row{'s' if n != 1 else ''}{', truncated at the limit' if result.truncated else ''})"
    return "\n".join(lines + [footer])


def _table_columns(result: QueryResult, *, keep_labelled: bool) -> list[int]:
    """Column indexes: the columns with any value that is no IRI first, then IRI columns;
    an IRI column with a ``<name>Label`` column beside it only when ``keep_labelled``."""
    names = set(result.variables)
    first, last = [], []
    for i, name in enumerate(result.variables):
        values = [row[i] for row in result.rows if row[i] is not None]
        if not values or not all(isinstance(v, ox.NamedNode) for v in values):
            first.append(i)
        elif keep_labelled or f"{name}Label" not in names:
            last.append(i)
    return first + last


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(term)


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{xml_escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{xml_escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        attr = ""
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != XSD_STRING:
            attr = f" datatype={quoteattr(term.datatype.value)}"
        return f"<literal{attr}>{_xml_text(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    raise TypeError(term)


def _xml_text(text: str) -> str:
    # XML 1.0 cannot carry most control characters, even escaped
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    return xml_escape(text, {"\r": "&#13;"})


def to_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format."""
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>")
    out.append("<results>")
    for row in result.rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(result.variables, row) if t is not None)
        out.append(f"<result>{cells}</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results CSV Format (plain values, CRLF line ends)."""
    if result.kind == "ask":
        return "true\r\n" if result.boolean else "false\r\n"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return buf.getvalue()


def _tsv_term(term) -> str:
    if term is None:
        return ""
    text = str(term)  # N-Triples syntax, which is the TSV term syntax
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results TSV Format (terms in SPARQL/Turtle syntax)."""
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"
