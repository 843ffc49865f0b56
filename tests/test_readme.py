"""The README stays true: its example queries run on the seeds and return rows."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.pipeline.build import run_build

README = Path(__file__).resolve().parents[1] / "README.md"
QUERIES = re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("readme")
    run_build([str(seeds_dir)], out, html=False)
    store = ox.Store()
    store.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    return store


def test_readme_has_example_queries():
    assert len(QUERIES) >= 3


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_readme_query_returns_rows(seeds_store, query):
    assert len(list(seeds_store.query(query))) > 0
