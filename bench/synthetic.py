"""A synthetic partnership graph for benchmarks, shaped like the real one at any size.

`synthetic_graph(n_edges, seed)` builds a `GraphData` of about `n_edges` edges, deterministic for a
seed: 63 Vietnamese provinces (some succeeded by 2025 provinces), 10 districts each and, from 40k edges up,
communes below them (up to 20 per district: the VN side grows with the graph), agencies;
foreign localities across 15 countries (some inside a foreign province); partnerships whose ends are
drawn with a heavy-tailed (Zipf-like) distribution — a few hub provinces with many partners, most
units with one or two; each partnership with its agreement (PARTY_TO both sides), sometimes
activities (IMPLEMENTS, LEADS), stated by documents with evidence (document, section, span, quote)
and MENTIONS. Every id follows the real id scheme (`province/VN-54`, `foreign/LA-XS`, ...).

>>> g = synthetic_graph(10_000, seed=1)
>>> 9_900 <= len(g.edges) <= 10_100 and len(g.edges_of("PARTNERS_WITH")) > 1_000
True
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

from graph.ids import digest
from graph.model import Edge, Evidence, GraphData, Node

COUNTRIES = {
    "LA": "Lào", "KH": "Campuchia", "TH": "Thái Lan", "CN": "Trung Quốc", "JP": "Nhật Bản",
    "KR": "Hàn Quốc", "RU": "Nga", "PL": "Ba Lan", "FR": "Pháp", "DE": "Đức", "US": "Hoa Kỳ",
    "AU": "Úc", "IN": "Ấn Độ", "MY": "Malaysia", "BY": "Belarus",
}  # fmt: skip
SYLLABLES = ["Bắc", "Nam", "Sơn", "Hà", "Giang", "Lâm", "Bình", "Phú", "Thanh", "Hải", "Quảng", "Long",
             "An", "Tây", "Đông", "Ninh", "Yên", "Thái", "Hòa", "Vĩnh"]  # fmt: skip
FOREIGN_SYLLABLES = ["Xay", "Sổm", "Bun", "Viên", "Chăn", "Kyo", "Osa", "Dae", "jeon", "Nan", "ning",
                     "Hon", "ghe", "Tai", "zhou", "Bo", "ke", "Mos", "Ka", "Lu"]  # fmt: skip
AGENCIES = [("so-ngoai-vu", "Sở Ngoại vụ"), ("cong-an", "Công an"), ("so-giao-duc", "Sở Giáo dục và Đào tạo"),
            ("so-y-te", "Sở Y tế"), ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ"),
            ("doan-thanh-nien", "Tỉnh đoàn")]  # fmt: skip
STATUSES = ["signed"] * 5 + ["implemented"] * 3 + ["proposed", "to_be_signed", "negotiating", "in_contact"]
SECTORS = ["giáo dục", "y tế", "nông nghiệp", "thương mại", "văn hóa", "du lịch"]
INSTRUMENTS = ["agreement", "mou", "friendship_agreement", "minutes"]


def _name(rng: random.Random, parts: list[str], n: int) -> str:
    return " ".join(rng.choice(parts) for _ in range(n))


@dataclass
class _Builder:
    rng: random.Random
    g: GraphData = field(default_factory=GraphData)
    docs: list[str] = field(default_factory=list)
    counter: itertools.count = field(default_factory=itertools.count)

    def node(self, nid: str, ntype: str, props: dict[str, object], doc: str | None = None) -> str:
        ev = [self.evidence(doc, props.get("name"))] if doc else []
        self.g.nodes[nid] = Node(nid, ntype, props, ev)
        return nid

    def edge(self, etype: str, src: str, dst: str, props: dict[str, object] | None = None,
             doc: str | None = None, prop: str | None = None) -> str:  # fmt: skip
        eid = f"{etype.lower()}/{digest(etype, src, dst, str(next(self.counter)))}"
        ev = [self.evidence(doc, f"{src} — {dst}", prop)] if doc else []
        self.g.edges[eid] = Edge(eid, etype, src, dst, props or {}, ev)
        return eid

    def evidence(self, doc: str | None, words: object, prop: str | None = None) -> Evidence:
        start = self.rng.randrange(0, 40_000)
        quote = f"Tiếp tục triển khai hợp tác theo thỏa thuận đã ký giữa hai bên ({words})."
        section = f"{self.rng.choice(['I', 'II', 'III', 'IV'])}.{self.rng.randint(1, 9)}"
        return Evidence(str(doc), f"corpus/{str(doc).rsplit('/', 1)[-1]}.txt", section, start, start + len(quote),
                        quote, prop)  # fmt: skip


def _zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1.0 / (rank**s) for rank in range(1, n + 1)]


def _vietnam(b: _Builder, communes: int) -> tuple[list[str], list[float]]:
    """63 provinces, 10 districts each with `communes` communes below them (Vietnam has ~700 districts
    and ~10,000 communes), agencies of provinces and districts; the VN parties with heavy-tailed
    weights (a handful of provinces are the hubs)."""
    b.node("country/VN", "Country", {"name": "Việt Nam", "iso3166_1": "VN", "country": "VN", "level": "country"})
    parties: list[str] = []
    for i in range(1, 64):
        code = f"VN-{i:02d}"
        name = _name(b.rng, SYLLABLES, 2)
        pid = b.node(f"province/{code}", "Province", {"name": name, "name_vi": name, "iso3166_2": code,
                     "country": "VN", "level": "province", "aliases": [f"Tỉnh {name}"]})  # fmt: skip
        b.edge("LOCATED_IN", pid, "country/VN")
        parties.append(pid)
        if i % 2 == 0:
            new = f"province/VN2025-{i // 2:02d}"
            if new not in b.g.nodes:
                b.node(new, "Province", {"name": name, "name_vi": name, "country": "VN", "level": "province"})
            b.edge("SUCCEEDED_BY", pid, new, {"date": "2025-07-01"})
        for slug, label in AGENCIES:
            aid = b.node(f"agency/{code}/{slug}", "Agency", {"name": f"{label} tỉnh {name}", "kind": "government",
                         "place": pid, "country": "VN", "level": "agency"})  # fmt: skip
            b.edge("PART_OF", aid, pid)
            parties.append(aid)
        for j in range(10):
            parties += _district(b, pid, f"locality/{code}/{j}", communes)
    b.rng.shuffle(parties)
    # provinces first among the hubs: the heaviest weights go to a handful of provinces
    parties.sort(key=lambda p: not p.startswith("province/") or b.rng.random() > 0.15)
    return parties, _zipf_weights(len(parties))


def _district(b: _Builder, province: str, did: str, communes: int) -> list[str]:
    """A district, its communes and its foreign-affairs office."""
    name = _name(b.rng, SYLLABLES, 2)
    b.node(did, "Locality", {"name": name, "name_vi": name, "country": "VN", "level": "district"})
    b.edge("LOCATED_IN", did, province)
    office = b.node(f"agency/{did.removeprefix('locality/')}/phong-ngoai-vu", "Agency",
                    {"name": f"Phòng Ngoại vụ {name}", "kind": "government", "place": did, "country": "VN",
                     "level": "agency"})  # fmt: skip
    b.edge("PART_OF", office, did)
    out = [did, office]
    for k in range(communes):
        cname = _name(b.rng, SYLLABLES, 2)
        cid = b.node(f"{did}/{k}", "Locality", {"name": cname, "name_vi": cname, "country": "VN", "level": "commune"})
        b.edge("LOCATED_IN", cid, did)
        out.append(cid)
    return out


def _foreign(b: _Builder, n: int) -> tuple[list[str], list[float]]:
    """`n` foreign localities across the countries, some inside a foreign province."""
    out: list[str] = []
    codes = list(COUNTRIES)
    for c in codes:
        b.node(f"country/{c}", "Country", {"name": COUNTRIES[c], "name_vi": COUNTRIES[c], "iso3166_1": c,
               "country": c, "level": "country"})  # fmt: skip
    for k in range(n):
        c = codes[min(int(b.rng.paretovariate(1.2)) - 1, len(codes) - 1)]
        name = _name(b.rng, FOREIGN_SYLLABLES, 2)
        fid = b.node(f"foreign/{c}-{k:06d}", "ForeignLocality", {"name": name, "country": c,
                     "level": b.rng.choice(["province", "city", "prefecture", "district"])})  # fmt: skip
        parent = out[b.rng.randrange(len(out))] if out and b.rng.random() < 0.2 else None
        if parent and parent.split("/")[1][:2] == c:
            b.edge("LOCATED_IN", fid, parent)
        else:
            b.edge("LOCATED_IN", fid, f"country/{c}")
        out.append(fid)
    return out, _zipf_weights(len(out), 0.9)


def _document(b: _Builder) -> str:
    i = len(b.docs)
    did = f"document/{digest('synthetic', str(i))}"
    year = 2015 + i % 11
    b.node(did, "Document", {"name": f"Kế hoạch {i}/KH-UBND ({year})", "doc_type": "Kế hoạch",
           "number": f"{i}/KH-UBND", "date": f"{year}-{1 + i % 12:02d}", "title": "Kế hoạch hợp tác quốc tế",
           "source": f"corpus/{did.rsplit('/', 1)[-1]}.txt"})  # fmt: skip
    b.docs.append(did)
    return did


def _partnership(b: _Builder, vn: str, partner: str, doc: str) -> None:
    year = b.rng.randint(2010, 2024)
    status = b.rng.choice(STATUSES)
    agr = b.node(f"agreement/{digest(vn, partner, str(next(b.counter)))}", "Agreement",
                 {"name": f"Thỏa thuận hợp tác giai đoạn {year}-{year + 4}", "instrument": b.rng.choice(INSTRUMENTS),
                  "status": status, "period_start": year, "period_end": year + 4}, doc)  # fmt: skip
    b.edge("PARTNERS_WITH", vn, partner, {"status": status, "statuses": [status], "agreement": agr,
           "period_start": year, "period_end": year + 4}, doc, f"status={status}")  # fmt: skip
    b.edge("PARTY_TO", vn, agr, {"side": "vn"}, doc)
    b.edge("PARTY_TO", partner, agr, {"side": "foreign"}, doc)
    b.edge("MENTIONS", doc, partner, None, doc)
    if b.rng.random() < 0.3:
        act = b.node(f"activity/{digest(agr, 'a')}", "Activity", {"name": "Trao đổi đoàn công tác", "ref": "II.1",
                     "sector": b.rng.choice(SECTORS), "years": [year]}, doc)  # fmt: skip
        b.edge("IMPLEMENTS", act, agr, None, doc)
        if vn.startswith("agency/"):
            b.edge("LEADS", vn, act, None, doc)


def synthetic_graph(n_edges: int, seed: int = 0) -> GraphData:
    """A realistic partnership graph with about `n_edges` edges (deterministic for `seed`)."""
    b = _Builder(random.Random(seed))
    vn, vn_w = _vietnam(b, communes=min(20, n_edges // 40_000))
    foreign, f_w = _foreign(b, max(200, n_edges // 12))
    per_doc = 20
    doc = _document(b)
    while len(b.g.edges) < n_edges:
        batch = b.rng.choices(vn, vn_w, k=per_doc)
        partners = b.rng.choices(foreign, f_w, k=per_doc)
        for v, f in zip(batch, partners, strict=True):
            _partnership(b, v, f, doc)
            if len(b.g.edges) >= n_edges:
                break
        doc = _document(b)
    return b.g
