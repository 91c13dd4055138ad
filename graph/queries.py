"""Named queries: the catalog (`queries/catalog.yaml`), their Cypher and SPARQL texts, parameter
checks, name resolution and the runner that gives the same rows on every engine.

`queries/` is data at the repository root, found next to the `graph` package — in a source
checkout and in an editable install (`pip install -e .`) alike.

>>> from graph.model import EdgeFact, GraphData, NodeFact
>>> g = GraphData.merge([
...     NodeFact("province/VN-54", "Province", {"name": "Bắc Giang"}),
...     NodeFact("foreign/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "country": "LA"}),
...     EdgeFact("pw/1", "PARTNERS_WITH", "province/VN-54", "foreign/LA-XS", {"status": "signed"})])
>>> rows = run("partners_of", {"place": "bac giang"}, open_engine("reference", graph=g), graph=g)
>>> [(r["vn_party"], r["partner"], r["status"]) for r in rows]
[('province/VN-54', 'foreign/LA-XS', 'signed')]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import orjson
import yaml

from graph.errors import NotFoundError, QueryError
from graph.model import GraphData
from graph.partnerships import matching_nodes
from graph.schema import load_schema

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
PARAM_TYPES = ("entity", "string", "integer")
ENGINES = ("reference", "embedded", "sparql", "neo4j")
Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    required: bool = False
    example: Any = None


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """One catalog entry; `cypher` and `sparql` read `queries/<name>.cypher` / `.rq`."""

    name: str
    description: str
    params: dict[str, Param]
    columns: tuple[str, ...]
    folder: Path

    @property
    def summary(self) -> str:
        """The description without its 'Exactly:' definition."""
        return self.description.split(" Exactly:", 1)[0]

    def text(self, ext: str) -> str:
        path = self.folder / f"{self.name}.{ext}"
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{path}: cannot read the {ext} text of query {self.name!r}: {exc}") from None

    @property
    def cypher(self) -> str:
        return self.text("cypher")

    @property
    def sparql(self) -> str:
        return self.text("rq")


def _param(qname: str, name: str, spec: Any) -> Param:
    if not isinstance(spec, dict) or spec.get("type") not in PARAM_TYPES:
        raise QueryError(f"catalog: query {qname!r} parameter {name!r} needs a type among {', '.join(PARAM_TYPES)}")
    return Param(name, spec["type"], bool(spec.get("required", False)), spec.get("example"))


def load_catalog(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    """Parse `folder/catalog.yaml` into named queries."""
    path = folder / "catalog.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise QueryError(
            f"{path}: the named-query catalog cannot be read ({exc}); is hoptac installed from a checkout?"
        ) from None
    except yaml.YAMLError as exc:
        raise QueryError(f"{path}: not valid YAML: {exc}") from None
    out = {}
    for name, entry in (data or {}).get("queries", {}).items():
        params = {p: _param(name, p, spec) for p, spec in (entry.get("params") or {}).items()}
        out[name] = NamedQuery(name, str(entry.get("description", "")), params, tuple(entry["columns"]), folder)
    return out


@cache
def catalog() -> dict[str, NamedQuery]:
    """The catalog shipped with hoptac (cached)."""
    return load_catalog()


def get_query(name: str) -> NamedQuery:
    """A named query; an unknown name is a QueryError listing the known ones."""
    queries = catalog()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[name]


_INT = re.compile(r"^[+-]?\d+$")


def _convert(q: NamedQuery, p: Param, value: Any) -> Any:
    if p.type == "integer":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _INT.match(value.strip()):
            return int(value)
        raise QueryError(f"{q.name}: parameter {p.name!r} must be an integer, got {value!r}")
    if not isinstance(value, str) or not value.strip():
        raise QueryError(f"{q.name}: parameter {p.name!r} must be a non-empty text, got {value!r}")
    return value.strip()


def check_params(q: NamedQuery, given: Mapping[str, Any]) -> Row:
    """Every declared parameter (None when absent and optional), converted to its type.

    >>> check_params(get_query("agreements_in_force"), {"year": "2023"})
    {'year': 2023}
    """
    unknown = sorted(set(given) - set(q.params))
    if unknown:
        known = ", ".join(q.params) or "none"
        raise QueryError(f"{q.name}: unknown parameter(s) {', '.join(unknown)}; its parameters: {known}")
    out: Row = {}
    for p in q.params.values():
        value = given.get(p.name)
        if value is None:
            if p.required:
                raise QueryError(f"{q.name}: missing required parameter {p.name!r} ({p.type}, e.g. {p.example})")
            out[p.name] = None
        else:
            out[p.name] = _convert(q, p, value)
    return out


def _is_id(value: str) -> bool:
    """True for a hoptac id (`<id_prefix>/...` of a schema node type), present in the graph or not."""
    prefix, slash, rest = value.partition("/")
    return bool(slash and rest) and prefix in {t.id_prefix for t in load_schema().nodes.values()}


def resolve_entity(value: str, g: GraphData) -> list[str]:
    """Ids for an entity parameter: an id as it is (absent ids simply match nothing), else every node
    whose name matches in any spelling, else the one node whose id starts with it (`document/3d7a`)."""
    if value in g.nodes or _is_id(value):
        return [value]
    ids = sorted(matching_nodes(g, value))
    if ids:
        return ids
    prefixed = [n for n in g.nodes if n.startswith(value) or n.startswith("document/" + value)]
    if len(prefixed) == 1:
        return prefixed
    raise NotFoundError(f"no entity with id or name {value!r} in the graph")


def expand(q: NamedQuery, params: Row, g: GraphData | None) -> list[Row]:
    """One parameter set per combination of the ids each entity parameter resolves to."""
    choices = []
    for name, value in params.items():
        if q.params[name].type == "entity" and value is not None and g is not None:
            choices.append([(name, v) for v in resolve_entity(value, g)])
        else:
            choices.append([(name, value)])
    return [dict(combo) for combo in itertools.product(*choices)]


class Engine(Protocol):
    """What the runner needs: a name and the rows of a named query for one parameter set."""

    name: str

    def run_named(self, q: NamedQuery, params: Row) -> list[Row]: ...


def plain(v: Any) -> Any:
    """A value as every engine should give it: dates as ISO text, sequences as lists."""
    if v is None or isinstance(v, str | int | float):
        return v
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    if isinstance(v, list | tuple):
        return [plain(x) for x in v]
    return v


_SCALARS = (str, int, float, bool)


def finish(q: NamedQuery, rows: list[Row], engine: str) -> list[Row]:
    """Rows with exactly the catalog's columns in order, plain values, distinct, sorted (by their JSON)."""
    columns, expected = q.columns, set(q.columns)
    seen: dict[bytes, list[Any]] = {}
    for row in rows:
        if row.keys() != expected:
            raise QueryError(f"{q.name} on {engine} returned columns {sorted(row)}; the catalog says {list(columns)}")
        values = [row[c] for c in columns]
        if not all(v is None or type(v) in _SCALARS for v in values):
            values = [plain(v) for v in values]
        seen.setdefault(orjson.dumps(values, default=str), values)
    return [dict(zip(columns, seen[key], strict=True)) for key in sorted(seen)]


