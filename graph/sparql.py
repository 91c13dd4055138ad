"""SPARQL on Oxigraph (pyoxigraph): the graph bulk-loaded from N-Quads, read-only queries with
parameters, a timeout and a row limit; results with hoptac ids instead of entity IRIs.

rdflib's own store is not used for querying: with a named graph per source it is 10-1000x slower.
A literal of datatype `rdf:JSON` in a result (how a query returns a list, e.g. a path) comes back as
the JSON value, entity IRIs in it as ids.

>>> from graph.model import GraphData, NodeFact
>>> engine = SparqlEngine.from_graph(GraphData.merge([NodeFact("country/LA", "Country", {"name": "Lào"})]))
>>> engine.query("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?c ?n { ?c rdfs:label ?n }")
[{'c': 'country/LA', 'n': 'Lào'}]
>>> engine.query("SELECT ?x { ?x ?p ?o }", {"o": "Lào"})
[{'x': 'country/LA'}]
"""

from __future__ import annotations

import io
import itertools
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import orjson
import pyoxigraph
from rdflib.plugins.sparql.parser import parseUpdate

from graph.errors import NotFoundError, QueryError
from graph.model import GraphData
from graph.rdf_nquads import iter_nquads
from graph.rdf_params import Entity, bind, declared_params, keywords, with_values
from graph.rdf_terms import ID_NS, XSD_NS, entity_id
from graph.rdf_values import Lit, from_literal
from graph.schema import load_schema

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
DEFAULT_TIMEOUT = 30.0
DEFAULT_ROW_LIMIT = 100_000

