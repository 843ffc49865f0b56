"""Running queries: safe parameter binding, the result formats, and the ``query`` command."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from graph.cli.main import main
from graph.errors import OptionError
from graph.pipeline.build import run_build
from graph.sparql.formats import format_result
from graph.sparql.run import (
    LibraryQuery,
    Param,
    QueryError,
    QueryResult,
    QueryTimeout,
    bind_params,
    library_query,
    parse_param_args,
    parse_query_file,
    prepare_query,
    run_query,
    to_term,
    values_block,
)
from graph.store.local import Store, load_files
from graph.types import QUANTITY_KINDS

XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "https://example.org/"


@pytest.fixture(scope="module")
def seeds_out(nlp, tmp_path_factory, seeds_dir):
    root = tmp_path_factory.mktemp("query_seeds")
    run_build([str(seeds_dir)], root / "out", nlp=nlp, store=str(root / "store"), html=False)
    return root


@pytest.fixture()
def tricky() -> Store:
    """A tiny store with every kind of term a result can hold."""
    store = ox.Store()
    s = ox.NamedNode(EX + "s")
    for p, o in [
        ("plain", ox.Literal('say "hi",\tthen\nleave; \\ <b>&amp;</b> é 𝄞')),
        ("lang", ox.Literal("Київ", language="uk")),
        ("int", ox.Literal("63", datatype=ox.NamedNode(XSD + "integer"))),
        ("bool", ox.Literal(True)),
        ("iri", ox.NamedNode(EX + "o?a=1&b=%3C2%3E")),
        ("bnode", ox.BlankNode("b0")),
    ]:
        store.add(ox.Quad(s, ox.NamedNode(EX + p), o))
    return Store(store)


SELECT_ALL = "SELECT ?p ?o ?missing WHERE { ?s ?p ?o } ORDER BY ?p"


# --- parameters ------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("https://w3id.org/newsgraph/id/actor/person/rob_lee", "https://w3id.org/newsgraph/id/actor/person/rob_lee"),
    ("<https://w3id.org/newsgraph/id/event/makiivka>", "https://w3id.org/newsgraph/id/event/makiivka"),
    ("id:event/makiivka", "https://w3id.org/newsgraph/id/event/makiivka"),
    ("ng:FigureClaim", "https://w3id.org/newsgraph/ontology#FigureClaim"),
    ("urn:x:1", "urn:x:1"),
])
def test_iri_parameters_accept_full_iris_and_known_prefixes(value, expected):
    assert to_term(value, "iri") == ox.NamedNode(expected)


@pytest.mark.parametrize("value", ["rob_lee", "https://e.org/a b", "<https://e.org/a> } ; DROP ALL ; <x:y"])
def test_iri_parameters_reject_what_is_not_an_iri(value):
    with pytest.raises(ValueError, match="is not an IRI"):
        to_term(value, "iri")


@pytest.mark.parametrize("type_, value, expected", [
    ("string", 'killed" } ; DROP ALL ; #', ox.Literal('killed" } ; DROP ALL ; #')),
    ("integer", " 63 ", ox.Literal("63", datatype=ox.NamedNode(XSD + "integer"))),
    ("decimal", "2.5", ox.Literal("2.5", datatype=ox.NamedNode(XSD + "decimal"))),
    ("boolean", "TRUE", ox.Literal(True)),
    ("date", "2023-01-02", ox.Literal("2023-01-02", datatype=ox.NamedNode(XSD + "date"))),
])
def test_typed_parameters_become_typed_literals(type_, value, expected):
    assert to_term(value, type_) == expected


@pytest.mark.parametrize("type_, value", [("integer", "6x"), ("decimal", "1e"), ("boolean", "yes"),
                                          ("date", "Jan 2")])
def test_bad_typed_values_are_refused(type_, value):
    with pytest.raises(ValueError):
        to_term(value, type_)


def test_an_injection_attempt_is_just_a_string_that_matches_nothing(seeds_out):
    store = load_files([seeds_out / "out" / "graph.trig"])
    listed = library_query("figures_by_event")
    evil = 'killed" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #\n'
    with pytest.raises(OptionError):  # the library lists the kinds, so it is refused outright
        prepare_query(listed, {"kind": evil})
    # with the kind a free string (a user's own .rq file), it is a string that matches nothing
    query = LibraryQuery(listed.name, listed.text, params=tuple(
        Param(p.name, p.type) if p.name == "kind" else p for p in listed.params))
    before = len(store)
    text, subs = prepare_query(query, {"kind": evil})
    assert not subs and "DROP ALL" in text
    result = run_query(store.ox, text)
    assert result.rows == [] and len(store) == before
    text, _ = prepare_query(query, {"kind": "killed"})
    assert len(run_query(store.ox, text).rows) == 7  # the seeds' killed figures about an incident


def test_values_are_written_from_rdf_terms():
    block = values_block({ox.Variable("kind"): to_term('a "b" \\ c\nd'),
                          ox.Variable("event"): to_term("id:event/makiivka", "iri")})
    assert block == ('VALUES (?kind ?event) { ("a \\"b\\" \\\\ c\\nd" '
                     '<https://w3id.org/newsgraph/id/event/makiivka>) }')
    store = ox.Store()
    assert [s["kind"].value for s in store.query(f"SELECT * WHERE {{ {block} }}")] == ['a "b" \\ c\nd']


def test_values_go_into_every_where_group_or_else_substitutions():
    query = parse_query_file("q", "# @param x iri: x\nSELECT ?x ?n\nWHERE {\n  { SELECT ?x (COUNT(*) AS ?n)\n"
                                  "    WHERE { ?x ?p ?o } GROUP BY ?x }\n}\n")
    text, subs = prepare_query(query, {"x": "https://e.org/a"})
    assert text.count("VALUES (?x) { (<https://e.org/a>) }") == 2 and subs == {}
    one_line = parse_query_file("q", "# @param x iri: x\nSELECT ?x WHERE { ?x ?p ?o }")
    text, subs = prepare_query(one_line, {"x": "https://e.org/a"})
    assert text == one_line.text and subs == {ox.Variable("x"): ox.NamedNode("https://e.org/a")}
    assert prepare_query(one_line, {}) == (one_line.text, {})



def test_bound_parameters_leave_the_outer_sort_keys():
    query = parse_query_file("q", "# @param x iri: x\n# @param k string: k\nSELECT ?x ?k ?n\nWHERE {\n"
                                  "  { SELECT ?x ?k (COUNT(*) AS ?n)\n    WHERE { ?x ?p ?k } GROUP BY ?x ?k\n"
                                  "    ORDER BY ?x }\n}\nORDER BY ?x DESC(?k) ASC(?n) STR(?x) ?k2\n")
    text, _ = prepare_query(query, {"x": "https://e.org/a"})
    assert text.rstrip().endswith("ORDER BY DESC(?k) ASC(?n) STR(?x) ?k2")
    assert "    ORDER BY ?x }" in text  # a subquery's order may matter to its LIMIT: left alone
    text, _ = prepare_query(query, {"x": "https://e.org/a", "k": "v"})
    assert text.rstrip().endswith("ORDER BY ASC(?n) STR(?x) ?k2")
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://e.org/a"), ox.NamedNode("https://e.org/p"), ox.Literal("v")))
    assert [s["n"].value for s in store.query(text)] == ["1"]
    everything = parse_query_file("q", "# @param x iri: x\nSELECT ?x\nWHERE { ?x ?p ?o }\nORDER BY ?x\n")
    text, _ = prepare_query(everything, {"x": "https://e.org/a"})
    assert "ORDER BY" not in text and len(list(store.query(text))) == 1

def test_parameters_are_checked_against_the_header():
    query = parse_query_file("q", "# Q.\n# @param who iri required: someone\n# @param n integer: a number\n"
                                  "SELECT ?who ?n WHERE { ?who ?p ?n }")
    assert [(p.name, p.type, p.required) for p in query.params] == [("who", "iri", True), ("n", "integer", False)]
    with pytest.raises(OptionError, match="'other' is not one of who, n"):
        bind_params(query, {"who": "id:x", "other": "1"})
    with pytest.raises(QueryError, match="missing required parameter"):
        bind_params(query, {"n": "3"})
    with pytest.raises(QueryError, match="parameter n: '3.5' is not an integer"):
        bind_params(query, {"who": "id:x", "n": "3.5"})
    with pytest.raises(QueryError, match="type 'number' is not one of"):
        parse_query_file("bad", "# @param n number: x\nSELECT * {}")


def test_a_parameter_with_listed_values_refuses_others():
    query = parse_query_file("q", "# Q.\n# @param kind string in (killed | injured): a kind\nSELECT ?kind WHERE { ?s ?p ?kind }")
    assert query.params[0].choices == ("killed", "injured")
    assert bind_params(query, {"kind": "killed"}) == {ox.Variable("kind"): ox.Literal("killed")}
    with pytest.raises(OptionError, match="--param kind: 'dead' is not one of killed, injured"):
        bind_params(query, {"kind": "dead"})


def test_the_librarys_kinds_are_the_ontologys():
    from graph.sparql.run import library_query
    kinds = {p.name: p.choices for p in library_query("figures_by_event").params}["kind"]
    assert set(kinds) == set(QUANTITY_KINDS)


def test_undeclared_parameters_of_an_ad_hoc_query():
    query = LibraryQuery(name="-e", text="SELECT ?x WHERE {}")
    assert bind_params(query, {"x": "<https://e.org/a>", "y": "plain"}) == {
        ox.Variable("x"): ox.NamedNode("https://e.org/a"), ox.Variable("y"): ox.Literal("plain")}
    assert parse_param_args(["a=1", "b=x=y"]) == {"a": "1", "b": "x=y"}
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_param_args(["novalue"])


# --- running ---------------------------------------------------------------------


def test_run_query_kinds_and_limit(tricky):
    select = run_query(tricky.ox, SELECT_ALL)
    assert select.kind == "select" and select.variables == ("p", "o", "missing") and len(select.rows) == 6
    assert all(row[2] is None for row in select.rows)
    assert run_query(tricky.ox, "ASK { ?s ?p 63 }").boolean is True
    graph = run_query(tricky.ox, "CONSTRUCT WHERE { ?s ?p ?o }")
    assert graph.kind == "graph" and len(graph.triples) == 6
    cut = run_query(tricky.ox, SELECT_ALL, limit=2)
    assert len(cut.rows) == 2 and cut.truncated
    assert not run_query(tricky.ox, SELECT_ALL, limit=6).truncated


def test_a_cancelled_query_stops(tricky):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(QueryTimeout):
        run_query(tricky.ox, SELECT_ALL, cancel=cancel)


def test_syntax_errors_are_query_errors(tricky):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        run_query(tricky.ox, "SELECT ?x WHERE { ?x }")
    with pytest.raises(QueryError):
        run_query(tricky.ox, "INSERT DATA { <a:b> <a:c> <a:d> }")


# --- formats: checked with pyoxigraph's own results parser -----------------------


@pytest.mark.parametrize("fmt, ox_format", [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                                            ("tsv", ox.QueryResultsFormat.TSV)])
def test_results_formats_round_trip_every_term(tricky, fmt, ox_format):
    result = run_query(tricky.ox, SELECT_ALL)
    text = format_result(result, fmt)
    parsed = ox.parse_query_results(text.encode("utf-8"), format=ox_format)
    assert [v.value for v in parsed.variables] == ["p", "o", "missing"]
    back = [tuple(sol[i] for i in range(3)) for sol in parsed]
    assert back == result.rows


@pytest.mark.parametrize("fmt, ox_format", [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML)])
def test_boolean_results_round_trip(tricky, fmt, ox_format):
    for ask, expected in (("ASK { ?s ?p 63 }", True), ("ASK { ?s ?p 64 }", False)):
        text = format_result(run_query(tricky.ox, ask), fmt)
        assert bool(ox.parse_query_results(text.encode("utf-8"), format=ox_format)) is expected


def test_json_results_follow_the_w3c_shape(tricky):
    doc = json.loads(format_result(run_query(tricky.ox, SELECT_ALL), "json"))
    assert doc["head"]["vars"] == ["p", "o", "missing"]
    by_p = {b["p"]["value"].rsplit("/", 1)[1]: b["o"] for b in doc["results"]["bindings"]}
    assert by_p["lang"] == {"type": "literal", "value": "Київ", "xml:lang": "uk"}
    assert by_p["int"] == {"type": "literal", "value": "63", "datatype": XSD + "integer"}
    assert by_p["bnode"]["type"] == "bnode" and by_p["iri"]["type"] == "uri"
    assert "datatype" not in by_p["plain"] and all("missing" not in b for b in doc["results"]["bindings"])


def test_xml_results_are_well_formed(tricky):
    root = ET.fromstring(format_result(run_query(tricky.ox, SELECT_ALL), "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [v.get("name") for v in root.iter(ns + "variable")] == ["p", "o", "missing"]
    assert len(list(root.iter(ns + "result"))) == 6


def test_csv_results_hold_plain_values(tricky):
    text = format_result(run_query(tricky.ox, SELECT_ALL), "csv")
    assert "\r\n" in text
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["p", "o", "missing"]
    values = {row[0].rsplit("/", 1)[1]: row[1] for row in table[1:]}
    assert values["plain"] == 'say "hi",\tthen\nleave; \\ <b>&amp;</b> é 𝄞'
    assert values["int"] == "63" and values["lang"] == "Київ" and values["bnode"] == "_:b0"
    assert all(row[2] == "" for row in table[1:])


def test_table_shortens_iris_and_cuts_long_cells():
    result = QueryResult("select", variables=("actor", "said"), rows=[
        (ox.NamedNode("https://w3id.org/newsgraph/id/actor/person/rob_lee"), ox.Literal("x" * 100)),
        (ox.NamedNode("https://example.org/other"), None),
    ])
    lines = format_result(result, "table", max_width=25).splitlines()
    assert lines[0].split() == ["said", "actor"]  # IRIs last
    assert lines[2].split() == ["x" * 24 + "…", "id:actor/person/rob_lee"]
    assert lines[3].strip() == "https://example.org/other"
    assert lines[-1] == "(2 rows)"
    assert "x" * 100 in format_result(result, "table", max_width=0)
    assert format_result(QueryResult("ask", boolean=False), "table") == "false"


def test_graph_results_are_rdf(tricky):
    result = run_query(tricky.ox, "CONSTRUCT WHERE { ?s ?p ?o }")
    for fmt, rdf_format in (("turtle", ox.RdfFormat.TURTLE), ("table", ox.RdfFormat.TURTLE),
                            ("nt", ox.RdfFormat.N_TRIPLES)):
        text = format_result(result, fmt)
        assert len(list(ox.parse(text, format=rdf_format))) == 6
    with pytest.raises(OptionError):
        format_result(result, "yaml")


# --- the command -----------------------------------------------------------------


@pytest.mark.parametrize("argv", [["query", "--help"], ["serve", "--help"]])
def test_help(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: newsgraph" in out and "examples:" in out


def test_a_table_keeps_labelled_iris_on_request():
    result = QueryResult("select", variables=("actor", "actorLabel", "claim"), rows=[
        (ox.NamedNode("https://w3id.org/newsgraph/id/actor/person/rob_lee"), ox.Literal("Rob Lee"),
         ox.NamedNode("https://w3id.org/newsgraph/id/claim/a/1"))])
    assert format_result(result, "table").splitlines()[0].split() == ["actorLabel", "claim"]
    assert format_result(result, "table", iris=True).splitlines()[0].split() == ["actorLabel", "actor", "claim"]
    assert format_result(result, "csv").splitlines()[0] == "actor,actorLabel,claim"


def test_query_list(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "figures_by_event: Figures by event" in out and "parameters: event (iri), kind (string: killed | injured" in out


def test_query_a_library_query_on_a_store(seeds_out, capsys):
    store = seeds_out / "store"
    assert main(["query", str(store), "--name", "figures_by_event", "--param", "kind=injured"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:4] == ["eventLabel", "kind", "low", "high"]  # labels first, labelled IRIs left out
    assert "event" not in out[0].split() and "claim" in out[0].split()
    assert "Ukrainian military" in out[2] and "300" in out[2] and out[-1] == "(1 row)"


CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.mark.parametrize("where", ["store", "out/graph.trig"])
def test_query_timeout_stops_a_query_that_would_run_for_days(seeds_out, capsys, where):
    started = time.monotonic()
    assert main(["query", str(seeds_out / where), "--timeout", "1", "-e", CROSS]) == 2
    assert "query timed out after 1 s and was stopped" in capsys.readouterr().err
    assert time.monotonic() - started < 60  # it was stopped, not waited for (no timing is asserted beyond that)
    # a query that finishes in time answers as without --timeout
    assert main(["query", str(seeds_out / "store"), "--timeout", "30", "--name", "figures_by_event",
                 "--param", "kind=injured"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "(1 row)"


def test_query_max_memory_stops_a_query_that_needs_more(seeds_out, capsys):
    sort = "SELECT ?a ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
    assert main(["query", str(seeds_out / "store"), "--max-memory", "200", "-e", sort]) == 2
    assert "needed more than the 200 MB" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["0", "-1", "soon"])
def test_query_timeout_must_be_a_positive_number(seeds_out, capsys, bad):
    with pytest.raises(SystemExit):
        main(["query", str(seeds_out / "store"), "--timeout", bad, "-e", "ASK {}"])
    assert "--timeout" in capsys.readouterr().err


def test_query_formats_on_files(seeds_out, capsys):
    trig = str(seeds_out / "out" / "graph.trig")
    assert main(["query", trig, "--name", "outlets", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [b["outletLabel"]["value"] for b in doc["results"]["bindings"]] == ["CNN", "The Moscow Times"]
    assert main(["query", trig, "--name", "outlets", "--format", "csv"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table[0][:2] == ["outlet", "outletLabel"] and table[1][1] == "CNN"
    assert main(["query", trig, "--name", "outlets", "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("?outlet\t?outletLabel")


def test_query_a_file_and_an_expression(seeds_out, tmp_path, capsys):
    rq = tmp_path / "count.rq"
    rq.write_text("# Count claims of a kind.\n# @param class iri: the class\n"
                  "SELECT ?class (COUNT(?c) AS ?n) WHERE { GRAPH ?g { ?c a ?class } } GROUP BY ?class\n")
    assert main(["query", str(seeds_out / "out"), str(rq), "--param", "class=ng:FigureClaim", "-f", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "https://w3id.org/newsgraph/ontology#FigureClaim,12"
    assert main(["query", str(seeds_out / "store"), "-e", "ASK { GRAPH ?g { ?c a <https://w3id.org/newsgraph/"
                 "ontology#Quotation> } }"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    assert main(["query", str(seeds_out / "store"), "-e", "SELECT ?g WHERE { GRAPH ?g {} }", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert "(1 row, truncated at the limit)" in captured.out and "--limit 1" in captured.err


@pytest.mark.parametrize("argv, message", [
    (["query", "STORE"], "give exactly one query"),
    (["query", "STORE", "--name", "outlets", "-e", "ASK {}"], "give exactly one query"),
    (["query", "--name", "outlets"], "give the data to query"),
    (["query", "STORE", "--name", "nope"], "'nope' is not one of"),
    (["query", "STORE", "--name", "outlets", "--param", "bogus=1"], "'bogus' is not one of outlet"),
    (["query", "STORE", "-e", "SELECT WHERE"], "SPARQL syntax error"),
])
def test_query_errors_exit_2_with_a_message(seeds_out, argv, message, capsys):
    argv = [str(seeds_out / "store") if a == "STORE" else a for a in argv]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_an_actor_parameter_takes_a_name_or_an_alias(seeds_out, capsys):
    store = str(seeds_out / "store")
    assert main(["query", store, "--name", "quotes_by_actor", "--param", "actor=igor girkin", "--format", "csv"]) == 0
    by_name = capsys.readouterr().out
    assert main(["query", store, "--name", "quotes_by_actor", "--param",
                 "actor=id:actor/person/igor_girkin", "--format", "csv"]) == 0
    assert by_name == capsys.readouterr().out and "Girkin" in by_name


def test_an_actor_name_no_actor_has_is_a_clear_error(seeds_out, capsys):
    assert main(["query", str(seeds_out / "store"), "--name", "actor_profile", "--param",
                 'actor=Nobody " } DROP ALL {']) == 2
    assert "no actor is named" in capsys.readouterr().err


def test_a_name_two_actors_have_lists_them():
    from graph.sparql.run import resolve_actor_names
    store = ox.Store()
    turtle = ('@prefix ng: <https://w3id.org/newsgraph/ontology#> . '
              '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . '
              '<urn:a> a ng:Actor ; rdfs:label "Halyk" . <urn:b> a ng:Actor ; rdfs:label "Halyk" .')
    store.load(input=turtle, format=ox.RdfFormat.TURTLE)
    query = library_query("actor_profile")
    with pytest.raises(QueryError, match="2 actors are named 'halyk': urn:a, urn:b"):
        resolve_actor_names(query, {"actor": "halyk"}, lambda text: run_query(store, text))
