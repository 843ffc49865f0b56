"""The HTML view in a real browser: headless Chromium driven by Playwright, network blocked.

Uses Debian's Chromium at /usr/bin/chromium (no browser download). Without it,
or without Playwright, the tests skip, saying why; with ``CI`` set they fail
instead, so that CI cannot pass without running them.
"""
from __future__ import annotations

import base64
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from graph.analysis.network import dataset_to_networkx
from graph.rdf.triples import add_extraction, new_dataset
from graph.types import (
    Actor,
    Article,
    Claim,
    Event,
    Evidence,
    Extraction,
    Figure,
    Software,
)
from graph.view.page import render_html

#: The software stamped on hand-made extractions (no model ran).
SOFTWARE = Software("0.0.test", "hand_made", "0")

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
SCRIPT = "</script><script>window.__pwned=2;alert(2)</script>"
PAYLOAD = IMG + SCRIPT


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; browser tests are required in CI")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page with every request that is not file:// or loopback aborted (and
    recorded in ``page.blocked``), page errors in ``page.errors`` and dialogs
    (alert...) in ``page.dialogs``."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.blocked, page.errors, page.dialogs = [], [], []

    def route(r):
        url = urlsplit(r.request.url)
        if url.scheme in ("file", "data", "blob") or url.hostname in LOOPBACK:
            r.continue_()
        else:
            page.blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


@pytest.fixture(scope="module")
def seeds_page(seed_build) -> Path:
    return seed_build / "graph.html"


def _open(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ng-drawn]", timeout=30_000)


def _node_id(page, label: str) -> int:
    return page.evaluate("""(label) => JSON.parse(document.getElementById('ng-data').textContent)
        .info.findIndex((i) => i.label === label)""", label)


def _node_point(page, node: int) -> dict:
    """Where node ``node`` is on the screen."""
    return page.evaluate("""(id) => { const n = window.newsgraph.network;
        n.stopSimulation();  // the node must not move between here and the click
        const dom = n.canvasToDOM(n.getPositions([id])[id]);
        const box = document.getElementById('ng-network').getBoundingClientRect();
        return { x: box.left + dom.x, y: box.top + dom.y }; }""", node)


def _status(page) -> str:
    return page.text_content("#ng-status")


# --- the seeds' page ----------------------------------------------------------------------


def test_seeds_page_draws_nodes_offline(page, seeds_page):
    _open(page, seeds_page)
    png = page.locator("#ng-network").screenshot()
    stats = page.evaluate("""async (b64) => {
        const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
        const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
        const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let ink = 0; const colours = new Set();
        for (let i = 0; i < px.length; i += 4) {
          if (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235) ink++;
          colours.add((px[i] >> 4) + ',' + (px[i + 1] >> 4) + ',' + (px[i + 2] >> 4));
        }
        return { ink: ink / (px.length / 4), colours: colours.size }; }""",
                          base64.b64encode(png).decode("ascii"))
    assert stats["ink"] > 0.01, "the screenshot of the network is blank"
    assert stats["colours"] > 10
    assert page.evaluate("window.newsgraph.nodeView.length") == 29  # the linked nodes
    assert _status(page) == "showing 47 of 47 claims, 29 of 41 nodes"
    assert page.blocked == [] and page.errors == []
    assert page.locator("link, script[src]").count() == 0


def test_click_node_lists_its_claims(page, seeds_page):
    _open(page, seeds_page)
    point = _node_point(page, _node_id(page, "Igor Girkin"))
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#ng-panel")
    assert panel.locator("h2").text_content() == "Igor Girkin"
    assert "Said (7)" in panel.text_content()
    cards = panel.locator(".ng-claim")
    assert cards.count() == 7
    marks = panel.locator("mark.claim").all_text_contents()
    assert "Russian generals" in marks
    # his two reported statements show their clause, not as a quotation
    statements = panel.locator(".ng-statement").all_text_contents()
    assert len(statements) == 2 and all(t.startswith("said: ") for t in statements)
    assert "said: secondary ammunition explosions had almost entirely destroyed the building" in statements
    # every card names the words that attribute the claim
    assert panel.locator(".ng-attribution").count() == 7
    assert "cue: say" in panel.locator(".ng-attribution").all_text_contents()
    hrefs = panel.locator("a").evaluate_all("(links) => links.map((a) => a.href)")
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    assert "The Moscow Times" in panel.text_content() and "CNN" in panel.text_content()


