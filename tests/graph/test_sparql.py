"""SPARQL on Oxigraph: every named query, parameters always bound (never formatted into the text),
read-only, malformed queries with their position, row limit and timeout, and the on-disk copy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import NotFoundError, QueryError
from graph.model import EdgeFact, Evidence, GraphData, NodeFact
from graph.rdf_cache import open_engine
from graph.rdf_params import declared_params
from graph.sparql import Entity, SparqlEngine, named_query
from graph.store import Store
from ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
CATALOG = yaml.safe_load((ROOT / "queries" / "catalog.yaml").read_text(encoding="utf-8"))["queries"]
EV = Evidence("document/d1", "plan.txt", "II.1", 0, 10, "hợp tác")


def small_graph() -> GraphData:
    """Two levels of units below a province, agreements (one superseded), activities, lineage."""
    n, e = NodeFact, EdgeFact
    return GraphData.merge([
        n("province/VN-54", "Province", {"name": "Bắc Giang"}, (EV,)),
        n("province/VN2025-24", "Province", {"name": "Bắc Ninh"}),
        n("locality/VN-54/bg", "Locality", {"name": "Bắc Giang"}),
        n("agency/VN-54/bg/phong-ngoai-vu", "Agency", {"name": "Phòng Ngoại vụ"}),
        n("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "country": "LA", "level": "province"}),
        n("foreign/KR-44", "ForeignLocality", {"name": "Chungcheongnam", "country": "KR", "level": "province"}),
        n("foreign/JP-12", "ForeignLocality", {"name": "Chiba", "country": "JP"}),
        n("agreement/1", "Agreement", {"name": "TTHT 2021-2025", "status": "signed", "period_start": 2021,
          "period_end": 2025, "instrument": "agreement"}),
        n("agreement/2", "Agreement", {"name": "TTHT 2026-2030", "status": "proposed", "period_start": 2026,
          "period_end": 2030}),
        n("agreement/3", "Agreement", {"name": "MOU 2020-2025", "status": "renewed", "period_start": 2020,
          "period_end": 2025}),
        n("activity/1", "Activity", {"name": "Trao đổi đoàn", "ref": "II.1", "sector": "ngoại giao"}),
        n("activity/2", "Activity", {"name": "Hội thảo", "ref": "II.2"}),
        n("document/d0", "Document", {"name": "Luật", "number": "70/2020/QH14", "date": "2020-11-13"}),
        n("document/d1", "Document", {"name": "Kế hoạch", "number": "1/KH-UBND", "doc_type": "Kế hoạch",
          "date": "2022-08"}, (EV,)),
        e("located/1", "LOCATED_IN", "locality/VN-54/bg", "province/VN-54", {}),
        e("part/1", "PART_OF", "agency/VN-54/bg/phong-ngoai-vu", "locality/VN-54/bg", {}),
        e("succ/1", "SUCCEEDED_BY", "province/VN-54", "province/VN2025-24", {"date": "2025-07-01"}),
        e("pw/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS",
          {"status": "signed", "agreement": "agreement/1", "period_start": 2021, "period_end": 2025}, (EV,)),
        e("pw/2", "PARTNERS_WITH", "locality/VN-54/bg", "foreign/KR-44", {"status": "proposed"}),
        e("pw/3", "PARTNERS_WITH", "agency/VN-54/bg/phong-ngoai-vu", "foreign/JP-12", {"status": "in_contact"}),
        *(e(f"party/{a}/{p}", "PARTY_TO", p, f"agreement/{a}", {}) for a, p in [
            (1, "province/VN-54"), (1, "foreign/LA-XS"), (2, "province/VN-54"), (2, "foreign/LA-XS"),
            (3, "locality/VN-54/bg"), (3, "foreign/KR-44")]),
        e("impl/1", "IMPLEMENTS", "activity/1", "agreement/1", {}),
        e("impl/2", "IMPLEMENTS", "activity/2", "agreement/1", {}),
        e("leads/1", "LEADS", "agency/VN-54/bg/phong-ngoai-vu", "activity/1", {}),
        e("basis/1", "LEGAL_BASIS", "document/d1", "document/d0", {}, (EV,)),
        e("mentions/1", "MENTIONS", "document/d1", "foreign/LA-XS", {}, (EV,)),
    ])  # fmt: skip


@pytest.fixture(scope="module")
def engine() -> SparqlEngine:
    return SparqlEngine.from_graph(small_graph())


def run(engine: SparqlEngine, name: str, **params: Any) -> set[tuple[Any, ...]]:
    return {tuple(r.values()) for r in engine.query(named_query(name), params)}


# -- the named queries ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_rq_file_header_declares_the_catalog_entry(name: str) -> None:
    text = named_query(name)
    entry = CATALOG[name]
    assert text.startswith(f"# {name} — ")
    params = declared_params(text)
    assert {p: (d.type, d.required) for p, d in params.items()} == {
        p: (spec["type"], bool(spec.get("required"))) for p, spec in (entry.get("params") or {}).items()
    }
    columns = re.search(r"^# columns: (.*)$", text, re.M)
    assert columns and columns.group(1).split(", ") == entry["columns"]
    assert re.search(rf"^# example: hoptac sparql {name}\b", text, re.M)


def corpus_params(g: GraphData, name: str) -> dict[str, Any]:
    """Example parameters that exist in the corpus graph (the catalog's "agreement/…" is a placeholder)."""
    example = {p: spec.get("example") for p, spec in (CATALOG[name].get("params") or {}).items()}
    for key, value in example.items():
        if isinstance(value, str) and value.endswith("…"):
            prefix = value.removesuffix("…")
            example[key] = sorted(i for i in g.nodes if i.startswith(prefix) and g.nodes[i].evidence)[0]
    return example


@pytest.mark.parametrize("name", sorted(CATALOG))
def test_every_named_query_runs_with_the_catalog_columns(
    name: str, corpus_graph: GraphData, corpus_engine: SparqlEngine
) -> None:
    answer = corpus_engine.answer(named_query(name), corpus_params(corpus_graph, name))
    assert answer.columns == CATALOG[name]["columns"]
    assert all(list(row) == answer.columns for row in answer.rows)
    if name in ("partners_of", "partners_including_predecessors", "documents_citing", "path_between"):
        assert answer.rows, name


def test_partners_of_reaches_two_levels_down(engine: SparqlEngine) -> None:
    assert run(engine, "partners_of", place="province/VN-54") == {
        ("province/VN-54", "foreign/LA-XS", "LA", "province", "signed", "agreement/1"),
        ("locality/VN-54/bg", "foreign/KR-44", "KR", "province", "proposed", None),
        ("agency/VN-54/bg/phong-ngoai-vu", "foreign/JP-12", "JP", None, "in_contact", None),
    }
    assert len(run(engine, "partners_of", place="locality/VN-54/bg")) == 2
    assert run(engine, "partners_including_predecessors", place="province/VN2025-24") == run(
        engine, "partners_of", place="province/VN-54"
    )


def test_partnerships_filters(engine: SparqlEngine) -> None:
    assert len(run(engine, "partnerships")) == 3
    assert {r[1] for r in run(engine, "partnerships", country="KR")} == {"foreign/KR-44"}
    signed_then = run(engine, "partnerships", status="signed", year_from=2024, year_to=2030)
    assert {r[1] for r in signed_then} == {"foreign/LA-XS"}
    assert run(engine, "partnerships", year_from=2026) == set()  # an edge without a period never matches


def test_agreement_queries(engine: SparqlEngine) -> None:
    assert {r[0] for r in run(engine, "agreements_in_force", year=2023)} == {"agreement/1", "agreement/3"}
    assert run(engine, "agreements_in_force", year=2027) == set()  # agreement/2 is only proposed
    # agreement/1 is followed by agreement/2 between the same two parties; agreement/3 is not
    assert run(engine, "expiring_agreements", year=2025) == {("agreement/3", "MOU 2020-2025", 2025)}


def test_activity_queries(engine: SparqlEngine) -> None:
    assert run(engine, "activities_of_agreement", agreement="agreement/1") == {
        ("activity/1", "II.1", "Trao đổi đoàn", "agency/VN-54/bg/phong-ngoai-vu"),
        ("activity/2", "II.2", "Hội thảo", None),
    }
    assert run(engine, "activities_by_lead", agency="agency/VN-54/bg/phong-ngoai-vu") == {
        ("activity/1", "II.1", "Trao đổi đoàn", "ngoại giao")
    }


def test_document_queries(engine: SparqlEngine) -> None:
    d0, d1 = ("document/d0", "70/2020/QH14", "2020-11-13"), ("document/d1", "1/KH-UBND", "2022-08")
    assert run(engine, "documents_citing", entity="foreign/LA-XS") == {("document/d1", "Kế hoạch", *d1[1:])}
    assert run(engine, "lineage", document="document/d1") == {("out", "LEGAL_BASIS", *d0)}
    assert run(engine, "lineage", document="document/d0") == {("in", "LEGAL_BASIS", *d1)}


def test_path_between_returns_lists_of_ids_and_types(engine: SparqlEngine) -> None:
    rows = engine.query(named_query("path_between"), {"a": "province/VN-54", "b": "foreign/LA-XS"})
    paths = {(r["hops"], tuple(r["path"])) for r in rows}
    assert (1, ("province/VN-54", "PARTNERS_WITH", "foreign/LA-XS")) in paths
    assert (2, ("province/VN-54", "PARTY_TO", "agreement/2", "PARTY_TO", "foreign/LA-XS")) in paths
    assert (3, ("province/VN-54", "LOCATED_IN", "locality/VN-54/bg", "PARTNERS_WITH", "foreign/KR-44")) not in paths
    assert all(len(p) == 2 * h + 1 for h, p in paths) and max(h for h, _ in paths) <= 3


# -- parameters, refusals, errors -------------------------------------------------------------------

HOSTILE = 'x" } . ?s ?p ?o } ; DROP ALL ; SELECT * { "'


def test_parameters_are_bound_not_formatted(engine: SparqlEngine) -> None:
    assert engine.query("SELECT ?s WHERE { ?s ?p ?o }", {"o": HOSTILE}) == []
    assert engine.query(named_query("partners_of"), {"place": HOSTILE}) == []  # an id that exists nowhere
    assert engine.query("SELECT ?v WHERE { BIND(?x AS ?v) }", {"x": HOSTILE}) == [{"v": HOSTILE}]


EMPTY = SparqlEngine.from_graph(GraphData())


@settings(max_examples=200)
@given(st.text())
def test_any_text_comes_back_unchanged(text: str) -> None:
    assert EMPTY.query("SELECT ?v WHERE { BIND(?x AS ?v) }", {"x": text}) == [{"v": text}]


def test_values_come_back_typed(engine: SparqlEngine) -> None:
    (row,) = engine.query(
        "SELECT ?e ?start ?name ?class ?nothing WHERE { ?e hop:periodStart ?start ; rdfs:label ?name ; a ?class "
        "OPTIONAL { ?e hop:nope ?nothing } }", {"e": Entity("agreement/2")})  # fmt: skip
    assert row == {"e": "agreement/2", "start": 2026, "name": "TTHT 2026-2030",
                   "class": "https://hoptac.org/ontology#Agreement", "nothing": None}  # fmt: skip
    assert engine.query("ASK { ?s hop:partnerOf ?o }") == [{"result": True}]
    construct = "CONSTRUCT { ?s hop:partnerOf ?o } WHERE { ?s hop:partnerOf ?o }"
    assert engine.query(construct, {"o": Entity("foreign/JP-12")}) == [
        {"subject": "agency/VN-54/bg/phong-ngoai-vu", "predicate": "https://hoptac.org/ontology#partnerOf",
         "object": "foreign/JP-12"}]  # fmt: skip


def test_parameters_are_checked_against_the_declaration(engine: SparqlEngine) -> None:
    with pytest.raises(QueryError, match="unknown parameter 'country'; this query takes: place"):
        engine.query(named_query("partners_of"), {"place": "province/VN-54", "country": "LA"})
    with pytest.raises(QueryError, match=r"missing required parameter.*place"):
        engine.query(named_query("partners_of"), {})
    with pytest.raises(QueryError, match=r"'year'.*'soon' is not a valid integer"):
        engine.query(named_query("agreements_in_force"), {"year": "soon"})
    assert run(engine, "agreements_in_force", year="2023") == run(engine, "agreements_in_force", year=2023)


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DELETE WHERE { ?s ?p ?o }", "CLEAR ALL", "DROP DEFAULT",
    "LOAD <http://example.org/data.ttl>",
    "PREFIX hop: <https://hoptac.org/ontology#> DELETE DATA { <urn:a> hop:status 'x' }",
])  # fmt: skip
def test_updates_are_refused(update: str) -> None:
    engine = SparqlEngine.from_graph(small_graph())
    before = len(engine.store)
    with pytest.raises(QueryError, match="read-only"):
        engine.query(update)
    assert len(engine.store) == before


