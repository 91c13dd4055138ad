"""Report pieces for one place: what a researcher pastes into a paper or a brief.

`build_report(g, place, out_dir, lang)` writes into `out_dir`:

- `network.png`, `network.svg`: the place's partners, laid out by role, partnerships coloured by status;
- `timeline.png`, `timeline.svg`: one bar per agreement (or relationship naming no agreement but its
  years) over its period, coloured by status, with signing dates as points;
- `partnerships.csv`, `partnerships.md`, `partnerships.xlsx`: the partnership table, each row citing
  its documents and sections (Markdown and XLSX add every quote);
- `report.html`: all of it in one self-contained file (figures as data URIs, no outside link).
"""

from __future__ import annotations

import base64
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from graph.errors import StoreError
from graph.explorer.focus import partnership_subgraph, resolve
from graph.explorer.style import Lang, check_lang, node_label, word
from graph.model import GraphData
from graph.report.figures import Bar, network_figure, parse_date, save, timeline_figure
from graph.report.tables import (
    COLUMNS,
    SHOWN,
    evidence_rows,
    headers,
    party_text,
    table_rows,
    write_csv,
    write_markdown,
    write_xlsx,
)

__all__ = ["build_report"]
HTML_WORDS = ("network", "timeline", "table", "evidence", "no_rows", "generated")


def agreement_bars(g: GraphData, rows: list[dict[str, Any]], lang: Lang) -> list[Bar]:
    """The agreements of the rows (once each), with period, signing date and status; and the
    relationships that name no agreement but state a period (schools "ký hợp tác 03 năm 2019-2021")."""
    bars: dict[str, Bar] = {}
    for r in rows:
        a = r["agreement"]
        key = a["id"] if a else r["id"]
        if key in bars or (not a and not r.get("period")):
            continue
        props = g.nodes[a["id"]].props if a and a["id"] in g.nodes else {}
        start, _, end = str(r.get("period") or "").partition("-")
        pair = f"{party_text(r['vn_party'], lang)} — {party_text(r['foreign_party'], lang)}"
        bars[key] = Bar(
            label=str((a or {}).get("title") or pair), status=str(props.get("status") or r["status"]),
            start=props.get("period_start") or (int(start) if start else None),
            end=props.get("period_end") or (int(end) if end else None),
            signed=parse_date((a or {}).get("signed_on") or r.get("signed_on")),
        )  # fmt: skip
    return sorted(bars.values(), key=lambda b: (b.start or (b.signed.year if b.signed else 9999), b.label))


def _data_uri(path: Path, media: str) -> str:
    return f"data:{media};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def build_report(g: GraphData, place: str, out_dir: Path, lang: str = "vi") -> dict[str, Path]:
    """Write the report files for `place` (any spelling) into `out_dir`; returns them by kind."""
    language = check_lang(lang)
    sub, rows = partnership_subgraph(g, place)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{out_dir}: cannot create the report folder: {exc}") from exc
    names = sorted({node_label(g.nodes[i], language) for i in resolve(g, place)})
    title = word("report", "title", language).format(place=" / ".join(names))
    table, quotes = table_rows(rows, g, language), evidence_rows(rows, g, language)
    written: dict[str, Path] = {}
    net = save(network_figure(sub, rows, title, language), out_dir / "network")
    timeline = save(timeline_figure(agreement_bars(g, rows, language), language), out_dir / "timeline")
    written.update({"network_png": net["png"], "network_svg": net["svg"]})
    written.update({"timeline_png": timeline["png"], "timeline_svg": timeline["svg"]})
    written["csv"] = write_csv(out_dir / "partnerships.csv", table, language)
    written["markdown"] = write_markdown(out_dir / "partnerships.md", title, table, quotes, language)
    written["xlsx"] = write_xlsx(out_dir / "partnerships.xlsx", table, quotes, language)
    by_pair: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in quotes:
        by_pair[q["partnership"]].append(q)
    countries = {r["foreign_party"].get("country") for r in rows} - {None}
    docs = {ev["document_id"] for r in rows for ev in r["evidence"]}
    html = templates_report().render(
        lang=language, title=title, columns=COLUMNS[:SHOWN], headers=headers(language)[:SHOWN], table=table,
        quotes=list(by_pair.items()),
        summary=word("report", "summary", language).format(n=len(rows), countries=len(countries), docs=len(docs)),
        words={k: word("report", k, language) for k in HTML_WORDS},
        network_svg=_data_uri(net["svg"], "image/svg+xml"), timeline_svg=_data_uri(timeline["svg"], "image/svg+xml"),
    )  # fmt: skip
    written["html"] = out_dir / "report.html"
    written["html"].write_text(html, encoding="utf-8")
    return written


@cache
def templates_report() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True, undefined=jinja2.StrictUndefined,
    )  # fmt: skip
    return env.get_template("report.html")
