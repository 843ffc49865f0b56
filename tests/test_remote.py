"""The remote store: builds and queries against the real oxigraph server from PyPI,
compared with the local store; errors, timeouts and credentials."""
from __future__ import annotations

import base64
import hashlib
import http.server
import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from oxigraph_server import free_port, running_oxigraph
from rdflib import Literal, URIRef

from graph.cli.main import main
from graph.errors import StoreError
from graph.pipeline.build import run_build
from graph.rdf.iris import graph_iri
from graph.rdf.triples import new_dataset
from graph.sparql.run import library_names, library_query, prepare_query, run_query
from graph.store import remote as remote_module
from graph.store.local import open_store
from graph.store.remote import RemoteStore, open_remote, split_credentials
from graph.store.summary import SUMMARY_GRAPH

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

NG = "https://w3id.org/newsgraph/ontology#"
A000, A001 = "000_2cfd3623d210ff28", "001_de4eb1a377785554"


# --- the oxigraph server ------------------------------------------------------------


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory, seeds_dir):
    """The seeds built into a local store folder and into a running oxigraph server."""
    root = tmp_path_factory.mktemp("remote")
    local = run_build([str(seeds_dir)], root / "local_out", nlp=nlp, store=str(root / "store"), html=False)
    assert local.articles == 2 and local.failed == 0
    with running_oxigraph(root / "oxigraph") as base:
        summary = run_build([str(seeds_dir)], root / "remote_out", nlp=nlp, store=base, html=False)
        assert summary.articles == 2 and summary.failed == 0, summary.errors
        yield {"base": base, "store": root / "store"}


def local_quads(path: Path) -> set[ox.Quad]:
    with open_store(path, read_only=True) as store:
        return set(store.quads())


def by_graph(qs) -> dict[str, set[ox.Quad]]:
    out: dict[str, set[ox.Quad]] = {}
    for q in qs:
        out.setdefault(str(q.graph_name), set()).add(q)
    return out


# --- building into the server --------------------------------------------------------


def test_seeds_in_the_server_are_exactly_the_quads_of_a_local_store(built):
    theirs = RemoteStore.from_base(built["base"]).quads()
    ours = local_quads(built["store"])
    assert len(ours) > 500
    assert theirs == ours
    graphs = {str(q.graph_name) for q in theirs if not isinstance(q.graph_name, ox.DefaultGraph)}
    assert graphs == {f"<{graph_iri(a)}>" for a in (A000, A001)} | {str(SUMMARY_GRAPH)}


def test_rebuilding_unchanged_articles_writes_nothing(nlp, built, seeds_dir, tmp_path, monkeypatch):
    before = RemoteStore.from_base(built["base"]).quads()
    methods: list[str] = []
    real = remote_module._Http.request

    def recording(self, method, url, **kwargs):
        methods.append(method)
        return real(self, method, url, **kwargs)

    monkeypatch.setattr(remote_module._Http, "request", recording)
    summary = run_build([str(seeds_dir)], tmp_path / "out", nlp=nlp, store=built["base"], html=False)
    assert summary.failed == 0
    # per article: two queries (labels, stored facts) and a GET of its graph; then two queries
    # of the figures and a GET of the default graph to link them: no PUT, POST of data or DELETE
    assert Counter(methods) == {"POST": 1 + 2 * 2 + 2, "GET": 2 + 1}
    assert RemoteStore.from_base(built["base"]).quads() == before


def test_save_article_says_what_it_did(tmp_path):
    tricky = 'tricky "}} ; DROP ALL ; #\n é 𝄞'
    gid = URIRef(str(graph_iri("a")))
    with running_oxigraph(tmp_path / "oxigraph") as base:
        store = open_remote(base)
        ds = new_dataset()
        ds.graph(gid).add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(tricky)))
        assert store.save_article("a", ds) == "added"
        assert store.save_article("a", ds) == "unchanged"
        ds.graph(gid).add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("v2")))
        assert store.save_article("a", ds) == "replaced"
        assert {q.object.value for q in store.quads()} == {tricky, "v2"}
        assert store.save_article("a", new_dataset()) == "replaced"  # an article without data: its graph goes
        assert store.quads() == set()


def _change_article(seeds_dir: Path, folder: Path) -> Path:
    shutil.copytree(seeds_dir, folder)
    changed = folder / f"{A001}.txt"
    text = changed.read_text(encoding="utf-8")
    assert "the death toll in the attack was about 400" in text
    changed.write_text(text.replace("the death toll in the attack was about 400",
                                    "the death toll in the attack was about 500"), encoding="utf-8")
    return folder


