"""Tests of graph/render.py: a self-contained, XSS-safe HTML page."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from graph.view import layout as layout_module
from graph.view.board import SIDE_PALETTE, render_figures_board, side_colors
from graph.view.layout import GRID_LAYOUT_FROM, grid_spring_layout
from graph.view.page import (
    LAYOUT_THRESHOLD,
    NODE_STYLES,
    highlight_ranges,
    render_html,
    script_json,
)

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(2)</script>"
PAYLOAD = f"{IMG}{SCRIPT}"
RAW_ATTACKS = ("<img src=x onerror", "</script><script>alert")
ASSETS = Path(__file__).resolve().parents[1] / "graph" / "assets"


class _Page(HTMLParser):
    """Collects the start tags and the text of every script element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.h1 = ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))
        self._in_h1 = tag == "h1"

    def handle_endtag(self, tag):
        self._in_script = None if tag == "script" else self._in_script
        self._in_h1 = False

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        if self._in_h1:
            self.h1 += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _data(page: str) -> dict:
    [text] = [text for attrs, text in _parse(page).scripts if attrs.get("id") == "ng-data"]
    return json.loads(text)


def _add_actor(g, node, label, type_="person", *, n_said=0, n_about=0, side=None):
    g.add_node(node, label=label, type=type_, side=side, role=None,
               n_said=n_said, n_about=n_about, aliases=())


def _add_claim(g, u, v, key, kind="figure", **attrs):
    base = {"claim": key, "kind": kind, "label": {"figure": "63 killed", "criticism": "criticized",
                                                  "quote": "quoted"}[kind],
            "article": "a1", "title": "Moscow confirms 63 deaths", "outlet": "CNN",
            "date": "2023-01-02", "url": "https://example.org/a1", "sentence": "They said so.",
            "begin": 0, "end": 13, "text": None, "target": None, "conflicts": ()}
    base.update(attrs)
    g.add_edge(u, v, key=key, **base)


def _small_graph(**overrides) -> nx.MultiDiGraph:
    """An actor, an event and a target, with one claim of each kind; ``overrides``
    put a string into one field (``node_label``, ``edge_sentence``...)."""
    g = nx.MultiDiGraph()
    _add_actor(g, "mod", overrides.get("node_label", "Russian Defense Ministry"), "organization",
               n_said=2, n_about=1, side=overrides.get("node_side", "Russia"))
    _add_actor(g, "girkin", "Igor Girkin", "person", n_said=1)
    _add_actor(g, "strike", "Makiivka strike", "event", n_about=2)
    edge = {k.removeprefix("edge_"): v for k, v in overrides.items() if k.startswith("edge_")}
    _add_claim(g, "mod", "strike", "c1", "figure", **edge)
    _add_claim(g, "mod", "strike", "c2", "quote", **{"text": "destroyed", **edge})
    _add_claim(g, "girkin", "mod", "c3", "criticism", **{"target": "the ministry", **edge})
    return g


# --- self-contained ----------------------------------------------------------


def test_no_external_resources():
    page = render_html(_small_graph(), title="t")
    tags = _parse(page).tags
    external = [(tag, attrs) for tag, attrs in tags
                if tag in ("script", "link", "img", "iframe")
                and re.match(r"\s*(https?:)?//", (attrs.get("src") or attrs.get("href") or ""))]
    assert external == []
    assert [tag for tag, _ in tags if tag == "link"] == []
    assert not re.search(r"<(script|link)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert "cdn." not in page.lower()


def test_vis_network_is_inlined():
    page = render_html(_small_graph(), title="t")
    scripts = _parse(page).scripts
    assert [attrs.get("src") for attrs, _ in scripts] == [None, None, None]
    vis_code = scripts[0][1]
    assert "@version 9.1.2" in vis_code and len(vis_code) > 400_000
    assert "sourceMappingURL" not in page
    assert "new vis.Network(" in scripts[2][1]


# --- XSS ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "field",
    ["node_label", "node_side", "edge_sentence", "edge_title", "edge_outlet", "edge_text",
     "edge_target", "edge_label", "edge_date", "edge_article", "page_title"],
)
def test_article_strings_appear_only_escaped(field):
    title = PAYLOAD if field == "page_title" else "Makiivka"
    g = _small_graph() if field == "page_title" else _small_graph(**{field: PAYLOAD})
    page = render_html(g, title=title)
    for raw in RAW_ATTACKS:
        assert raw not in page
    if field == "page_title":
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
        assert _parse(page).h1 == PAYLOAD
    else:
        assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page
        assert PAYLOAD in json.dumps(_data(page), ensure_ascii=False)


