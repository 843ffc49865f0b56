"""Analysis of the who-said-what graph: a networkx graph in, plain data out.

Every function takes the :class:`networkx.MultiDiGraph` of
:func:`graph.analysis.network.dataset_to_networkx` first and returns lists and dicts of
``str``, ``int``, ``float``, ``bool`` and ``None``, ready for JSON, a table or
a page. Nothing here reads or writes files.

Centrality and communities are computed on the undirected simple graph of the
nodes that have an edge (actors, events, criticism targets, articles): two
nodes are linked when any claim or affiliation joins them, weighted by how many.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import networkx as nx

from graph.analysis.figures import figures_by_event
from graph.analysis.network import AFFILIATION, is_claim
from graph.types import CLAIM_KINDS

__all__ = ["centrality", "claim_edges", "communities", "figure_spread", "figures_by_event", "graph_stats",
           "graph_summary", "is_actor", "most_cited_sources", "most_criticized", "simple_graph"]

#: Node types that are not actors.
NON_ACTOR_TYPES = ("event", "target", "article")
#: Above this many nodes betweenness is estimated from a sample of sources.
EXACT_BETWEENNESS_LIMIT = 1000
#: Number of sample sources for the estimate (seeded, so results repeat).
BETWEENNESS_SAMPLE = 300
#: Seed of every randomized algorithm here.
SEED = 42
#: The keys of a figures group that list figures (left out of ``figure_spread``).
_FIGURE_LISTS = ("figures", "rows", "parts", "cumulative", "conflict_pairs")


def is_actor(attrs: dict[str, Any]) -> bool:
    """Whether a node (its attribute dict) is an actor rather than an event, target or article.

    >>> is_actor({"type": "person"}), is_actor({"type": "event"})
    (True, False)
    """
    return attrs.get("type") not in NON_ACTOR_TYPES


def claim_edges(g: nx.MultiDiGraph, kind: str | None = None) -> Iterator[tuple[Any, Any, dict[str, Any]]]:
    """``(source, target, attrs)`` of every claim edge, of one ``kind`` when given."""
    for u, v, attrs in g.edges(data=True):
        if is_claim(attrs) and (kind is None or attrs.get("kind") == kind):
            yield u, v, attrs


def simple_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph of ``g``'s linked nodes; ``weight`` counts the edges of a pair.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "c"), ("c", "c")])
    >>> sorted(simple_graph(g).edges(data="weight"))
    [('a', 'b', 2), ('a', 'c', 1)]
    """
    simple = nx.Graph()
    for u, v in g.edges():
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += 1
        else:
            simple.add_edge(u, v, weight=1)
    return simple


