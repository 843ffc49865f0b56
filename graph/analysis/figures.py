"""The figures of each incident side by side: the data of the figures board.

:func:`figures_by_event` groups the figure claims of the who-said-what graph
(:func:`graph.analysis.network.dataset_to_networkx`) by incident and quantity
kind. The incident of an event is the event ``ng:sameIncident`` points to (the
node's ``incident``), so one strike that two articles dated a day apart is one
group. Within a group, each source's figures form a timeline:

* ``rows``: the latest totals, one per head of an update chain (a figure that no
  other figure ``updates``), each with its ``history`` (the figures it updates,
  directly or not, oldest first), the later figures that repeat it
  (``repeated_in``; ``articles`` counts the articles of them all) and its
  ``parts`` (scope ``"part"``: "among them six children");
* ``parts``: the parts that no total of their article or source takes;
* ``cumulative``: period and war-wide totals (scope ``"cumulative"``), which do
  not rival the incident's toll;
* ``conflict_pairs``: the pairs of figures that ``ng:conflictsWith`` links, each
  figure marked ``in_conflict``.

Nothing here reads the RDF; every value is plain data, ready for JSON.
May import: networkx, ``graph.analysis.network``, ``graph.types``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from graph.analysis.network import is_claim
from graph.types import QUANTITY_KINDS

#: Figure scopes; a figure without one is a total.
SCOPES = ("total", "part", "cumulative")
#: Keys of a figure row that list other claims (claim IRIs).
LINK_KEYS = ("conflicts", "updates", "updated_by", "repeats", "repeated_by")
#: Days of an incident or event, as node attributes.
DATE_KEYS = ("start_date", "end_date", "dated_by")

Row = dict[str, Any]


def figures_by_event(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every source's figures for each incident and quantity kind, side by side.

    One group per (incident, quantity kind); figures about no event are grouped
    by their article (``about`` is ``"article"``). ``event`` and ``incident`` name
    the incident, ``events`` the events merged into it; ``label``, ``place``,
    ``country``, ``region``, ``start_date``, ``end_date`` and ``dated_by`` are the
    incident's. ``low`` and ``high`` are the lowest and highest bound of the latest
    totals (of every figure when there is no total), ``spread`` = ``high / low``
    of the latest totals when both are positive, ``sources`` counts distinct
    sources, ``conflicts`` the conflicting pairs. ``figures`` lists every figure
    claim (ordered by low bound); ``rows``, ``parts``, ``cumulative`` and
    ``conflict_pairs`` are described in the module docstring.

    Incidents come sorted by how much their sources disagree: the number of
    conflicting pairs, then the largest spread; figures about no event come last.
    """
    collected: dict[tuple[Any, str], list[Row]] = defaultdict(list)
    members: dict[Any, set[Any]] = defaultdict(set)
    for u, v, attrs in g.edges(data=True):
        if is_claim(attrs) and attrs.get("kind") == "figure":
            about = _incident_of(g, v)
            collected[(about, attrs.get("quantity") or "other")].append(figure_row(g, u, v, attrs))
            members[about].add(v)
    groups = [_group(g, about, quantity, rows, members[about])
              for (about, quantity), rows in collected.items()]
    return sort_groups(groups)


def figure_row(g: nx.MultiDiGraph, source: Any, target: Any, attrs: dict[str, Any]) -> Row:
    """One figure claim as the board shows it (its own event's days included)."""
    event = g.nodes[target] if g.nodes[target].get("type") == "event" else {}
    return {
        "claim": attrs.get("claim"),
        "source": str(source),
        "source_label": _label(g, source),
        "side": g.nodes[source].get("side"),
        "label": attrs.get("label"),
        "low": attrs.get("low"),
        "high": attrs.get("high"),
        "approx": bool(attrs.get("approx")),
        "figure_text": attrs.get("figure_text"),
        "counted": attrs.get("counted"),
        "scope": attrs.get("scope") if attrs.get("scope") in SCOPES else "total",
        "narrator": bool(attrs.get("narrator")),
        "outlet": attrs.get("outlet"),
        "article": attrs.get("article"),
        "title": attrs.get("title"),
        "date": attrs.get("date"),
        "url": attrs.get("url"),
        "sentence": attrs.get("sentence"),
        "begin": attrs.get("begin"),
        "event": str(target) if event else None,
        "incident": str(_incident_of(g, target)) if event else None,
        **{key: event.get(key) for key in DATE_KEYS},
        **{key: list(attrs.get(key) or ()) for key in LINK_KEYS},
    }


