"""The figures board per incident: the network's figure links (graph/analysis/network.py),
the groups of figures_by_event (graph/analysis/figures.py), the board's HTML
(graph/view/board.py) and the two library queries that show the same
(figures_by_event.rq, conflicting_figures.rq), on one hand-made dataset.

The dataset: a strike on Kutum that two articles dated a day apart (two events, the
second ``ng:sameIncident`` the first). The Kutum Emergency Response Room (KERR) said 46
killed, then 61 (``ng:updates``), among them six children (a part); the army said 5
killed, and repeated it a day later (``ng:repeats``): both conflict with KERR's figures.
The UN's war-wide "more than 20,000 killed" is a cumulative count. At Zmiiv the
officials' early 4 killed, later 9, does not conflict with the monitors' at least 7.
"""
from __future__ import annotations

import re

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.analysis.metrics import figures_by_event, graph_stats
from graph.analysis.network import dataset_to_networkx
from graph.rdf.triples import serialize_dataset
from graph.rdf.vocab import DATA, NG
from graph.sparql.run import library_query, prepare_query, run_query
from graph.store.local import load_files
from graph.view.board import (
    ARTICLE_DATE_NOTE,
    CUMULATIVE_HEADING,
    board_html,
    render_figures_board,
)
from graph.view.page import render_html

#: xsd:date (rdflib's XSD namespace at module level trips pytest's probing of module globals)
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
PAYLOAD = "<img src=x onerror=alert(1)>"
KUTUM, KUTUM_LATER, ZMIIV = (DATA["event/kutum/2026-03-09"], DATA["event/kutum/2026-03-10"],
                             DATA["event/zmiiv/2026-04-12"])
KERR, ARMY, UN = DATA["actor/kerr"], DATA["actor/army"], DATA["actor/un"]
OFFICIALS, HRMMU = DATA["actor/officials"], DATA["actor/hrmmu"]
ARTICLES = {"a1": "2026-03-09", "a2": "2026-03-10", "a3": "2026-03-12"}
#: name: (source, article, event, kind, low, high, scope, counted)
FIGURES = {
    "c1": (KERR, "a1", KUTUM, "killed", 46, 46, "total", None),
    "c2": (KERR, "a3", KUTUM_LATER, "killed", 61, 61, "total", None),
    "c3": (ARMY, "a2", KUTUM_LATER, "killed", 5, 5, "total", None),
    "c4": (ARMY, "a3", KUTUM, "killed", 5, 5, "total", None),
    "c5": (KERR, "a3", KUTUM_LATER, "killed", 6, 6, "part", "children"),
    "c6": (UN, "a3", KUTUM, "killed", 20000, None, "cumulative", None),
    "c7": (KERR, "a1", KUTUM, "injured", 30, 30, "total", None),
    "c8": (OFFICIALS, "a2", ZMIIV, "killed", 4, 4, "total", None),
    "c9": (OFFICIALS, "a3", ZMIIV, "killed", 9, 9, "total", None),
    "c10": (HRMMU, "a3", ZMIIV, "killed", 7, None, None, None),
}
UPDATES = (("c2", "c1"), ("c9", "c8"))
REPEATS = (("c4", "c3"),)
CONFLICTS = (("c3", "c1"), ("c3", "c2"), ("c4", "c1"), ("c4", "c2"))


def claim(name: str) -> URIRef:
    return DATA[f"claim/{name}"]


def _event(ds: Dataset, iri: URIRef, label: str, place: str, country: str, day: str, dated_by: str) -> None:
    for prop, value in ((RDFS.label, Literal(label)), (NG.place, Literal(place)), (NG.country, Literal(country)),
                        (NG.startDate, Literal(day, datatype=XSD_DATE)), (NG.endDate, Literal(day, datatype=XSD_DATE)),
                        (NG.datedBy, Literal(dated_by)), (RDF.type, NG.Event)):
        ds.add((iri, prop, value))


