"""The figures board: for each incident, and within it each quantity kind, every source's
latest figure side by side, as a chart of range bars on a shared axis and a table, as
static HTML with every string escaped. This is the board's one implementation: the page
embeds :func:`board_html` (its rows carry the page's edge numbers, and the page script
only wires their clicks), and a notebook shows :func:`render_figures_board`.

An incident's heading gives its label, place, country and days (marked when the days
are the article's date, the text giving none). A source's earlier figures (the ones its
latest figure updates) are listed beside it, oldest first, repeats count as one figure
in several articles, parts are listed under their total, and period and war-wide totals
have a section and an axis of their own. Conflicting figures are marked, and each group
lists its conflicting pairs. The data is :func:`graph.analysis.figures.figures_by_event`.

May import: networkx, ``graph.analysis``, ``graph.resources``.
"""
from __future__ import annotations

import hashlib
import html
import itertools
import math
from typing import Any

import networkx as nx

from graph import resources
from graph.analysis.metrics import figures_by_event

#: Side colours: Paul Tol's "muted" scheme, told apart by readers with any common colour
#: blindness (grey, #888888, is for no side).
SIDE_PALETTE = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499")


def side_colors(sides) -> dict[str, str]:
    """A colour per side that depends on the side's name, not on which other sides a build
    has: each side's colour is picked by a hash of its name. Only when two sides of one
    build hash to one colour does the later (by name) take the next free one; past nine
    sides the colours repeat."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for side in sorted(set(sides)):
        i = int(hashlib.sha1(side.encode("utf-8")).hexdigest(), 16) % len(SIDE_PALETTE)
        free = [c for c in SIDE_PALETTE[i:] + SIDE_PALETTE[:i] if c not in used]
        out[side] = free[0] if free else SIDE_PALETTE[i]
        used.add(out[side])
    return out
#: The heading of a group's section of period and war-wide totals.
CUMULATIVE_HEADING = "period and war-wide totals"
#: What the heading adds when an incident's days are its article's date.
ARTICLE_DATE_NOTE = "(date from the article)"

#: Up to this many conflicting pairs, a group's list of them starts open.
_OPEN_PAIRS = 6
_TABLE_HEAD = ('<table class="ng-board-table"><thead><tr><th>source</th><th>side</th><th>figure</th>'
               '<th>low</th><th>high</th><th>outlet</th><th>article</th><th>date</th>'
               '<th>earlier figures and parts</th></tr></thead>')


def render_figures_board(g: nx.MultiDiGraph) -> str:
    """The figures board as a static HTML fragment with its own style (e.g. for a
    notebook: ``IPython.display.HTML``): for each incident and quantity kind, every
    source's figure side by side, as a chart of range bars and a table. Every
    string is HTML-escaped. The page shows the same board (:func:`board_html`).
    """
    return board_html(g).replace('<div class="ng-board">',
                                 f'<div class="ng-board"><style>{resources.asset_text("board.css")}</style>', 1)


def board_html(g: nx.MultiDiGraph, edge_ids: dict[str, int] | None = None) -> str:
    """The figures board as HTML, without a style. With ``edge_ids`` (claim IRI →
    the page's edge number) each table row, chart row, earlier figure, part and
    conflicting figure carries ``data-edge`` and is focusable, so the page can show
    the claim on a click."""
    groups = figures_by_event(g)
    colors = side_colors(str(s) for _, s in g.nodes(data="side") if s)
    parts = ['<div class="ng-board">']
    if not groups:
        parts.append('<p class="ng-hint">No figures.</p>')
    for _, incident in itertools.groupby(groups, key=lambda group: group["event"]):
        parts.append(_incident_section(list(incident), colors, edge_ids or {}))
    parts.append("</div>")
    return "\n".join(parts)


def board_title(group: dict[str, Any]) -> str:
    """The heading of a group of the figures board: the incident and the quantity kind."""
    about = " (no event)" if group["about"] == "article" else ""
    return f"{group['label']}{about} — {group['quantity']}"


def board_where(group: dict[str, Any]) -> str:
    """Where an incident happened: ``Kutum, Sudan``."""
    place, country = group.get("place"), group.get("country")
    return ", ".join(str(p) for p in (place, country if country != place else None) if p)


def board_when(group: dict[str, Any]) -> str:
    """An incident's days: ``2026-03-09``, ``2026-03-01 – 2026-03-31``, marked
    ``(date from the article)`` when the text gave none."""
    start, end = group.get("start_date"), group.get("end_date")
    if not start:
        return ""
    days = str(start) if not end or end == start else f"{start} – {end}"
    return f"{days} {ARTICLE_DATE_NOTE}" if group.get("dated_by") == "article" else days


def board_meta(group: dict[str, Any]) -> str:
    """The line under a group's heading: time, weapon, counts, spread, conflicts."""
    rows = group["rows"]
    n_rows, n_sources = len(rows), len({r["source"] for r in rows})
    meta: list[Any] = [group.get("time"), group.get("weapon")]
    if rows:
        meta.append(f"{_count(n_rows, 'figure')} from {_count(n_sources, 'source')}")
    earlier = sum(len(r["history"]) for r in rows)
    repeated = sum(len(r["repeated_in"]) for r in rows)
    n_parts = len(group["parts"]) + sum(len(r["parts"]) for r in rows)
    meta += [f"{earlier} earlier (updated)" if earlier else None,
             f"{_count(repeated, 'repeat')} in later articles" if repeated else None,
             _count(n_parts, "part") if n_parts else None,
             _count(len(group["cumulative"]), "period or war-wide total") if group["cumulative"] else None]
    if group["spread"] is not None and group["spread"] != 1:
        meta.append(f"highest ÷ lowest = {_number(group['spread'])}")
    if group["conflicts"]:
        meta.append(_count(group["conflicts"], "conflicting pair"))
    return " · ".join(str(m) for m in meta if m)


# --- sections ------------------------------------------------------------------


def _incident_section(groups: list[dict[str, Any]], side_colors: dict[str, str], edge_ids: dict[str, int]) -> str:
    first = groups[0]
    about = " (no event)" if first["about"] == "article" else ""
    heading = [f'<span class="ng-incident">{_esc(first["label"])}{about}</span>']
    heading += [f'<span class="{cls}">{_esc(text)}</span>'
                for cls, text in (("ng-where", board_where(first)), ("ng-when", board_when(first))) if text]
    conflicts = sum(group["conflicts"] for group in groups)
    meta = [_count(conflicts, "conflicting pair") if conflicts else "no conflicting figures"]
    if len(first["events"]) > 1:
        meta.append(f"{len(first['events'])} reports of one incident merged")
    return (f'<section class="ng-board-incident" data-incident="{_esc(first["event"])}" '
            f'data-conflicts="{conflicts}"><h2>{" ".join(heading)}</h2>'
            f'<p class="ng-meta">{_esc(" · ".join(meta))}</p>'
            + "".join(_board_group(group, side_colors, edge_ids) for group in groups) + "</section>")


def _board_group(group: dict[str, Any], side_colors: dict[str, str], edge_ids: dict[str, int]) -> str:
    out = [(f'<section class="ng-board-group" data-quantity="{_esc(group["quantity"])}">'
            f"<h3>{_esc(board_title(group))}</h3>"
            f'<p class="ng-meta">{_esc(board_meta(group))}</p>'),
           _pairs(group, edge_ids)]
    if group["rows"]:
        out.append(_bars(group["rows"], board_title(group), side_colors, edge_ids))
        out.append(_table(group["rows"], edge_ids))
    if group["parts"]:
        out.append(f'<div class="ng-loose-parts"><h4>parts</h4>{_sub_list(group["parts"], "ng-parts", edge_ids)}</div>')
    if group["cumulative"]:
        title = f"{board_title(group)}: {CUMULATIVE_HEADING}"
        out.append(f'<div class="ng-cumulative"><h4>{_esc(CUMULATIVE_HEADING)}</h4>'
                   f'{_bars(group["cumulative"], title, side_colors, edge_ids)}'
                   f'{_table(group["cumulative"], edge_ids)}</div>')
    out.append("</section>")
    return "".join(out)


def _pairs(group: dict[str, Any], edge_ids: dict[str, int]) -> str:
    """The group's conflicting pairs, each figure clickable."""
    if not group["conflict_pairs"]:
        return ""
    items = []
    for pair in group["conflict_pairs"]:
        ends = [f'<span{_edge_attr(pair[f"{end}_claim"], edge_ids)}>{_esc(pair[f"{end}_source_label"])}: '
                f'{_esc(pair[f"{end}_label"])}{"" if pair[f"{end}_latest"] else " (earlier)"}</span>'
                for end in ("a", "b")]
        items.append(f"<li>{' ↔ '.join(ends)}</li>")
    n = len(items)
    opened = " open" if n <= _OPEN_PAIRS else ""
    return (f'<details class="ng-pairs"{opened}><summary>{_count(n, "conflicting pair")}</summary>'
            f'<ul>{"".join(items)}</ul></details>')


def _table(rows: list[dict[str, Any]], edge_ids: dict[str, int]) -> str:
    return f"{_TABLE_HEAD}<tbody>{''.join(_figure_tr(row, edge_ids) for row in rows)}</tbody></table>"


def _figure_tr(fig: dict[str, Any], edge_ids: dict[str, int]) -> str:
    esc = _esc
    article = esc(fig["title"] or fig["article"])
    if fig["url"] and str(fig["url"]).lower().startswith(("http://", "https://")):
        article = (f'<a href="{esc(fig["url"])}" target="_blank" rel="noopener noreferrer">'
                   f"{article}</a>")
    trail = []
    if fig["history"]:
        trail.append('<span class="ng-sub">earlier</span>' + _sub_list(fig["history"], "ng-history", edge_ids))
    if fig["parts"]:
        trail.append('<span class="ng-sub">parts</span>' + _sub_list(fig["parts"], "ng-parts", edge_ids))
    return (
        f"<tr{_edge_attr(fig['claim'], edge_ids)}{_conflict_class(fig)}><td>{esc(fig['source_label'])}</td>"
        f"<td>{esc(fig['side'])}</td><td>{esc(fig['label'])}{_badges(fig)}</td>"
        f"<td class=\"num\">{esc(_number(fig['low']))}</td><td class=\"num\">{esc(_number(fig['high']))}</td>"
        f"<td>{esc(fig['outlet'])}</td><td>{article}</td><td>{esc(fig['date'])}</td>"
        f"<td class=\"ng-trail\">{''.join(trail)}</td></tr>"
    )


def _sub_list(figures: list[dict[str, Any]], cls: str, edge_ids: dict[str, int]) -> str:
    """Earlier figures or parts: one item each, with its date and article."""
    tag = "ol" if cls == "ng-history" else "ul"
    items = []
    for fig in figures:
        what = [fig["label"], fig.get("counted"), fig["date"], fig["outlet"] or fig["title"] or fig["article"]]
        if cls == "ng-parts" and fig["source_label"]:
            what.insert(0, fig["source_label"])
        text = " · ".join(str(w) for w in what if w)
        earlier = "; ".join(str(h["label"]) for h in fig["history"])
        items.append(f"<li{_edge_attr(fig['claim'], edge_ids)}{_conflict_class(fig)}>{_esc(text)}"
                     f"{_esc(f' (earlier {earlier})') if earlier else ''}{_badges(fig)}</li>")
    return f'<{tag} class="{cls}">{"".join(items)}</{tag}>'


def _badges(fig: dict[str, Any]) -> str:
    badges = []
    if fig.get("articles", 1) > 1:
        badges.append(f'<span class="ng-badge">in {fig["articles"]} articles</span>')
    if fig.get("in_conflict"):
        badges.append('<span class="ng-badge ng-conflict-mark">conflict</span>')
    return "".join(f" {b}" for b in badges)


def _edge_attr(claim: str | None, edge_ids: dict[str, int]) -> str:
    edge = edge_ids.get(claim) if claim else None
    return "" if edge is None else f' data-edge="{edge}" tabindex="0"'


def _conflict_class(fig: dict[str, Any]) -> str:
    return ' class="ng-conflict"' if fig.get("in_conflict") else ""


# --- the chart -----------------------------------------------------------------

_CHART_WIDTH, _CHART_LABEL, _CHART_RIGHT, _ROW = 640, 190, 20, 18


def _bars(figures: list[dict[str, Any]], title: str, side_colors: dict[str, str], edge_ids: dict[str, int]) -> str:
    """An SVG chart: one row per figure, a bar from low to high on a shared axis.
    Exact figures are dots; open intervals are pale and marked at their bound;
    approximate figures have a dashed outline; earlier figures are small rings."""
    bounds = [b for f in figures for h in (f, *f["history"]) for b in (h["low"], h["high"]) if b is not None]
    if not bounds:
        return ""
    top = _axis_top(bounds)
    width = _CHART_WIDTH - _CHART_LABEL - _CHART_RIGHT
    height = _ROW * len(figures) + 26

    def x(value: float) -> float:
        return round(_CHART_LABEL + width * min(max(value, 0), top) / top, 1)

    out = [(f'<svg class="ng-bars" width="{_CHART_WIDTH}" height="{height}" '
            f'viewBox="0 0 {_CHART_WIDTH} {height}" role="img" aria-label="{_esc(title)}">')]
    axis_y = _ROW * len(figures) + 4
    for tick in _ticks(top):
        out.append(f'<line class="grid" x1="{x(tick)}" y1="0" x2="{x(tick)}" y2="{axis_y}"/>'
                   f'<text x="{x(tick)}" y="{axis_y + 14}" text-anchor="middle">{_esc(_tick_label(tick))}</text>')
    out.append(f'<line class="axis" x1="{_CHART_LABEL}" y1="{axis_y}" x2="{_CHART_WIDTH - _CHART_RIGHT}" y2="{axis_y}"/>')
    for row, fig in enumerate(figures):
        mid = row * _ROW + 4 + _ROW / 2 - 2
        color = side_colors.get(str(fig["side"]), "#888888") if fig["side"] else "#888888"
        edge = _edge_attr(fig["claim"], edge_ids).replace(' tabindex="0"', "")
        out.append(f"<g{edge}{_conflict_class(fig)}><title>{_esc(fig['source_label'])}: {_esc(fig['label'])}</title>")
        out.append(f'<text x="{_CHART_LABEL - 6}" y="{mid + 4}" text-anchor="end">'
                   f"{_esc(_shorten(str(fig['source_label']), 30))}</text>")
        out += _earlier_marks(fig, mid, x)
        out += _figure_mark(fig, mid, x, top, color)
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def _figure_mark(fig: dict[str, Any], mid: float, x: Any, top: float, color: str) -> list[str]:
    low, high = fig["low"], fig["high"]
    if low is not None and high is not None and low == high:
        dashed = ' class="approx"' if fig["approx"] else ""
        return [f'<circle cx="{x(low)}" cy="{mid}" r="5" fill="{color}"{dashed}/>']
    if low is None and high is None:
        return []
    start, end = x(low if low is not None else 0), x(high if high is not None else top)
    open_class = "" if low is not None and high is not None else " open"
    out = [(f'<rect x="{start}" y="{mid - 5}" width="{max(end - start, 2)}" height="10" '
            f'fill="{color}" class="bar{open_class}"/>')]
    if fig["approx"]:
        out.append(f'<rect x="{start}" y="{mid - 5}" width="{max(end - start, 2)}" height="10" '
                   f'fill="none" class="approx"/>')
    marker = low if high is None else high if low is None else None
    if marker is not None:
        out.append(f'<line x1="{x(marker)}" y1="{mid - 7}" x2="{x(marker)}" y2="{mid + 7}" '
                   f'stroke="{color}" stroke-width="2"/>')
    return out


def _earlier_marks(fig: dict[str, Any], mid: float, x: Any) -> list[str]:
    """A small ring at each earlier figure of the row (its high, else its low)."""
    out = []
    for earlier in fig["history"]:
        value = earlier["high"] if earlier["high"] is not None else earlier["low"]
        if value is not None:
            out.append(f'<circle class="history" cx="{x(value)}" cy="{mid}" r="3.5">'
                       f"<title>earlier: {_esc(earlier['label'])} ({_esc(earlier['date'])})</title></circle>")
    return out


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


def _tick_label(value: float) -> str:
    """An axis number, short: ``250``, ``15k``, ``2.5M``."""
    for start, size, suffix in ((1e6, 1e6, "M"), (1e4, 1e3, "k")):
        if value >= start:
            return f"{_number(value / size)}{suffix}"
    return _number(value)


def _esc(value: Any) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _number(value: Any) -> str:
    if value is None:
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