def run(name: str, params: Mapping[str, Any], engine: Engine, graph: GraphData | None = None) -> list[Row]:
    """Check the parameters, resolve entity names against `graph` (ids pass through without one), run
    the named query on `engine` for every resolution and return the distinct rows, sorted."""
    q = get_query(name)
    checked = check_params(q, params)
    rows: list[Row] = []
    for p in expand(q, checked, graph):
        rows.extend(engine.run_named(q, p))
    return finish(q, rows, engine.name)


class SparqlRunner:
    """Named queries on `graph.sparql.SparqlEngine` (entity parameters bound as IRIs)."""

    name = "sparql"

    def __init__(self, engine: Any) -> None:
        self.engine = engine

    def run_named(self, q: NamedQuery, params: Row) -> list[Row]:
        from graph.sparql import Entity

        bindings = {k: Entity(v) if q.params[k].type == "entity" and v is not None else v for k, v in params.items()}
        rows: list[Row] = self.engine.query(q.sparql, bindings)
        return rows


def open_engine(kind: str, *, graph: GraphData | None = None, **options: Any) -> Engine:
    """An engine by name: `reference` needs `graph`; `embedded` and `sparql` take `store=Store` (built
    once and kept under the store) or `graph` (in memory); `neo4j` takes the keyword arguments of
    `graph.cypher.bolt.BoltEngine.connect` (uri, user, password, database, timeout)."""
    if kind == "reference":
        from graph.reference import ReferenceEngine

        return ReferenceEngine(_need(graph, kind))
    if kind == "embedded":
        from graph.cypher.embedded import LadybugEngine

        store = options.get("store")
        return LadybugEngine.for_store(store) if store is not None else LadybugEngine.from_graph(_need(graph, kind))
    if kind == "sparql":  # graph.sparql (issue 5 part A) is imported only when asked for
        if options.get("store") is not None:
            from graph.rdf_cache import open_engine as open_oxigraph

            return SparqlRunner(open_oxigraph(options["store"]))
        from graph.sparql import SparqlEngine

        return SparqlRunner(SparqlEngine.from_graph(_need(graph, kind)))
    if kind == "neo4j":
        from graph.cypher.bolt import BoltEngine

        return BoltEngine.connect(**options)
    raise QueryError(f"unknown engine {kind!r}; engines: {', '.join(ENGINES)}")


def _need(graph: GraphData | None, kind: str) -> GraphData:
    if graph is None:
        raise QueryError(f"the {kind} engine needs the graph")
    return graph
