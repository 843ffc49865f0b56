"""The interactive HTML view of a who-said-what graph.

:func:`render_html` turns the :class:`networkx.MultiDiGraph` of
:func:`graph.network.dataset_to_networkx` into one self-contained HTML page:
vis-network (read from the installed pyvis package, which ships it), a legend,
and a side panel that shows the claims of the clicked node or edge.

The page is generated here rather than with pyvis's template, because that
template links bootstrap from a CDN, inserts the heading as raw HTML and
switches popups to ``innerHTML`` when a title contains ``href``. Here:

* nothing is loaded from the network: every script and style is inline;
* the data travels as JSON in a ``<script type="application/json">`` block with
  ``<``, ``>`` and ``&`` escaped, so no ``</script>`` in an article can end it;
* the page script writes article strings with ``textContent`` only, vis-network
  9 shows string tooltips as plain text, and labels are drawn on a canvas;
* the title is HTML-escaped, and links are made for http(s) URLs only.
"""
from __future__ import annotations

import html
import importlib.util
import json
import math
import re
import warnings
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx

from graph.errors import OutputError

#: Above this many nodes positions come from networkx and physics is off.
LAYOUT_THRESHOLD = 300
#: Seed of the networkx layout, so a graph always renders the same way.
LAYOUT_SEED = 42

#: Colour and vis-network shape of each node type; unknown types use ``other``.
NODE_STYLES: dict[str, tuple[str, str]] = {
    "person": ("#4e79a7", "dot"),
    "organization": ("#f28e2b", "dot"),
    "group": ("#e15759", "dot"),
    "channel": ("#76b7b2", "dot"),
    "outlet": ("#59a14f", "dot"),
    "event": ("#edc948", "diamond"),
    "target": ("#b07aa1", "triangle"),
    "article": ("#9c755f", "square"),
    "other": ("#bab0ac", "dot"),
}
#: Colour and default label of each claim kind.
EDGE_STYLES: dict[str, tuple[str, str]] = {
    "figure": ("#d62728", "figure"),
    "criticism": ("#ff7f0e", "criticized"),
    "quote": ("#1f77b4", "quoted"),
}
_OTHER_EDGE = ("#999999", "claim")

_ASSETS = Path(__file__).resolve().parent / "assets"
_VIS_DIRS = ("lib/vis-9.1.2", "templates/lib/vis-9.1.2")
_MAX_LABEL = 40
_MAX_TOOLTIP = 300

#: Fields of an edge that the side panel shows.
_CLAIM_FIELDS = (
    "claim", "kind", "label", "article", "title", "outlet", "date", "url", "sentence",
    "begin", "end", "text", "target", "quantity", "low", "high", "approx", "counted",
    "figure_text", "channel", "narrator", "extractor", "conflicts",
)


def render_html(g: nx.MultiDiGraph, *, title: str) -> str:
    """One self-contained HTML page that draws ``g``; the caller writes it.

    Nodes are sized by ``n_said + n_about`` and coloured by ``type``; events are
    diamonds; every edge (claim) is labelled. Above :data:`LAYOUT_THRESHOLD`
    nodes the positions are computed with networkx and physics is off.
    """
    index = {node: i for i, node in enumerate(g.nodes)}
    positions = _layout(g) if g.number_of_nodes() > LAYOUT_THRESHOLD else None
    nodes = [_vis_node(index[node], g.nodes[node], positions.get(node) if positions else None)
             for node in g.nodes]
    edges, claims, ends = [], [], []
    parallel: dict[tuple[int, int], int] = {}
    for u, v, attrs in g.edges(data=True):
        ui, vi = index[u], index[v]
        pair = (min(ui, vi), max(ui, vi))
        rank = parallel[pair] = parallel.get(pair, -1) + 1
        edges.append(_vis_edge(len(edges), ui, vi, attrs, rank, g.nodes[u], g.nodes[v]))
        claims.append(_claim(attrs, g.nodes[u], g.nodes[v]))
        ends.append([ui, vi])

    data = {
        "nodes": nodes,
        "edges": edges,
        "claims": claims,
        "edge_ends": ends,
        "info": [_info(g.nodes[node]) for node in g.nodes],
        "options": _options(large=positions is not None),
        "legend": _legend(g),
        "kind_colors": {kind: color for kind, (color, _) in EDGE_STYLES.items()},
    }
    n_actors = sum(1 for _, t in g.nodes(data="type") if _style_key(t) not in ("event", "target", "article"))
    summary = f"{n_actors} actors · {g.number_of_edges()} claims · {g.number_of_nodes()} nodes"
    return Template(_asset("page.html")).substitute(
        title=html.escape(title),
        summary=html.escape(summary),
        vis_css=_vis_file("vis-network.css"),
        page_css=_asset("render.css"),
        vis_js=_vis_file("vis-network.min.js"),
        data=script_json(data),
        page_js=_asset("render.js"),
    )


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and the
    line separators are ``\\u`` escapes, so the data cannot close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


# --- nodes and edges ---------------------------------------------------------


def _style_key(node_type: Any) -> str:
    if node_type in NODE_STYLES:
        return node_type
    return "other"


def _weight(attrs: dict[str, Any]) -> int:
    return int(attrs.get("n_said") or 0) + int(attrs.get("n_about") or 0)