def test_a_changed_article_replaces_its_graph_as_in_a_local_store(nlp, seeds_dir, tmp_path):
    changed = _change_article(seeds_dir, tmp_path / "articles")
    local = tmp_path / "store"
    run_build([str(seeds_dir)], tmp_path / "o1", nlp=nlp, store=str(local), html=False)
    run_build([str(changed)], tmp_path / "o2", nlp=nlp, store=str(local), html=False)
    with running_oxigraph(tmp_path / "oxigraph") as base:
        run_build([str(seeds_dir)], tmp_path / "o3", nlp=nlp, store=base, html=False)
        before = by_graph(RemoteStore.from_base(base).quads())
        run_build([str(changed)], tmp_path / "o4", nlp=nlp, store=base, html=False)
        after_quads = RemoteStore.from_base(base).quads()
    after = by_graph(after_quads)
    g000, g001 = f"<{graph_iri(A000)}>", f"<{graph_iri(A001)}>"
    assert after[g000] == before[g000]
    assert after[g001] != before[g001]
    highs = {q.object.value for q in after[g001] if q.predicate.value == NG + "high"}
    assert "500" in highs and "400" not in highs
    assert after_quads == local_quads(local)


def test_an_article_that_fails_to_store_is_reported_and_the_others_go_on(nlp, seeds_dir, tmp_path):
    class OneBadPath(RemoteStore):
        """Writes the first article to a Graph Store path the server does not have."""

        def save_article(self, article_id, ds):
            good = self._gsp_url
            if article_id == A000:
                self._gsp_url = good.replace("/store", "/no-such-endpoint")
            try:
                return super().save_article(article_id, ds)
            finally:
                self._gsp_url = good

    errors: list[str] = []
    with running_oxigraph(tmp_path / "oxigraph") as base:
        store = OneBadPath.from_base(base)
        summary = run_build([str(seeds_dir)], tmp_path / "out", nlp=nlp, store=store, html=False,
                            on_error=lambda e: errors.append(str(e)))
        graphs = {q.graph_name for q in store.quads()}
    assert summary.articles == 2 and summary.failed == 1
    assert len(errors) == 1
    assert errors[0].startswith(f"article '{A000}': {base}/no-such-endpoint?") and "HTTP 404" in errors[0]
    assert "\n" not in errors[0]
    assert ox.NamedNode(str(graph_iri(A001))) in graphs and ox.NamedNode(str(graph_iri(A000))) not in graphs
    assert (tmp_path / "out" / "graph.trig").is_file()


def test_build_command_with_endpoint_options(seeds_dir, tmp_path, capsys):
    with running_oxigraph(tmp_path / "oxigraph") as base:
        code = main(["build", str(seeds_dir), "--out", str(tmp_path / "out"), "--no-html", "--quiet",
                     "--store", "http://127.0.0.1:9/unused", "--store-query", base + "/query",
                     "--store-gsp", base + "/store"])
        assert code == 0, capsys.readouterr().err
        assert len(RemoteStore(base + "/query").quads()) > 500


def test_endpoint_options_need_a_url_store(seeds_dir, tmp_path, capsys):
    code = main(["build", str(seeds_dir), "--out", str(tmp_path / "out"), "--store-gsp", "http://127.0.0.1:9/store"])
    assert code == 2
    assert "--store-query and --store-gsp go with --store http(s)://" in capsys.readouterr().err


def test_build_help_shows_the_endpoint_options(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = capsys.readouterr().out
    assert "--store-query" in out and "--store-gsp" in out


# --- querying the server -----------------------------------------------------------


def _rows(result) -> Counter:
    return Counter(tuple(str(t) if t is not None else None for t in row) for row in result.rows)


@pytest.mark.parametrize("name", library_names())
def test_library_queries_give_the_same_rows_as_on_the_local_store(name, built):
    text, subs = prepare_query(library_query(name), {})
    remote = run_query(RemoteStore(built["base"] + "/query"), text, substitutions=subs)
    with open_store(built["store"], read_only=True) as store:
        local = run_query(store.ox, text, substitutions=subs)
    assert remote.variables == local.variables
    assert local.rows, name
    assert _rows(remote) == _rows(local)


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [
    ["--name", "figures_by_event", "--format", "csv"],
    ["--name", "figures_by_event", "--param", "event=id:event/geonames-702320", "--param", "kind=killed"],
    ["--name", "criticism"],
])
def test_query_command_on_a_url_prints_what_it_prints_for_the_local_store(built, capsys, args):
    code_r, out_r, err_r = _cli(capsys, built["base"] + "/query", *args)
    code_l, out_l, _ = _cli(capsys, str(built["store"]), *args)
    assert code_r == code_l == 0, err_r
    assert len(out_l.splitlines()) > 3
    assert sorted(out_r.splitlines()) == sorted(out_l.splitlines())


