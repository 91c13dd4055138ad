"""Positions by role, computed in Python so the browser never runs a physics layout on a big graph.

Vietnamese units stand on the left, foreign units on the right, each side in columns from the
country (outermost) through provinces to cities, districts and the agencies within them; every
province (Vietnamese side) or country (foreign side) gets a horizontal band, so a unit sits level
with the units and agencies it contains. Nodes that belong to no place (agreements, documents,
activities, persons) stand in the middle, one column per type, level with the mean of their
neighbours. A column too long for the picture wraps into several sub-columns (the number of rows is
chosen so the drawing stays about as wide as it is tall). Everything is read from the data
(`country`, `level`, containment edges), never from a list of types.

>>> from graph.model import EdgeFact, NodeFact
>>> g = GraphData.merge([
...     NodeFact("p/VN-54", "Province", {"name": "Bắc Giang", "country": "VN", "level": "province"}),
...     NodeFact("f/LA-XS", "ForeignLocality", {"name": "Xaisomboun", "country": "LA", "level": "province"}),
...     NodeFact("a/1", "Agreement", {"name": "Thỏa thuận"}),
...     EdgeFact("e/1", "PARTY_TO", "p/VN-54", "a/1", {}), EdgeFact("e/2", "PARTY_TO", "f/LA-XS", "a/1", {}),
... ])
>>> pos = role_layout(g)
>>> pos["p/VN-54"][0] < pos["a/1"][0] < pos["f/LA-XS"][0]
True
"""

from __future__ import annotations

import math
from collections import defaultdict

from graph.model import GraphData, Node
from graph.partnerships import PartnershipView
from graph.schema import load_schema
from graph.text import fold

HOME_COUNTRY = "VN"
COLUMN_STEP = 170.0  # horizontal gap between two columns
SUB_STEP = 150.0  # horizontal gap between the sub-columns of a wrapped column
ROW_STEP = 48.0  # vertical distance between nodes in one (sub-)column
BAND_GAP = 50.0  # vertical gap between two provinces' (or countries') bands
MAX_DEPTH = 3  # deeper containment shares the innermost column
ASPECT = 0.75  # wanted height / width of the whole drawing

Position = tuple[float, float]
Bands = dict[str, dict[int, list[str]]]  # band -> column -> node ids in order


def side_of(node: Node) -> int:
    """-1 for Vietnamese units, +1 for foreign ones, 0 for what belongs to no country."""
    country = node.props.get("country")
    if not country:
        return 0
    return -1 if str(country).upper() == HOME_COUNTRY else 1


def _bands(g: GraphData, view: PartnershipView, side: int) -> Bands:
    keyed: dict[str, dict[int, list[tuple[tuple[str, ...], str]]]] = defaultdict(lambda: defaultdict(list))
    for node in g.nodes.values():
        if side_of(node) != side:
            continue
        chain = [a for a in reversed(view.ancestors(node.id)) if a in g.nodes]
        column = 0 if node.props.get("level") == "country" else 1 + min(len(chain), MAX_DEPTH)
        if side > 0:
            band = str(node.props.get("country")).upper()
        else:
            band = "" if column == 0 else fold(str(g.nodes[(chain or [node.id])[0]].props.get("name") or ""))
        key = tuple(fold(str(g.nodes[i].props.get("name") or i)) for i in [*chain, node.id])
        keyed[band][column].append((key, node.id))
    return {b: {c: [i for _, i in sorted(m)] for c, m in cols.items()} for b, cols in keyed.items()}


def _subs(count: int, rows: int) -> int:
    return max(1, math.ceil(count / rows))


def _size(sides: list[Bands], rows: int) -> tuple[float, float]:
    """Height and width of the two sides if no (sub-)column holds more than `rows` nodes."""
    height = max(
        (sum(ROW_STEP * max(min(len(m), rows) for m in cols.values()) + BAND_GAP for cols in bands.values())
         for bands in sides), default=0.0,
    )  # fmt: skip
    width = 0.0
    for bands in sides:
        for column in {c for cols in bands.values() for c in cols}:
            widest = max(_subs(len(cols.get(column, [])), rows) for cols in bands.values())
            width += COLUMN_STEP + SUB_STEP * (widest - 1)
    return height, width


def choose_rows(bands: Bands) -> int:
    """The most rows per sub-column that keeps one side's height / width near twice `ASPECT` (a side
    is about half the drawing), never wrapping needlessly."""
    tallest = max((len(m) for cols in bands.values() for m in cols.values()), default=1)
    best, best_score = tallest, math.inf
    for rows in range(tallest, 2, -1):
        height, width = _size([bands], rows)
        score = abs(math.log(max(height, 1.0) / max(width, 1.0) / (2 * ASPECT)))
        if score < best_score - 1e-9:
            best, best_score = rows, score
    return best


