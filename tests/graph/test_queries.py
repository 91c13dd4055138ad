"""The named-query catalog and runner: every entry has its Cypher file with a header, parameters are
checked (unknown names and queries list the known ones), entity names resolve in any spelling."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from graph.errors import NotFoundError, QueryError
from graph.model import EdgeFact, GraphData, NodeFact
from graph.queries import (
    QUERIES_DIR,
    catalog,
    check_params,
    expand,
    finish,
    get_query,
    load_catalog,
    open_engine,
    resolve_entity,
    run,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small() -> GraphData:
    """Names as the corpus writes them (000_f94f0f2cb8a505fe.txt: "tỉnh Bắc Giang", "thành phố Bắc Giang")."""
    return GraphData.merge(
        [
            NodeFact("province/VN-54", "Province", {"name": "Bắc Giang", "aliases": ["Tỉnh Bắc Giang"]}),
            NodeFact("locality/VN-54/bac_giang", "Locality", {"name": "Bắc Giang", "aliases": ["Thành phố Bắc Giang"]}),
            NodeFact(
                "foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "name_vi": "Xay Sổm Bun", "country": "LA"}
            ),
            NodeFact("document/3d7abae918555c07", "Document", {"name": "Quyết định"}),
            EdgeFact("li/1", "LOCATED_IN", "locality/VN-54/bac_giang", "province/VN-54", {}),
            EdgeFact("pw/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", {"status": "signed"}),
        ]
    )


def test_queries_folder_is_found_next_to_the_package() -> None:
    spec = importlib.util.find_spec("graph")
    assert spec is not None and spec.origin is not None
    assert QUERIES_DIR == Path(spec.origin).resolve().parents[1] / "queries" == ROOT / "queries"
    assert (QUERIES_DIR / "catalog.yaml").is_file()


def test_every_catalog_entry_has_a_cypher_file_with_its_header() -> None:
    assert len(catalog()) >= 10
    for name, q in catalog().items():
        text = q.cypher
        header = [line for line in text.splitlines() if line.startswith("//")]
        assert header[0] == f"// name: {name}"
        assert any(line.startswith("// params:") for line in header), name
        assert any(line.startswith("// example: hoptac query " + name) for line in header), name
        assert any(line.startswith("// columns: " + ", ".join(q.columns)) for line in header), name
        for p in q.params:
            assert f"${p}" in text, f"{name} never uses ${p}"
        for col in q.columns:
            assert f"AS {col}" in text, f"{name} never returns {col}"


def test_no_cypher_file_without_a_catalog_entry() -> None:
    assert {p.stem for p in QUERIES_DIR.glob("*.cypher")} == set(catalog())


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match=r"no named query 'partner_of'; known: .*partners_of"):
        get_query("partner_of")


def test_parameters_are_checked_and_converted() -> None:
    q = get_query("partnerships")
    assert check_params(q, {"year_from": "2021", "country": "LA"}) == {
        "country": "LA", "status": None, "year_from": 2021, "year_to": None,
    }  # fmt: skip
    with pytest.raises(QueryError, match=r"unknown parameter\(s\) yr; its parameters: country, status, year_from"):
        check_params(q, {"yr": 2021})
    with pytest.raises(QueryError, match="'year_from' must be an integer, got '20x1'"):
        check_params(q, {"year_from": "20x1"})
    with pytest.raises(QueryError, match="must be an integer, got True"):
        check_params(q, {"year_to": True})
    with pytest.raises(QueryError, match="non-empty text"):
        check_params(q, {"country": "  "})
    with pytest.raises(QueryError, match=r"missing required parameter 'place' \(entity, e.g. province/VN-54\)"):
        check_params(get_query("partners_of"), {})


def test_entity_names_resolve_in_any_spelling(small: GraphData) -> None:
    assert resolve_entity("province/VN-54", small) == ["province/VN-54"]
    assert resolve_entity("province/VN-99", small) == ["province/VN-99"]  # an id: absent ids match nothing
    assert resolve_entity("bac giang", small) == ["locality/VN-54/bac_giang", "province/VN-54"]
    assert resolve_entity("Xay Som Bun", small) == resolve_entity("Xaisomboun", small) == ["foreign/LA-XS"]
    assert resolve_entity("3d7abae9", small) == ["document/3d7abae918555c07"]
    with pytest.raises(NotFoundError, match="no entity with id or name 'Atlantis'"):
        resolve_entity("Atlantis", small)


def test_each_resolution_is_one_parameter_set(small: GraphData) -> None:
    q = get_query("path_between")
    sets = expand(q, {"a": "Bắc Giang", "b": "foreign/LA-XS"}, small)
    assert sets == [
        {"a": "locality/VN-54/bac_giang", "b": "foreign/LA-XS"},
        {"a": "province/VN-54", "b": "foreign/LA-XS"},
    ]
    assert expand(q, {"a": "Bắc Giang", "b": "x"}, None) == [{"a": "Bắc Giang", "b": "x"}]


def test_rows_are_checked_ordered_distinct_and_plain() -> None:
    import datetime as dt

    q = get_query("documents_citing")
    rows = [
        {"date": dt.date(2024, 6, 1), "number": None, "doc_type": "Thông báo", "document": "document/b"},
        {"document": "document/a", "doc_type": "Kế hoạch", "number": None, "date": "2022-08"},
        {"document": "document/a", "doc_type": "Kế hoạch", "number": None, "date": "2022-08"},
    ]
    out = finish(q, rows, "test")
    assert [list(r) for r in out] == [list(q.columns)] * 2
    assert [r["document"] for r in out] == ["document/a", "document/b"]
    assert out[1]["date"] == "2024-06-01"
    with pytest.raises(QueryError, match=r"documents_citing on test returned columns \['document'\]; the catalog says"):
        finish(q, [{"document": "x"}], "test")


def test_run_resolves_names_and_merges_the_answers(small: GraphData) -> None:
    rows = run("partners_of", {"place": "Bắc Giang"}, open_engine("reference", graph=small), small)
    assert rows == [{
        "vn_party": "province/VN-54", "partner": "foreign/LA-XS", "country": "LA", "level": None,
        "status": "signed", "agreement": None,
    }]  # fmt: skip


def test_engines_by_name() -> None:
    with pytest.raises(QueryError, match="unknown engine 'gremlin'; engines: reference, embedded, sparql, neo4j"):
        open_engine("gremlin")
    with pytest.raises(QueryError, match="the reference engine needs the graph"):
        open_engine("reference")


def test_a_broken_catalog_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text("queries:\n  q:\n    params: {x: {type: float}}\n    columns: [a]\n")
    with pytest.raises(QueryError, match="query 'q' parameter 'x' needs a type among entity, string, integer"):
        load_catalog(tmp_path)
    with pytest.raises(QueryError, match="cannot be read"):
        load_catalog(tmp_path / "missing")
