"""hoptac's graph layer: the schema (declared once, as data), the graph model and its projections.

`graph` imports nothing from `ingest` or `api`; it is the bottom layer.
"""
