"""The RDF terms hoptac uses: entity IRIs, ISO 3166 IRIs, the closed `hop:` namespace and literals.

Every `hop:` term is declared: the schema's terms (classes, edge predicates, properties) plus the few
provenance terms of the RDF projection itself (`PROVENANCE_TERMS`). `hop()` refuses anything else,
so a typo fails instead of minting a new IRI.

>>> entity_iri("province/VN-54")
'https://hoptac.org/id/province/VN-54'
>>> entity_id(entity_iri("agency/VN-54/sở ngoại vụ"))
'agency/VN-54/sở ngoại vụ'
>>> iso_iri("VN-54")
'https://www.iso.org/obp/ui/#iso:code:3166:VN-54'
>>> hop("partnerOf")
'https://hoptac.org/ontology#partnerOf'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote, unquote

from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, ClosedNamespace

from graph.errors import SchemaError
from graph.schema import Schema, load_schema

HOP_NS = "https://hoptac.org/ontology#"
ID_NS = "https://hoptac.org/id/"
ONTOLOGY_IRI = "https://hoptac.org/ontology"
ISO_3166_NS = "https://www.iso.org/obp/ui/#iso:code:3166:"

# rdflib's vocabularies, used to check that every external term the schema names exists.
EXTERNAL = {
    "schema": SDO, "org": ORG, "prov": PROV, "dcterms": DCTERMS, "foaf": FOAF, "owl": OWL,
    "rdfs": RDFS, "xsd": XSD, "skos": SKOS, "rdf": RDF,
}  # fmt: skip

# Properties whose value is an ISO 3166 code: the unit is `owl:sameAs` the code's ISO IRI.
ISO_CODE_PROPERTIES = ("iso3166_1", "iso3166_2")

# IRI characters kept as they are in an id; everything else is percent-encoded (UTF-8).
_SAFE = "/:@!$&'()*+,;=-._~"


@dataclass(frozen=True, slots=True)
class VocabTerm:
    """A `hop:` term of the RDF projection itself (not of the schema): provenance of a fact."""

    name: str
    range: str
    vi: str
    en: str
    comment: str


PROVENANCE_TERMS = (
    VocabTerm("section", "string", "Mục", "Section", "Section path of the evidence, e.g. 'II.6.2'."),
    VocabTerm("start", "integer", "Vị trí đầu", "Start offset", "First character of the quote in the NFC text."),
    VocabTerm("end", "integer", "Vị trí cuối", "End offset", "Character after the quote in the NFC text."),
    VocabTerm("quote", "string", "Trích dẫn", "Quote", "The words of the document that state the fact."),
    VocabTerm("source", "string", "Tệp nguồn", "Source file", "The source file as it was given to hoptac."),
    VocabTerm("supports", "string", "Thuộc tính được chứng minh", "Supports",
              "The property this evidence supports ('status', or 'status=signed' for one value)."),
)  # fmt: skip


def _hop_terms(schema: Schema) -> list[str]:
    curies = [t.rdf.term for t in [*schema._all_nodes.values(), *schema.edges.values()]]
    curies += [p.rdf.term for t in [*schema._all_nodes.values(), *schema.edges.values()] for p in t.properties.values()]
    return sorted({c.removeprefix("hop:") for c in curies if c.startswith("hop:")} | {t.name for t in PROVENANCE_TERMS})


@cache
def hop_namespace() -> ClosedNamespace:
    """The closed `hop:` namespace: the schema's `hop:` terms and the provenance terms, nothing else."""
    return ClosedNamespace(HOP_NS, _hop_terms(load_schema()))


def hop(name: str) -> str:
    """The IRI of a declared `hop:` term; an undeclared name is a `SchemaError`."""
    try:
        return str(hop_namespace()[name])
    except KeyError:
        raise SchemaError(f"hop:{name} is not declared in the schema or the provenance vocabulary") from None


def expand(curie: str) -> str:
    """Expand a CURIE from the schema; `hop:` and the external vocabularies are closed."""
    prefix, _, local = curie.partition(":")
    if prefix == "hop":
        return hop(local)
    ns = EXTERNAL.get(prefix)
    if ns is None or not is_declared(prefix, local):
        raise SchemaError(f"RDF term {curie!r} is not a term of a known vocabulary")
    return str(ns) + local


def is_declared(prefix: str, local: str) -> bool:
    """True if `local` is a term of the external vocabulary `prefix` (as rdflib declares it)."""
    ns = EXTERNAL.get(prefix)
    if ns is None:
        return False
    return local in getattr(ns, "__annotations__", {}) or local in getattr(ns, "_extras", [])


def entity_iri(entity_id: str) -> str:
    """`https://hoptac.org/id/<id>`, with anything unsafe in an IRI percent-encoded."""
    return ID_NS + quote(entity_id, safe=_SAFE)


def entity_id(iri: str) -> str:
    """The hoptac id of an entity IRI (the inverse of `entity_iri`)."""
    if not iri.startswith(ID_NS):
        raise SchemaError(f"{iri!r} is not a hoptac entity IRI (expected {ID_NS}<id>)")
    return unquote(iri[len(ID_NS) :])


def iso_iri(code: str) -> str:
    """The ISO Online Browsing Platform IRI of an ISO 3166-1 or 3166-2 code (as Wikidata links them)."""
    return ISO_3166_NS + quote(code, safe="-")


def evidence_iri(fact_iri: str, index: int) -> str:
    """The IRI of a fact's `index`-th piece of evidence: a fragment of the fact's IRI."""
    return f"{fact_iri}#e{index}"


_EVIDENCE = re.compile(r"#e(\d+)$")


def evidence_index(iri: str) -> int | None:
    """The position of a piece of evidence from its IRI, or None if `iri` is not one."""
    m = _EVIDENCE.search(iri)
    return int(m.group(1)) if m else None


XSD_NS = str(XSD)
RDF_TYPE = str(RDF.type)
