"""Time to first paint of the HTML view, in headless Chromium.

    python bench/html.py [--nodes 5000] [--claims-per-node 2.4] [--no-seeds] [--repeat 3]

Generates a synthetic graph shaped like a build's (actors with sides and
roles, a few mention-only actors, events that many sources report on,
criticism targets, articles from a few dozen outlets; claims of the three
kinds with sentences, Zipf-like popularity), renders it with
:func:`graph.render.render_html`, opens it from a file in headless Chromium
with the network blocked, and reads the ``ng-first-draw`` performance mark the
page sets on vis-network's first ``afterDrawing`` event (milliseconds since
navigation start). It also prints when the page script started (the HTML and
vis-network parsed) and when the network was built, and times one filter
change (hide quotes) and one search-and-focus. Then the same for the sample articles' page (built from
``seeds/``, which loads the spaCy model) unless ``--no-seeds``.

Needs Playwright and Chromium at /usr/bin/chromium (or $CHROMIUM).
"""
from __future__ import annotations

import os
import sys

# this file is called html.py: keep its folder off the path, or it hides the stdlib's html
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

import argparse  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import networkx as nx  # noqa: E402

from graph.view.page import LAYOUT_THRESHOLD, render_html  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIDES = ("Side A", "Side B", "Side C")
QUANTITIES = ("killed", "injured", "casualties", "missing", "captured", "displaced", "munitions")


def synthetic_graph(n_nodes: int = 5000, *, claims_per_node: float = 2.4, seed: int = 7) -> nx.MultiDiGraph:
    """A graph with the node and edge attributes of ``dataset_to_networkx``:
    64% actors (an eighth of them only mentioned), 18% events, 14% targets, 4% articles."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    n_actors, n_events, n_targets = int(n_nodes * 0.64), int(n_nodes * 0.18), int(n_nodes * 0.14)
    n_articles = n_nodes - n_actors - n_events - n_targets
    outlets = [f"Outlet {i}" for i in range(40)]
    articles = [(f"art{i:05d}", f"Article {i}: strikes and statements", rng.choice(outlets),
                 f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(max(n_articles * 8, 1))]
    actors = [f"actor/{i}" for i in range(n_actors)]
    for i, node in enumerate(actors):
        g.add_node(node, label=f"Actor {i} {rng.choice(['ministry', 'governor', 'blogger', 'army', 'spokesperson'])}",
                   type=rng.choice(["person", "organization", "group", "channel", "outlet"]),
                   side=rng.choice(SIDES + (None, None)), role=rng.choice([None, "spokesperson", "official"]),
                   n_said=0, n_about=0, aliases=())
    events = [f"event/{i}" for i in range(n_events)]
    for i, node in enumerate(events):
        g.add_node(node, label=f"strike on Town {i}", type="event", side=None, role=None, n_said=0,
                   n_about=0, event_type="strike", place=f"Town {i}", time=None, weapon=None)
    targets = [f"target:{i}" for i in range(n_targets)]
    for i, node in enumerate(targets):
        g.add_node(node, label=f"the command of unit {i}", type="target", side=None, role=None,
                   n_said=0, n_about=0)
    article_nodes = []
    for art_id, title, _, _ in articles[:n_articles]:
        node = f"article/{art_id}"
        article_nodes.append(node)
        g.add_node(node, label=title, type="article", side=None, role=None, n_said=0, n_about=0, url=None)

    speakers = actors[: n_actors - n_actors // 8]  # the last eighth are only mentioned
    weights = [1 / (k + 1) ** 0.8 for k in range(len(speakers))]
    event_weights = [1 / (k + 1) ** 0.9 for k in range(len(events))]
    n_claims = int(n_nodes * claims_per_node)
    # every event, target and article node gets a claim, so none is left unlinked
    must = [("figure", e) for e in events] + [("criticism", t) for t in targets] + \
           [("quote", a) for a in article_nodes]
    for c in range(n_claims):
        source = rng.choices(speakers, weights)[0]
        if c < len(must):
            kind, target = must[c]
        else:
            kind = rng.choices(("figure", "criticism", "quote"), (4, 3, 3))[0]
            if kind == "criticism":
                target = rng.choice(targets) if rng.random() < 0.6 else rng.choices(speakers, weights)[0]
            elif kind == "quote" and rng.random() < 0.3:
                target = rng.choice(article_nodes)
            else:
                target = rng.choices(events, event_weights)[0]
        if target == source:
            continue
        art_id, title, outlet, date = rng.choice(articles)
        low = rng.randint(1, 900)
        attrs = {
            "claim": f"claim/{c}", "kind": kind, "article": art_id, "title": title, "outlet": outlet,
            "date": date, "url": f"https://example.org/{art_id}",
            "sentence": f"{g.nodes[source]['label']} said on Monday that {low} people were killed "
                        f"in the attack, and criticized the command for the losses.",
            "begin": 100, "end": 220, "text": None, "target": None, "quantity": None, "low": None,
            "high": None, "approx": None, "counted": None, "figure_text": None, "channel": None,
            "event": None, "narrator": False, "extractor": f"{kind}.v1", "conflicts": (),
        }
        if kind == "figure":
            high = low if rng.random() < 0.7 else low + rng.randint(1, 500)
            attrs.update(quantity=rng.choice(QUANTITIES), low=low, high=high, approx=rng.random() < 0.3,
                         figure_text=str(low), label=f"{low} killed" if low == high else f"{low}–{high} killed")
        elif kind == "criticism":
            attrs.update(label="criticized", target="the command")
        else:
            attrs.update(label="quoted", text="people were killed in the attack")
        g.add_edge(source, target, key=attrs["claim"], **attrs)
        g.nodes[source]["n_said"] += 1
        g.nodes[target]["n_about"] += 1
    return g


def measure_page(path: Path, browser, *, search: str | None) -> dict[str, float]:
    """Open ``path`` and return ``first_draw_ms`` (and the filter and search times)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else route.abort())
    page.goto(path.as_uri(), wait_until="load", timeout=300_000)
    page.wait_for_function("performance.getEntriesByName('ng-first-draw').length > 0", timeout=300_000)
    marks = page.evaluate("""() => Object.fromEntries(performance.getEntriesByType('mark')
        .map((m) => [m.name, m.startTime]))""")
    result = {"first_draw_ms": marks["ng-first-draw"], "script_ms": marks["ng-script-start"],
              "network_ms": marks["ng-network-created"]}
    result["filter_ms"] = page.evaluate("""() => {
        const box = document.querySelector('#ng-kinds input[data-kind="quote"]');
        const t = performance.now(); box.click(); return performance.now() - t; }""")
    if search:
        result["search_ms"] = page.evaluate("""(q) => {
            const input = document.getElementById('ng-search'); const t = performance.now();
            input.value = q; input.dispatchEvent(new Event('input'));
            document.querySelector('#ng-results button').click(); return performance.now() - t; }""", search)
    page.close()
    return result