def test_click_edge_shows_the_claim(page, seeds_page):
    _open(page, seeds_page)
    found = page.evaluate("""() => { const n = window.newsgraph.network;
        n.stopSimulation();  // a loaded machine may still be laying out: the edge must not move
        const box = document.getElementById('ng-network').getBoundingClientRect();
        for (const id of n.body.edgeIndices) {
          const dom = n.canvasToDOM(n.body.edges[id].edgeType.getPoint(0.5));
          // the edge alone around its midpoint: parallel edges (a figure and a statement
          // between one actor and one event) must not be within the click's rounding
          const near = [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]].map(([dx, dy]) => ({ x: dom.x + dx, y: dom.y + dy }));
          if (near.every((p) => n.getEdgeAt(p) === id && n.getNodeAt(p) === undefined))
            return { id, x: box.left + dom.x, y: box.top + dom.y };
        }
        return null; }""")
    assert found is not None, "no edge with a free midpoint"
    page.mouse.click(found["x"], found["y"])
    panel = page.locator("#ng-panel")
    assert panel.locator("h2").text_content() == "Claim"
    assert panel.locator(".ng-claim").count() == 1
    label = page.evaluate("(id) => JSON.parse(document.getElementById('ng-data').textContent).claims[id].label",
                          found["id"])
    assert label in panel.locator(".ng-claim-head").text_content()
    assert panel.locator("blockquote").count() == 1


def test_filters_hide_claims(page, seeds_page):
    _open(page, seeds_page)
    page.locator('#ng-kinds input[data-kind="quote"]').uncheck()
    assert _status(page).startswith("showing 37 of 47 claims")
    assert page.evaluate("window.newsgraph.edgeView.length") == 37
    page.select_option("#ng-outlet", label="The Moscow Times")
    moscow = int(re.match(r"showing (\d+)", _status(page)).group(1))
    assert 0 < moscow < 37
    page.select_option("#ng-side", label="Ukraine")
    ukraine = int(re.match(r"showing (\d+)", _status(page)).group(1))
    assert 0 < ukraine < moscow
    page.select_option("#ng-outlet", value="")
    page.select_option("#ng-side", value="")
    page.locator('#ng-kinds input[data-kind="quote"]').check()
    page.locator("#ng-unlinked").check()
    assert _status(page) == "showing 47 of 47 claims, 41 of 41 nodes"
    assert page.errors == []


def test_an_empty_filter_says_so_and_a_hidden_claim_leaves_the_panel(page, seeds_page):
    _open(page, seeds_page)
    assert not page.locator("#ng-empty").is_visible()
    page.fill("#ng-search", "girk")
    page.press("#ng-search", "Enter")
    assert page.locator("#ng-panel h2").text_content() == "Igor Girkin"
    for kind in ("figure", "criticism", "quote", "statement"):
        page.locator(f'#ng-kinds input[data-kind="{kind}"]').uncheck()
    assert _status(page).startswith("showing 0 of 47 claims, 0 of")
    assert page.locator("#ng-empty").is_visible() and "Nothing matches" in page.locator("#ng-empty").text_content()
    assert "hidden by the filters" in page.locator("#ng-panel").text_content()
    assert page.locator("#ng-panel h2").text_content() == "Claims"
    page.locator('#ng-kinds input[data-kind="quote"]').check()
    assert not page.locator("#ng-empty").is_visible()
    assert page.errors == []


def test_search_finds_and_focuses_an_actor(page, seeds_page):
    _open(page, seeds_page)
    page.fill("#ng-search", "girk")
    results = page.locator("#ng-results button")
    assert "Igor Girkin" in results.first.text_content()
    page.press("#ng-search", "Enter")
    assert page.locator("#ng-panel h2").text_content() == "Igor Girkin"
    node = _node_id(page, "Igor Girkin")
    assert page.evaluate("window.newsgraph.network.getSelectedNodes()") == [node]


def test_search_matches_whole_words_from_their_start(page, seeds_page):
    _open(page, seeds_page)
    page.fill("#ng-search", "irkin")  # inside "Girkin": no match
    assert not any("Girkin" in t for t in page.locator("#ng-results button").all_text_contents())
    page.fill("#ng-search", "igor gir")  # from the start of a word, across words
    assert "Igor Girkin" in page.locator("#ng-results button").first.text_content()


