"""What the explorer and the report draw with, all read from data: node colour and shape from the
schema (`explorer: {color, shape}` in each node type file), status colours generated from the status
values the schema declares, interface words from `i18n.json`.

>>> type_style("Province").color
'#d62728'
>>> status_colors()["signed"]
'#2ca02c'
>>> node_label(Node("country/LA", "Country", {"name": "Laos", "name_vi": "Lào"}), "en")
'Laos'
>>> years_of({"period_start": 2021, "period_end": 2025, "signed_on": "2021-08-09"})
(2021, 2025)
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from graph.errors import InputError
from graph.model import Node
from graph.schema import Explorer, load_schema

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
I18N = Path(__file__).with_name("i18n.json")
# A categorical palette (matplotlib's tab10, reordered); statuses take colours in the schema's order.
PALETTE = (
    "#2ca02c", "#17becf", "#ff7f0e", "#bcbd22", "#9467bd", "#7f7f7f", "#1f77b4", "#8c564b",
    "#e377c2", "#d62728",
)  # fmt: skip
UNKNOWN_COLOR = "#b0b0b0"
# Properties that say when a fact happens (a place's `valid_until` does not: it is not filtered on).
YEAR_PROPS = ("period_start", "period_end", "years", "signed_on", "date", "deadline")


def check_lang(lang: str) -> Lang:
    if lang not in LANGS:
        raise InputError(repr(lang), f"unknown language; use one of {', '.join(LANGS)}")
    return cast(Lang, lang)


def type_style(type_name: str) -> Explorer:
    """Colour and shape of a node type, from its schema file."""
    return load_schema().node(type_name).explorer


@cache
def status_values() -> tuple[str, ...]:
    """Every value a `status` property may take, in the order the schema declares them."""
    schema = load_schema()
    out: list[str] = []
    for t in [*schema.nodes.values(), *schema.edges.values()]:
        prop = t.properties.get("status")
        for v in (prop.values or []) if prop else []:
            if v not in out:
                out.append(v)
    return tuple(out)


def status_colors() -> dict[str, str]:
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(status_values())}


def status_color(status: str | None) -> str:
    return status_colors().get(status or "", UNKNOWN_COLOR)


@cache
def ui_text() -> dict[str, Any]:
    """The interface words (`ui`) and value labels (`status`, `level`) in Vietnamese and English."""
    data: dict[str, Any] = json.loads(I18N.read_text(encoding="utf-8"))
    return data


def word(section: str, key: str, lang: Lang) -> str:
    """A translated word: `word("status", "signed", "vi") == "đã ký"`; unknown keys come back as given."""
    entry = ui_text().get(section, {}).get(key)
    return str(entry[lang]) if entry else key


def node_label(node: Node, lang: Lang) -> str:
    """The node's name in `lang`: `name_vi` for Vietnamese, `name` for English, the id if unnamed."""
    p = node.props
    first, second = ("name_vi", "name") if lang == "vi" else ("name", "name_vi")
    return str(p.get(first) or p.get(second) or node.id)


def _year(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value or "")
    return int(text[:4]) if text[:4].isdigit() else None


def years_of(props: dict[str, Any]) -> tuple[int, int] | None:
    """The span of years a node or edge is about (period, years, dates), or None if it names none."""
    years: list[int] = []
    for key, value in props.items():
        if key in YEAR_PROPS:
            for v in value if isinstance(value, list) else [value]:
                y = _year(v)
                if y is not None and 1800 < y < 2200:
                    years.append(y)
    return (min(years), max(years)) if years else None
