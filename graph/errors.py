"""One root error and a few named subclasses; the API maps them to HTTP status codes in one place."""

from __future__ import annotations


class HoptacError(Exception):
    """Root of every error hoptac raises on purpose."""


class InputError(HoptacError):
    """A file or value given to hoptac cannot be used: it names the file (or value) and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class SchemaError(HoptacError):
    """The schema data, or a fact checked against it, is invalid."""


class StoreError(HoptacError):
    """The embedded store cannot be opened, read or written."""


class NotFoundError(HoptacError):
    """A document, entity or query that was asked for does not exist."""


class QueryError(HoptacError):
    """A query is malformed, refused, or failed on its engine."""


class ReadOnlyError(QueryError):
    """A query that would write (SPARQL update, Cypher CREATE/MERGE/SET/...) was refused before it ran."""
