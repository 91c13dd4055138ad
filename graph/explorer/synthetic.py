"""A synthetic partnership graph of any size, shaped like the real one (provinces and their localities,
foreign units by country, agreements between them, documents citing it all), for the explorer's
scale tests and benchmark. Deterministic for a given size and seed.

>>> g = synthetic_graph(500)
>>> len(g.nodes)
500
>>> {n.type for n in g.nodes.values()} >= {"Province", "ForeignLocality", "Agreement", "Document", "Country"}
True
"""

from __future__ import annotations

import random
from typing import Any

from graph.model import EdgeFact, Evidence, Fact, GraphData, NodeFact

COUNTRIES = ("LA", "KH", "CN", "JP", "KR", "TH", "FR", "DE", "PL", "RU", "US", "AU", "CU", "IN", "MN")
STATUSES = ("signed", "proposed", "to_be_signed", "negotiating", "implemented", "in_contact")
QUOTE = "Thỏa thuận hợp tác giữa tỉnh và địa phương đối tác giai đoạn 2021-2025"


def _ev(doc: str, k: int) -> tuple[Evidence, ...]:
    start = (k * 97) % 5000
    return (Evidence(doc, f"synthetic/{doc[-4:]}.txt", f"II.{k % 9 + 1}", start, start + len(QUOTE), QUOTE),)


def synthetic_graph(n_nodes: int, seed: int = 7) -> GraphData:
    """About `n_nodes` nodes (exactly, for n >= 200): 63 provinces, 15 countries, 2% documents, the rest
    localities (15%), foreign units (55%) and agreements (30%), each agreement with both parties."""
    rnd = random.Random(seed)
    docs = [f"document/syn{i:05d}" for i in range(max(1, n_nodes // 50))]
    facts: list[Fact] = [NodeFact(d, "Document", {"name": f"Quyết định {i}/QĐ-UBND", "date": f"{2015 + i % 10}-01"})
                         for i, d in enumerate(docs)]  # fmt: skip
    provinces = [f"province/VN-{i:02d}" for i in range(1, 64)]
    countries = [f"country/{c}" for c in COUNTRIES]
    for i, p in enumerate(provinces):
        facts.append(
            NodeFact(p, "Province", {"name": f"Tỉnh {i + 1}", "country": "VN", "level": "province"}, _ev(docs[0], i))
        )
    for c in COUNTRIES:
        facts.append(NodeFact(f"country/{c}", "Country", {"name": c, "country": c, "level": "country"}))
    rest = n_nodes - len(docs) - len(provinces) - len(countries)
    n_local, n_foreign = int(rest * 0.15), int(rest * 0.55)
    n_agree = rest - n_local - n_foreign
    vn_units = list(provinces)
    for i in range(n_local):
        node, parent, doc = f"locality/syn{i}", rnd.choice(provinces), rnd.choice(docs)
        facts.append(
            NodeFact(node, "Locality", {"name": f"Huyện {i}", "country": "VN", "level": "district"}, _ev(doc, i))
        )
        facts.append(EdgeFact(f"located_in/l{i}", "LOCATED_IN", node, parent, {}, _ev(doc, i)))
        vn_units.append(node)
    foreign = []
    for i in range(n_foreign):
        code, doc = rnd.choice(COUNTRIES), rnd.choice(docs)
        node = f"foreign/{code}-{i}"
        place = {"name": f"{code} city {i}", "country": code, "level": rnd.choice(("province", "city"))}
        facts.append(NodeFact(node, "ForeignLocality", place, _ev(doc, i)))
        facts.append(EdgeFact(f"located_in/f{i}", "LOCATED_IN", node, f"country/{code}", {}, _ev(doc, i)))
        foreign.append(node)
    for i in range(n_agree):
        vn, fo, doc = rnd.choice(vn_units), rnd.choice(foreign), rnd.choice(docs)
        start = 2010 + rnd.randrange(14)
        props: dict[str, Any] = {
            "status": rnd.choice(STATUSES), "period_start": start, "period_end": start + rnd.choice((2, 4, 5)),
        }  # fmt: skip
        agreement = f"agreement/syn{i}"
        facts.append(NodeFact(agreement, "Agreement", {"name": f"Thỏa thuận {i}", **props}, _ev(doc, i)))
        facts.append(EdgeFact(f"party_to/v{i}", "PARTY_TO", vn, agreement, {"side": "vn"}, _ev(doc, i)))
        facts.append(EdgeFact(f"party_to/f{i}", "PARTY_TO", fo, agreement, {"side": "foreign"}, _ev(doc, i)))
        facts.append(
            EdgeFact(f"partners_with/{i}", "PARTNERS_WITH", vn, fo, {**props, "agreement": agreement}, _ev(doc, i))
        )
        facts.append(EdgeFact(f"mentions/{i}", "MENTIONS", doc, agreement, {}, _ev(doc, i)))
    return GraphData.merge(facts)
