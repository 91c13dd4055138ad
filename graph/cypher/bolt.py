"""Cypher over Bolt (Neo4j 5; FalkorDB's experimental Bolt side): `BoltEngine` for read queries and
`push`, which loads a GraphData with the official `neo4j` driver.

- Nodes: `UNWIND $rows AS row MERGE (n:Label:Hoptac {id: row.id}) SET n += row.props`; relationships
  likewise, matched between their labelled endpoints. Labels and types come from the schema, values
  only ever travel as parameters. Ids are stable, so pushing twice changes nothing.
- Every hoptac node carries the `Hoptac` label; `replace=True` first deletes those (and so their
  relationships) in batches.
- The server is told apart by `CALL dbms.components()` (FalkorDB announces itself as "Neo4j/5.13.0"
  but has no such procedure): Neo4j gets batches of rows, FalkorDB batches under its message limit
  (see `graph.cypher.batches`).
- A connection that hangs (FalkorDB's Bolt may hang a new connection after another client left) is
  given up after `timeout` seconds and retried; a server that is down is one QueryError line.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import neo4j
from neo4j import exceptions as nx

from graph.cypher import falkordb
from graph.cypher.batches import EVIDENCE, by_bytes, by_rows, split_row
from graph.cypher.readonly import check_read_only
from graph.cypher.rows import edge_groups, iter_rows, node_groups
from graph.cypher.schema_ddl import MARKER_LABEL, Flavour, bolt_ddl, falkordb_index_key
from graph.errors import QueryError
from graph.model import GraphData
from graph.schema import load_schema

if TYPE_CHECKING:
    from graph.queries import NamedQuery

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
DEFAULT_TIMEOUT = 5.0
RETRIES = 4
FALKORDB_MESSAGE_BYTES = 3500
NEO4J_BATCH_ROWS = 2000
T = TypeVar("T")
Row = dict[str, Any]


@dataclass(slots=True)
class PushReport:
    server: str
    nodes: int = 0
    relationships: int = 0
    statements: int = 0
    deleted: int = 0
    seconds: float = 0.0

    @property
    def relationships_per_second(self) -> float:
        return self.relationships / self.seconds if self.seconds else 0.0


class BoltEngine:
    """One driver (one pooled connection) to a Bolt server; read queries and the push."""

    name = "neo4j"

    def __init__(self, driver: neo4j.Driver, uri: str, database: str | None, retries: int = RETRIES) -> None:
        self.driver, self.uri, self.database, self.retries = driver, uri, database, retries
        self._flavour: Flavour | None = None

    @classmethod
    def connect(
        cls, uri: str, user: str | None = None, password: str | None = None, database: str | None = None,
        timeout: float = DEFAULT_TIMEOUT, retries: int = RETRIES,
    ) -> BoltEngine:  # fmt: skip
        """Connect (and check the connection) or raise one QueryError line."""
        if uri.partition("://")[0] not in BOLT_SCHEMES:
            raise QueryError(f"{uri}: not a usable Bolt address (schemes: {', '.join(BOLT_SCHEMES)})")
        try:
            driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password or "") if user else None, connection_timeout=timeout,
                connection_acquisition_timeout=timeout, max_connection_pool_size=1,
            )  # fmt: skip
        except (ValueError, nx.ConfigurationError) as exc:
            raise QueryError(f"{uri}: not a usable Bolt address: {exc}") from None
        engine = cls(driver, uri, database, retries)
        engine._retry(lambda: driver.verify_connectivity())
        return engine

    def _retry(self, work: Callable[[], T]) -> T:
        for attempt in range(self.retries):
            try:
                return work()
            except (nx.ServiceUnavailable, nx.SessionExpired) as exc:
                if attempt == self.retries - 1:
                    raise QueryError(f"cannot reach the Bolt server at {self.uri}: {_first_line(exc)}") from None
            except nx.AuthError as exc:
                raise QueryError(f"{self.uri}: authentication failed: {_first_line(exc)}") from None
            except nx.Neo4jError as exc:
                raise QueryError(_server_error(self.uri, exc)) from None
        raise AssertionError("unreachable")

    def run(self, text: str, params: Row | None = None) -> list[Row]:
        """Any statement (used by `push`; `query` is the read-only entry point)."""
        if params and self.flavour == "falkordb":
            params = falkordb.escape(params)
        return self._send(text, params)

    def _send(self, text: str, params: Row | None, read: bool = False) -> list[Row]:
        """A statement with its parameters as they go on the wire; `read` asks for a read session."""
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS

        def work() -> list[Row]:
            with self.driver.session(database=self.database, default_access_mode=mode) as session:
                return [r.data() for r in session.run(text, params or {})]

        return self._retry(work)

    def query(self, text: str, params: Row | None = None) -> list[Row]:
        """A read query; write clauses are refused before anything is sent."""
        check_read_only(text)
        if self.flavour == "falkordb":  # a read session there reads another graph (see graph.cypher.falkordb)
            return self._send(text, falkordb.escape(params) if params else params)
        return self._send(text, params, read=True)

    def run_named(self, q: NamedQuery, params: Row) -> list[Row]:
        return self.query(q.cypher, params)

    @property
    def flavour(self) -> Flavour:
        if self._flavour is None:
            try:
                self._send("CALL dbms.components() YIELD name RETURN name", None)
                self._flavour = "neo4j"
            except QueryError:
                self._flavour = "falkordb"
        return self._flavour

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> BoltEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- loading -----------------------------------------------------------------------------------

    def ensure_indexes(self) -> None:
        statements = bolt_ddl(self.flavour)
        if self.flavour == "falkordb":  # no IF NOT EXISTS there: skip the indexes it has
            have = {
                (r["entitytype"], r["label"])
                for r in self.run("CALL db.indexes() YIELD label, entitytype RETURN label, entitytype")
            }
            statements = [s for s in statements if falkordb_index_key(s) not in have]
        for s in statements:
            self.run(s)

    def clear(self) -> int:
        """Delete every node hoptac loaded (and its relationships); returns how many."""
        total = 0
        while True:
            n = self.run(f"MATCH (n:{MARKER_LABEL}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n")[0]["n"]
            total += int(n)
            if not n:
                return total

    def push(self, g: GraphData, replace: bool = False, batch_bytes: int | None = None,
             batch_rows: int = NEO4J_BATCH_ROWS) -> PushReport:  # fmt: skip
        """Load `g`; see the module docstring. `batch_bytes` defaults to FalkorDB's safe size there."""
        t0 = time.perf_counter()
        report = PushReport(self.flavour)
        if self.flavour == "falkordb":
            batch_bytes = batch_bytes or FALKORDB_MESSAGE_BYTES
        self.ensure_indexes()
        if replace:
            report.deleted = self.clear()
        for kind, merge, append, rows in _statements(g):
            report.statements += self._load(merge, append, rows, batch_bytes, batch_rows)
            if kind == "node":
                report.nodes += len(rows)
            else:
                report.relationships += len(rows)
        report.seconds = time.perf_counter() - t0
        return report

    def _load(self, merge: str, append: str, rows: list[Row], batch_bytes: int | None, batch_rows: int) -> int:
        if batch_bytes is None:
            batches = list(by_rows(rows, batch_rows))
            for b in batches:
                self.run(merge, {"rows": b})
            return len(batches)
        budget = batch_bytes - max(len(merge.encode()), len(append.encode())) - 100
        wire = [falkordb.escape(r) for r in rows] if self.flavour == "falkordb" else rows
        pieces = [split_row(r, budget) for r in wire]
        count = 0
        for b in by_bytes((p[0] for p in pieces), budget):
            self._send(merge, {"rows": b})
            count += 1
        for k in range(1, max((len(p) for p in pieces), default=1)):
            for b in by_bytes((p[k] for p in pieces if len(p) > k), budget):
                self._send(append, {"rows": b})
                count += 1
        return count


