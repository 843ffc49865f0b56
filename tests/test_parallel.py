"""``build --processes N``: worker processes parse and extract, and the build is the same as with one."""
from __future__ import annotations

import pytest
from test_distributed import _dataset, _graphs, corpus  # noqa: F401  (corpus is a fixture)

from graph.errors import ModelError
from graph.pipeline.build import run_build
from graph.pipeline.parallel import process_extractions
from graph.readers.load import load_articles


@pytest.mark.slow
def test_two_processes_build_what_one_builds(corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    expected = run_build([str(corpus)], one, html=False)
    got = run_build([str(corpus)], two, html=False, n_process=2)
    assert got.articles == expected.articles == 8
    assert got.claims == expected.claims and got.actors == expected.actors
    assert (two / "claims.jsonl").read_bytes() == (one / "claims.jsonl").read_bytes()
    a, b = _graphs(_dataset(one / "graph.trig")), _graphs(_dataset(two / "graph.trig"))
    assert sorted(a) == sorted(b)
    assert all(a[name].isomorphic(b[name]) for name in a)


@pytest.mark.slow
def test_results_keep_input_order_with_a_bounded_queue(corpus):
    articles = list(load_articles([str(corpus)], on_error=pytest.fail))
    pulled = 0

    def source():
        nonlocal pulled
        for article in articles * 3:
            pulled += 1
            yield article

    stream = process_extractions(source(), 2, batch_size=2)
    first = next(stream)
    assert pulled <= 2 * 2 * 2 + 2  # at most 2 x processes batches of 2 submitted (and one being read)
    ids = [first.article.id] + [ex.article.id for ex in stream]
    assert ids == [a.id for a in articles * 3]


@pytest.mark.slow
def test_a_missing_model_is_a_model_error_not_a_hang(seeds_dir):
    articles = load_articles([str(seeds_dir)], on_error=pytest.fail)
    with pytest.raises(ModelError, match="no_such_model_xyz"):
        list(process_extractions(articles, 2, model="no_such_model_xyz"))


def test_processes_must_be_positive():
    with pytest.raises(ValueError, match="processes must be >= 1"):
        next(process_extractions([], 0))