def test_payload_does_not_add_elements():
    clean = _parse(render_html(_small_graph(), title="t"))
    dirty = _parse(render_html(_small_graph(node_label=PAYLOAD, edge_sentence=PAYLOAD), title=PAYLOAD))
    assert [tag for tag, _ in dirty.tags] == [tag for tag, _ in clean.tags]
    assert "img" not in {tag for tag, _ in dirty.tags}


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?x=1&y=2", True),
        ("http://example.org/a", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        (None, False),
    ],
)
def test_only_web_links_reach_the_panel(url, kept):
    data = _data(render_html(_small_graph(edge_url=url), title="t"))
    assert [a.get("url") for a in data["articles"]] == [url if kept else None]
    assert all("url" not in c for c in data["claims"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script>", '"\\u003c/script\\u003e"'),
        ("a & b", '"a \\u0026 b"'),
        ("<!--", '"\\u003c!--"'),
        ("line\u2028sep", '"line\\u2028sep"'),
        ({"k": [1, 2.5, None]}, '{"k":[1,2.5,null]}'),
    ],
)
def test_script_json_escapes_markup(value, expected):
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_panel_script_writes_text_only(tmp_path):
    """Run the page script under node with a tiny DOM whose innerHTML throws."""
    page = render_html(_small_graph(node_label=PAYLOAD, edge_sentence=PAYLOAD), title="t")
    [data] = [text for attrs, text in _parse(page).scripts if attrs.get("id") == "ng-data"]
    (tmp_path / "data.json").write_text(data, encoding="utf-8")
    harness = tmp_path / "harness.js"
    harness.write_text(_HARNESS.replace("@DATA@", json.dumps(str(tmp_path / "data.json")))
                       .replace("@JS@", json.dumps(str(ASSETS / "render.js"))), encoding="utf-8")
    done = subprocess.run(["node", str(harness)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    texts = json.loads(done.stdout)
    assert PAYLOAD in texts["node"]  # the label, as text
    assert any(PAYLOAD in t for t in texts["edge"])  # the sentence, as text
    assert texts["links"] == ["https://example.org/a1"]


_HARNESS = r"""
const fs = require("fs");
const made = {};
function make(tag) {
  return { tag, children: [], style: { setProperty() {} }, className: "", text: "", attrs: {},
    parentNode: null, hidden: false,
    appendChild(c) { c.parentNode = this; this.children.push(c); return c; },
    removeChild(c) { this.children.splice(this.children.indexOf(c), 1); },
    get firstChild() { return this.children[0]; },
    set textContent(t) { this.text = t; }, get textContent() { return this.text; },
    setAttribute(k, v) { this.attrs[k] = String(v); },
    getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; },
    addEventListener(e, f) { this["on" + e] = f; },
    set innerHTML(v) { throw new Error("innerHTML used"); },
    set outerHTML(v) { throw new Error("outerHTML used"); } };
}
const data = fs.readFileSync(@DATA@, "utf8");
global.document = {
  getElementById: (id) => id === "ng-data" ? { textContent: data } : (made[id] = made[id] || make(id)),
  createElement: make, createElementNS: (ns, tag) => make(tag),
  createTextNode: (t) => { const n = make("#text"); n.text = t; return n; },
  documentElement: make("html") };
global.window = {};
const handlers = {};
function DataSet(a) { this.a = a; this.get = (id) => a[id]; this.update = () => {}; }
global.vis = { DataSet,
  DataView: function (set, o) { this.refresh = () => {}; this.set = set; },
  Network: function (c, d, o) { this.on = (e, f) => { handlers[e] = f; }; this.once = () => {};
    this.setOptions = () => {}; this.storePositions = () => {}; this.getPositions = () => ({}); } };
eval(fs.readFileSync(@JS@, "utf8"));
function texts(n, out) { if (n.text) out.push(n.text); n.children.forEach((c) => texts(c, out)); return out; }
function links(n, out) { if (n.href) out.push(n.href); n.children.forEach((c) => links(c, out)); return out; }
const panel = made["ng-panel"];
handlers.click({ nodes: [0], edges: [] });
const node = texts(panel, []);
const nodeLinks = links(panel, []);
handlers.click({ nodes: [], edges: [0] });
const edge = texts(panel, []);
console.log(JSON.stringify({ node, edge, links: [...new Set(nodeLinks)] }));
"""


# --- drawing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("node", "fill", "shape", "ring", "width"),
    [
        (0, NODE_STYLES["organization"][0], "dot", side_colors(["Russia"])["Russia"], 4),  # side "Russia"
        (1, NODE_STYLES["person"][0], "dot", "#666666", 1),  # no side
        (2, NODE_STYLES["event"][0], "diamond", "#666666", 1),
    ],
)
def test_nodes_filled_by_type_and_ringed_by_side(node, fill, shape, ring, width):
    data = _data(render_html(_small_graph(), title="t"))
    style = data["options"]["groups"][data["nodes"][node]["group"]]
    assert (style["color"]["background"], style["shape"]) == (fill, shape)
    assert (style["color"]["border"], style["borderWidth"]) == (ring, width)


def test_each_side_gets_its_own_colour():
    g = _small_graph()
    g.nodes["girkin"]["side"] = "Ukraine"
    data = _data(render_html(g, title="t"))
    colors = [s["color"] for s in data["legend"]["sides"]]
    assert [s["label"] for s in data["legend"]["sides"]] == ["Russia", "Ukraine"] and len(set(colors)) == 2
    assert set(colors) <= set(SIDE_PALETTE)


def test_a_sides_colour_does_not_depend_on_the_other_sides():
    alone = side_colors(["Russia", "Ukraine"])
    assert side_colors(["Russia", "Ukraine", "Sudan", "Mali"])["Russia"] == alone["Russia"]
    assert side_colors(["Ukraine", "Russia"]) == alone
    many = side_colors([f"side {n}" for n in range(9)])
    assert len(set(many.values())) == 9  # nine sides, nine colours


def test_node_size_grows_with_claims():
    sizes = [n["size"] for n in _data(render_html(_small_graph(), title="t"))["nodes"]]
    # mod: 3 claims, girkin: 1, strike: 2
    assert sizes[1] < sizes[2] < sizes[0]


@pytest.mark.parametrize(
    ("label", "kind", "expected"),
    [
        ("63 killed", "figure", "63 killed"),
        ("~400 killed", "figure", "~400 killed"),
        (None, "criticism", "criticized"),
        (None, "quote", "quoted"),
        (None, "figure", "figure"),
    ],
)
def test_edges_are_labelled(label, kind, expected):
    g = nx.MultiDiGraph()
    _add_actor(g, "a", "A")
    _add_actor(g, "b", "B")
    _add_claim(g, "a", "b", "c1", kind, label=label)
    data = _data(render_html(g, title="t"))
    assert (data["edges"][0]["label"], data["claims"][0]["label"]) == (expected, expected)


def test_parallel_claims_fan_out():
    g = nx.MultiDiGraph()
    _add_actor(g, "a", "A")
    _add_actor(g, "b", "B")
    for i in range(3):
        _add_claim(g, "a", "b", f"c{i}")
    edges = _data(render_html(g, title="t"))["edges"]
    assert "smooth" not in edges[0]
    assert [(e["smooth"]["type"], e["smooth"]["roundness"]) for e in edges[1:]] == [
        ("curvedCW", 0.15), ("curvedCCW", 0.15)]


def test_legend_lists_types_and_kinds_present():
    legend = _data(render_html(_small_graph(), title="t"))["legend"]
    assert [e["label"] for e in legend["nodes"]] == ["person", "organization", "event"]
    assert [e["label"] for e in legend["edges"]] == ["reported figure", "criticized", "quoted"]


def test_small_graph_uses_physics_without_positions():
    data = _data(render_html(_small_graph(), title="t"))
    assert data["options"]["physics"]["enabled"] is True
    assert not any("x" in n for n in data["nodes"])


def _big_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for i in range(LAYOUT_THRESHOLD + 1):
        _add_actor(g, f"n{i}", f"Actor {i}", n_said=1)
    for i in range(LAYOUT_THRESHOLD):
        _add_claim(g, f"n{i}", f"n{i + 1}", f"c{i}")
    return g


def test_large_graph_turns_physics_off_and_gives_positions():
    page = render_html(_big_graph(), title="big")
    data = _data(page)
    assert data["options"]["physics"] == {"enabled": False}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == LAYOUT_THRESHOLD + 1
    assert render_html(_big_graph(), title="big") == page  # seeded: same picture every time


def test_layout_keeps_connected_parts_apart():
    g = _big_graph()
    for i in range(5):  # a second part: a small star
        _add_actor(g, f"s{i}", f"Star {i}")
        if i:
            _add_claim(g, "s0", f"s{i}", f"sc{i}")
    nodes = _data(render_html(g, title="t"))["nodes"]
    big = nodes[: LAYOUT_THRESHOLD + 1]
    star = nodes[LAYOUT_THRESHOLD + 1:]
    big_box = (min(n["x"] for n in big), max(n["x"] for n in big), min(n["y"] for n in big), max(n["y"] for n in big))
    assert not any(big_box[0] <= n["x"] <= big_box[1] and big_box[2] <= n["y"] <= big_box[3] for n in star)


def test_large_part_without_scipy_falls_back_to_rings(monkeypatch):
    monkeypatch.setattr(layout_module, "_has_scipy", lambda: False)
    g = nx.MultiDiGraph()
    _add_actor(g, "hub", "Hub", n_said=500)
    for i in range(GRID_LAYOUT_FROM):
        _add_actor(g, f"n{i}", f"Actor {i}", n_about=1)
        _add_claim(g, "hub", f"n{i}", f"c{i}")
    with pytest.warns(UserWarning, match="scipy"):
        data = _data(render_html(g, title="t"))
    assert data["options"]["physics"] == {"enabled": False}
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == GRID_LAYOUT_FROM + 1


def test_empty_graph_renders():
    data = _data(render_html(nx.MultiDiGraph(), title="nothing"))
    assert (data["nodes"], data["edges"], data["claims"]) == ([], [], [])


# --- claims, articles, filters -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "parts", "expected"),
    [
        ("The ministry said 63 were killed.", {"claim": "63", "source": "The Ministry"},
         [[0, 12, "source"], [18, 20, "claim"]]),
        ("He said so.", {"claim": "not there", "source": None}, []),
        ("Girkin said Girkin", {"claim": "Girkin", "source": "Girkin"}, [[0, 6, "claim"]]),  # no overlap
        ("Straße said 5", {"claim": "5", "source": "STRASSE"}, [[12, 13, "claim"]]),  # casefold changes length
        (None, {"claim": "x"}, []),
    ],
)
def test_highlight_ranges(sentence, parts, expected):
    assert highlight_ranges(sentence, parts) == expected


