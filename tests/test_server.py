"""The SPARQL endpoint, queried with real clients (SPARQLWrapper, urllib) on loopback ports,
and cross-checked against the ``oxigraph`` server from PyPI."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pyoxigraph as ox
import pytest
from oxigraph_server import oxigraph_binary, running_oxigraph
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

from graph.pipeline.build import run_build
from graph.sparql.protocol import negotiate, uses_service
from graph.sparql.run import (
    QueryTimeout,
    library_names,
    library_query,
    plain_value,
    prepare_query,
    run_query,
)
from graph.sparql.server import MAX_BODY, make_server
from graph.store.local import open_data

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

HTTP_TIMEOUT = 20
NG = "https://w3id.org/newsgraph/ontology#"
EVENTS = (f"SELECT ?e ?label WHERE {{ ?e a <{NG}Event> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }} "
          "ORDER BY ?label")
#: about 2 s of work on the seeds: long enough to time out, short enough to end soon after
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?c WHERE { GRAPH ?g { ?a ?b ?c } } LIMIT 120 } "
        "GRAPH ?h { ?d ?e ?f } FILTER(REGEX(STR(?c), STR(?f))) }")
#: a cross product of every quad with itself four times over: days of work, no first result
FOREVER = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } "
           "GRAPH ?g3 { ?h ?i ?j } GRAPH ?g4 { ?k ?l ?m } }")


@pytest.fixture(scope="module")
def seeds_build(nlp, tmp_path_factory, seeds_dir):
    root = tmp_path_factory.mktemp("server_seeds")
    run_build([str(seeds_dir)], root / "out", nlp=nlp, store=str(root / "store"), html=False)
    return root


@pytest.fixture(scope="module")
def data(seeds_build):
    store = open_data([seeds_build / "store"])
    yield store
    store.close()


@pytest.fixture(scope="module")
def server(data):
    srv = make_server(data, port=0, timeout=10, limit=1000).start()
    yield srv
    srv.close()


@pytest.fixture()
def small_server(data, request):
    """A server with a tiny timeout, limit and one worker."""
    srv = make_server(data, port=0, timeout=0.3, limit=5, workers=1).start()
    request.addfinalizer(srv.close)
    return srv


def http(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) of a request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def form(query: str) -> bytes:
    return urllib.parse.urlencode({"query": query}).encode()


def local_rows(store, query: str) -> list[tuple]:
    return [tuple(plain_value(t) for t in row) for row in run_query(store.ox, query).rows]


def json_rows(doc: dict) -> list[tuple]:
    """Rows of a SPARQL JSON result as plain values (numbers as numbers)."""
    names = doc["head"]["vars"]
    out = []
    for b in doc["results"]["bindings"]:
        row = []
        for v in names:
            if v not in b:
                row.append(None)
                continue
            term = b[v]
            if term["type"] == "uri":
                value = ox.NamedNode(term["value"])
            elif term["type"] == "bnode":
                value = ox.BlankNode(term["value"])
            elif "xml:lang" in term:
                value = ox.Literal(term["value"], language=term["xml:lang"])
            else:
                value = ox.Literal(term["value"], datatype=ox.NamedNode(term.get("datatype", "http://www.w3.org/2001/XMLSchema#string")))
            row.append(plain_value(value))
        out.append(tuple(row))
    return out


# --- SPARQLWrapper -------------------------------------------------------------------


def wrapper(server, query: str, fmt, *, post: bool = False) -> SPARQLWrapper:
    w = SPARQLWrapper(server.url + "sparql")
    w.setTimeout(HTTP_TIMEOUT)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    if post:
        w.setMethod(POST)
    return w


@pytest.mark.parametrize("post", [False, True])
def test_select_with_sparqlwrapper_in_every_results_format(server, data, post):
    expected = local_rows(data, EVENTS)
    assert len(expected) == 1  # strike on Makiivka: every claim of the seeds is about it
    doc = wrapper(server, EVENTS, JSON, post=post).query().convert()
    assert json_rows(doc) == expected

    dom = wrapper(server, EVENTS, XML, post=post).query().convert()
    xml_rows = [tuple(b.getElementsByTagName(t)[0].firstChild.data
                      for b, t in zip(r.getElementsByTagName("binding"), ("uri", "literal")))
                for r in dom.getElementsByTagName("result")]
    assert xml_rows == expected

    csv_text = wrapper(server, EVENTS, CSV, post=post).query().convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "e,label"
    assert [tuple(line.split(",")) for line in csv_text.splitlines()[1:]] == expected

    tsv = wrapper(server, EVENTS, TSV, post=post).query().convert()
    parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    assert [(s["e"].value, s["label"].value) for s in parsed] == expected


def test_ask_with_sparqlwrapper(server):
    assert wrapper(server, f"ASK {{ GRAPH ?g {{ ?c a <{NG}FigureClaim> }} }}", JSON).query().convert() == {
        "head": {}, "boolean": True}
    dom = wrapper(server, f"ASK {{ ?c a <{NG}Nothing> }}", XML).query().convert()
    assert dom.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("fmt", [RDFXML, JSONLD])
def test_construct_with_sparqlwrapper(server, data, fmt):
    query = f"CONSTRUCT WHERE {{ ?e a <{NG}Event> ; ?p ?o }}"
    graph = wrapper(server, query, fmt).query().convert()
    assert len(graph) == len(run_query(data.ox, query).triples) == 7  # 1 event: 4 triples, and the gazetteer's 3


def test_construct_as_turtle_and_trig(server, data):
    query = f"DESCRIBE ?e WHERE {{ ?e a <{NG}Event> }}"
    expected = set(run_query(data.ox, query).triples)
    turtle = wrapper(server, query, TURTLE).query().convert()
    parsed = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)}
    assert parsed == expected
    status, headers, body = http(server.url + "sparql", data=form(query), headers={"Accept": "application/trig"})
    assert status == 200 and headers["Content-Type"].startswith("application/trig")
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=ox.RdfFormat.TRIG)} == expected


# --- read-only ----------------------------------------------------------------------


def test_updates_are_refused_with_403(server, data):
    before = len(data)
    insert = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
    w = wrapper(server, insert, JSON)
    w.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as err:
        w.query()
    assert err.value.code == 403
    url = server.url
    answers = [
        http(url + "sparql", data=insert.encode(), headers={"Content-Type": "application/sparql-update"}),
        http(url + "sparql", data=urllib.parse.urlencode({"update": insert}).encode()),
        http(url + "sparql", data=form(insert)),  # an update sent as a query
        http(url + "sparql?" + urllib.parse.urlencode({"update": insert})),
        http(url + "update", data=urllib.parse.urlencode({"update": insert}).encode()),
        http(url + "sparql", data=b"<a:b> <a:c> <a:d> .", headers={"Content-Type": "text/turtle"}, method="PUT"),
        http(url + "sparql?graph=x", method="DELETE"),
    ]
    assert [a[0] for a in answers] == [403] * len(answers)
    assert b"read-only" in answers[0][2]
    assert len(data) == before


# --- protocol details ---------------------------------------------------------------


def test_bad_requests_get_clear_answers(server):
    url = server.url
    assert http(url + "sparql")[0] == 400
    status, _, body = http(url + "sparql", data=form("SELECT ?x WHERE { ?x }"))
    assert status == 400 and b"SPARQL syntax error" in body
    status, _, body = http(url + "sparql", data=form(EVENTS), headers={"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body
    assert http(url + "sparql", data=b"x", headers={"Content-Type": "text/plain"})[0] == 415
    assert http(url + "nowhere")[0] == 404
    big = b"query=" + b"x" * 1_100_000
    assert http(url + "sparql", data=big, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 413
    two = urllib.parse.urlencode([("query", EVENTS), ("query", EVENTS)])
    assert http(url + "sparql?" + two)[0] == 400


def test_content_negotiation_and_format_parameter(server):
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": EVENTS})
    cases = {
        None: "application/sparql-results+json",
        "text/csv;q=0.9, application/sparql-results+xml": "application/sparql-results+xml",
        "text/html, */*;q=0.1": "application/sparql-results+json",
        "text/tab-separated-values": "text/tab-separated-values",
    }
    for accept, expected in cases.items():
        status, headers, _ = http(url, headers={"Accept": accept} if accept else {})
        assert status == 200 and headers["Content-Type"].startswith(expected), accept
    status, headers, body = http(url + "&format=csv", headers={"Accept": "application/sparql-results+json"})
    assert headers["Content-Type"].startswith("text/csv") and body.startswith(b"e,label\r\n")


def test_direct_post_and_dataset_parameters(server, data):
    graphs = data.named_graphs()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, _, body = http(server.url + "sparql?" + urllib.parse.urlencode({"default-graph-uri": graphs[0].value}),
                           data=count.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200
    n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert n == len(list(data.quads(graphs[0])))
    status, _, body = http(server.url + "sparql?" + urllib.parse.urlencode(
        {"named-graph-uri": graphs[1].value, "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}))
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [graphs[1].value]
    assert http(server.url + "sparql?" + urllib.parse.urlencode({"default-graph-uri": "not an iri",
                                                                 "query": count}))[0] == 400


@pytest.mark.slow
def test_result_limit_and_timeout(small_server):
    many = "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, headers, body = http(small_server.url + "sparql", data=form(many))
    assert status == 200 and headers["X-Newsgraph-Truncated"] == "true" and headers["X-Newsgraph-Limit"] == "5"
    assert len(json.loads(body)["results"]["bindings"]) == 5
    started = time.monotonic()
    status, _, body = http(small_server.url + "sparql", data=form(SLOW))
    assert status == 503 and b"timed out after 0.3 s and was stopped" in body
    assert time.monotonic() - started < 5
    # the worker was killed and replaced: queries are answered again
    deadline = time.monotonic() + 60
    while http(small_server.url + "sparql", data=form("ASK {}"))[0] != 200:
        assert time.monotonic() < deadline, "no worker came back"
        time.sleep(0.2)


def _worker_pids(server) -> set[int]:
    return {w.process.pid for w in server._pool._all}


@pytest.mark.slow
def test_a_never_ending_query_is_stopped_while_the_server_keeps_serving(data):
    """Two workers: one is stuck in a query that would run for days, the other keeps answering;
    at the timeout the stuck worker is killed and replaced."""
    srv = make_server(data, port=0, timeout=3, limit=100, workers=2).start()
    try:
        before = _worker_pids(srv)
        assert len(before) == 2
        stuck: dict = {}
        thread = threading.Thread(target=lambda: stuck.update(answer=http(srv.url + "sparql", data=form(FOREVER))))
        thread.start()
        time.sleep(0.5)  # the forever query has a worker now
        for _ in range(5):
            status, _, body = http(srv.url + "sparql", data=form(EVENTS))
            assert status == 200 and json.loads(body)["results"]["bindings"]
        assert "answer" not in stuck  # still running
        thread.join(timeout=30)
        status, _, body = stuck["answer"]
        assert status == 503 and b"timed out after 3 s and was stopped" in body
        deadline = time.monotonic() + 60
        while len(_worker_pids(srv)) < 2:
            assert time.monotonic() < deadline, "the killed worker was not replaced"
            time.sleep(0.2)
        after = _worker_pids(srv)
        assert len(after & before) == 1  # one original worker, one new
        killed = (before - after).pop()
        with pytest.raises(ProcessLookupError):
            os.kill(killed, 0)
        assert http(srv.url + "sparql", data=form(EVENTS))[0] == 200
    finally:
        srv.close()


@pytest.mark.slow
def test_a_query_that_needs_too_much_memory_is_stopped(data):
    """A sort over a three-way cross product of the store needs tens of gigabytes: its worker aborts, the
    client gets 503 and the server goes on with a new worker."""
    srv = make_server(data, port=0, timeout=60, workers=1, worker_memory=300).start()
    try:
        huge = ("SELECT ?a ?b ?c WHERE { GRAPH ?g { ?a ?p ?x } GRAPH ?h { ?b ?q ?c } GRAPH ?i { ?d ?e ?f } } "
                "ORDER BY ?c ?a ?b")
        started = time.monotonic()
        status, _, body = http(srv.url + "sparql", data=form(huge))
        assert status == 503 and b"needed more than the 300 MB a query worker may use" in body, body
        assert time.monotonic() - started < 60
        deadline = time.monotonic() + 60
        while http(srv.url + "sparql", data=form(EVENTS))[0] != 200:
            assert time.monotonic() < deadline, "no worker came back"
            time.sleep(0.2)
    finally:
        srv.close()


@pytest.mark.slow
def test_a_busy_pool_says_so(seeds_build):
    """With its only worker stuck, the pool answers 'busy' once the wait for a worker times out."""
    from graph.sparql.pool import QueryPool

    pool = QueryPool(seeds_build / "store", workers=1, limit=10)
    try:
        stuck: dict = {}

        def forever():
            try:
                pool.run(FOREVER, timeout=5)
            except QueryTimeout as exc:
                stuck["error"] = str(exc)

        thread = threading.Thread(target=forever)
        thread.start()
        time.sleep(0.5)
        with pytest.raises(QueryTimeout, match="busy"):
            pool.run(EVENTS, timeout=0.5)
        thread.join(timeout=30)
        assert "timed out after 5 s and was stopped" in stuck["error"]
        assert pool.run(EVENTS, timeout=30).rows  # the replacement worker answers
    finally:
        pool.close()


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> {?s ?p ?o} }",
    "SELECT * WHERE { SERVICE ?ep { ?s ?p ?o } VALUES ?ep { <http://169.254.169.254/> } }",
    "SELECT * WHERE {SERVICE<http://127.0.0.1:1/>{?s ?p ?o}}",
])
def test_service_clauses_are_refused(server, query):
    status, _, body = http(server.url + "sparql", data=form(query))
    assert status == 403 and b"SERVICE clauses" in body and b"--allow-service" in body
    status, _, _ = http(server.url + "sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 403


@pytest.mark.parametrize("query, expected", [
    ("SELECT ?service WHERE { ?service a <http://e.org/SERVICE> }", False),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" } # SERVICE <http://x/>', False),
    ("PREFIX ex: <http://e.org/> SELECT * WHERE { ?s ex:SERVICE ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?a<?b)SERVICE<http://x/>{} }", True),
    ('SELECT * WHERE { ?s ?p "a\\\\" SERVICE <http://x/> {} }', True),
])
def test_service_detection(query, expected):
    assert uses_service(query) is expected


def test_service_names_in_strings_and_variables_are_fine(server):
    query = 'SELECT ?service WHERE { BIND ("SERVICE <http://x/>" AS ?service) }'
    status, _, body = http(server.url + "sparql", data=form(query))
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["service"]["value"].startswith("SERVICE")


def test_service_clauses_run_when_allowed(data):
    """Allowed, a SERVICE clause reaches the endpoint it names (here a stub on loopback) and joins its rows."""
    from http.server import BaseHTTPRequestHandler, HTTPServer

    calls = []

    class Remote(BaseHTTPRequestHandler):
        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            calls.append(self.rfile.read(length) if length else self.path)
            body = json.dumps({"head": {"vars": ["x"]},
                               "results": {"bindings": [{"x": {"type": "uri", "value": "http://remote.example/x"}}]}})
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())

        do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    remote = HTTPServer(("127.0.0.1", 0), Remote)
    threading.Thread(target=remote.serve_forever, daemon=True).start()
    srv = make_server(data, port=0, timeout=10, workers=1, allow_service=True).start()
    try:
        query = f"SELECT ?x WHERE {{ SERVICE <http://127.0.0.1:{remote.server_address[1]}/sparql> {{ ?x ?p ?o }} }}"
        status, _, body = http(srv.url + "sparql", data=form(query))
        assert status == 200, body
        assert [b["x"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["http://remote.example/x"]
        assert calls
    finally:
        srv.close()
        remote.shutdown()
        remote.server_close()


def test_an_oversized_request_body_is_refused_and_the_server_keeps_serving(server):
    huge = form("SELECT * WHERE { ?s ?p ?o } #" + "x" * (MAX_BODY + 10))
    status, _, body = http(server.url + "sparql", data=huge)
    assert status == 413 and f"over {MAX_BODY} bytes".encode() in body
    direct = b"ASK {}" + b" " * (MAX_BODY + 10)
    status, _, _ = http(server.url + "sparql", data=direct, headers={"Content-Type": "application/sparql-query"})
    assert status == 413
    assert http(server.url + "sparql", data=form(EVENTS))[0] == 200


@pytest.mark.parametrize("accept, expected", [
    (None, "json"),
    ("", "json"),
    ("text/csv", "csv"),
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.8", "csv"),
    ("text/*", "csv"),
    ("*/*;q=0.1, application/sparql-results+xml", "xml"),
    ("application/sparql-results+json;q=0, */*", "xml"),
    ("image/png", None),
])
def test_negotiate(accept, expected):
    offers = (("application/sparql-results+json", "json"), ("application/sparql-results+xml", "xml"),
              ("text/csv", "csv"))
    assert negotiate(accept, offers) == expected


# --- the library and the view -------------------------------------------------------


def test_query_library_pages(server, data):
    status, headers, body = http(server.url + "queries/")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    items = json.loads(body)
    assert [i["name"] for i in items] == list(library_names())
    fig = next(i for i in items if i["name"] == "figures_by_event")
    assert [p["name"] for p in fig["params"]] == ["event", "kind", "incident"] and fig["summary"].startswith("Figures by event")
    status, headers, body = http(server.url + "queries/", headers={"Accept": "text/html"})
    assert status == 200 and b"figures_by_event" in body and headers["Content-Type"].startswith("text/html")
    status, headers, body = http(server.url + "queries/outlets.rq")
    assert status == 200 and body.decode("utf-8") == library_query("outlets").text
    status, _, body = http(server.url + "queries/figures_by_event?kind=injured&format=csv")
    assert status == 200
    lines = body.decode("utf-8").splitlines()
    assert len(lines) == 2 and ",injured,300,300,false," in lines[1]
    assert http(server.url + "queries/figures_by_event?colour=red")[0] == 400
    assert http(server.url + "queries/_network_claims.rq")[0] == 404
    assert http(server.url + "queries/nothing")[0] == 404


def test_the_view_is_served(server, tmp_path, data):
    status, headers, body = http(server.url)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"newsgraph: who said what" in body and b"Igor Girkin" in body
    page = tmp_path / "graph.html"
    page.write_text("<!doctype html><title>given page</title>", encoding="utf-8")
    other = make_server(data, port=0, html=page).start()
    try:
        assert http(other.url)[2] == page.read_bytes()
    finally:
        other.close()


# --- the serve command --------------------------------------------------------------


def test_serve_command_listens_on_loopback_and_stops_on_interrupt(seeds_build):
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli.main", "serve", str(seeds_build / "store"), "--port", "0"],
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert "SPARQL endpoint at http://127.0.0.1:" in line, line
        url = line.split(" at ", 1)[1].split()[0]
        status, _, body = http(url, data=form(EVENTS))
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 1
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=HTTP_TIMEOUT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=HTTP_TIMEOUT)
        proc.stderr.close()


# --- cross-check with the oxigraph server -------------------------------------------


@pytest.fixture(scope="module")
def oxigraph_server(seeds_build, tmp_path_factory):
    """The oxigraph server loaded with the seeds' TriG; yields its query endpoint."""
    location = tmp_path_factory.mktemp("oxigraph")
    subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file",
                    str(seeds_build / "out" / "graph.trig")], check=True, capture_output=True, timeout=60)
    with running_oxigraph(location) as base:
        yield base + "/query"


