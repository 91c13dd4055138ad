"""The explorer page, its data, its layout and the document view, on the sample corpus run through the
whole pipeline (examples/corpus/, five provincial documents) and on synthetic graphs for scale."""

from __future__ import annotations

import doctest
import html as html_lib
import importlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.consolidate import consolidate
from graph.errors import InputError, NotFoundError
from graph.explorer import (
    AGGREGATE_THRESHOLD,
    asset_path,
    document_highlights,
    media_type,
    render_document_view,
    render_explorer,
    render_partners_embed,
)  # fmt: skip
from graph.explorer.focus import neighbourhood, partnership_subgraph
from graph.explorer.layout import role_layout, side_of
from graph.explorer.synthetic import synthetic_graph
from graph.model import Evidence, GraphData, NodeFact
from graph.schema import load_schema
from ingest.pipeline import build_record
from ingest.readers import read_document

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
REMOTE = re.compile(r"(?i)https?://")


@pytest.fixture(scope="module")
def corpus() -> tuple[GraphData, dict[str, str]]:
    """The corpus graph as the store gives it (merged, consolidated) and each document's text."""
    facts, texts = [], {}
    for path in sorted(CORPUS.glob("*.txt")):
        record = build_record(read_document(path))
        facts.extend(record.facts)
        texts[record.id] = record.text
    return consolidate(GraphData.merge(facts)), texts


@pytest.fixture(scope="module")
def page(corpus: tuple[GraphData, dict[str, str]]) -> str:
    g, texts = corpus
    return render_explorer(g, texts=texts)


def payload(page: str) -> dict[str, Any]:
    """The JSON the page's script reads."""
    m = re.search(r'<script id="hoptac-data" type="application/json">(.*?)</script>', page, re.S)
    assert m, "the page carries its data in a JSON script element"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


def test_every_node_once_with_the_schema_colour_and_shape_of_its_type(
    corpus: tuple[GraphData, dict[str, str]], page: str
) -> None:
    g, _ = corpus
    nodes = payload(page)["nodes"]
    assert sorted(n["id"] for n in nodes) == sorted(g.nodes)
    schema = load_schema()
    for n in nodes:
        style = schema.node(g.nodes[n["id"]].type).explorer
        assert (n["color"], n["shape"]) == (style.color, style.shape), n["id"]


def test_every_edge_between_drawn_nodes_is_drawn(corpus: tuple[GraphData, dict[str, str]], page: str) -> None:
    g, _ = corpus
    edges = payload(page)["edges"]
    assert sorted(e["id"] for e in edges) == sorted(g.edges)
    assert all(e["from"] == g.edges[e["id"]].source and e["to"] == g.edges[e["id"]].target for e in edges)


def test_no_remote_address_anywhere_in_the_standalone_page(page: str) -> None:
    assert REMOTE.search(page) is None
    assert "<script src" not in page and "<link" not in page  # everything inlined
    assert "vis.Network" in page  # vis-network itself is in the page


def test_addresses_in_the_data_are_neutralised_too() -> None:
    ev = Evidence("document/x", "x.txt", "I", 0, 40, "xem https://bacgiang.gov.vn </script> <b>")
    g = GraphData.merge([NodeFact("country/LA", "Country", {"name": "Laos", "country": "LA"}, (ev,))])
    page = render_explorer(g)
    assert REMOTE.search(page) is None
    assert payload(page)["details"]["country/LA"]["evidence"][0][4] == ev.quote  # same text once parsed


def test_app_mode_loads_local_assets_and_links_to_the_document_view(
    corpus: tuple[GraphData, dict[str, str]],
) -> None:
    g, texts = corpus
    page = render_explorer(g, asset_url="/explore/assets/", texts=texts)
    srcs = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert sorted(srcs) == ["/explore/assets/explorer.css", "/explore/assets/explorer.js",
                            "/explore/assets/vis-network.min.js"]  # fmt: skip
    data = payload(page)
    assert data["docUrl"] == "/documents/{id}/view"
    assert all("text" not in d for d in data["documents"].values())  # the app serves texts itself
    assert REMOTE.search(page) is None
    with pytest.raises(InputError):
        render_explorer(g, asset_url="https://cdn.example.org/assets")


