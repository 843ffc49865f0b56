"""The single bridge from the RDF store to networkx.

:func:`dataset_to_networkx` reads a :class:`rdflib.Dataset` (one named graph per
article, actors and events in the default graph) with the ``_network_*``
queries of the query library and returns a :class:`networkx.MultiDiGraph`:

* nodes are actors (``type`` = their actor type), events (``type="event"``),
  criticism targets known only by their text (``type="target"``; a criticism
  whose text names no target points to one "(target not named)" node of its
  article, ``unnamed=True``, never to the article) and articles
  (``type="article"``, the end of a figure, quote or statement about no event);
* every claim is one edge, keyed by the claim IRI, from its source actor to
  the event it is about (figures, quotes), to the criticized actor or target
  (criticism), or else to its article. Parallel claims stay separate edges;
* every ``ng:affiliatedWith`` link is one edge of kind ``affiliation`` (keyed
  ``affiliation <actor> <body>``); it is not a claim and counts in neither
  ``n_said`` nor ``n_about``. An ``ng:affiliation`` string (the body as the
  text names it) becomes the node's ``affiliation``, and an edge too when it
  is, case and spacing aside, the label or alias of exactly one other actor.

Events carry the time and weapon the articles state (they live in the article
graphs; several different statements are joined with ``"; "``), their days
(``start_date``, ``end_date``, ``dated_by``), ``country``, ``region``, ``geonames``
and ``incident``: the event that ``ng:sameIncident`` points to, or the event itself.
A claim's edge carries its event's ``incident`` and days, a figure's ``scope``
(``"total"`` when the build gave none), and the figure links of its source's
timeline: ``updates`` / ``updated_by`` (``ng:updates``) and ``repeats`` /
``repeated_by`` (``ng:repeats``), tuples of claim IRIs.

Every node and edge attribute is a ``str``, ``int``, ``float``, ``bool``,
``None`` or a tuple of ``str``, so the graph pickles and turns into JSON as is.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib import Dataset, Literal
from rdflib.term import Identifier

from graph.names import display_key
from graph.rdf.vocab import NG
from graph.sparql.library import load_query
from graph.types import CLAIM_KINDS

#: Edge kind of an actor's link to the body it belongs to (not a claim).
AFFILIATION = "affiliation"
#: Edge labels of the edge kinds that carry no number.
KIND_LABELS = {"criticism": "criticized", "quote": "quoted", "statement": "said", AFFILIATION: "affiliated with"}

#: The inverse of each figure link, as an edge attribute.
_INVERSE = {"updates": "updated_by", "repeats": "repeated_by"}
#: Node attributes every node has (``None`` when unknown).
NODE_KEYS = ("label", "type", "side", "role", "n_said", "n_about")


def dataset_to_networkx(ds: Dataset) -> nx.MultiDiGraph:
    """The who-said-what graph of ``ds``: actors and events as nodes, claims as edges."""
    g = nx.MultiDiGraph()
    actors = _read_actors(ds)
    for iri, attrs in actors.items():
        g.add_node(iri, **attrs)
    events = _read_events(ds)
    for iri, attrs in events.items():
        g.add_node(iri, **attrs)
    extractors = _read_labels(ds, "_network_extractors", "extractor")
    conflicts = _read_conflicts(ds)
    links = _read_figure_links(ds)

    for claim in _read_claims(ds):
        source = claim["source"]
        if source not in g:
            g.add_node(source, **_node(_local_name(source), "unknown"))
        target = _claim_target(g, claim)
        g.add_edge(
            source,
            target,
            key=claim["claim"],
            **_edge_attrs(claim, actors, extractors, conflicts.get(claim["claim"], ())),
            **_timeline_attrs(claim, events, links),
        )
        g.nodes[source]["n_said"] += 1
        g.nodes[target]["n_about"] += 1
    for actor, body in _read_affiliations(ds, g):
        for iri in (actor, body):
            if iri not in g:
                g.add_node(iri, **_node(_local_name(iri), "unknown"))
        g.add_edge(actor, body, key=f"{AFFILIATION} {actor} {body}", kind=AFFILIATION,
                   label=KIND_LABELS[AFFILIATION], claim=None)
    return g


def is_claim(attrs: dict[str, Any]) -> bool:
    """Whether an edge (its attribute dict) is a claim rather than an affiliation."""
    return attrs.get("kind") in CLAIM_KINDS


def figure_label(
    quantity: str | None,
    low: float | None,
    high: float | None,
    *,
    approx: bool = False,
    text: str | None = None,
) -> str:
    """A short label for a figure: ``63 killed``, ``~400 killed``, ``≥700 killed``, ``200–900 killed``."""
    quantity = quantity or ""
    tilde = "~" if approx else ""
    if low is not None and high is not None:
        number = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
        number = tilde + number
    elif low is not None:
        number = f"≥{tilde}{_number(low)}"
    elif high is not None:
        number = f"≤{tilde}{_number(high)}"
    else:
        number = text or ""
    return f"{number} {quantity}".strip() or "figure"


# --- reading -----------------------------------------------------------------


def _rows(ds: Dataset, name: str) -> Iterator[dict[str, Any]]:
    """The rows of query ``name`` as dicts of plain Python values (unbound: absent)."""
    result = ds.query(load_query(name))
    names = [str(v) for v in result.vars or ()]
    for row in result:
        values = {}
        for var in names:
            term = row[var]
            if term is not None:
                values[var] = _plain(term)
        yield values


def _read_actors(ds: Dataset) -> dict[str, dict[str, Any]]:
    actors: dict[str, dict[str, Any]] = {}
    aliases: dict[str, list[str]] = {}
    for row in _rows(ds, "_network_actors"):
        iri = row["actor"]
        if iri not in actors:
            actors[iri] = _node(
                row.get("label") or _local_name(iri),
                row.get("type") or "actor",
                side=row.get("side"),
                role=row.get("role"),
            )
            aliases[iri] = []
        alias = row.get("alias")
        if alias and alias not in aliases[iri] and alias != actors[iri]["label"]:
            aliases[iri].append(alias)
    for iri, attrs in actors.items():
        attrs["aliases"] = tuple(aliases[iri])
    return actors


def _read_events(ds: Dataset) -> dict[str, dict[str, Any]]:
    events: dict[str, dict[str, Any]] = {}
    for row in _rows(ds, "_network_events"):
        iri = row["event"]
        if iri in events:
            continue
        attrs = _node(row.get("label") or _local_name(iri), "event")
        attrs.update(
            event_type=row.get("type"),
            place=row.get("place"),
            time=row.get("time"),
            weapon=row.get("weapon"),
            start_date=row.get("startDate"),
            end_date=row.get("endDate"),
            dated_by=row.get("datedBy"),
            country=row.get("country"),
            region=row.get("region"),
            geonames=row.get("geonames"),
            incident=row.get("incident") or iri,
        )
        events[iri] = attrs
    for prop, key in ((NG.time, "time"), (NG.weapon, "weapon")):
        stated: dict[str, list[str]] = {}
        for event, _, value, _ in ds.quads((None, prop, None, None)):
            values = stated.setdefault(str(event), [])
            if str(value) not in values:
                values.append(str(value))
        for iri, values in stated.items():
            if iri in events:
                events[iri][key] = "; ".join(sorted(values))
    return events


def _read_affiliations(ds: Dataset, g: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """``(actor, body)`` pairs, sorted: ``ng:affiliatedWith`` links, and
    ``ng:affiliation`` names that match one other actor's label or alias.
    Sets the ``affiliation`` attribute of the actors that have a name."""
    pairs = {(str(s), str(o)) for s, _, o, _ in ds.quads((None, NG.affiliatedWith, None, None))}
    names: dict[str, set[str]] = {}
    for node, attrs in g.nodes(data=True):
        for name in (attrs.get("label"), *(attrs.get("aliases") or ())):
            if name and attrs.get("type") not in ("event", "target", "article"):
                names.setdefault(display_key(name), set()).add(node)
    for s, _, o, _ in ds.quads((None, NG.affiliation, None, None)):
        actor = str(s)
        if actor not in g:
            continue
        g.nodes[actor].setdefault("affiliation", str(o))
        bodies = names.get(display_key(str(o)), set()) - {actor}
        if len(bodies) == 1:
            pairs.add((actor, next(iter(bodies))))
    return sorted(pairs)


def _read_labels(ds: Dataset, query: str, var: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for row in _rows(ds, query):
        labels.setdefault(row[var], row["label"])
    return labels


def _read_conflicts(ds: Dataset) -> dict[str, tuple[str, ...]]:
    pairs: dict[str, set[str]] = {}
    for row in _rows(ds, "_network_conflicts"):
        # conflictsWith is symmetric in meaning even when stated one way only
        pairs.setdefault(row["claim"], set()).add(row["other"])
        pairs.setdefault(row["other"], set()).add(row["claim"])
    return {claim: tuple(sorted(others)) for claim, others in pairs.items()}


def _read_figure_links(ds: Dataset) -> dict[str, dict[str, tuple[str, ...]]]:
    """Claim IRI -> ``{"updates", "updated_by", "repeats", "repeated_by"}`` (sorted claim IRIs)."""
    links: dict[str, dict[str, set[str]]] = {}
    for row in _rows(ds, "_network_figure_links"):
        link, later, earlier = row["link"], row["claim"], row["other"]
        links.setdefault(later, {}).setdefault(link, set()).add(earlier)
        links.setdefault(earlier, {}).setdefault(_INVERSE[link], set()).add(later)
    return {claim: {key: tuple(sorted(values)) for key, values in found.items()}
            for claim, found in links.items()}


def _read_claims(ds: Dataset) -> list[dict[str, Any]]:
    """One merged record per claim, in query order (article, offset, IRI)."""
    claims: dict[str, dict[str, Any]] = {}
    for row in _rows(ds, "_network_claims"):
        iri = row["claim"]
        merged = claims.get(iri)
        if merged is None:
            claims[iri] = row
            continue
        # a claim with several kind classes: the first kind of CLAIM_KINDS wins
        if CLAIM_KINDS.index(row["kind"]) < CLAIM_KINDS.index(merged["kind"]):
            merged["kind"] = row["kind"]
        for key, value in row.items():
            merged.setdefault(key, value)
    return list(claims.values())


# --- building ----------------------------------------------------------------


def _node(label: str, type_: str, *, side: str | None = None, role: str | None = None) -> dict[str, Any]:
    return {"label": label, "type": type_, "side": side, "role": role, "n_said": 0, "n_about": 0}


#: The label of the node a criticism points to when the text names no target.
UNNAMED_TARGET = "(target not named)"


def _claim_target(g: nx.MultiDiGraph, claim: dict[str, Any]) -> str:
    """The node a claim points to, added to ``g`` when it is not there yet."""
    if claim["kind"] == "criticism":
        actor = claim.get("targetActor")
        if actor:
            if actor not in g:
                g.add_node(actor, **_node(_local_name(actor), "unknown"))
            return actor
        text = " ".join(str(claim.get("target") or "").split())
        if text:
            node = "target:" + text.lower()
            if node not in g:
                g.add_node(node, **_node(text, "target"))
            return node
        # the text names no target: a node that says so, one per article, never the article
        node = f"target:none:{claim['article']}"
        if node not in g:
            g.add_node(node, **_node(UNNAMED_TARGET, "target"))
            g.nodes[node]["unnamed"] = True
        return node
    else:
        event = claim.get("event")
        if event:
            if event not in g:
                g.add_node(event, **_node(_local_name(event), "event"))
            return event
    article = claim["article"]
    if article not in g:
        label = claim.get("title") or claim.get("articleId") or _local_name(article)
        g.add_node(article, **_node(label, "article"))
        g.nodes[article]["url"] = _web_url(claim.get("url"))
    return article


def _edge_attrs(
    claim: dict[str, Any],
    actors: dict[str, dict[str, Any]],
    extractors: dict[str, str],
    conflicts: tuple[str, ...],
) -> dict[str, Any]:
    kind = claim["kind"]
    low, high = claim.get("low"), claim.get("high")
    approx = bool(claim.get("approx", False))
    if kind == "figure":
        label = figure_label(
            claim.get("quantity"), low, high, approx=approx, text=claim.get("figureText")
        )
    else:
        label = KIND_LABELS[kind]

    def actor_label(iri: str | None) -> str | None:
        if iri is None:
            return None
        return actors[iri]["label"] if iri in actors else _local_name(iri)

    return {
        "claim": claim["claim"],
        "kind": kind,
        "label": label,
        "article": claim.get("articleId") or _local_name(claim["article"]),
        "title": claim.get("title"),
        "outlet": actor_label(claim.get("outlet")),
        "date": claim.get("date"),
        "url": _web_url(claim.get("url")),
        "sentence": claim.get("sentence"),
        "begin": claim.get("begin"),
        "end": claim.get("end"),
        "text": claim.get("quote"),
        "cue": claim.get("cue"),
        "polarity": claim.get("polarity"),
        "hedged": bool(claim.get("hedged", False)),
        "reported_by": actor_label(claim.get("reportedBy")),
        "target": claim.get("target"),
        "quantity": claim.get("quantity"),
        "low": low,
        "high": high,
        "approx": approx if kind == "figure" else None,
        "counted": claim.get("counted"),
        "figure_text": claim.get("figureText"),
        "channel": actor_label(claim.get("channel")),
        "event": claim.get("event"),
        "narrator": bool(claim.get("narrator", False)),
        "extractor": extractors.get(claim.get("extractor", ""), claim.get("extractor")),
        "conflicts": conflicts,
    }


def _timeline_attrs(
    claim: dict[str, Any],
    events: dict[str, dict[str, Any]],
    links: dict[str, dict[str, tuple[str, ...]]],
) -> dict[str, Any]:
    """A claim's scope, figure links, and its event's incident and days."""
    event = events.get(claim.get("event") or "", {})
    found = links.get(claim["claim"], {})
    is_figure = claim["kind"] == "figure"
    return {
        "scope": (claim.get("scope") or "total") if is_figure else None,
        **{key: found.get(key, ()) for key in ("updates", "updated_by", "repeats", "repeated_by")},
        "incident": event.get("incident") or claim.get("event"),
        **{key: event.get(key) for key in ("start_date", "end_date", "dated_by")},
    }


# --- values ------------------------------------------------------------------


def _plain(term: Identifier) -> Any:
    """A plain Python value for an RDF term: IRIs as ``str``, numbers as int/float."""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value
        if isinstance(value, (float, Decimal)):
            number = float(value)
            return int(number) if number.is_integer() else number
        return str(term)  # strings, and dates in their lexical form
    return str(term)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def _web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else ``None`` (no ``javascript:`` links)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None

