"""SPARQL parameters: declared in a query's header, bound as RDF terms, injected as a `VALUES` block.

Values are never formatted into the query text: each becomes a validated pyoxigraph term (an IRI
checked by `NamedNode`, a literal escaped by its own serialiser) and the block
`VALUES (?a ?b) { (<iri> "text") }` is inserted as the first thing in the WHERE group, so the
parameters are bound everywhere in it (pyoxigraph's `substitutions` only reach projected variables).

A query declares its parameters in header comments, one per line:
`# param place: entity (required)` — types: entity, string, integer, number, boolean, date.
An `entity` parameter given as a hoptac id becomes the entity's IRI. A parameter is bound to the
variable of its name, or to another one (`# param country: string as ?want_country`) when the query
also returns a column of that name.

>>> declared_params("# param place: entity (required)\\nSELECT * {}")["place"]
Param(name='place', type='entity', required=True, var='place')
>>> with_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": pyoxigraph.Literal("a")})
'SELECT ?x WHERE { VALUES (?o) { ("a") } ?x ?p ?o }'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

import pyoxigraph

from graph.errors import QueryError
from graph.rdf_terms import XSD_NS, entity_iri

Term = pyoxigraph.NamedNode | pyoxigraph.Literal | pyoxigraph.BlankNode
PARAM_TYPES = ("entity", "string", "integer", "number", "boolean", "date")
_PARAM_LINE = re.compile(r"^\s*#\s*param\s+([A-Za-z_]\w*)\s*:\s*(\w+)(.*)$", re.M)
_AS_VAR = re.compile(r"\bas\s+[?$]([A-Za-z_]\w*)")
_NAME = re.compile(r"[A-Za-z_]\w*")


class Param(NamedTuple):
    name: str
    type: str
    required: bool
    var: str


class Entity(str):
    """A binding value that is a hoptac id: bound as the entity's IRI, not as a string."""

    __slots__ = ()


def declared_params(text: str) -> dict[str, Param]:
    """The parameters a query declares in its header comments."""
    out: dict[str, Param] = {}
    for m in _PARAM_LINE.finditer(text):
        name, ptype, rest = m.group(1), m.group(2), m.group(3)
        if ptype not in PARAM_TYPES:
            raise QueryError(f"parameter {name!r} has unknown type {ptype!r}; types: {', '.join(PARAM_TYPES)}")
        var = _AS_VAR.search(rest)
        out[name] = Param(name, ptype, "(required)" in rest, var.group(1) if var else name)
    return out


def _as_type(name: str, value: Any, ptype: str) -> Any:
    if not isinstance(value, str) or ptype in ("string", "entity"):
        return value
    try:
        if ptype == "integer":
            return int(value)
        if ptype == "number":
            return float(value)
        if ptype == "boolean" and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if ptype == "date":
            return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise QueryError(f"parameter {name!r}: {value!r} is not a valid {ptype}")


def to_term(name: str, value: Any, ptype: str | None = None) -> Term:
    """The RDF term bound to parameter `name`; `ptype` (declared type) converts strings."""
    if isinstance(value, Term):
        return value
    value = _as_type(name, value, ptype) if ptype else value
    try:
        if isinstance(value, Entity) or (ptype == "entity" and isinstance(value, str)):
            return pyoxigraph.NamedNode(entity_iri(str(value)))
        if isinstance(value, bool | int | float | str):
            return pyoxigraph.Literal(value)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return pyoxigraph.Literal(value.isoformat(), datatype=pyoxigraph.NamedNode(XSD_NS + "date"))
        if isinstance(value, dt.datetime):
            return pyoxigraph.Literal(value.isoformat(), datatype=pyoxigraph.NamedNode(XSD_NS + "dateTime"))
    except ValueError as exc:
        raise QueryError(f"parameter {name!r}: {value!r} cannot be bound: {exc}") from exc
    raise QueryError(f"parameter {name!r}: a {type(value).__name__} cannot be bound in SPARQL")


def bind(text: str, bindings: dict[str, Any] | None) -> dict[str, Term]:
    """Check `bindings` against the query's declared parameters and turn them into terms."""
    declared = declared_params(text)
    given = {k: v for k, v in (bindings or {}).items() if v is not None}
    for name in given:
        if not _NAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a valid parameter name")
        if declared and name not in declared:
            raise QueryError(f"unknown parameter {name!r}; this query takes: {', '.join(declared)}")
    missing = [p.name for p in declared.values() if p.required and p.name not in given]
    if missing:
        raise QueryError(f"missing required parameter(s): {', '.join(missing)}")
    return {
        (declared[k].var if k in declared else k): to_term(k, v, declared[k].type if k in declared else None)
        for k, v in given.items()
    }


_TOKENS = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<str>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    |(?P<comment>\#[^\n]*)
    |(?P<brace>\{)
    |(?P<word>(?<![?$:\w])[A-Za-z]+(?![:\w]))""",
    re.X | re.S,
)
_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def where_start(text: str) -> int:
    """The offset just after the `{` that opens the query's WHERE group."""
    form = None
    after_where = template = False
    for m in _TOKENS.finditer(text):
        kind, token = m.lastgroup, m.group(0)
        if kind == "word":
            upper = token.upper()
            form = form or (upper if upper in _FORMS else None)
            if upper == "WHERE" and form == "CONSTRUCT" and not template:
                raise QueryError("parameters need the long form CONSTRUCT { ... } WHERE { ... }")
            after_where = after_where or upper == "WHERE"
        elif kind == "brace" and form:
            if after_where or form != "CONSTRUCT":
                return m.end()
            template = True
    raise QueryError("the query has no WHERE group to bind parameters in")


def with_values(text: str, terms: dict[str, Term]) -> str:
    """`text` with a VALUES block binding `terms` at the start of its WHERE group."""
    if not terms:
        return text
    at = where_start(text)
    names = " ".join(f"?{k}" for k in terms)
    row = " ".join(str(t) for t in terms.values())
    return f"{text[:at]} VALUES ({names}) {{ ({row}) }}{text[at:]}"


def keywords(text: str) -> set[str]:
    """The bare words of a query, upper-cased, outside IRIs, strings and comments."""
    return {m.group(0).upper() for m in _TOKENS.finditer(text) if m.lastgroup == "word"}