def _figure_claim(ds: Dataset, name: str) -> None:
    source, article, event, kind, low, high, scope, counted = FIGURES[name]
    g = ds.graph(DATA[f"graph/{article}"])
    c, fig, ev, art = claim(name), DATA[f"figure/{name}"], DATA[f"evidence/{name}"], DATA[f"article/{article}"]
    sentence = f"{name}: {kind} {low}."
    for triple in ((c, RDF.type, NG.Claim), (c, RDF.type, NG.FigureClaim), (c, NG.source, source),
                   (c, NG.inArticle, art), (c, NG.aboutEvent, event), (c, NG.figure, fig), (c, NG.evidence, ev),
                   (ev, RDF.type, NG.Evidence), (ev, NG.inArticle, art), (ev, NG.sentence, Literal(sentence)),
                   (ev, NG.beginIndex, Literal(int(name[1:]) * 10)), (ev, NG.endIndex, Literal(int(name[1:]) * 10 + 9)),
                   (fig, RDF.type, NG.Figure), (fig, NG.quantityKind, Literal(kind)), (fig, NG.approximate, Literal(False)),
                   (fig, NG.figureText, Literal(str(low)))):
        g.add(triple)
    for prop, value in ((NG.low, low), (NG.high, high), (NG.scope, scope), (NG.counted, counted)):
        if value is not None:
            g.add((fig, prop, Literal(value)))


def make_dataset(*, merged: bool = True) -> Dataset:
    """The dataset of the module docstring; without ``merged`` no ng:sameIncident (nor the
    conflicts across the two Kutum events that only the merge makes)."""
    ds = Dataset()
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    _event(ds, KUTUM, "strike on Kutum, 2026-03-09", "Kutum", "Sudan", "2026-03-09", "text")
    _event(ds, KUTUM_LATER, "strike on Kutum, 2026-03-10", "Kutum", "Sudan", "2026-03-10", "article")
    _event(ds, ZMIIV, "attack on Zmiiv, 2026-04-12", "Zmiiv", "Ukraine", "2026-04-12", "article")
    if merged:
        default.add((KUTUM_LATER, NG.sameIncident, KUTUM))
    for actor, label in ((KERR, "KERR"), (ARMY, "army"), (UN, "UN"), (OFFICIALS, "officials"), (HRMMU, "HRMMU")):
        ds.add((actor, RDF.type, NG.Actor))
        ds.add((actor, RDFS.label, Literal(label)))
    for article, day in ARTICLES.items():
        g, art = ds.graph(DATA[f"graph/{article}"]), DATA[f"article/{article}"]
        g.add((art, RDF.type, NG.Article))
        g.add((art, NG.articleId, Literal(article)))
        g.add((art, NG.datePublished, Literal(day, datatype=XSD_DATE)))
        g.add((art, NG.title, Literal(PAYLOAD if article == "a3" else f"Article {article}")))
    for name in FIGURES:
        _figure_claim(ds, name)
    for prop, links in ((NG.updates, UPDATES), (NG.repeats, REPEATS)):
        for later, earlier in links:
            default.add((claim(later), prop, claim(earlier)))
    same_event = {name for name, f in FIGURES.items() if f[2] == KUTUM}
    for a, b in CONFLICTS:
        if merged or (a in same_event) == (b in same_event):
            default.add((claim(a), NG.conflictsWith, claim(b)))
            default.add((claim(b), NG.conflictsWith, claim(a)))
    return ds


@pytest.fixture(scope="module")
def graph():
    return dataset_to_networkx(make_dataset())


@pytest.fixture(scope="module")
def groups(graph):
    return figures_by_event(graph)


def _store(tmp_path, ds: Dataset):
    path = tmp_path / "graph.trig"
    serialize_dataset(ds, str(path), "trig")
    return load_files([path])


def rows(store, name: str, **params) -> list[dict]:
    text, subs = prepare_query(library_query(name), params)
    return run_query(store.ox, text, substitutions=subs).dicts()


# --- the network ------------------------------------------------------------------


def test_edges_carry_scope_links_incident_and_days(graph):
    edges = {attrs["claim"]: attrs for *_, attrs in graph.edges(data=True)}
    later, repeat, part = edges[str(claim("c2"))], edges[str(claim("c4"))], edges[str(claim("c5"))]
    assert later["updates"] == (str(claim("c1")),) and edges[str(claim("c1"))]["updated_by"] == (str(claim("c2")),)
    assert repeat["repeats"] == (str(claim("c3")),) and edges[str(claim("c3"))]["repeated_by"] == (str(claim("c4")),)
    assert (part["scope"], edges[str(claim("c6"))]["scope"], edges[str(claim("c10"))]["scope"]) == (
        "part", "cumulative", "total")
    assert (later["incident"], later["start_date"], later["dated_by"]) == (str(KUTUM), "2026-03-10", "article")
    assert edges[str(claim("c8"))]["incident"] == str(ZMIIV)


def test_event_nodes_carry_their_incident_days_and_country(graph):
    node = graph.nodes[str(KUTUM_LATER)]
    assert (node["incident"], node["country"], node["start_date"], node["end_date"], node["dated_by"]) == (
        str(KUTUM), "Sudan", "2026-03-10", "2026-03-10", "article")
    assert graph.nodes[str(KUTUM)]["incident"] == str(KUTUM)


