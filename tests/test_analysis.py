"""Tests of graph/analysis.py (networkx in, plain data out) and of ``newsgraph stats``."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.analysis import metrics as analysis
from graph.analysis.metrics import (
    centrality,
    communities,
    figures_by_event,
    graph_stats,
    graph_summary,
    most_cited_sources,
    most_criticized,
    simple_graph,
)
from graph.cli.main import main
from graph.rdf.triples import add_extraction, new_dataset, serialize_dataset
from graph.types import (
    Actor,
    Article,
    Claim,
    Event,
    Evidence,
    Extraction,
    Figure,
    Software,
)

#: The software stamped on hand-made extractions (no model ran).
SOFTWARE = Software("0.0.test", "hand_made", "0")


def _node(g, node, label, type_, side=None):
    g.add_node(node, label=label, type=type_, side=side, role=None, n_said=0, n_about=0, aliases=())


def _edge(g, u, v, key, kind, *, article="a1", outlet="CNN", **attrs):
    g.add_edge(u, v, key=key, claim=key, kind=kind, article=article, outlet=outlet,
               label=attrs.pop("label", kind), conflicts=attrs.pop("conflicts", ()), **attrs)
    g.nodes[u]["n_said"] += 1
    g.nodes[v]["n_about"] += 1


@pytest.fixture
def g() -> nx.MultiDiGraph:
    """Two camps around one event: MoD and Ukr report figures; Girkin and Markov
    criticize MoD; a target is criticized twice; one actor is only mentioned."""
    g = nx.MultiDiGraph()
    _node(g, "mod", "Russian Defense Ministry", "organization", "Russia")
    _node(g, "ukr", "Ukrainian military", "organization", "Ukraine")
    _node(g, "girkin", "Igor Girkin", "person", "Russia")
    _node(g, "markov", "Sergey Markov", "person", "Russia")
    _node(g, "lee", "Rob Lee", "person")
    _node(g, "mentioned", "Donetsk", "organization")
    _node(g, "strike", "strike on Makiivka", "event")
    g.nodes["strike"].update(place="Makiivka", time="midnight", weapon=None)
    _node(g, "t:command", "the command", "target")
    _node(g, "art:a3", "Article three", "article")
    _edge(g, "mod", "strike", "c1", "figure", quantity="killed", low=63, high=63, label="63 killed",
          conflicts=("c2",))
    _edge(g, "ukr", "strike", "c2", "figure", quantity="killed", low=400, high=400, approx=True,
          label="~400 killed", conflicts=("c1",), outlet="TASS", article="a2")
    _edge(g, "girkin", "strike", "c3", "figure", quantity="killed", low=200, high=900,
          label="200–900 killed", article="a2", outlet="TASS")
    _edge(g, "ukr", "strike", "c4", "figure", quantity="injured", low=300, high=300, label="300 injured")
    _edge(g, "girkin", "mod", "c5", "criticism")
    _edge(g, "markov", "mod", "c6", "criticism", article="a2", outlet="TASS")
    _edge(g, "girkin", "mod", "c7", "criticism", article="a2", outlet="TASS")
    _edge(g, "markov", "t:command", "c8", "criticism")
    _edge(g, "lee", "t:command", "c9", "criticism")
    _edge(g, "girkin", "strike", "c10", "quote")
    _edge(g, "ukr", "art:a3", "c11", "figure", quantity="killed", low=700, high=None,
          label="≥700 killed", article="a3")
    g.add_edge("girkin", "markov", key="affiliation girkin markov", kind="affiliation", claim=None)
    return g


def test_summary_counts(g):
    assert graph_summary(g) == {
        "nodes": 9, "actors": 6, "actors_with_claims": 5, "events": 1, "claims": 11,
        "claims_by_kind": {"figure": 5, "criticism": 5, "quote": 1, "statement": 0}, "affiliations": 1,
        "articles": 3, "outlets": 2,
    }


def test_simple_graph_weights_pairs_and_drops_unlinked(g):
    simple = simple_graph(g)
    assert "mentioned" not in simple
    assert simple["girkin"]["mod"]["weight"] == 2
    assert simple["girkin"]["strike"]["weight"] == 2
    assert simple.number_of_nodes() == 8


def test_centrality_ranks_the_broker_first(g):
    rows = centrality(g)
    assert rows[0]["label"] == "strike on Makiivka"
    by_label = {r["label"]: r for r in rows}
    assert by_label["Igor Girkin"]["degree"] == 5  # 4 claims and 1 affiliation
    assert by_label["Rob Lee"]["betweenness"] == 0.0
    assert by_label["Ukrainian military"]["betweenness"] > by_label["Igor Girkin"]["betweenness"] > 0
    assert all(r["estimated"] is False for r in rows)
    assert "Donetsk" not in by_label


def test_centrality_estimates_betweenness_on_large_graphs(monkeypatch, g):
    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS_LIMIT", 5)
    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLE", 4)
    rows = centrality(g)
    assert all(r["estimated"] for r in rows)
    assert rows == centrality(g)  # seeded


def test_communities_cover_every_linked_node_once(g):
    found = communities(g)
    nodes = [n for c in found for n in c["nodes"]]
    assert sorted(nodes) == sorted(simple_graph(g))
    assert [c["size"] for c in found] == sorted((c["size"] for c in found), reverse=True)
    assert [c["id"] for c in found] == list(range(len(found)))
    assert communities(g) == found  # seeded


def test_most_criticized(g):
    rows = most_criticized(g)
    assert [(r["label"], r["criticisms"], r["critics"], r["articles"]) for r in rows] == [
        ("Russian Defense Ministry", 3, 2, 2),
        ("the command", 2, 2, 1),
    ]
    assert rows[0]["by"] == ["Igor Girkin", "Sergey Markov"]
    assert most_criticized(g, top=1) == rows[:1]


def test_most_cited_sources(g):
    rows = most_cited_sources(g, top=3)
    assert [(r["label"], r["claims"], r["figure"], r["criticism"], r["quote"]) for r in rows] == [
        ("Igor Girkin", 4, 1, 2, 1),
        ("Ukrainian military", 3, 3, 0, 0),
        ("Sergey Markov", 2, 0, 2, 0),
    ]
    assert (rows[0]["articles"], rows[0]["outlets"], rows[0]["side"]) == (2, 2, "Russia")


def test_figures_by_event_puts_sources_side_by_side(g):
    groups = figures_by_event(g)
    assert [(x["label"], x["quantity"], x["about"]) for x in groups] == [
        ("strike on Makiivka", "killed", "event"),
        ("strike on Makiivka", "injured", "event"),
        ("Article three", "killed", "article"),
    ]
    killed = groups[0]
    assert [f["label"] for f in killed["figures"]] == ["63 killed", "200–900 killed", "~400 killed"]
    assert (killed["low"], killed["high"], killed["spread"]) == (63, 900, 14.286)
    assert (killed["sources"], killed["conflicts"], killed["place"], killed["time"]) == (3, 1, "Makiivka", "midnight")
    assert killed["figures"][2]["approx"] is True and killed["figures"][2]["side"] == "Ukraine"
    open_ended = groups[2]
    assert (open_ended["low"], open_ended["high"], open_ended["spread"]) == (700, 700, 1.0)


def test_graph_stats_is_plain_json(g):
    stats = graph_stats(g, top=2)
    assert json.loads(json.dumps(stats)) == stats
    assert len(stats["centrality"]) == 2
    assert all(g.nodes[r["node"]]["type"] not in ("event", "target", "article") for r in stats["centrality"])
    assert stats["figure_spread"][0]["values"] == [
        "Russian Defense Ministry: 63 killed", "Igor Girkin: 200–900 killed", "Ukrainian military: ~400 killed"]
    assert all("nodes" not in c for c in stats["communities"])


def test_empty_graph():
    empty = nx.MultiDiGraph()
    assert (centrality(empty), communities(empty), figures_by_event(empty)) == ([], [], [])
    assert graph_stats(empty)["summary"]["claims"] == 0


# --- newsgraph stats ------------------------------------------------------------------


def _build_trig(path):
    """A two-article graph.trig made from hand-written extractions (no spaCy)."""
    mod = Actor("Russian Defense Ministry", "organization", side="Russia")
    ukr = Actor("Ukrainian military", "organization", side="Ukraine")
    girkin = Actor("Igor Girkin", "person", side="Russia", role="blogger")
    strike = Event("strike on Makiivka", "strike", place="Makiivka")
    ds = new_dataset()
    for art_id, outlet, source, low, kind in (("a1", "CNN", mod, 63, "figure"),
                                              ("a2", "TASS", ukr, 400, "figure"),
                                              ("a3", "TASS", girkin, None, "criticism")):
        sentence = f"{source.name} said {low} were killed." if low else f"{source.name} criticized the command."
        article = Article(art_id, sentence, title=f"Article {art_id}", outlet=outlet)
        evidence = Evidence(art_id, 0, len(sentence), sentence)
        claim = Claim(kind, art_id, source, evidence, f"{kind}.v1",
                      figure=Figure("killed", low, low, text=str(low)) if low else None,
                      target=None if low else "the command", event=strike if low else None)
        add_extraction(ds, Extraction(article, (claim,), (source,), (strike,) if low else (), (f"{kind}.v1",),
                                      software=SOFTWARE))
    serialize_dataset(ds, str(path), "trig")
    return path


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    return _build_trig(tmp_path_factory.mktemp("stats") / "graph.trig")


def test_stats_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["stats", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: newsgraph stats" in out and "--json" in out


def test_stats_prints_tables(trig, capsys):
    assert main(["stats", str(trig)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("graph: ")
    assert "3 claims (figure 2, criticism 1, quote 0, statement 0)" in out
    for heading in ("Most central actors", "Communities", "Most criticized", "Most cited sources",
                    "Spread of figures per event"):
        assert heading in out
    assert "strike on Makiivka, killed: 63–400, highest/lowest 6.349" in out
    assert "Ukrainian military: 400 killed" in out


def test_stats_json_and_top(trig, capsys):
    assert main(["stats", str(trig), "--json", "--top", "1"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["summary"]["claims"] == 3
    assert len(stats["most_cited_sources"]) == 1
    assert stats["most_criticized"][0]["label"] == "the command"


def test_stats_reads_a_build_folder_and_nquads(trig, tmp_path, capsys):
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(trig, format="trig")
    ds.serialize(destination=str(tmp_path / "graph.nq"), format="nquads")
    assert main(["stats", str(tmp_path / "graph.nq"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["claims"] == 3
    assert main(["stats", str(trig.parent), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["claims"] == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["stats", "missing.trig"], "missing.trig"),
        (["stats", "notes.txt"], "notes.txt"),
    ],
)
def test_stats_bad_input_is_a_clear_error(argv, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_stats_rejects_a_turtle_file_without_graphs(trig, tmp_path, capsys):
    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(trig, format="trig")
    merged = tmp_path / "graph.ttl"
    flat = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        flat.add((s, p, o))
    flat.serialize(destination=str(merged), format="turtle")
    assert main(["stats", str(merged)]) == 2
    assert "no named graphs" in capsys.readouterr().err


def test_stats_top_must_be_positive(trig, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["stats", str(trig), "--top", "0"])
    assert exc.value.code == 2
    assert "must be at least 1" in capsys.readouterr().err
