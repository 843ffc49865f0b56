"""The figures board: for each event and quantity kind, every source's figure side by
side, as a chart of range bars on a shared axis and a table, as static HTML with every
string escaped. This is the board's one implementation: the page embeds
:func:`board_html` (its rows carry the page's edge numbers, and the page script only
wires their clicks), and a notebook shows :func:`render_figures_board`.

May import: networkx, ``graph.analysis``, ``graph.resources``.
"""
from __future__ import annotations

import html
import math
from typing import Any

import networkx as nx

from graph import resources
from graph.analysis.metrics import figures_by_event

#: Side colours, in the order of the sorted side names.
SIDE_PALETTE = ("#1f3a93", "#b30000", "#006d2c", "#6a3d9a", "#b15928", "#01665e", "#8c510a", "#c51b7d")


def render_figures_board(g: nx.MultiDiGraph) -> str:
    """The figures board as a static HTML fragment with its own style (e.g. for a
    notebook: ``IPython.display.HTML``): for each event and quantity kind, every
    source's figure side by side, as a chart of range bars and a table. Every
    string is HTML-escaped. The page shows the same board (:func:`board_html`).
    """
    return board_html(g).replace('<div class="ng-board">',
                                 f'<div class="ng-board"><style>{resources.asset_text("board.css")}</style>', 1)


def board_html(g: nx.MultiDiGraph, edge_ids: dict[str, int] | None = None) -> str:
    """The figures board as HTML, without a style. With ``edge_ids`` (claim IRI →
    the page's edge number) each table row and chart row carries ``data-edge``,
    and each table row is focusable, so the page can show the claim on a click."""
    groups = figures_by_event(g)
    sides = sorted({str(s) for _, s in g.nodes(data="side") if s})
    side_colors = {side: SIDE_PALETTE[i % len(SIDE_PALETTE)] for i, side in enumerate(sides)}
    parts = ['<div class="ng-board">']
    if not groups:
        parts.append('<p class="ng-hint">No figures.</p>')
    for group in groups:
        parts.append(_board_group(group, side_colors, edge_ids or {}))
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


_CHART_WIDTH, _CHART_LABEL, _CHART_RIGHT, _ROW = 640, 190, 20, 18


def _board_group(group: dict[str, Any], side_colors: dict[str, str], edge_ids: dict[str, int]) -> str:
    esc = _esc
    rows = []
    for fig in group["figures"]:
        edge = _edge_attr(fig, edge_ids)
        focus = ' tabindex="0"' if edge else ""
        article = esc(fig["title"] or fig["article"])
        if fig["url"] and str(fig["url"]).lower().startswith(("http://", "https://")):
            article = (f'<a href="{esc(fig["url"])}" target="_blank" rel="noopener noreferrer">'
                       f"{article}</a>")
        rows.append(
            f"<tr{edge}{focus}><td>{esc(fig['source_label'])}</td><td>{esc(fig['side'])}</td>"
            f"<td>{esc(fig['label'])}</td><td class=\"num\">{esc(_number(fig['low']))}</td>"
            f"<td class=\"num\">{esc(_number(fig['high']))}</td><td>{esc(fig['outlet'])}</td>"
            f"<td>{article}</td><td>{esc(fig['date'])}</td></tr>"
        )
    return (
        f'<section class="ng-board-group" data-quantity="{esc(group["quantity"])}">'
        f"<h3>{esc(board_title(group))}</h3>"
        f'<p class="ng-meta">{esc(board_meta(group))}</p>'
        f"{_bars(group, side_colors, edge_ids)}"
        '<table class="ng-board-table"><thead><tr><th>source</th><th>side</th><th>figure</th>'
        '<th>low</th><th>high</th><th>outlet</th><th>article</th><th>date</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _edge_attr(fig: dict[str, Any], edge_ids: dict[str, int]) -> str:
    edge = edge_ids.get(fig["claim"])
    return "" if edge is None else f' data-edge="{edge}"'


def _bars(group: dict[str, Any], side_colors: dict[str, str], edge_ids: dict[str, int]) -> str:
    """An SVG chart: one row per figure, a bar from low to high on a shared axis.
    Exact figures are dots; open intervals are pale and marked at their bound;
    approximate figures have a dashed outline."""
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
        out.append(f"<g{_edge_attr(fig, edge_ids)}><title>{_esc(fig['source_label'])}: {_esc(fig['label'])}</title>")
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


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
