"""The ``query`` and ``serve`` commands: thin wrappers around graph.sparql.run and graph.sparql.server."""
from __future__ import annotations

import argparse
import ipaddress
import sys

from graph.errors import NewsgraphError

QUERY_EPILOG = """\
examples:
  newsgraph query store/ --list
  newsgraph query store/ --name figures_by_event
  newsgraph query store/ --name figures_by_event --param event=id:event/makiivka --param kind=killed
  newsgraph query store/ --name provenance --param claim='<https://w3id.org/newsgraph/id/claim/...>'
  newsgraph query out/graph.trig --name conflicting_figures --format csv > conflicts.csv
  newsgraph query out/ my_query.rq --format json
  newsgraph query store/ -e 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
  newsgraph query http://localhost:7878/query --name figures_by_event

DATA is one store folder (made by 'build --store', opened read-only), one
build output folder (its graph.trig), RDF files (.trig, .nq, .ttl, .nt,
.jsonld), loaded in memory, or the URL of a SPARQL 1.1 query endpoint
(credentials in the URL or in NEWSGRAPH_STORE_USER and
NEWSGRAPH_STORE_PASSWORD). IRI parameters take a full IRI, <IRI>, or the
prefixes id: (https://w3id.org/newsgraph/id/) and ng:. Values are bound as RDF
terms, never pasted into the query.
"""

SERVE_EPILOG = """\
examples:
  newsgraph serve store/
  newsgraph serve out/graph.trig --port 8000 --timeout 5 --limit 5000

then:
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql
  curl 'http://127.0.0.1:7878/queries/figures_by_event?kind=killed'
  open http://127.0.0.1:7878/ in a browser for the graph view

Endpoints: /sparql (SPARQL 1.1 Protocol, GET and POST; results as JSON, XML,
CSV or TSV, graphs as Turtle, TriG, N-Triples, N-Quads; pick with the Accept
header or ?format=), /queries/ (the query library), /queries/NAME.rq (its
text), /queries/NAME?param=value (run it), / (the HTML view). Read-only:
updates get 403. Listens on 127.0.0.1 unless --host says otherwise.
"""


def query_cli(args: argparse.Namespace) -> int:
    from functools import partial

    from graph.sparql.formats import format_result
    from graph.sparql.run import (
        LibraryQuery,
        library_names,
        library_query,
        next_page,
        parse_param_args,
        prepare_query,
        read_query_file,
        resolve_actor_names,
        run_query,
    )
    from graph.store.local import open_data
    from graph.store.remote import RemoteStore, is_remote

    if args.list:
        for name in library_names():
            q = library_query(name)
            params = ", ".join(f"{p.name} ({p.type}{', required' if p.required else ''}"
                               f"{': ' + ' | '.join(p.choices) if p.choices else ''})" for p in q.params)
            print(f"{name}: {q.summary}" + (f"\n    parameters: {params}" if params else ""))
        return 0
    data = list(args.data)
    query_file = None
    if data and data[-1].endswith(".rq"):
        query_file = data.pop()
    chosen = [x for x in (args.name, query_file, args.expression) if x is not None]
    if len(chosen) != 1:
        raise NewsgraphError("give exactly one query: --name NAME, a QUERY.rq file, or -e 'SPARQL' "
                             "(see 'newsgraph query --list')")
    if not data:
        raise NewsgraphError("give the data to query: a store folder, a build output folder or RDF files")
    if args.name is not None:
        query = library_query(args.name)
    elif query_file is not None:
        query = read_query_file(query_file)
    else:
        query = LibraryQuery(name="-e", text=args.expression)
    values = parse_param_args(args.param)
    # bad values fail before the data is opened; a name stands in as an IRI until the data resolves it
    prepare_query(query, {k: "urn:x-newsgraph:name" if _named_actor(query, k, v) else v for k, v in values.items()})
    if any(is_remote(d) for d in data):
        if len(data) != 1:
            raise NewsgraphError("a SPARQL endpoint URL must be given alone")
        remote = RemoteStore(data[0], timeout=args.timeout)
        text, subs = prepare_query(query, resolve_actor_names(query, values, partial(run_query, remote)))
        result = run_query(remote, text, substitutions=subs, limit=args.limit)
    else:
        with open_data(data) as store:
            text, subs = prepare_query(query, resolve_actor_names(query, values, partial(run_query, store.ox)))
            if args.timeout is None and args.max_memory is None:
                result = run_query(store.ox, text, substitutions=subs, limit=args.limit)
            else:
                result = _run_in_worker(store, text, subs, args)
    text = format_result(result, args.format, max_width=args.max_width, iris=args.iris)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if result.truncated:
        print(f"warning: results cut at --limit {args.limit}", file=sys.stderr)
    page = next_page(query, values, len(result.rows))
    if page is not None:
        print(f"this page is full ({query.page_size} rows): add --param page={page} for the next one",
              file=sys.stderr)
    return 0


def _named_actor(query, name: str, value: str) -> bool:
    """An ``actor`` parameter given by a name, which only the data can resolve."""
    from graph.sparql.run import is_iri_like

    return any(p.name == name and p.type == "actor" for p in query.params) and not is_iri_like(value)