# --- figures_by_event ----------------------------------------------------------------


def test_groups_are_per_incident_most_disputed_first(groups):
    assert [(g["label"], g["quantity"]) for g in groups] == [
        ("strike on Kutum, 2026-03-09", "killed"), ("strike on Kutum, 2026-03-09", "injured"),
        ("attack on Zmiiv, 2026-04-12", "killed")]
    killed = groups[0]
    assert killed["events"] == sorted([str(KUTUM), str(KUTUM_LATER)]) and killed["incident"] == str(KUTUM)
    assert (killed["place"], killed["country"], killed["start_date"], killed["end_date"], killed["dated_by"]) == (
        "Kutum", "Sudan", "2026-03-09", "2026-03-09", "text")
    assert [g["incident_conflicts"] for g in groups] == [2, 2, 0]


def test_latest_totals_with_history_repeats_and_parts(groups):
    killed = groups[0]
    army, kerr = killed["rows"]
    assert (army["label"], army["articles"], [r["claim"] for r in army["repeated_in"]]) == (
        "5 killed", 2, [str(claim("c4"))])
    assert (kerr["label"], [h["label"] for h in kerr["history"]], [p["label"] for p in kerr["parts"]]) == (
        "61 killed", ["46 killed"], ["6 killed"])
    assert kerr["parts"][0]["counted"] == "children" and kerr["latest"] and not kerr["history"][0]["latest"]
    assert [c["label"] for c in killed["cumulative"]] == ["≥20000 killed"] and killed["parts"] == []
    # the bounds and spread are the latest totals', not the war-wide count's
    assert (killed["low"], killed["high"], killed["spread"], killed["sources"]) == (5, 61, 12.2, 3)
    assert len(killed["figures"]) == 6


def test_conflicting_pairs_are_marked_and_listed(groups):
    killed = groups[0]
    assert killed["conflicts"] == 2
    assert [(p["a_label"], p["b_source_label"], p["b_label"], p["b_latest"]) for p in killed["conflict_pairs"]] == [
        ("5 killed", "KERR", "46 killed", False), ("5 killed", "KERR", "61 killed", True)]
    army, kerr = killed["rows"]
    assert army["in_conflict"] and kerr["in_conflict"] and kerr["history"][0]["in_conflict"]
    assert not killed["cumulative"][0]["in_conflict"] and not kerr["parts"][0]["in_conflict"]


def test_an_update_that_agrees_is_no_conflict(groups):
    zmiiv = groups[2]
    assert [(r["source_label"], r["label"], [h["label"] for h in r["history"]]) for r in zmiiv["rows"]] == [
        ("HRMMU", "≥7 killed", []), ("officials", "9 killed", ["4 killed"])]
    assert (zmiiv["conflicts"], zmiiv["dated_by"]) == (0, "article")


def test_without_the_merge_each_event_is_its_own_group():
    groups = figures_by_event(dataset_to_networkx(make_dataset(merged=False)))
    killed = [(g["label"], len(g["rows"]), g["conflicts"]) for g in groups if g["quantity"] == "killed"]
    # the later event's sources disagree more (61 against 5), so it comes first
    assert killed == [("strike on Kutum, 2026-03-10", 2, 1), ("strike on Kutum, 2026-03-09", 2, 1),
                      ("attack on Zmiiv, 2026-04-12", 2, 0)]


def test_stats_show_the_timeline(graph):
    spread = graph_stats(graph)["figure_spread"][0]
    assert spread["values"] == ["army: 5 killed (in 2 articles)",
                                "KERR: 61 killed (earlier 46 killed; part 6 killed)",
                                "UN: ≥20000 killed (period or war-wide)"]
    assert spread["pairs"] == ["army: 5 killed / KERR: 46 killed", "army: 5 killed / KERR: 61 killed"]
    assert "rows" not in spread and spread["n_figures"] == 6


# --- the board -----------------------------------------------------------------------


def _incidents(board: str) -> list[str]:
    return re.findall(r'<section class="ng-board-incident".*?</section></section>', board, flags=re.DOTALL)


