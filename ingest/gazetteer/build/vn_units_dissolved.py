"""Regenerate the generated rows of ``data/vn_units_extra.tsv`` (district-level units that vietnam-provinces
0.6.0 no longer lists) and of ``data/vn_aliases.tsv`` (former names of renamed district-level units).

Inputs: the wheels of ``vietnam-provinces`` 0.6.0 and of older releases (``SNAPSHOTS``, newest first, sha256
pinned in ``SHA256``), read as zip files and never installed; ``data/vn_units_2024.json`` for the ISO codes and
keys of 0.6.0; ``data/sources.yaml`` for the laws that reorganised each province's districts.

    python -m ingest.gazetteer.build.vn_units_dissolved                 # downloads the wheels with pip
    python -m ingest.gazetteer.build.vn_units_dissolved --wheels /tmp/vp  # vietnam_provinces-<v>-*.whl there

A district of an old release is matched with 0.6.0 by its GSO code (``classify``):

- same code, same name (the type may differ: huyện Việt Yên → thị xã Việt Yên): the same unit, nothing to add;
- same code, other name, and the two hold the same communes: renamed — the old name becomes an alias row;
- code gone, or reused by a unit that also took other districts' communes (Đạ Tẻh → Đạ Huoai): the old unit
  becomes a row with ``valid_until`` = the day before the law that reorganised its province took effect
  (``sources.yaml``: a ``law`` entry with ``reorganises: [ISO codes]`` and ``effective``); without a verified
  date, the day before ``reflects_until`` of 0.6.0 (its data already shows every change effective by then).

Rows without an old package among their sources (hand-written, like the provincial city Huế) are kept as they
are and win over a generated row with the same key.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InputError
from ingest.gazetteer.build.vn_units_2024 import MEMBER, _fold, _split_type
from ingest.gazetteer.loader import DATA_DIR

CURRENT = "0.6.0"
SNAPSHOTS = ("0.5.0", "0.2.2")  # newest first: the GSO list of 705 units (2024) and of 707 units (Jan. 2020)
SHA256 = {
    "0.6.0": "4b5772870efdcb7c58a64fbdc0e0c9ce497e67017a0c189dff99582ddadb7815",
    "0.5.0": "c56acf6c4ad3b4275b77ebf00903d862f04a389e385813c7df9a89b6490dbdfc",
    "0.2.2": "5acf135ba97247f69d219abe1be421a65493089a7010b28435d4d461bb00a57a",
}
EXTRA_HEADER = ["key", "name", "type", "parent", "aliases", "valid_until", "source"]
GENERATED = "# generated:"


def package(version: str) -> str:
    return f"vietnam-provinces-{version}"


@dataclass(frozen=True, slots=True)
class District:
    """One district-level unit of a release: GSO codes, bare name, Vietnamese type, slug, commune codes."""

    code: int
    province: int
    name: str
    kind: str
    slug: str
    wards: frozenset[int]


def districts(nested: list[dict[str, Any]]) -> dict[int, District]:
    """The district-level units of a release's ``nested-divisions.json``, by GSO code."""
    out: dict[int, District] = {}
    for prov in nested:
        shorts = [d["short_codename"] for d in prov["districts"]]
        for d in prov["districts"]:
            name, kind = _split_type(d["name"])
            slug = d["short_codename"] if shorts.count(d["short_codename"]) == 1 else d["codename"]
            wards = frozenset(w["code"] for w in d.get("wards", []))
            out[d["code"]] = District(d["code"], prov["code"], name, kind, slug, wards)
    return out


def same_communes(old: District, new: District, old_known: set[int], new_known: set[int]) -> bool:
    """Whether ``old`` and ``new`` cover the same communes: every commune of one that the other release knows
    (``*_known``: all its commune codes) belongs to the other; communes merged inside the unit keep a code."""
    return bool(old.wards & new.wards) and (new.wards & old_known) <= old.wards and (old.wards & new_known) <= new.wards