def _statements(g: GraphData) -> Iterator[tuple[str, str, str, list[Row]]]:
    """(kind, merge statement, evidence-append statement, rows) per node label and relationship group."""
    schema = load_schema()
    extend = ", ".join(f"x.{k} = x.{k} + row.{k}" for k in EVIDENCE)
    for type_name, nodes in node_groups(g).items():
        label = schema.node(type_name).cypher_label
        rows = [{"id": r["id"], "props": r} for r in iter_rows(nodes)]
        yield (
            "node",
            f"UNWIND $rows AS row MERGE (n:{label}:{MARKER_LABEL} {{id: row.id}}) SET n += row.props",
            f"UNWIND $rows AS row MATCH (x:{label} {{id: row.id}}) SET {extend}",
            rows,
        )
    for (etype, src, dst), edges in edge_groups(g).items():
        rel, a, b = schema.edge(etype).cypher_type, schema.node(src).cypher_label, schema.node(dst).cypher_label
        rows = [
            {"id": e.id, "src": e.source, "dst": e.target, "props": r}
            for e, r in zip(edges, iter_rows(edges), strict=True)
        ]
        match = f"UNWIND $rows AS row MATCH (a:{a} {{id: row.src}}) MATCH (b:{b} {{id: row.dst}})"
        yield (
            "relationship",
            f"{match} MERGE (a)-[r:{rel} {{id: row.id}}]->(b) SET r += row.props",
            f"{match} MATCH (a)-[x:{rel} {{id: row.id}}]->(b) SET {extend}",
            rows,
        )


def push(
    g: GraphData, uri: str, user: str | None = None, password: str | None = None, database: str | None = None,
    replace: bool = False, batch_bytes: int | None = None, timeout: float = DEFAULT_TIMEOUT,
) -> PushReport:  # fmt: skip
    """Connect, load `g` (see `BoltEngine.push`) and close."""
    with BoltEngine.connect(uri, user, password, database, timeout) as engine:
        return engine.push(g, replace=replace, batch_bytes=batch_bytes)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[-1].strip() if "\n" in text else text


def _server_error(uri: str, exc: nx.Neo4jError) -> str:
    message = exc.message or str(exc)
    if "unknown error" in message.lower():
        return (f"{uri}: the server rejected the statement without saying why (FalkorDB's Bolt side answers "
                f"every error so; check the syntax, e.g. with `hoptac cypher` on the embedded engine)")  # fmt: skip
    return f"{uri}: {exc.code or 'error'}: {message}"
