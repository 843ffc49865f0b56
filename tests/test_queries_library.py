"""Every query of the library, run on the seeds' graph, with the expected rows.

Actor IRIs are looked up by label, so that a change of actor keys does not
break these tests; what is checked is what an analyst reads: labels, figures,
sides, channels, articles and sentences.
"""
from __future__ import annotations

from collections import Counter

import pytest

from graph.sparql.run import library_names, library_query, prepare_query, run_query
from graph.store.local import load_files

A = "000_2cfd3623d210ff28"  # CNN
B = "001_de4eb1a377785554"  # The Moscow Times
MAKIIVKA = "strike on Makiivka"
RDM = "Russian defense ministry"
UKR_MIL = "Ukrainian military"
UAF = "Ukrainian Armed Forces"
ADMIN = "Moscow-installed administration of Ukraine’s Donetsk region"

EXTRACTOR = {"figure": "figures.v1", "criticism": "criticism.v1", "quote": "quotes.v1"}
LIBRARY = ("actor_profile", "claims_by_channel", "conflicting_figures", "criticism", "events",
           "figures_by_event", "most_cited_sources", "outlets", "provenance", "quotes_by_actor")


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
    found = {r["source"] for r in rows(store, "most_cited_sources") if r.get("sourceLabel") == label}
    found |= {r["actor"] for r in rows(store, "actor_profile") if r.get("actorLabel") == label}
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
def test_every_query_says_what_it_answers_and_declares_projected_params(name, seeds):
    query = library_query(name)
    assert len(query.description) > 80 and query.summary.endswith(".")
    variables = run_query(seeds.ox, query.text).variables
    for param in query.params:
        if query.page_size is not None and param.name == "page":
            continue  # the page number is written into OFFSET, not bound to a variable
        assert param.name in variables, f"{name}: parameter {param.name} is not a result column"
        assert param.description


def test_figures_by_event(seeds):
    got = pick(rows(seeds, "figures_by_event"),
               "eventLabel", "kind", "low", "high", "approx", "sourceLabel", "side", "channel", "article")
    assert got == [
        (MAKIIVKA, "casualties", 100, 999, True, "pro-Russian bloggers", "Russia", None, A),
        (MAKIIVKA, "injured", 300, 300, False, UKR_MIL, "Ukraine", None, A),
        (MAKIIVKA, "killed", 4, None, False, "The Moscow Times", None, None, B),
        (MAKIIVKA, "killed", 6, None, False, "CNN", None, None, A),
        (MAKIIVKA, "killed", 63, 63, False, RDM, "Russia", None, A),
        (MAKIIVKA, "killed", 63, 63, False, RDM, "Russia", "Telegram", B),
        (MAKIIVKA, "killed", 200, 900, True, "Igor Girkin", "Russia", "Telegram", B),
        (MAKIIVKA, "killed", 400, 400, True, UKR_MIL, "Ukraine", None, A),
        (MAKIIVKA, "killed", 400, 400, True, UAF, "Ukraine", None, B),
        (MAKIIVKA, "killed", 700, None, False, UKR_MIL, "Ukraine", None, A),
        (MAKIIVKA, "munitions", 4, 4, False, RDM, "Russia", "Telegram", B),
        (MAKIIVKA, "munitions", 25, None, False, ADMIN, "Russia", None, B),
    ]


def test_figures_by_event_with_event_and_kind(seeds):
    event = rows(seeds, "events")[0]["event"]
    killed = pick(rows(seeds, "figures_by_event", event=event, kind="killed"), "low", "sourceLabel")
    assert killed == [(4, "The Moscow Times"), (6, "CNN"), (63, RDM), (63, RDM), (200, "Igor Girkin"),
                      (400, UKR_MIL), (400, UAF), (700, UKR_MIL)]
    assert rows(seeds, "figures_by_event", event="https://w3id.org/newsgraph/id/event/nowhere") == []


def _pair(row: dict) -> tuple:
    a = (row["labelA"], row.get("lowA"), row.get("highA"))
    b = (row["labelB"], row.get("lowB"), row.get("highB"))
    return (row["kind"],) + tuple(sorted((a, b), key=str))


