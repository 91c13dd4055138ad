"""`render_document_view`: a document's text with the spans facts cite marked, one anchor per span, so
`/documents/{id}/view#350-465` opens the page at that quote and highlights it.

>>> html = render_document_view("document/ab", "Hợp tác với tỉnh Xay Sổm Bun.", {"type": "Thông báo"}, [(16, 28)])
>>> '<a class="anchor" id="16-28"></a><mark data-spans="16-28"' in html
True
>>> html.count("Xay Sổm Bun")
1
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import Any

from graph.explorer.page import templates
from graph.explorer.style import Lang, check_lang, node_label, ui_text
from graph.model import Evidence, GraphData
from graph.schema import load_schema

Highlight = tuple[int, int] | tuple[int, int, str]  # start, end[, what the span supports]
META_FIELDS = ("type", "number", "issuer", "place", "date", "title", "signer", "signer_role", "source")


def _unpack(h: Evidence | Highlight) -> tuple[int, int, str]:
    if isinstance(h, Evidence):
        return h.start, h.end, h.prop or ""
    return h[0], h[1], str(h[2]) if len(h) > 2 else ""


def _spans(text: str, highlights: Iterable[Evidence | Highlight]) -> tuple[dict[tuple[int, int], list[str]], int]:
    """(start, end) -> notes, for the spans that lie inside the text; and how many did not."""
    spans: dict[tuple[int, int], list[str]] = {}
    outside = 0
    for h in highlights:
        start, end, note = _unpack(h)
        if not 0 <= start < end <= len(text):
            outside += 1
            continue
        notes = spans.setdefault((start, end), [])
        if note and note not in notes:
            notes.append(note)
    return spans, outside


def _segments(text: str, spans: Mapping[tuple[int, int], list[str]]) -> list[dict[str, Any]]:
    """The text cut at every span boundary; each piece knows the spans covering it and those starting
    there (one sweep over the boundaries)."""
    bounds = sorted({0, len(text), *(s for s, _ in spans), *(e for _, e in spans)})
    starting: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ending: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in sorted(spans):
        starting[span[0]].append(span)
        ending[span[1]].append(span)
    active: dict[tuple[int, int], None] = {}
    out = []
    for a, b in pairwise(bounds):
        for span in ending[a]:
            active.pop(span, None)
        active.update(dict.fromkeys(starting[a]))
        out.append({
            "text": text[a:b],
            "spans": " ".join(f"{s}-{e}" for s, e in active),
            "notes": "\n".join(n for span in active for n in spans[span]),
            "starts": [f"{s}-{e}" for s, e in starting[a]],
        })  # fmt: skip
    return out


def render_document_view(
    doc_id: str,
    text: str,
    meta: Mapping[str, Any],
    highlights: Iterable[Evidence | Highlight],
    lang: str = "vi",
) -> str:
    """The document page: metadata, then the text (white space kept) with every cited span marked."""
    language = check_lang(lang)
    spans, outside = _spans(text, highlights)
    words = ui_text()
    fields = [(words["meta"][k][language], meta[k]) for k in META_FIELDS if meta.get(k)]
    return templates().get_template("document.html").render(
        lang=language, doc_id=doc_id, fields=fields, segments=_segments(text, spans), count=len(spans),
        outside=outside, words={k: v[language] for k, v in words["ui"].items()},
    )  # fmt: skip


def document_highlights(g: GraphData, doc_id: str, lang: str = "vi") -> list[Highlight]:
    """Every span of `doc_id` that a node or an edge of `g` cites, with what it supports."""
    language: Lang = check_lang(lang)
    schema = load_schema()
    out: list[Highlight] = []
    for n in g.nodes.values():
        label = f"{schema.node(n.type).label.model_dump()[language]}: {node_label(n, language)}"
        out += [(ev.start, ev.end, label) for ev in n.evidence if ev.document_id == doc_id]
    for e in g.edges.values():
        ends = [node_label(g.nodes[i], language) if i in g.nodes else i for i in (e.source, e.target)]
        label = f"{ends[0]} — {schema.edge(e.type).label.model_dump()[language]} → {ends[1]}"
        out += [(ev.start, ev.end, label) for ev in e.evidence if ev.document_id == doc_id]
    return out
