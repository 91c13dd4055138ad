/* hoptac explorer: draws the graph with vis-network, filters it, shows a node's or an edge's facts and
 * quotes in a side panel, toggles Vietnamese / English and, in a standalone file, shows the cited
 * document inline. No other dependency, no network access.
 * `window.hoptac` is the page's API (the browser tests and the benchmark use it):
 *   hoptac.setFilter(name, value)   name: country | level | status | from | to | focus | depth
 *   hoptac.setType(type, shown)     hoptac.reset()     hoptac.setLang("vi" | "en")
 *   hoptac.visibleNodeIds()         hoptac.select(id)  (opens the side panel, as a click does)
 *   hoptac.drawn / hoptac.drawnAt   true / ms since navigation once the network was first drawn
 */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("hoptac-data").textContent);
  var W = DATA.words;
  var lang = DATA.lang;
  var nodeById = {}, edgeById = {}, incident = {};
  DATA.nodes.forEach(function (n) { nodeById[n.id] = n; incident[n.id] = []; });
  DATA.edges.forEach(function (e) {
    edgeById[e.id] = e;
    incident[e.from].push(e.id);
    incident[e.to].push(e.id);
  });
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var state = {};
  var hidden = {nodes: {}, edges: {}};
  var current = null;  // what the side panel shows: {kind, id}
  var $ = function (id) { return document.getElementById(id); };

  function t(key) { var w = W.ui[key]; return w ? w[lang] : key; }
  function valueWord(section, v) { var w = W[section] && W[section][v]; return w ? w[lang] : v; }
  function el(tag, attrs, text) {
    var x = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { x.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }

  // ---- filters -----------------------------------------------------------------------------------
  function defaults() {
    var types = {};
    Object.keys(DATA.types).forEach(function (k) { types[k] = true; });
    state = {country: "", level: "", status: "", from: null, to: null, types: types, focus: null, depth: 2};
  }
  function overlaps(years) {
    if (!years) return true;
    return (state.from === null || years[1] >= state.from) && (state.to === null || years[0] <= state.to);
  }
  function nodePasses(n) {
    if (!state.types[n.hType]) return false;
    if (state.level && n.hLevel && n.hLevel !== state.level) return false;
    if (state.status && n.hStatus.length && n.hStatus.indexOf(state.status) < 0) return false;
    return overlaps(n.hYears);
  }
  function edgePasses(e) {
    if (state.status && e.hStatus.length && e.hStatus.indexOf(state.status) < 0) return false;
    return overlaps(e.hYears);
  }
  function other(e, id) { return e.from === id ? e.to : e.from; }
  // a node whose every link with a status (or with years) fails the status (or period) filter goes too:
  // "signed" then hides a partner that was only ever proposed
  function linksPass(id, has, passes) {
    var any = false, ok = false;
    incident[id].forEach(function (eid) {
      var e = edgeById[eid];
      if (has(e)) { any = true; if (passes(e)) ok = true; }
    });
    return !any || ok;
  }
  function computeVisible() {
    var keep = {}, edgeOk = {};
    var dated = state.from !== null || state.to !== null;
    DATA.nodes.forEach(function (n) {
      if (!nodePasses(n)) return;
      if (state.status && !linksPass(n.id, function (e) { return e.hStatus.length; },
        function (e) { return e.hStatus.indexOf(state.status) >= 0; })) return;
      if (dated && !linksPass(n.id, function (e) { return !!e.hYears; }, function (e) { return overlaps(e.hYears); })) return;
      keep[n.id] = true;
    });
    DATA.edges.forEach(function (e) { if (keep[e.from] && keep[e.to] && edgePasses(e)) edgeOk[e.id] = true; });
    if (state.country) {  // that country's units, and the Vietnamese or unplaced nodes next to them
      var inCountry = {};
      DATA.nodes.forEach(function (n) { if (keep[n.id] && n.hCountry === state.country) inCountry[n.id] = true; });
      var next = Object.assign({}, inCountry);
      Object.keys(inCountry).forEach(function (id) {
        incident[id].forEach(function (eid) {
          if (!edgeOk[eid]) return;
          var o = nodeById[other(edgeById[eid], id)];
          if (!o.hCountry || o.hCountry === DATA.home) next[o.id] = true;
        });
      });
      keep = next;
    }
    if (state.focus && keep[state.focus]) {  // breadth-first over what is still shown
      var seen = {}, frontier = [state.focus];
      seen[state.focus] = true;
      for (var d = 0; d < state.depth; d++) {
        var nextFrontier = [];
        frontier.forEach(function (id) {
          incident[id].forEach(function (eid) {
            var o = other(edgeById[eid], id);
            if (edgeOk[eid] && keep[o] && !seen[o]) { seen[o] = true; nextFrontier.push(o); }
          });
        });
        frontier = nextFrontier;
      }
      keep = seen;
    }
    var shownEdges = {};
    Object.keys(edgeOk).forEach(function (eid) {
      var e = edgeById[eid];
      if (keep[e.from] && keep[e.to]) shownEdges[eid] = true;
    });
    return {nodes: keep, edges: shownEdges};
  }
  function applyFilters(fit) {
    var v = computeVisible();
    var nodeChanges = [], edgeChanges = [];
    DATA.nodes.forEach(function (n) {
      var h = !v.nodes[n.id];
      if (h !== !!hidden.nodes[n.id]) { hidden.nodes[n.id] = h; nodeChanges.push({id: n.id, hidden: h}); }
    });
    DATA.edges.forEach(function (e) {
      var h = !v.edges[e.id];
      if (h !== !!hidden.edges[e.id]) { hidden.edges[e.id] = h; edgeChanges.push({id: e.id, hidden: h}); }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    showStats();
    if (fit !== false && (nodeChanges.length || edgeChanges.length)) {
      network.fit({nodes: visibleNodeIds(), animation: false});
    }
  }
  function visibleNodeIds() { return DATA.nodes.filter(function (n) { return !hidden.nodes[n.id]; }).map(function (n) { return n.id; }); }
  function visibleEdgeIds() { return DATA.edges.filter(function (e) { return !hidden.edges[e.id]; }).map(function (e) { return e.id; }); }
  function showStats() {
    $("stats").textContent = t("showing") + ": " + visibleNodeIds().length + "/" + DATA.nodes.length + " " +
      t("nodes") + ", " + visibleEdgeIds().length + "/" + DATA.edges.length + " " + t("edges");
  }

  // ---- controls ----------------------------------------------------------------------------------
  function distinct(items, key) {
    var seen = {};
    items.forEach(function (x) { [].concat(x[key] || []).forEach(function (v) { seen[v] = true; }); });
    return Object.keys(seen).sort();
  }
  function countryName(code) {
    var n = DATA.nodes.filter(function (x) { return x.hCountry === code && x.hLevel === "country"; })[0];
    return n ? code + " — " + n.hLabel[lang] : code;
  }
  function fillSelect(id, values, label, chosen) {
    var s = $(id);
    s.textContent = "";
    s.appendChild(el("option", {value: ""}, t("all")));
    values.forEach(function (v) {
      var o = el("option", {value: v}, label(v));
      if (v === chosen) o.selected = true;
      s.appendChild(o);
    });
  }
  function buildControls() {
    fillSelect("f-country", distinct(DATA.nodes, "hCountry"), countryName, state.country);
    fillSelect("f-level", distinct(DATA.nodes, "hLevel"), function (v) { return valueWord("level", v); }, state.level);
    fillSelect("f-status", distinct(DATA.nodes.concat(DATA.edges), "hStatus"),
      function (v) { return valueWord("status", v); }, state.status);
    var years = [];
    DATA.nodes.concat(DATA.edges).forEach(function (x) { if (x.hYears) years.push(x.hYears[0], x.hYears[1]); });
    ["f-from", "f-to"].forEach(function (id) {
      if (years.length) { $(id).min = Math.min.apply(null, years); $(id).max = Math.max.apply(null, years); }
      $(id).placeholder = years.length ? (id === "f-from" ? $(id).min : $(id).max) : "";
    });
    var box = $("f-types");
    Array.prototype.slice.call(box.querySelectorAll("label")).forEach(function (x) { box.removeChild(x); });
    Object.keys(DATA.types).forEach(function (k) {
      var ty = DATA.types[k];
      var cb = el("input", {type: "checkbox", "data-type": k});
      cb.checked = !!state.types[k];
      cb.addEventListener("change", function () { api.setType(k, cb.checked); });
      var lab = el("label", {"class": "type"});
      var sw = el("span", {"class": "swatch shape-" + ty.shape});
      sw.style.background = ty.color;
      lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(el("span", {}, ty.label[lang]));
      box.appendChild(lab);
    });
    var list = $("f-focus-list");
    list.textContent = "";
    DATA.nodes.forEach(function (n) { list.appendChild(el("option", {value: n.hLabel[lang]})); });
  }
  function syncControls() {  // the controls show the state, however it was set
    $("f-country").value = state.country; $("f-level").value = state.level; $("f-status").value = state.status;
    $("f-from").value = state.from === null ? "" : state.from; $("f-to").value = state.to === null ? "" : state.to;
    $("f-depth").value = String(state.depth);
    $("f-focus").value = state.focus && nodeById[state.focus] ? nodeById[state.focus].hLabel[lang] : "";
  }
  function findNode(text) {
    if (nodeById[text]) return text;
    var hit = DATA.nodes.filter(function (n) { return n.hLabel.vi === text || n.hLabel.en === text; })[0];
    return hit ? hit.id : null;
  }
  function wireControls() {
    $("f-country").addEventListener("change", function (ev) { api.setFilter("country", ev.target.value); });
    $("f-level").addEventListener("change", function (ev) { api.setFilter("level", ev.target.value); });
    $("f-status").addEventListener("change", function (ev) { api.setFilter("status", ev.target.value); });
    $("f-from").addEventListener("change", function (ev) { api.setFilter("from", ev.target.value); });
    $("f-to").addEventListener("change", function (ev) { api.setFilter("to", ev.target.value); });
    $("f-depth").addEventListener("change", function (ev) { api.setFilter("depth", ev.target.value); });
    $("f-focus").addEventListener("change", function (ev) { api.setFilter("focus", findNode(ev.target.value)); });
    $("f-focus-clear").addEventListener("click", function () { $("f-focus").value = ""; api.setFilter("focus", null); });
    $("f-reset").addEventListener("click", function () { api.reset(); });
    $("panel-close").addEventListener("click", function () { $("panel").hidden = true; current = null; });
    $("docview-close").addEventListener("click", function () { $("docview").hidden = true; });
    $("lang-toggle").addEventListener("click", function () { api.setLang(lang === "vi" ? "en" : "vi"); });
  }

  // ---- side panel and document view -------------------------------------------------------------
  function docHref(docId, start, end) {
    var short = docId.replace(/^document\//, "");
    return DATA.docUrl.replace("{id}", encodeURIComponent(short)) + "#" + start + "-" + end;
  }
  function evidenceItem(ev) {
    var docId = ev[0], section = ev[1], start = ev[2], end = ev[3], quote = ev[4], prop = ev[5];
    var doc = DATA.documents[docId] || {name: docId};
    var li = el("li", {"class": "evidence"});
    var cite = doc.name + (section ? " — " + t("section") + " " + section : "");
    var linked = /^document\//.test(docId);  // a data table (e.g. a gazetteer) is cited, not opened
    var a = el(linked ? "a" : "span", {"class": "cite"}, cite);
    if (linked && DATA.docUrl) {
      a.href = docHref(docId, start, end);
      a.target = "_blank";
      a.rel = "noopener";
    } else if (linked) {
      a.href = "#" + start + "-" + end;
      a.addEventListener("click", function (e) { e.preventDefault(); openDocument(docId, start, end, quote); });
    }
    li.appendChild(a);
    if (prop) li.appendChild(el("span", {"class": "prop"}, prop));
    li.appendChild(el("blockquote", {}, quote.replace(/\s+/g, " ")));
    return li;
  }
  function renderPanel() {
    if (!current) return;
    var item = current.kind === "node" ? nodes.get(current.id) : edges.get(current.id);
    var lines = item.hTitle[lang].split("\n");
    var body = $("panel-body");
    body.textContent = "";
    body.appendChild(el("h2", {}, lines[0]));
    body.appendChild(el("h3", {}, t("facts")));
    var facts = el("ul", {"class": "facts"});
    lines.slice(1).forEach(function (l) { facts.appendChild(el("li", {}, l)); });
    body.appendChild(facts);
    var det = DATA.details[current.id] || {evidence: [], more: 0};
    body.appendChild(el("h3", {}, t("evidence")));
    var list = el("ol", {"class": "evidence-list"});
    det.evidence.forEach(function (ev) { list.appendChild(evidenceItem(ev)); });
    body.appendChild(list);
    if (det.more) body.appendChild(el("p", {"class": "more"}, "+" + det.more + " " + t("more_evidence")));
    $("panel").hidden = false;
  }
  function openDocument(docId, start, end, quote) {
    var doc = DATA.documents[docId] || {name: docId};
    $("docview-title").textContent = doc.name;
    var box = $("docview-text");
    box.textContent = "";
    var text = doc.text, s = start, e = end;
    $("docview-note").hidden = !!text;
    $("docview-note").textContent = t("no_text");
    if (!text) { text = quote; s = 0; e = quote.length; }
    box.appendChild(document.createTextNode(text.slice(0, s)));
    var mark = el("mark", {id: "span-" + start + "-" + end}, text.slice(s, e));
    box.appendChild(mark);
    box.appendChild(document.createTextNode(text.slice(e)));
    $("docview").hidden = false;
    mark.scrollIntoView({block: "center"});
  }

  // ---- language ----------------------------------------------------------------------------------
  function applyLang() {
    document.documentElement.lang = lang;
    Array.prototype.slice.call(document.querySelectorAll("[data-i18n]")).forEach(function (x) {
      x.textContent = t(x.getAttribute("data-i18n"));
    });
    $("lang-toggle").textContent = t("lang");
    var notes = $("notes");
    notes.textContent = "";
    DATA.notes.forEach(function (n) { notes.appendChild(el("p", {"class": "note"}, n[lang])); });
    buildControls();
    syncControls();
    showStats();
    renderPanel();
  }

  // ---- the network -------------------------------------------------------------------------------
  var network = new vis.Network($("network"), {nodes: nodes, edges: edges}, DATA.options);
  network.on("click", function (p) {
    if (p.nodes.length) api.select(p.nodes[0]);
    else if (p.edges.length) api.select(p.edges[0]);
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) api.setFilter("focus", p.nodes[0]); });
  network.once("afterDrawing", function () { api.drawn = true; api.drawnAt = performance.now(); });

  var api = window.hoptac = {
    network: network, nodes: nodes, edges: edges, data: DATA, drawn: false, drawnAt: null,
    visibleNodeIds: visibleNodeIds, visibleEdgeIds: visibleEdgeIds,
    setFilter: function (name, value) {
      if (name === "from" || name === "to") value = value === "" || value === null ? null : parseInt(value, 10);
      if (name === "depth") value = parseInt(value, 10) || 2;
      state[name] = value;
      syncControls();
      applyFilters();
      return visibleNodeIds().length;
    },
    setType: function (type, shown) { state.types[type] = shown; applyFilters(); return visibleNodeIds().length; },
    reset: function () { defaults(); buildControls(); syncControls(); applyFilters(); },
    setLang: function (l) {
      lang = l;
      nodes.update(DATA.nodes.map(function (n) { return {id: n.id, label: n.hLabel[l], title: n.hTitle[l]}; }));
      edges.update(DATA.edges.map(function (e) { return {id: e.id, title: e.hTitle[l]}; }));
      applyLang();
    },
    select: function (id) {
      current = {kind: nodeById[id] ? "node" : "edge", id: id};
      if (current.kind === "node") network.selectNodes([id]); else network.selectEdges([id]);
      renderPanel();
      return $("panel-body").textContent;
    },
    openDocument: openDocument,
  };
  defaults();
  wireControls();
  applyLang();
  applyFilters(false);
})();