def test_claim_marks_its_payload_and_source_in_the_sentence():
    g = _small_graph(edge_sentence="Russian Defense Ministry said 63 killed, and destroyed the ministry.")
    claims = _data(render_html(g, title="t"))["claims"]
    figure, quote, criticism = claims
    assert figure["marks"] == [[0, 24, "source"]]  # figure_text is unknown here
    assert quote["marks"] == [[0, 24, "source"], [45, 54, "claim"]]  # "destroyed"
    assert criticism["marks"] == [[55, 67, "claim"]]  # "the ministry"


def test_articles_are_listed_once_and_claims_point_to_them():
    g = _small_graph()
    _add_claim(g, "girkin", "strike", "c4", "quote", article="a2", title="Other", outlet="TASS", url=None)
    data = _data(render_html(g, title="t"))
    assert data["articles"] == [
        {"id": "a1", "title": "Moscow confirms 63 deaths", "outlet": "CNN", "date": "2023-01-02",
         "url": "https://example.org/a1"},
        {"id": "a2", "title": "Other", "outlet": "TASS", "date": "2023-01-02"},
    ]
    assert [c["a"] for c in data["claims"]] == [0, 0, 0, 1]
    assert data["filters"]["outlets"] == ["CNN", "TASS"]
    assert data["filters"]["articles"] == [[0, "Moscow confirms 63 deaths (CNN)"], [1, "Other (TASS)"]]


