"""``newsgraph stats`` and ``newsgraph export``: thin wrappers around
:mod:`graph.analysis.metrics` and :mod:`graph.analysis.export`.

Both read ``STORE | FILE...``: a store folder (``build --store``), a build
output folder, or RDF files with named graphs (``.trig``, ``.nq``,
``.jsonld``), through :func:`graph.store.local.open_data`.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

import networkx as nx

from graph.errors import InputError

_INPUT_HELP = ("a store folder (build --store), a build output folder, or RDF files "
               "with one named graph per article (.trig, .nq, .jsonld)")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add ``stats`` and ``export`` to the ``newsgraph`` subcommands."""
    from graph.analysis.export import EXPORT_FORMATS

    s = sub.add_parser(
        "stats", help="centrality, communities, most criticized and cited, figure spread",
        description="Analyse the who-said-what graph with networkx: degree and betweenness "
                    "centrality, communities, the most criticized actors, the most cited "
                    "sources, and the spread of figures per event.")
    s.add_argument("inputs", nargs="+", metavar="STORE|FILE", help=_INPUT_HELP)
    s.add_argument("--json", action="store_true", help="print the whole result as JSON")
    s.add_argument("--top", type=_positive_int, default=10, metavar="N", help="rows per table (default 10)")
    s.set_defaults(func=stats_cli)

    e = sub.add_parser(
        "export", help="the actor graph as GraphML or GEXF (Gephi), the claims as CSV",
        description="Export the actor graph (actors, events and targets as nodes, claims as "
                    "edges) as GraphML or GEXF for Gephi, or the claims as CSV, one per row.")
    e.add_argument("inputs", nargs="+", metavar="STORE|FILE", help=_INPUT_HELP)
    e.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="output format")
    e.add_argument("--out", required=True, metavar="PATH", help="output file ('-' for standard output)")
    e.add_argument("--include-unlinked", action="store_true",
                   help="graphml/gexf: also the actors that are only mentioned (no claim)")
    e.set_defaults(func=export_cli)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def read_graph(inputs: Sequence[str]) -> nx.MultiDiGraph:
    """The who-said-what graph of a store, a build folder or RDF files."""
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    from graph.analysis.network import dataset_to_networkx
    from graph.store.local import open_data

    with open_data(list(inputs)) as store:
        if not store.named_graphs() and len(store):
            raise InputError(", ".join(inputs), "no named graphs (a .ttl build merges the article "
                                                "graphs away); use graph.trig or graph.nq")
        return dataset_to_networkx(Dataset(store=OxigraphStore(store=store.ox)))


def stats_cli(args: argparse.Namespace) -> int:
    from graph.analysis.metrics import graph_stats

    stats = graph_stats(read_graph(args.inputs), top=args.top)
    if args.json:
        print(json.dumps(stats, indent=1, ensure_ascii=False))
    else:
        print(format_stats(stats))
    return 0


def export_cli(args: argparse.Namespace) -> int:
    from graph.analysis.export import save_export

    g = read_graph(args.inputs)
    save_export(g, args.out, fmt=args.format, include_unlinked=args.include_unlinked)
    if args.out != "-":
        n = sum(1 for *_, k in g.edges(data="kind") if k != "affiliation")
        print(f"wrote {args.out} ({args.format}; {n} claims)", file=sys.stderr)
    return 0


# --- formatting ------------------------------------------------------------------


def format_stats(stats: dict[str, Any]) -> str:
    """The result of :func:`graph.analysis.graph_stats` as plain-text tables."""
    s = stats["summary"]
    kinds = ", ".join(f"{k} {n}" for k, n in s["claims_by_kind"].items())
    lines = [
        f"graph: {s['nodes']} nodes; {s['actors']} actors ({s['actors_with_claims']} with claims); "
        f"{s['events']} events; {s['claims']} claims ({kinds}); {s['articles']} articles; "
        f"{s['outlets']} outlets",
    ]
    estimated = any(r["estimated"] for r in stats["centrality"])
    lines += _section("Most central actors" + (" (betweenness estimated)" if estimated else ""),
                      stats["centrality"],
                      [("actor", "label"), ("type", "type"), ("side", "side"), ("degree", "degree"),
                       ("degree c.", "degree_centrality"), ("betweenness", "betweenness")])
    lines += ["", "Communities"]
    lines += [f"  {c['id'] + 1}. {_count(c['size'], 'node')} ({_count(c['actors'], 'actor')}): "
              f"{', '.join(c['top'])}"
              for c in stats["communities"]] or ["  (none)"]
    lines += _section("Most criticized", stats["most_criticized"],
                      [("criticized", "label"), ("type", "type"), ("criticisms", "criticisms"),
                       ("critics", "critics"), ("articles", "articles"), ("by", "by")])
    lines += _section("Most cited sources", stats["most_cited_sources"],
                      [("source", "label"), ("type", "type"), ("side", "side"), ("claims", "claims"),
                       ("figure", "figure"), ("criticism", "criticism"), ("quote", "quote"),
                       ("statement", "statement"), ("articles", "articles"), ("outlets", "outlets")])
    lines += ["", "Spread of figures per event"]
    for group in stats["figure_spread"]:
        about = "" if group["about"] == "event" else " (no event)"
        bounds = _bounds(group["low"], group["high"])
        spread = f", highest/lowest {group['spread']:g}" if group["spread"] not in (None, 1) else ""
        lines.append(f"  {group['label']}{about}, {group['quantity']}: {bounds}{spread}; "
                     f"{_count(len(group['values']), 'figure')} from {_count(group['sources'], 'source')}, "
                     f"{_count(group['conflicts'], 'conflicting pair')}")
        lines += [f"      {value}" for value in group["values"]]
    if not stats["figure_spread"]:
        lines.append("  (none)")
    return "\n".join(lines)


def _section(title: str, rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> list[str]:
    lines = ["", title]
    if not rows:
        return lines + ["  (none)"]
    cells = [[_cell(row.get(key)) for _, key in columns] for row in rows]
    widths = [max(len(head), *(len(r[i]) for r in cells)) for i, (head, _) in enumerate(columns)]
    numeric = [all(isinstance(row.get(key), (int, float)) for row in rows) for _, key in columns]

    def fmt(values: list[str]) -> str:
        return "  " + "  ".join(v.rjust(w) if num else v.ljust(w)
                                for v, w, num in zip(values, widths, numeric)).rstrip()

    lines.append(fmt([head for head, _ in columns]))
    lines += [fmt(r) for r in cells]
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _cell(value: Any, limit: int = 40) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    if isinstance(value, float):
        value = f"{value:.3f}"
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bounds(low: float | None, high: float | None) -> str:
    def num(v: float) -> str:
        return f"{v:g}"
    if low is None and high is None:
        return "no numbers"
    if low == high or high is None:
        return num(low)
    if low is None:
        return num(high)
    return f"{num(low)}–{num(high)}"
