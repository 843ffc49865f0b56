"""A remote store: any SPARQL 1.1 server, over HTTP (standard library only).

``newsgraph build ... --store http://HOST:PORT/BASE`` writes each article to
the server, and ``newsgraph query URL`` queries it. Two endpoints are used:

* the **query** endpoint (SPARQL 1.1 Protocol, POST of a form), by default
  ``BASE/query``;
* the **Graph Store** endpoint (SPARQL 1.1 Graph Store HTTP Protocol, graphs
  named with ``?graph=IRI`` or ``?default``), by default ``BASE/store``.

The defaults are the oxigraph server's; ``--store-query`` and ``--store-gsp``
give other paths (Fuseki's ``/ds/data``, GraphDB's ``/repositories/ID``...).
No SPARQL Update endpoint is needed.

The write rule is the local :meth:`graph.store.local.Store.save_article`'s, in
requests instead of one transaction:

1. read the labels already stored for the article's actors and events, merge
   the default-graph facts with :func:`graph.store.local.merge_default`, and ask
   which of them are already there (two queries);
2. read the article's stored graph (a Graph Store ``GET``); when it is equal
   to the new one and every default-graph fact is there, write nothing;
3. else ``POST`` the missing default-graph facts to ``?default``, then ``PUT``
   the article's named graph, which replaces it.

After a build that wrote anything, the summary graph (:mod:`graph.store.summary`)
is counted afresh with one query and written with one ``PUT``.

A failure between 3's two requests leaves the new actors beside the old
article graph; building the article again repairs it.

Credentials come from the URL (``http://user:password@host/...``) or from
``NEWSGRAPH_STORE_USER`` and ``NEWSGRAPH_STORE_PASSWORD``, and are answered
to a server's HTTP Basic or Digest challenge (urllib's handlers). Messages
name URLs without them. ``NEWSGRAPH_STORE_TIMEOUT`` (seconds, default 60)
bounds each request.
"""
from __future__ import annotations

import http.client
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import Dataset

from graph.errors import StoreError
from graph.store.local import article_quads, link_quads, merge_default
from graph.store.summary import COUNTS, SUMMARY_GRAPH, summary_quads

ENV_USER = "NEWSGRAPH_STORE_USER"
ENV_PASSWORD = "NEWSGRAPH_STORE_PASSWORD"
ENV_TIMEOUT = "NEWSGRAPH_STORE_TIMEOUT"
DEFAULT_TIMEOUT = 60.0
#: What the query endpoint is asked for: results of SELECT and ASK, or a graph.
QUERY_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
NTRIPLES = "application/n-triples"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def is_remote(location: str | os.PathLike[str]) -> bool:
    """Whether a ``--store`` or ``query`` location is an ``http(s)://`` URL."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """``(url without userinfo, user, password)``; user and password are None when absent."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise StoreError(f"{_redact(url)}: not a valid URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{_redact(url)}: not an http:// or https:// URL")
    if parts.username is None and parts.password is None:
        return url, None, None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = host + (f":{port}" if port is not None else "")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    user = urllib.parse.unquote(parts.username or "")
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    return clean, user, password