def test_figures_board(page, seeds_page):
    _open(page, seeds_page)
    page.click("#ng-tab-board")
    board = page.locator("#ng-board")
    assert board.is_visible()
    # incidents come most disputed first: find Makiivka's by its heading
    incident = board.locator(".ng-board-incident", has=page.locator("h2", has_text="strike on Makiivka"))
    assert "Makiivka, Ukraine" in incident.locator("h2").text_content()
    first = incident.locator(".ng-board-group").first
    assert first.locator("h3").text_content().startswith("strike on Makiivka") and \
        first.locator("h3").text_content().endswith(" — killed")
    rows = first.locator("tbody tr").count()
    assert rows >= 3 and first.locator("svg.ng-bars g[data-edge]").count() == rows
    first.locator("tbody tr", has_text="63 killed").first.click()
    assert page.locator("#ng-panel h2").text_content() == "Claim"
    assert "63 killed" in page.locator("#ng-panel .ng-claim-head").text_content()
    page.click("#ng-tab-graph")
    assert not board.is_visible()


# --- XSS ----------------------------------------------------------------------------------


def _hostile_page(path: Path) -> Path:
    """An article whose every string (names, quotes, title, outlet, place...) is an attack."""
    text = f"{PAYLOAD} said 63 were killed in {PAYLOAD}. {PAYLOAD} criticized {PAYLOAD}: \"{PAYLOAD}\"."
    hostile = Actor(PAYLOAD, "organization", aliases=(SCRIPT,), role=IMG, side=SCRIPT)
    other = Actor(IMG + " Ministry", "person", side=PAYLOAD)
    event = Event(PAYLOAD, "strike", place=PAYLOAD, time=PAYLOAD, weapon=PAYLOAD)
    article = Article("xss", text, title=PAYLOAD, outlet=PAYLOAD, url="javascript:window.__pwned=3",
                      date=PAYLOAD, author=PAYLOAD)

    def evidence():
        return Evidence("xss", 0, len(text), text)

    claims = (
        Claim("figure", "xss", hostile, evidence(), "figures.v1",
              figure=Figure("killed", 63, 63, text=PAYLOAD, counted=PAYLOAD), event=event, channel=PAYLOAD),
        Claim("quote", "xss", other, evidence(), "quotes.v1", text=PAYLOAD, event=event),
        Claim("criticism", "xss", other, evidence(), "criticism.v1", target=PAYLOAD),
        Claim("figure", "xss", other, evidence(), "figures.v1", figure=Figure("killed", 400, None, text=PAYLOAD),
              event=event),
    )
    ds = new_dataset()
    add_extraction(ds, Extraction(article, claims, (hostile, other, Actor(SCRIPT, "group")), (event,),
                                  ("figures.v1", "quotes.v1", "criticism.v1"), software=SOFTWARE))
    path.write_text(render_html(dataset_to_networkx(ds), title=PAYLOAD), encoding="utf-8")
    return path


def test_xss_probe_runs_no_script_from_articles(page, tmp_path):
    path = _hostile_page(tmp_path / "xss.html")
    _open(page, path)
    n_nodes, n_edges = page.evaluate("""() => { const d = JSON.parse(document.getElementById('ng-data').textContent);
        return [d.nodes.length, d.edges.length]; }""")
    assert n_edges == 4
    # every panel, the board, the search, the hidden actors and a tooltip
    for node in range(n_nodes):
        page.evaluate("(id) => window.newsgraph.showNode(id)", node)
    for edge in range(n_edges):
        page.evaluate("(id) => window.newsgraph.showEdge(id)", edge)
    page.locator("#ng-unlinked").check()
    page.fill("#ng-search", "<img")
    page.press("#ng-search", "Enter")
    point = _node_point(page, _node_id(page, PAYLOAD))
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    tooltip = page.locator("div.vis-tooltip").text_content()
    page.click("#ng-tab-board")
    page.locator("#ng-board tbody tr").first.click()
    page.wait_for_timeout(200)

    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 3  # vis-network, the data, the page script
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.title() == PAYLOAD
    assert PAYLOAD in page.locator("#ng-panel").text_content()  # shown, as text
    assert PAYLOAD in tooltip
    assert PAYLOAD in page.locator("#ng-board").text_content()
    assert page.blocked == []
