"""Exports of the who-said-what graph: GraphML and GEXF for Gephi, CSV for spreadsheets.

:func:`gephi_graph` and :func:`claim_rows` are pure: they turn the graph of
:func:`graph.analysis.network.dataset_to_networkx` into what the formats can hold.
:func:`save_export` writes a file (through a temporary file, then a rename)
or, for the path ``-``, standard output.

* GraphML and GEXF hold the actor graph: actors, events, criticism targets and
  articles as nodes (with ``type``, ``side``, ``role``, ``weight``...), claims
  and affiliations as edges keyed by the claim IRI. Unknown values are left
  out (the formats have no null), lists are joined with ``"; "``, and the
  bounds of figures are always floats so that every attribute has one type;
  the sentence offsets are ``sentence_begin`` / ``sentence_end`` (GEXF would
  take ``end`` for a time).
* The CSV has one row per claim (:data:`CSV_COLUMNS`). A text cell that a
  spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return) gets a leading ``'``.
"""
from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

from graph.analysis.metrics import claim_edges
from graph.errors import OptionError, OutputError
from graph.files import temporary_output

#: ``--format`` values.
EXPORT_FORMATS = ("graphml", "gexf", "csv")
#: Columns of the claims CSV, in order.
CSV_COLUMNS = (
    "claim", "kind", "source", "source_type", "source_side", "target", "target_type",
    "event", "quantity", "low", "high", "approx", "figure_text", "quote", "statement", "criticized",
    "channel", "narrator", "article", "title", "outlet", "date", "url", "sentence",
    "begin", "end", "extractor", "conflicts",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FLOAT_KEYS = frozenset({"low", "high"})
#: GEXF reads ``start`` / ``end`` as time: the sentence offsets get longer names.
_EDGE_RENAMES = {"begin": "sentence_begin", "end": "sentence_end"}


def gephi_graph(g: nx.MultiDiGraph, *, include_unlinked: bool = False) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes GraphML and GEXF can hold.

    Nodes get ``weight`` = claims made + claims about them. Without
    ``include_unlinked`` the nodes with no edge (actors only mentioned) are left out.
    """
    out = nx.MultiDiGraph()
    for node, attrs in g.nodes(data=True):
        if include_unlinked or g.degree(node):
            clean = _clean(attrs)
            clean["weight"] = int(attrs.get("n_said") or 0) + int(attrs.get("n_about") or 0)
            clean.setdefault("label", str(node))
            out.add_node(str(node), **clean)
    for u, v, key, attrs in g.edges(keys=True, data=True):
        clean = _clean({_EDGE_RENAMES.get(k, k): v for k, v in attrs.items() if k != "conflicts"})
        clean["conflicts"] = len(attrs.get("conflicts") or ())
        out.add_edge(str(u), str(v), key=str(key), **clean)
    return out


def claim_rows(g: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """One dict per claim with the keys of :data:`CSV_COLUMNS` (``None`` when unknown)."""
    for u, v, attrs in claim_edges(g):
        source, target = g.nodes[u], g.nodes[v]
        kind = attrs.get("kind")
        yield {
            "claim": attrs.get("claim"),
            "kind": kind,
            "source": source.get("label"),
            "source_type": source.get("type"),
            "source_side": source.get("side"),
            "target": target.get("label"),
            "target_type": target.get("type"),
            "event": target.get("label") if target.get("type") == "event" else None,
            "quantity": attrs.get("quantity"),
            "low": attrs.get("low"),
            "high": attrs.get("high"),
            "approx": attrs.get("approx"),
            "figure_text": attrs.get("figure_text"),
            "quote": attrs.get("text") if kind == "quote" else None,
            "statement": attrs.get("text") if kind == "statement" else None,
            "criticized": attrs.get("target") if kind == "criticism" else None,
            "channel": attrs.get("channel"),
            "narrator": attrs.get("narrator"),
            "article": attrs.get("article"),
            "title": attrs.get("title"),
            "outlet": attrs.get("outlet"),
            "date": attrs.get("date"),
            "url": attrs.get("url"),
            "sentence": attrs.get("sentence"),
            "begin": attrs.get("begin"),
            "end": attrs.get("end"),
            "extractor": attrs.get("extractor"),
            "conflicts": " ".join(attrs.get("conflicts") or ()) or None,
        }


def csv_cell(value: Any) -> str:
    """A CSV cell: numbers and booleans as they are, ``None`` empty, and text
    that a spreadsheet would run as a formula prefixed with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def save_export(g: nx.MultiDiGraph, path: str | os.PathLike[str], *, fmt: str,
                include_unlinked: bool = False) -> None:
    """Write ``g`` as ``fmt`` (:data:`EXPORT_FORMATS`) to ``path`` (``-``: standard output)."""
    if fmt not in EXPORT_FORMATS:
        raise OptionError("--format", fmt, EXPORT_FORMATS)
    if fmt == "csv":
        def write(fh: IO[bytes]) -> None:
            text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
            writer = csv.writer(text)
            writer.writerow(CSV_COLUMNS)
            for row in claim_rows(g):
                writer.writerow([csv_cell(row[c]) for c in CSV_COLUMNS])
            text.flush()
            text.detach()
    else:
        graph = gephi_graph(g, include_unlinked=include_unlinked)
        writer_fn = nx.write_graphml if fmt == "graphml" else nx.write_gexf

        def write(fh: IO[bytes]) -> None:
            writer_fn(graph, fh)
    _write_binary(path, write)


# --- helpers -----------------------------------------------------------------


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            if not value:
                continue
            value = "; ".join(map(str, value))
        elif key in _FLOAT_KEYS and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = float(value)
        elif not isinstance(value, (str, int, float, bool)):
            value = str(value)
        clean[key] = value
    return clean


def _write_binary(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> None:
    if str(path) == "-":
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = temporary_output(target, prefix=f".{target.name}.")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