def _tiles(heights: list[float], width: float) -> list[int]:
    """Which tile each band goes to: bands stacked taller than the side is wide (times `2 * ASPECT`)
    are dealt, in order, into side-by-side tiles of about equal height."""
    total = sum(heights)
    count = max(1, round(math.sqrt(total / max(width, 1.0) / (2 * ASPECT))))
    out, acc = [], 0.0
    for h in heights:
        out.append(min(count - 1, int(acc / (total / count))))
        acc += h
    return out


def _side_positions(bands: Bands, side: int, rows: int, inner: float) -> dict[str, Position]:
    """Columns from the middle outwards (deepest first), starting at distance `inner` from x = 0."""
    columns = sorted({c for cols in bands.values() for c in cols}, reverse=True)
    x_of: dict[int, float] = {}
    x = 0.0
    for column in columns:
        x_of[column] = x
        x += COLUMN_STEP + SUB_STEP * (max(_subs(len(cols.get(column, [])), rows) for cols in bands.values()) - 1)
    order = sorted(bands)
    heights = [ROW_STEP * max(min(len(m), rows) for m in bands[b].values()) for b in order]
    tiles = _tiles([h + BAND_GAP for h in heights], x)
    pos: dict[str, Position] = {}
    tops = [0.0] * (max(tiles, default=0) + 1)
    for band, height, tile in zip(order, heights, tiles, strict=True):
        for column, members in bands[band].items():
            subs = _subs(len(members), rows)
            per_sub = math.ceil(len(members) / subs)
            for i, node_id in enumerate(members):
                sub, row = divmod(i, per_sub)
                dx = inner + tile * x + x_of[column] + SUB_STEP * sub
                pos[node_id] = (side * dx, tops[tile] + height / per_sub * (row + 0.5))
        tops[tile] += height + BAND_GAP
    return {k: (x, y - tops[0] / 2) for k, (x, y) in pos.items()}


def _side_height(positions: dict[str, Position]) -> float:
    ys = [y for _, y in positions.values()]
    return max(ys) - min(ys) + ROW_STEP if ys else 0.0


def _spread(ys: list[tuple[float, str]], subs: int) -> dict[str, tuple[int, float]]:
    """Sub-column and y of each node: order kept, dealt round-robin, at least ROW_STEP apart, mean kept."""
    ys = sorted(ys)
    out: dict[str, tuple[int, float]] = {}
    for sub in range(subs):
        mine = ys[sub::subs]
        placed: list[float] = []
        for y, _ in mine:
            placed.append(max(y, placed[-1] + ROW_STEP) if placed else y)
        shift = (sum(y for y, _ in mine) - sum(placed)) / len(placed) if placed else 0.0
        out.update({node_id: (sub, y + shift) for (_, node_id), y in zip(mine, placed, strict=True)})
    return out


def _middle_positions(g: GraphData, placed: dict[str, Position], height: float) -> tuple[dict[str, Position], float]:
    """Positions of the middle nodes, and the half-width of the middle."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for e in g.edges.values():
        neighbours[e.source].append(e.target)
        neighbours[e.target].append(e.source)
    todo = [n.id for n in g.nodes.values() if side_of(n) == 0]
    ys: dict[str, float] = {}
    for _ in range(3):  # agreements first (next to places), then what is next to agreements
        for node_id in todo:
            known = [placed[m][1] if m in placed else ys[m] for m in neighbours[node_id] if m in placed or m in ys]
            if node_id not in ys and known:
                ys[node_id] = sum(known) / len(known)
    by_type: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for node_id in todo:
        by_type[g.nodes[node_id].type].append((ys.get(node_id, 0.0), node_id))
    types = [t for t in load_schema().nodes if t in by_type]
    subs = {t: _subs(len(by_type[t]), max(1, int(height / ROW_STEP))) for t in types}
    width = sum(SUB_STEP * (subs[t] - 1) for t in types) + COLUMN_STEP * max(0, len(types) - 1)
    pos: dict[str, Position] = {}
    x = -width / 2
    for t in types:
        for node_id, (sub, y) in _spread(by_type[t], subs[t]).items():
            pos[node_id] = (x + SUB_STEP * sub, y)
        x += SUB_STEP * (subs[t] - 1) + COLUMN_STEP
    return pos, width / 2


def role_layout(g: GraphData) -> dict[str, Position]:
    """x, y of every node (vis-network's coordinates: y grows downwards)."""
    view = PartnershipView(g)
    sides = {side: _bands(g, view, side) for side in (-1, 1)}
    rows = {side: choose_rows(bands) for side, bands in sides.items()}
    first = {side: _side_positions(sides[side], side, rows[side], 0.0) for side in sides}
    height = max(_side_height(p) for p in first.values())
    middle, half = _middle_positions(g, {**first[-1], **first[1]}, height)  # needs the sides' y only
    inner = half + COLUMN_STEP
    placed = {k: v for side in sides for k, v in _side_positions(sides[side], side, rows[side], inner).items()}
    return {**placed, **middle}