def classify(
    old_all: dict[int, District], new_all: dict[int, District]
) -> tuple[list[District], list[tuple[District, District]]]:
    """(units of ``old_all`` that no longer exist, (old, new) pairs of renamed units), both by GSO code.

    >>> a = District(1, 9, "Yên Dũng", "huyện", "yen_dung", frozenset({10, 11}))
    >>> b = District(2, 9, "Qui Nhơn", "thành phố", "qui_nhon", frozenset({20}))
    >>> c = District(3, 9, "Bắc Giang", "thành phố", "bac_giang", frozenset({30}))
    >>> b2 = District(2, 9, "Quy Nhơn", "thành phố", "quy_nhon", frozenset({20}))
    >>> c2 = District(3, 9, "Bắc Giang", "thành phố", "bac_giang", frozenset({10, 11, 30}))
    >>> gone, renamed = classify({1: a, 2: b, 3: c}, {2: b2, 3: c2})
    >>> [d.name for d in gone], [(o.name, n.name) for o, n in renamed]
    (['Yên Dũng'], [('Qui Nhơn', 'Quy Nhơn')])
    """
    gone: list[District] = []
    renamed: list[tuple[District, District]] = []
    old_known = {w for d in old_all.values() for w in d.wards}
    new_known = {w for d in new_all.values() for w in d.wards}
    for code, old in sorted(old_all.items()):
        new = new_all.get(code)
        if new is not None and _fold(new.name) == _fold(old.name):
            continue
        if new is not None and same_communes(old, new, old_known, new_known):
            renamed.append((old, new))
        else:
            gone.append(old)
    return gone, renamed


@dataclass(frozen=True, slots=True)
class Laws:
    """The ``law`` entries of ``sources.yaml`` that reorganised districts, by province ISO code."""

    by_province: dict[str, list[tuple[str, date | None]]]
    bound: date | None  # the day before 0.6.0's ``reflects_until``

    @classmethod
    def of(cls, sources: dict[str, Any]) -> Laws:
        by_province: dict[str, list[tuple[str, date | None]]] = {}
        for key, entry in sorted(sources.items()):
            for iso in entry.get("reorganises", []):
                when = entry.get("effective")
                by_province.setdefault(iso, []).append((key, date.fromisoformat(str(when)) if when else None))
        until = sources.get(package(CURRENT), {}).get("reflects_until")
        return cls(by_province, date.fromisoformat(str(until)) - timedelta(days=1) if until else None)

    def dissolution(self, iso: str, in_newest: bool) -> tuple[list[str], date]:
        """Law keys to cite and the last day of a unit of province ``iso`` that 0.6.0 no longer lists."""
        found = self.by_province.get(iso, [])
        if len(found) > 1:
            raise InputError("sources.yaml", f"several laws reorganise {iso}: {[k for k, _ in found]}")
        when = found[0][1] if found else None
        if when is not None:
            return [found[0][0]], when - timedelta(days=1)
        if in_newest and self.bound is not None:  # no verified date: 0.6.0 already shows the change
            return [k for k, _ in found], self.bound
        raise InputError("sources.yaml", f"no law with an effective date reorganises {iso}")


def extra_rows(
    gone: list[tuple[str, District]], iso_of: dict[int, str], taken: set[str], laws: Laws
) -> list[dict[str, str]]:
    """Rows for ``vn_units_extra.tsv``: one per (release, unit gone), the first release naming a unit wins.

    Keys are ``<ISO>/<slug>``, with ``_<GSO code>`` appended when 0.6.0 or another row already uses the key
    (the old huyện Đạ Huoai is ``VN-35/da_huoai_681``, the new one ``VN-35/da_huoai``).
    """
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    used = set(taken)
    for version, d in gone:
        iso = iso_of[d.province]
        if (iso, _fold(d.name)) in seen:
            continue
        seen.add((iso, _fold(d.name)))
        key = f"{iso}/{d.slug}"
        key = f"{key}_{d.code}" if key in used else key
        used.add(key)
        cite, until = laws.dissolution(iso, version == SNAPSHOTS[0])
        rows.append({"key": key, "name": d.name, "type": d.kind, "parent": iso, "aliases": "",
                     "valid_until": until.isoformat(), "source": ";".join([package(version), *cite])})  # fmt: skip
    return sorted(rows, key=lambda r: r["key"])


