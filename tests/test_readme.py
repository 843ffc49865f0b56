"""The README stays true: its example queries run on the seeds and return rows."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
QUERIES = re.findall(r"```sparql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def seeds_store(seed_build):
    store = ox.Store()
    store.load(path=str(seed_build / "graph.trig"), format=ox.RdfFormat.TRIG)
    return store


def test_readme_has_example_queries():
    assert len(QUERIES) >= 3


@pytest.mark.parametrize("query", QUERIES, ids=[f"query{i}" for i in range(len(QUERIES))])
def test_readme_query_returns_rows_with_their_evidence(seeds_store, seeds_dir, query):
    """Each example returns rows; every variable outside an OPTIONAL is bound, and a
    ``?sentence`` is a sentence of a seed article, word for word."""
    texts = [p.read_text(encoding="utf-8") for p in seeds_dir.iterdir() if p.is_file()]
    optional = set(re.findall(r"OPTIONAL \{[^}]*\?(\w+)", query))
    results = seeds_store.query(query)
    names = [v.value for v in results.variables]
    rows = list(results)
    assert rows
    for row in rows:
        for name in names:
            if name not in optional:
                assert row[name] is not None, (name, query)
        if "sentence" in names:
            assert any(row["sentence"].value in t for t in texts), row["sentence"].value
