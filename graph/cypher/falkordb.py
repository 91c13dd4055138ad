"""What FalkorDB's (experimental) Bolt side needs that Neo4j does not — measured, not guessed.

- It writes the parameters into the query text on the server (as FalkorDB's `CYPHER name=value`
  prefix) without escaping them: a value with a single quote fails ("An unknown error occurred"), and
  one like `' RETURN 1 //` changes the query. Sending every string with `\\` and `'` backslash-escaped
  makes values round-trip exactly (checked for quotes, backslashes, newlines, Vietnamese text).
  Map keys cannot be escaped that way; hoptac's keys are schema names, checked to be identifiers.
- A message over ~4 KB crashes the server (stack smashing): see `graph.cypher.batches`.
- The database name is not a graph name: no name means the graph "falkordb", any name the graph "db";
  and a session in READ access mode reads yet another graph — so hoptac always opens write-mode
  sessions there (its read-only check happens before anything is sent).

>>> escape({"rows": [{"id": "x", "props": {"name": "Tul'skaya oblast'", "n": 1}}]})
{'rows': [{'id': 'x', 'props': {'name': "Tul\\\\'skaya oblast\\\\'", 'n': 1}}]}
"""

from __future__ import annotations

import re
from typing import Any

from graph.errors import QueryError

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def escape(value: Any) -> Any:
    """Parameters as FalkorDB's Bolt side must receive them to store exactly `value`."""
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list | tuple):
        return [escape(v) for v in value]
    if isinstance(value, dict):
        bad = [k for k in value if not _KEY.match(str(k))]
        if bad:
            raise QueryError(f"FalkorDB over Bolt cannot take the map key(s) {bad}: keys must be plain names")
        return {k: escape(v) for k, v in value.items()}
    return value