def alias_rows(renamed: list[tuple[str, District, District]], key_of: dict[int, str]) -> list[dict[str, str]]:
    """Rows for ``vn_aliases.tsv``: the former name of each renamed unit, on its 0.6.0 key."""
    rows = {(key_of[new.code], old.name): package(v) for v, old, new in reversed(renamed)}
    return [{"key": k, "alias": a, "source": s} for (k, a), s in sorted(rows.items())]


def read_wheel(wheel: Path, version: str) -> dict[int, District]:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != SHA256[version]:
        raise InputError(str(wheel), f"sha256 {digest} is not the pinned {SHA256[version]}")
    with zipfile.ZipFile(wheel) as zf:
        return districts(json.loads(zf.read(MEMBER)))


def generate(wheels: dict[str, Path], data_dir: Path = DATA_DIR) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(generated rows of vn_units_extra.tsv, generated rows of vn_aliases.tsv) from the wheels."""
    blob = json.loads((data_dir / "vn_units_2024.json").read_text(encoding="utf-8"))
    iso_of = {p["gso_code"]: p["key"] for p in blob["provinces"]}
    key_of = {d["gso_code"]: d["key"] for p in blob["provinces"] for d in p["districts"]}
    sources = yaml.safe_load((data_dir / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    current = read_wheel(wheels[CURRENT], CURRENT)
    gone: list[tuple[str, District]] = []
    renamed: list[tuple[str, District, District]] = []
    for version in SNAPSHOTS:
        lost, moved = classify(read_wheel(wheels[version], version), current)
        gone += [(version, d) for d in lost]
        renamed += [(version, old, new) for old, new in moved]
    manual = {r["key"] for r in manual_rows(data_dir / "vn_units_extra.tsv")[1]}
    taken = set(key_of.values()) | manual
    extra = [r for r in extra_rows(gone, iso_of, taken - manual, Laws.of(sources)) if r["key"] not in manual]
    return extra, alias_rows(renamed, key_of)


def is_generated(source: str) -> bool:
    return any(package(v) in source.split(";") for v in SNAPSHOTS)


def manual_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """(comment lines other than the generated ones, rows citing no old release) of a TSV file."""
    comments, rows, header = [], [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            comments += [] if line.startswith(GENERATED) or not line else [line]
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
        elif not is_generated(dict(zip(header, cells, strict=True))["source"]):
            rows.append(dict(zip(header, cells, strict=True)))
    return comments, rows


def write_tsv(path: Path, header: list[str], rows: list[dict[str, str]], note: str) -> None:
    """Rewrite ``path``: its own comments, ``note``, the header, the hand-written rows, then ``rows``."""
    comments, manual = manual_rows(path)
    lines = [*comments, *(f"{GENERATED} {n}" for n in note.splitlines()), "\t".join(header)]
    lines += ["\t".join(r[h] for h in header) for r in [*manual, *rows]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def download(dest: Path) -> dict[str, Path]:
    """Fetch every wheel with pip (no dependencies, no install)."""
    for version in (CURRENT, *SNAPSHOTS):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest),
                        f"vietnam-provinces=={version}"], check=True)  # fmt: skip
    return find_wheels(dest)


def find_wheels(folder: Path) -> dict[str, Path]:
    return {v: next(folder.glob(f"vietnam_provinces-{v}-*.whl")) for v in (CURRENT, *SNAPSHOTS)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wheels", type=Path, help="folder holding vietnam_provinces-<version>-*.whl")
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheels = find_wheels(args.wheels) if args.wheels else download(Path(tmp))
        extra, aliases = generate(wheels, args.data)
    script = "ingest/gazetteer/build/vn_units_dissolved.py"
    pins = "\n".join(f"  vietnam-provinces {v}: wheel sha256 {SHA256[v]}" for v in (CURRENT, *SNAPSHOTS))
    write_tsv(
        args.data / "vn_units_extra.tsv",
        EXTRA_HEADER,
        extra,
        f"rows citing vietnam-provinces-{'/'.join(SNAPSHOTS)} are written by {script} from\n{pins}",
    )
    write_tsv(
        args.data / "vn_aliases.tsv",
        ["key", "alias", "source"],
        aliases,
        f"rows citing vietnam-provinces-{'/'.join(SNAPSHOTS)}: former names of renamed units ({script})",
    )


if __name__ == "__main__":
    main()
