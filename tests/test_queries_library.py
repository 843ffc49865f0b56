"""Every query of the library, run on a hand-written dataset (``library_data``)
with the expected rows; then two checks on the seeds' build.

The dataset is made without the extractors, so what these tests expect is
what the queries do, whatever extraction finds. Actor IRIs are looked up by
label; what is checked is what an analyst reads: labels, figures, sides,
channels, articles, dates and sentences.
"""
from __future__ import annotations

from collections import Counter

import pytest
from library_data import A1, A2, A3, ARTICLES, EXTRACTOR, write_library_trig

from graph.sparql.run import library_names, library_query, prepare_query, run_query
from graph.store.local import load_files

DOROVKA = "shelling of Dorovka"
LESSA = "drone strike on Lessa harbour"
NMOD = "Northland Defence Ministry"
SHEALTH = "Southland Health Ministry"
VELT, RANC = "Mara Velt", "Ivo Ranc"
LIBRARY = ("actor_profile", "claims_by_channel", "conflicting_figures", "criticism", "events",
           "figures_by_event", "most_cited_sources", "outlets", "provenance", "quotes_by_actor",
           "statements_by_actor")


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    store = load_files([write_library_trig(tmp_path_factory.mktemp("library") / "graph.trig")])
    yield store
    store.close()


@pytest.fixture(scope="module")
def seeds(seed_build):
    store = load_files([seed_build / "graph.trig"])
    yield store
    store.close()


def rows(store, name: str, **params) -> list[dict]:
    text, subs = prepare_query(library_query(name), params)
    return run_query(store.ox, text, substitutions=subs).dicts()


def pick(result: list[dict], *cols: str) -> list[tuple]:
    return [tuple(r.get(c) for c in cols) for r in result]


def actor(store, label: str) -> str:
    found = {r["actor"] for r in rows(store, "actor_profile") if r.get("actorLabel") == label}
    assert len(found) == 1, (label, found)
    return found.pop()


def article_texts(store) -> dict[str, str]:
    result = run_query(store.ox, "PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
                                 "SELECT ?id ?text WHERE { GRAPH ?g { ?a ng:articleId ?id ; ng:text ?text } }")
    return {r["id"]: r["text"] for r in result.dicts()}


def test_the_library_has_every_query_of_the_issue():
    assert set(LIBRARY) <= set(library_names())
    assert not [n for n in library_names() if n.startswith("_")]


@pytest.mark.parametrize("name", LIBRARY)
def test_every_query_says_what_it_answers_and_declares_projected_params(name, lib):
    query = library_query(name)
    assert len(query.description) > 80 and query.summary.endswith(".")
    variables = run_query(lib.ox, query.text).variables
    for param in query.params:
        if query.page_size is not None and param.name == "page":
            continue  # the page number is written into OFFSET, not bound to a variable
        assert param.name in variables, f"{name}: parameter {param.name} is not a result column"
        assert param.description


def test_figures_by_event(lib):
    got = pick(rows(lib, "figures_by_event"),
               "eventLabel", "kind", "low", "high", "approx", "sourceLabel", "side", "channel", "article", "date")
    assert got == [
        (DOROVKA, "injured", 30, 30, False, SHEALTH, "Southland", None, A1, "2024-03-01"),
        (DOROVKA, "killed", 12, 12, False, SHEALTH, "Southland", None, A1, "2024-03-01"),
        (DOROVKA, "killed", 15, 15, False, SHEALTH, "Southland", None, A3, "2024-03-05"),
        (DOROVKA, "killed", 40, None, False, NMOD, "Northland", "Telegram", A2, "2024-03-02"),
        (DOROVKA, "munitions", 20, 20, True, NMOD, "Northland", None, A2, "2024-03-02"),
        (LESSA, "killed", 3, 5, False, SHEALTH, "Southland", None, A3, "2024-03-05"),
        (LESSA, "munitions", 8, 8, False, NMOD, "Northland", "Telegram", A3, "2024-03-05"),
    ]


def test_figures_by_event_with_event_and_kind(lib):
    dorovka = next(r["event"] for r in rows(lib, "events") if r["eventLabel"] == DOROVKA)
    killed = pick(rows(lib, "figures_by_event", event=dorovka, kind="killed"), "low", "sourceLabel")
    assert killed == [(12, SHEALTH), (15, SHEALTH), (40, NMOD)]
    assert rows(lib, "figures_by_event", event="https://w3id.org/newsgraph/id/event/nowhere") == []


