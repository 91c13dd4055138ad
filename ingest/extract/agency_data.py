"""The agency tables (`ingest/data/agencies/*.yaml`), loaded once and compiled into patterns.

A *form* is one way of writing a body ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"); every form points to a
`Body`: the entity it names (`name`, the body that continues after a merger) and the name the
document uses (`written`). Forms match with their first letter as written and the rest in any case,
white space and hyphens loosely ("Nông -Lâm" is "Nông - Lâm").

>>> t = agency_tables()
>>> b = t.body("Sở KH&ĐT")
>>> (b.name, b.written, b.scope)
('Sở Tài chính', 'Sở Kế hoạch và Đầu tư', 'province')
>>> t.body("Bộ Ngoại giao").scope
'central'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import SchemaError
from ingest.extract.phrase_re import Node, Token, build_trie, siblings_apart, trie_pattern

AGENCY_DIR = Path(__file__).resolve().parents[1] / "data" / "agencies"
SCOPES = {"provincial.yaml": "province", "central.yaml": "central", "institutions.yaml": "fixed"}
_SEP = re.compile(r"(\s*[-,&/]\s*|\s+)")
_BEHIND = r"(?<![\w&].)"  # after a form's first letter: no letter or "&" before it


@dataclass(frozen=True, slots=True)
class Body:
    """A known body. `scope`: province (belongs to the place named after it, else the document's
    province), central (Việt Nam), fixed (the province `place`)."""

    name: str
    written: str
    kind: str
    scope: str
    aliases: tuple[str, ...] = ()
    place: str | None = None
    as_place: bool = False
    place_named: bool = False
    needs_place: bool = False
    display: str | None = None


@lru_cache(maxsize=8192)
def form_key(text: str) -> str:
    """The key forms are looked up by: lower case, one space, no space around - , & /."""
    return _SEP.sub(lambda m: m.group(0).strip() or " ", " ".join(text.split())).lower()


def _form_tokens(form: str) -> list[Token]:
    """A form after its first letter, as trie tokens (`ingest.extract.phrase_re`): a run of spaces, a
    loose separator, or one character (keyed by its lower case: any case matches)."""
    tokens: list[Token] = []
    for piece in _SEP.split(form[1:]):
        if not piece:
            continue
        sep = piece.strip()
        if piece.isspace():
            tokens.append((" ", r"\s+"))
        elif sep and sep in "-,&/" and len(sep) == 1 and _SEP.fullmatch(piece):
            tokens.append((f"sep{sep}", rf"\s*{re.escape(sep)}\s*"))
        else:
            tokens += [(c.lower(), re.escape(c)) for c in piece]
    return tokens


def form_pattern(form: str) -> str:
    """Regex for a form: first letter as written, the rest case-insensitive, separators loose."""
    return re.escape(form[0]) + "(?i:" + "".join(rx for _, rx in _form_tokens(form)) + ")"


def alternation(forms: list[str]) -> re.Pattern[str]:
    """Whole-word alternation of forms, longest first. Each alternative opens with its literal first
    letter (the word-boundary check comes after it), so the regex engine can skip ahead fast; the
    forms sharing a first letter are one trie, so a name is read once, not once per form."""
    unique = sorted(set(forms), key=len, reverse=True)
    tries = {
        first: build_trie(_form_tokens(f) for f in unique if f[0] == first) for first in sorted({f[0] for f in unique})
    }
    if _trie_safe(unique, list(tries.values())):
        alts = [re.escape(first) + _BEHIND + "(?i:" + trie_pattern(trie) + ")" for first, trie in tries.items()]
    else:
        alts = [re.escape(f[0]) + _BEHIND + form_pattern(f)[len(re.escape(f[0])) :] for f in unique]
    return re.compile(rf"(?:{'|'.join(alts)})(?![\w&])")


def _trie_safe(forms: list[str], tries: list[Node]) -> bool:
    """True when the tries find what the longest-first alternation finds: sibling characters never
    match the same letter in any case, no form has white space at its ends, and a form whose tokens
    extend another's is not shorter than it (a trie prefers the longer path)."""
    if any(f != f.strip() or any(len(c.lower()) != 1 for c in f) for f in forms):
        return False
    longest: dict[tuple[str, ...], int] = {}
    for f in forms:
        key = (f[0], *(k for k, _ in _form_tokens(f)))
        longest[key] = max(longest.get(key, 0), len(f))
    for key, n in longest.items():
        if any(longest.get(key[:i], 0) > n for i in range(1, len(key))):
            return False
    return all(siblings_apart(trie, ignore_case=True) for trie in tries)


def _load(name: str) -> dict[str, Any]:
    path = AGENCY_DIR / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "source" not in data:
        raise SchemaError(f"{path}: must be a mapping with a 'source' key")
    return data