def _run_in_worker(store, text: str, subs: dict, args: argparse.Namespace):
    """Run the query in one worker process (:class:`graph.sparql.pool.QueryPool`), so that
    ``--timeout`` can stop it and ``--max-memory`` caps it."""
    from graph.sparql.pool import QueryPool

    pool = QueryPool(store.path if store.path is not None else store.ox, workers=1, limit=args.limit,
                     memory_mb=args.max_memory)
    try:
        # without --timeout, a week: the query is only capped in memory
        return pool.run(text, timeout=args.timeout or 7 * 86400.0, substitutions=subs)
    finally:
        pool.close()


def serve_cli(args: argparse.Namespace) -> int:
    from graph.sparql.server import make_server
    from graph.store.local import open_data

    if not _is_loopback(args.host):
        print(f"warning: listening on {args.host}: anyone who can reach this address can query the data",
              file=sys.stderr)
    store = open_data(args.data)
    try:
        server = make_server(store, host=args.host, port=args.port, timeout=args.timeout,
                             limit=args.limit, workers=args.workers, html=args.html, log=not args.quiet,
                             allow_service=args.allow_service, worker_memory=args.worker_memory)
    except OSError as exc:
        store.close()
        raise NewsgraphError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    print(f"newsgraph SPARQL endpoint at {server.url}sparql (view: {server.url}, "
          f"queries: {server.url}queries/); Ctrl-C to stop", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopping", file=sys.stderr)
    finally:
        server.close()
        store.close()
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a number") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def add_commands(sub) -> None:
    """Add ``query`` and ``serve`` to the ``newsgraph`` subcommands."""
    from graph.sparql.formats import GRAPH_FORMATS, SOLUTION_FORMATS

    q = sub.add_parser(
        "query", help="run a SPARQL query (from the library, a file or the command line)",
        description="Run a SPARQL query on a store or on RDF files and print the results: "
                    "a readable table by default, or the standard SPARQL results in JSON, XML, CSV or TSV.",
        epilog=QUERY_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    q.add_argument("data", nargs="*", metavar="DATA",
                   help="a store folder, a build output folder, RDF files, or a SPARQL endpoint URL; "
                        "a last argument ending in .rq is the query file")
    q.add_argument("--name", "-n", metavar="NAME", help="a query of the library (see --list)")
    q.add_argument("-e", "--expression", metavar="SPARQL", help="the query text itself")
    q.add_argument("--param", "-p", action="append", metavar="NAME=VALUE",
                   help="bind a parameter of the query (repeatable)")
    q.add_argument("--format", "-f", default="table", choices=[*SOLUTION_FORMATS, *GRAPH_FORMATS],
                   help="output format (default: table; CONSTRUCT/DESCRIBE default to turtle)")
    q.add_argument("--limit", type=_positive, default=None, metavar="N", help="print at most N rows")
    q.add_argument("--max-width", type=int, default=60, metavar="N",
                   help="cut table cells longer than N characters (0: never; default 60)")
    q.add_argument("--iris", action="store_true",
                   help="in a table, keep the IRI columns that a label column names (actor beside actorLabel); "
                        "csv, tsv, json and xml always have every column")
    q.add_argument("--timeout", type=_positive_float, default=None, metavar="SECONDS",
                   help="stop the query after this many seconds (it then runs in a worker process, "
                        "which is killed); with an endpoint URL, the HTTP timeout")
    q.add_argument("--max-memory", type=_positive, default=None, metavar="MB",
                   help="stop a query that needs more memory than this (it then runs in a worker process)")
    q.add_argument("--list", action="store_true", help="list the library queries and their parameters")
    q.set_defaults(func=query_cli)

    s = sub.add_parser(
        "serve", help="serve a SPARQL 1.1 endpoint, the query library and the HTML view",
        description="Serve the data read-only over HTTP: a SPARQL 1.1 Protocol endpoint with content "
                    "negotiation, the query library and the interactive graph view.",
        epilog=SERVE_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("data", nargs="+", metavar="DATA",
                   help="a store folder, a build output folder, or RDF files")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, loopback)")
    s.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    s.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                   help="answer 503 when a query runs longer (default: 10)")
    s.add_argument("--limit", type=_positive, default=10_000, metavar="N",
                   help="return at most N rows or triples per query (default: 10000)")
    s.add_argument("--workers", type=_positive, default=4, metavar="N",
                   help="worker processes, i.e. queries evaluated at the same time (default: 4); "
                        "a query past --timeout is stopped by killing its worker")
    s.add_argument("--worker-memory", type=_positive, default=1024, metavar="MB",
                   help="memory one query worker may use (default: 1024); a query that needs more gets 503")
    s.add_argument("--allow-service", action="store_true",
                   help="allow SERVICE clauses (the server then fetches from the endpoints a query names); "
                        "refused by default")
    s.add_argument("--html", default=None, metavar="FILE",
                   help="serve this graph.html at / instead of generating the view from the data")
    s.add_argument("--quiet", action="store_true", help="do not log requests on stderr")
    s.set_defaults(func=serve_cli)