def test_claims_leave_out_unknown_fields():
    claim = _data(render_html(_small_graph(), title="t"))["claims"][0]
    assert claim == {"claim": "c1", "kind": "figure", "label": "63 killed", "sentence": "They said so.",
                     "begin": 0, "end": 13, "a": 0}


def test_conflicts_point_to_the_other_edges():
    g = _small_graph()
    g.edges["mod", "strike", "c1"]["conflicts"] = ("c3", "not-in-graph")
    assert _data(render_html(g, title="t"))["claims"][0]["conflicts"] == [2]


def test_filters_list_kinds_and_sides_present():
    filters = _data(render_html(_small_graph(), title="t"))["filters"]
    assert [k["kind"] for k in filters["kinds"]] == ["figure", "criticism", "quote"]
    assert filters["sides"] == ["Russia"]


def test_unlinked_actors_are_marked_for_hiding():
    g = _small_graph()
    _add_actor(g, "mentioned", "Only Mentioned")
    info = _data(render_html(g, title="t"))["info"]
    assert [i.get("linked", False) for i in info] == [True, True, True, False]


def test_affiliation_edges_are_dashed_and_filterable():
    g = _small_graph()
    g.add_edge("girkin", "mod", key="affiliation girkin mod", kind="affiliation", label="affiliated with",
               claim=None)
    data = _data(render_html(g, title="t"))
    assert data["edges"][-1]["dashes"] is True
    assert data["claims"][-1]["kind"] == "affiliation"
    assert [k["kind"] for k in data["filters"]["kinds"]][-1] == "affiliation"
    assert "3 claims" in render_html(g, title="t")  # the summary counts claims only


