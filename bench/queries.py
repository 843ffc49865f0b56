"""Query latency: every library query on a generated store of about 1M triples shaped like ours.

    python bench/queries.py [--triples 1000000] [--runs 40] [--store PATH] [--seed 7]

The data is made of synthetic extractions (articles, actors, events, figure,
criticism and quote claims, channels) mapped to RDF by the real mapping
(:func:`graph.rdf.add_extraction`), so the store has the same shape as a real
one: one named graph per article, with its full text, the actors and events
in the default graph, the links of figures that a build with ``--store`` makes over the
store (their time is printed), and the summary graph of per-source counts. Popularity is skewed (a few actors, outlets and events
get most claims), as in news. With ``--store PATH`` the store is kept there and
reused by the next run.

Each query runs ``--runs`` times with the kind of parameters an analyst gives it
(a random event, actor, channel or claim; the aggregates run whole), after one
warm-up run; ``claims_by_channel`` runs three ways: a channel and a kind, a
channel alone, and a channel's third page. It prints p50 and p95 in milliseconds per query and the mean row
count; the target is p95 <= 50 ms for each query.
"""
from __future__ import annotations

import os
import sys

# bench/ holds html.py, which would shadow the standard library's html module
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    sys.path.pop(0)

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pyoxigraph as ox  # noqa: E402

from graph.pipeline.links import LinkWords, relink_store  # noqa: E402
from graph.rdf.triples import add_extraction, new_dataset  # noqa: E402
from graph.rules import load_lexicon  # noqa: E402
from graph.sparql.run import library_names, library_query, prepare_query, run_query  # noqa: E402
from graph.store.local import Store, open_store  # noqa: E402
from graph.store.summary import SUMMARY_GRAPH  # noqa: E402
from graph.store.summary import refresh as refresh_summary  # noqa: E402
from graph.types import Actor, Article, Claim, Event, Evidence, Extraction, Figure, Software  # noqa: E402

#: The software stamped on hand-made extractions (no model ran).
SOFTWARE = Software("0.0.test", "hand_made", "0")

EXTRACTORS = ("figures.v1", "criticism.v1", "quotes.v1", "events.v1")
KINDS = ("killed", "killed", "killed", "injured", "injured", "casualties", "missing", "captured",
         "displaced", "munitions")
SIDES = ("Russia", "Ukraine", "Israel", "Hamas", "Sudan", "RSF", None, None, None)
CHANNELS = ("Telegram", "X/Twitter", "a statement", "state news agency TASS", "Facebook", "a video address",
            "Ukrinform", "Al Jazeera TV")
WORDS = ("the", "strike", "officials", "said", "city", "killed", "region", "forces", "attack", "overnight",
         "residents", "according", "military", "drone", "missile", "building", "reported", "were", "and", "of")


def _zipf_pick(rng: random.Random, items: list, s: float = 1.1):
    """An item with Zipf-like popularity (the first ones most often)."""
    n = len(items)
    i = int(n * (rng.random() ** (1 + s))) % n
    return items[i]


def make_pools(rng: random.Random) -> dict[str, list]:
    persons = [Actor(name=f"Person {i} Surname{i}", type="person", side=rng.choice(SIDES),
                     role=rng.choice((None, "spokesperson", "governor", "blogger", "minister")))
               for i in range(2500)]
    orgs = [Actor(name=f"Organisation {i}", type=rng.choice(("organization", "organization", "group")),
                  side=rng.choice(SIDES), aliases=(f"Org{i}",) if i % 5 == 0 else ())
            for i in range(1500)]
    outlets = [Actor(name=f"Outlet {i}", type="outlet", narrator=True) for i in range(60)]
    places = [f"Town{i}" for i in range(500)]
    return {"persons": persons, "orgs": orgs, "outlets": outlets, "places": places}


