"""Finding entities by name in any spelling: diacritics optional, word prefixes, small typos.

>>> from graph.model import GraphData, NodeFact
>>> props = {"name": "Xaisomboun", "name_vi": "Xay Sổm Bun"}
>>> g = GraphData.merge([NodeFact("foreign/LA-XS", "ForeignLocality", props)])
>>> [h["id"] for h in search_entities(g, "xay som bun")]
['foreign/LA-XS']
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from graph.model import GraphData, Node
from graph.text import fold

MIN_FUZZY = 85


def _keys(node: Node) -> list[str]:
    p = node.props
    names = [p.get("name"), p.get("name_vi"), *(p.get("aliases") or []), node.id]
    return [fold(str(n).replace("-", " ")) for n in names if n]


def _score(query: str, keys: list[str]) -> float:
    best = 0.0
    for k in keys:
        if k == query:
            return 100.0
        if k.startswith(query) or f" {query}" in f" {k}":
            best = max(best, 95.0)
        elif len(query) >= 4:
            best = max(best, fuzz.ratio(query, k))
    return best


def search_entities(g: GraphData, q: str, limit: int = 20, types: set[str] | None = None) -> list[dict[str, Any]]:
    """Entities whose name, Vietnamese name, alias or id matches `q`, best first."""
    query = fold(q.replace("-", " "))
    if not query:
        return []
    hits = []
    for node in g.nodes.values():
        if types and node.type not in types:
            continue
        score = _score(query, _keys(node))
        if score >= MIN_FUZZY:
            hits.append((score, node))
    hits.sort(key=lambda h: (-h[0], str(h[1].props.get("name", "")), h[1].id))
    return [
        {"id": n.id, "type": n.type, "name": n.props.get("name"), "name_vi": n.props.get("name_vi"),
         "country": n.props.get("country"), "level": n.props.get("level"), "score": s}
        for s, n in hits[:limit]
    ]  # fmt: skip