def sort_groups(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups by incident, most disputed first (conflicts, then the largest spread
    between two sources' latest totals), then by label; within an incident by
    quantity kind. Sets ``incident_conflicts`` and ``incident_spread`` on each group."""
    score: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    for group in groups:
        total = score[group["event"]]
        total[0] += group["conflicts"]
        if len({row["source"] for row in group["rows"]}) > 1:  # one source's range is no disagreement
            total[1] = max(total[1], group["spread"] or 0.0)
    for group in groups:
        group["incident_conflicts"], group["incident_spread"] = score[group["event"]]
    order = {q: i for i, q in enumerate(QUANTITY_KINDS)}
    groups.sort(key=lambda r: (r["about"] != "event", -r["incident_conflicts"], -r["incident_spread"],
                               r["label"].lower(), r["event"], order.get(r["quantity"], len(order)),
                               r["quantity"]))
    return groups


# --- one group -----------------------------------------------------------------


def _group(g: nx.MultiDiGraph, about: Any, quantity: str, rows: list[Row], events: set[Any]) -> dict[str, Any]:
    node = g.nodes[about]
    rows.sort(key=_by_value)
    totals = collapse([r for r in rows if r["scope"] == "total"])
    parts = attach_parts(totals, collapse([r for r in rows if r["scope"] == "part"]))
    cumulative = collapse([r for r in rows if r["scope"] == "cumulative"])
    pairs = conflict_pairs(rows, [*totals, *(p for t in totals for p in t["parts"]), *parts, *cumulative])
    low, high, spread = _bounds(totals or [*parts, *cumulative], spread=bool(totals))
    is_event = node.get("type") == "event"
    return {
        "event": str(about),
        "incident": str(about) if is_event else None,
        "events": sorted(str(e) for e in events) if is_event else [],
        "label": _label(g, about),
        "about": "event" if is_event else "article",
        "place": node.get("place"),
        "time": _joined(g, [about, *events], "time"),
        "weapon": _joined(g, [about, *events], "weapon"),
        "country": node.get("country"),
        "region": node.get("region"),
        **_incident_days(g, about, events),
        "quantity": quantity,
        "low": low,
        "high": high,
        "spread": spread,
        "sources": len({r["source"] for r in rows}),
        "conflicts": len(pairs),
        "conflict_pairs": pairs,
        "figures": rows,
        "rows": totals,
        "parts": parts,
        "cumulative": cumulative,
    }


def collapse(rows: list[Row]) -> list[Row]:
    """The heads of the update chains among ``rows`` (one scope), by value.

    A figure that repeats another (``repeats``) is folded into the earliest one it
    repeats (``repeated_in``); each head carries the figures it updates, directly or
    through others, oldest first (``history``). ``latest`` says which is which."""
    by_claim = {r["claim"]: r for r in rows}
    order = {c: i for i, c in enumerate(sorted(by_claim, key=lambda c: _by_time(by_claim[c])))}
    original = {c: _original(c, by_claim, order) for c in by_claim}
    clusters: dict[str, list[Row]] = defaultdict(list)
    for claim in sorted(by_claim, key=order.__getitem__):
        clusters[original[claim]].append(by_claim[claim])
    updates: dict[str, set[str]] = defaultdict(set)
    for claim, row in by_claim.items():
        updates[original[claim]].update(original[e] for e in row["updates"]
                                        if e in original and original[e] != original[claim])
    updated = {e for earlier in updates.values() for e in earlier}
    heads = [k for k in clusters if k not in updated]
    covered = set(heads).union(*(_earlier(k, updates) for k in heads))
    heads += [k for k in clusters if k not in covered]  # a cycle of updates: show every figure
    result = []
    for head in heads:
        history = sorted(_earlier(head, updates) - {head}, key=order.__getitem__)
        entry = _entry(clusters[head], latest=True)
        entry["history"] = [_entry(clusters[k], latest=False) for k in history]
        result.append(entry)
    return sorted(result, key=_by_value)


def attach_parts(totals: list[Row], parts: list[Row]) -> list[Row]:
    """Put each part under the latest total of its source and article (else of its
    article, else of its source); returns the parts no total takes."""
    tests: tuple[Callable[[Row, Row], bool], ...] = (
        lambda p, t: (p["source"], p["article"]) == (t["source"], t["article"]),
        lambda p, t: p["article"] == t["article"],
        lambda p, t: p["source"] == t["source"],
    )
    loose = []
    for part in parts:
        home = next((total for test in tests for total in totals
                     if any(test(p, t) for p in _members(part) for t in _chain(total))), None)
        (home["parts"] if home is not None else loose).append(part)
    return loose


def conflict_pairs(rows: list[Row], entries: list[Row]) -> list[dict[str, Any]]:
    """The conflicting pairs among ``rows``, one per pair of shown figures (a repeat
    counts as the figure it repeats); marks both figures ``in_conflict``."""
    owner = {member["claim"]: entry for head in entries for entry in _chain(head)
             for member in _members(entry)}
    pairs: dict[frozenset, tuple[Row, Row]] = {}
    for row in rows:
        for other in row["conflicts"]:
            a, b = owner.get(row["claim"]), owner.get(other)
            if a is not None and b is not None and a is not b:
                pairs.setdefault(frozenset((a["claim"], b["claim"])), tuple(sorted((a, b), key=_by_value)))
    result = []
    for a, b in pairs.values():
        a["in_conflict"] = b["in_conflict"] = True
        result.append({**{f"a_{k}": a[k] for k in ("claim", "source_label", "label", "date", "latest")},
                       **{f"b_{k}": b[k] for k in ("claim", "source_label", "label", "date", "latest")}})
    return sorted(result, key=lambda p: (p["a_source_label"], p["a_label"] or "", p["a_claim"], p["b_claim"]))


# --- helpers -------------------------------------------------------------------


def _incident_of(g: nx.MultiDiGraph, node: Any) -> Any:
    """The incident node of an event node (itself when it is its own); other nodes as they are."""
    attrs = g.nodes[node]
    incident = attrs.get("incident") if attrs.get("type") == "event" else None
    return incident if incident is not None and incident in g else node


def _original(claim: str, by_claim: dict[str, Row], order: dict[str, int]) -> str:
    """The earliest figure that ``claim`` repeats, through repeats of repeats."""
    seen = {claim}
    while True:
        earlier = [e for e in by_claim[claim]["repeats"] if e in by_claim and e not in seen]
        if not earlier:
            return claim
        claim = min(earlier, key=order.__getitem__)
        seen.add(claim)


def _earlier(head: str, updates: dict[str, set[str]]) -> set[str]:
    """``head`` and every figure it updates, directly or not."""
    seen, todo = {head}, [head]
    while todo:
        for earlier in updates.get(todo.pop(), ()):
            if earlier not in seen:
                seen.add(earlier)
                todo.append(earlier)
    return seen


def _entry(cluster: list[Row], *, latest: bool) -> Row:
    first, *rest = cluster
    return {**first, "repeated_in": rest, "articles": len({r["article"] for r in cluster}),
            "latest": latest, "in_conflict": False, "history": [], "parts": []}


def _members(entry: Row) -> list[Row]:
    return [entry, *entry["repeated_in"]]


def _chain(entry: Row) -> list[Row]:
    return [entry, *entry["history"]]


def _bounds(entries: list[Row], *, spread: bool) -> tuple[Any, Any, float | None]:
    lows = [r["low"] for r in entries if r["low"] is not None]
    highs = [r["high"] for r in entries if r["high"] is not None]
    if not lows and not highs:
        return None, None, None
    low, high = min(lows + highs), max(highs + lows)
    return low, high, round(high / low, 3) if spread and low and high and low > 0 else None


def _incident_days(g: nx.MultiDiGraph, about: Any, events: set[Any]) -> dict[str, Any]:
    """The incident's days; when it has none, the range of its events' days."""
    node = g.nodes[about]
    if node.get("start_date") or node.get("type") != "event":
        return {key: node.get(key) for key in DATE_KEYS}
    dated = [g.nodes[e] for e in events if g.nodes[e].get("start_date")]
    if not dated:
        return dict.fromkeys(DATE_KEYS)
    return {"start_date": min(e["start_date"] for e in dated),
            "end_date": max(e.get("end_date") or e["start_date"] for e in dated),
            "dated_by": "text" if all(e.get("dated_by") == "text" for e in dated) else "article"}


def _joined(g: nx.MultiDiGraph, nodes: list[Any], key: str) -> str | None:
    values = {v.strip() for n in nodes for v in str(g.nodes[n].get(key) or "").split(";") if v.strip()}
    return "; ".join(sorted(values)) or None


def _label(g: nx.MultiDiGraph, node: Any) -> str:
    return str(g.nodes[node].get("label") or node)


def _by_value(row: Row) -> tuple:
    return (_sort_number(row["low"], row["high"]), _sort_number(row["high"], row["low"]),
            row["source_label"], row["claim"] or "")


def _by_time(row: Row) -> tuple:
    """Oldest first: by article date (undated last), article, place in the text."""
    return (row["date"] is None, str(row["date"] or ""), str(row["article"] or ""), row["begin"] or 0,
            row["claim"] or "")


def _sort_number(value: float | None, fallback: float | None) -> float:
    if value is not None:
        return float(value)
    return float(fallback) if fallback is not None else float("inf")
