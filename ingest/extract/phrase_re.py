r"""Alternations of cue phrases written so that Python's `re` can search for them fast.

`re` skips ahead quickly only when a pattern opens with a literal character or an alternation of
them; `(?<!\w)(?:hoàn\s+thành|xong)` opens with a look-behind, so the whole pattern is tried at
every position of the text, and a long alternation is then tried one alternative after another.
`phrase_alternation` writes the same language, with the same preference between alternatives, as a
trie whose first characters open the pattern and whose look-behind follows the first character:

>>> print(phrase_alternation([["hoàn thành", "xong", "hoàn"]], r"(?<!\w)"))
(?:h(?<!\w.)oàn(?:\s+thành|)|x(?<!\w.)ong)

It finds exactly what `(?<!\w)(?:hoàn\s+thành|hoàn|xong)` (longest phrase first, a space matching
any run of white space, as `ingest.extract.cues._alternation` writes it) finds: the phrases a text
matches at one position all lie on one path of the trie, and the trie tries the deeper one first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from graph.errors import SchemaError

_LOOKBEHIND_RE = re.compile(r"\(\?<([!=])(.+)\)")
Token = tuple[str, str]  # (key, regex): siblings of a trie are told apart by key
Node = dict[str, tuple[str, "Node"]]  # key -> (regex, child); END marks the end of a sequence
END = ""  # no token has the empty key


def build_trie(sequences: Iterable[Sequence[Token]]) -> Node:
    """The trie of token sequences (sequences with the same keys share a path)."""
    root: Node = {}
    for seq in sequences:
        node = root
        for key, rx in seq:
            node = node.setdefault(key, (rx, {}))[1]
        node[END] = ("", {})
    return root


def trie_pattern(node: Node) -> str:
    """The node's alternatives: each child, then the end of a sequence (the shorter match, tried last).
    Never a bare alternation, so a tail may follow. Siblings must never match at the same place (the
    caller's promise: one character each, or kinds of text that exclude each other)."""
    alts = [rx + trie_pattern(child) for key, (rx, child) in sorted(node.items()) if key != END]
    if not alts:
        return ""
    if END in node:
        alts.append("")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def char_token(ch: str) -> Token:
    """A phrase's character as a token: a space matches any run of white space."""
    return (ch, r"\s+" if ch == " " else re.escape(ch))


def phrase_trie(phrases: Iterable[str], any_case: bool = False) -> str:
    r"""The longest-first alternation of phrases (a space matching `\s+`) as one trie, no look-behind:
    the same matches as `_alternation(phrases)`, read once.

    >>> print(phrase_trie(["tối đa", "tối thiểu", "trên"]))
    t(?:rên|ối\s+(?:thiểu|đa))

    With `any_case`, for a pattern compiled with `re.IGNORECASE`: letters differing only in case share
    a path (`phrase_trie(["USD", "usd"], any_case=True)` is `USD`); if two different sibling letters
    could still match one character (Python's extra case equivalences: "k" and the Kelvin sign...),
    the plain alternation is returned.
    """
    words = _checked(phrases)
    if not any_case:
        return trie_pattern(build_trie([char_token(c) for c in p] for p in words))
    if any(len(c.lower()) != 1 for p in words for c in p):
        return _plain(words)
    trie = build_trie([(c.lower(), rx) for c, (_, rx) in ((c, char_token(c)) for c in p)] for p in words)
    return trie_pattern(trie) if siblings_apart(trie, ignore_case=True) else _plain(words)


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join("".join(char_token(c)[1] for c in w) for w in sorted(words, key=len, reverse=True)) + ")"


def siblings_apart(node: Node, ignore_case: bool) -> bool:
    """True when no two sibling one-character keys of the trie match the same character (in any case,
    with `ignore_case`), so that at most one sibling can match at a place."""
    chars = [k for k in node if len(k) == 1]
    flags = re.IGNORECASE if ignore_case else 0
    if any(re.fullmatch(re.escape(a), b, flags) for a in chars for b in chars if a != b):
        return False
    return all(siblings_apart(child, ignore_case) for _, child in node.values())


def _checked(phrases: Iterable[str]) -> list[str]:
    out = sorted(set(phrases))
    for p in out:
        if not p or p[0].isspace() or any(c.isspace() and c != " " for c in p):
            raise SchemaError(f"cue phrase {p!r}: empty, or opening with or holding white space other than spaces")
    return out


def after_first(lookbehind: str) -> str:
    r"""A one-character look-behind rewritten to stand after the first character: `(?<!\w)` ->
    `(?<!\w.)` (the "." is that character, never a line break)."""
    lb = _LOOKBEHIND_RE.fullmatch(lookbehind)
    if lb is None:
        raise ValueError(f"look-behind {lookbehind!r}: expected '(?<!X)' or '(?<=X)' of one character")
    return f"(?<{lb.group(1)}{lb.group(2)}.)"


def phrase_alternation(groups: Sequence[Iterable[str]], lookbehind: str = "", tails: Sequence[str] = ()) -> str:
    r"""A pattern equivalent to `LOOKBEHIND(?:(?:ALT_1)TAIL_1|(?:ALT_2)TAIL_2|...)`, where ALT_i is the
    longest-first alternation of the phrases of group i (a space matches `\s+`, every other character
    itself) and `lookbehind` a one-character look-behind such as `(?<!\w)` (or ""). A group with no
    phrases matches nothing.

    >>> rx = re.compile(phrase_alternation([["TP"], ["TP."]], "", [r"(?!\w)", ""]))
    >>> [m.group(0) for m in rx.finditer("TP.Huế TP Vinh")]
    ['TP', 'TP']
    """
    tails = list(tails) or [""] * len(groups)
    if len(tails) != len(groups):
        raise ValueError("phrase_alternation: one tail per group")
    behind = after_first(lookbehind) if lookbehind else ""
    lists = [_checked(g) for g in groups]
    firsts = sorted({p[0] for ps in lists for p in ps})
    alts = []
    for first in firsts:
        parts = []
        for ps, tail in zip(lists, tails, strict=True):
            rests = [p[1:] for p in ps if p[0] == first]
            if rests:
                parts.append(trie_pattern(build_trie([char_token(c) for c in r] for r in rests)) + tail)
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        alts.append(char_token(first)[1] + behind + body)
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"
