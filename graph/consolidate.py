"""The graph every projection sees: facts merged across documents, then properties that depend on
more than one document settled once (so Python, SPARQL and Cypher answer alike).

- PARTNERS_WITH `status`: the status stated by the most recent document (see `PartnershipView.status`);
  `agreement`: the best-attested agreement both parties are party to.

>>> from graph.model import GraphData
>>> consolidate(GraphData()).nodes
{}
"""

from __future__ import annotations

from graph.lineage import link_stubs
from graph.model import GraphData
from graph.partnerships import PartnershipView


def consolidate(g: GraphData) -> GraphData:
    """Settle cross-document properties in place and return the graph."""
    link_stubs(g)  # references -> the ingested documents they name (graph.lineage)
    view = PartnershipView(g)
    for e in g.edges_of("PARTNERS_WITH"):
        e.props["status"] = view.status(e)
        agreement = view.agreement(e)
        if agreement is not None:
            e.props["agreement"] = agreement["id"]
    return g