def bench(path: Path, browser, *, repeat: int, search: str | None) -> dict[str, float]:
    runs = [measure_page(path, browser, search=search) for _ in range(repeat)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def seeds_page(out: Path) -> Path:
    from graph.pipeline.build import run_build

    run_build([str(REPO / "seeds")], out)
    return out / "graph.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--claims-per-node", type=float, default=2.4)
    parser.add_argument("--repeat", type=int, default=3, help="page loads per page (median reported)")
    parser.add_argument("--no-seeds", action="store_true", help="skip the sample articles' page")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"error: no Chromium at {CHROMIUM} (set $CHROMIUM)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = []
        g = synthetic_graph(args.nodes, claims_per_node=args.claims_per_node)
        start = time.perf_counter()
        page = render_html(g, title="synthetic")
        render_s = time.perf_counter() - start
        synthetic = Path(tmp) / "synthetic.html"
        synthetic.write_text(page, encoding="utf-8")
        pages.append(("synthetic", g, synthetic, render_s, "Actor 1 "))
        if not args.no_seeds:
            from graph.analysis.network import dataset_to_networkx
            from graph.rdf.triples import new_dataset

            path = seeds_page(Path(tmp) / "seeds")
            ds = new_dataset()
            ds.parse(str(path.with_name("graph.trig")), format="ox-trig")
            sg = dataset_to_networkx(ds)
            start = time.perf_counter()
            render_html(sg, title="seeds")
            pages.append(("seeds", sg, path, time.perf_counter() - start, "Girkin"))
        for name, graph, path, render_s, search in pages:
            timing = bench(path, browser, repeat=args.repeat, search=search)
            mode = "precomputed layout, physics off" if graph.number_of_nodes() > LAYOUT_THRESHOLD \
                else "physics, stabilized before first draw"
            print(f"{name}: nodes={graph.number_of_nodes()} edges={graph.number_of_edges()} "
                  f"html_bytes={path.stat().st_size} render_s={render_s:.2f} ({mode})")
            print(f"{name}: first_draw_ms={timing['first_draw_ms']:.0f} (page script starts at "
                  f"{timing['script_ms']:.0f}, network built at {timing['network_ms']:.0f}) "
                  f"filter_ms={timing['filter_ms']:.0f} search_ms={timing.get('search_ms', 0):.0f} "
                  f"(median of {args.repeat})")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
