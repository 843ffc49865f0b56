"""The interactive HTML view of a who-said-what graph.

:func:`render_html` turns the :class:`networkx.MultiDiGraph` of
:func:`graph.analysis.network.dataset_to_networkx` into one self-contained HTML page:
vis-network (read from the installed pyvis package, which ships it), filters
(claim kind, outlet, article, side), an actor search, a legend, a side panel
that shows the claims of the clicked node or edge with the sentence
highlighted, and the figures board (:func:`render_figures_board`).

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
import warnings
from functools import lru_cache
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx

from graph import resources
from graph.analysis.metrics import figures_by_event, is_actor
from graph.errors import OutputError
from graph.analysis.network import AFFILIATION

#: Above this many nodes positions come from networkx and physics is off.
LAYOUT_THRESHOLD = 300
#: Seed of the layouts, so a graph always renders the same way.
LAYOUT_SEED = 42
#: Connected parts of this many nodes or more get :func:`grid_spring_layout`.
GRID_LAYOUT_FROM = 500

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
    AFFILIATION: ("#7f7f7f", "affiliated with"),
}
#: What the kind filter calls each edge kind.
KIND_NAMES = {"figure": "reported figure", "criticism": "criticized", "quote": "quoted or said",
              AFFILIATION: "affiliated with"}
#: Ring colours of the sides, given to the sides in sorted order (then repeated).
SIDE_PALETTE = ("#1f3a93", "#b30000", "#006d2c", "#6a3d9a", "#b15928", "#01665e", "#8c510a", "#c51b7d")
_NO_SIDE_BORDER = "#666666"
_OTHER_EDGE = ("#999999", "claim")

_VIS_DIRS = ("lib/vis-9.1.2", "templates/lib/vis-9.1.2")
_MAX_LABEL = 40
_MAX_TOOLTIP = 300

#: Fields of a claim that the side panel shows (the article's are in ``articles``).
_CLAIM_FIELDS = (
    "claim", "kind", "label", "sentence", "begin", "end", "text", "target", "quantity",
    "low", "high", "approx", "counted", "figure_text", "channel", "narrator", "extractor",
)
_INFO_FIELDS = ("label", "type", "side", "role", "affiliation", "n_said", "n_about", "aliases",
                "place", "time", "weapon", "url")


def render_html(g: nx.MultiDiGraph, *, title: str, board: bool = True) -> str:
    """One self-contained HTML page that draws ``g``; the caller writes it.

    Nodes are sized by ``n_said + n_about``, filled by ``type`` and ringed by
    ``side``; events are diamonds; every edge (claim) is labelled. With
    ``board`` the page has a second tab with the figures board, which the page
    builds when it is first opened.
    """
    return Template(_asset("page.html")).substitute(**page_parts(g, title=title, board=board))


def page_parts(g: nx.MultiDiGraph, *, title: str, board: bool = True) -> dict[str, str]:
    """The pieces :func:`render_html` puts in ``assets/page.html``; ``data`` is
    the JSON the page script reads (see :func:`page_data`)."""
    data = page_data(g, board=board)
    n_actors = sum(1 for _, attrs in g.nodes(data=True) if is_actor(attrs))
    n_claims = sum(1 for c in data["claims"] if c["kind"] != AFFILIATION)
    summary = f"{n_actors} actors · {n_claims} claims · {g.number_of_nodes()} nodes"
    return {
        "title": html.escape(title),
        "summary": html.escape(summary),
        "vis_css": _vis_file("vis-network.css"),
        "page_css": _asset("render.css"),
        "vis_js": _vis_file("vis-network.min.js"),
        "board_hidden": "" if board else " hidden",
        "data": script_json(data),
        "page_js": _asset("render.js"),
    }


def page_data(g: nx.MultiDiGraph, *, board: bool = True) -> dict[str, Any]:
    """What the page script gets: vis-network nodes and edges, one claim per
    edge (same index), the articles, node details, options, legend, filters and
    the figures board. Nodes and edges are numbered in ``g``'s order."""
    index = {node: i for i, node in enumerate(g.nodes)}
    large = g.number_of_nodes() > LAYOUT_THRESHOLD
    positions = _layout(g) if large else {}
    sides = sorted({str(s) for _, s in g.nodes(data="side") if s})
    side_colors = {side: SIDE_PALETTE[i % len(SIDE_PALETTE)] for i, side in enumerate(sides)}
    groups: dict[tuple[str, str], str] = {}
    nodes = [_vis_node(index[node], g.nodes[node], groups, positions.get(node)) for node in g.nodes]
    articles: dict[str, int] = {}
    article_rows: list[dict[str, Any]] = []
    edge_ids = {attrs["claim"]: i for i, (*_, attrs) in enumerate(g.edges(data=True)) if attrs.get("claim")}
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
        "filters": _filters(claims, article_rows, sides),
        "kind_colors": {kind: color for kind, (color, _) in EDGE_STYLES.items()},
        "side_colors": side_colors,
        "board": [_board_entry(group, edge_ids) for group in figures_by_event(g)] if board else [],
    }


