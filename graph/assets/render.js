/* newsgraph HTML view: draws the network and fills the side panel.
 *
 * Every string that comes from an article is put in the page with
 * textContent / createElement only, never innerHTML; links are made only for
 * http(s) URLs. The data arrives as JSON in the element with id "ng-data".
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("ng-data").textContent);
  var panel = document.getElementById("ng-panel");
  var MAX_CARDS = 200;

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

  function claimCard(index) {
    var c = data.claims[index];
    var card = el("div", null, "ng-claim");
    card.style.setProperty("--c", data.kind_colors[c.kind] || "#999");
    card.appendChild(el("div", join([c.kind, c.label], ": "), "ng-claim-head"));
    card.appendChild(el("div", join([c.source, c.target_label], " \u2192 "), "ng-source"));
    if (c.text) {
      card.appendChild(el("div", "\u201c" + c.text + "\u201d", "ng-quote"));
    }
    if (c.target) {
      card.appendChild(el("div", "target: " + c.target));
    }
    if (c.sentence) {
      card.appendChild(el("blockquote", c.sentence));
    }
    var where = el("div", null, "ng-meta");
    var url = safeUrl(c.url);
    var articleName = c.title || c.article;
    if (url) {
      var link = el("a", articleName || url);
      link.href = url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      where.appendChild(link);
    } else if (articleName) {
      where.appendChild(el("span", articleName));
    }
    var rest = join([c.outlet, c.date, c.channel ? "via " + c.channel : null], " \u00b7 ");
    if (rest) {
      where.appendChild(el("span", (articleName || url ? " \u2014 " : "") + rest));
    }
    card.appendChild(where);
    if (c.conflicts && c.conflicts.length) {
      card.appendChild(el("div", "conflicts with " + c.conflicts.length + " other figure(s)", "ng-meta"));
    }
    card.appendChild(el("div", join([c.claim, c.extractor], " \u00b7 "), "ng-iri"));
    return card;
  }

  function cardList(title, indices) {
    var box = el("section");
    box.appendChild(el("h3", title + " (" + indices.length + ")"));
    indices.slice(0, MAX_CARDS).forEach(function (i) {
      box.appendChild(claimCard(i));
    });
    if (indices.length > MAX_CARDS) {
      box.appendChild(el("p", "\u2026 and " + (indices.length - MAX_CARDS) + " more", "ng-hint"));
    }
    return box;
  }

  function showHint() {
    clear(panel);
    panel.appendChild(el("h2", "Claims"));
    panel.appendChild(el("p", "Click a node or an edge to see its claims with their evidence.", "ng-hint"));
  }

  function showNode(id, network) {
    var info = data.info[id];
    if (!info) {
      return showHint();
    }
    clear(panel);
    panel.appendChild(el("h2", info.label));
    panel.appendChild(el("p", join([info.type, info.side, info.role], " \u00b7 "), "ng-meta"));
    if (info.aliases && info.aliases.length) {
      panel.appendChild(el("p", "also: " + info.aliases.join("; "), "ng-meta"));
    }
    var said = [];
    var about = [];
    network.getConnectedEdges(id).forEach(function (edgeId) {
      (data.edge_ends[edgeId][0] === id ? said : about).push(edgeId);
    });
    said.sort(function (a, b) { return a - b; });
    about.sort(function (a, b) { return a - b; });
    if (said.length) {
      panel.appendChild(cardList("Said", said));
    }
    if (about.length) {
      panel.appendChild(cardList("About it", about));
    }
    if (!said.length && !about.length) {
      panel.appendChild(el("p", "No claims.", "ng-hint"));
    }
  }

  function showEdge(id) {
    if (!data.claims[id]) {
      return showHint();
    }
    clear(panel);
    panel.appendChild(el("h2", "Claim"));
    panel.appendChild(claimCard(id));
  }

  function legendItem(label, color, shape) {
    var item = el("span", null, "ng-legend-item");
    var swatch = el("span", null, "ng-swatch " + shape);
    swatch.style.background = color;
    swatch.style.setProperty("--c", color);
    item.appendChild(swatch);
    item.appendChild(el("span", label));
    return item;
  }

  function buildLegend() {
    var legend = document.getElementById("ng-legend");
    data.legend.nodes.forEach(function (entry) {
      legend.appendChild(legendItem(entry.label, entry.color, entry.shape));
    });
    data.legend.edges.forEach(function (entry) {
      legend.appendChild(legendItem(entry.label, entry.color, "line"));
    });
  }

  buildLegend();
  showHint();
  if (typeof vis === "undefined") {
    panel.appendChild(el("p", "vis-network did not load: the graph cannot be drawn.", "ng-hint"));
    return;
  }
  var network = new vis.Network(
    document.getElementById("ng-network"),
    { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
    data.options
  );
  network.on("click", function (params) {
    if (params.nodes.length) {
      showNode(params.nodes[0], network);
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
})();
