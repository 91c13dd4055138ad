"""/sparql (SPARQL 1.1 Protocol), /cypher and /queries: answers, content negotiation, and refusals."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

PARTNERS_OF_BG = """
PREFIX hop: <https://hoptac.org/ontology#>
SELECT ?partner WHERE { <https://hoptac.org/id/province/VN-54> hop:partnerOf ?partner }
"""
UNDER_WHICH_DOCUMENT = r"""
PREFIX hop: <https://hoptac.org/ontology#>
PREFIX id: <https://hoptac.org/id/>
SELECT DISTINCT ?doc WHERE { GRAPH ?doc { id:province\/VN-54 hop:partnerOf id:foreign\/LA-XS } }
"""


def test_sparql_get_json(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": PARTNERS_OF_BG})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    values = {b["partner"]["value"] for b in r.json()["results"]["bindings"]}
    assert "https://hoptac.org/id/foreign/LA-XS" in values


def test_sparql_named_graph_per_document(client: TestClient) -> None:
    r = client.post("/sparql", data={"query": UNDER_WHICH_DOCUMENT})
    docs = {b["doc"]["value"].rsplit("/", 1)[-1] for b in r.json()["results"]["bindings"]}
    assert len(docs) == 3  # stated by three of the five documents


@pytest.mark.parametrize(
    "accept, media",
    [("application/sparql-results+xml", "application/sparql-results+xml"), ("text/csv", "text/csv"),
     ("text/tab-separated-values", "text/tab-separated-values")],
)  # fmt: skip
def test_sparql_content_negotiation(client: TestClient, accept: str, media: str) -> None:
    r = client.get("/sparql", params={"query": PARTNERS_OF_BG}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    if media == "text/csv":
        assert any("LA-XS" in row["partner"] for row in csv.DictReader(io.StringIO(r.text)))


def test_sparql_post_body(client: TestClient) -> None:
    r = client.post("/sparql", content=PARTNERS_OF_BG, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and r.json()["results"]["bindings"]


@pytest.mark.parametrize(
    "how",
    ["get-update", "post-update-form", "post-update-type", "update-as-query"],
)
def test_sparql_updates_are_refused(client: TestClient, how: str) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if how == "get-update":
        r = client.get("/sparql", params={"update": update})
    elif how == "post-update-form":
        r = client.post("/sparql", data={"update": update})
    elif how == "post-update-type":
        r = client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"})
    else:
        r = client.get("/sparql", params={"query": update})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_sparql_malformed_and_service(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "SELEC ?x WHERE { ?x ?y ?z }"})
    assert r.status_code == 400 and "malformed" in r.json()["detail"]
    r = client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 400 and "SERVICE" in r.json()["detail"]


def test_cypher_reads(client: TestClient) -> None:
    r = client.post("/cypher", json={"query": "MATCH (p:Province {id: $id})-[:PARTNERS_WITH]->(f) RETURN f.id AS id",
                                     "params": {"id": "province/VN-54"}})  # fmt: skip
    assert r.status_code == 200
    assert "foreign/LA-XS" in {row["id"] for row in r.json()["rows"]}


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Province {id: 'x'})",
        "MATCH (n) SET n.name = 'x'",
        "MATCH (n) DELETE n",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n) REMOVE n.name",
        "MERGE (n:Country {id: 'country/XX'})",
        "DROP TABLE Province",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        "CALL db.clearQueryCaches()",
        "MATCH (n) CALL { WITH n SET n.x = 1 } RETURN n",
        "match (n) sEt n.x = 1",
        "MATCH (n) RETURN n UNION MATCH (m) DeTaCh DeLeTe m",
    ],
)
def test_cypher_writes_are_refused(client: TestClient, query: str) -> None:
    r = client.post("/cypher", json={"query": query})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_cypher_keywords_inside_strings_are_fine(client: TestClient) -> None:
    r = client.post("/cypher", json={"query": "MATCH (p:Province) WHERE p.name = 'CREATE' RETURN p.id AS id"})
    assert r.status_code == 200 and r.json()["rows"] == []


def test_named_queries(client: TestClient) -> None:
    names = {q["name"] for q in client.get("/queries").json()}
    assert {"partners_of", "lineage", "path_between", "agreements_in_force"} <= names
    r = client.get("/queries/partners_of", params={"place": "province/VN-54"})
    assert r.status_code == 200 and "foreign/LA-XS" in {row["partner"] for row in r.json()["items"]}
    same = client.get("/queries/partners_of", params={"place": "province/VN-54", "engine": "sparql"}).json()
    assert same["items"] == r.json()["items"]
    unknown = client.get("/queries/nope")
    assert unknown.status_code == 404 and "partners_of" in unknown.json()["detail"]
    missing = client.get("/queries/partners_of")
    assert missing.status_code == 400 and "place" in missing.json()["detail"]