def test_conflicting_figures(seeds):
    result = rows(seeds, "conflicting_figures")
    assert {r["eventLabel"] for r in result} == {MAKIIVKA}
    got = Counter(_pair(r) for r in result)
    rdm, girkin = (RDM, 63, 63), ("Igor Girkin", 200, 900)
    uaf, mil400, mil700 = (UAF, 400, 400), (UKR_MIL, 400, 400), (UKR_MIL, 700, None)
    expected = Counter()
    for other in (girkin, uaf, mil400, mil700):  # the ministry's 63, told in both articles
        expected[("killed",) + tuple(sorted((rdm, other), key=str))] += 2
    expected[("killed",) + tuple(sorted((mil700, uaf), key=str))] += 1
    expected[("munitions",) + tuple(sorted(((RDM, 4, 4), (ADMIN, 25, None)), key=str))] += 1
    assert got == expected
    # never the same source twice; A is the lower figure, so each pair comes once
    assert all(r["sourceA"] != r["sourceB"] and r["highA"] < r["lowB"] for r in result)
    assert len({frozenset((r["claimA"], r["claimB"])) for r in result}) == len(result)
    # sorted by event, kind and figures
    assert [(r["kind"], r["highA"], r["lowB"]) for r in result] == sorted(
        (r["kind"], r["highA"], r["lowB"]) for r in result)
    munitions = rows(seeds, "conflicting_figures", kind="munitions")
    assert Counter(map(_pair, munitions)) == Counter(_pair(r) for r in result if r["kind"] == "munitions")
    assert len(munitions) == 1


def test_conflicting_figures_agree_with_the_links_of_a_one_shot_build(seeds):
    linked = run_query(seeds.ox, "PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
                                 "SELECT ?a ?b WHERE { ?a ng:conflictsWith ?b FILTER (STR(?a) < STR(?b)) }")
    stored = {(r["a"], r["b"]) for r in linked.dicts()}
    computed = {tuple(sorted((r["claimA"], r["claimB"]))) for r in rows(seeds, "conflicting_figures")}
    assert computed == stored


def test_criticism(seeds):
    got = pick(rows(seeds, "criticism"), "sourceLabel", "side", "target", "channel", "article")
    assert got == [
        ("Boris Rozhin", None, "ongoing incompetence and the failure", None, A),
        ("Daniil Bezsonov", None, "the high command on Telegram", "Telegram", A),
        ("Grigory Karasin", "Russia", "those responsible for the servicemen’s deaths", "state news agency TASS", A),
        ("Igor Girkin", "Russia", "Russian generals", None, A),
        ("Igor Girkin", "Russia", "the lack of camouflage and the proximity of military equipment to the structure",
         None, A),
        ("Igor Girkin", "Russia", "Russian military commanders", "Telegram", B),
        ("Rob Lee", None, "leadership", "X/Twitter", B),
        ("Sergey Markov", "Russia", "the Russian command", None, A),
        ("Strategic Communications Directorate of Ukraine", "Ukraine", "the situation", "Telegram", A),
        ("pro-Russian bloggers", "Russia", "Moscow’s military strategy", None, A),
    ]


def test_criticism_sentences_come_from_the_articles(seeds):
    texts = article_texts(seeds)
    for row in rows(seeds, "criticism"):
        assert row["sentence"] in texts[row["article"]]
    girkin = actor(seeds, "Igor Girkin")
    mine = rows(seeds, "criticism", source=girkin)
    assert [r["target"] for r in mine] == ["Russian generals", "the lack of camouflage and the proximity of "
                                           "military equipment to the structure", "Russian military commanders"]
    assert "Girkin, who has long criticized Russian generals" in mine[0]["sentence"]