@pytest.mark.parametrize("name", library_names())
def test_every_library_query_gives_the_same_rows_as_the_oxigraph_server(name, server, oxigraph_server):
    text = library_query(name).text
    accept = {"Accept": "application/sparql-results+json"}
    ours = http(server.url + "sparql", data=form(text), headers=accept)
    theirs = http(oxigraph_server, data=form(text), headers=accept)
    assert ours[0] == theirs[0] == 200
    a, b = json.loads(ours[2]), json.loads(theirs[2])
    assert a["head"]["vars"] == b["head"]["vars"]
    assert json_rows(a), name
    assert Counter(json_rows(a)) == Counter(json_rows(b))


@pytest.mark.parametrize("name", [n for n in library_names() if library_query(n).params])
def test_bound_library_queries_give_the_same_rows_as_the_oxigraph_server(name, server, oxigraph_server):
    """Our /queries/NAME?param=value against the oxigraph server running the same bound text."""
    query = library_query(name)
    accept = {"Accept": "application/sparql-results+json"}
    everything = json.loads(http(oxigraph_server, data=form(query.text), headers=accept)[2])
    for param in query.params:
        if query.page_size is not None and param.name == "page":
            continue  # paging is checked in test_query_paging.py
        column = everything["head"]["vars"].index(param.name)
        value = everything["results"]["bindings"][0][param.name]["value"]
        ours = json.loads(http(server.url + f"queries/{name}?" + urllib.parse.urlencode({param.name: value}),
                               headers=accept)[2])
        text, subs = prepare_query(query, {param.name: value})
        assert not subs
        theirs = json.loads(http(oxigraph_server, data=form(text), headers=accept)[2])
        assert json_rows(ours) and Counter(json_rows(ours)) == Counter(json_rows(theirs))
        assert Counter(json_rows(ours)) == Counter(r for r in json_rows(everything) if r[column] == json_rows(ours)[0][column])


def test_serving_rdf_files_copies_them_for_the_workers_and_cleans_up(seeds_build):
    files = open_data([seeds_build / "out" / "graph.trig"])
    try:
        srv = make_server(files, port=0, workers=2).start()
        copy = srv._pool.path
        try:
            assert copy.is_dir() and copy != seeds_build / "store"
            status, _, body = http(srv.url + "sparql", data=form("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
            expected = local_rows(files, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            assert status == 200 and json_rows(json.loads(body)) == expected and expected[0][0] > 100
        finally:
            srv.close()
        assert not copy.exists() and not copy.parent.exists()
    finally:
        files.close()
