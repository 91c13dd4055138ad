"""The schema is data: loaded, validated, and every declared term resolvable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.errors import SchemaError
from graph.schema import SCHEMA_DIR, load_schema, load_schema_from

REQUIRED_NODES = {
    "Country", "Province", "Locality", "ForeignLocality", "Agency", "Agreement", "Activity", "Document", "Person",
}  # fmt: skip
REQUIRED_EDGES = {
    "PARTY_TO", "PARTNERS_WITH", "LEADS", "COORDINATES", "IMPLEMENTS", "LOCATED_IN", "PART_OF", "SUCCEEDED_BY",
    "SUPERSEDES", "LEGAL_BASIS", "CITES", "SIGNED",
}  # fmt: skip


def test_issue_types_are_declared() -> None:
    s = load_schema()
    assert set(s.nodes) >= REQUIRED_NODES
    assert set(s.edges) >= REQUIRED_EDGES
    assert "Entity" not in s.nodes and "Place" in s.abstract_types()


def test_inherited_properties_and_labels() -> None:
    s = load_schema()
    prov = s.node("ForeignLocality")
    assert {"name", "aliases", "level", "iso3166_2", "country"} <= set(prov.properties)
    assert prov.label.vi == "Địa phương nước ngoài" and prov.label.en == "Foreign locality"
    assert s.ancestors("ForeignLocality") == ["Place", "Entity"]
    assert prov.properties["aliases"].multi is True


def test_every_rdf_term_expands() -> None:
    s = load_schema()
    assert s.expand_curie(s.edge("PARTNERS_WITH").rdf.term) == "https://hoptac.org/ontology#partnerOf"
    assert s.expand_curie("schema:name") == "https://schema.org/name"
    with pytest.raises(SchemaError):
        s.expand_curie("nope:thing")


def test_endpoints() -> None:
    s = load_schema()
    assert s.edge("PARTNERS_WITH").allows("Locality", "ForeignLocality")
    assert not s.edge("PARTNERS_WITH").allows("ForeignLocality", "Province")
    assert s.edge("IMPLEMENTS").allows("Activity", "Agreement")
    assert s.edge("IMPLEMENTS").allows("Document", "Document")
    assert s.edge("MENTIONS").allows("Document", "Person")


def test_unknown_type_is_a_clear_error() -> None:
    with pytest.raises(SchemaError, match="unknown node type 'Planet'"):
        load_schema().node("Planet")


def _copy_schema(tmp_path: Path) -> Path:
    dest = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, dest, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return dest


def test_adding_a_type_is_data_only(tmp_path: Path) -> None:
    folder = _copy_schema(tmp_path)
    (folder / "nodes" / "budget.yaml").write_text(
        "name: Budget\nextends: Entity\nid_prefix: budget\n"
        "label: {vi: Kinh phí, en: Budget}\ndescription: {vi: Kinh phí, en: Money}\n"
        "rdf: {term: 'hop:Budget', aligned: ['schema:MonetaryAmount']}\n"
        "properties:\n  amount:\n    type: number\n    label: {vi: Số tiền, en: Amount}\n"
        "    rdf: {term: 'hop:amount'}\n",
        encoding="utf-8",
    )
    s = load_schema_from(folder)
    assert s.node("Budget").cypher_label == "Budget"
    assert "name" in s.node("Budget").properties


@pytest.mark.parametrize(
    "bad, message",
    [
        ("name: X\nlabel: {vi: a, en: b}\n", "description"),
        ("- not a mapping\n", "mapping"),
        ("name: X\nid_prefix: x\nextends: Nope\nlabel: {vi: a, en: b}\ndescription: {vi: a, en: b}\n"
         "rdf: {term: 'hop:X'}\n", "unknown type 'Nope'"),
        ("name: X\nid_prefix: x\nlabel: {vi: a, en: b}\ndescription: {vi: a, en: b}\nrdf: {term: 'zz:X'}\n",
         "not in a declared namespace"),
        ("name: X\nid_prefix: x\nlabel: {vi: a, en: b}\ndescription: {vi: a, en: b}\nrdf: {term: 'hop:X'}\n"
         "properties:\n  type: {label: {vi: a, en: b}, rdf: {term: 'hop:t'}}\n", "reserved"),
    ],
)
def test_bad_schema_files_are_rejected(tmp_path: Path, bad: str, message: str) -> None:
    folder = _copy_schema(tmp_path)
    (folder / "nodes" / "zz_bad.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(SchemaError, match=message):
        load_schema_from(folder)
