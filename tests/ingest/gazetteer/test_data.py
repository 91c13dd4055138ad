"""Integrity of the gazetteer data files: sources, ISO codes, parents, keys, coverage, mergers."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry
import pytest
from vietnam_provinces import Province

from ingest.gazetteer import fold_key
from ingest.gazetteer.build import vn_units_2024 as build
from ingest.gazetteer.loader import DATA_DIR, GazetteerData, load_data, read_tsv
from ingest.gazetteer.model import LEVELS

FOREIGN_FILES = ["LA", "KH", "TH", "CN", "KR", "JP", "RU", "PL"]


@pytest.fixture(scope="module")
def data() -> GazetteerData:
    return load_data()


@pytest.fixture(scope="module")
def vn_json() -> dict[str, Any]:
    return json.loads((DATA_DIR / "vn_units_2024.json").read_text(encoding="utf-8"))


def _rows_with_sources() -> list[tuple[str, str]]:
    """(file:row, source cell) for every data row of every file."""
    out: list[tuple[str, str]] = []
    for path in sorted(DATA_DIR.rglob("*.tsv")):
        out += [(f"{path.name}:{i}", row["source"]) for i, row in enumerate(read_tsv(path))]
    blob = json.loads((DATA_DIR / "vn_units_2024.json").read_text(encoding="utf-8"))
    for prov in blob["provinces"]:
        out.append((prov["key"], prov["source"]))
        out += [(d["key"], d["source"]) for d in prov["districts"]]
    return out


def test_every_row_cites_defined_sources(data: GazetteerData) -> None:
    rows = _rows_with_sources()
    assert len(rows) > 1500
    undefined = {(where, key) for where, cell in rows for key in cell.split(";") if key not in data.sources}
    empty = [where for where, cell in rows if not cell.strip()]
    assert not empty and not undefined, (empty[:5], sorted(undefined)[:5])


def test_sources_are_described(data: GazetteerData) -> None:
    for key, entry in data.sources.items():
        assert entry["kind"] in {"package", "law", "reference", "corpus"}, key
        assert entry["title"], key


def test_iso_codes_are_valid_and_are_the_keys(data: GazetteerData) -> None:
    for unit in data.units.values():
        assert pycountry.countries.get(alpha_2=unit.country) is not None, unit.key
        if unit.iso3166_2:
            sub = pycountry.subdivisions.get(code=unit.iso3166_2)
            assert sub is not None, unit.key
            assert unit.key == unit.iso3166_2 and sub.country_code == unit.country
        elif unit.country != "VN":
            assert "/" in unit.key or pycountry.subdivisions.get(code=unit.key) is None, unit.key


def test_parents_exist_and_share_the_country(data: GazetteerData) -> None:
    for unit in data.units.values():
        if unit.parent:
            assert unit.parent in data.units, unit.key
            assert data.units[unit.parent].country == unit.country, unit.key
            assert "/" not in unit.key or unit.key.startswith(unit.parent.split("/")[0] + "/"), unit.key


def test_no_duplicate_keys() -> None:
    keys = [row["id_key"] for path in (DATA_DIR / "foreign").glob("*.tsv") for row in read_tsv(path)]
    blob = json.loads((DATA_DIR / "vn_units_2024.json").read_text(encoding="utf-8"))
    keys += [p["key"] for p in blob["provinces"]] + [
        d["key"] for p in blob["provinces"] for d in p["districts"]
    ]
    keys += [row["key"] for row in read_tsv(DATA_DIR / "vn_units_extra.tsv")]
    assert [k for k, n in Counter(keys).items() if n > 1] == []


def test_levels_and_written_forms(data: GazetteerData) -> None:
    for unit in data.units.values():
        assert unit.level in LEVELS, unit.key
        assert all(form.strip() == form and form and "\t" not in form for form in unit.names), unit.key


def test_foreign_files_hold_one_country_each() -> None:
    for path in (DATA_DIR / "foreign").glob("*.tsv"):
        if path.stem != "misc":
            assert {row["id_key"][:3] for row in read_tsv(path)} == {path.stem + "-"}, path.name


@pytest.mark.parametrize("country", FOREIGN_FILES)
def test_every_iso_subdivision_of_the_main_partners_is_present(data: GazetteerData, country: str) -> None:
    codes = {s.code for s in pycountry.subdivisions.get(country_code=country) if s.parent_code is None}
    assert codes <= data.units.keys(), sorted(codes - data.units.keys())


def test_all_63_pre2025_provinces_with_iso_codes(data: GazetteerData) -> None:
    provinces = {u.key: u for u in data.units.values() if u.country == "VN" and u.parent is None}
    assert len(provinces) == 63
    assert {u.iso3166_2 for u in provinces.values()} == {
        s.code for s in pycountry.subdivisions.get(country_code="VN")
    }
    assert provinces["VN-54"].name == "Bắc Giang" and provinces["VN-31"].name == "Bình Định"
    assert provinces["VN-23"].name == "Hà Tĩnh" and provinces["VN-HN"].level == "city"
    assert provinces["VN-26"].name == "Thừa Thiên Huế" and provinces["VN-26"].level == "province"


def test_needed_districts_present(data: GazetteerData) -> None:
    wanted = {
        "VN-54/luc_ngan": "district",
        "VN-54/viet_yen": "district",
        "VN-54/bac_giang": "city",
        "VN-05/mai_son": "district",
        "VN-27/hoi_an": "city",
        "VN-26/hue": "city",
    }
    assert {k: data.units[k].level for k in wanted} == wanted
    districts = [u for u in data.units.values() if u.country == "VN" and u.parent]
    assert len(districts) >= 690


def test_mergers_cover_63_into_34_existing_successors(data: GazetteerData) -> None:
    assert sorted(m.pre2025_key for m in data.mergers) == sorted(
        s.code for s in pycountry.subdivisions.get(country_code="VN")
    )
    successors = {m.successor_key for m in data.mergers}
    assert len(successors) == 34 and successors == data.post2025.keys()
    current = {int(p.code): p.name for p in Province.iter_all()}
    rows = list(read_tsv(DATA_DIR / "vn_mergers_2025.tsv"))
    for row in rows:
        assert row["successor_key"] == f"VN2025-{int(row['successor_gso_code']):02d}"
        assert fold_key(current[int(row["successor_gso_code"])]).endswith(fold_key(row["successor_name"]))
        assert fold_key(row["pre2025_name"]) == fold_key(data.units[row["pre2025_key"]].name)
    assert {m.effective.isoformat() for m in data.mergers} == {"2025-07-01"}
    for m in data.mergers:  # the new province carries the name of one of the merged ones
        namesake = fold_key(data.units[m.successor_namesake].name)
        assert fold_key(data.post2025[m.successor_key].name) in namesake
        assert m.successor_namesake in {
            x.pre2025_key for x in data.mergers if x.successor_key == m.successor_key
        }


def test_countries_table(data: GazetteerData) -> None:
    codes = [row["alpha2"] for row in data.countries]
    assert len(codes) == len(set(codes)) > 200
    assert all(pycountry.countries.get(alpha_2=c) is not None for c in codes)
    owner: dict[str, str] = {}
    for row in data.countries:
        for form in filter(None, [row["name"], row["name_vi"], *row["aliases"].split("|")]):
            assert owner.setdefault(fold_key(form), row["alpha2"]) == row["alpha2"], form
    assert sum(1 for row in data.countries if row["name_vi"]) >= 100


def test_admin_terms(data: GazetteerData) -> None:
    for term in data.terms:
        assert term.position in {"prefix", "suffix"} and term.scope in {"vn", "foreign", "en", "country"}
        assert term.levels <= LEVELS and (term.levels or term.scope == "country"), term.term


def test_build_script_reproduces_the_json(tmp_path: Path, vn_json: dict[str, Any]) -> None:
    """Rebuild from a wheel-shaped zip holding the same divisions: the script's output equals the file."""
    prefix = {
        "tỉnh": "Tỉnh",
        "thành phố trung ương": "Thành phố",
        "huyện": "Huyện",
        "quận": "Quận",
        "thị xã": "Thị xã",
        "thành phố": "Thành phố",
    }
    nested = [
        {
            "name": "Thành phố Huế" if p["gso_code"] == 46 else f"{prefix[p['type']]} {p['name']}",
            "code": p["gso_code"],
            "districts": [
                {
                    "name": f"{prefix[d['type']]} {d['name']}",
                    "code": d["gso_code"],
                    "codename": d["key"].split("/")[1],
                    "short_codename": d["key"].split("/")[1],
                }
                for d in p["districts"]
            ],
        }
        for p in vn_json["provinces"]
    ]
    wheel = tmp_path / "vietnam_provinces-0.6.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(build.MEMBER, json.dumps(nested, ensure_ascii=False))
    rebuilt = build.build(wheel)
    assert rebuilt["provinces"] == vn_json["provinces"]
    build.write(rebuilt, tmp_path / "out.json")
    assert (
        json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["provinces"] == vn_json["provinces"]
    )