def render_figures_board(g: nx.MultiDiGraph) -> str:
    """The figures board as a static HTML fragment (e.g. for a notebook:
    ``IPython.display.HTML``): for each event and quantity kind, every source's
    figure side by side, as a chart of range bars and a table. Every string is
    HTML-escaped. (The page builds the same board in the browser.)
    """
    groups = figures_by_event(g)
    sides = sorted({str(s) for _, s in g.nodes(data="side") if s})
    side_colors = {side: SIDE_PALETTE[i % len(SIDE_PALETTE)] for i, side in enumerate(sides)}
    parts = ['<div class="ng-board">', f"<style>{_BOARD_CSS}</style>"]
    if not groups:
        parts.append('<p class="ng-hint">No figures.</p>')
    for group in groups:
        parts.append(_board_group(group, side_colors))
    parts.append("</div>")
    return "\n".join(parts)


def board_title(group: dict[str, Any]) -> str:
    """The heading of a group of the figures board."""
    about = " (no event)" if group["about"] == "article" else ""
    return f"{group['label']}{about} — {group['quantity']}"


def board_meta(group: dict[str, Any]) -> str:
    """The line under a group's heading: place, time, weapon, counts, spread, conflicts."""
    n_figures, n_sources = len(group["figures"]), group["sources"]
    meta = [group.get("place"), group.get("time"), group.get("weapon"),
            f"{n_figures} figure{'s' * (n_figures != 1)} from {n_sources} source{'s' * (n_sources != 1)}"]
    if group["spread"] is not None and group["spread"] != 1:
        meta.append(f"highest ÷ lowest = {_number(group['spread'])}")
    if group["conflicts"]:
        meta.append(f"{group['conflicts']} conflicting pair{'s' * (group['conflicts'] != 1)}")
    return " · ".join(str(m) for m in meta if m)


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
    claim["conflicts"] = sorted(edge_ids[c] for c in attrs.get("conflicts") or () if c in edge_ids)
    payload = {"figure": attrs.get("figure_text"), "quote": attrs.get("text"),
               "criticism": attrs.get("target")}.get(attrs.get("kind"))
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


