"""The data of an explorer page: vis-network nodes and edges (converted with pyvis), and what the side
panel, the filters and the inline document view read.

Every node carries its label and tooltip in both languages (`hLabel`, `hTitle`) and what the filters
test: `hType`, `hCountry`, `hLevel`, `hStatus` (a list), `hYears` (`[first, last]` or null).

>>> from graph.model import NodeFact
>>> g = GraphData.merge([NodeFact("country/LA", "Country", {"name": "Laos", "name_vi": "Lào", "country": "LA"})])
>>> data = build_payload(g, {"country/LA": (0.0, 0.0)}, "en", texts=None)
>>> node = data["nodes"][0]
>>> node["label"], node["color"], node["shape"], node["hLabel"]["vi"]
('Laos', '#6c757d', 'diamond', 'Lào')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from graph.explorer.style import LANGS, Lang, node_label, status_color, type_style, ui_text, word, years_of
from graph.model import Edge, Evidence, GraphData, Node
from graph.schema import load_schema

if TYPE_CHECKING:
    from pyvis.network import Network

MAX_EVIDENCE = 40  # quotes per node or edge in the side panel
MAX_TEXT_CHARS = 20_000_000  # document text embedded in a standalone page; past it, quotes only
LABEL_INSIDE = frozenset({"box", "ellipse", "circle", "database", "text"})  # vis shapes that hold their label
Position = tuple[float, float]
LABEL_CHARS = 42  # longer names are cut on the canvas (the tooltip and the panel give them whole)
INSIDE_LABEL_CHARS = 16  # shorter inside a box or an ellipse, which grows with its label
Names = Mapping[str, Node]
HIDDEN_PROPS = frozenset({"name", "name_vi", "aliases", "period_start", "period_end"})  # shown otherwise


def _network() -> Network:
    from pyvis.network import Network

    class _Network(Network):
        """pyvis checks every new edge's ends with a list scan; a set keeps big graphs fast."""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.id_set: set[str] = set()

        def add_node(self, n_id: str, **kwargs: Any) -> None:
            super().add_node(n_id, **kwargs)
            self.id_set.add(n_id)

        def get_nodes(self) -> Any:
            return self.id_set

    return _Network(directed=True, cdn_resources="in_line")


def _props_text(item: Node | Edge, names: Names, lang: Lang) -> list[str]:
    schema = load_schema()
    schema_props = (schema.node(item.type) if isinstance(item, Node) else schema.edge(item.type)).properties
    lines = []
    p = item.props
    if p.get("period_start") or p.get("period_end"):
        lines.append(f"{word('ui', 'period_value', lang)}: {p.get('period_start', '?')}–{p.get('period_end', '?')}")
    for key, value in p.items():
        if key in HIDDEN_PROPS or value in (None, "") or (key == "statuses" and "count" not in p):
            continue
        label = schema_props[key].label.model_dump()[lang] if key in schema_props else word("ui", key, lang)
        lines.append(f"{label}: {_value_text(key, value, names, lang)}")
    return lines


def _value_text(key: str, value: Any, names: Names, lang: Lang) -> str:
    if isinstance(value, list):
        return ", ".join(_value_text(key, v, names, lang) for v in value)
    if isinstance(value, str) and value in names:
        return node_label(names[value], lang)
    if key in ("status", "level", "instrument"):
        return word(key, str(value), lang)
    return str(value)


def citations(evidence: list[Evidence], names: Names) -> str:
    """'Thông báo /TB-UBND (2024-06) §2.4-2; Kế hoạch (2022-08) §II.2.8': document name + section."""
    seen: list[str] = []
    for ev in evidence:
        doc = names.get(ev.document_id)
        name = str(doc.props.get("name") or ev.source) if doc else ev.source
        cite = name + (f" §{ev.section}" if ev.section else "")
        if cite not in seen:
            seen.append(cite)
    return "; ".join(seen)


def _node_title(n: Node, names: Names, lang: Lang) -> str:
    kind = load_schema().node(n.type).label.model_dump()[lang]
    return "\n".join([f"{node_label(n, lang)} — {kind}", *_props_text(n, names, lang)])


def _edge_title(e: Edge, names: Names, lang: Lang) -> str:
    ends = [node_label(names[i], lang) if i in names else i for i in (e.source, e.target)]
    kind = load_schema().edge(e.type).label.model_dump()[lang]
    lines = [f"{ends[0]} — {kind} → {ends[1]}", *_props_text(e, names, lang)]
    if e.evidence:
        lines.append(f"{word('ui', 'documents', lang)}: {citations(e.evidence, names)}")
    return "\n".join(lines)