def test_query_command_on_a_url_with_a_file_an_expression_and_a_parameter(built, tmp_path, capsys):
    url = built["base"] + "/query"
    rq = tmp_path / "count.rq"
    rq.write_text(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?c a <{NG}Claim> }} }}\n", encoding="utf-8")
    code, out, _ = _cli(capsys, url, str(rq), "--format", "csv")
    assert code == 0 and out.splitlines() == ["n", "47"]  # 15 of them reported statements
    # a parameter of a query without a "WHERE {" line is bound by a trailing VALUES clause
    expr = f"SELECT ?e ?label {{ ?e a <{NG}Event> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    code, out, err = _cli(capsys, url, "-e", expr, "--param", "label=strike on Makiivka", "--format", "csv")
    assert code == 0, err
    assert out.splitlines() == ["e,label", "https://w3id.org/newsgraph/id/event/geonames-702320,strike on Makiivka"]
    code, out, err = _cli(capsys, url, "-e", expr, "--param", 'label=x" } DROP ALL { "', "--format", "csv")
    assert code == 0 and out.splitlines() == ["e,label"], err
    code, out, _ = _cli(capsys, url, "-e", "CONSTRUCT { ?e a ?t } WHERE { ?e a ?t } LIMIT 3", "--format", "nt")
    assert code == 0 and len(out.splitlines()) == 3
    code, out, _ = _cli(capsys, url, "-e", "ASK { ?s ?p ?o }", "--format", "json")
    assert code == 0 and json.loads(out) == {"head": {}, "boolean": True}


def test_a_url_goes_alone(built, capsys):
    code, _, err = _cli(capsys, built["base"] + "/query", str(built["store"]), "-e", "ASK {}")
    assert code == 2 and "must be given alone" in err


# --- errors ------------------------------------------------------------------------


def test_an_unreachable_url_is_a_one_line_error(tmp_path, seeds_dir, capsys):
    url = f"http://127.0.0.1:{free_port()}"
    code, out, err = _cli(capsys, url + "/query", "--name", "events")
    assert code == 2 and out == ""
    assert err == f"error: {url}/query: cannot connect (Connection refused)\n"
    started = time.monotonic()
    code = main(["build", str(seeds_dir), "--out", str(tmp_path / "out"), "--store", url, "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and err == f"error: {url}/query: cannot connect (Connection refused)\n"
    assert time.monotonic() - started < 10  # before any parsing


def test_http_errors_name_the_url_and_the_status(built, capsys):
    url = built["base"] + "/query"
    code, _, err = _cli(capsys, url, "-e", "SELECT * WHERE {")
    assert code == 2 and err.startswith(f"error: {url}: HTTP 400 Bad Request: ") and err.count("\n") == 1
    with pytest.raises(StoreError, match=r"/nothing-here: HTTP 404"):
        open_remote(built["base"], query=built["base"] + "/nothing-here")


def test_a_server_that_does_not_answer_times_out(monkeypatch):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)  # accepts connections, never answers
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        monkeypatch.setenv("NEWSGRAPH_STORE_TIMEOUT", "0.5")
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"^http://127\.0\.0\.1:\d+/query: no answer within 0\.5 s"):
            RemoteStore(url).check()
        assert time.monotonic() - started < 5