def make_article(i: int, rng: random.Random, pools: dict[str, list]) -> Extraction:
    aid = f"a{i:06d}"
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30))).capitalize() + "."
                 for _ in range(rng.randint(25, 45))]
    text = " ".join(sentences)
    offsets, pos = [], 0
    for s in sentences:
        offsets.append((pos, pos + len(s), s))
        pos += len(s) + 1
    outlet = _zipf_pick(rng, pools["outlets"])
    article = Article(id=aid, text=text, title=f"Title of article {i}", url=f"https://news.example.org/{aid}",
                      outlet=outlet.name, date=f"202{rng.randint(2, 4)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      author=f"Reporter {rng.randint(0, 300)}" if rng.random() < 0.5 else None)
    place = _zipf_pick(rng, pools["places"])
    event = Event(label=f"strike on {place}", type=rng.choice(("strike", "attack", "shelling")), place=place,
                  time=rng.choice((None, "overnight", "on Sunday")))
    other = Event(label=f"attack on {_zipf_pick(rng, pools['places'])}", type="attack",
                  place=_zipf_pick(rng, pools["places"]))
    speakers = [_zipf_pick(rng, pools["persons"] if rng.random() < 0.5 else pools["orgs"])
                for _ in range(rng.randint(6, 12))]
    claims: list[Claim] = []
    for n in range(rng.randint(12, 20)):
        begin, end, sentence = rng.choice(offsets)
        source = rng.choice(speakers)
        narrator = rng.random() < 0.05
        if narrator:
            source = outlet
        kind = rng.choice(("figure", "figure", "criticism", "quote"))
        common = dict(article=aid, source=source, evidence=Evidence(aid, begin, end, sentence),
                      channel=rng.choice(CHANNELS) if rng.random() < 0.3 else None,
                      event=event if rng.random() < 0.85 else other, narrator=narrator)
        if kind == "figure":
            low = rng.choice((4, 6, 12, 25, 63, 100, 200, 400, 700, 1000)) * rng.randint(1, 3)
            high = rng.choice((low, low, low * 2, None))
            fig = Figure(quantity=rng.choice(KINDS), low=low, high=high, approx=rng.random() < 0.3,
                         counted="people", text=str(low))
            claims.append(Claim(kind="figure", extractor="figures.v1", figure=fig, **common))
        elif kind == "criticism":
            target = _zipf_pick(rng, pools["orgs"]).name if rng.random() < 0.4 else f"the handling of {place}"
            claims.append(Claim(kind="criticism", extractor="criticism.v1", target=target, **common))
        else:
            claims.append(Claim(kind="quote", extractor="quotes.v1", text=sentence[: rng.randint(30, 120)], **common))
    actors = tuple(dict.fromkeys(speakers + [outlet]))
    return Extraction(article=article, claims=tuple(claims), actors=actors, events=(event, other),
                      extractors=EXTRACTORS, software=SOFTWARE)


def generate(path: Path, triples: int, seed: int) -> None:
    """Fill a new store at ``path`` with about ``triples`` triples."""
    rng = random.Random(seed)
    pools = make_pools(rng)
    ds = new_dataset()
    i = 0
    started = time.perf_counter()
    while True:
        for _ in range(200):
            add_extraction(ds, make_article(i, rng, pools))
            i += 1
        n = len(ds)
        print(f"\rgenerating: {i} articles, {n:,} triples", end="", file=sys.stderr, flush=True)
        if n >= triples:
            break
    data = ds.serialize(format="ox-nquads").encode("utf-8")
    store = ox.Store(str(path))
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    refresh_summary(store)  # the per-source counts a build keeps (graph.store.summary)
    linking = time.perf_counter()
    updates, conflicts = relink_store(Store(store), LinkWords.of(load_lexicon(None)))  # as a build with --store
    print(f"\nlinked the figures over the store (as after a build): {updates:,} updates, {conflicts:,} "
          f"conflicting pairs in {time.perf_counter() - linking:.1f} s", file=sys.stderr)
    store.optimize()
    del store
    print(f"\rgenerated {i} articles, {n:,} triples in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


def parameter_pool(store: ox.Store, rng: random.Random) -> dict[str, list[list[dict[str, str]]]]:
    """Realistic parameter values, drawn from the data: for each query, its variants (each
    timed on its own), each a list of parameter sets."""
    def values(sparql: str) -> list[str]:
        return [sol[0].value for sol in store.query(sparql)]

    ng = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
    events = values(ng + "SELECT ?e WHERE { ?e a ng:Event ; ng:place ?p }")
    sources = values(ng + "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?c ng:source ?s } }")
    claims = values(ng + "SELECT ?c WHERE { GRAPH ?g { ?c a ng:Claim } }")
    channels = values(ng + "SELECT DISTINCT ?ch WHERE { GRAPH ?g { ?c ng:channel ?ch } }")
    targets = values(ng + "SELECT DISTINCT ?a WHERE { ?a a ng:Organization }")
    pick = rng.choice
    return {
        "figures_by_event": [[{"event": pick(events)} for _ in range(50)]],
        "conflicting_figures": [[{"event": pick(events), "kind": "killed"} for _ in range(50)]],
        "criticism": [[{"source": pick(sources)} for _ in range(50)]],
        "quotes_by_actor": [[{"actor": pick(sources)} for _ in range(50)]],
        "claims_by_channel": [  # with a kind, without, and a later page
            [{"channel": pick(channels), "kind": "criticism"} for _ in range(50)],
            [{"channel": pick(channels)} for _ in range(50)],
            [{"channel": pick(channels), "page": "3"} for _ in range(50)],
        ],
        "actor_profile": [[{"actor": pick(sources + targets)} for _ in range(50)]],
        "provenance": [[{"claim": pick(claims)} for _ in range(50)]],
    }


def bench(store: ox.Store, runs: int, rng: random.Random) -> list[tuple]:
    pool = parameter_pool(store, rng)
    results = []
    for name, choices in ((n, c) for n in library_names() for c in pool.get(n, [[{}]])):
        query = library_query(name)
        times, rows = [], []
        for i in range(runs + 1):
            params = choices[i % len(choices)]
            text, subs = prepare_query(query, params)
            start = time.perf_counter()
            result = run_query(store, text, substitutions=subs)
            elapsed = (time.perf_counter() - start) * 1000
            if i:  # the first run warms the caches
                times.append(elapsed)
                rows.append(len(result.rows))
        times.sort()
        p50 = statistics.median(times)
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        results.append((name, ",".join(sorted({k for c in choices for k in c})) or "-", p50, p95,
                        statistics.mean(rows)))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--store", default=None, help="keep the generated store here (reused when it exists)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        path = Path(args.store) if args.store else Path(tmp) / "store"
        if not (path / "CURRENT").is_file():
            generate(path, args.triples, args.seed)
        store = open_store(path, read_only=True)
        print(f"store: {len(store.ox):,} quads, {sum(g != SUMMARY_GRAPH for g in store.named_graphs())} article graphs; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", file=sys.stderr)
        results = bench(store.ox, args.runs, random.Random(args.seed))
        store.close()
    print(f"{'query':<22} {'parameters':<12} {'p50 ms':>8} {'p95 ms':>8} {'rows':>8}")
    for name, params, p50, p95, rows in results:
        flag = "" if p95 <= 50 else "  (over 50 ms)"
        print(f"{name:<22} {params:<12} {p50:8.1f} {p95:8.1f} {rows:8.0f}{flag}")
    worst = max(r[3] for r in results)
    print(f"worst_p95_ms={worst:.1f} target=50 {'ok' if worst <= 50 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