# --- the figures board -----------------------------------------------------------


def _figures_graph() -> nx.MultiDiGraph:
    g = _small_graph()
    _add_actor(g, "ukr", "Ukrainian military", "organization", n_said=2, side="Ukraine")
    _add_claim(g, "ukr", "strike", "c4", "figure", label="~400 killed", quantity="killed", low=400,
               high=400, approx=True)
    _add_claim(g, "ukr", "strike", "c5", "figure", label="≥700 killed", quantity="killed", low=700, high=None)
    g.edges["mod", "strike", "c1"].update(quantity="killed", low=63, high=63)
    return g


def _board_section(page: str) -> str:
    return page[page.index('<section id="ng-board"'):page.index("</section>\n  </div>")]


def test_page_embeds_the_one_board_with_edge_numbers():
    g = _figures_graph()
    page = render_html(g, title="t")
    board = _board_section(page)
    assert "<h3>Makiivka strike — killed</h3>" in board
    assert "3 figures from 2 sources · highest ÷ lowest = 11.111" in board
    assert "<style>" not in board  # the page's style sheet holds board.css
    edges = [int(e) for e in re.findall(r'<tr data-edge="(\d+)" tabindex="0">', board)]
    claims = _data(page)["claims"]
    assert [claims[e]["label"] for e in edges] == ["63 killed", "~400 killed", "≥700 killed"]
    assert re.findall(r'<g data-edge="(\d+)">', board) == [str(e) for e in edges]
    # the same rows as the notebook's board, which has no edge numbers
    static = render_figures_board(g)
    groups = board[board.index('<section class="ng-board-group"'):]
    assert re.sub(r' data-edge="\d+"( tabindex="0")?', "", groups) in static