def test_quotes_by_actor(seeds):
    got = pick(rows(seeds, "quotes_by_actor"), "actorLabel", "side", "quote", "channel", "article", "begin")
    assert got == [
        ("Arkhangel Spetsnaz", None, "There were a significant number of killed and wounded,", "Telegram", B, 751),
        ("Arkhangel Spetsnaz", None, "Yesterday evening they were still sorting through the rubble.", "Telegram",
         B, 917),
        ("Igor Girkin", "Russia", "destroyed almost entirely as a result of the detonation of an ammunition dump "
         "in the same building. Almost all the military equipment, parked next to the building without any "
         "camouflage, was also destroyed,", None, B, 1885),
        ("Rob Lee", None, "One of the problems with relying on mobilized soldiers is that it is more difficult to "
         "disperse them because of a lack of small unit leadership, and they will do worse in the cold than "
         "trained soldiers,", "X/Twitter", B, 2287),
        ("Rob Lee", None, "But housing them next to ammunition storage is simply a leadership failure.",
         "X/Twitter", B, 2527),
        (RDM, "Russia", "As a result of the impact of four rockets with high explosive warheads on a center of "
         "temporary location, 63 Russian servicemen were killed,", "Telegram", B, 408),
        ("Sergey Markov", "Russia", "a great deal of sloppiness", None, A, 3362),
        ("Strategic Communications Directorate of Ukraine", "Ukraine",
         "crammed into the vocational school building in occupied Makiivka.", None, A, 2032),
        ("Strategic Communications Directorate of Ukraine", "Ukraine", "greetings and congratulations", None, A,
         2032),
        ("Strategic Communications Directorate of Ukraine", "Ukraine",
         "Santa packed around 400 corpses of [Russian soldiers] in bags.", None, A, 2284),
    ]
    texts = article_texts(seeds)
    for row in rows(seeds, "quotes_by_actor"):
        assert row["quote"] in texts[row["article"]]
    lee = rows(seeds, "quotes_by_actor", actor=actor(seeds, "Rob Lee"))
    assert [r["begin"] for r in lee] == [2287, 2527]


def test_claims_by_channel(seeds):
    got = pick(rows(seeds, "claims_by_channel"), "channelLabel", "kind", "sourceLabel", "what", "article")
    expected = [
        ("Telegram", "criticism", "Daniil Bezsonov", "the high command on Telegram", A),
        ("Telegram", "criticism", "Igor Girkin", "Russian military commanders", B),
        ("Telegram", "criticism", "Strategic Communications Directorate of Ukraine", "the situation", A),
        ("Telegram", "figure", "Igor Girkin", "as much as several hundred kil", B),
        ("Telegram", "figure", RDM, "63 killed", B),
        ("Telegram", "figure", RDM, "four munitions", B),
        ("Telegram", "quote", "Arkhangel Spetsnaz", "Yesterday evening they were st", B),
        ("Telegram", "quote", "Arkhangel Spetsnaz", "There were a significant numbe", B),
        ("Telegram", "quote", RDM, "As a result of the impact of f", B),
        ("X/Twitter", "criticism", "Rob Lee", "leadership", B),
        ("X/Twitter", "quote", "Rob Lee", "One of the problems with relyi", B),
        ("X/Twitter", "quote", "Rob Lee", "But housing them next to ammun", B),
        ("state news agency TASS", "criticism", "Grigory Karasin", "those responsible for the serv", A),
    ]
    assert sorted((c, k, s, w[:30], a) for c, k, s, w, a in got) == sorted(expected)
    # newest first, then by claim IRI (the seeds have no dates: the claim IRI decides)
    timeline = pick(rows(seeds, "claims_by_channel"), "date", "claim")
    assert all(date is None for date, _ in timeline)
    assert timeline == sorted(timeline, key=lambda r: r[1])
    telegram = rows(seeds, "claims_by_channel", channel="id:channel/telegram", kind="figure")
    assert sorted(pick(telegram, "sourceLabel", "what")) == [
        ("Igor Girkin", "as much as several hundred killed"), (RDM, "63 killed"), (RDM, "four munitions")]


def test_actor_profile_of_a_critic(seeds):
    girkin = actor(seeds, "Igor Girkin")
    got = pick(rows(seeds, "actor_profile", actor=girkin), "direction", "kind", "sourceLabel", "what", "article")
    assert [g[4] for g in got] == [A, A, B, B, B]  # by article, then position
    assert sorted(got) == sorted([
        ("said", "criticism", "Igor Girkin", "the lack of camouflage and the proximity of military equipment "
         "to the structure", A),
        ("said", "criticism", "Igor Girkin", "Russian generals", A),
        ("said", "criticism", "Igor Girkin", "Russian military commanders", B),
        ("said", "figure", "Igor Girkin", "as much as several hundred killed", B),
        ("said", "quote", "Igor Girkin", "destroyed almost entirely as a result of the detonation of an ammunition "
         "dump in the same building. Almost all the military equipment, parked next to the building without "
         "any camouflage, was also destroyed,", B),
    ])