def test_malformed_query_names_the_position(engine: SparqlEngine) -> None:
    with pytest.raises(QueryError, match=r"malformed SPARQL query: error at 1:26"):
        engine.query("SELECT ?x WHERE { ?x ?y }")
    # with parameters (a VALUES block is inserted) the position is still the one in the query as written
    broken = "SELECT ?x WHERE { ?x ?y ?z . FILTER( }"
    messages = []
    for bindings in (None, {"z": 1}):
        with pytest.raises(QueryError, match=r"error at 1:\d+") as err:
            engine.query(broken, bindings)
        messages.append(str(err.value))
    assert messages[0] == messages[1]


def test_federated_queries_are_refused(engine: SparqlEngine) -> None:
    with pytest.raises(QueryError, match="SERVICE"):
        engine.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    assert engine.query("SELECT ?x WHERE { BIND('SERVICE' AS ?x) }") == [{"x": "SERVICE"}]  # a word in a string is fine


def test_row_limit_and_timeout(corpus_engine: SparqlEngine) -> None:
    with pytest.raises(QueryError, match="more than 10 rows"):
        corpus_engine.query("SELECT * WHERE { ?s ?p ?o }", row_limit=10)
    with pytest.raises(QueryError, match=r"did not finish within 0\.2 s"):
        corpus_engine.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.2, row_limit=10**9)


def test_unknown_named_query_lists_the_known_ones() -> None:
    with pytest.raises(NotFoundError, match=r"known: .*partners_of"):
        named_query("partner_of")


# -- the on-disk copy under the store ---------------------------------------------------------------


def test_store_copy_is_built_once_and_rebuilt_when_the_store_changes(tmp_path: Path, corpus_files: list[Path]) -> None:
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with Store(tmp_path / "store") as store:
        ingest_paths([str(corpus_files[0])], store)
        graphs = open_engine(store).query(query)[0]["n"]
        assert graphs >= 1
        state = (tmp_path / "store" / "oxigraph.state").stat().st_mtime_ns
        assert open_engine(store).query(query) == [{"n": graphs}]
        assert (tmp_path / "store" / "oxigraph.state").stat().st_mtime_ns == state  # not rebuilt
        ingest_paths([str(corpus_files[2])], store)
        assert open_engine(store).query(query)[0]["n"] == graphs + 1
