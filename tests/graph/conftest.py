"""Shared fixtures for the graph tests: the sample corpus run through the whole pipeline and
consolidated (the graph `Store.load_graph()` gives), and a SPARQL engine loaded with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.consolidate import consolidate
from graph.model import GraphData
from graph.sparql import SparqlEngine
from ingest.pipeline import build_record
from ingest.readers import read_document

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="session")
def corpus_graph() -> GraphData:
    facts = []
    for path in sorted(CORPUS.glob("*.txt")):
        facts.extend(build_record(read_document(path)).facts)
    return consolidate(GraphData.merge(facts))


@pytest.fixture(scope="session")
def corpus_engine(corpus_graph: GraphData) -> SparqlEngine:
    return SparqlEngine.from_graph(corpus_graph)


def doc_id_of(g: GraphData, corpus_prefix: str) -> str:
    """The id of the ingested corpus document whose file name starts with `corpus_prefix` (e.g. "002")."""
    ingested = {ev.document_id for x in [*g.nodes.values(), *g.edges.values()] for ev in x.evidence}
    (doc,) = [
        n.id for n in g.nodes_of("Document")
        if n.id in ingested and Path(str(n.props.get("source", ""))).name.startswith(corpus_prefix)
    ]  # fmt: skip
    return doc
