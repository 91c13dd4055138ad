"""Static figures for a report (matplotlib, no pyplot state): the partner network laid out by role
and the timeline of agreements. Text is set in DejaVu Sans (shipped with matplotlib, with Vietnamese
glyphs); SVG keeps text as text.

>>> fig = timeline_figure([], "en")
>>> fig.axes[0].texts[0].get_text()
'No agreement states a period or a signing date.'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.explorer.layout import side_of
from graph.explorer.payload import short
from graph.explorer.style import Lang, node_label, status_color, type_style, word
from graph.model import GraphData
from graph.partnerships import PartnershipView
from graph.schema import load_schema
from graph.text import fold

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT: Any = {"font.family": "DejaVu Sans", "svg.fonttype": "none", "font.size": 9}
# vis-network shape (from the schema) -> matplotlib marker
MARKERS = {"dot": "o", "ellipse": "o", "circle": "o", "box": "s", "square": "s", "triangle": "^",
           "diamond": "D", "star": "*", "hexagon": "h"}  # fmt: skip


def save(fig: Figure, stem: Path) -> dict[str, Path]:
    """Write `stem`.png and `stem`.svg."""
    from matplotlib import rc_context

    out = {}
    with rc_context(FONT):
        for fmt in ("png", "svg"):
            path = stem.with_suffix(f".{fmt}")
            meta = {"Date": None} if fmt == "svg" else None  # no date: the same graph gives the same file
            fig.savefig(path, format=fmt, dpi=150, bbox_inches="tight", metadata=meta)
            out[fmt] = path
    return out


def _new_figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def figure_layout(sub: GraphData, rows: Sequence[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Three columns by role: Vietnamese parties (x=0), foreign parties grouped by country (x=1), their
    countries (x=1.5, level with their parties); y grows upwards, one unit per row."""
    view = PartnershipView(sub)
    vn = {r["vn_party"]["id"] for r in rows}
    foreign = {r["foreign_party"]["id"] for r in rows}
    countries = {n.id for n in sub.nodes.values() if n.props.get("level") == "country" and side_of(n) > 0}

    def name(i: str) -> str:
        return fold(str(sub.nodes[i].props.get("name") or i))

    right = sorted(foreign, key=lambda i: (str(sub.nodes[i].props.get("country") or ""), name(i)))
    left = sorted(vn, key=lambda i: (len(view.ancestors(i)), name(i)))
    pos: dict[str, tuple[float, float]] = {i: (1.0, -float(k)) for k, i in enumerate(right)}
    spread = max(1, len(right) - 1) / max(1, len(left) - 1) if len(left) > 1 else 0.0
    top = 0.0 if len(left) > 1 else -(len(right) - 1) / 2
    pos.update({i: (0.0, top - k * spread) for k, i in enumerate(left)})
    for c in countries:
        code = sub.nodes[c].props.get("country")
        ys = [pos[i][1] for i in right if sub.nodes[i].props.get("country") == code]
        if ys:
            pos[c] = (1.5, sum(ys) / len(ys))
    return pos


