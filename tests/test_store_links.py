"""Links of figures over a whole store: articles added build after build link with those
already stored, exactly as one build of them all, and a changed article's old links go."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.pipeline.build import run_build
from graph.store.local import link_quads, open_store

NG = "https://w3id.org/newsgraph/ontology#"

#: Three articles we wrote about one strike: the governor's toll rises (an update), the
#: ministry of the other side gives a far smaller one (a conflict), and a later article
#: repeats the governor's last figure.
ARTICLES = {
    "a_governor.txt": "Strike on Lorvan kills 12\n\n"
                      "LORVAN, March 14 (Wire) - A missile strike on the town of Lorvan killed 12 people "
                      "on Saturday, the regional governor Ilia Marsk said.\n",
    "b_ministry.txt": "Ministry says strike hit depot\n\n"
                      "LORVAN, March 15 (Wire) - The Northland Defence Ministry said on Sunday that the strike "
                      "on Lorvan on Saturday killed only three people.\n",
    "c_update.txt": "Lorvan toll rises\n\n"
                    "LORVAN, March 16 (Wire) - The death toll from Saturday's missile strike on Lorvan rose "
                    "to 19, the regional governor Ilia Marsk said on Monday.\n",
}


def _write(folder, names):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def _links(path) -> set[ox.Quad]:
    with open_store(path, read_only=True) as store:
        return link_quads(store.quads(ox.DefaultGraph()))


def _predicates(links) -> set[str]:
    return {q.predicate.value.removeprefix(NG) for q in links}


@pytest.fixture(scope="module")
def one_build(nlp, tmp_path_factory):
    root = tmp_path_factory.mktemp("one_build")
    run_build([str(_write(root / "all", ARTICLES))], root / "out", nlp=nlp, store=str(root / "store"), html=False)
    return root / "store"


def test_articles_added_one_build_at_a_time_link_as_one_build_of_all(nlp, tmp_path, one_build):
    store = tmp_path / "store"
    for i, name in enumerate(ARTICLES):
        run_build([str(_write(tmp_path / f"batch{i}", [name]))], tmp_path / f"out{i}", nlp=nlp,
                  store=str(store), html=False)
    expected = _links(one_build)
    assert {"conflictsWith", "updates"} <= _predicates(expected)
    assert _links(store) == expected


def test_a_changed_article_loses_its_old_links(nlp, tmp_path, one_build):
    """The ministry's figure, changed to agree with the governor, conflicts with nothing."""
    store = tmp_path / "store"
    folder = _write(tmp_path / "all", ARTICLES)
    run_build([str(folder)], tmp_path / "out", nlp=nlp, store=str(store), html=False)
    assert "conflictsWith" in _predicates(_links(store))
    changed = folder / "b_ministry.txt"
    changed.write_text(ARTICLES["b_ministry.txt"].replace("killed only three people", "killed 12 people"),
                       encoding="utf-8")
    run_build([str(changed)], tmp_path / "out2", nlp=nlp, store=str(store), html=False)
    links = _links(store)
    assert "conflictsWith" not in _predicates(links) and "updates" in _predicates(links)
