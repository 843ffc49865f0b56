"""``ng:conflictsWith`` links between figures that do not overlap, against the definition."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.pipeline.build import link_conflicts
from graph.rdf.triples import new_dataset
from graph.rdf.vocab import NG

bound = st.one_of(st.none(), st.integers(min_value=0, max_value=50))
figure = st.tuples(st.sampled_from(["e1", "e2", None]), st.sampled_from(["killed", "injured"]),
                   st.sampled_from(["A", "B", "C"]), bound, bound)


def brute_force(rows: list[tuple]) -> set[frozenset]:
    pairs = set()
    for i, (a, ea, ka, sa, la, ha) in enumerate(rows):
        for b, eb, kb, sb, lb, hb in rows[i + 1:]:
            if ea is None or (ea, ka) != (eb, kb) or sa == sb:
                continue
            lo_a, hi_a = la or 0, ha if ha is not None else float("inf")
            lo_b, hi_b = lb or 0, hb if hb is not None else float("inf")
            if hi_a < lo_b or hi_b < lo_a:
                pairs.add(frozenset((a, b)))
    return pairs


@settings(max_examples=300, deadline=None)
@given(st.lists(figure, max_size=25))
def test_links_are_exactly_the_non_overlapping_pairs(figures):
    rows = [(URIRef(f"https://e.org/claim/{i}"), event, kind, source, low, high)
            for i, (event, kind, source, low, high) in enumerate(figures)]
    ds = new_dataset()
    n = link_conflicts(ds, rows)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    links = {(a, b) for a, _, b in default.triples((None, NG.conflictsWith, None))}
    assert all((b, a) in links for a, b in links)  # symmetric
    assert {frozenset(pair) for pair in links} == brute_force(rows)
    assert n == len(brute_force(rows))


def test_many_figures_about_one_event():
    """400 figures about one event and kind, 63 against 400, from 40 sources."""
    rows = [(URIRef(f"https://e.org/claim/{i}"), "e", "killed", f"s{i % 40}", *((63, 63) if i % 2 else (400, 400)))
            for i in range(400)]
    ds = new_dataset()
    assert link_conflicts(ds, rows) == len(brute_force(rows))
