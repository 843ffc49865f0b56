"""Running SPARQL: library queries with safely bound parameters, and result formats.

A library query (``ontology/queries/NAME.rq``) starts with a comment that says
what it answers, and declares its parameters, one a line::

    # @param event iri: only this event
    # @param kind string: only this kind of figure, e.g. killed

Types are ``iri``, ``string``, ``integer``, ``decimal``, ``boolean`` and
``date``; add ``required`` after the type when the query needs the value. A
parameter is a variable of the query's projection.

Values are checked and turned into RDF terms (:func:`to_term`: an IRI must
parse as one, a number must be a number), never pasted as text. The terms
are then bound in one of two ways (:func:`prepare_query`):

* when the query has lines starting with ``WHERE {`` (every library query
  does), a ``VALUES`` block written from the terms' own N-Triples
  serialization by pyoxigraph is put first in each of those groups (the
  outer one and the subqueries written that way), so that Oxigraph's planner
  starts from the bound values: a query about one event reads that event's
  claims, not every claim. A parameter variable must mean the same thing in
  every such group;
* otherwise the terms are given to Oxigraph as *substitutions* (RDF-dev
  SEP-0007), which bind the variables before evaluation.

A query whose answer grows with the store is paged: a ``# @page N`` header
line says it returns N rows a page, from exactly one ``LIMIT N`` in its text
(usually a sorted subquery that picks the page before the per-row lookups).
It then takes a ``page`` parameter (1, 2, ...), written into the query as
``OFFSET`` (:func:`prepare_query`); :func:`next_page` says when there may be
more.

With a ``VALUES`` block, the bound variables also leave the outer ``ORDER BY``
line (one starting the line): every row has the same value for them, and
Oxigraph would read their strings from the store at each comparison.

:func:`run_query` evaluates a query on a :class:`pyoxigraph.Store` and
returns a :class:`QueryResult`; :func:`format_result` writes it as a readable
table or in the W3C formats (SPARQL 1.1 Query Results JSON, XML, CSV and TSV;
Turtle, TriG, N-Triples, N-Quads, RDF/XML or JSON-LD for CONSTRUCT and
DESCRIBE).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import NewsgraphError, OptionError
from graph.sparql.formats import PREFIXES, XSD
from graph.sparql.library import load_query, query_names

PARAM_TYPES = ("iri", "actor", "string", "integer", "decimal", "boolean", "date")
_PARAM_LINE = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)(\s+required)?(?:\s+in\s*\(([^)]*)\))?\s*:\s*(.*)$")
_PAGE_LINE = re.compile(r"^#\s*@page\s+(\d+)\s*$")
#: The name of the page parameter of a paged query.
PAGE_PARAM = "page"


class QueryError(NewsgraphError):
    """A query that cannot be parsed or run; the message says why."""


class QueryTimeout(QueryError):
    """A query that ran longer than allowed."""


@dataclass(frozen=True)
class Param:
    """A declared parameter of a library query."""

    name: str
    type: str = "string"
    required: bool = False
    description: str = ""
    #: The values it may take (``# @param kind string in (killed | injured): ...``); empty: any.
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class LibraryQuery:
    """A query file: its name, header text, declared parameters and SPARQL."""

    name: str
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()
    #: Rows a page, for a paged query (``# @page N``); else None.
    page_size: int | None = None

    @property
    def summary(self) -> str:
        """The first sentence of the header."""
        first = self.description.split("\n\n")[0].replace("\n", " ")
        return first.split(". ")[0].rstrip(".") + "." if first else ""


@dataclass
class QueryResult:
    """The outcome of a query: solutions (``select``), a boolean (``ask``) or triples (``graph``)."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)
    #: True when rows (or triples) beyond the limit were dropped.
    truncated: bool = False

    def dicts(self) -> list[dict[str, object]]:
        """Rows as ``{variable: python value}`` (unbound variables left out)."""
        return [{v: plain_value(t) for v, t in zip(self.variables, row) if t is not None} for row in self.rows]


# --- the library -----------------------------------------------------------------


