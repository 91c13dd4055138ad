"""Reading documents and turning them into facts: readers, normalisation, structure, extractors,
gazetteer and entity resolution. `ingest` depends on `graph` only; it knows nothing of HTTP or the
terminal and reads no settings or environment.
"""
