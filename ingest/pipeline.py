"""From files to stored facts: read, normalise, parse structure, extract, store — one document at a
time, each in its own transaction, so a bad file never stops the batch and loses nothing stored.

>>> from graph.store import Store
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("THÔNG BÁO\\nVề việc thử nghiệm\\n", encoding="utf-8")
>>> with Store(folder / "store") as store:
...     [r.status for r in ingest_paths([str(folder / "a.txt")], store)]
['new']
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from graph.errors import HoptacError
from graph.ids import document_id
from graph.store import DocumentRecord, Store
from ingest.extract import Context, Extractor, extract_all
from ingest.extract.document import header_meta
from ingest.normalize import match_form
from ingest.readers import SUPPORTED_SUFFIXES, read_document
from ingest.readers.base import RawDocument
from ingest.structure import parse_structure

# Bump when extraction changes what it produces: re-ingesting then updates every document.
EXTRACTOR_VERSION = "2026.11.24-1"

Status = Literal["new", "unchanged", "updated", "duplicate", "failed", "skipped"]


@dataclass(slots=True)
class IngestResult:
    source: str
    status: Status
    document_id: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def discover(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Expand folders (recursively, sorted) into files; yield (path, reason-to-skip or None).

    Files named explicitly are always yielded (a wrong type then fails with a clear error); files
    found inside folders with an unsupported suffix are yielded as skipped, never silently dropped.
    """
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for child in sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith(".")):
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield str(child), None
                else:
                    yield str(child), f"unsupported file type {child.suffix or '(none)'!r}"
        else:
            yield given, None


def build_record(raw: RawDocument, extractors: Sequence[Extractor] | None = None) -> DocumentRecord:
    """Everything hoptac knows about one document, ready for the store (`extractors`: a subset to
    run instead of every registered one, e.g. to measure what some of them cost)."""
    doc_id = document_id(raw.text)
    structure = parse_structure(raw.text)
    ctx = Context(doc_id, raw.source, raw.text, match_form(raw.text), structure)
    facts = extract_all(ctx, extractors)
    warnings = list(raw.warnings) + ctx.warnings
    if structure.header.missing:
        warnings.append("header: not found: " + ", ".join(structure.header.missing))
    return DocumentRecord(
        id=doc_id,
        source=raw.source,
        sha256=hashlib.sha256(raw.text.encode("utf-8")).hexdigest(),
        format=raw.format,
        encoding=raw.encoding,
        text=raw.text,
        meta={**header_meta(structure.header), "review": ctx.review},
        structure=structure.to_json(),
        warnings=warnings,
        facts=facts,
    )


def ingest_file(source: str, store: Store) -> IngestResult:
    """Ingest one file; errors become a failed result naming the file and the problem."""
    try:
        raw = read_document(source)
        record = build_record(raw)
        status = store.put(record, EXTRACTOR_VERSION)
    except HoptacError as exc:
        return IngestResult(source, "failed", error=str(exc))
    except Exception as exc:  # a bug must not stop the batch either; say what happened
        return IngestResult(source, "failed", error=f"{source}: internal error: {type(exc).__name__}: {exc}")
    return IngestResult(source, status, record.id, warnings=record.warnings)


def ingest_paths(
    paths: Iterable[str], store: Store, progress: Callable[[IngestResult], None] | None = None
) -> list[IngestResult]:
    """Ingest every file under `paths`; one result per file, in order."""
    results: list[IngestResult] = []
    for source, skip in discover(paths):
        result = IngestResult(source, "skipped", error=skip) if skip else ingest_file(source, store)
        results.append(result)
        if progress is not None:
            progress(result)
    return results