def test_conflicting_figures(lib):
    got = pick(rows(lib, "conflicting_figures"), "eventLabel", "kind", "labelA", "lowA", "highA",
               "labelB", "lowB", "highB")
    # the health ministry's 12 and 15 (one source) never conflict; Lessa's figures are of two kinds
    assert got == [(DOROVKA, "killed", SHEALTH, 12, 12, NMOD, 40, None),
                   (DOROVKA, "killed", SHEALTH, 15, 15, NMOD, 40, None)]
    assert rows(lib, "conflicting_figures", kind="munitions") == []


def _stored_conflicts(store) -> set[tuple]:
    linked = run_query(store.ox, "PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
                                 "SELECT ?a ?b WHERE { ?a ng:conflictsWith ?b FILTER (STR(?a) < STR(?b)) }")
    return {(r["a"], r["b"]) for r in linked.dicts()}


@pytest.mark.parametrize("store", ["lib", "seeds"])
def test_conflicting_figures_agree_with_the_links_of_a_one_shot_build(store, request):
    store = request.getfixturevalue(store)
    computed = {tuple(sorted((r["claimA"], r["claimB"]))) for r in rows(store, "conflicting_figures")}
    assert computed and computed == _stored_conflicts(store)


def test_criticism(lib):
    got = pick(rows(lib, "criticism"), "sourceLabel", "side", "target", "channel", "eventLabel", "article")
    assert got == [(RANC, None, "the drone crews", "X/Twitter", None, A2),
                   (VELT, "Southland", "the Northland command", "Telegram", DOROVKA, A1)]
    [velt] = rows(lib, "criticism", source=actor(lib, VELT))
    assert velt["sentence"] == "Mayor Mara Velt condemned the Northland command on Telegram."


def test_quotes_by_actor(lib):
    got = pick(rows(lib, "quotes_by_actor"), "actorLabel", "side", "quote", "channel", "article", "date")
    assert got == [
        (VELT, "Southland", "They shelled a market at noon,", "Telegram", A1, "2024-03-01"),
        (VELT, "Southland", "The harbour will be rebuilt,", None, A3, "2024-03-05"),
        (NMOD, "Northland", "Only military targets were hit,", "Telegram", A2, "2024-03-02"),
    ]
    texts = article_texts(lib)
    for row in rows(lib, "quotes_by_actor"):
        assert texts[row["article"]][row["begin"]:].find(row["quote"]) > 0


def test_statements_by_actor(lib):
    got = pick(rows(lib, "statements_by_actor"), "actorLabel", "side", "statement", "cue", "polarity",
               "channel", "eventLabel", "article")
    assert got == [
        (VELT, "Southland", "the port would reopen within a month", "say", "asserted", None, None, A3),
        (NMOD, "Northland", "its shells had hit the market", "deny", "denied", "Telegram", DOROVKA, A2),
    ]
    denied = rows(lib, "statements_by_actor", polarity="denied")
    assert pick(denied, "actorLabel") == [(NMOD,)]
    texts = article_texts(lib)
    for row in rows(lib, "statements_by_actor"):
        assert row["statement"] in texts[row["article"]][row["begin"]:]


def test_claims_by_channel_newest_first(lib):
    got = pick(rows(lib, "claims_by_channel"), "channelLabel", "kind", "sourceLabel", "what", "date")
    assert [g[4] for g in got] == ["2024-03-05", "2024-03-02", "2024-03-02", "2024-03-02",
                                   "2024-03-02", "2024-03-01", "2024-03-01"]
    assert sorted(got) == sorted([
        ("Telegram", "figure", NMOD, "eight munitions", "2024-03-05"),
        ("Telegram", "figure", NMOD, "at least 40 killed", "2024-03-02"),
        ("Telegram", "quote", NMOD, "Only military targets were hit,", "2024-03-02"),
        ("X/Twitter", "criticism", RANC, "the drone crews", "2024-03-02"),
        ("Telegram", "statement", NMOD, "its shells had hit the market", "2024-03-02"),
        ("Telegram", "quote", VELT, "They shelled a market at noon,", "2024-03-01"),
        ("Telegram", "criticism", VELT, "the Northland command", "2024-03-01"),
    ])
    same_day = [r["claim"] for r in rows(lib, "claims_by_channel") if r["date"] == "2024-03-02"]
    assert same_day == sorted(same_day)  # then by claim IRI
    telegram = rows(lib, "claims_by_channel", channel="id:channel/telegram", kind="figure")
    assert pick(telegram, "what") == [("eight munitions",), ("at least 40 killed",)]


