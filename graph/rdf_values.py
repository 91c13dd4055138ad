"""Property values <-> RDF literals, and N-Quads term syntax.

Dates are ISO strings in hoptac and may be partial: `2024-06-09` is an `xsd:date`, `2024-06` an
`xsd:gYearMonth`, `2024` an `xsd:gYear`; anything else stays a plain string.

>>> to_literal("2024-06", "date")
Lit(lexical='2024-06', datatype='http://www.w3.org/2001/XMLSchema#gYearMonth', lang=None)
>>> from_literal(to_literal("2021", "integer"))
2021
>>> nquads_literal(Lit('say "hi"\\n', None, "vi"))
'"say \\\\"hi\\\\"\\\\n"@vi'
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from graph.errors import SchemaError
from graph.rdf_terms import XSD_NS


class Lit(NamedTuple):
    """An RDF literal: lexical form, datatype IRI (None for xsd:string) and language tag."""

    lexical: str
    datatype: str | None = None
    lang: str | None = None


_DATES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
    (re.compile(r"\d{4}"), "gYear"),
)
_INTEGERS = {
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
}  # fmt: skip


def date_datatype(value: str) -> str | None:
    """The XSD type of an ISO date, full or partial, or None if `value` is not one."""
    for pattern, name in _DATES:
        if pattern.fullmatch(value):
            return XSD_NS + name
    return None


def to_literal(value: Any, prop_type: str = "string", lang: str | None = None) -> Lit:
    """The literal for one property value, typed as the schema types the property (as every engine
    stores it): integer, number (xsd:double), boolean, date (full or partial) or string."""
    try:
        if prop_type == "integer":
            return Lit(str(int(value)), XSD_NS + "integer")
        if prop_type == "number":
            f = float(value)
            lexical = "NaN" if math.isnan(f) else ("INF" if f > 0 else "-INF") if math.isinf(f) else repr(f)
            return Lit(lexical, XSD_NS + "double")
    except (TypeError, ValueError):
        raise SchemaError(f"value {value!r} is not a valid {prop_type}") from None
    if prop_type == "boolean":
        return Lit("true" if bool(value) else "false", XSD_NS + "boolean")
    text = str(value)
    dt = date_datatype(text) if prop_type == "date" else None
    return Lit(text, dt, None if dt else lang)


def from_literal(lit: Lit) -> Any:
    """The Python value of a literal: numbers and booleans as such, dates and text as strings."""
    if lit.datatype is None or not lit.datatype.startswith(XSD_NS):
        return lit.lexical
    local = lit.datatype[len(XSD_NS) :]
    if local in _INTEGERS:
        return int(lit.lexical)
    if local in ("double", "float", "decimal"):
        return float(lit.lexical)
    if local == "boolean":
        return lit.lexical in ("true", "1")
    return lit.lexical  # strings, dates (kept as ISO text) and anything else


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')


def nquads_literal(lit: Lit) -> str:
    """A literal in N-Quads syntax."""
    text = '"' + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], lit.lexical) + '"'
    if lit.lang:
        return f"{text}@{lit.lang}"
    if lit.datatype:
        return f"{text}^^<{lit.datatype}>"
    return text