def test_standalone_page_embeds_the_text_of_every_cited_document(
    corpus: tuple[GraphData, dict[str, str]], page: str
) -> None:
    _, texts = corpus
    docs = payload(page)["documents"]
    assert {d for d in docs if "text" in docs[d]} == set(texts)  # other cited sources (a gazetteer table) have none
    assert all(docs[d]["text"] == texts[d] for d in texts)
    assert {d["name"] for d in docs.values()} >= {"Kế hoạch (2022-08)"}


def test_labels_in_both_languages_and_the_language_asked_for(corpus: tuple[GraphData, dict[str, str]]) -> None:
    g, _ = corpus
    en = {n["id"]: n for n in payload(render_explorer(g, lang="en"))["nodes"]}
    assert en["country/LA"]["label"] == "Laos"
    assert en["country/LA"]["hLabel"] == {"vi": "Lào", "en": "Laos"}
    assert en["foreign/LA-XS"]["hLabel"]["vi"] == "Xay Sổm Bun"
    with pytest.raises(InputError):
        render_explorer(g, lang="fr")


def test_partnership_tooltip_gives_status_agreement_period_and_citing_documents(page: str) -> None:
    edges = {(e["from"], e["to"], e["hType"]): e for e in payload(page)["edges"]}
    edge = edges[("province/VN-54", "foreign/LA-XS", "PARTNERS_WITH")]
    title = edge["hTitle"]["vi"]
    assert title.startswith("Bắc Giang — hợp tác với → Xay Sổm Bun")
    assert "Tình trạng: đang thực hiện" in title
    assert "Giai đoạn: 2021–2025" in title
    assert "Thỏa thuận (id): Thoả thuận hợp tác giữa UBND tỉnh và Chính quyền tỉnh Xay Sổm Bun" in title
    assert re.search(r"Văn bản: .*Kế hoạch \(2022-08\) §II\.", title)
    assert "Status: being implemented" in edge["hTitle"]["en"]
    assert edge["hStatus"] == ["implemented"] and edge["hYears"] == [2021, 2025]


def test_side_panel_data_holds_each_fact_s_quotes(corpus: tuple[GraphData, dict[str, str]], page: str) -> None:
    g, _ = corpus
    details = payload(page)["details"]
    for item in [*g.nodes.values(), *g.edges.values()]:
        quotes = [row[4] for row in details[item.id]["evidence"]]
        assert quotes == [ev.quote for ev in item.evidence][: len(quotes)]
        assert len(quotes) + details[item.id]["more"] == len(item.evidence)


def test_layout_by_role(corpus: tuple[GraphData, dict[str, str]]) -> None:
    g, _ = corpus
    pos = role_layout(g)
    assert set(pos) == set(g.nodes)
    middle = [pos[n.id][0] for n in g.nodes.values() if side_of(n) == 0]
    for n in g.nodes.values():
        x = pos[n.id][0]
        if side_of(n) < 0:
            assert x < min(middle), n.id
        elif side_of(n) > 0:
            assert x > max(middle), n.id
    # a country stands outside its units, level with them
    lao = [pos[n.id] for n in g.nodes.values() if n.props.get("country") == "LA" and n.type != "Country"]
    assert pos["country/LA"][0] > max(x for x, _ in lao)
    assert min(y for _, y in lao) <= pos["country/LA"][1] <= max(y for _, y in lao)
    assert len(set(pos.values())) == len(pos)  # no two nodes on one spot


def test_focus_draws_only_the_neighbourhood(corpus: tuple[GraphData, dict[str, str]]) -> None:
    g, _ = corpus
    data = payload(render_explorer(g, focus="Xay Som Bun", depth=1))
    ids = {n["id"] for n in data["nodes"]}
    assert ids == set(neighbourhood(g, {"foreign/LA-XS"}, 1).nodes)
    assert "foreign/LA-XS" in ids and "country/LA" in ids and len(ids) < len(g.nodes)
    assert "Xay Sổm Bun" in data["notes"][0]["vi"]
    with pytest.raises(NotFoundError):
        render_explorer(g, focus="Atlantis")


def test_partners_embed_is_the_place_s_partnerships(corpus: tuple[GraphData, dict[str, str]]) -> None:
    g, _ = corpus
    page = render_partners_embed(g, "Bình Định", asset_url="/explore/assets")
    data = payload(page)
    sub, rows = partnership_subgraph(g, "Bình Định")
    assert {n["id"] for n in data["nodes"]} == set(sub.nodes)
    assert {r["foreign_party"]["id"] for r in rows} <= set(sub.nodes)
    assert data["embed"] is True and '<body class="embed">' in page