def short(text: str, limit: int) -> str:
    """`text` with white space collapsed, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _statuses(props: dict[str, Any]) -> list[str]:
    if "count" in props:  # an aggregated edge: every status of the edges it stands for
        return [str(x) for x in props.get("statuses", [])]
    return [str(props["status"])] if props.get("status") else []


def _add_node(net: Network, n: Node, names: Names, xy: Position, lang: Lang, degree: int) -> None:
    """One node; its `value` (1 + its number of edges) sizes it and its label, so that zoomed out only the
    labels of the most connected nodes are drawn (`vis_options`: `scaling.label.drawThreshold`)."""
    style = type_style(n.type)
    limit = INSIDE_LABEL_CHARS if style.shape in LABEL_INSIDE else LABEL_CHARS
    labels = {lg: short(node_label(n, lg), limit) for lg in LANGS}
    members = n.props.get("members")
    if members:
        labels = {lg: f"{text} ({members})" for lg, text in labels.items()}
    titles = {lg: _node_title(n, names, lg) for lg in LANGS}
    extra: dict[str, Any] = {"font": {"color": "#ffffff"}} if style.shape in LABEL_INSIDE else {}
    net.add_node(
        n.id, label=labels[lang], shape=style.shape, color=style.color, x=round(xy[0], 1), y=round(xy[1], 1),
        value=1 + degree, title=titles[lang], hLabel=labels, hTitle=titles, hType=n.type,
        hCountry=str(n.props.get("country") or "").upper() or None, hLevel=n.props.get("level"),
        hStatus=_statuses(n.props), hYears=years_of(n.props), **extra,
    )  # fmt: skip


def _add_edge(net: Network, e: Edge, names: Names, lang: Lang) -> None:
    titles = {lg: _edge_title(e, names, lg) for lg in LANGS}
    status = e.props.get("status")
    extra: dict[str, Any] = {"value": e.props["count"]} if "count" in e.props else {}
    net.add_edge(
        e.source, e.target, id=e.id, title=titles[lang], hTitle=titles, hType=e.type,
        hStatus=_statuses(e.props), hYears=years_of(e.props),
        color=status_color(status) if status else "#c8c8c8", width=3 if status else 1, **extra,
    )  # fmt: skip


def _evidence_rows(evidence: list[Evidence]) -> list[list[Any]]:
    return [[ev.document_id, ev.section, ev.start, ev.end, ev.quote, ev.prop] for ev in evidence[:MAX_EVIDENCE]]


def _details(item: Node | Edge) -> dict[str, Any]:
    """The quotes for the side panel (its facts are the tooltip lines, `hTitle`)."""
    return {"evidence": _evidence_rows(item.evidence), "more": max(0, len(item.evidence) - MAX_EVIDENCE)}


def _documents(names: Names, cited: set[str], texts: Mapping[str, str] | None) -> dict[str, Any]:
    """Name of every cited document, and its text while the page stays under `MAX_TEXT_CHARS`."""
    out = {}
    room = MAX_TEXT_CHARS
    for doc_id in sorted(cited):
        node = names.get(doc_id)
        entry: dict[str, Any] = {"name": str(node.props.get("name") or doc_id) if node else doc_id}
        if texts is not None and doc_id in texts and room > 0:
            entry["text"] = texts[doc_id]
            room -= len(entry["text"])
        out[doc_id] = entry
    return out


def _types(g: GraphData) -> dict[str, Any]:
    schema = load_schema()
    present = {n.type for n in g.nodes.values()}
    return {
        t: {"label": schema.node(t).label.model_dump(), **schema.node(t).explorer.model_dump()}
        for t in schema.nodes if t in present
    }  # fmt: skip


def build_payload(
    g: GraphData,
    positions: Mapping[str, Position],
    lang: Lang,
    texts: Mapping[str, str] | None,
    lookup: GraphData | None = None,
) -> dict[str, Any]:
    """Everything the page's script reads, as one JSON-ready dict. Names of documents and agreements
    that `g` (a part of the graph) leaves out are looked up in `lookup` (the whole graph)."""
    names: Names = {**lookup.nodes, **g.nodes} if lookup is not None else g.nodes
    net = _network()
    degree = Counter(end for e in g.edges.values() for end in (e.source, e.target))
    for n in g.nodes.values():
        _add_node(net, n, names, positions.get(n.id, (0.0, 0.0)), lang, degree[n.id])
    for e in g.edges.values():
        if e.source in g.nodes and e.target in g.nodes:
            _add_edge(net, e, names, lang)
    nodes, edges, *_ = net.get_network_data()
    items: list[Node | Edge] = [*g.nodes.values(), *g.edges.values()]
    cited = {ev.document_id for item in items for ev in item.evidence[:MAX_EVIDENCE]}
    return {
        "nodes": nodes,
        "edges": edges,
        "details": {item.id: _details(item) for item in items},
        "documents": _documents(names, cited, texts),
        "types": _types(g),
        "statusColors": {s: status_color(s) for s in sorted({s for x in [*nodes, *edges] for s in x["hStatus"]})},
        "words": {k: ui_text()[k] for k in ("ui", "status", "level")},
    }
