"""A read-only SPARQL 1.1 Protocol endpoint over a store, with the query library and the HTML view.

Standard library only (:class:`http.server.ThreadingHTTPServer`):

* ``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded ``query=`` or a
  direct ``application/sparql-query`` body), with ``default-graph-uri`` and
  ``named-graph-uri``. Results by content negotiation (``Accept``), or by
  ``?format=`` (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``, ``trig``...):
  SPARQL results in JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle,
  TriG, N-Triples, N-Quads, RDF/XML or JSON-LD.
* Read-only: SPARQL Update (``update=``, ``application/sparql-update``,
  ``/update``) and PUT, DELETE and PATCH get ``403 Forbidden``.
* Each query runs in one of ``workers`` worker processes
  (:class:`graph.sparql.pool.QueryPool`); after ``timeout`` seconds the client
  gets ``503`` and that worker is killed and replaced, so a query that would
  run forever costs nothing after its timeout and the other workers keep
  serving. A worker may use ``worker_memory`` MB: a query that needs more gets
  ``503`` and its worker is replaced. At most ``limit`` rows or triples are returned;
  ``X-Newsgraph-Truncated: true`` says some were dropped.
* ``SERVICE`` clauses (federated queries, which would make the server fetch
  from any host a client names) are refused with ``403`` unless the server was
  started with ``allow_service=True`` (``serve --allow-service``). Request
  bodies over ``MAX_BODY`` bytes get ``413``.
* ``GET /`` is the interactive graph view (generated once from the data, or a
  given ``graph.html``); ``/queries/`` lists the query library,
  ``/queries/NAME.rq`` is a query's text and ``/queries/NAME?param=value`` runs it.
"""
from __future__ import annotations

import gc
import html
import json
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pyoxigraph as ox

from graph import __version__
from graph.errors import NewsgraphError
from graph.sparql.formats import GRAPH_FORMATS, MEDIA_TYPES, format_result
from graph.sparql.pool import WORKER_MEMORY_MB, QueryOutOfMemory, QueryPool
from graph.sparql.protocol import HttpError, looks_like_update, negotiate, uses_service
from graph.sparql.run import (
    PAGE_PARAM,
    LibraryQuery,
    QueryError,
    QueryResult,
    QueryTimeout,
    library_names,
    library_query,
    next_page,
    prepare_query,
    resolve_actor_names,
)
from graph.store.local import Store

#: Largest request body accepted (bytes).
MAX_BODY = 1_000_000
#: Largest refused body still read, so that the client gets the answer (bytes).
MAX_DRAIN = 16_000_000

#: (media type, format) offered for SELECT and ASK results, preferred first.
SOLUTION_OFFERS = (
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
)
#: (media type, format) offered for CONSTRUCT and DESCRIBE results.
GRAPH_OFFERS = (
    ("text/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/turtle", "turtle"),
    ("application/trig", "trig"),
    ("application/n-triples", "nt"),
    ("text/plain", "nt"),
    ("application/n-quads", "nq"),
    ("application/rdf+xml", "rdfxml"),
    ("application/ld+json", "jsonld"),
)
#: ``?format=`` (and SPARQLWrapper's ``output=``/``results=``) values for each kind of result.
FORMAT_PARAM = {
    "select": {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "srj": "json", "srx": "xml"},
    "graph": {"turtle": "turtle", "ttl": "turtle", "n3": "turtle", "trig": "trig", "nt": "nt",
              "ntriples": "nt", "nq": "nq", "nquads": "nq", "xml": "rdfxml", "rdf": "rdfxml",
              "rdf+xml": "rdfxml", "rdfxml": "rdfxml", "json-ld": "jsonld", "jsonld": "jsonld",
              "json": "jsonld"},
}
_RESERVED = {"format", "output", "results"}