def _bodies(row: dict[str, Any], scope: str, path: str) -> list[tuple[str, Body]]:
    """(form, Body) for every form of a row, its absorbed bodies included."""
    if not row.get("source") or not row.get("kind"):
        raise SchemaError(f"{path}: row {row.get('name')!r} needs 'kind' and 'source'")
    absorbed = row.get("absorbed") or []
    every = [*row.get("aliases", [])] + [n for a in absorbed for n in [a["name"], *a.get("aliases", [])]]
    common = {"name": row["name"], "kind": row["kind"], "scope": scope, "aliases": tuple(every),
              "place": row.get("place"), "as_place": bool(row.get("as_place")),
              "place_named": bool(row.get("place_named")), "needs_place": bool(row.get("needs_place")),
              "display": row.get("display")}  # fmt: skip
    own = Body(written=row["name"], **common)
    out = [(f, own) for f in [row["name"], *row.get("aliases", [])]]
    for a in absorbed:
        if not a.get("source") or not a.get("date"):
            raise SchemaError(f"{path}: absorbed {a.get('name')!r} of {row['name']!r} needs 'date' and 'source'")
        body = Body(written=a["name"], **common)
        out += [(f, body) for f in [a["name"], *a.get("aliases", [])]]
    return out


@dataclass(frozen=True)
class AgencyTables:
    forms: dict[str, Body]  # form_key -> Body
    body_re: re.Pattern[str]
    groups: list[tuple[re.Pattern[str], str]]  # group word pattern, head ("Sở")
    bare: dict[str, re.Pattern[str]]  # head -> pattern of bare names ("Kế hoạch và Đầu tư")
    generic_re: re.Pattern[str]
    org_re: re.Pattern[str]
    org_kinds: dict[str, str]
    not_org_re: re.Pattern[str]
    person_re: re.Pattern[str]  # a person's title ("Giám đốc ") before a body
    person_end_re: re.Pattern[str]  # the same, ending the text
    appos_re: re.Pattern[str]  # ", <person's title> " after a body
    group_firsts: frozenset[str] = frozenset()  # first letters of the group words: where a group can open

    def body(self, form: str) -> Body | None:
        return self.forms.get(form_key(form))

    def bare_body(self, head: str, bare: str) -> Body | None:
        return self.forms.get(form_key(f"{head} {bare}"))


def _generic_re(g: dict[str, Any]) -> re.Pattern[str]:
    """'các cơ quan, địa phương có liên quan', 'UBND huyện, thị xã, thành phố', 'UBND các huyện'."""
    alt = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))  # noqa: E731
    noun, tail, unit = alt(g["nouns"]), alt(g["tails"]), alt(g["units"])
    plural = rf"(?:{alt(g['plural'])})\s+(?:{noun})(?:\s*(?:,|/|và)\s*(?:{noun}))*(?:\s+(?:{tail}))?"
    per_unit = (
        rf"(?:{alt(g['per_unit_heads'])})\s+(?:(?:các\s+)(?:{unit})(?:\s*(?:,|và)\s*(?:{unit}))*"
        rf"|(?:{unit})(?:\s*(?:,|và)\s*(?:{unit}))+)"
    )
    return re.compile(rf"(?i:(?<!\w)(?:{per_unit}|{plural})(?!\w))")


@cache
def agency_tables() -> AgencyTables:
    forms: dict[str, Body] = {}
    for name, scope in SCOPES.items():
        data = _load(name)
        for row in data["bodies"]:
            for form, body in _bodies(row, scope, str(AGENCY_DIR / name)):
                forms.setdefault(form_key(form), body)
    originals = {form_key(f): f for f in _all_forms()}
    lists = _load("lists.yaml")
    groups, bare = [], {}
    for g in lists["groups"]:
        groups.append((alternation(g["words"]), g["head"]))
        head = g["head"] + " "
        names = [originals[k][len(head) :] for k in originals if originals[k].startswith(head)]
        bare[g["head"]] = alternation(names)
    org_kinds = {w: o["kind"] for o in lists["org_heads"] for w in o["words"]}
    person = alternation(lists["person_titles"]).pattern + r"\s+"
    return AgencyTables(
        forms=forms,
        body_re=alternation(list(originals.values())),
        groups=groups,
        bare=bare,
        generic_re=_generic_re(lists["generic"]),
        org_re=alternation(list(org_kinds)),
        org_kinds={form_key(w): k for w, k in org_kinds.items()},
        not_org_re=alternation(lists["not_org"]),
        person_re=re.compile(person),
        person_end_re=re.compile(person + "$"),
        appos_re=re.compile(r"\s*,\s*" + person),
        group_firsts=frozenset(w[0] for g in lists["groups"] for w in g["words"]),
    )


def _all_forms() -> list[str]:
    out = []
    for name in SCOPES:
        for row in _load(name)["bodies"]:
            out += [row["name"], *row.get("aliases", [])]
            out += [n for a in row.get("absorbed") or [] for n in [a["name"], *a.get("aliases", [])]]
    return out
