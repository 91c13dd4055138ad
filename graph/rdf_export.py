"""Whole-graph exports: RDF (TriG, N-Quads, Turtle, JSON-LD) and GraphML.

- `trig`, `nquads`, `jsonld`: the dataset of docs/rdf.md, with a named graph per source document;
- `turtle`: the default graph only (the merged graph, without per-document provenance — Turtle has
  no named graphs);
- `graphml`: the networkx projection; GraphML has no lists, so list properties and the evidence are
  JSON strings (`evidence` = `[{"document_id", "source", "section", "start", "end", "quote"}, ...]`).
"""

from __future__ import annotations

import io
import warnings
from typing import Any, BinaryIO

import networkx as nx
import orjson

from graph.errors import InputError
from graph.model import Evidence, GraphData
from graph.nx import to_networkx
from graph.rdf import bind_prefixes, to_dataset
from graph.rdf_nquads import iter_nquads

GRAPH_FORMATS = ("trig", "nquads", "turtle", "jsonld", "graphml")
_RDFLIB = {"trig": "trig", "jsonld": "json-ld"}


def _graphml_value(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return orjson.dumps(value, default=_evidence_json).decode()
    return value


def _evidence_json(obj: Any) -> Any:
    if isinstance(obj, Evidence):
        return obj.to_json()
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def graphml_graph(g: GraphData) -> nx.MultiDiGraph:
    """The networkx projection with every attribute a GraphML scalar (lists and evidence as JSON)."""
    G = to_networkx(g)
    for _, attrs in G.nodes(data=True):
        attrs.update({k: _graphml_value([e.to_json() for e in v] if k == "evidence" else v) for k, v in attrs.items()})
    for _, _, attrs in G.edges(data=True):
        attrs.update({k: _graphml_value([e.to_json() for e in v] if k == "evidence" else v) for k, v in attrs.items()})
    return G


def write_graph(g: GraphData, fmt: str, out: BinaryIO) -> None:
    """Write the whole graph to a binary stream in one of `GRAPH_FORMATS`."""
    if fmt == "nquads":
        for chunk in iter_nquads(g):
            out.write(chunk.encode("utf-8"))
    elif fmt in _RDFLIB:
        with warnings.catch_warnings():  # rdflib 7.6's serialisers call its own deprecated API
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
            out.write(to_dataset(g).serialize(format=_RDFLIB[fmt], encoding="utf-8"))
    elif fmt == "turtle":
        default = to_dataset(g).default_graph
        bind_prefixes(default)
        out.write(default.serialize(format="turtle", encoding="utf-8"))
    elif fmt == "graphml":
        nx.write_graphml(graphml_graph(g), out, encoding="utf-8")
    else:
        raise InputError(fmt, f"unknown graph format; choose one of {', '.join(GRAPH_FORMATS)}")


def graph_bytes(g: GraphData, fmt: str) -> bytes:
    """The whole export in memory (small graphs, tests)."""
    buf = io.BytesIO()
    write_graph(g, fmt, buf)
    return buf.getvalue()
