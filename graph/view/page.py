"""The interactive HTML view of a who-said-what graph.

:func:`render_html` turns the :class:`networkx.MultiDiGraph` of
:func:`graph.analysis.network.dataset_to_networkx` into one self-contained HTML page:
vis-network (read from the installed pyvis package, which ships it), filters
(claim kind, outlet, article, side), an actor search, a legend, a side panel
that shows the claims of the clicked node or edge with the sentence
highlighted, and the figures board (:mod:`graph.view.board`).

The page is generated here rather than with pyvis's template, because that
template links bootstrap from a CDN, inserts the heading as raw HTML and
switches popups to ``innerHTML`` when a title contains ``href``. Here:

* nothing is loaded from the network: every script and style is inline;
* the data travels as JSON in a ``<script type="application/json">`` block with
  ``<``, ``>`` and ``&`` escaped, so no ``</script>`` in an article can end it;
* the page script writes article strings with ``textContent`` only, vis-network
  9 shows string tooltips as plain text (``innerText``), and labels are drawn
  on a canvas;
* the figures board and the title are HTML-escaped here, and links are made
  for http(s) URLs only.

Actors with no claim and no affiliation (mentioned only) are hidden until the
reader ticks "actors without claims". Above :data:`LAYOUT_THRESHOLD` nodes the
positions come from networkx and physics is off, so large graphs open at once.
"""
from __future__ import annotations

import html
import importlib.util
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx

from graph import resources
from graph.analysis.metrics import is_actor
from graph.analysis.network import AFFILIATION
from graph.errors import OutputError
from graph.view.board import board_html
from graph.view.board import side_colors as color_sides
from graph.view.layout import layout

#: Above this many nodes positions come from networkx and physics is off.
LAYOUT_THRESHOLD = 300
#: Fill colour and vis-network shape of each node type; unknown types use ``other``.
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
#: Colour and default label of each edge kind.
EDGE_STYLES: dict[str, tuple[str, str]] = {
    "figure": ("#d62728", "figure"),
    "criticism": ("#ff7f0e", "criticized"),
    "quote": ("#1f77b4", "quoted"),
    "statement": ("#2ca02c", "said"),
    AFFILIATION: ("#7f7f7f", "affiliated with"),
}
#: What the kind filter calls each edge kind.
KIND_NAMES = {"figure": "reported figure", "criticism": "criticized", "quote": "quoted",
              "statement": "said (reported speech)", AFFILIATION: "affiliated with"}
#: The ring of a node with no side (sides get theirs from graph.view.board.side_colors).
_NO_SIDE_BORDER = "#666666"
_OTHER_EDGE = ("#999999", "claim")

_VIS_DIRS = ("lib/vis-9.1.2", "templates/lib/vis-9.1.2")
_MAX_LABEL = 40
_MAX_TOOLTIP = 300

#: Fields of a claim that the side panel shows (the article's are in ``articles``).
_CLAIM_FIELDS = (
    "claim", "kind", "label", "sentence", "begin", "end", "text", "target", "quantity",
    "low", "high", "approx", "counted", "figure_text", "channel", "narrator", "extractor",
    "cue", "polarity", "hedged", "reported_by", "scope",
)
#: Links of a figure to others of its source's timeline, given as edge numbers like ``conflicts``.
_LINK_FIELDS = ("conflicts", "updates", "updated_by", "repeats", "repeated_by")
_INFO_FIELDS = ("label", "type", "side", "role", "affiliation", "n_said", "n_about", "aliases",
                "place", "country", "start_date", "end_date", "dated_by", "time", "weapon", "url")


def render_html(g: nx.MultiDiGraph, *, title: str, board: bool = True) -> str:
    """One self-contained HTML page that draws ``g``; the caller writes it.

    Nodes are sized by ``n_said + n_about``, filled by ``type`` and ringed by
    ``side``; events are diamonds; every edge (claim) is labelled. With
    ``board`` the page has a second tab with the figures board
    (:func:`graph.view.board.board_html`, whose rows open their claim).
    """
    return Template(_asset("page.html")).substitute(**page_parts(g, title=title, board=board))


def page_parts(g: nx.MultiDiGraph, *, title: str, board: bool = True) -> dict[str, str]:
    """The pieces :func:`render_html` puts in ``assets/page.html``; ``data`` is
    the JSON the page script reads (see :func:`page_data`)."""
    edge_ids = _edge_ids(g)
    data = page_data(g, edge_ids)
    n_actors = sum(1 for _, attrs in g.nodes(data=True) if is_actor(attrs))
    n_claims = sum(1 for c in data["claims"] if c["kind"] != AFFILIATION)
    summary = f"{n_actors} actors · {n_claims} claims · {g.number_of_nodes()} nodes"
    return {
        "title": html.escape(title),
        "summary": html.escape(summary),
        "vis_css": _vis_file("vis-network.css"),
        "page_css": _asset("render.css") + _asset("board.css"),
        "vis_js": _vis_file("vis-network.min.js"),
        "board_hidden": "" if board else " hidden",
        "board": board_html(g, edge_ids) if board else "",
        "data": script_json(data),
        "page_js": _asset("render.js"),
    }


