/* newsgraph HTML view: draws the network, filters it, finds actors, fills the
 * side panel, and switches to the figures board.
 *
 * Every string that comes from an article is put in the page with
 * textContent / createElement only, never innerHTML; links are made only for
 * http(s) URLs. The data arrives as JSON in the element with id "ng-data".
 * The figures board arrives as HTML escaped by graph/view/board.py (its one
 * implementation); this script only reads its numeric data-edge attributes.
 */
(function () {
  "use strict";

  function mark(name) {
    if (window.performance && performance.mark) {
      performance.mark(name);
    }
  }

  mark("ng-script-start");
  var data = JSON.parse(document.getElementById("ng-data").textContent);
  mark("ng-data-parsed");
  var panel = document.getElementById("ng-panel");
  var MAX_CARDS = 200;
  var MAX_RESULTS = 15;
  var NONE = "\u0000none";
  var nNodes = data.nodes.length;
  var nEdges = data.edges.length;

  // edges of each node, in edge order
  var nodeEdges = [];
  var i;
  for (i = 0; i < nNodes; i++) {
    nodeEdges.push([]);
  }
  data.edge_ends.forEach(function (ends, edgeId) {
    nodeEdges[ends[0]].push(edgeId);
    if (ends[1] !== ends[0]) {
      nodeEdges[ends[1]].push(edgeId);
    }
  });

  var state = { kinds: {}, outlet: "", article: "", side: "", unlinked: false, forced: {} };
  data.filters.kinds.forEach(function (k) { state.kinds[k.kind] = true; });
  var nodeVisible = new Uint8Array(nNodes);
  var edgeVisible = new Uint8Array(nEdges);

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null && text !== "") {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function safeUrl(url) {
    if (typeof url !== "string") {
      return null;
    }
    var parsed;
    try {
      parsed = new URL(url);
    } catch (e) {
      return null;
    }
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  }

  function join(parts, sep) {
    return parts.filter(function (p) { return p !== null && p !== undefined && p !== ""; }).join(sep);
  }

  // --- the side panel --------------------------------------------------------

  function markedSentence(sentence, marks) {
    // the sentence as text nodes, with <mark> around the claim and its source
    var box = el("blockquote");
    var at = 0;
    (marks || []).forEach(function (m) {
      var start = m[0], end = m[1];
      if (typeof start !== "number" || typeof end !== "number" || start < at || end > sentence.length) {
        return;
      }
      box.appendChild(document.createTextNode(sentence.slice(at, start)));
      box.appendChild(el("mark", sentence.slice(start, end), m[2] === "source" ? "source" : "claim"));
      at = end;
    });
    box.appendChild(document.createTextNode(sentence.slice(at)));
    return box;
  }

  function sourceOf(edgeId) {
    return data.info[data.edge_ends[edgeId][0]] || {};
  }

  function targetOf(edgeId) {
    return data.info[data.edge_ends[edgeId][1]] || {};
  }

  function articleOf(c) {
    return typeof c.a === "number" ? data.articles[c.a] || {} : {};
  }

  function claimCard(index) {
    var c = data.claims[index];
    var source = sourceOf(index).label, target = targetOf(index).label;
    var card = el("div", null, "ng-claim");
    card.style.setProperty("--c", data.kind_colors[c.kind] || "#999");
    if (c.kind === "affiliation") {
      card.appendChild(el("div", join([source, c.label, target], " "), "ng-claim-head"));
      return card;
    }
    card.appendChild(el("div", join([c.kind, c.label], ": "), "ng-claim-head"));
    card.appendChild(el("div", join([source, target], " \u2192 "), "ng-source"));
    if (c.text && c.kind === "statement") {
      // reported speech: the source's claim in the article's words, not a quotation
      card.appendChild(el("div", (c.polarity === "denied" ? "denied: " : "said: ") + c.text, "ng-statement"));
    } else if (c.text) {
      card.appendChild(el("div", "\u201c" + c.text + "\u201d", "ng-quote"));
    }
    if (c.target) {
      card.appendChild(el("div", "target: " + c.target));
    }
    var attribution = join([c.cue ? "cue: " + c.cue : null, c.hedged ? "hedged" : null,
                            c.reported_by ? "as reported by " + c.reported_by : null], " \u00b7 ");
    if (attribution) {
      card.appendChild(el("div", attribution, "ng-meta ng-attribution"));
    }
    if (c.sentence) {
      card.appendChild(markedSentence(c.sentence, c.marks));
    }
    var art = articleOf(c);
    var where = el("div", null, "ng-meta");
    var url = safeUrl(art.url);
    var articleName = art.title || art.id;
    if (url) {
      var link = el("a", articleName || url);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      where.appendChild(link);
    } else if (articleName) {
      where.appendChild(el("span", articleName));
    }
    var rest = join([art.outlet, art.date, c.channel ? "via " + c.channel : null], " \u00b7 ");
    if (rest) {
      where.appendChild(el("span", (articleName || url ? " \u2014 " : "") + rest));
    }
    card.appendChild(where);
    if (c.scope && c.scope !== "total") {
      card.appendChild(el("div", c.scope === "part" ? "a part of a total" : "a period or war-wide total", "ng-meta"));
    }
    [["conflicts", "conflicts with: ", " ng-conflicts"], ["updates", "updates: ", ""],
     ["updated_by", "updated by: ", ""], ["repeats", "repeats: ", ""],
     ["repeated_by", "repeated by: ", ""]].forEach(function (link) {
      var others = c[link[0]];
      if (others && others.length) {
        card.appendChild(el("div", link[1] + others.map(function (other) {
          return sourceOf(other).label + " (" + data.claims[other].label + ")";
        }).join("; "), "ng-meta" + link[2]));
      }
    });
    card.appendChild(el("div", join([c.claim, c.extractor], " \u00b7 "), "ng-iri"));
    return card;
  }

  function cardList(title, indices) {
    var box = el("section");
    box.appendChild(el("h3", title + " (" + indices.length + ")"));
    indices.slice(0, MAX_CARDS).forEach(function (k) {
      box.appendChild(claimCard(k));
    });
    if (indices.length > MAX_CARDS) {
      box.appendChild(el("p", "\u2026 and " + (indices.length - MAX_CARDS) + " more", "ng-hint"));
    }
    return box;
  }

  // what the panel shows ({kind: "node" | "edge", id}), so that a filter that hides it clears it
  var shownInPanel = null;

  function showHint(note) {
    shownInPanel = null;
    clear(panel);
    panel.appendChild(el("h2", "Claims"));
    if (note) {
      panel.appendChild(el("p", note, "ng-hint ng-panel-note"));
    }
    panel.appendChild(el("p", "Click a node or an edge (or a row of the figures board) to see its claims with their evidence.", "ng-hint"));
  }

  function showNode(id) {
    var info = data.info[id];
    if (!info) {
      return showHint();
    }
    shownInPanel = { kind: "node", id: id };
    clear(panel);
    panel.appendChild(el("h2", info.label));
    panel.appendChild(el("p", join([info.type, info.side, info.role], " \u00b7 "), "ng-meta"));
    if (info.affiliation) {
      panel.appendChild(el("p", "affiliation: " + info.affiliation, "ng-meta"));
    }
    var days = info.start_date && info.end_date && info.end_date !== info.start_date ?
      info.start_date + " \u2013 " + info.end_date : info.start_date;
    if (days && info.dated_by === "article") {
      days += " (date from the article)";
    }
    var details = join([info.place, info.country !== info.place ? info.country : null, days, info.time,
                        info.weapon], " \u00b7 ");
    if (details) {
      panel.appendChild(el("p", details, "ng-meta"));
    }
    if (info.aliases && info.aliases.length) {
      panel.appendChild(el("p", "also: " + info.aliases.join("; "), "ng-meta"));
    }
    var said = [], about = [], hidden = 0;
    nodeEdges[id].forEach(function (edgeId) {
      if (!edgeVisible[edgeId]) {
        hidden += 1;
        return;
      }
      (data.edge_ends[edgeId][0] === id ? said : about).push(edgeId);
    });
    if (said.length) {
      panel.appendChild(cardList("Said", said));
    }
    if (about.length) {
      panel.appendChild(cardList("About it", about));
    }
    if (hidden) {
      panel.appendChild(el("p", hidden + " more hidden by the filters", "ng-hint"));
    }
    if (!nodeEdges[id].length) {
      panel.appendChild(el("p", "No claims: only mentioned.", "ng-hint"));
    }
  }

  function showEdge(id) {
    if (!data.claims[id]) {
      return showHint();
    }
    shownInPanel = { kind: "edge", id: id };
    clear(panel);
    panel.appendChild(el("h2", data.claims[id].kind === "affiliation" ? "Affiliation" : "Claim"));
    panel.appendChild(claimCard(id));
  }

  // --- legend and controls ---------------------------------------------------

  function swatch(color, shape) {
    var s = el("span", null, "ng-swatch " + shape);
    s.style.background = color;
    s.style.setProperty("--c", color);
    return s;
  }

  function legendItem(label, color, shape) {
    var item = el("span", null, "ng-legend-item");
    item.appendChild(swatch(color, shape));
    item.appendChild(el("span", label));
    return item;
  }

  function buildLegend() {
    var legend = document.getElementById("ng-legend");
    data.legend.nodes.forEach(function (entry) {
      legend.appendChild(legendItem(entry.label, entry.color, entry.shape));
    });
    (data.legend.sides || []).forEach(function (entry) {
      legend.appendChild(legendItem("side: " + entry.label, entry.color, "ring"));
    });
    data.legend.edges.forEach(function (entry) {
      legend.appendChild(legendItem(entry.label, entry.color, "line"));
    });
  }

  function addOptions(select, entries) {
    entries.forEach(function (entry) {
      var option = el("option", entry[1]);
      option.value = entry[0];
      select.appendChild(option);
    });
  }

  function buildControls() {
    var kinds = document.getElementById("ng-kinds");
    data.filters.kinds.forEach(function (k) {
      var label = el("label", null, "ng-kind");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = k.kind;
      box.setAttribute("data-kind", k.kind);
      box.addEventListener("change", function () {
        state.kinds[k.kind] = box.checked;
        applyFilters();
      });
      label.appendChild(box);
      label.appendChild(swatch(k.color, "line"));
      label.appendChild(el("span", k.label));
      kinds.appendChild(label);
    });
    var outlet = document.getElementById("ng-outlet");
    addOptions(outlet, data.filters.outlets.map(function (o, k) { return [String(k), o]; }));
    outlet.addEventListener("change", function () {
      state.outlet = outlet.value === "" ? "" : data.filters.outlets[Number(outlet.value)];
      applyFilters();
    });
    var article = document.getElementById("ng-article");
    addOptions(article, data.filters.articles.map(function (a) { return [String(a[0]), a[1]]; }));
    article.addEventListener("change", function () {
      state.article = article.value === "" ? "" : Number(article.value);
      applyFilters();
    });
    var side = document.getElementById("ng-side");
    addOptions(side, data.filters.sides.map(function (s, k) { return [String(k), s]; }).concat([["none", "(none)"]]));
    side.addEventListener("change", function () {
      state.side = side.value === "" ? "" : side.value === "none" ? NONE : data.filters.sides[Number(side.value)];
      applyFilters();
    });
    var unlinked = document.getElementById("ng-unlinked");
    unlinked.addEventListener("change", function () {
      state.unlinked = unlinked.checked;
      applyFilters();
    });
  }

  // --- filtering -------------------------------------------------------------

  function sideMatches(side) {
    if (state.side === "") {
      return true;
    }
    return state.side === NONE ? !side : side === state.side;
  }

  function claimPasses(e) {
    var c = data.claims[e];
    if (!state.kinds[c.kind]) {
      return false;
    }
    if (state.outlet !== "" && articleOf(c).outlet !== state.outlet) {
      return false;
    }
    if (state.article !== "" && c.a !== state.article) {
      return false;
    }
    return sideMatches(sourceOf(e).side);
  }

  function computeVisibility() {
    nodeVisible.fill(0);
    edgeVisible.fill(0);
    var e, ends;
    for (e = 0; e < nEdges; e++) {
      if (data.claims[e].kind !== "affiliation" && claimPasses(e)) {
        ends = data.edge_ends[e];
        edgeVisible[e] = 1;
        nodeVisible[ends[0]] = 1;
        nodeVisible[ends[1]] = 1;
      }
    }
    for (var n = 0; n < nNodes; n++) {
      if ((state.unlinked && !data.info[n].linked && sideMatches(data.info[n].side)) || state.forced[n]) {
        nodeVisible[n] = 1;
      }
    }
    // an affiliation shows when its kind is on and one of its ends is shown
    for (e = 0; e < nEdges; e++) {
      ends = data.edge_ends[e];
      if (data.claims[e].kind === "affiliation" && state.kinds.affiliation &&
          (nodeVisible[ends[0]] || nodeVisible[ends[1]])) {
        edgeVisible[e] = 1;
        nodeVisible[ends[0]] = 1;
        nodeVisible[ends[1]] = 1;
      }
    }
  }

  function countVisible(array) {
    var total = 0;
    for (var k = 0; k < array.length; k++) {
      total += array[k];
    }
    return total;
  }

  function updateStatus() {
    var shown = 0, total = 0;
    for (var e = 0; e < nEdges; e++) {
      if (data.claims[e].kind !== "affiliation") {
        total += 1;
        shown += edgeVisible[e];
      }
    }
    document.getElementById("ng-status").textContent =
      "showing " + shown + " of " + total + " claims, " + countVisible(nodeVisible) + " of " + nNodes + " nodes";
    document.getElementById("ng-empty").hidden = countVisible(nodeVisible) > 0;
  }

  // After the filters change: a node or claim the panel shows that they now hide is
  // cleared (with a note); a node still shown is listed again with its visible claims.
  function refreshPanel() {
    if (shownInPanel === null) {
      return;
    }
    var visible = shownInPanel.kind === "node" ? nodeVisible[shownInPanel.id] : edgeVisible[shownInPanel.id];
    if (!visible) {
      showHint("The " + (shownInPanel.kind === "node" ? "node" : "claim") + " shown before is hidden by the filters.");
    } else if (shownInPanel.kind === "node") {
      showNode(shownInPanel.id);
    }
  }

  computeVisibility();
  buildLegend();
  buildControls();
  updateStatus();
  showHint();

  // --- tabs and the figures board ---------------------------------------------

  var network = null;
  var networkBox = document.getElementById("ng-network");
  var board = document.getElementById("ng-board");
  var tabGraph = document.getElementById("ng-tab-graph");
  var tabBoard = document.getElementById("ng-tab-board");

  function showTab(name) {
    board.hidden = name !== "board";
    tabGraph.setAttribute("aria-pressed", String(name !== "board"));
    tabBoard.setAttribute("aria-pressed", String(name === "board"));
  }
  tabGraph.addEventListener("click", function () { showTab("graph"); });
  tabBoard.addEventListener("click", function () { showTab("board"); });

  function boardEdge(target) {
    while (target && target !== board) {
      if (target.getAttribute && target.getAttribute("data-edge") !== null) {
        var id = Number(target.getAttribute("data-edge"));
        return Number.isInteger(id) && id >= 0 && id < nEdges ? id : null;
      }
      target = target.parentNode;
    }
    return null;
  }
  board.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) {
      return; // a link opens the article
    }
    var id = boardEdge(event.target);
    if (id !== null) {
      showEdge(id);
    }
  });
  board.addEventListener("keydown", function (event) {
    var id = event.key === "Enter" ? boardEdge(event.target) : null;
    if (id !== null) {
      showEdge(id);
    }
  });

  // --- the network ---------------------------------------------------------------

  if (typeof vis === "undefined") {
    panel.appendChild(el("p", "vis-network did not load: the graph cannot be drawn.", "ng-hint"));
    return;
  }
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeVisible[n.id] === 1; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return edgeVisible[e.id] === 1; } });
  network = new vis.Network(networkBox, { nodes: nodeView, edges: edgeView }, data.options);
  mark("ng-network-created");
  network.once("afterDrawing", function () {
    mark("ng-first-draw");
    document.documentElement.setAttribute("data-ng-drawn", "1");
  });

  function placeNewNodes(before) {
    // nodes that appear without a stored position go in a grid right of the drawing
    var fresh = [];
    for (var n = 0; n < nNodes; n++) {
      if (nodeVisible[n] && !before[n]) {
        var item = nodes.get(n);
        if (item && typeof item.x !== "number") {
          fresh.push(n);
        }
      }
    }
    if (!fresh.length) {
      return;
    }
    var positions = network.getPositions();
    var maxX = 0, minY = 0, any = false;
    Object.keys(positions).forEach(function (key) {
      var p = positions[key];
      maxX = any ? Math.max(maxX, p.x) : p.x;
      minY = any ? Math.min(minY, p.y) : p.y;
      any = true;
    });
    var columns = Math.max(1, Math.ceil(Math.sqrt(fresh.length)));
    nodes.update(fresh.map(function (n, k) {
      return { id: n, x: maxX + 220 + 190 * (k % columns), y: minY + 80 * Math.floor(k / columns) };
    }));
  }

  function applyFilters() {
    var before = nodeVisible.slice();
    if (!data.large) {
      // keep the settled picture when nodes come back (vis's storePositions
      // fails on a DataView that hides nodes, so store them here)
      var positions = network.getPositions();
      nodes.update(Object.keys(positions).map(function (id) {
        return { id: Number(id), x: positions[id].x, y: positions[id].y };
      }));
    }
    computeVisibility();
    placeNewNodes(before);
    nodeView.refresh();
    edgeView.refresh();
    updateStatus();
    refreshPanel();
  }

  // --- search ----------------------------------------------------------------------

  var search = document.getElementById("ng-search");
  var results = document.getElementById("ng-results");
  var searchLabels = data.info.map(function (info) {
    return [info.label].concat(info.aliases || []).join("\u0001").toLowerCase();
  });

  // Where ``q`` starts a word of ``text`` (type-ahead: "mars" finds "Ilia Marsk", "minist"
  // does not find "administration"), or -1.
  function wordStart(text, q) {
    for (var at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
      if (at === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) {
        return at;
      }
    }
    return -1;
  }

  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) {
      return [];
    }
    var found = [];
    for (var n = 0; n < nNodes; n++) {
      var at = wordStart(searchLabels[n], q);
      if (at >= 0) {
        var isActor = ["event", "target", "article"].indexOf(data.info[n].type) < 0;
        found.push([at === 0 ? 0 : 1, isActor ? 0 : 1, -nodeEdges[n].length, n]);
      }
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
    return found.slice(0, MAX_RESULTS).map(function (f) { return f[3]; });
  }

  function focusNode(id) {
    results.hidden = true;
    showTab("graph");
    if (!nodeVisible[id]) {
      state.forced[id] = true;
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: data.large ? 1.0 : 1.2, animation: false });
    showNode(id);
  }

  function showResults() {
    clear(results);
    var found = matches(search.value);
    found.forEach(function (n) {
      var item = el("li");
      var button = el("button");
      button.type = "button";
      button.appendChild(el("span", data.info[n].label));
      button.appendChild(el("span", data.info[n].type, "ng-type"));
      button.addEventListener("click", function () { focusNode(n); });
      item.appendChild(button);
      results.appendChild(item);
    });
    if (!found.length && search.value.trim()) {
      results.appendChild(el("li", "no match", "ng-hint"));
    }
    results.hidden = !search.value.trim();
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = matches(search.value);
      if (found.length) {
        focusNode(found[0]);
      }
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });

  // --- clicks --------------------------------------------------------------------------

  network.on("click", function (params) {
    results.hidden = true;
    if (params.nodes.length) {
      showNode(params.nodes[0]);
    } else if (params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      showHint();
    }
  });
  if (data.options.physics && data.options.physics.enabled) {
    // settle once, then stop moving so the picture stays readable
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
    });
  }

  // for tests and benchmarks: the network and the panel functions
  window.newsgraph = {
    network: network, nodeView: nodeView, edgeView: edgeView, state: state,
    applyFilters: applyFilters, showNode: showNode, showEdge: showEdge, focusNode: focusNode
  };
})();
