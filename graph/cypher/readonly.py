"""Refuse Cypher that writes (or reads server files) before it reaches any engine.

Comments, string literals and back-quoted names are blanked first, so a keyword inside a quoted
value (`WHERE n.name = 'CREATE'`) is not mistaken for a clause.

>>> check_read_only("MATCH (n) WHERE n.name = 'SET' RETURN n.id")
>>> check_read_only("MATCH (n) DETACH DELETE n")
Traceback (most recent call last):
...
graph.errors.QueryError: refused: DETACH writes to the database (hoptac cypher is read-only)
"""

from __future__ import annotations

import re

from graph.errors import QueryError

WRITE_CLAUSES = (
    "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "ALTER", "COPY", "FOREACH",
    "INSTALL", "UNINSTALL", "ATTACH", "IMPORT", "EXPORT", "CHECKPOINT",
)  # fmt: skip
OTHER_REFUSED = {
    "CALL": "calls a procedure, which may write",
    "LOAD": "reads files on the server",
    "USE": "switches database",
    "BEGIN": "controls transactions",
    "COMMIT": "controls transactions",
    "ROLLBACK": "controls transactions",
}
_LEXEMES = re.compile(
    r"""//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`""",
    re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def blank_literals(text: str) -> str:
    """The query with comments, strings and quoted names replaced by spaces (offsets kept)."""
    return _LEXEMES.sub(lambda m: " " * len(m.group()), text)


def check_read_only(text: str) -> None:
    """Raise QueryError if the query contains a clause that writes or is otherwise refused.

    Words used as property keys, parameters, labels or variables (`n.set`, `$set`, `:Set`,
    `{set: 1}`, `(create:Foo)`, `create.id`) are not clauses.
    """
    blank = blank_literals(text)
    for m in _WORD.finditer(blank):
        before, after = blank[: m.start()].rstrip()[-1:], blank[m.end() :].lstrip()[:1]
        if before in (".", "$", ":") or after in (":", "."):
            continue
        word = m.group().upper()
        if word in WRITE_CLAUSES:
            raise QueryError(f"refused: {word} writes to the database (hoptac cypher is read-only)")
        if word in OTHER_REFUSED:
            raise QueryError(f"refused: {word} {OTHER_REFUSED[word]} (hoptac cypher is read-only)")