def _vis_node(i: int, attrs: dict[str, Any], pos: tuple[float, float] | None) -> dict[str, Any]:
    label = _text(attrs.get("label")) or str(i)
    color, shape = NODE_STYLES[_style_key(attrs.get("type"))]
    tooltip = "\n".join(filter(None, [
        label,
        " · ".join(filter(None, [_text(attrs.get("type")), _text(attrs.get("side")), _text(attrs.get("role"))])),
        f"{attrs.get('n_said') or 0} claims made, {attrs.get('n_about') or 0} about it",
    ]))
    node = {
        "id": i,
        "label": _shorten(label, _MAX_LABEL),
        "title": tooltip,
        "color": color,
        "shape": shape,
        "size": round(min(60.0, 8 + 6 * math.sqrt(_weight(attrs))), 1),
    }
    if pos is not None:
        node["x"], node["y"] = pos
    return node


def _vis_edge(i: int, u: int, v: int, attrs: dict[str, Any], rank: int,
              source: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    color, default_label = EDGE_STYLES.get(attrs.get("kind"), _OTHER_EDGE)
    label = _text(attrs.get("label")) or default_label
    head = f"{_text(source.get('label'))} → {_text(target.get('label'))}: {label}"
    where = " · ".join(filter(None, [_text(attrs.get(k)) for k in ("title", "outlet", "date")]))
    edge = {
        "id": i,
        "from": u,
        "to": v,
        "label": _shorten(label, _MAX_LABEL),
        "title": "\n".join(filter(None, [head, _shorten(_text(attrs.get("sentence")), _MAX_TOOLTIP), where])),
        "color": {"color": color, "highlight": color, "hover": color},
        "arrows": "to",
    }
    if rank:  # parallel claims: fan them out on alternating curves
        edge["smooth"] = {"enabled": True, "type": "curvedCW" if rank % 2 else "curvedCCW",
                          "roundness": round(0.15 * ((rank + 1) // 2), 2)}
    return edge


def _claim(attrs: dict[str, Any], source: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
    claim = {key: _plain(attrs.get(key)) for key in _CLAIM_FIELDS}
    claim["label"] = claim["label"] or EDGE_STYLES.get(attrs.get("kind"), _OTHER_EDGE)[1]
    if not _text(claim["url"]).lower().startswith(("http://", "https://")):
        claim["url"] = None  # no javascript: or data: links (the page checks again)
    claim["source"] = _text(source.get("label"))
    claim["target_label"] = _text(target.get("label"))
    return claim


def _info(attrs: dict[str, Any]) -> dict[str, Any]:
    keys = ("label", "type", "side", "role", "n_said", "n_about", "aliases")
    return {key: _plain(attrs.get(key)) for key in keys}


def _legend(g: nx.MultiDiGraph) -> dict[str, list[dict[str, str]]]:
    node_types = {_style_key(t) for _, t in g.nodes(data="type")}
    kinds = {k for _, _, k in g.edges(data="kind")}
    return {
        "nodes": [{"label": t, "color": c, "shape": s}
                  for t, (c, s) in NODE_STYLES.items() if t in node_types],
        "edges": [{"label": k, "color": c} for k, (c, _) in EDGE_STYLES.items() if k in kinds],
    }


def _options(*, large: bool) -> dict[str, Any]:
    options: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
        "nodes": {"font": {"size": 14}, "borderWidth": 1},
        "edges": {
            "font": {"size": 10, "align": "middle", "color": "#444"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "smooth": {"enabled": True, "type": "continuous"},
        },
    }
    if large:
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
        options["edges"]["smooth"] = {"enabled": False}
        options["interaction"]["hideEdgesOnDrag"] = True
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 300},
        }
    return options


def _layout(g: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Positions in pixels: each connected part laid out on its own with a seeded
    spring layout (same graph, same picture), the parts packed in rows, largest first."""
    simple = nx.Graph(g)
    parts = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                   key=lambda c: (-len(c), str(c[0])))
    placed: dict[Any, tuple[float, float]] = {}
    row_width = 2 * _part_radius(sum(len(c) for c in parts))
    x = y = row_height = 0.0
    for part in parts:
        radius = _part_radius(len(part))
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in _part_layout(simple.subgraph(part), radius).items():
            placed[node] = (round(x + radius + px, 1), round(y + radius + py, 1))
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return placed


def _has_scipy() -> bool:
    return importlib.util.find_spec("scipy") is not None


def _part_radius(n: int) -> float:
    return 30.0 + 45.0 * math.sqrt(n)


def _part_layout(part: nx.Graph, radius: float) -> dict[Any, tuple[float, float]]:
    """Positions of one connected part within ``radius`` of (0, 0)."""
    if len(part) == 1:
        return {next(iter(part)): (0.0, 0.0)}
    if len(part) >= 500 and not _has_scipy():
        # networkx's spring layout needs scipy from 500 nodes on: rings by degree instead
        warnings.warn("install scipy for a force-directed layout of large graphs", stacklevel=3)
        by_degree = sorted(part, key=lambda n: (-part.degree(n), str(n)))
        shells, size = [], 1
        while by_degree:
            shells.append(by_degree[:size])
            by_degree, size = by_degree[size:], size * 3
        raw = nx.shell_layout(part, nlist=shells, scale=radius)
    else:
        raw = nx.spring_layout(part, seed=LAYOUT_SEED, scale=radius)
    return {node: (float(px), float(py)) for node, (px, py) in raw.items()}


# --- values and assets -------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain(value: Any) -> Any:
    """A JSON-ready value: finite numbers, strings, booleans, lists, ``None``."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return str(value)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _vis_file(name: str) -> str:
    """A vis-network file from the installed pyvis package, safe to inline."""
    spec = importlib.util.find_spec("pyvis")
    roots = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    for root in roots:
        for folder in _VIS_DIRS:
            path = root / folder / name
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.MULTILINE)
                # inline code must not close its own element
                return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)
    raise OutputError(
        f"cannot render HTML: {name} of vis-network 9.1.2 not found in the pyvis "
        "package (install pyvis==0.3.2)"
    )
