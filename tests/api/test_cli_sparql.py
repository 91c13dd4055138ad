"""`hoptac sparql` (query text, .rq file, named query; table, JSON, CSV; errors) and
`hoptac export graph` (TriG, N-Quads, Turtle, JSON-LD, GraphML) on a store holding the corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.errors import InputError, QueryError
from graph.store import Store
from ingest.pipeline import ingest_paths

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()
UNDER_WHICH = "SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?a hop:partnerOf ?b } }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli-sparql") / "store"
    with Store(folder) as st:
        ingest_paths([str(CORPUS)], st)
    return str(folder)


def invoke(*args: str) -> tuple[int, str, BaseException | None]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output, result.exception


def test_sparql_text_with_entity_parameters_as_json(store_dir: str) -> None:
    code, out, _ = invoke("sparql", UNDER_WHICH, "-p", "a=<province/VN-54>", "-p", "b=<foreign/LA-XS>",
                          "--format", "json", "--store", store_dir)  # fmt: skip
    assert code == 0, out
    docs = {r["doc"] for r in json.loads(out)}
    assert len(docs) == 3 and all(d.startswith("document/") for d in docs)


def test_named_query_by_name_and_by_file_as_csv(store_dir: str) -> None:
    code, out, _ = invoke("sparql", "partners_of", "--param", "place=province/VN-54", "--format", "csv",
                          "--store", store_dir)  # fmt: skip
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["vn_party", "partner", "country", "level", "status", "agreement"]
    assert {"province/VN-54", "foreign/LA-XS"} <= {v for r in rows for v in r.values()}
    path = Path(__file__).resolve().parents[2] / "queries" / "partners_of.rq"
    code, same, _ = invoke("sparql", str(path), "-p", "place=province/VN-54", "--format", "csv", "--store", store_dir)
    assert code == 0 and sorted(same.splitlines()) == sorted(out.splitlines())


def test_table_output_names_the_columns_even_without_rows(store_dir: str) -> None:
    code, out, _ = invoke("sparql", "agreements_in_force", "-p", "year=1900", "--store", store_dir)
    assert code == 0, out
    assert "0 rows" in out and "instrument" in out


def test_errors_are_hoptac_errors(store_dir: str) -> None:
    code, _, exc = invoke("sparql", "SELECT ?x WHERE { ?x ?y }", "--store", store_dir)
    assert code == 1 and isinstance(exc, QueryError) and "error at 1:26" in str(exc)
    code, _, exc = invoke("sparql", "DELETE WHERE { ?s ?p ?o }", "--store", store_dir)
    assert code == 1 and isinstance(exc, QueryError) and "read-only" in str(exc)
    code, _, exc = invoke("sparql", "partners_of", "-p", "place", "--store", store_dir)
    assert code == 1 and isinstance(exc, InputError)


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld"])
def test_export_graph_rdf_formats_load_in_oxigraph(fmt: str, store_dir: str, tmp_path: Path) -> None:
    out = tmp_path / f"graph.{fmt}"
    code, text, _ = invoke("export", "graph", "--format", fmt, "--out", str(out), "--store", store_dir)
    assert code == 0, text
    store = pyoxigraph.Store()
    rdf_format = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS,
                  "turtle": pyoxigraph.RdfFormat.TURTLE, "jsonld": pyoxigraph.RdfFormat.JSON_LD}[fmt]  # fmt: skip
    store.load(path=str(out), format=rdf_format)
    named = {q.graph_name for q in store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)}
    assert len(store) > 1_000
    assert (len(named) >= 5) == (fmt != "turtle")  # Turtle is the merged graph only


def test_export_graph_graphml_to_stdout(store_dir: str) -> None:
    code, out, _ = invoke("export", "graph", "--format", "graphml", "--store", store_dir)
    assert code == 0
    G = nx.read_graphml(io.BytesIO(out.encode()))
    assert G.nodes["province/VN-54"]["type"] == "Province"
    assert json.loads(G.nodes["province/VN-54"]["evidence"])[0]["document_id"].startswith("document/")
