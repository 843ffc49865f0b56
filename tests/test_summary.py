"""The summary graph (per-source claim and article counts) stays equal to counting afresh.

A store moves the counts in the transaction that replaces an article; build
outputs and loaded files are counted afresh; a store written before the
summary existed is counted when a build opens it.
"""
from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from graph.rdf.triples import add_extraction, new_dataset
from graph.sparql.run import library_query, run_query
from graph.store.local import load_files, open_store
from graph.store.summary import SUMMARY_GRAPH, delta_update, refresh
from graph.types import Actor, Article, Claim, Evidence, Extraction, Software

#: The software stamped on hand-made extractions (no model ran).
SOFTWARE = Software("0.0.test", "hand_made", "0")

SOURCES = [Actor(name=f"Speaker {i}", type="person") for i in range(6)]


def _extraction(aid: str, rng: random.Random, claims: int) -> Extraction:
    sentence = "The spokesman said the strike hit the depot."
    text = " ".join([sentence] * 10)
    out = []
    for n in range(claims):
        begin = n * (len(sentence) + 1)
        out.append(Claim(kind="quote", extractor="quotes.v1", article=aid, source=rng.choice(SOURCES),
                         evidence=Evidence(aid, begin, begin + len(sentence), sentence), text=f"words {n}"))
    return Extraction(article=Article(id=aid, text=text), claims=tuple(out), actors=SOURCES,
                      extractors=("quotes.v1",), software=SOFTWARE)


def _dataset(ex: Extraction):
    ds = new_dataset()
    add_extraction(ds, ex)
    return ds


def _summary(store: ox.Store) -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, SUMMARY_GRAPH)}


def _fresh(store: ox.Store) -> set[tuple]:
    copy = ox.Store()
    copy.extend(q for q in store if q.graph_name != SUMMARY_GRAPH)
    refresh(copy)
    return _summary(copy)


@pytest.mark.parametrize("seed", range(5))
def test_saving_articles_in_any_order_keeps_the_counts_true(tmp_path, seed):
    """Add, replace (more, fewer or no claims) and re-save articles: after every save the
    summary is what counting afresh gives, and a source with no claim left has no count."""
    rng = random.Random(seed)
    with open_store(tmp_path / "store") as store:
        for step in range(25):
            aid = f"a{rng.randint(0, 5)}"
            ex = _extraction(aid, rng, rng.choice((0, 1, 2, 5, 9)))
            store.save_article(aid, _dataset(ex))
            assert _summary(store.ox) == _fresh(store.ox), (seed, step)
        counts = {s for s, p, o in _summary(store.ox)}
        cited = {q.object for q in store.ox.quads_for_pattern(None, ox.NamedNode(
            "https://w3id.org/newsgraph/ontology#source"), None, None)}
        assert counts == cited


def test_a_store_without_summary_is_counted_when_a_build_opens_it(tmp_path):
    rng = random.Random(3)
    with open_store(tmp_path / "store") as store:
        for i in range(3):
            store.save_article(f"a{i}", _dataset(_extraction(f"a{i}", rng, 4)))
        expected = _summary(store.ox)
        store.ox.remove_graph(SUMMARY_GRAPH)  # as a store written before the summary existed
    with open_store(tmp_path / "store", read_only=True) as store:
        assert not _summary(store.ox)  # a reader does not write
    with open_store(tmp_path / "store") as store:
        assert expected and _summary(store.ox) == expected


def test_loaded_files_are_counted_afresh_even_when_two_builds_are_put_together(tmp_path):
    """Two outputs, each with its own summary, loaded together: one count per source, the sum."""
    rng = random.Random(4)
    paths = []
    for name, ids in (("one", ("a0", "a1")), ("two", ("a2", "a3"))):
        ds = new_dataset()
        for aid in ids:
            add_extraction(ds, _extraction(aid, rng, 5))
        inner = ox.Store()
        inner.load(ds.serialize(format="ox-nquads").encode("utf-8"), ox.RdfFormat.N_QUADS)
        refresh(inner)
        path = tmp_path / f"{name}.nq"
        inner.dump(str(path), format=ox.RdfFormat.N_QUADS)
        paths.append(path)
    with load_files(paths) as store:
        summary = _summary(store.ox)
        assert summary == _fresh(store.ox)
        claims = [o for s, p, o in summary if p.value.endswith("claimCount")]
        assert sum(int(o.value) for o in claims) == 20
        assert len(claims) == len({s for s, p, o in summary})  # one count per source
        rows = run_query(store.ox, library_query("most_cited_sources").text).dicts()
        assert sum(r["claims"] for r in rows) == 20 and all(1 <= r["articles"] <= 4 for r in rows)


def test_a_save_that_changes_nothing_moves_no_count():
    assert delta_update({}, {}) is None
    same = {ox.NamedNode("https://e.org/a"): 2}
    assert delta_update(same, dict(same)) is None


def test_the_count_update_is_written_from_terms_not_pasted_text():
    evil = ox.NamedNode("https://e.org/a%3E%20%7D%20DROP%20ALL")
    text = delta_update({}, {evil: 1})
    assert str(evil) in text and "DROP ALL" not in text
    store = ox.Store()
    store.update(text)
    assert _summary(store) == {(evil, ox.NamedNode("https://w3id.org/newsgraph/ontology#claimCount"),
                                ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
                               (evil, ox.NamedNode("https://w3id.org/newsgraph/ontology#articleCount"),
                                ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))}
