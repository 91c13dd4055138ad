# ruff: noqa: F811  (pytest fixtures imported by name)
"""`hoptac query`, `hoptac cypher` and `hoptac neo4j push` on the corpus store; the Bolt server is a real
FalkorDB (tests/conftest_falkordb.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from graph.cypher.falkordb_server import free_port as _free_port
from graph.errors import QueryError
from graph.queries import catalog, get_query
from tests.conftest_falkordb import TEST_TIMEOUT, falkordb_uri  # noqa: F401

runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, BaseException | None]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.exception


def test_list_shows_every_named_query() -> None:
    code, out, _ = invoke("query", "--list")
    assert code == 0
    for name in catalog():
        assert name in out


def test_a_name_in_any_spelling_and_every_local_engine_agree(corpus_store: Path) -> None:
    answers = {}
    for engine in ("embedded", "reference", "sparql"):
        code, out, exc = invoke("query", "partners_of", "-p", "place=Bắc Giang", "--engine", engine,
                                "--format", "json", "--store", str(corpus_store))  # fmt: skip
        assert code == 0, exc
        answers[engine] = json.loads(out)
    assert answers["embedded"] == answers["reference"] == answers["sparql"]
    assert any(r["vn_party"] == "province/VN-54" and r["partner"] == "foreign/LA-XS" for r in answers["embedded"])


def test_csv_and_table_output(corpus_store: Path) -> None:
    code, out, _ = invoke("query", "partnerships", "-p", "country=LA", "--format", "csv", "--store", str(corpus_store))
    assert code == 0 and out.splitlines()[0] == ",".join(get_query("partnerships").columns)
    code, out, _ = invoke("query", "agreements_in_force", "-p", "year=2023", "--store", str(corpus_store))
    assert code == 0 and "agreements_in_force on embedded" in out


def test_bad_names_and_parameters_are_clear_errors(corpus_store: Path) -> None:
    _, _, exc = invoke("query", "partner_of", "--store", str(corpus_store))
    assert isinstance(exc, QueryError) and "known: activities_by_lead" in str(exc)
    _, _, exc = invoke("query", "agreements_in_force", "-p", "year=soon", "--store", str(corpus_store))
    assert isinstance(exc, QueryError) and "'year' must be an integer, got 'soon'" in str(exc)
    _, _, exc = invoke("query", "agreements_in_force", "-p", "year", "--store", str(corpus_store))
    assert exc is not None and "name=value" in str(exc)


def test_cypher_on_the_embedded_engine(corpus_store: Path, tmp_path: Path) -> None:
    q = "MATCH (p:Province) WHERE p.name = $name RETURN p.id AS id"
    code, out, _ = invoke("cypher", q, "-p", "name=Bắc Giang", "--format", "json", "--store", str(corpus_store))
    assert code == 0 and json.loads(out) == [{"id": "province/VN-54"}]
    path = tmp_path / "count.cypher"
    path.write_text("// how many agreements\nMATCH (a:Agreement) RETURN count(*) AS n\n", encoding="utf-8")
    code, out, _ = invoke("cypher", str(path), "--format", "json", "--store", str(corpus_store))
    assert code == 0 and json.loads(out)[0]["n"] > 0
    _, _, exc = invoke("cypher", "MATCH (n) DETACH DELETE n", "--store", str(corpus_store))
    assert isinstance(exc, QueryError) and "refused" in str(exc)
    _, _, exc = invoke("cypher", "MATCH (n RETURN n", "--store", str(corpus_store))
    assert isinstance(exc, QueryError) and "line: 1" in str(exc)


def test_neo4j_push_twice_then_query_over_bolt(corpus_store: Path, falkordb_uri: str) -> None:
    env = {"NEO4J_URI": falkordb_uri, "NEO4J_DATABASE": "cli-tests"}
    outs = []
    for extra in (["--replace"], []):
        code, out, exc = invoke(
            "neo4j", "push", "--store", str(corpus_store), "--timeout", str(TEST_TIMEOUT), *extra, env=env
        )
        assert code == 0, exc
        outs.append(re.findall(r"([\d,]+) nodes and ([\d,]+) relationships", out))
    assert outs[0] == outs[1] and len(outs[0]) == 1 and "deleted" not in out
    code, out, exc = invoke("query", "partners_of", "-p", "place=province/VN-54", "--engine", "neo4j", "--format",
                            "json", "--timeout", str(TEST_TIMEOUT), "--store", str(corpus_store), env=env)  # fmt: skip
    assert code == 0, exc
    _, out2, _ = invoke(
        "query", "partners_of", "-p", "place=province/VN-54", "--format", "json", "--store", str(corpus_store)
    )
    assert json.loads(out) == json.loads(out2) != []
    code, out, exc = invoke("cypher", "MATCH (n:Hoptac) RETURN count(n) AS n", "--uri", falkordb_uri, "--database",
                            "cli-tests", "--format", "json", "--timeout", str(TEST_TIMEOUT))  # fmt: skip
    assert code == 0 and json.loads(out)[0]["n"] > 0, exc


def test_a_server_that_is_down_is_one_line_and_exit_1(corpus_store: Path) -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    env = {**os.environ, "COLUMNS": "400", "NEO4J_URI": uri}
    hoptac = Path(sys.executable).with_name("hoptac")
    proc = subprocess.run([str(hoptac), "neo4j", "push", "--store", str(corpus_store), "--timeout", "1"],
                          capture_output=True, text=True, env=env, timeout=120)  # fmt: skip
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot reach the Bolt server at {uri}")
