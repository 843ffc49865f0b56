"""The persistent store: incremental builds, transactions, and clear errors."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.errors import StoreError
from graph.pipeline import build as build_module
from graph.pipeline.build import run_build
from graph.rdf.iris import graph_iri
from graph.rdf.triples import new_dataset
from graph.store.local import (
    Store,
    _open_error,
    link_quads,
    load_files,
    merge_default,
    open_data,
    open_store,
)
from graph.store.summary import SUMMARY_GRAPH

NG = "https://w3id.org/newsgraph/ontology#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CONFLICTS = ox.NamedNode(NG + "conflictsWith")
SUBPROCESS_TIMEOUT = 30


def quads(store: Store, graph=None) -> set[ox.Quad]:
    return set(store.quads(graph))


def by_graph(qs) -> dict[str, set[ox.Quad]]:
    out: dict[str, set[ox.Quad]] = {}
    for q in qs:
        out.setdefault(str(q.graph_name), set()).add(q)
    return out


@pytest.fixture(scope="module")
def seeds_copy(tmp_path_factory, seeds_dir) -> Path:
    folder = tmp_path_factory.mktemp("seeds_copy")
    for p in seeds_dir.iterdir():
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory, seeds_copy):
    """The seeds built once with --store: (store path, output folder, quads of the store)."""
    root = tmp_path_factory.mktemp("store_build")
    store_path, out = root / "store", root / "out"
    summary = run_build([str(seeds_copy)], out, nlp=nlp, store=str(store_path), html=False)
    assert summary.articles == 2
    with open_store(store_path, read_only=True) as store:
        contents = quads(store)
    return store_path, out, contents


# --- what a build stores ----------------------------------------------------------


def test_store_holds_each_article_graph_exactly_as_the_build_output(built):
    store_path, out, contents = built
    trig = load_files([out / "graph.trig"])
    expected = by_graph(trig.quads())
    got = by_graph(contents)
    named = {g for g in expected if g != str(ox.DefaultGraph())}
    assert named == {str(ox.NamedNode(str(graph_iri(a)))) for a in ("000_2cfd3623d210ff28", "001_de4eb1a377785554")} \
        | {str(SUMMARY_GRAPH)}
    for g in named:  # the summary graph too: counted article by article, equal to counting afresh
        assert got[g] == expected[g], g
    # the default graph: nothing that the one-shot build does not have, and the same links
    # of figures (made again over the store after the build)
    default = got[str(ox.DefaultGraph())]
    assert default <= expected[str(ox.DefaultGraph())]
    assert link_quads(default) == link_quads(expected[str(ox.DefaultGraph())])
    assert any(q.predicate == CONFLICTS for q in default)


def test_every_stored_actor_has_one_label(built):
    _, _, contents = built
    labels: dict[ox.NamedNode, set] = {}
    for q in contents:
        if q.predicate == RDFS_LABEL and isinstance(q.graph_name, ox.DefaultGraph):
            labels.setdefault(q.subject, set()).add(q.object)
    assert labels and all(len(v) == 1 for v in labels.values()), {k: v for k, v in labels.items() if len(v) > 1}


def test_rebuilding_unchanged_articles_changes_nothing(nlp, built, seeds_copy, tmp_path):
    store_path, _, before = built
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    run_build([str(seeds_copy)], tmp_path / "out", nlp=nlp, store=str(copy), html=False)
    with open_store(copy, read_only=True) as store:
        assert quads(store) == before


def test_save_article_reports_unchanged_and_writes_nothing(built, tmp_path):
    store_path, out, _ = built
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    article = "000_2cfd3623d210ff28"
    gid = URIRef(str(graph_iri(article)))
    ds = new_dataset()
    ds.parse(out / "graph.trig", format="trig")
    one = new_dataset()
    for s, p, o, g in ds.quads((None, None, None, gid)):
        one.graph(gid).add((s, p, o))
    with open_store(copy) as store:
        assert store.save_article(article, one) == "unchanged"
        one.graph(gid).add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("new")))
        assert store.save_article(article, one) == "replaced"
        fresh = new_dataset()
        fresh.graph(URIRef(str(graph_iri("new")))).add(
            (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("x")))
        assert store.save_article("new", fresh) == "added"


def test_a_changed_article_replaces_only_its_own_graph(nlp, built, seeds_copy, tmp_path):
    store_path, _, before = built
    articles = tmp_path / "articles"
    shutil.copytree(seeds_copy, articles)
    changed = articles / "001_de4eb1a377785554.txt"
    text = changed.read_text(encoding="utf-8")
    assert "the death toll in the attack was about 400" in text
    changed.write_text(text.replace("the death toll in the attack was about 400",
                                    "the death toll in the attack was about 500"), encoding="utf-8")
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    run_build([str(articles)], tmp_path / "out", nlp=nlp, store=str(copy), html=False)
    with open_store(copy, read_only=True) as store:
        after = quads(store)
    old, new = by_graph(before), by_graph(after)
    g000 = str(ox.NamedNode(str(graph_iri("000_2cfd3623d210ff28"))))
    g001 = str(ox.NamedNode(str(graph_iri("001_de4eb1a377785554"))))
    assert new[g000] == old[g000]
    assert new[g001] != old[g001]
    highs = {q.object.value for q in new[g001] if q.predicate.value == NG + "high"}
    assert "500" in highs and "400" not in highs  # the old figure is gone, not kept beside the new one
    # no claim of the old version survives in the article's graph
    old_claims = {q.subject for q in old[g001] if q.predicate == RDF_TYPE and q.object.value == NG + "Claim"}
    new_claims = {q.subject for q in new[g001] if q.predicate == RDF_TYPE and q.object.value == NG + "Claim"}
    assert old_claims - new_claims and len(new_claims) == len(old_claims)
    old_default, new_default = old[str(ox.DefaultGraph())], new[str(ox.DefaultGraph())]
    assert old_default - link_quads(old_default) <= new_default  # facts only grow...
    linked = {t for q in link_quads(new_default) for t in (q.subject, q.object)}
    assert linked and not linked & (old_claims - new_claims)  # ...links of the old version go


def test_a_build_failing_midway_keeps_what_was_committed(nlp, seeds_copy, tmp_path, monkeypatch):
    real = build_module.extract_stream

    def fails_after_first(*args, **kwargs):
        stream = real(*args, **kwargs)
        yield next(stream)
        raise RuntimeError("simulated crash in the second article")

    monkeypatch.setattr(build_module, "extract_stream", fails_after_first)
    store_path = tmp_path / "store"
    with pytest.raises(RuntimeError, match="simulated crash"):
        run_build([str(seeds_copy)], tmp_path / "out", nlp=nlp, store=str(store_path), html=False)
    with open_store(store_path, read_only=True) as store:
        graphs = store.named_graphs()
        assert graphs[-1] == SUMMARY_GRAPH and len(graphs) == 2  # the first article and its counts
        first = graphs[0]
        assert len(quads(store, first)) > 50
        assert store.ox.query(f"ASK {{ GRAPH {first} {{ ?c a <{NG}Claim> }} }}")


def test_a_save_that_fails_leaves_the_previous_version(tmp_path):
    gid = URIRef(str(graph_iri("a")))
    good = new_dataset()
    good.graph(gid).add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("v1")))
    bad = Dataset()  # rdflib's memory store takes an IRI with a space; the conversion fails
    bad.graph(gid).add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("v2")))
    bad.graph(gid).add((URIRef("https://example.org/bad iri"), URIRef("https://example.org/p"), Literal("v2")))
    with open_store(tmp_path / "store") as store:
        store.save_article("a", good)
        before = quads(store)
        with pytest.raises(StoreError, match="article 'a'"):
            store.save_article("a", bad)
        assert quads(store) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_text_round_trips_through_the_store(text):
    store = Store(ox.Store())
    gid = URIRef(str(graph_iri("t")))
    ds = new_dataset()
    ds.graph(gid).add((URIRef("https://example.org/s"), URIRef("https://example.org/text"), Literal(text)))
    ds.graph(DATASET_DEFAULT_GRAPH_ID).add((URIRef("https://example.org/s"), URIRef("https://example.org/p"),
                                            Literal(text)))
    store.save_article("t", ds)
    stored = {q.object.value for q in store.quads()}
    assert stored == {text}


def test_tricky_strings_survive_exactly():
    tricky = 'a\\u0022b "q" \\ \n\r\t \x01 é 𝄞 \u2028 }} ; DROP ALL ; #'
    store = Store(ox.Store())
    ds = new_dataset()
    ds.graph(URIRef(str(graph_iri("t")))).add(
        (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(tricky)))
    store.save_article("t", ds)
    assert [q.object.value for q in store.quads()] == [tricky]


# --- the default-graph rule -----------------------------------------------------


def _q(s, p, o):
    return ox.Quad(ox.NamedNode(s), p if isinstance(p, ox.NamedNode) else ox.NamedNode(p), o)


def test_merge_default_keeps_first_label_type_and_event_details():
    actor, event = "https://example.org/actor/a", "https://example.org/event/e"
    stored = {ox.NamedNode(actor): ox.Literal("Defense Ministry"), ox.NamedNode(event): ox.Literal("strike on X")}
    new = [
        _q(actor, RDF_TYPE, ox.NamedNode(NG + "Actor")),
        _q(actor, RDF_TYPE, ox.NamedNode(NG + "Group")),
        _q(actor, RDFS_LABEL, ox.Literal("defense ministry")),
        _q(actor, NG + "actorType", ox.Literal("group")),
        _q(actor, SKOS_ALT, ox.Literal("Defense Ministry")),
        _q(actor, SKOS_ALT, ox.Literal("the ministry")),
        _q(actor, NG + "side", ox.Literal("Russia")),
        _q(event, RDF_TYPE, ox.NamedNode(NG + "Event")),
        _q(event, RDFS_LABEL, ox.Literal("attack on X")),
        _q(event, NG + "place", ox.Literal("x")),
        _q("https://example.org/actor/new", RDFS_LABEL, ox.Literal("New")),
    ]
    got = set(merge_default(new, stored_label=stored.get))
    assert got == {
        _q(actor, RDF_TYPE, ox.NamedNode(NG + "Actor")),
        _q(actor, SKOS_ALT, ox.Literal("defense ministry")),  # a new spelling becomes an alias
        _q(actor, SKOS_ALT, ox.Literal("the ministry")),
        _q(actor, NG + "side", ox.Literal("Russia")),
        _q("https://example.org/actor/new", RDFS_LABEL, ox.Literal("New")),
    }


# --- opening and errors -----------------------------------------------------------


def test_a_new_store_folder_is_created_with_its_parents(tmp_path):
    path = tmp_path / "a" / "b" / "store"
    open_store(path).close()
    assert (path / "CURRENT").is_file()


def test_a_file_is_not_a_store(tmp_path):
    f = tmp_path / "graph.trig"
    f.write_text("x")
    with pytest.raises(StoreError, match="is a file, not a store folder"):
        open_store(f)


def test_a_folder_of_something_else_is_refused_and_left_alone(tmp_path, seeds_dir):
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    before = sorted(p.name for p in folder.iterdir())
    with pytest.raises(StoreError, match="holds no Oxigraph store"):
        open_store(folder)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_reading_a_missing_store_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "nothing", read_only=True)


def test_a_corrupt_store_is_reported(tmp_path):
    path = tmp_path / "store"
    open_store(path).close()
    (path / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match="store is corrupt"):
        open_store(path)


def test_an_incompatible_version_is_reported():
    # the message Oxigraph gives for a store written by a newer release
    message = ("The RocksDB database is using the too recent version 7. "
               "Upgrade to the latest Oxigraph version to load this database")
    err = _open_error(Path("store"), OSError(message))
    assert "incompatible version of Oxigraph" in str(err) and "too recent version 7" in str(err)


HOLDER = textwrap.dedent("""
    import sys
    from graph.store.local import open_store
    store = open_store(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("ready", flush=True)
    sys.stdin.read()
    store.close()
""")

OPENER = textwrap.dedent("""
    import sys
    from graph.errors import StoreError
    from graph.store.local import open_store
    try:
        open_store(sys.argv[1], read_only=sys.argv[2] == "ro").close()
    except StoreError as exc:
        print(exc)
        sys.exit(3)
""")


def _hold(path: Path, mode: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _release(proc: subprocess.Popen) -> None:
    proc.stdin.close()
    proc.wait(timeout=SUBPROCESS_TIMEOUT)


def test_a_store_held_by_a_build_is_in_use(tmp_path):
    path = tmp_path / "store"
    open_store(path).close()
    holder = _hold(path, "rw")
    try:
        for read_only in (False, True):
            with pytest.raises(StoreError, match="store is in use by another process"):
                open_store(path, read_only=read_only)
    finally:
        _release(holder)
    open_store(path).close()  # free again once the holder is gone


def test_a_reader_keeps_builds_out_but_lets_other_readers_in(tmp_path):
    path = tmp_path / "store"
    open_store(path).close()
    reader = open_store(path, read_only=True)
    try:
        writer = subprocess.run([sys.executable, "-c", OPENER, str(path), "rw"], capture_output=True,
                                text=True, timeout=SUBPROCESS_TIMEOUT)
        assert writer.returncode == 3 and "store is in use by another process" in writer.stdout
        other = subprocess.run([sys.executable, "-c", OPENER, str(path), "ro"], capture_output=True,
                               text=True, timeout=SUBPROCESS_TIMEOUT)
        assert other.returncode == 0, other.stdout + other.stderr
    finally:
        reader.close()
    writer = subprocess.run([sys.executable, "-c", OPENER, str(path), "rw"], capture_output=True,
                            text=True, timeout=SUBPROCESS_TIMEOUT)
    assert writer.returncode == 0, writer.stdout + writer.stderr


def test_build_into_a_store_in_use_fails_clearly(nlp, tmp_path, seeds_dir):
    path = tmp_path / "store"
    open_store(path).close()
    holder = _hold(path, "ro")
    try:
        with pytest.raises(StoreError, match="in use by another process"):
            run_build([str(seeds_dir)], tmp_path / "out", nlp=nlp, store=str(path), html=False)
    finally:
        _release(holder)


def test_a_read_only_store_refuses_writes(built):
    store_path, _, _ = built
    with open_store(store_path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.save_article("x", new_dataset())


def test_open_data_takes_a_store_a_build_folder_or_files(built):
    store_path, out, contents = built
    with open_data([store_path]) as store:
        assert store.read_only and quads(store) == contents
    with open_data([out]) as from_folder, open_data([out / "graph.trig"]) as from_file:
        assert quads(from_folder) == quads(from_file)
        assert len(from_file) > len([q for q in contents if isinstance(q.graph_name, ox.DefaultGraph)])
    with pytest.raises(StoreError, match="unknown RDF file extension"):
        open_data([out / "claims.jsonl"])
    with pytest.raises(StoreError, match="no such file"):
        open_data([out / "missing.trig"])
    with pytest.raises(StoreError, match="missing-folder: no such file or folder"):  # not "unknown RDF file extension"
        open_data([out / "missing-folder"])


def test_a_closed_store_says_so(tmp_path):
    store = open_store(tmp_path / "s")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        len(store)


def test_damage_found_when_writing_is_a_store_error(tmp_path):
    """Corruption that RocksDB only notices at a read or at the final flush gets the corrupt-store advice."""
    class Damaged:
        def flush(self):
            raise RuntimeError("Corruption: block checksum mismatch: stored = 1, computed = 2")

        def quads_for_pattern(self, *args):
            raise OSError("Corruption: block checksum mismatch")

        contains_named_graph = quads_for_pattern

    store = Store(Damaged(), path=tmp_path / "store")
    with pytest.raises(StoreError, match=r"store is corrupt \(cannot save article 'a1'\); remove it"):
        store.save_article("a1", new_dataset())
    with pytest.raises(StoreError, match=r"store is corrupt \(cannot write the store to disk\)"):
        store.close()
    store.close()  # closed all the same: a second close does nothing