Row = dict[str, Any]
RDF_JSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
_TEXT = frozenset({XSD_NS + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"})


class Answer(NamedTuple):
    """A query's columns (in the order it selects them) and its rows."""

    columns: list[str]
    rows: list[Row]


class _ChunkStream(io.RawIOBase):
    """A binary stream over an iterator of text chunks, for `bulk_load` without one big string."""

    def __init__(self, chunks: Iterable[str]) -> None:
        self._chunks = iter(chunks)
        self._batch = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self._batch:
            self._batch = memoryview("".join(itertools.islice(self._chunks, 4096)).encode("utf-8"))
        n = min(len(buffer), len(self._batch))
        buffer[:n] = self._batch[:n]
        self._batch = self._batch[n:]
        return n


def load_nquads(store: pyoxigraph.Store, g: GraphData) -> None:
    """Bulk-load the graph's N-Quads into an Oxigraph store, streamed."""
    store.bulk_load(io.BufferedReader(_ChunkStream(iter_nquads(g)), 1 << 20), pyoxigraph.RdfFormat.N_QUADS)


def write_disk_store(g: GraphData, folder: Path) -> None:
    """Bulk-load the graph into a new on-disk (RocksDB) Oxigraph store in `folder`, then close it."""
    store = pyoxigraph.Store(str(folder))
    load_nquads(store, g)
    store.flush()
    del store  # releases the RocksDB folder


@lru_cache(maxsize=1 << 16)
def _iri_value(iri: str) -> str:
    return entity_id(iri) if iri.startswith(ID_NS) else iri


def python_value(term: Any) -> Any:
    """A result term as Python: entity IRIs as hoptac ids, literals as values, other IRIs as text."""
    if term is None:
        return None
    kind = type(term)
    if kind is pyoxigraph.NamedNode:
        return _iri_value(term.value)
    if kind is pyoxigraph.Literal:
        datatype = term.datatype.value
        if datatype in _TEXT:
            return term.value
        if datatype == RDF_JSON:
            return _ids_in(orjson.loads(term.value))
        return from_literal(Lit(term.value, datatype, term.language))
    if kind is pyoxigraph.BlankNode:
        return f"_:{term.value}"
    return str(term)


def _ids_in(value: Any) -> Any:
    """A JSON value built by a query (`rdf:JSON`), with entity IRIs in it turned into ids."""
    if isinstance(value, list):
        return [_ids_in(v) for v in value]
    if isinstance(value, dict):
        return {k: _ids_in(v) for k, v in value.items()}
    if isinstance(value, str) and value.startswith(ID_NS):
        return entity_id(value)
    return value


def _prefixes() -> dict[str, str]:
    return {**load_schema().namespaces, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


class SparqlEngine:
    """Read-only SPARQL over one Oxigraph store holding the graph as an RDF dataset (docs/rdf.md).

    The schema's prefixes (`hop:`, `hopid:`, `prov:`, `rdfs:`, ...) are predeclared. Queries see the
    default graph (the merged graph); `GRAPH ?doc { ... }` reaches the per-document graphs.
    """

    def __init__(
        self, store: pyoxigraph.Store, timeout: float = DEFAULT_TIMEOUT, row_limit: int = DEFAULT_ROW_LIMIT
    ) -> None:
        self.store = store
        self.timeout = timeout
        self.row_limit = row_limit

    @classmethod
    def from_graph(cls, g: GraphData, **options: Any) -> SparqlEngine:
        """An in-memory store loaded with `g` (quick to build; see `open_disk` for big graphs)."""
        store = pyoxigraph.Store()
        load_nquads(store, g)
        return cls(store, **options)

    @classmethod
    def open_disk(cls, folder: Path, **options: Any) -> SparqlEngine:
        """A read-only engine over an on-disk store written by `write_disk_store`. Slower to build than
        in memory, but its indexes keep lookups on high-degree units fast (see docs/rdf.md)."""
        return cls(pyoxigraph.Store.read_only(str(folder)), **options)

    def query(
        self, text: str, bindings: dict[str, Any] | None = None, *, timeout: float | None = None,
        row_limit: int | None = None,
    ) -> list[Row]:  # fmt: skip
        """Run a read-only query; rows map each selected variable to a Python value (None if unbound).

        ASK gives `[{"result": bool}]`; CONSTRUCT and DESCRIBE give rows `subject, predicate, object`.
        `bindings` are checked against the parameters the query declares (see `graph.rdf_params`).
        """
        return self.answer(text, bindings, timeout=timeout, row_limit=row_limit).rows

    def answer(
        self, text: str, bindings: dict[str, Any] | None = None, *, timeout: float | None = None,
        row_limit: int | None = None,
    ) -> Answer:  # fmt: skip
        """Like `query`, with the column names (known even when there are no rows)."""
        if "SERVICE" in keywords(text):
            raise QueryError("federated queries (SERVICE) are refused: hoptac queries only its own graph")
        final = with_values(text, bind(text, bindings))
        limit = self.row_limit if row_limit is None else row_limit
        return _with_timeout(lambda stop: self._rows(final, text, limit, stop), timeout or self.timeout)

    def _rows(self, text: str, original: str, limit: int, stop: threading.Event) -> Answer:
        """Runs in the worker thread, which must also drop Oxigraph's result objects (not sendable)."""
        result: Any = None
        item: Any = None
        rows: list[Row] = []
        try:
            result = self.store.query(text, prefixes=_prefixes())
            if isinstance(result, pyoxigraph.QueryBoolean):
                return Answer(["result"], [{"result": bool(result)}])
            if isinstance(result, pyoxigraph.QueryTriples):
                for item in result:
                    rows.append({"subject": python_value(item.subject), "predicate": python_value(item.predicate),
                                 "object": python_value(item.object)})  # fmt: skip
                    _check(rows, limit, stop)
                return Answer(["subject", "predicate", "object"], rows)
            names = [v.value for v in result.variables]
            for item in result:
                rows.append({n: python_value(v) for n, v in zip(names, item, strict=True)})
                _check(rows, limit, stop)
            return Answer(names, rows)
        except SyntaxError as exc:
            raise QueryError(_syntax_message(original, _position_in(original, str(exc)))) from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from None
        finally:
            result = item = None


def _check(rows: list[Row], limit: int, stop: threading.Event) -> None:
    if len(rows) > limit:
        raise QueryError(f"the query returns more than {limit:,} rows; add a LIMIT or narrow it")
    if stop.is_set():
        raise QueryError("cancelled")


def _position_in(original: str, message: str) -> str:
    """The parser's message for the query as written (the VALUES block for parameters moves columns)."""
    try:
        pyoxigraph.Store().query(original)  # an empty store: parsing is all that happens
    except SyntaxError as exc:
        return str(exc)
    except Exception:
        pass
    return message


def _syntax_message(text: str, message: str) -> str:
    """A malformed query's message (Oxigraph's gives line:column); an update is refused by name."""
    try:
        parseUpdate(text)
    except Exception:
        return f"malformed SPARQL query: {message}"
    return "SPARQL updates are refused: hoptac's SPARQL endpoint is read-only"


def _with_timeout(work: Callable[[threading.Event], Answer], timeout: float) -> Answer:
    """Run `work` in a worker thread (Oxigraph releases the GIL) and give up after `timeout` seconds.

    A query that streams rows stops at the next row; one that sorts or groups first finishes its
    step in the background (Oxigraph cannot be interrupted), but the caller is answered on time.
    """
    out: dict[str, Any] = {}
    stop = threading.Event()

    def run() -> None:
        try:
            out["rows"] = work(stop)
        except BaseException as exc:
            out["error"] = exc

    worker = threading.Thread(target=run, name="sparql-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        stop.set()
        raise QueryError(f"the query did not finish within {timeout:g} s")
    if "error" in out:
        raise out["error"]
    answer: Answer = out["rows"]
    return answer


def named_query(name: str, folder: Path = QUERIES_DIR) -> str:
    """The text of `queries/<name>.rq`."""
    path = folder / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.rq")))
        raise NotFoundError(f"no SPARQL query {name!r} in {folder}; known: {known}")
    return path.read_text(encoding="utf-8")


__all__ = [
    "Answer", "Entity", "SparqlEngine", "declared_params", "load_nquads", "named_query", "python_value",
    "write_disk_store",
]  # fmt: skip