def page_data(g: nx.MultiDiGraph, edge_ids: dict[str, int]) -> dict[str, Any]:
    """What the page script gets: vis-network nodes and edges, one claim per
    edge (same index), the articles, node details, options, legend and
    filters. Nodes and edges are numbered in ``g``'s order; ``edge_ids`` maps each claim
    IRI to its edge's number (the figures board uses the same)."""
    index = {node: i for i, node in enumerate(g.nodes)}
    large = g.number_of_nodes() > LAYOUT_THRESHOLD
    positions = layout(g) if large else {}
    side_colors = color_sides(str(s) for _, s in g.nodes(data="side") if s)
    groups: dict[tuple[str, str], str] = {}
    nodes = [_vis_node(index[node], g.nodes[node], groups, positions.get(node)) for node in g.nodes]
    articles: dict[str, int] = {}
    article_rows: list[dict[str, Any]] = []
    edges, claims, ends = [], [], []
    parallel: dict[tuple[int, int], int] = {}
    for u, v, attrs in g.edges(data=True):
        ui, vi = index[u], index[v]
        pair = (min(ui, vi), max(ui, vi))
        rank = parallel[pair] = parallel.get(pair, -1) + 1
        edges.append(_vis_edge(len(edges), ui, vi, attrs, rank, g.nodes[u], g.nodes[v], compact=large))
        claims.append(_claim(attrs, g.nodes[u], _article_index(attrs, articles, article_rows), edge_ids))
        ends.append([ui, vi])
    options = _options(large=large)
    options["groups"] = {name: _group_style(key, side_colors) for key, name in groups.items()}
    return {
        "nodes": nodes,
        "edges": edges,
        "claims": claims,
        "articles": article_rows,
        "edge_ends": ends,
        "info": [_info(g, node) for node in g.nodes],
        "options": options,
        "large": large,
        "legend": _legend(g, side_colors),
        "filters": _filters(claims, article_rows, sorted(side_colors)),
        "kind_colors": {kind: color for kind, (color, _) in EDGE_STYLES.items()},
    }


def _edge_ids(g: nx.MultiDiGraph) -> dict[str, int]:
    """Claim IRI → the page's number of its edge."""
    return {attrs["claim"]: i for i, (*_, attrs) in enumerate(g.edges(data=True)) if attrs.get("claim")}


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and the
    line separators are ``\\u`` escapes, so the data cannot close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def highlight_ranges(sentence: str | None, parts: dict[str, str | None]) -> list[list[Any]]:
    """``[begin, end, name]`` of the first case-insensitive occurrence of each
    part in ``sentence``, sorted and not overlapping (earlier parts win)."""
    if not sentence:
        return []
    ranges: list[list[Any]] = []
    for name, part in parts.items():
        part = (part or "").strip()
        start = _find(sentence, part) if part else -1
        if start < 0:
            continue
        end = start + len(part)
        if all(end <= b or start >= e for b, e, _ in ranges):
            ranges.append([start, end, name])
    return sorted(ranges)


def _find(text: str, part: str) -> int:
    """Where ``part`` first occurs in ``text``, ignoring case when that keeps offsets."""
    folded, needle = text.casefold(), part.casefold()
    if len(folded) == len(text) and len(needle) == len(part):
        return folded.find(needle)
    return text.find(part)


# --- nodes and edges ---------------------------------------------------------


def _style_key(node_type: Any) -> str:
    if node_type in NODE_STYLES:
        return node_type
    return "other"


def _weight(attrs: dict[str, Any]) -> int:
    return int(attrs.get("n_said") or 0) + int(attrs.get("n_about") or 0)


def _vis_node(i: int, attrs: dict[str, Any], groups: dict[tuple[str, str], str],
              pos: tuple[float, float] | None) -> dict[str, Any]:
    """A vis-network node; its colours and shape come from a group per (type, side)."""
    label = _text(attrs.get("label")) or str(i)
    side = _text(attrs.get("side"))
    key = (_style_key(attrs.get("type")), side)
    group = groups.setdefault(key, f"g{len(groups)}")
    tooltip = "\n".join(filter(None, [
        label,
        " · ".join(filter(None, [_text(attrs.get("type")), side, _text(attrs.get("role"))])),
        f"{attrs.get('n_said') or 0} claims made, {attrs.get('n_about') or 0} about it",
    ]))
    node = {
        "id": i,
        "label": _shorten(label, _MAX_LABEL),
        "title": tooltip,
        "group": group,
        "size": round(min(60.0, 8 + 6 * math.sqrt(_weight(attrs))), 1),
    }
    if pos is not None:
        node["x"], node["y"] = pos
    return node


def _group_style(key: tuple[str, str], side_colors: dict[str, str]) -> dict[str, Any]:
    """Fill by node type, ring by side (a thick ring in the side's colour)."""
    node_type, side = key
    fill, shape = NODE_STYLES[node_type]
    ring = side_colors.get(side, _NO_SIDE_BORDER)
    return {
        "shape": shape,
        "borderWidth": 4 if side else 1,
        "color": {"background": fill, "border": ring,
                  "highlight": {"background": fill, "border": "#000000"},
                  "hover": {"background": fill, "border": "#000000"}},
    }


