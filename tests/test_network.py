"""Tests of graph/network.py (RDF -> networkx) and of the query loader it uses."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Literal

from graph.analysis.network import (
    NODE_KEYS,
    dataset_to_networkx,
    figure_label,
    is_claim,
)
from graph.errors import OptionError
from graph.rdf.vocab import DATA, NG
from graph.sparql.library import load_query, query_names

MOD = DATA["actor/russian-defense-ministry"]
GIRKIN = DATA["actor/igor-girkin"]
UKR = DATA["actor/ukrainian-military"]
CNN = DATA["actor/cnn"]
TELEGRAM = DATA["actor/telegram"]
GHOST = DATA["actor/undeclared"]
STRIKE = DATA["event/makiivka-strike"]
FIGURES = DATA["extractor/figures.v1"]
A1, A2 = DATA["article/a1"], DATA["article/a2"]
SENTENCE = "The Russian Defense Ministry said 63 servicemen were killed."


def _actor(ds: Dataset, iri, cls, label, type_, *, side=None, role=None, aliases=()) -> None:
    ds.add((iri, RDF.type, NG.Actor))
    ds.add((iri, RDF.type, cls))
    ds.add((iri, RDFS.label, Literal(label)))
    ds.add((iri, NG.actorType, Literal(type_)))
    for alias in aliases:
        ds.add((iri, SKOS.altLabel, Literal(alias)))
    if side:
        ds.add((iri, NG.side, Literal(side)))
    if role:
        ds.add((iri, NG.role, Literal(role)))


def _claim(g, name, cls, source, article, *, begin=0, sentence=SENTENCE, event=None, **props):
    claim = DATA[f"claim/{name}"]
    ev = DATA[f"evidence/{name}"]
    for triple in [
        (claim, RDF.type, NG.Claim),
        (claim, RDF.type, cls),
        (claim, NG.source, source),
        (claim, NG.inArticle, article),
        (claim, NG.evidence, ev),
        (claim, NG.generatedBy, FIGURES),
        (ev, RDF.type, NG.Evidence),
        (ev, NG.inArticle, article),
        (ev, NG.beginIndex, Literal(begin)),
        (ev, NG.endIndex, Literal(begin + len(sentence))),
        (ev, NG.sentence, Literal(sentence)),
        (source, NG.mentionedIn, article),
    ]:
        g.add(triple)
    if event is not None:
        g.add((claim, NG.aboutEvent, event))
    for prop, value in props.items():
        g.add((claim, NG[prop], value))
    return claim


def _figure(g, claim, quantity, low, high, *, approx=False, text=""):
    fig = DATA[f"figure/{claim.split('/')[-1]}"]
    g.add((claim, NG.figure, fig))
    g.add((fig, RDF.type, NG.Figure))
    g.add((fig, NG.quantityKind, Literal(quantity)))
    if low is not None:
        g.add((fig, NG.low, Literal(low)))
    if high is not None:
        g.add((fig, NG.high, Literal(high)))
    g.add((fig, NG.approximate, Literal(approx)))
    g.add((fig, NG.figureText, Literal(text)))


@pytest.fixture(scope="module", params=["default", "Oxigraph"])
def dataset(request) -> Dataset:
    """Two articles covering every edge shape; shared by the tests, never modified."""
    from rdflib.namespace import (
        XSD,  # not at module level: pytest probes module globals
    )

    ds = Dataset(store=request.param)
    _actor(ds, MOD, NG.Organization, "Russian Defense Ministry", "organization",
           side="Russia", aliases=["MoD", "Russian Defense Ministry"])
    _actor(ds, GIRKIN, NG.Person, "Igor Girkin", "person", role="blogger", side="Russia")
    _actor(ds, UKR, NG.Organization, "Ukrainian military", "organization", side="Ukraine")
    _actor(ds, CNN, NG.Outlet, "CNN", "outlet")
    _actor(ds, TELEGRAM, NG.Channel, "Telegram", "channel")
    ds.add((STRIKE, RDF.type, NG.Event))
    ds.add((STRIKE, RDFS.label, Literal("Makiivka strike")))
    ds.add((STRIKE, NG.eventType, Literal("attack")))
    ds.add((STRIKE, NG.place, Literal("Makiivka")))
    ds.add((FIGURES, RDF.type, NG.Extractor))
    ds.add((FIGURES, RDFS.label, Literal("figures.v1")))

    g1 = ds.graph(DATA["graph/a1"])
    g1.add((A1, RDF.type, NG.Article))
    g1.add((A1, NG.articleId, Literal("a1")))
    g1.add((A1, NG.title, Literal("Moscow confirms 63 deaths")))
    g1.add((A1, NG.url, Literal("https://example.org/a1")))
    g1.add((A1, NG.outlet, CNN))
    g1.add((A1, NG.datePublished, Literal("2023-01-02", datatype=XSD.date)))
    g1.add((A1, NG.text, Literal("...")))
    c1 = _claim(g1, "c1", NG.FigureClaim, MOD, A1, begin=10, event=STRIKE)
    _figure(g1, c1, "killed", 63, 63, text="63")
    c2 = _claim(g1, "c2", NG.FigureClaim, MOD, A1, begin=200, event=STRIKE)
    _figure(g1, c2, "killed", 63, 63, text="63")
    c3 = _claim(g1, "c3", NG.FigureClaim, UKR, A1, begin=300, event=STRIKE)
    _figure(g1, c3, "killed", 400, 400, approx=True, text="around 400")
    c4 = _claim(g1, "c4", NG.FigureClaim, UKR, A1, begin=400)
    _figure(g1, c4, "killed", 700, None, text="over 700")
    _claim(g1, "c5", NG.Criticism, GIRKIN, A1, begin=500, target=Literal("the high command"))
    _claim(g1, "c6", NG.Criticism, GIRKIN, A1, begin=600,
           target=Literal("the ministry"), targetActor=MOD)
    _claim(g1, "c7", NG.Quotation, GIRKIN, A1, begin=700, event=STRIKE,
           quoteText=Literal("destroyed almost entirely"), channel=TELEGRAM,
           narrator=Literal(False))
    _claim(g1, "c8", NG.Quotation, GIRKIN, A1, begin=800, quoteText=Literal("sloppiness"))
    ds.add((c1, NG.conflictsWith, c3))

    g2 = ds.graph(DATA["graph/a2"])
    g2.add((A2, RDF.type, NG.Article))
    g2.add((A2, NG.articleId, Literal("a2")))
    g2.add((A2, NG.url, Literal("javascript:alert(1)")))
    c9 = _claim(g2, "c9", NG.FigureClaim, GHOST, A2, begin=5)
    _figure(g2, c9, "munitions", None, 50, text="up to 50")
    return ds


@pytest.fixture(scope="module")
def graph(dataset):
    return dataset_to_networkx(dataset)


def _claim_key(name: str) -> str:
    return str(DATA[f"claim/{name}"])


@pytest.mark.parametrize(
    ("claim", "source", "target", "kind", "label"),
    [
        ("c1", MOD, STRIKE, "figure", "63 killed"),
        ("c2", MOD, STRIKE, "figure", "63 killed"),
        ("c3", UKR, STRIKE, "figure", "~400 killed"),
        ("c4", UKR, A1, "figure", "≥700 killed"),
        ("c5", GIRKIN, "target:the high command", "criticism", "criticized"),
        ("c6", GIRKIN, MOD, "criticism", "criticized"),
        ("c7", GIRKIN, STRIKE, "quote", "quoted"),
        ("c8", GIRKIN, A1, "quote", "quoted"),
        ("c9", GHOST, A2, "figure", "≤50 munitions"),
    ],
)
def test_each_claim_becomes_one_edge(graph, claim, source, target, kind, label):
    data = graph.get_edge_data(str(source), str(target), key=_claim_key(claim))
    assert data is not None, f"no edge {claim}: {source} -> {target}"
    assert (data["kind"], data["label"], data["claim"]) == (kind, label, _claim_key(claim))


def test_parallel_claims_stay_separate_edges(graph):
    assert graph.number_of_edges() == 9
    assert set(graph[str(MOD)][str(STRIKE)]) == {_claim_key("c1"), _claim_key("c2")}


def test_edge_carries_article_and_evidence(graph):
    data = graph.edges[str(MOD), str(STRIKE), _claim_key("c1")]
    expected = {
        "article": "a1",
        "title": "Moscow confirms 63 deaths",
        "outlet": "CNN",
        "date": "2023-01-02",
        "url": "https://example.org/a1",
        "sentence": SENTENCE,
        "begin": 10,
        "end": 10 + len(SENTENCE),
        "quantity": "killed",
        "low": 63,
        "high": 63,
        "approx": False,
        "figure_text": "63",
        "extractor": "figures.v1",
        "conflicts": (_claim_key("c3"),),
    }
    assert {k: data[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("claim", "source", "target", "field", "value"),
    [
        ("c7", GIRKIN, STRIKE, "text", "destroyed almost entirely"),
        ("c7", GIRKIN, STRIKE, "channel", "Telegram"),
        ("c7", GIRKIN, STRIKE, "narrator", False),
        ("c5", GIRKIN, "target:the high command", "target", "the high command"),
        ("c6", GIRKIN, MOD, "target", "the ministry"),
        ("c3", UKR, STRIKE, "conflicts", (_claim_key("c1"),)),
        ("c9", GHOST, A2, "url", None),
        ("c9", GHOST, A2, "title", None),
        ("c9", GHOST, A2, "article", "a2"),
    ],
)
def test_edge_field(graph, claim, source, target, field, value):
    assert graph.edges[str(source), str(target), _claim_key(claim)][field] == value


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (MOD, {"label": "Russian Defense Ministry", "type": "organization", "side": "Russia",
               "role": None, "n_said": 2, "n_about": 1}),
        (GIRKIN, {"label": "Igor Girkin", "type": "person", "side": "Russia",
                  "role": "blogger", "n_said": 4, "n_about": 0}),
        (UKR, {"label": "Ukrainian military", "type": "organization", "side": "Ukraine",
               "role": None, "n_said": 2, "n_about": 0}),
        (CNN, {"label": "CNN", "type": "outlet", "side": None, "role": None,
               "n_said": 0, "n_about": 0}),
        (STRIKE, {"label": "Makiivka strike", "type": "event", "side": None, "role": None,
                  "n_said": 0, "n_about": 4}),
        ("target:the high command", {"label": "the high command", "type": "target",
                                     "side": None, "role": None, "n_said": 0, "n_about": 1}),
        (A1, {"label": "Moscow confirms 63 deaths", "type": "article", "side": None,
              "role": None, "n_said": 0, "n_about": 2}),
        (A2, {"label": "a2", "type": "article", "side": None, "role": None,
              "n_said": 0, "n_about": 1}),
        (GHOST, {"label": "undeclared", "type": "unknown", "side": None, "role": None,
                 "n_said": 1, "n_about": 0}),
    ],
)
def test_node_attributes(graph, node, expected):
    assert {k: graph.nodes[str(node)][k] for k in NODE_KEYS} == expected


def test_actor_aliases_exclude_the_label(graph):
    assert graph.nodes[str(MOD)]["aliases"] == ("MoD",)


def test_event_keeps_its_details(graph):
    node = graph.nodes[str(STRIKE)]
    assert (node["event_type"], node["place"], node["weapon"]) == ("attack", "Makiivka", None)


def test_empty_dataset_gives_empty_graph():
    g = dataset_to_networkx(Dataset())
    assert (g.number_of_nodes(), g.number_of_edges()) == (0, 0)


@pytest.mark.parametrize(
    ("args", "kwargs", "label"),
    [
        (("killed", 63, 63), {}, "63 killed"),
        (("killed", 400, 400), {"approx": True}, "~400 killed"),
        (("killed", 700, None), {}, "≥700 killed"),
        (("killed", 25, None), {"approx": True}, "≥~25 killed"),
        (("munitions", None, 50), {}, "≤50 munitions"),
        (("killed", 200, 900), {"approx": True}, "~200–900 killed"),
        (("injured", 2.5, 2.5), {}, "2.5 injured"),
        (("killed", None, None), {"text": "dozens"}, "dozens killed"),
        ((None, None, None), {}, "figure"),
    ],
)
def test_figure_label(args, kwargs, label):
    assert figure_label(*args, **kwargs) == label


@pytest.mark.parametrize(
    "name",
    ["_network_actors", "_network_events", "_network_extractors", "_network_conflicts",
     "_network_claims"],
)
def test_network_queries_load_by_name(name):
    assert name in query_names()
    assert "SELECT" in load_query(name)


@pytest.mark.parametrize("name", ["no_such_query", "../pyproject"])
def test_unknown_query_name_lists_valid_names(name):
    with pytest.raises(OptionError, match="_network_claims"):
        load_query(name)


# --- affiliations and event details ------------------------------------------


@pytest.fixture(scope="module", params=["default", "Oxigraph"])
def affiliated(request):
    """A spokesperson affiliated with a ministry; the event's time and weapon
    stated in two article graphs, as the build writes them."""
    ds = Dataset(store=request.param)
    spokesman = DATA["actor/spokesman"]
    _actor(ds, MOD, NG.Organization, "Russian Defense Ministry", "organization", side="Russia")
    _actor(ds, spokesman, NG.Person, "Igor Konashenkov", "person", role="spokesman")
    ds.add((spokesman, NG.affiliatedWith, MOD))
    ds.add((STRIKE, RDF.type, NG.Event))
    ds.add((STRIKE, RDFS.label, Literal("Makiivka strike")))
    for name, article, time, weapon in (("a1", A1, "New Year's Day", "HIMARS rockets"),
                                        ("a2", A2, "midnight", "HIMARS rockets")):
        g = ds.graph(DATA[f"graph/{name}"])
        g.add((article, RDF.type, NG.Article))
        g.add((STRIKE, NG.time, Literal(time)))
        g.add((STRIKE, NG.weapon, Literal(weapon)))
        c = _claim(g, f"x{name}", NG.FigureClaim, spokesman, article, event=STRIKE)
        _figure(g, c, "killed", 63, 63, text="63")
    return dataset_to_networkx(ds), spokesman


def test_affiliation_is_an_edge_but_not_a_claim(affiliated):
    g, spokesman = affiliated
    [(key, data)] = g[str(spokesman)][str(MOD)].items()
    assert key == f"affiliation {spokesman} {MOD}"
    assert (data["kind"], data["label"], data["claim"]) == ("affiliation", "affiliated with", None)
    assert not is_claim(data)
    assert (g.nodes[str(spokesman)]["n_said"], g.nodes[str(MOD)]["n_about"]) == (2, 0)


def test_event_time_and_weapon_come_from_the_article_graphs(affiliated):
    g, _ = affiliated
    node = g.nodes[str(STRIKE)]
    assert (node["time"], node["weapon"]) == ("New Year's Day; midnight", "HIMARS rockets")


def test_claim_edges_are_claims(graph):
    assert all(is_claim(d) for *_, d in graph.edges(data=True))


@pytest.mark.parametrize(
    ("affiliation", "linked"),
    [
        ("the  russian defense MINISTRY", True),  # the label, case, spacing and "the" aside
        ("MoD", True),  # an alias
        ("Russia-backed Donetsk administration", False),  # no such actor: kept as text only
        ("Speaker", False),  # itself
    ],
)
def test_affiliation_name_links_a_known_actor(affiliation, linked):
    ds = Dataset()
    speaker = DATA["actor/speaker"]
    _actor(ds, MOD, NG.Organization, "Russian Defense Ministry", "organization", aliases=["MoD"])
    _actor(ds, speaker, NG.Person, "Speaker", "person")
    ds.add((speaker, NG.affiliation, Literal(affiliation)))
    g = dataset_to_networkx(ds)
    assert g.nodes[str(speaker)]["affiliation"] == affiliation
    edges = [(u, v, k) for u, v, k in g.edges(data="kind")]
    assert edges == ([(str(speaker), str(MOD), "affiliation")] if linked else [])


def test_a_criticism_without_a_target_points_to_no_article():
    from graph.analysis.network import UNNAMED_TARGET, _claim_target
    import networkx as nx

    g = nx.MultiDiGraph()
    claim = {"kind": "criticism", "article": "https://w3id.org/newsgraph/id/article/a", "target": None}
    node = _claim_target(g, claim)
    assert node != claim["article"] and claim["article"] not in g
    assert g.nodes[node]["label"] == UNNAMED_TARGET and g.nodes[node]["type"] == "target" and g.nodes[node]["unnamed"]
    assert _claim_target(g, dict(claim)) == node  # one such node per article
