"""Paged library queries (``# @page N``): ``claims_by_channel`` on a store with more claims than a page.

The pages, put end to end, must be exactly the claims of the channel, in the
order a plain reference query gives (newest article first, then claim IRI),
with and without a kind, and an extra page must come back empty.
"""
from __future__ import annotations

import json
import random
import urllib.parse
import urllib.request

import pytest

from graph.rdf.triples import add_extraction, new_dataset
from graph.sparql.run import (
    LibraryQuery,
    QueryError,
    library_query,
    next_page,
    parse_query_file,
    prepare_query,
    run_query,
)
from graph.sparql.server import make_server
from graph.store.local import load_files, open_data
from graph.types import Actor, Article, Claim, Evidence, Extraction, Figure, Software

#: The software stamped on hand-made extractions (no model ran).
SOFTWARE = Software("0.0.test", "hand_made", "0")

NG = "https://w3id.org/newsgraph/ontology#"
TELEGRAM = "https://w3id.org/newsgraph/id/channel/telegram"
CLAIM_TYPE = {"figure": "FigureClaim", "criticism": "Criticism", "quote": "Quotation"}


def _article(i: int, rng: random.Random) -> Extraction:
    aid = f"p{i:03d}"
    sentence = "The governor said on Telegram that 12 people were killed and blamed the command."
    text = " ".join([sentence] * 8)
    # a few dates only, so that many claims share one and the claim IRI must order them;
    # every tenth article has no date, and its claims come last
    date = None if i % 10 == 9 else f"2024-0{1 + i % 3}-1{i % 2}"
    article = Article(id=aid, text=text, title=f"Article {i}", date=date)
    governor = Actor(name=f"Governor {i % 7}", type="person")
    claims = []
    for n in range(rng.randint(3, 9)):
        begin = n * (len(sentence) + 1)
        common = dict(article=aid, source=governor, evidence=Evidence(aid, begin, begin + len(sentence), sentence),
                      channel=rng.choice(("Telegram", "Telegram", "X/Twitter", None)))
        kind = rng.choice(("figure", "criticism", "quote"))
        if kind == "figure":
            claims.append(Claim(kind="figure", extractor="figures.v1", text=None,
                                figure=Figure(quantity="killed", low=12 + n, high=12 + n, counted="people",
                                              text=str(12 + n)), **common))
        elif kind == "criticism":
            claims.append(Claim(kind="criticism", extractor="criticism.v1", target=f"the command {n}", **common))
        else:
            claims.append(Claim(kind="quote", extractor="quotes.v1", text=f"words {n} of the governor", **common))
    return Extraction(article=article, claims=tuple(claims), actors=(governor,),
                      extractors=("figures.v1", "criticism.v1", "quotes.v1"), software=SOFTWARE)