def parse_query_file(name: str, text: str) -> LibraryQuery:
    """Read the header comment (description and ``@param`` lines) of a query text."""
    lines: list[str] = []
    params: list[Param] = []
    page_size = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        page = _PAGE_LINE.match(stripped)
        if page:
            page_size = int(page.group(1))
            if page_size <= 0 or len(re.findall(rf"\bLIMIT\s+{page_size}\b", text)) != 1:
                raise QueryError(f"{name}: '@page {page_size}' needs exactly one 'LIMIT {page_size}' in the query")
            params.append(Param(PAGE_PARAM, "integer", False,
                                f"which page of {page_size} rows (1, the first, by default)"))
            continue
        m = _PARAM_LINE.match(stripped)
        if m:
            pname, ptype, required, choices, desc = m.groups()
            if ptype not in PARAM_TYPES:
                raise QueryError(f"{name}: parameter {pname}: type {ptype!r} is not one of {', '.join(PARAM_TYPES)}")
            values = tuple(v.strip() for v in (choices or "").split("|") if v.strip())
            params.append(Param(pname, ptype, bool(required), desc.strip(), values))
        else:
            lines.append(re.sub(r"^#\s?", "", stripped))
    description = "\n".join(lines).strip()
    return LibraryQuery(name=name, text=text, description=description, params=tuple(params),
                        page_size=page_size)


def library_names() -> tuple[str, ...]:
    """Names of the user-facing queries (those not starting with ``_``)."""
    return tuple(n for n in query_names() if not n.startswith("_"))


def library_query(name: str) -> LibraryQuery:
    """The library query ``name``; an unknown name lists the valid ones."""
    if name.startswith("_") or name not in library_names():
        raise OptionError("--name", name, library_names())
    return parse_query_file(name, load_query(name))