def _vis_edge(i: int, u: int, v: int, attrs: dict[str, Any], rank: int,
              source: dict[str, Any], target: dict[str, Any], *, compact: bool = False) -> dict[str, Any]:
    """A vis-network edge; ``compact`` (large graphs) leaves the sentence out of
    the tooltip (the panel shows it) and gives the colour as one string."""
    color, default_label = EDGE_STYLES.get(attrs.get("kind"), _OTHER_EDGE)
    label = _text(attrs.get("label")) or default_label
    head = f"{_text(source.get('label'))} → {_text(target.get('label'))}: {label}"
    if compact:
        tooltip = head
    else:
        where = " · ".join(filter(None, [_text(attrs.get(k)) for k in ("title", "outlet", "date")]))
        tooltip = "\n".join(filter(None, [head, _shorten(_text(attrs.get("sentence")), _MAX_TOOLTIP), where]))
    edge = {
        "id": i,
        "from": u,
        "to": v,
        "label": _shorten(label, _MAX_LABEL),
        "title": tooltip,
        "color": color if compact else {"color": color, "highlight": color, "hover": color},
    }
    if attrs.get("kind") == AFFILIATION:
        edge["dashes"] = True
    if rank:  # parallel claims: fan them out on alternating curves
        edge["smooth"] = {"enabled": True, "type": "curvedCW" if rank % 2 else "curvedCCW",
                          "roundness": round(0.15 * ((rank + 1) // 2), 2)}
    return edge


def _article_index(attrs: dict[str, Any], seen: dict[str, int], rows: list[dict[str, Any]]) -> int | None:
    """The number of the claim's article in ``rows``, added when new."""
    article = attrs.get("article")
    if article is None:
        return None
    if article not in seen:
        seen[article] = len(rows)
        url = _text(attrs.get("url"))
        rows.append(_compact({
            "id": _plain(article), "title": _plain(attrs.get("title")), "outlet": _plain(attrs.get("outlet")),
            "date": _plain(attrs.get("date")),
            # no javascript: or data: links (the page checks again)
            "url": url if url.lower().startswith(("http://", "https://")) else None,
        }))
    return seen[article]


def _claim(attrs: dict[str, Any], source: dict[str, Any], article: int | None,
           edge_ids: dict[str, int]) -> dict[str, Any]:
    """The panel's record of one edge; unknown fields are left out."""
    claim = {key: _plain(attrs.get(key)) for key in _CLAIM_FIELDS}
    claim["kind"] = claim["kind"] or "claim"
    claim["label"] = claim["label"] or EDGE_STYLES.get(attrs.get("kind"), _OTHER_EDGE)[1]
    claim["a"] = article
    for key in _LINK_FIELDS:
        claim[key] = sorted(edge_ids[c] for c in attrs.get(key) or () if c in edge_ids)
    payload = {"figure": attrs.get("figure_text"), "quote": attrs.get("text"),
               "statement": attrs.get("text"), "criticism": attrs.get("target")}.get(attrs.get("kind"))
    claim["marks"] = highlight_ranges(_text(attrs.get("sentence")),
                                      {"claim": payload, "source": source.get("label")})
    return _compact(claim)


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v is not False and v != [] and v != ""}


def _info(g: nx.MultiDiGraph, node: Any) -> dict[str, Any]:
    attrs = g.nodes[node]
    info = {key: _plain(attrs.get(key)) for key in _INFO_FIELDS}
    if not _text(info["url"]).lower().startswith(("http://", "https://")):
        info["url"] = None
    info["linked"] = g.degree(node) > 0
    return _compact(info)


def _filters(claims: list[dict[str, Any]], articles: list[dict[str, Any]], sides: list[str]) -> dict[str, Any]:
    kinds = {c["kind"] for c in claims}
    names = []
    for i, a in enumerate(articles):
        name = a.get("title") or a["id"]
        names.append([i, f"{name} ({a['outlet']})" if a.get("outlet") else name])
    return {
        "kinds": [{"kind": k, "label": KIND_NAMES[k], "color": EDGE_STYLES[k][0]}
                  for k in EDGE_STYLES if k in kinds],
        "outlets": sorted({a["outlet"] for a in articles if a.get("outlet")}, key=str.casefold),
        "articles": sorted(names, key=lambda x: x[1].casefold()),
        "sides": sides,
    }


def _legend(g: nx.MultiDiGraph, side_colors: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    node_types = {_style_key(t) for _, t in g.nodes(data="type")}
    kinds = {k for _, _, k in g.edges(data="kind")}
    return {
        "nodes": [{"label": t, "color": c, "shape": s}
                  for t, (c, s) in NODE_STYLES.items() if t in node_types],
        "sides": [{"label": side, "color": color} for side, color in side_colors.items()],
        "edges": [{"label": KIND_NAMES[k], "color": c} for k, (c, _) in EDGE_STYLES.items() if k in kinds],
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
        options["interaction"]["hideEdgesOnZoom"] = True
    else:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 300},
        }
    return options


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
    return resources.asset_text(name)


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