def test_a_bad_timeout_setting_is_refused(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_STORE_TIMEOUT", "soon")
    with pytest.raises(StoreError, match="NEWSGRAPH_STORE_TIMEOUT='soon'"):
        RemoteStore("http://127.0.0.1:9/query")


@pytest.mark.parametrize(("url", "clean", "user", "password"), [
    ("http://h:7878/query", "http://h:7878/query", None, None),
    ("http://ann:s%40cret@h:7878/query", "http://h:7878/query", "ann", "s@cret"),
    ("https://ann@h/ds/query", "https://h/ds/query", "ann", None),
    ("http://u:p@[::1]:3030/ds", "http://[::1]:3030/ds", "u", "p"),
])
def test_split_credentials(url, clean, user, password):
    assert split_credentials(url) == (clean, user, password)


@pytest.mark.parametrize("url", ["http://u:pw@h:notaport/query", "ftp://u:pw@h/query", "http://u:pw@/query"])
def test_bad_urls_are_refused_without_showing_the_password(url):
    with pytest.raises(StoreError) as info:
        split_credentials(url)
    assert "pw" not in str(info.value)


# --- credentials ---------------------------------------------------------------------


USER, PASSWORD, REALM, NONCE = "analyst", "s3cret-p@ss", "newsgraph-test", "0a4f113b"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def _digest_ok(header: str, method: str) -> bool:
    params = urllib.request.parse_keqv_list(urllib.request.parse_http_list(header[len("Digest "):]))
    ha1 = _md5(f"{USER}:{REALM}:{PASSWORD}")
    ha2 = _md5(f"{method}:{params.get('uri', '')}")
    expected = _md5(f"{ha1}:{NONCE}:{params.get('nc')}:{params.get('cnonce')}:{params.get('qop')}:{ha2}")
    return params.get("username") == USER and params.get("response") == expected


@contextmanager
def auth_proxy(target: str, scheme: str) -> Iterator[tuple[str, list[str]]]:
    """A proxy to ``target`` that demands HTTP ``scheme`` (Basic or Digest) credentials.

    Yields its base URL and the ``Authorization`` headers it was sent.
    """
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _handle(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            auth = self.headers.get("Authorization") or ""
            seen.append(auth)
            if scheme == "Basic":
                ok = auth == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
                challenge = f'Basic realm="{REALM}"'
            else:
                ok = auth.startswith("Digest ") and _digest_ok(auth, self.command)
                challenge = f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", algorithm=MD5'
            if not ok:
                self.send_response(401)
                self.send_header("WWW-Authenticate", challenge)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
            req = urllib.request.Request(target + self.path, data=body or None, headers=headers,
                                         method=self.command)
            try:
                with urllib.request.urlopen(req, timeout=30) as resp:
                    status, ctype, data = resp.status, resp.headers.get("Content-Type", ""), resp.read()
            except urllib.error.HTTPError as exc:
                status, ctype, data = exc.code, exc.headers.get("Content-Type", ""), exc.read()
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _handle

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_basic_auth_from_the_url_for_build_and_query(seeds_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NEWSGRAPH_STORE_USER", raising=False)
    monkeypatch.delenv("NEWSGRAPH_STORE_PASSWORD", raising=False)
    with running_oxigraph(tmp_path / "oxigraph") as base, auth_proxy(base, "Basic") as (proxy, seen):
        secret = proxy.replace("http://", f"http://{USER}:{urllib.parse.quote(PASSWORD, safe='')}@")
        code = main(["build", str(seeds_dir), "--out", str(tmp_path / "out"), "--no-html", "--quiet",
                     "--store", secret])
        err = capsys.readouterr().err
        assert code == 0 and "failed 0" in err and PASSWORD not in err, err
        assert any(a.startswith("Basic ") for a in seen)
        assert len(RemoteStore(base + "/query").quads()) > 500
        code, out, err = _cli(capsys, secret + "/query", "--name", "events", "--format", "csv")
        assert code == 0 and "strike on Makiivka" in out, err
        # without credentials: a clear 401, and what to do
        code, _, err = _cli(capsys, proxy + "/query", "--name", "events")
        assert code == 2 and "HTTP 401" in err and "NEWSGRAPH_STORE_USER" in err
        # a wrong password: 401, and no password in the message
        wrong = proxy.replace("http://", f"http://{USER}:not-{urllib.parse.quote(PASSWORD, safe='')}@")
        code, _, err = _cli(capsys, wrong + "/query", "-e", "ASK {}")
        assert code == 2 and "HTTP 401" in err and "check the user name and password" in err
        assert "s3cret" not in err


def test_digest_auth_from_the_environment(nlp, seeds_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_STORE_USER", USER)
    monkeypatch.setenv("NEWSGRAPH_STORE_PASSWORD", PASSWORD)
    with running_oxigraph(tmp_path / "oxigraph") as base, auth_proxy(base, "Digest") as (proxy, seen):
        summary = run_build([str(seeds_dir)], tmp_path / "out", nlp=nlp, store=proxy, html=False)
        assert summary.failed == 0, summary.errors
        assert any(a.startswith("Digest ") for a in seen)
        assert not any(a.startswith("Basic ") for a in seen)  # the password never travels as Basic
        assert len(RemoteStore(base + "/query").quads()) > 500
        code, out, err = _cli(capsys, proxy + "/query", "--name", "events", "--format", "csv")
        assert code == 0 and "strike on Makiivka" in out, err
