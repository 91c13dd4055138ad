"""The examples in the docstrings of the query and Cypher modules run and are right."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "graph.queries", "graph.reference", "graph.cypher.rows", "graph.cypher.schema_ddl", "graph.cypher.readonly",
    "graph.cypher.batches", "graph.cypher.falkordb", "graph.cypher.ladybug_load", "graph.cypher.embedded",
]  # fmt: skip


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