def test_page_without_board_hides_its_tab():
    page = render_html(_figures_graph(), title="t", board=False)
    assert "ng-board-group" not in _board_section(page)
    assert 'id="ng-tab-board" class="ng-tab" aria-pressed="false" hidden' in page


def test_static_board_draws_bars_and_a_table():
    fragment = render_figures_board(_figures_graph())
    parser = _parse(fragment)
    tags = [tag for tag, _ in parser.tags]
    assert tags.count("tr") == 4  # header + 3 figures
    assert tags.count("circle") == 2 and tags.count("rect") >= 1  # exact figures are dots
    assert "Ukrainian military" in fragment and "≥700 killed" in fragment


def test_static_board_escapes_article_strings():
    g = _figures_graph()
    g.nodes["ukr"]["label"] = PAYLOAD
    g.edges["ukr", "strike", "c4"].update(title=PAYLOAD, outlet=PAYLOAD, url="javascript:alert(1)")
    fragment = render_figures_board(g)
    for raw in RAW_ATTACKS:
        assert raw not in fragment
    assert "img" not in {tag for tag, _ in _parse(fragment).tags}
    assert "javascript:" not in fragment
    assert "&lt;img src=x onerror=alert(1)&gt;" in fragment


def test_static_board_without_figures():
    g = nx.MultiDiGraph()
    _add_actor(g, "a", "A")
    assert "No figures." in render_figures_board(g)


# --- large-graph layout ----------------------------------------------------------


def test_grid_spring_layout_is_seeded_and_spreads_nodes():
    g = nx.barabasi_albert_graph(800, 2, seed=1)
    first = grid_spring_layout(g, seed=3)
    again = grid_spring_layout(g, seed=3)
    assert all((first[n] == again[n]).all() for n in g)
    points = {(round(float(x), 3), round(float(y), 3)) for x, y in first.values()}
    assert len(points) == 800
    # linked nodes end up nearer each other than random pairs do
    import numpy as np

    linked = np.mean([np.hypot(*(first[u] - first[v])) for u, v in g.edges()])
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, 800, size=(2000, 2))
    random_pairs = np.mean([np.hypot(*(first[u] - first[v])) for u, v in pairs if u != v])
    assert linked < random_pairs / 2


def test_big_parts_use_the_grid_layout(monkeypatch):
    calls = []
    original = layout_module.grid_spring_layout
    monkeypatch.setattr(layout_module, "grid_spring_layout", lambda part, **kw: calls.append(len(part)) or original(part, **kw))
    g = nx.MultiDiGraph()
    _add_actor(g, "hub", "Hub")
    for i in range(GRID_LAYOUT_FROM):
        _add_actor(g, f"n{i}", f"Actor {i}")
        _add_claim(g, f"n{i}", "hub" if i % 2 == 0 else f"n{i - 1}", f"c{i}")
    data = _data(render_html(g, title="t"))
    assert calls == [GRID_LAYOUT_FROM + 1]
    assert data["options"]["physics"] == {"enabled": False}