class SparqlServer(ThreadingHTTPServer):
    """The endpoint. ``start()`` serves in a background thread; ``close()`` stops it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        store: Store,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        timeout: float = 10.0,
        limit: int = 10_000,
        workers: int = 4,
        html: str | Path | None = None,
        log: bool = False,
        allow_service: bool = False,
        worker_memory: int | None = WORKER_MEMORY_MB,
    ) -> None:
        super().__init__((host, port), _Handler)
        self.store = store
        self.query_timeout = timeout
        self.limit = limit
        self.html_path = Path(html) if html else None
        self.log = log
        self.allow_service = allow_service
        try:
            self._pool = QueryPool(store.path if store.path is not None else store.ox, workers=workers, limit=limit,
                                   memory_mb=worker_memory)
        except BaseException:
            self.server_close()
            raise
        self._view: bytes | None = None
        self._view_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"

    def start(self) -> SparqlServer:
        """Serve in a daemon thread (for tests and embedding)."""
        self._thread = threading.Thread(target=self.serve_forever, name="newsgraph-serve", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving (when started) and release the socket. The store stays open."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self.server_close()
        self._pool.close()

    def execute(self, sparql: str, **kwargs) -> QueryResult:
        """Run a query in a worker process; :class:`QueryTimeout` after ``query_timeout`` seconds.

        Raises :class:`HttpError` (403) for a ``SERVICE`` clause unless allowed.
        """
        if not self.allow_service and uses_service(sparql):
            raise HttpError(HTTPStatus.FORBIDDEN, "SERVICE clauses (queries to other endpoints) are not allowed "
                                                  "on this server; start it with --allow-service to allow them")
        return self._pool.run(sparql, timeout=self.query_timeout, **kwargs)

    def view(self) -> bytes:
        """The HTML view: the given file, or generated once from the data."""
        if self.html_path is not None:
            return self.html_path.read_bytes()
        with self._view_lock:
            if self._view is None:
                from oxrdflib import OxigraphStore
                from rdflib import Dataset

                from graph.analysis.network import dataset_to_networkx
                from graph.view.page import render_html

                ds = Dataset(store=OxigraphStore(store=self.store.ox))
                page = render_html(dataset_to_networkx(ds), title="newsgraph: who said what")
                self._view = page.encode("utf-8")
                # rdflib keeps pyoxigraph result iterators in reference cycles; they must
                # be freed on this thread, not by a later collection on another one
                del ds
                gc.collect()
            return self._view


def make_server(store: Store, **options) -> SparqlServer:
    """A :class:`SparqlServer` bound to ``host:port`` (``port=0``: a free port)."""
    return SparqlServer(store, **options)


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = f"newsgraph/{__version__}"
    protocol_version = "HTTP/1.1"
    # headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm
    # and the client's delayed ACK add ~40 ms to every request on a kept-alive connection
    disable_nagle_algorithm = True

    # --- plumbing ----------------------------------------------------------------

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if self.server.log:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: HTTPStatus, body: bytes | str, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, message.rstrip() + "\n", "text/plain; charset=utf-8")

    def _dispatch(self, route) -> None:
        try:
            route()
        except HttpError as exc:
            self._error(exc.status, str(exc))
        except (QueryTimeout, QueryOutOfMemory) as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except NewsgraphError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # pragma: no cover - a bug; keep serving
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(exc).__name__}: {exc}")

    # --- methods -----------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch(self._route_get)

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch(self._route_get)

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch(self._route_post)

    def _forbidden(self) -> None:
        self._drain()
        self._error(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are not allowed")

    do_PUT = do_DELETE = do_PATCH = _forbidden

    # --- routes ------------------------------------------------------------------

    def _route_get(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        path = url.path
        if path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.view(), "text/html; charset=utf-8")
        elif path in ("/sparql", "/query"):
            if "update" in params:
                raise HttpError(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are not allowed")
            self._sparql(self._one(params, "query"), params)
        elif path == "/update":
            raise HttpError(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are not allowed")
        elif path in ("/queries", "/queries/"):
            self._library_list()
        elif path.startswith("/queries/"):
            self._library_item(path[len("/queries/"):], params)
        else:
            raise HttpError(HTTPStatus.NOT_FOUND, f"no such page: {path}; try /sparql, /queries/ or /")

    def _route_post(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/update":
            return self._forbidden()
        if url.path not in ("/sparql", "/query"):
            self._drain()
            raise HttpError(HTTPStatus.NOT_FOUND, f"no such endpoint: {url.path}; POST to /sparql")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return self._forbidden()
        body = self._body()
        if ctype == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            if "update" in params:
                raise HttpError(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are not allowed")
            query = self._one(params, "query")
        elif ctype == "application/sparql-query":
            query = body.decode("utf-8", "replace")
        else:
            raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            "POST a form (application/x-www-form-urlencoded) or application/sparql-query")
        self._sparql(query, params)

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise HttpError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if length > MAX_BODY:
            self._drain()
            self.close_connection = True
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(length) if length > 0 else b""

    def _drain(self) -> None:
        """Read and drop the request body, so that the client reads our answer rather
        than a reset connection; a body over ``MAX_DRAIN`` is not read, and the
        connection is closed."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        if length > MAX_DRAIN:
            self.close_connection = True
            return
        while length > 0:
            chunk = self.rfile.read(min(length, 65536))
            if not chunk:
                break
            length -= len(chunk)

    @staticmethod
    def _one(params: dict[str, list[str]], name: str) -> str:
        values = params.get(name)
        if not values:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"missing the '{name}' parameter "
                            "(GET /sparql?query=..., or POST it as a form or application/sparql-query)")
        if len(values) > 1:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"give the '{name}' parameter once")
        return values[0]

    # --- SPARQL ------------------------------------------------------------------

    def _sparql(self, query: str, params: dict[str, list[str]], substitutions=None,
                paged: tuple[LibraryQuery, dict[str, str]] | None = None) -> None:
        kwargs: dict[str, object] = {}
        try:
            if params.get("default-graph-uri"):
                kwargs["default_graph"] = [ox.NamedNode(u) for u in params["default-graph-uri"]]
            if params.get("named-graph-uri"):
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in params["named-graph-uri"]]
        except ValueError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"bad graph IRI: {exc}") from None
        try:
            result = self.server.execute(query, substitutions=substitutions, **kwargs)
        except QueryError as exc:
            if not isinstance(exc, (QueryTimeout, QueryOutOfMemory)) and looks_like_update(query):
                raise HttpError(HTTPStatus.FORBIDDEN,
                                "this endpoint is read-only: updates are not allowed") from None
            raise
        headers = {}
        if paged is not None:
            query_, values = paged
            page = next_page(query_, values, len(result.rows))
            if page is not None:  # RFC 8288: where the next page is
                link = urlencode([(k, value) for k, vals in params.items() if k != PAGE_PARAM for value in vals]
                                 + [(PAGE_PARAM, str(page))])
                headers["Link"] = f'</queries/{query_.name}?{link}>; rel="next"'
        self._send_result(result, params, headers)

    def _send_result(self, result: QueryResult, params: dict[str, list[str]],
                     extra_headers: dict[str, str] | None = None) -> None:
        kind = "graph" if result.kind == "graph" else "select"
        fmt = None
        for key in ("format", "output", "results"):
            for value in params.get(key, ()):
                fmt = fmt or FORMAT_PARAM[kind].get(value.strip().lower())
        if fmt is None:
            offers = GRAPH_OFFERS if kind == "graph" else SOLUTION_OFFERS
            fmt = negotiate(self.headers.get("Accept"), offers)
        if fmt is None:
            wanted = ", ".join(m for m, _ in (GRAPH_OFFERS if kind == "graph" else SOLUTION_OFFERS))
            raise HttpError(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer with {self.headers.get('Accept')}; "
                                                       f"available: {wanted}")
        if kind == "graph" and fmt in ("trig", "nq"):
            result.triples = [ox.Quad(t.subject, t.predicate, t.object) for t in result.triples]
        body = format_result(result, fmt)
        media = MEDIA_TYPES[fmt] if fmt not in GRAPH_FORMATS else GRAPH_FORMATS[fmt].media_type
        headers = {"Vary": "Accept", **(extra_headers or {})}
        if result.truncated:
            headers["X-Newsgraph-Truncated"] = "true"
            headers["X-Newsgraph-Limit"] = str(self.server.limit)
        self._send(HTTPStatus.OK, body, f"{media}; charset=utf-8", headers)

    # --- the query library -------------------------------------------------------

    def _library_list(self) -> None:
        items = []
        for name in library_names():
            q = library_query(name)
            items.append({
                "name": name,
                "summary": q.summary,
                "description": q.description,
                "params": [{"name": p.name, "type": p.type, "required": p.required,
                            "description": p.description} for p in q.params],
                "text": f"/queries/{name}.rq",
                "run": f"/queries/{name}",
            })
        fmt = negotiate(self.headers.get("Accept"), (("application/json", "json"), ("text/html", "html")))
        if fmt == "html":
            rows = "\n".join(
                f"<li><a href=\"{html.escape(i['text'])}\">{html.escape(i['name'])}</a>: "
                f"{html.escape(i['summary'])}"
                + "".join(f"<br><code>{html.escape(p['name'])}</code> ({html.escape(p['type'])}): "
                          f"{html.escape(p['description'])}" for p in i["params"])
                + "</li>" for i in items)
            page = ("<!doctype html><meta charset=\"utf-8\"><title>newsgraph queries</title>"
                    f"<h1>Query library</h1><ul>\n{rows}\n</ul>"
                    "<p>Run one with <code>/queries/NAME?param=value</code>, or POST SPARQL to "
                    "<code>/sparql</code>.</p>")
            self._send(HTTPStatus.OK, page, "text/html; charset=utf-8", {"Vary": "Accept"})
        else:
            self._send(HTTPStatus.OK, json.dumps(items, indent=1, ensure_ascii=False),
                       "application/json; charset=utf-8", {"Vary": "Accept"})

    def _library_item(self, name: str, params: dict[str, list[str]]) -> None:
        raw = name.endswith(".rq")
        name = name[:-3] if raw else name
        if name not in library_names():
            raise HttpError(HTTPStatus.NOT_FOUND, f"no query {name!r}; see /queries/")
        query = library_query(name)
        if raw:
            self._send(HTTPStatus.OK, query.text, "application/sparql-query; charset=utf-8")
            return
        values = {}
        for key, vals in params.items():
            if key in _RESERVED:
                continue
            if len(vals) != 1:
                raise HttpError(HTTPStatus.BAD_REQUEST, f"give the '{key}' parameter once")
            values[key] = vals[0]
        values = resolve_actor_names(query, values, self.server.execute)
        text, subs = prepare_query(query, values)
        self._sparql(text, params, substitutions=subs, paged=(query, values) if query.page_size else None)