@pytest.fixture(scope="module")
def trig(tmp_path_factory):
    rng = random.Random(5)
    ds = new_dataset()
    for i in range(60):
        add_extraction(ds, _article(i, rng))
    path = tmp_path_factory.mktemp("paging") / "graph.trig"
    path.write_text(ds.serialize(format="ox-trig"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(trig):
    store = load_files([trig])
    yield store
    store.close()


def _reference(store, kind: str | None) -> list[str]:
    """The channel's claims in the documented order, by a plain query."""
    kind_pattern = f"?claim a ng:{CLAIM_TYPE[kind]} ." if kind else ""
    result = run_query(store.ox, f"""
        PREFIX ng: <{NG}>
        SELECT ?claim WHERE {{
          GRAPH ?g {{ ?claim ng:channel <{TELEGRAM}> ; ng:inArticle ?art . {kind_pattern}
                     OPTIONAL {{ ?art ng:datePublished ?date }} }}
        }} ORDER BY DESC(?date) ?claim""")
    return [row[0].value for row in result.rows]


def _pages(store, **params) -> list[list[dict]]:
    query = library_query("claims_by_channel")
    pages, page = [], 1
    while True:
        values = {"channel": TELEGRAM, **params, "page": str(page)}
        text, subs = prepare_query(query, values)
        got = run_query(store.ox, text, substitutions=subs).dicts()
        pages.append(got)
        if next_page(query, values, len(got)) is None:
            return pages
        assert next_page(query, values, len(got)) == page + 1
        page += 1


@pytest.mark.parametrize("kind", [None, "figure", "criticism", "quote"])
def test_pages_end_to_end_are_the_channel_claims_in_order(store, kind):
    expected = _reference(store, kind)
    assert len(expected) > 100 if kind is None else len(expected) > 0
    pages = _pages(store, **({"kind": kind} if kind else {}))
    assert all(len(p) == 100 for p in pages[:-1]) and len(pages[-1]) < 100
    claims = [row["claim"] for p in pages for row in p]
    assert claims == expected
    for row in (row for p in pages for row in p):
        assert row["channel"] == TELEGRAM and row["channelLabel"] == "Telegram"
        assert kind is None or row["kind"] == kind
        assert row["what"] and row["sourceLabel"].startswith("Governor")


def test_claims_of_undated_articles_come_last(store):
    rows = [row for p in _pages(store) for row in p]
    dated = [row.get("date") is not None for row in rows]
    assert dated.index(False) > 0 and not any(dated[dated.index(False):])
    dates = [str(row["date"]) for row in rows if row.get("date") is not None]
    assert dates == sorted(dates, reverse=True)


def test_a_page_past_the_end_is_empty(store):
    query = library_query("claims_by_channel")
    text, subs = prepare_query(query, {"channel": TELEGRAM, "page": "99"})
    assert run_query(store.ox, text, substitutions=subs).rows == []


@pytest.mark.parametrize("bad", ["0", "-1", "two", "1.5", ""])
def test_a_bad_page_number_is_a_clear_error(bad):
    with pytest.raises(QueryError, match=r"claims_by_channel: parameter page: .* is not a page number"):
        prepare_query(library_query("claims_by_channel"), {"page": bad})


def test_the_page_number_goes_into_offset_not_into_the_query_as_text():
    query = library_query("claims_by_channel")
    assert "OFFSET" not in prepare_query(query, {})[0]
    assert "OFFSET" not in prepare_query(query, {"page": "1"})[0]
    text, _ = prepare_query(query, {"page": "3"})
    assert text.count("LIMIT 100 OFFSET 200") == 1 and "?page" not in text


def test_a_page_header_needs_exactly_one_matching_limit():
    body = "SELECT ?s WHERE { ?s ?p ?o }"
    with pytest.raises(QueryError, match="exactly one 'LIMIT 10'"):
        parse_query_file("q", f"# Q.\n# @page 10\n{body} LIMIT 20")
    with pytest.raises(QueryError, match="exactly one 'LIMIT 10'"):
        parse_query_file("q", f"# Q.\n# @page 10\n{{ {body} LIMIT 10 }} UNION {{ {body} LIMIT 10 }}")
    query = parse_query_file("q", f"# Q.\n# @page 10\n{body} LIMIT 10")
    assert query.page_size == 10 and [p.name for p in query.params] == ["page"]


def test_next_page_only_for_a_full_page_of_a_paged_query():
    paged = parse_query_file("q", "# Q.\n# @page 10\nSELECT ?s WHERE { ?s ?p ?o } LIMIT 10")
    assert next_page(paged, {}, 10) == 2 and next_page(paged, {"page": "4"}, 10) == 5
    assert next_page(paged, {}, 9) is None
    assert next_page(LibraryQuery(name="x", text="SELECT * {}"), {}, 1000) is None


def test_the_endpoint_links_each_full_page_to_the_next(trig, store):
    """``/queries/claims_by_channel?...`` sends ``Link: <...page=N>; rel="next"`` while pages are full."""
    files = open_data([trig])
    server = make_server(files, port=0, workers=1, log=False).start()
    try:
        url = server.url + "queries/claims_by_channel?" + urllib.parse.urlencode({"channel": TELEGRAM})
        claims, pages = [], 0
        while url:
            request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(request, timeout=30) as response:
                body = json.loads(response.read())
                link = response.headers.get("Link")
            claims += [b["claim"]["value"] for b in body["results"]["bindings"]]
            pages += 1
            url = None
            if link:
                target, rel = link.split(";")
                assert rel.strip() == 'rel="next"' and target.startswith("</queries/claims_by_channel?")
                assert f"page={pages + 1}" in target and "channel=" in target
                url = server.url + target.strip()[2:-1]
        assert pages >= 2 and claims == _reference(store, None)
    finally:
        server.close()
        files.close()