def test_actor_profile_of_the_criticized(seeds):
    # "the Russian command" (Markov) names the actor "Russian command"; "Russian generals" (Girkin) too
    command = rows(seeds, "actor_profile", actor=actor(seeds, "Russian command"))
    assert pick(command, "direction", "kind", "sourceLabel", "what") == [
        ("about", "criticism", "Sergey Markov", "the Russian command")]
    assert "Sergey Markov blamed" in command[0]["sentence"]
    generals = rows(seeds, "actor_profile", actor=actor(seeds, "Russian generals"))
    assert pick(generals, "direction", "sourceLabel", "what") == [("about", "Igor Girkin", "Russian generals")]
    everyone = rows(seeds, "actor_profile")
    assert Counter(r["direction"] for r in everyone) == {"said": 32, "about": 3}


def test_provenance_of_one_claim(seeds):
    uaf = [r for r in rows(seeds, "figures_by_event") if r.get("sourceLabel") == UAF]
    assert len(uaf) == 1
    got = rows(seeds, "provenance", claim=uaf[0]["claim"])
    assert len(got) == 1
    row = got[0]
    assert (row["kind"], row["sourceLabel"], row["article"], row["outletLabel"], row["extractor"]) == (
        "figure", UAF, B, "The Moscow Times", "figures.v1")
    assert row["title"] == "63 Russian Soldiers Killed in Ukrainian Missile Strike on Makiivka — Defense Ministry"
    assert row["sentence"] == "The Ukrainian Armed Forces said Sunday that the death toll in the attack was about 400."
    assert article_texts(seeds)[B][row["begin"]:row["end"]] == row["sentence"]


def test_provenance_offsets_point_at_the_sentence_for_every_claim(seeds):
    texts = article_texts(seeds)
    got = rows(seeds, "provenance")
    assert len(got) == 32 and Counter(r["kind"] for r in got) == {"figure": 12, "criticism": 10, "quote": 10}
    for row in got:
        assert texts[row["article"]][row["begin"]:row["end"]] == row["sentence"]
        assert row["extractor"] == EXTRACTOR[row["kind"]]


def test_most_cited_sources(seeds):
    got = pick(rows(seeds, "most_cited_sources"), "sourceLabel", "type", "side", "claims", "articles")
    assert got == [
        ("Igor Girkin", "person", "Russia", 5, 2),
        (RDM, "organization", "Russia", 4, 2),
        ("Strategic Communications Directorate of Ukraine", "organization", "Ukraine", 4, 1),
        ("Rob Lee", "person", None, 3, 1),
        (UKR_MIL, "organization", "Ukraine", 3, 1),
        ("Arkhangel Spetsnaz", "person", None, 2, 1),
        ("Sergey Markov", "person", "Russia", 2, 1),
        ("pro-Russian bloggers", "group", "Russia", 2, 1),
        ("Boris Rozhin", "person", None, 1, 1),
        ("CNN", "organization", None, 1, 1),
        ("Daniil Bezsonov", "person", None, 1, 1),
        ("Grigory Karasin", "person", "Russia", 1, 1),
        (ADMIN, "organization", "Russia", 1, 1),
        ("The Moscow Times", "outlet", None, 1, 1),
        (UAF, "organization", "Ukraine", 1, 1),
    ]


def test_outlets(seeds):
    got = pick(rows(seeds, "outlets"), "outletLabel", "articles", "firstDate", "lastDate")
    assert got == [("CNN", 1, None, None), ("The Moscow Times", 1, None, None)]
    cnn = actor(seeds, "CNN")
    assert pick(rows(seeds, "outlets", outlet=cnn), "outletLabel") == [("CNN",)]


def test_events(seeds):
    # events no claim is about ("attack on US") are left out
    got = pick(rows(seeds, "events"), "eventLabel", "type", "place", "claims")
    assert got == [(MAKIIVKA, "strike", "Makiivka", 32)]


@pytest.mark.parametrize("name", LIBRARY)
def test_binding_a_parameter_keeps_exactly_the_matching_rows(name, seeds):
    """For each parameter: the rows with it bound are the unbound rows with that value, in the same order."""
    query = library_query(name)
    everything = run_query(seeds.ox, query.text)
    assert everything.rows, name
    for param in query.params:
        if query.page_size is not None and param.name == "page":
            continue  # tested with more rows than a page in test_query_paging.py
        column = everything.variables.index(param.name)
        value = everything.rows[0][column]
        assert value is not None
        text, subs = prepare_query(query, {param.name: value.value})
        assert "VALUES" in text and not subs  # bound in the text, as RDF terms
        narrowed = run_query(seeds.ox, text, substitutions=subs)
        expected = [r for r in everything.rows if r[column] == value]
        assert narrowed.rows and Counter(narrowed.rows) == Counter(expected), (name, param.name)