def read_query_file(path: str | Path) -> LibraryQuery:
    """A query from a ``.rq`` file, with its header parameters if it declares any."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{p}: cannot read query file: {exc.strerror or exc}") from exc
    return parse_query_file(p.stem, text)


# --- parameters ------------------------------------------------------------------


def to_term(value: str, type_: str = "string") -> ox.NamedNode | ox.Literal:
    """The RDF term for a parameter value of a declared type.

    ``iri`` accepts a full IRI, ``<IRI>`` or a known prefix (``id:actor/person/rob_lee``).
    Raises ``ValueError`` with the reason when the value does not fit the type.
    """
    if type_ in ("iri", "actor"):
        iri = value.strip()
        if iri.startswith("<") and iri.endswith(">"):
            iri = iri[1:-1]
        prefix, sep, local = iri.partition(":")
        if sep and prefix in PREFIXES and not local.startswith("//"):
            iri = PREFIXES[prefix] + local
        try:
            return ox.NamedNode(iri)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not an IRI ({exc})") from None
    if type_ == "string":
        return ox.Literal(value)
    if type_ == "integer":
        try:
            return ox.Literal(str(int(value.strip())), datatype=ox.NamedNode(XSD + "integer"))
        except ValueError:
            raise ValueError(f"{value!r} is not an integer") from None
    if type_ == "decimal":
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value.strip()):
            raise ValueError(f"{value!r} is not a decimal number")
        return ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "decimal"))
    if type_ == "boolean":
        low = value.strip().lower()
        if low not in ("true", "false", "1", "0"):
            raise ValueError(f"{value!r} is not a boolean (true or false)")
        return ox.Literal(low in ("true", "1"))
    if type_ == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)")
        return ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "date"))
    raise ValueError(f"unknown parameter type {type_!r}")


#: The actors (and unresolved mentions) whose name or alias is ?name, case aside (NAME is
#: replaced by the name as an N-Triples literal, pyoxigraph's own escaping).
_ACTOR_BY_NAME = """PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?actor WHERE {
  VALUES ?name { NAME }
  { ?actor a ng:Actor } UNION { ?actor a ng:UnresolvedMention }
  { ?actor rdfs:label ?n } UNION { ?actor skos:altLabel ?n }
  FILTER(LCASE(STR(?n)) = LCASE(STR(?name)))
} ORDER BY ?actor LIMIT 11"""


def is_iri_like(value: str) -> bool:
    """A parameter value written as an IRI (``<...>``, ``scheme://...``, ``id:...``)."""
    v = value.strip()
    return v.startswith(("<", "urn:")) or "://" in v or v.split(":", 1)[0] in PREFIXES


def resolve_actor_names(query: LibraryQuery, values: Mapping[str, str],
                        run: Callable[..., QueryResult]) -> dict[str, str]:
    """``values`` with each ``actor`` parameter given by a name ("Ilia Marsk") replaced
    by the IRI of the one actor so named (its label or an alias, case aside), found with
    ``run(sparql)``; a name that no actor or several have is a
    :class:`QueryError` that says which."""
    out = dict(values)
    for param in query.params:
        value = values.get(param.name)
        if param.type != "actor" or value is None or is_iri_like(value):
            continue
        rows = run(_ACTOR_BY_NAME.replace("NAME", str(ox.Literal(value.strip())))).rows
        if not rows:
            raise QueryError(f"{query.name}: parameter {param.name}: no actor is named {value!r} "
                             "(see 'newsgraph actors')")
        if len(rows) > 1:
            found = ", ".join(row[0].value for row in rows[:10])
            raise QueryError(f"{query.name}: parameter {param.name}: {len(rows) if len(rows) <= 10 else 'over 10'} "
                             f"actors are named {value!r}: {found}; give one IRI")
        out[param.name] = rows[0][0].value
    return out


def bind_params(query: LibraryQuery, values: Mapping[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """Substitutions for ``values`` (``{name: text}``), checked against the declared parameters.

    A query that declares no parameter takes any name; a value written
    ``<...>`` is then an IRI and anything else a plain string.
    """
    declared = {p.name: p for p in query.params}
    subs: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
    for name, value in values.items():
        if declared:
            if name not in declared:
                raise OptionError("--param", name, tuple(declared))
            type_ = declared[name].type
            if declared[name].choices and value.strip() not in declared[name].choices:
                raise OptionError(f"--param {name}", value, declared[name].choices)
        else:
            type_ = "iri" if value.strip().startswith("<") else "string"
        try:
            subs[ox.Variable(name)] = to_term(value, type_)
        except ValueError as exc:
            raise QueryError(f"{query.name}: parameter {name}: {exc}") from None
    missing = [p.name for p in query.params if p.required and p.name not in values]
    if missing:
        raise QueryError(f"{query.name}: missing required parameter(s): {', '.join(missing)}")
    return subs


_WHERE_LINE = re.compile(r"^[ \t]*WHERE\s*\{", re.MULTILINE)


def values_block(bindings: Mapping[ox.Variable, ox.NamedNode | ox.Literal]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` written from RDF terms (their N-Triples form)."""
    names = " ".join(f"?{var.value}" for var in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def prepare_query(query: LibraryQuery, values: Mapping[str, str]) -> tuple[str, dict]:
    """The text to run and the substitutions to give Oxigraph, for parameter ``values``.

    See the module docstring: a ``VALUES`` block first in the ``WHERE {`` group
    when the query has such a line, else substitutions.
    """
    text = query.text
    if query.page_size is not None:
        values = dict(values)
        page = page_number(query, values.pop(PAGE_PARAM, None))
        if page > 1:
            size = query.page_size
            text = re.sub(rf"\bLIMIT\s+{size}\b", f"LIMIT {size} OFFSET {(page - 1) * size}", text, count=1)
    bindings = bind_params(query, values)
    if not bindings:
        return text, {}
    if _WHERE_LINE.search(text) is None:
        return text, bindings
    block = values_block(bindings)
    text = _WHERE_LINE.sub(lambda m: f"{m.group(0)} {block}", text)
    return _ORDER_LINE.sub(lambda m: _drop_sort_keys(m.group(0), bindings), text), {}


def page_number(query: LibraryQuery, value: str | None) -> int:
    """The page asked for (1 when ``value`` is None); a clear error unless it is a whole number from 1."""
    if value is None:
        return 1
    try:
        page = int(value.strip())
    except ValueError:
        page = 0
    if page < 1:
        raise QueryError(f"{query.name}: parameter {PAGE_PARAM}: {value!r} is not a page number (1, 2, ...)")
    return page


def next_page(query: LibraryQuery, values: Mapping[str, str], rows: int) -> int | None:
    """The next page's number when this page of a paged query came back full, else None."""
    if query.page_size is None or rows < query.page_size:
        return None
    return page_number(query, values.get(PAGE_PARAM)) + 1


_ORDER_LINE = re.compile(r"^ORDER BY[^\n]*$", re.MULTILINE)


def _drop_sort_keys(line: str, bindings: Mapping[ox.Variable, object]) -> str:
    """The outer ``ORDER BY`` line without the keys that a parameter binds to one value.

    Every row has the same value for them, so the order is unchanged, and
    Oxigraph no longer reads their strings at each comparison (sorting a few
    hundred rows by a constant IRI cost as much as the rest of the query).
    Keys are plain variables or ``ASC``/``DESC`` of one; an empty clause goes.
    """
    bound = {var.value for var in bindings}
    kept = [m.group(0) for m in _SORT_KEY.finditer(line[len("ORDER BY"):]) if (m.group(1) or m.group(2)) not in bound]
    return "ORDER BY " + " ".join(kept) if kept else ""


#: A sort key: ``ASC(?v)``/``DESC(?v)`` or ``?v`` (the variable's name captured), or anything else.
_SORT_KEY = re.compile(r"(?:ASC|DESC)\(\s*[?$](\w+)\s*\)|[?$](\w+)|\S+")


def parse_param_args(items: list[str] | None) -> dict[str, str]:
    """``["k=v", ...]`` from ``--param`` into a dict."""
    out: dict[str, str] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: write it as NAME=VALUE")
        out[name.strip()] = value
    return out


# --- running ---------------------------------------------------------------------


def run_query(
    store: ox.Store,
    sparql: str,
    *,
    substitutions: Mapping[ox.Variable, object] | None = None,
    default_graph: list | None = None,
    named_graphs: list | None = None,
    limit: int | None = None,
    cancel: threading.Event | None = None,
) -> QueryResult:
    """Evaluate a SPARQL query; keep at most ``limit`` rows (or triples).

    ``cancel`` is checked between results: setting it stops the collection
    (Oxigraph cannot interrupt the evaluation of a single result).
    """
    kwargs: dict[str, object] = {}
    if substitutions:
        kwargs["substitutions"] = dict(substitutions)
    if default_graph is not None:
        kwargs["default_graph"] = default_graph
    if named_graphs is not None:
        kwargs["named_graphs"] = named_graphs
    try:
        result = store.query(sparql, **kwargs)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except (RuntimeError, ValueError, TypeError) as exc:
        raise QueryError(f"query failed: {exc}") from None
    except OSError as exc:
        raise QueryError(f"cannot read the store: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        out = QueryResult("select", variables=tuple(v.value for v in result.variables))
        n = len(out.variables)
        items = out.rows
        convert = lambda sol: tuple(sol[i] for i in range(n))  # noqa: E731
    else:
        out = QueryResult("graph")
        items = out.triples
        convert = lambda triple: triple  # noqa: E731
    error: QueryError | None = None
    try:
        for item in result:
            if cancel is not None and cancel.is_set():
                error = QueryTimeout("query cancelled")
                break
            if limit is not None and len(items) >= limit:
                out.truncated = True
                break
            items.append(convert(item))
    except (RuntimeError, OSError) as exc:
        error = QueryError(f"query failed: {exc}")
    finally:
        # pyoxigraph's result iterators must be dropped on the thread that made them
        del result
    if error is not None:
        raise error
    return out


def plain_value(term) -> object:
    """A Python value for a term: ``int``/``float``/``bool`` for numeric and boolean literals, else ``str``."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in (XSD + "integer", XSD + "int", XSD + "long", XSD + "nonNegativeInteger"):
                return int(term.value)
            if dt in (XSD + "decimal", XSD + "double", XSD + "float"):
                return float(term.value)
            if dt == XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)
