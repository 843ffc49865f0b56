"""The dataset: golden RDF for the seeds, deterministic IRIs, replacement of one
article's graph, and property tests (offsets, IRIs, round trip)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.pipeline.build import run_build
from graph.pipeline.records import claim_to_record, records_from_dataset
from graph.rdf.iris import claim_iri, graph_iri
from graph.rdf.triples import add_extraction, date_literal, new_dataset
from graph.store.summary import SUMMARY_GRAPH
from graph.types import Actor, Claim, Evidence, Figure

GOLDEN = Path(__file__).resolve().parent / "data" / "golden" / "seeds.trig"


def _graphs(ds: Dataset) -> dict[str, object]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def _diff_text(expected, actual) -> str:
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {t}" for t in sorted(only_expected)][:20] + [f"+ {t}" for t in sorted(only_actual)][:20]
    return "\n".join(lines)


def _load(path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


@pytest.fixture(scope="module")
def seeds_trig(seed_build):
    return seed_build / "graph.trig"


def test_seeds_match_golden_rdf(seeds_trig, update_golden):
    if update_golden:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(seeds_trig.read_bytes())
    expected, actual = _graphs(_load(GOLDEN)), _graphs(_load(seeds_trig))
    assert sorted(expected) == sorted(actual)
    problems = []
    for name in expected:
        if to_isomorphic(expected[name]) != to_isomorphic(actual[name]):
            problems.append(f"graph {name} differs (- golden, + now); rerun with --update-golden "
                            f"if the change is intended:\n{_diff_text(expected[name], actual[name])}")
    assert not problems, "\n\n".join(problems)


def test_building_twice_gives_isomorphic_datasets(nlp, seeds_trig, tmp_path, seeds_dir):
    run_build([str(seeds_dir)], tmp_path, nlp=nlp, html=False)
    first, second = _graphs(_load(seeds_trig)), _graphs(_load(tmp_path / "graph.trig"))
    assert sorted(first) == sorted(second)
    for name in first:
        assert to_isomorphic(first[name]) == to_isomorphic(second[name]), name


def test_rebuilding_one_changed_article_replaces_only_its_graph(extract):
    ds = new_dataset()
    a = extract("Strike\n\nThe army said 12 soldiers were killed.\n", article_id="a")
    b = extract("Raid\n\nPolice said 3 people died.\n", article_id="b")
    add_extraction(ds, a)
    add_extraction(ds, b)
    before_b = set(ds.graph(graph_iri("b")))
    a2 = extract("Strike\n\nThe army said 14 soldiers were killed.\n", article_id="a")
    add_extraction(ds, a2)
    assert set(ds.graph(graph_iri("b"))) == before_b
    lows = {r["low"] for r in records_from_dataset(ds) if r["article"] == "a" and r["kind"] == "figure"}
    assert lows == {14}


def test_claims_round_trip_through_rdf(extract):
    ex = extract('Strike\n\nThe army said 12 soldiers were killed and at least 30 wounded.\n\n'
                 '"We will rebuild every house," Mayor Anna Kovac said.\n\n'
                 "Opposition leader Mark Daniels criticized the defence minister.\n", article_id="rt")
    ds = new_dataset()
    add_extraction(ds, ex)
    back = {r["iri"]: r for r in records_from_dataset(ds)}
    assert len(back) == len(ex.claims) >= 4
    for claim in ex.claims:
        rec = claim_to_record(claim)
        got = back[rec["iri"]]
        for key in ("article", "kind", "begin", "end", "sentence", "narrator", "quantity", "low", "high",
                    "approx", "counted", "target", "text"):
            if key in rec:
                assert got.get(key) == rec[key], key
        assert got["source"] == claim.source.name


# --- property tests -------------------------------------------------------------------

SENTENCES = [
    "The army said {n} soldiers were killed.",
    "At least {n} civilians were injured, the governor said on Telegram.",
    '"We lost {n} men," the commander told reporters.',
    "Officials said around {n} people had fled.",
    "Rescuers found {n} bodies in the rubble.",
    "The ministry denied the reports.",
    "Critics blamed the generals for the losses.",
    "",
    "“Unbalanced quote about {n} drones",
    "The death toll rose to {n} from 5.",
]

texts = st.lists(
    st.tuples(st.sampled_from(SENTENCES), st.integers(min_value=1, max_value=100000),
              st.sampled_from([" ", "\n", "\n\n", "  \n\n", " \u200b"])),
    min_size=1, max_size=8,
).map(lambda parts: "".join(s.format(n=n) + sep for s, n, sep in parts))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_evidence_offsets_slice_the_text(extract, text):
    ex = extract(text, outlet="Example News")
    for claim in ex.claims:
        ev = claim.evidence
        assert 0 <= ev.begin <= ev.end <= len(text)
        assert text[ev.begin:ev.end] == ev.sentence


def _claim(article="a", begin=0, end=10, low=5.0, source="Army"):
    return Claim(kind="figure", article=article, source=Actor(source), evidence=Evidence(article, begin, end, "x" * (end - begin)),
                 extractor="figures.v1", figure=Figure("killed", low, low))


@given(st.text(min_size=1, max_size=20), st.integers(0, 1000), st.integers(0, 1000), st.floats(0, 1e6, allow_nan=False))
def test_claim_iris_are_deterministic_and_distinct(article, begin, length, low):
    a = _claim(article, begin, begin + length, low)
    assert claim_iri(a) == claim_iri(replace(a))
    assert claim_iri(a) != claim_iri(replace(a, figure=Figure("killed", low + 1, low + 1)))
    assert claim_iri(a) != claim_iri(replace(a, source=Actor("Police")))


def test_default_graph_holds_cross_article_facts(seeds_trig):
    ds = _load(seeds_trig)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    assert len(default) > 0
    named = [g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
    assert sorted(str(g.identifier) for g in named) == sorted(
        [str(graph_iri("000_2cfd3623d210ff28")), str(graph_iri("001_de4eb1a377785554")), SUMMARY_GRAPH.value])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_claims_round_trip_property(extract, text):
    ex = extract(text, outlet="Example News", article_id="prop")
    ds = new_dataset()
    add_extraction(ds, ex)
    back = {r["iri"]: r for r in records_from_dataset(ds)}
    assert len(back) == len({claim_iri(c) for c in ex.claims})
    for claim in ex.claims:
        rec, got = claim_to_record(claim), back[str(claim_iri(claim))]
        assert (got["kind"], got["begin"], got["end"], got["sentence"]) == (rec["kind"], rec["begin"], rec["end"], rec["sentence"])
        assert (got.get("low"), got.get("high"), got.get("text")) == (rec.get("low"), rec.get("high"), rec.get("text"))


def test_conflicting_figures_are_linked(seeds_trig):
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(seeds_trig), format=ox.RdfFormat.TRIG)
    rows = store.query("""
        PREFIX ng: <https://w3id.org/newsgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?a ?b WHERE {
          ?x ng:conflictsWith ?y .
          GRAPH ?g1 { ?x ng:source ?sx ; ng:figure ?fx . ?fx ng:quantityKind "killed" }
          GRAPH ?g2 { ?y ng:source ?sy ; ng:figure ?fy . ?fy ng:quantityKind "killed" }
          ?sx rdfs:label ?a . ?sy rdfs:label ?b .
        }""")
    pairs = {(str(r["a"].value), str(r["b"].value)) for r in rows}
    assert ("Russian defense ministry", "Ukrainian military") in pairs or ("Russian Defense Ministry", "Ukrainian military") in pairs, pairs


@pytest.mark.parametrize("given_, lexical, datatype", [
    ("2023-01-02", "2023-01-02", "date"),
    (" 2023-01-02\n", "2023-01-02", "date"),
    ("2023-01-02T10:00:05+02:00", "2023-01-02T10:00:05+02:00", "dateTime"),
    ("2023-01-02T10:00:05", "2023-01-02T10:00:05", "dateTime"),
    ("2023-01-02T10:00", "2023-01-02T10:00:00", "dateTime"),  # seconds added, as xsd:dateTime needs them
    ("2023-02-30", "2023-02-30", None),  # not a day of the calendar: kept as written
    ("Jan 2, 2023", "Jan 2, 2023", None),
    ("2023", "2023", None),
])
def test_publication_dates_are_typed_when_written_in_iso_8601(given_, lexical, datatype):
    from rdflib import XSD

    literal = date_literal(given_)
    assert literal.datatype == (XSD[datatype] if datatype else None)
    assert str(literal) == lexical or (datatype == "dateTime" and str(literal).startswith(lexical))
    assert literal.ill_typed is not True


def test_typed_dates_sort_as_dates_in_sparql():
    """Articles dated in ISO 8601 sort by date in Oxigraph (and compare with an xsd:date parameter)."""
    import pyoxigraph as ox

    from graph.types import Article, Extraction

    ds = new_dataset()
    for aid, date in (("a", "2023-01-10"), ("b", "2022-12-31"), ("c", "2023-01-09")):
        add_extraction(ds, Extraction(article=Article(id=aid, text="Text.", date=date)))
    store = ox.Store()
    store.load(ds.serialize(format="ox-nquads").encode("utf-8"), ox.RdfFormat.N_QUADS)
    query = ("PREFIX ng: <https://w3id.org/newsgraph/ontology#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> "
             "SELECT ?id WHERE { GRAPH ?g { ?a ng:articleId ?id ; ng:datePublished ?d } "
             "FILTER (?d >= \"2023-01-01\"^^xsd:date) } ORDER BY DESC(?d)")
    assert [s["id"].value for s in store.query(query)] == ["a", "c"]
