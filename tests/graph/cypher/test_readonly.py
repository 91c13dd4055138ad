"""Write clauses are refused before a query reaches an engine; keywords in values or names are not clauses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.cypher.readonly import WRITE_CLAUSES, blank_literals, check_read_only
from graph.errors import QueryError


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Province) SET n.name = 'x'",
        "create (n:Province {id: 'x'})",
        "MERGE (n:Hoptac {id: $id})",
        "MATCH (n) REMOVE n.name",
        "DROP TABLE Province",
        "COPY Province FROM 'x.csv'",
        "CALL db.labels()",
        "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "MATCH (n) WITH n /* comment */ FOREACH (x IN [1] | SET n.a = x)",
    ],
)
def test_writes_are_refused(query: str) -> None:
    with pytest.raises(QueryError, match="refused"):
        check_read_only(query)


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (p:Province) WHERE p.name = 'CREATE' RETURN p.set AS set_name",
        'MATCH (n) WHERE n.quote CONTAINS "DELETE FROM" RETURN n.id // SET in a comment',
        "MATCH (create:Province) RETURN create.id",
        "MATCH (n) RETURN {merge: 1, `set`: 2} AS m",
        "MATCH (n) WHERE n.id = $set RETURN n.id",
    ],
)
def test_reads_pass(query: str) -> None:
    check_read_only(query)


@given(st.text(alphabet=st.characters(blacklist_characters="'\\\n\r"), max_size=40), st.sampled_from(WRITE_CLAUSES))
def test_anything_inside_a_string_is_a_value(text: str, clause: str) -> None:
    query = f"MATCH (n) WHERE n.name = '{text} {clause}' RETURN n.id"
    check_read_only(query)
    assert len(blank_literals(query)) == len(query)