def test_board_heads_each_incident_with_place_country_and_days(graph):
    kutum, zmiiv = _incidents(board_html(graph))
    assert 'data-conflicts="2"' in kutum and 'data-conflicts="0"' in zmiiv
    assert ('<h2><span class="ng-incident">strike on Kutum, 2026-03-09</span> <span class="ng-where">Kutum, Sudan'
            '</span> <span class="ng-when">2026-03-09</span></h2>') in kutum
    assert f'<span class="ng-when">2026-04-12 {ARTICLE_DATE_NOTE}</span>' in zmiiv
    assert "2 conflicting pairs · 2 reports of one incident merged" in kutum


def test_board_rows_nest_history_parts_and_cumulative(graph):
    board = board_html(graph)
    killed = board[board.index('data-quantity="killed"'):board.index('data-quantity="injured"')]
    main, cumulative = killed.split(f"<h4>{CUMULATIVE_HEADING}</h4>")
    assert main.count("<tbody><tr") == 1 and len(re.findall(r"<tr[ >]", main)) == 3  # header + 2 latest totals
    assert '<ol class="ng-history"><li class="ng-conflict">46 killed · 2026-03-09 · Article a1' in main
    assert '<ul class="ng-parts"><li>KERR · 6 killed · children · 2026-03-12' in main
    assert '<span class="ng-badge">in 2 articles</span>' in main
    assert main.count('<tr class="ng-conflict">') == 2
    assert "≥20000 killed" in cumulative and "≥20000" not in main
    assert "2 figures from 2 sources · 1 earlier (updated) · 1 repeat in later articles · 1 part · " \
           "1 period or war-wide total · highest ÷ lowest = 12.2 · 2 conflicting pairs" in main
    assert "<li><span>army: 5 killed</span> ↔ <span>KERR: 46 killed (earlier)</span></li>" in main


def test_board_escapes_article_strings(graph):
    fragment = render_figures_board(graph)
    assert PAYLOAD not in fragment and html_escaped(PAYLOAD) in fragment


def html_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_page_board_links_every_figure_to_its_edge(graph):
    page = render_html(graph, title="t")
    board = page[page.index('<section id="ng-board"'):]
    ids = {attrs["claim"]: i for i, (*_, attrs) in enumerate(graph.edges(data=True))}
    earlier = re.search(r'<ol class="ng-history"><li data-edge="(\d+)" tabindex="0" class="ng-conflict">', board)
    assert earlier and int(earlier.group(1)) == ids[str(claim("c1"))]
    part = re.search(r'<ul class="ng-parts"><li data-edge="(\d+)" tabindex="0">', board)
    assert part and int(part.group(1)) == ids[str(claim("c5"))]
    data = page[page.index('id="ng-data"'):]
    assert f'"updates":[{ids[str(claim("c1"))]}]' in data and '"scope":"part"' in data


# --- the query library ----------------------------------------------------------------


@pytest.mark.parametrize("merged", [True, False])
def test_figures_by_event_query_gives_incident_scope_and_links(tmp_path, merged):
    store = _store(tmp_path, make_dataset(merged=merged))
    got = {r["claim"].rsplit("/", 1)[-1]: r for r in rows(store, "figures_by_event")}
    assert set(got) == set(FIGURES)
    later = got["c2"]
    assert later["incident"] == str(KUTUM if merged else KUTUM_LATER) and later["event"] == str(KUTUM_LATER)
    assert (later["updates"], got["c4"]["repeats"], got["c5"]["scope"], got["c6"]["scope"]) == (
        str(claim("c1")), str(claim("c3")), "part", "cumulative")
    assert [name for name, r in sorted(got.items()) if r["latest"] is False] == ["c1", "c8"]
    assert (later["country"], got["c8"]["datedBy"], got["c8"]["startDate"]) == ("Sudan", "article", "2026-04-12")
    incident = rows(store, "figures_by_event", incident=str(KUTUM))
    assert len(incident) == (7 if merged else 4)
    store.close()


@pytest.mark.parametrize("merged", [True, False])
def test_conflicting_figures_query_agrees_with_the_links(tmp_path, merged):
    ds = make_dataset(merged=merged)
    store = _store(tmp_path, ds)
    got = rows(store, "conflicting_figures")
    linked = {frozenset((str(a), str(b))) for a, _, b in ds.triples((None, NG.conflictsWith, None))}
    assert {frozenset((r["claimA"], r["claimB"])) for r in got} == linked
    assert all(r["incident"] == r["event"] and r["scope"] == "total" for r in got)
    if merged:  # one pair across the two events of the incident, with its days
        across = next(r for r in got if {r["eventA"], r["eventB"]} == {str(KUTUM), str(KUTUM_LATER)})
        assert (across["event"], across["startDate"], across["country"]) == (str(KUTUM), "2026-03-09", "Sudan")
    store.close()