def test_actor_profile_of_a_speaker(lib):
    got = pick(rows(lib, "actor_profile", actor=actor(lib, VELT)), "direction", "kind", "what", "article")
    assert got == [("said", "criticism", "the Northland command", A1),
                   ("said", "quote", "They shelled a market at noon,", A1),
                   ("said", "quote", "The harbour will be rebuilt,", A3),
                   ("said", "statement", "the port would reopen within a month", A3)]


def test_actor_profile_of_the_criticized(lib):
    # the target text "the Northland command" is one of the actor's names
    command = rows(lib, "actor_profile", actor=actor(lib, "Northland command"))
    assert pick(command, "direction", "kind", "sourceLabel", "what") == [
        ("about", "criticism", VELT, "the Northland command")]
    assert Counter(r["direction"] for r in rows(lib, "actor_profile")) == {"said": 14, "about": 1}


def test_provenance_of_one_claim(lib):
    [lessa] = [r for r in rows(lib, "figures_by_event") if r["eventLabel"] == LESSA and r["kind"] == "killed"]
    [row] = rows(lib, "provenance", claim=lessa["claim"])
    assert pick([row], "kind", "sourceLabel", "article", "title", "outletLabel", "date", "extractor") == [
        ("figure", SHEALTH, A3, "Drones strike Lessa harbour", "Wire One", "2024-03-05", "figures.v1")]
    assert row["sentence"] == "The Southland Health Ministry said between 3 and 5 people died in Lessa."
    assert article_texts(lib)[A3][row["begin"]:row["end"]] == row["sentence"]


@pytest.mark.parametrize("store", ["lib", "seeds"])
def test_provenance_offsets_point_at_the_sentence_for_every_claim(store, request):
    store = request.getfixturevalue(store)
    texts = article_texts(store)
    got = rows(store, "provenance")
    assert got
    for row in got:
        assert texts[row["article"]][row["begin"]:row["end"]] == row["sentence"]
        assert row["extractor"] == EXTRACTOR[row["kind"]]


def test_provenance_of_every_claim_of_the_dataset(lib):
    got = pick(rows(lib, "provenance"), "article", "kind", "sentence")
    assert got == [(art.id, s.kind, s.sentence) for art, said in ARTICLES.values() for s in said]


def test_most_cited_sources(lib):
    got = pick(rows(lib, "most_cited_sources"), "sourceLabel", "type", "side", "claims", "articles")
    assert got == [(NMOD, "organization", "Northland", 5, 2), (VELT, "person", "Southland", 4, 2),
                   (SHEALTH, "organization", "Southland", 4, 2), (RANC, "person", None, 1, 1)]


def test_outlets(lib):
    got = pick(rows(lib, "outlets"), "outletLabel", "articles", "firstDate", "lastDate")
    assert got == [("Wire One", 2, "2024-03-01", "2024-03-05"), ("State Daily", 1, "2024-03-02", "2024-03-02")]
    wire = next(r["outlet"] for r in rows(lib, "outlets") if r["outletLabel"] == "State Daily")
    assert pick(rows(lib, "outlets", outlet=wire), "outletLabel") == [("State Daily",)]


def test_events(lib):
    got = pick(rows(lib, "events"), "eventLabel", "type", "place", "claims")
    assert got == [(DOROVKA, "shelling", "Dorovka", 9), (LESSA, "drone strike", "Lessa", 2)]


@pytest.mark.parametrize("name", LIBRARY)
def test_binding_a_parameter_keeps_exactly_the_matching_rows(name, lib):
    """For each parameter: the rows with it bound are the unbound rows with that value, in the same order."""
    query = library_query(name)
    everything = run_query(lib.ox, query.text)
    assert everything.rows, name
    for param in query.params:
        if query.page_size is not None and param.name == "page":
            continue  # tested with more rows than a page in test_query_paging.py
        column = everything.variables.index(param.name)
        value = next(r[column] for r in everything.rows if r[column] is not None)
        text, subs = prepare_query(query, {param.name: value.value})
        assert "VALUES" in text and not subs  # bound in the text, as RDF terms
        narrowed = run_query(lib.ox, text, substitutions=subs)
        expected = [r for r in everything.rows if r[column] == value]
        assert narrowed.rows and Counter(narrowed.rows) == Counter(expected), (name, param.name)