def graph_summary(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts: nodes, actors (all, and with a claim), events, claims by kind, articles, outlets."""
    kinds = Counter(attrs.get("kind") for _, _, attrs in claim_edges(g))
    types = Counter(t for _, t in g.nodes(data="type"))
    linked = {n for n in g if g.degree(n)}
    return {
        "nodes": g.number_of_nodes(),
        "actors": sum(1 for n, a in g.nodes(data=True) if is_actor(a)),
        "actors_with_claims": sum(1 for n, a in g.nodes(data=True) if is_actor(a) and n in linked),
        "events": types.get("event", 0),
        "claims": sum(kinds.values()),
        "claims_by_kind": {kind: kinds.get(kind, 0) for kind in CLAIM_KINDS},
        "affiliations": sum(1 for *_, k in g.edges(data="kind") if k == AFFILIATION),
        "articles": len({a.get("article") for _, _, a in claim_edges(g)} - {None}),
        "outlets": len({a.get("outlet") for _, _, a in claim_edges(g)} - {None}),
    }


def centrality(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Degree and betweenness centrality of every linked node, most central first.

    ``degree`` counts edges (parallel claims each count); ``degree_centrality``
    and ``betweenness`` are networkx's normalized values on :func:`simple_graph`.
    Above :data:`EXACT_BETWEENNESS_LIMIT` nodes, betweenness is estimated from
    :data:`BETWEENNESS_SAMPLE` seeded sources (``estimated`` says so).
    """
    simple = simple_graph(g)
    if simple.number_of_nodes() == 0:
        return []
    estimated = simple.number_of_nodes() > EXACT_BETWEENNESS_LIMIT
    k = min(BETWEENNESS_SAMPLE, simple.number_of_nodes()) if estimated else None
    betweenness = nx.betweenness_centrality(simple, k=k, seed=SEED)
    degree_c = nx.degree_centrality(simple)
    rows = [
        {
            **_describe(g, node),
            "degree": g.degree(node),
            "degree_centrality": round(degree_c[node], 6),
            "betweenness": round(betweenness[node], 6),
            "estimated": estimated,
        }
        for node in simple
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label"], r["node"]))
    return rows


def communities(g: nx.MultiDiGraph, *, members: int = 10) -> list[dict[str, Any]]:
    """Communities of the linked nodes (seeded Louvain), largest first.

    Each has its ``size``, its ``nodes`` (all, by degree) and the labels of its
    ``members`` best-linked nodes in ``top``.
    """
    simple = simple_graph(g)
    if simple.number_of_nodes() == 0:
        return []
    parts = nx.community.louvain_communities(simple, weight="weight", seed=SEED)
    result = []
    for part in parts:
        nodes = sorted(part, key=lambda n: (-g.degree(n), str(g.nodes[n].get("label")), str(n)))
        result.append({
            "size": len(nodes),
            "actors": sum(1 for n in nodes if is_actor(g.nodes[n])),
            "nodes": [str(n) for n in nodes],
            "top": [_label(g, n) for n in nodes[:members]],
        })
    result.sort(key=lambda c: (-c["size"], c["top"]))
    for i, community in enumerate(result):
        community["id"] = i
    return result


def most_criticized(g: nx.MultiDiGraph, *, top: int | None = 10) -> list[dict[str, Any]]:
    """Who or what is criticized most: criticisms received, distinct critics and articles."""
    received: dict[Any, list[tuple[Any, dict[str, Any]]]] = defaultdict(list)
    for u, v, attrs in claim_edges(g, "criticism"):
        received[v].append((u, attrs))
    rows = [
        {
            **_describe(g, node),
            "criticisms": len(items),
            "critics": len({u for u, _ in items}),
            "articles": len({a.get("article") for _, a in items}),
            "by": _top_labels(g, Counter(u for u, _ in items)),
        }
        for node, items in received.items()
    ]
    rows.sort(key=lambda r: (-r["criticisms"], -r["critics"], r["label"], r["node"]))
    return rows[:top] if top is not None else rows


def most_cited_sources(g: nx.MultiDiGraph, *, top: int | None = 10) -> list[dict[str, Any]]:
    """The sources with the most claims attributed to them, with counts by kind,
    and in how many articles and outlets they are cited."""
    made: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for u, _, attrs in claim_edges(g):
        made[u].append(attrs)
    rows = []
    for node, items in made.items():
        kinds = Counter(a.get("kind") for a in items)
        rows.append({
            **_describe(g, node),
            "claims": len(items),
            **{kind: kinds.get(kind, 0) for kind in CLAIM_KINDS},
            "articles": len({a.get("article") for a in items}),
            "outlets": len({a.get("outlet") for a in items} - {None}),
        })
    rows.sort(key=lambda r: (-r["claims"], -r["articles"], r["label"], r["node"]))
    return rows[:top] if top is not None else rows


def graph_stats(g: nx.MultiDiGraph, *, top: int = 10) -> dict[str, Any]:
    """Everything ``newsgraph stats`` shows: the summary, the ``top`` actors by
    centrality, communities, most criticized, most cited sources, figure spread."""
    actors = [row for row in centrality(g) if is_actor(g.nodes[row["node"]])]
    return {
        "summary": graph_summary(g),
        "centrality": actors[:top],
        "communities": [{k: v for k, v in c.items() if k != "nodes"} for c in communities(g)][:top],
        "most_criticized": most_criticized(g, top=top),
        "most_cited_sources": most_cited_sources(g, top=top),
        "figure_spread": [figure_spread(group) for group in figures_by_event(g)],
    }


def figure_spread(group: dict[str, Any]) -> dict[str, Any]:
    """A group of :func:`figures_by_event` without its figure lists: the incident, its
    days, the bounds and counts, and ``values``, one line per latest total ("Source:
    61 killed (earlier 46 killed; in 2 articles)"), then the period and war-wide
    totals, and the conflicting pairs as ``"A: 63 killed / B: ~400 killed"``."""
    summary = {k: v for k, v in group.items() if k not in _FIGURE_LISTS}
    summary["values"] = ([_figure_line(row) for row in group["rows"]]
                         + [_figure_line(row, "part") for row in group["parts"]]
                         + [_figure_line(row, "period or war-wide") for row in group["cumulative"]])
    summary["pairs"] = [f"{p['a_source_label']}: {p['a_label']} / {p['b_source_label']}: {p['b_label']}"
                        for p in group["conflict_pairs"]]
    summary["n_figures"] = len(group["figures"])
    return summary


# --- helpers -----------------------------------------------------------------


def _label(g: nx.MultiDiGraph, node: Any) -> str:
    return str(g.nodes[node].get("label") or node)


def _describe(g: nx.MultiDiGraph, node: Any) -> dict[str, Any]:
    attrs = g.nodes[node]
    return {"node": str(node), "label": _label(g, node), "type": attrs.get("type"), "side": attrs.get("side")}


def _top_labels(g: nx.MultiDiGraph, counts: Counter, n: int = 5) -> list[str]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], _label(g, item[0])))
    return [_label(g, node) for node, _ in ranked[:n]]


def _figure_line(row: dict[str, Any], scope: str | None = None) -> str:
    """``Source: 61 killed`` with what the board shows beside it, in brackets."""
    notes = [scope] if scope else []
    if row["history"]:
        notes.append("earlier " + ", ".join(str(h["label"]) for h in row["history"]))
    if row["articles"] > 1:
        notes.append(f"in {row['articles']} articles")
    notes += [f"part {p['label']}" for p in row["parts"]]
    return f"{row['source_label']}: {row['label']}" + (f" ({'; '.join(notes)})" if notes else "")
