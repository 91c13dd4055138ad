"""Answers in the SPARQL 1.1 result formats (JSON, XML, CSV, TSV; Turtle / N-Triples for graphs),
read-only, with a timeout and a row limit: what the HTTP endpoint needs, without HTTP.

>>> from graph.model import GraphData, NodeFact
>>> from graph.sparql import SparqlEngine
>>> engine = SparqlEngine.from_graph(GraphData.merge([NodeFact("country/LA", "Country", {"name": "Laos"})]))
>>> body, media = protocol_answer(engine, "ASK { ?s ?p ?o }", "application/sparql-results+json")
>>> media, body
('application/sparql-results+json', b'{"head":{},"boolean":true}')
"""

from __future__ import annotations

import io
import itertools
import threading
from typing import Any

import pyoxigraph

from graph.errors import QueryError
from graph.rdf_params import keywords
from graph.sparql import SparqlEngine, _prefixes, _syntax_message

RESULT_FORMATS = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "application/xml": pyoxigraph.QueryResultsFormat.XML,
    "text/csv": pyoxigraph.QueryResultsFormat.CSV,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
}
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"}


def _run(engine: SparqlEngine, text: str) -> Any:
    if "SERVICE" in keywords(text):
        raise QueryError("federated queries (SERVICE) are refused: hoptac queries only its own graph")
    if UPDATE_WORDS & keywords(text) and not {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"} & keywords(text):
        raise QueryError("SPARQL updates are refused: hoptac's SPARQL endpoint is read-only")
    try:
        return engine.store.query(text, prefixes=_prefixes())
    except SyntaxError as exc:
        raise QueryError(_syntax_message(text, str(exc))) from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from None


def _serialise(engine: SparqlEngine, text: str, media: str) -> tuple[bytes, str]:
    result = _run(engine, text)
    if isinstance(result, pyoxigraph.QueryTriples):
        fmt = GRAPH_FORMATS.get(media, pyoxigraph.RdfFormat.N_TRIPLES)
        out = io.BytesIO()
        result.serialize(out, format=fmt)
        return out.getvalue(), fmt.media_type
    results_format = RESULT_FORMATS.get(media, pyoxigraph.QueryResultsFormat.JSON)
    if isinstance(result, pyoxigraph.QuerySolutions):
        counted = _run(engine, text)  # a second, streaming pass enforces the row limit cheaply
        if sum(1 for _ in itertools.islice(counted, engine.row_limit + 1)) > engine.row_limit:
            raise QueryError(f"the query returns more than {engine.row_limit:,} rows; add a LIMIT or narrow it")
    out = io.BytesIO()
    result.serialize(out, format=results_format)
    return out.getvalue(), results_format.media_type


def protocol_answer(engine: SparqlEngine, text: str, media: str) -> tuple[bytes, str]:
    """The serialised answer and its media type; refuses updates and SERVICE; gives up after the
    engine's timeout (`QueryError`)."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["answer"] = _serialise(engine, text, media)
        except BaseException as exc:
            box["error"] = exc

    worker = threading.Thread(target=work, name="sparql-protocol", daemon=True)
    worker.start()
    worker.join(engine.timeout)
    if worker.is_alive():
        raise QueryError(f"the query did not finish within {engine.timeout:g} s")
    if "error" in box:
        raise box["error"]
    answer: tuple[bytes, str] = box["answer"]
    return answer
