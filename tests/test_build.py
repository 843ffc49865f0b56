"""End-to-end build on the sample articles and on bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.errors import OptionError, OutputError
from graph.evaluate import evaluate, load_jsonl
from graph.pipeline import build as build_module
from graph.pipeline.build import run_build
from graph.rdf.vocab import NG

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def seeds_build(seed_build, seed_summary):
    return seed_build, seed_summary


def test_build_writes_three_outputs(seeds_build):
    out, summary = seeds_build
    assert summary.articles == 2 and summary.failed == 0
    for name in ("graph.trig", "claims.jsonl", "graph.html"):
        assert (out / name).stat().st_size > 0


def test_trig_has_one_named_graph_per_article_and_the_summary_graph(seeds_build):
    out, _ = seeds_build
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)}
    assert names == {
        "https://w3id.org/newsgraph/id/graph/000_2cfd3623d210ff28",
        "https://w3id.org/newsgraph/id/graph/001_de4eb1a377785554",
        "https://w3id.org/newsgraph/id/summary",
    }
    summary = ds.graph(URIRef("https://w3id.org/newsgraph/id/summary"))
    claims = sum(int(o) for o in summary.objects(None, NG.claimCount))
    assert claims == sum(1 for _ in ds.quads((None, NG.source, None, None)))
    assert set(summary.predicates()) == {NG.claimCount, NG.articleCount}
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    assert len(set(default.subjects(predicate=None, object=NG.Actor))) > 5


def test_seed_claims_score_high(seeds_build):
    out, _ = seeds_build
    result = evaluate(load_jsonl(DATA / "gold_seeds.jsonl"), load_jsonl(out / "claims.jsonl"))
    assert result["overall"]["f1"] >= 0.9, result["overall"]


def test_claim_records_carry_evidence_and_iris(seeds_build, seeds_dir):
    out, _ = seeds_build
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    rows = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows
    for row in rows:
        assert {"article", "kind", "source", "sentence", "begin", "end", "iri", "source_iri"} <= set(row)
        assert texts[row["article"]][row["begin"]:row["end"]] == row["sentence"]
        if row["kind"] == "figure":
            assert row["quantity"] and (row["low"] is not None or row["high"] is not None)


def test_seed_dataset_conforms_to_shapes(seeds_build):
    from graph.rdf.shapes import validate_dataset

    out, _ = seeds_build
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    conforms, report = validate_dataset(ds)
    assert conforms, report


def test_chrome_yields_no_claims(seeds_build, seeds_dir):
    out, _ = seeds_build
    text = (seeds_dir / "001_de4eb1a377785554.txt").read_text(encoding="utf-8")
    chrome_start = text.index("Sign up for our free weekly newsletter")
    rows = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(r["begin"] < chrome_start for r in rows if r["article"] == "001_de4eb1a377785554")


def _ground_triples(ds: Dataset) -> set[tuple]:
    """The triples without blank nodes, a plain literal and an ``xsd:string`` one alike."""
    def term(t):
        return Literal(str(t)) if isinstance(t, Literal) and t.datatype == XSD_STRING else t
    return {(s, p, term(o)) for s, p, o, _ in ds.quads() if not isinstance(s, BNode) and not isinstance(o, BNode)}


@pytest.mark.parametrize("fmt,name,parse_as", [
    ("nq", "graph.nq", "nquads"),
    ("ttl", "graph.ttl", "turtle"),
    ("jsonld", "graph.jsonld", "json-ld"),
])
def test_other_rdf_formats(tmp_path, seeds_dir, nlp, fmt, name, parse_as):
    """Every format holds the same triples as TriG; the formats with graphs keep the
    article's named graph."""
    article = [str(seeds_dir / "001_de4eb1a377785554.txt")]
    run_build(article, tmp_path / "trig", html=False, nlp=nlp)
    run_build(article, tmp_path / fmt, rdf_format=fmt, html=False, nlp=nlp)
    trig, other = Dataset(), Dataset()
    trig.parse(tmp_path / "trig" / "graph.trig", format="trig")
    other.parse(tmp_path / fmt / name, format=parse_as)
    triples, got = _ground_triples(trig), _ground_triples(other)
    assert triples and got == triples
    if fmt != "ttl":
        graphs = {str(g) for *_, g in trig.quads() if g is not None}
        assert {str(g) for *_, g in other.quads() if g is not None} == graphs


def test_bad_format_lists_valid_values(nlp, tmp_path, seeds_dir):
    with pytest.raises(OptionError, match="trig"):
        run_build([str(seeds_dir)], tmp_path, nlp=nlp, rdf_format="xml")


def test_bad_inputs_are_reported_and_the_rest_builds(nlp, tmp_path, seeds_dir):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "good.txt").write_text("Troops attacked\n\nThe army said 12 soldiers were killed.\n", encoding="utf-8")
    (inp / "empty.txt").write_text("", encoding="utf-8")
    (inp / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (inp / "notes.pdf").write_bytes(b"%PDF-1.4")
    (inp / "batch.jsonl").write_text('{"id": "j1", "text": "Police said two people died."}\n{bad json\n{"id": "j2"}\n',
                                     encoding="utf-8")
    errors = []
    summary = run_build([str(inp)], tmp_path / "out", nlp=nlp, html=False, on_error=lambda e: errors.append(str(e)))
    assert summary.articles == 2
    assert summary.failed == len(errors) == 5
    joined = "\n".join(errors)
    for fragment in ("empty.txt", "blob.txt", "notes.pdf", "batch.jsonl:2", "batch.jsonl:3"):
        assert fragment in joined


def test_failed_write_leaves_previous_outputs_intact(nlp, tmp_path, seeds_dir, monkeypatch):
    run_build([str(seeds_dir)], tmp_path, nlp=nlp, html=False)
    before = {name: (tmp_path / name).read_bytes() for name in ("graph.trig", "claims.jsonl")}

    def disk_full(ds, path, fmt):
        Path(path).write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device", path)

    monkeypatch.setattr(build_module, "serialize_dataset", disk_full)
    with pytest.raises(OutputError, match="No space left"):
        run_build([str(seeds_dir)], tmp_path, nlp=nlp, html=False)
    assert {name: (tmp_path / name).read_bytes() for name in before} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl", "graph.trig"]


def test_unwritable_output_folder_is_a_clear_error(nlp, tmp_path, seeds_dir):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot create output folder"):
        run_build([str(seeds_dir)], blocker / "out", nlp=nlp)


def test_temporaries_of_dead_builds_are_removed_and_others_kept(tmp_path):
    from graph.pipeline.build import remove_stale_temporaries

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = os.getpid()
    names = [f".newsgraph-build-{dead.pid}-abcd1234", f".claims.jsonl.{dead.pid}.k2j3h_ab.tmp",
             f".graph.trig.{dead.pid}.x1y2z3w4.tmp", f".newsgraph-build-{alive}-abcd1234",
             f".claims.jsonl.{alive}.k2j3h_ab.tmp", f".report.{dead.pid}.abcdefgh.tmp", "claims.jsonl", "notes.txt"]
    for name in names:
        if "newsgraph-build" in name:
            (tmp_path / name).mkdir()
            (tmp_path / name / "inside").write_text("x")
        else:
            (tmp_path / name).write_text("x")
    removed = remove_stale_temporaries(tmp_path)
    assert sorted(removed) == sorted(names[:3])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[3:])