def test_aggregates_by_province_and_country_above_the_threshold() -> None:
    g = synthetic_graph(AGGREGATE_THRESHOLD + 600)
    data = payload(render_explorer(g))
    assert data["aggregated"] is True
    types = {n["hType"] for n in data["nodes"]}
    assert types == {"Province", "Country"}
    assert len(data["nodes"]) == 63 + 15  # synthetic: 63 provinces, 15 countries
    assert "3000" in data["notes"][0]["en"] and "aggregated" in data["notes"][0]["en"]
    partners = [e for e in data["edges"] if e["hType"] == "PARTNERS_WITH"]
    assert sum(e["value"] for e in partners) == len(g.edges_of("PARTNERS_WITH"))


def test_below_the_threshold_every_node_is_drawn() -> None:
    g = synthetic_graph(AGGREGATE_THRESHOLD - 200)
    data = payload(render_explorer(g))
    assert data["aggregated"] is False and len(data["nodes"]) == len(g.nodes)


def test_vis_network_is_the_pinned_local_copy() -> None:
    head = asset_path("vis-network.min.js").read_text(encoding="utf-8")[:400]
    assert "@version 9.1.2" in head and "vis-network" in head
    assert media_type("explorer.js").startswith("text/javascript")
    with pytest.raises(NotFoundError):
        asset_path("../store.py")


def _visible_text(page: str) -> str:
    article = re.search(r'<article id="text">(.*)</article>', page, re.S)
    assert article
    return html_lib.unescape(re.sub(r"<[^>]+>", "", article.group(1)))


def test_document_view_marks_every_cited_span_with_an_anchor(corpus: tuple[GraphData, dict[str, str]]) -> None:
    g, texts = corpus
    doc_id = next(d for d in texts if "Kế hoạch" in str(g.nodes[d].props.get("name")))
    spans = document_highlights(g, doc_id)
    page = render_document_view(doc_id, texts[doc_id], {"type": "Kế hoạch", "date": "2022-08"}, spans)
    assert _visible_text(page) == texts[doc_id]  # the text, whole and unchanged
    edge = next(e for e in g.edges_of("PARTNERS_WITH") if e.target == "foreign/LA-XS" and e.source == "province/VN-54")
    ev = next(ev for ev in edge.evidence if ev.document_id == doc_id)
    assert f'id="{ev.start}-{ev.end}"' in page
    marked = re.search(
        rf'id="{ev.start}-{ev.end}"></a>(?:<a [^>]+></a>)*<mark data-spans="[^"]*\b{ev.start}-{ev.end}\b', page
    )
    assert marked, "the anchor opens the marked quote"
    assert "Kế hoạch" in page and "2022-08" in page


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab ệẫ\n<>&\"'", min_size=1, max_size=60),
    spans=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=8),
)
def test_document_view_keeps_any_text_and_anchors_every_span_inside_it(text: str, spans: list[tuple[int, int]]) -> None:
    page = render_document_view("document/x", text, {}, spans)
    assert _visible_text(page) == text
    for s, e in spans:
        assert (f'id="{s}-{e}"' in page) == (0 <= s < e <= len(text))


@pytest.mark.parametrize(
    "module",
    ["aggregate", "assets", "docview", "focus", "layout", "page", "payload", "style", "synthetic"],
)
def test_docstring_examples_hold(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"graph.explorer.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_hubs_keep_their_labels_when_zoomed_out(corpus_graph: GraphData) -> None:
    """Each node's `value` is 1 + its edges; vis-network scales labels by it and draws none under the
    threshold, so the overview names the hubs and zooming in names the rest."""
    from graph.explorer.page import vis_options
    from graph.explorer.payload import build_payload

    payload = build_payload(corpus_graph, role_layout(corpus_graph), "vi", None)
    value = {n["id"]: n["value"] for n in payload["nodes"]}
    degree = {n: 0 for n in corpus_graph.nodes}
    for e in corpus_graph.edges.values():
        degree[e.source] += 1
        degree[e.target] += 1
    assert value == {n: 1 + d for n, d in degree.items()}
    assert max(value, key=lambda n: value[n]).startswith(("province/", "document/"))
    label = vis_options()["nodes"]["scaling"]["label"]
    assert label["enabled"] and label["drawThreshold"] > 0