def _board_entry(group: dict[str, Any], edge_ids: dict[str, int]) -> dict[str, Any]:
    """One group of the figures board for the page: texts, axis and edge numbers."""
    bounds = [b for f in group["figures"] for b in (f["low"], f["high"]) if b is not None]
    return {
        "title": board_title(group),
        "meta": board_meta(group),
        "top": _axis_top(bounds),
        "edges": [edge_ids[f["claim"]] for f in group["figures"] if f["claim"] in edge_ids],
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


# --- the figures board -------------------------------------------------------

_BOARD_CSS = (
    ".ng-board{font:13px system-ui,sans-serif;color:#222}"
    ".ng-board-group{margin:0 0 22px}"
    ".ng-board-group h3{font-size:15px;margin:0 0 2px}"
    ".ng-board .ng-meta{color:#555;margin:0 0 6px}"
    ".ng-board-table{border-collapse:collapse;margin-top:4px}"
    ".ng-board-table th,.ng-board-table td{border-bottom:1px solid #e3e3e3;padding:2px 8px;text-align:left}"
    ".ng-board-table td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".ng-board-table tr[data-edge]{cursor:pointer}"
    ".ng-board-table tr[data-edge]:hover{background:#f3f6fb}"
    ".ng-bars text{font:11px system-ui,sans-serif;fill:#333}"
    ".ng-bars .axis{stroke:#999;stroke-width:1}"
    ".ng-bars .grid{stroke:#eee;stroke-width:1}"
    ".ng-bars .approx{stroke-dasharray:3 2;stroke:#000;stroke-width:1}"
    ".ng-bars .open{opacity:.45}"
)
_CHART_WIDTH, _CHART_LABEL, _CHART_RIGHT, _ROW = 640, 190, 20, 18


def _board_group(group: dict[str, Any], side_colors: dict[str, str]) -> str:
    esc = _esc
    rows = []
    for fig in group["figures"]:
        article = esc(fig["title"] or fig["article"])
        if fig["url"] and str(fig["url"]).lower().startswith(("http://", "https://")):
            article = (f'<a href="{esc(fig["url"])}" target="_blank" rel="noopener noreferrer">'
                       f"{article}</a>")
        rows.append(
            f"<tr><td>{esc(fig['source_label'])}</td><td>{esc(fig['side'])}</td>"
            f"<td>{esc(fig['label'])}</td><td class=\"num\">{esc(_number(fig['low']))}</td>"
            f"<td class=\"num\">{esc(_number(fig['high']))}</td><td>{esc(fig['outlet'])}</td>"
            f"<td>{article}</td><td>{esc(fig['date'])}</td></tr>"
        )
    return (
        f'<section class="ng-board-group" data-quantity="{esc(group["quantity"])}">'
        f"<h3>{esc(board_title(group))}</h3>"
        f'<p class="ng-meta">{esc(board_meta(group))}</p>'
        f"{_bars(group, side_colors)}"
        '<table class="ng-board-table"><thead><tr><th>source</th><th>side</th><th>figure</th>'
        '<th>low</th><th>high</th><th>outlet</th><th>article</th><th>date</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _bars(group: dict[str, Any], side_colors: dict[str, str]) -> str:
    """An SVG chart: one row per figure, a bar from low to high on a shared axis.
    Exact figures are dots; open intervals are pale and marked at their bound;
    approximate figures have a dashed outline. (render.js draws the same.)"""
    figures = group["figures"]
    bounds = [b for f in figures for b in (f["low"], f["high"]) if b is not None]
    if not bounds:
        return ""
    top = _axis_top(bounds)
    width = _CHART_WIDTH - _CHART_LABEL - _CHART_RIGHT
    height = _ROW * len(figures) + 26

    def x(value: float) -> float:
        return round(_CHART_LABEL + width * min(max(value, 0), top) / top, 1)

    out = [f'<svg class="ng-bars" width="{_CHART_WIDTH}" height="{height}" '
           f'viewBox="0 0 {_CHART_WIDTH} {height}" role="img" aria-label="{_esc(board_title(group))}">']
    axis_y = _ROW * len(figures) + 4
    for tick in _ticks(top):
        out.append(f'<line class="grid" x1="{x(tick)}" y1="0" x2="{x(tick)}" y2="{axis_y}"/>'
                   f'<text x="{x(tick)}" y="{axis_y + 14}" text-anchor="middle">{_esc(_number(tick))}</text>')
    out.append(f'<line class="axis" x1="{_CHART_LABEL}" y1="{axis_y}" x2="{_CHART_WIDTH - _CHART_RIGHT}" y2="{axis_y}"/>')
    for row, fig in enumerate(figures):
        mid = row * _ROW + 4 + _ROW / 2 - 2
        color = side_colors.get(str(fig["side"]), "#888888") if fig["side"] else "#888888"
        low, high = fig["low"], fig["high"]
        out.append(f"<g><title>{_esc(fig['source_label'])}: {_esc(fig['label'])}</title>")
        out.append(f'<text x="{_CHART_LABEL - 6}" y="{mid + 4}" text-anchor="end">'
                   f"{_esc(_shorten(str(fig['source_label']), 30))}</text>")
        if low is not None and high is not None and low == high:
            dashed = ' class="approx"' if fig["approx"] else ""
            out.append(f'<circle cx="{x(low)}" cy="{mid}" r="5" fill="{color}"{dashed}/>')
        elif low is not None or high is not None:
            start = x(low if low is not None else 0)
            end = x(high if high is not None else top)
            open_class = "" if low is not None and high is not None else " open"
            out.append(f'<rect x="{start}" y="{mid - 5}" width="{max(end - start, 2)}" height="10" '
                       f'fill="{color}" class="bar{open_class}"/>')
            if fig["approx"]:
                out.append(f'<rect x="{start}" y="{mid - 5}" width="{max(end - start, 2)}" height="10" '
                           f'fill="none" class="approx"/>')
            marker = low if high is None else high if low is None else None
            if marker is not None:
                out.append(f'<line x1="{x(marker)}" y1="{mid - 7}" x2="{x(marker)}" y2="{mid + 7}" '
                           f'stroke="{color}" stroke-width="2"/>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _axis_top(bounds: list[float]) -> float:
    """The end of a chart's axis: a round number a little above the largest bound."""
    largest = max(bounds, default=0)
    return _nice_ceiling(largest * 1.1 if largest > 0 else 1)


def _nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is ≥ ``value``."""
    exponent = math.floor(math.log10(value)) if value > 0 else 0
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10 ** exponent
        if candidate >= value:
            return float(candidate)
    return float(10 ** (exponent + 1))


def _ticks(top: float) -> list[float]:
    return [top * i / 4 for i in range(5)]


def _esc(value: Any) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _number(value: Any) -> str:
    if value is None:
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


# --- layout ------------------------------------------------------------------


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
    """Positions of one connected part within ``radius`` of (0, 0): networkx's
    spring layout below :data:`GRID_LAYOUT_FROM` nodes, else :func:`grid_spring_layout`."""
    if len(part) == 1:
        return {next(iter(part)): (0.0, 0.0)}
    if len(part) >= GRID_LAYOUT_FROM and not _has_scipy():
        # both large-part layouts need scipy: rings by degree instead
        warnings.warn("install scipy for a force-directed layout of large graphs", stacklevel=3)
        by_degree = sorted(part, key=lambda n: (-part.degree(n), str(n)))
        shells, size = [], 1
        while by_degree:
            shells.append(by_degree[:size])
            by_degree, size = by_degree[size:], size * 3
        raw = nx.shell_layout(part, nlist=shells, scale=radius)
    elif len(part) >= GRID_LAYOUT_FROM:
        raw = nx.rescale_layout_dict(grid_spring_layout(part, seed=LAYOUT_SEED), scale=radius)
    else:
        raw = nx.spring_layout(part, seed=LAYOUT_SEED, scale=radius)
    return {node: (float(px), float(py)) for node, (px, py) in raw.items()}


def grid_spring_layout(g: nx.Graph, *, seed: int = LAYOUT_SEED, iterations: int = 60) -> dict[Any, Any]:
    """Fruchterman and Reingold's force-directed layout with their grid variant:
    nodes repel only within ``2k`` (found with a k-d tree), so an iteration costs
    about O(n log n) instead of networkx's O(n²); a 5,000-node part takes about
    a second where ``nx.spring_layout`` takes tens. Seeded: same graph, same picture.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    nodes = list(g)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in g.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)  # area n, so the ideal edge length k is 1
    k = 1.0
    pos = rng.random((n, 2)) * side
    temperature = side / 10
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        pairs = cKDTree(pos).query_pairs(2 * k, output_type="ndarray")
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01)
            force = delta * (k * k / dist**2)[:, None]
            _scatter_add(disp, pairs[:, 0], force)
            _scatter_add(disp, pairs[:, 1], -force)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01)
            force = delta * (dist / k)[:, None]
            _scatter_add(disp, edges[:, 0], -force)
            _scatter_add(disp, edges[:, 1], force)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return {node: pos[i] for node, i in index.items()}


def _scatter_add(target: Any, rows: Any, values: Any) -> None:
    """``target[rows] += values`` with repeated rows summed (faster than ``np.add.at``)."""
    import numpy as np

    for dim in range(target.shape[1]):
        target[:, dim] += np.bincount(rows, weights=values[:, dim], minlength=target.shape[0])


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
