"""``newsgraph actors`` and ``newsgraph merges``: the review loop of actor merging.

``actors`` lists every actor with its type, sides, other names, the articles that
mention it, the claims it is the source of and the merges that went into it (with
``--unresolved``, the unresolved mentions of each article too);
``merges`` lists every merge of actors with its reason and score. Both read ``STORE |
FILE...`` (:func:`graph.store.local.open_data`) and print a table, CSV, TSV or JSON, so
that an analyst can write an alias file from what they show.
"""
from __future__ import annotations

import argparse
import sys

_INPUT_HELP = "a store folder (build --store), a build output folder, or RDF files (.trig, .nq, .jsonld)"
_FORMATS = ("table", "csv", "tsv", "json")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``actors`` and ``merges`` to the ``newsgraph`` subcommands."""
    for name, query, summary in (
            ("actors", "_actors", "every actor with its type, sides, other names, articles, claims and merges"),
            ("merges", "_merges", "every merge of actors with the name merged, the actor, the reason and score")):
        p = sub.add_parser(name, help=summary, description=f"List {summary}, to review them and write an "
                                                            "alias file (build --aliases) where they are wrong.")
        p.add_argument("inputs", nargs="+", metavar="STORE|FILE", help=_INPUT_HELP)
        p.add_argument("--format", "-f", default="table", choices=_FORMATS, help="output format (default: table)")
        if name == "actors":
            p.add_argument("--unresolved", action="store_true",
                           help="also list the unresolved mentions (sources an article names no body or country "
                                "for, such as 'officials'), one per article, marked unresolved=true")
        p.set_defaults(func=review_cli, query=query)


def review_cli(args: argparse.Namespace) -> int:
    from graph.sparql.formats import format_result
    from graph.sparql.library import load_query
    from graph.sparql.run import run_query
    from graph.store.local import open_data

    with open_data(list(args.inputs)) as store:
        result = run_query(store.ox, load_query(args.query))
    if "unresolved" in result.variables:
        col = result.variables.index("unresolved")
        if not getattr(args, "unresolved", False):
            result.rows = [row for row in result.rows if row[col] is None or row[col].value != "true"]
            result.variables = result.variables[:col] + result.variables[col + 1:]
            result.rows = [row[:col] + row[col + 1:] for row in result.rows]
    text = format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