def _redact(url: str) -> str:
    """The URL with any userinfo removed, for messages (even when it does not parse)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, path = rest.partition("/")
    return f"{scheme}://{authority.rpartition('@')[2]}{slash}{path}"


def _timeout() -> float:
    text = os.environ.get(ENV_TIMEOUT)
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if value <= 0:
        raise StoreError(f"{ENV_TIMEOUT}={text!r}: give a positive number of seconds")
    return value


class _Http:
    """HTTP requests to a few endpoint URLs, with the same credentials for all.

    Errors become :class:`StoreError` naming the URL (without credentials).
    """

    def __init__(self, urls: Iterable[str], *, timeout: float | None = None) -> None:
        self.urls: dict[str, str] = {}
        user = password = None
        for url in urls:
            clean, u, p = split_credentials(url)
            self.urls[url] = clean
            if user is None and u is not None:
                user, password = u, p
        if user is None:
            user = os.environ.get(ENV_USER) or None
        if user is not None and password is None:
            password = os.environ.get(ENV_PASSWORD, "")
        self.timeout = timeout if timeout is not None else _timeout()
        handlers: list[urllib.request.BaseHandler] = []
        if user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for clean in self.urls.values():
                parts = urllib.parse.urlsplit(clean)
                manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", user, password)
            # Digest first: it passes a Basic challenge on to the Basic handler
            handlers += [urllib.request.HTTPDigestAuthHandler(manager),
                         urllib.request.HTTPBasicAuthHandler(manager)]
        self.opener = urllib.request.build_opener(*handlers)
        self.has_credentials = user is not None

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        allow: tuple[int, ...] = (),
    ) -> tuple[int, str, bytes]:
        """``(status, media type, body)``; statuses in ``allow`` are returned, not raised."""
        target = self.urls.get(url) or split_credentials(url)[0]
        if params:
            target += ("&" if "?" in target else "?") + urllib.parse.urlencode(params)
        shown = target if len(target) <= 200 else target[:199] + "…"
        req = urllib.request.Request(target, data=data, headers=dict(headers or {}), method=method)
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return resp.status, _media_type(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            body = _read_error_body(exc)
            if exc.code in allow:
                return exc.code, _media_type(exc.headers), body
            raise StoreError(f"{shown}: {_http_problem(exc.code, exc.reason, body, self.has_credentials)}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise StoreError(f"{shown}: no answer within {self.timeout:g} s "
                                 f"(raise {ENV_TIMEOUT} for a slow server)") from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise StoreError(f"{shown}: cannot connect ({text})") from None
        except (TimeoutError, socket.timeout):
            raise StoreError(f"{shown}: no answer within {self.timeout:g} s "
                             f"(raise {ENV_TIMEOUT} for a slow server)") from None
        except (http.client.HTTPException, ConnectionError) as exc:
            raise StoreError(f"{shown}: the connection failed ({type(exc).__name__}: {exc})") from None
        except ValueError as exc:  # e.g. an authentication scheme urllib does not know
            raise StoreError(f"{shown}: {exc}") from None


def _media_type(headers) -> str:
    return (headers.get("Content-Type") or "").split(";")[0].strip().lower() if headers else ""


def _read_error_body(exc: urllib.error.HTTPError) -> bytes:
    try:
        return exc.read() or b""
    except (OSError, http.client.HTTPException):
        return b""


def _http_problem(code: int, reason: object, body: bytes, has_credentials: bool) -> str:
    detail = " ".join(body.decode("utf-8", "replace").split())
    if len(detail) > 300:
        detail = detail[:299] + "…"
    text = f"HTTP {code} {reason}" + (f": {detail}" if detail and detail != str(reason) else "")
    if code == 401:
        text += ("; check the user name and password" if has_credentials else
                 f"; give credentials in the URL (http://USER:PASSWORD@HOST/...) or in {ENV_USER} "
                 f"and {ENV_PASSWORD}")
    return text


class RemoteStore:
    """A SPARQL 1.1 server used as a newsgraph store.

    ``query_url`` is the SPARQL query endpoint; ``gsp_url`` the Graph Store
    endpoint, needed only to write. The object has the methods a build and a
    query need (``save_article``, ``query``) and ``quads`` to read everything.
    """

    def __init__(self, query_url: str, gsp_url: str | None = None, *, timeout: float | None = None) -> None:
        self._query_url, self._gsp_url = query_url, gsp_url
        self._http = _Http([u for u in (query_url, gsp_url) if u is not None], timeout=timeout)
        self.query_url = self._http.urls[query_url]
        self.gsp_url = self._http.urls[gsp_url] if gsp_url is not None else None
        #: True once a build wrote anything (then :meth:`refresh_summary` counts afresh).
        self.written = False

    @classmethod
    def from_base(cls, base: str, *, query: str | None = None, gsp: str | None = None,
                  timeout: float | None = None) -> RemoteStore:
        """The store at ``base`` with the oxigraph server's paths (``/query``, ``/store``),
        each replaceable by a full URL."""
        root = base.rstrip("/")
        return cls(query or root + "/query", gsp or root + "/store", timeout=timeout)

    def __repr__(self) -> str:
        return f"<RemoteStore query={self.query_url} gsp={self.gsp_url}>"

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release (each request has its own connection)."""

    def check(self) -> None:
        """Raise :class:`StoreError` unless the query endpoint answers ``ASK {}``."""
        result = self.query("ASK {}")
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError(f"{self.query_url}: did not answer ASK {{}} with a boolean; "
                             "is it a SPARQL query endpoint?")

    # --- reading --------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[ox.Variable, ox.NamedNode | ox.Literal] | None = None,
        default_graph: list | None = None,
        named_graphs: list | None = None,
    ):
        """Run a query on the server; the result is what :meth:`pyoxigraph.Store.query`
        gives (``QuerySolutions``, ``QueryBoolean``, or an iterator of triples), so that
        :func:`graph.sparql.run.run_query` takes this store as it takes a local one.

        ``substitutions`` become a trailing ``VALUES`` clause written from the
        terms' N-Triples form (SPARQL 1.1 allows one after the query).
        """
        if substitutions:
            from graph.sparql.run import values_block

            sparql = f"{sparql.rstrip()}\n{values_block(dict(substitutions))}\n"
        form: list[tuple[str, str]] = [("query", sparql)]
        form += [("default-graph-uri", _iri_value(g)) for g in default_graph or ()]
        form += [("named-graph-uri", _iri_value(g)) for g in named_graphs or ()]
        _, media, body = self._http.request(
            "POST", self._query_url, data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": QUERY_ACCEPT})
        results_format = ox.QueryResultsFormat.from_media_type(media) if media else None
        try:
            if results_format is not None:
                return ox.parse_query_results(body, format=results_format)
            rdf_format = ox.RdfFormat.from_media_type(media) if media else None
            if rdf_format is None:
                raise StoreError(f"{self.query_url}: answered with an unknown media type {media!r}")
            return iter([ox.Triple(q.subject, q.predicate, q.object)
                         for q in ox.parse(body, format=rdf_format)])
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.query_url}: answered with unreadable {media or 'data'}: {exc}") from None

    def quads(self) -> set[ox.Quad]:
        """Every quad of the default graph and of the named graphs."""
        result = self.query("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        out = set()
        for row in result:
            g = row["g"]
            out.add(ox.Quad(row["s"], row["p"], row["o"], g if g is not None else ox.DefaultGraph()))
        return out

    def graph_quads(self, graph: ox.NamedNode) -> set[ox.Quad] | None:
        """The quads of named graph ``graph`` (a Graph Store ``GET``); None when it does not exist."""
        status, media, body = self._http.request(
            "GET", self._gsp(), params={"graph": graph.value}, headers={"Accept": NTRIPLES}, allow=(404,))
        if status == 404:
            return None
        fmt = ox.RdfFormat.from_media_type(media) if media else ox.RdfFormat.N_TRIPLES
        try:
            return {ox.Quad(q.subject, q.predicate, q.object, graph)
                    for q in ox.parse(body, format=fmt or ox.RdfFormat.N_TRIPLES)}
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.gsp_url}: graph {graph} came back unreadable: {exc}") from None

    def _stored_labels(self, subjects: Iterable[ox.NamedNode | ox.BlankNode]) -> dict:
        named = sorted((s for s in subjects if isinstance(s, ox.NamedNode)), key=str)
        if not named:
            return {}
        values = " ".join(str(s) for s in named)
        result = self.query(f"SELECT ?s ?label WHERE {{ VALUES ?s {{ {values} }} ?s <{_RDFS_LABEL}> ?label }}")
        labels: dict = {}
        for row in result:
            labels.setdefault(row["s"], row["label"])
        return labels

    def _stored(self, quads: list[ox.Quad]) -> set[ox.Quad]:
        """Which of the default-graph ``quads`` the server already holds."""
        if not quads:
            return set()
        rows = " ".join(f"({q.subject} {q.predicate} {q.object})" for q in quads)
        result = self.query(f"SELECT ?s ?p ?o WHERE {{ VALUES (?s ?p ?o) {{ {rows} }} ?s ?p ?o }}")
        return {ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph()) for row in result}

    # --- writing --------------------------------------------------------------

    def save_article(self, article_id: str, ds: Dataset) -> str:
        """Replace the article's named graph(s) and add its default-graph facts.

        Returns ``"added"``, ``"replaced"`` or ``"unchanged"`` (nothing
        written), as :meth:`graph.store.local.Store.save_article` does. Raises
        :class:`StoreError` naming the article and the URL.
        """
        try:
            return self._save(article_id, ds)
        except StoreError as exc:
            if str(exc).startswith(f"article {article_id!r}"):
                raise
            raise StoreError(f"article {article_id!r}: {exc}") from None

    def _save(self, article_id: str, ds: Dataset) -> str:
        named, default = article_quads(article_id, ds)
        default = merge_default(default, stored_label=self._stored_labels({q.subject for q in default}).get)
        stored = self._stored(default)
        missing = [q for q in default if q not in stored]
        changed: list[ox.NamedNode] = []
        existed = False
        for graph in sorted(named, key=str):
            current = self.graph_quads(graph)
            existed = existed or current is not None
            if (current or set()) != named[graph]:
                changed.append(graph)
        if not changed and not missing:
            return "unchanged"
        self.written = True
        if missing:
            self._http.request("POST", self._gsp(), params={"default": ""}, data=_ntriples(missing),
                               headers={"Content-Type": NTRIPLES})
        for graph in changed:
            if named[graph]:
                self._http.request("PUT", self._gsp(), params={"graph": graph.value},
                                   data=_ntriples(named[graph]), headers={"Content-Type": NTRIPLES})
            else:
                self._http.request("DELETE", self._gsp(), params={"graph": graph.value}, allow=(404,))
        return "replaced" if existed else "added"

    def replace_links(self, links: Dataset) -> None:
        """Replace the corpus-wide links of figures and events with the default graph of
        ``links``. The Graph Store Protocol writes whole graphs: the default graph is read,
        its old links left out, the new ones added and the graph written back with one
        ``PUT`` (so no other writer may change the default graph meanwhile)."""
        _, new = article_quads("links", links)
        status, media, body = self._http.request("GET", self._gsp(), params={"default": ""},
                                                 headers={"Accept": NTRIPLES}, allow=(404,))
        fmt = (ox.RdfFormat.from_media_type(media) if media else None) or ox.RdfFormat.N_TRIPLES
        try:
            current = [] if status == 404 else [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                                                 for q in ox.parse(body, format=fmt)]
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.gsp_url}: the default graph came back unreadable: {exc}") from None
        old = link_quads(current)
        kept = [q for q in current if q not in old]
        if set(new) == old:
            return
        self.written = True
        self._http.request("PUT", self._gsp(), params={"default": ""}, data=_ntriples([*kept, *new]),
                           headers={"Content-Type": NTRIPLES})

    def refresh_summary(self) -> None:
        """After a build that wrote something, count every source afresh into the summary graph.

        The counts are read with a query and the graph replaced with one ``PUT``
        (the Graph Store Protocol cannot move counts in place).
        """
        if not self.written:
            return
        quads = summary_quads(self.query(COUNTS))
        graph = SUMMARY_GRAPH.value
        if quads:
            self._http.request("PUT", self._gsp(), params={"graph": graph}, data=_ntriples(quads),
                               headers={"Content-Type": NTRIPLES})
        else:
            self._http.request("DELETE", self._gsp(), params={"graph": graph}, allow=(404,))

    def _gsp(self) -> str:
        if self._gsp_url is None:
            raise StoreError(f"{self.query_url}: no Graph Store endpoint given; cannot write")
        return self._gsp_url


def _ntriples(quads: Iterable[ox.Quad]) -> bytes:
    return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES)


def _iri_value(graph) -> str:
    return graph.value if isinstance(graph, ox.NamedNode) else str(graph)


def open_remote(location: str, *, query: str | None = None, gsp: str | None = None) -> RemoteStore:
    """The remote store a build writes to (``--store URL``, with ``--store-query`` and
    ``--store-gsp``), after checking that its query endpoint answers."""
    store = RemoteStore.from_base(location, query=query, gsp=gsp)
    store.check()
    return store