def network_figure(sub: GraphData, rows: Sequence[dict[str, Any]], title: str, lang: Lang) -> Figure:
    """The partnerships of a place: Vietnamese parties on the left, foreign parties by country on the
    right, lines coloured by status (see `figure_layout`)."""
    import networkx as nx
    from matplotlib import rc_context
    from matplotlib.lines import Line2D

    pos = figure_layout(sub, rows)
    G = nx.Graph()
    G.add_nodes_from(pos)
    partner = {(r["vn_party"]["id"], r["foreign_party"]["id"]): r["status"] for r in rows}
    country_of = {sub.nodes[i].props.get("country"): i for i, (x, _) in pos.items() if x == 1.5}
    belongs = [(i, country_of[sub.nodes[i].props.get("country")]) for i, (x, _) in pos.items()
               if x == 1.0 and sub.nodes[i].props.get("country") in country_of]  # fmt: skip
    with rc_context(FONT):
        fig = _new_figure(12, max(3.5, 1.8 + 0.3 * len({y for _, y in pos.values()})))
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_title(title, fontsize=12)
        nx.draw_networkx_edges(G, pos, edgelist=belongs, ax=ax, edge_color="#cccccc", width=0.8)
        pairs = list(partner)
        nx.draw_networkx_edges(G, pos, edgelist=pairs, ax=ax, width=2.0,
                               edge_color=[status_color(partner[p]) for p in pairs])  # fmt: skip
        types = sorted({sub.nodes[i].type for i in pos})
        for type_name in types:
            style = type_style(type_name)
            ids = [i for i in pos if sub.nodes[i].type == type_name]
            nx.draw_networkx_nodes(G, pos, nodelist=ids, ax=ax, node_color=style.color, node_size=80,
                                   node_shape=MARKERS.get(style.shape, "o"))  # fmt: skip
        for node_id, (x, y) in pos.items():
            node = sub.nodes[node_id]
            level = node.props.get("level") if x == 0 else None  # 'Bắc Giang (tỉnh)', 'Bắc Giang (thành phố)'
            text = short(node_label(node, lang), 40) + (f" ({word('level', level, lang)})" if level else "")
            ax.annotate(text, (x, y), xytext=(-7 if x == 0 else 7, 0),
                        textcoords="offset points", ha="right" if x == 0 else "left", va="center")  # fmt: skip
        ax.set_xlim(-0.75, 2.0)
        handles = [Line2D([], [], color=status_color(s), lw=2, label=word("status", s, lang))
                   for s in sorted(set(partner.values()))]  # fmt: skip
        handles += [Line2D([], [], ls="", marker=MARKERS.get(type_style(t).shape, "o"), color=type_style(t).color,
                           label=load_schema().node(t).label.model_dump()[lang]) for t in types]  # fmt: skip
        if handles:
            ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False)
    return fig


@dataclass(frozen=True, slots=True)
class Bar:
    """One agreement on the timeline."""

    label: str
    status: str
    start: int | None
    end: int | None
    signed: date | None


def parse_date(value: Any) -> date | None:
    """'2021-08-09', '2021-08' or '2021' -> a date (first day of what is known); anything else -> None."""
    parts = str(value or "").split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        return date(numbers[0], *[*numbers[1:], 1, 1][:2])
    except (ValueError, IndexError, TypeError):
        return None


def _year_fraction(d: date) -> float:
    return d.year + (d.timetuple().tm_yday - 1) / 365.25


def timeline_figure(bars: Sequence[Bar], lang: Lang, title: str = "") -> Figure:
    """One bar per agreement from `start` to the end of `end`, coloured by status; a point on the
    signing date. Agreements with neither a period nor a date are counted under the axis."""
    from matplotlib import rc_context
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    dated = [b for b in bars if b.start or b.signed]
    with rc_context(FONT):
        fig = _new_figure(12, max(2.5, 1.4 + 0.36 * len(dated)))
        ax = fig.add_subplot()
        if title:
            ax.set_title(title, fontsize=12)
        if not dated:
            ax.set_axis_off()
            ax.text(0.5, 0.5, word("report", "no_dates", lang), ha="center", va="center", transform=ax.transAxes)
            return fig
        for y, b in enumerate(dated):
            if b.start:
                end = b.end or b.start
                ax.barh(y, end - b.start + 1, left=b.start, height=0.55, color=status_color(b.status), alpha=0.85)
            if b.signed:
                ax.plot([_year_fraction(b.signed)], [y], "D", color="#222222", markersize=5)
        ax.set_yticks(range(len(dated)), [short(b.label, 70) for b in dated])
        ax.set_ylim(len(dated) - 0.4, -0.6)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        undated = len(bars) - len(dated)
        note = "\n(" + word("report", "undated", lang).format(n=undated) + ")" if undated else ""
        ax.set_xlabel(word("report", "year", lang) + note)
        ax.grid(axis="x", color="#eeeeee")
        ax.set_axisbelow(True)
        handles: list[Any] = [Patch(color=status_color(s), label=word("status", s, lang))
                              for s in sorted({b.status for b in dated if b.start})]  # fmt: skip
        handles.append(Line2D([], [], ls="", marker="D", color="#222222", label=word("report", "signed_on", lang)))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig
