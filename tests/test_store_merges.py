"""Actors merged over a whole store: articles added build after build merge with the
actors already stored exactly as one build of them all (the merge rules of
:mod:`graph.rdf.merging`, run on the store)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.pipeline.build import run_build
from graph.store.local import open_store

#: Articles we wrote: one person in two transliterations and by his surname, and an
#: organisation by its name and by its acronym, spread over three articles.
ARTICLES = {
    "a.txt": "Shelling hits Dornivka\n\n"
             "DORNIVKA, May 2 (Wire) - Shelling killed four civilians in Dornivka on Friday, the regional "
             "governor Oleksandr Varenko said. The Northern Relief Alliance said it had sent two convoys.\n",
    "b.txt": "Dornivka counts its dead\n\n"
             "DORNIVKA, May 3 (Wire) - Governor Aleksandr Varenko said on Saturday that six people had "
             "been wounded in the shelling of Dornivka.\n",
    "c.txt": "Aid reaches Dornivka\n\n"
             "DORNIVKA, May 4 (Wire) - Varenko said the town's hospital was full. The NRA said its third "
             "convoy had arrived on Sunday.\n",
}

_ACTORS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
SELECT ?a ?label ?alt WHERE { ?a a ng:Actor ; rdfs:label ?label OPTIONAL { ?a skos:altLabel ?alt } }
"""


def _write(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def _actors(path) -> dict[str, tuple[str, frozenset[str]]]:
    with open_store(path, read_only=True) as store:
        found: dict[str, tuple[str, set[str]]] = {}
        for row in store.query(_ACTORS):
            entry = found.setdefault(row["a"].value, (row["label"].value, set()))
            if row["alt"] is not None:
                entry[1].add(row["alt"].value)
        return {iri: (label, frozenset(alts)) for iri, (label, alts) in found.items()}


def _quads(path) -> set[ox.Quad]:
    with open_store(path, read_only=True) as store:
        return set(store.quads())


@pytest.fixture(scope="module")
def one_build(nlp, tmp_path_factory):
    root = tmp_path_factory.mktemp("one_build")
    run_build([str(_write(root / "all", ARTICLES))], root / "out", nlp=nlp, store=str(root / "store"), html=False)
    return root / "store"


def test_the_store_merges_actors_across_its_articles(one_build):
    clusters = [{label, *alts} for label, alts in _actors(one_build).values()]
    assert {"Oleksandr Varenko", "Aleksandr Varenko", "Varenko"} in clusters
    assert {"Northern Relief Alliance", "NRA"} in clusters


def test_articles_added_one_build_at_a_time_merge_as_one_build_of_all(nlp, tmp_path, one_build):
    store = tmp_path / "store"
    for i, name in enumerate(["c.txt", "b.txt", "a.txt"]):
        run_build([str(_write(tmp_path / f"batch{i}", [name]))], tmp_path / f"out{i}", nlp=nlp,
                  store=str(store), html=False)
    assert _actors(store) == _actors(one_build)
    assert _quads(store) == _quads(one_build)


def test_an_article_built_again_merges_again(nlp, tmp_path, one_build):
    store = tmp_path / "store"
    run_build([str(_write(tmp_path / "all", ARTICLES))], tmp_path / "out", nlp=nlp, store=str(store), html=False)
    run_build([str(_write(tmp_path / "again", ["b.txt"]))], tmp_path / "out2", nlp=nlp, store=str(store), html=False)
    assert _quads(store) == _quads(one_build)


@pytest.mark.xfail(reason="a merge made in an earlier build is not undone when a later article makes it "
                          "ambiguous (the store keeps no unmerged copy of its articles; README, Limits)",
                   strict=True)
def test_a_later_article_that_makes_a_surname_ambiguous_undoes_its_merge(nlp, tmp_path):
    texts = {"x.txt": "Talks resume\n\nHalyk said on Monday that three prisoners would be freed.\n",
             "z.txt": "Talks go on\n\nTalks went on, said Petro Halyk, a negotiator.\n",
             "y.txt": "Talks stall\n\nTalks stalled on Tuesday, said Marta Halyk, a mediator.\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = [str(tmp_path / "x.txt"), str(tmp_path / "z.txt")]
    run_build(first, tmp_path / "o1", nlp=nlp, store=str(tmp_path / "s1"), html=False)
    assert any("Halyk" in alts for _, alts in _actors(tmp_path / "s1").values())  # merged while unambiguous
    run_build([str(tmp_path / "y.txt")], tmp_path / "o2", nlp=nlp, store=str(tmp_path / "s1"), html=False)
    run_build([*first, str(tmp_path / "y.txt")], tmp_path / "o3", nlp=nlp, store=str(tmp_path / "s2"), html=False)
    assert _quads(tmp_path / "s1") == _quads(tmp_path / "s2")
