"""The explorer's scripts and styles, served by the app at `/explore/assets/<name>` or inlined in a
standalone page.

vis-network is not fetched from a CDN (pyvis does that even with `cdn_resources='local'`, pyvis
issues #228/#229): hoptac uses the copy the pinned pyvis wheel ships (`pyvis/lib/vis-9.1.2/`), see
`assets/SOURCE.md`. Inlined code is made free of `http://` and `https://` (without changing what it
does) so a standalone page names no remote address at all.

>>> neutralise_urls('var ns = "http://www.w3.org/2000/svg";')
'var ns = "http:\\\\/\\\\/www.w3.org/2000/svg";'
>>> sorted(ASSETS)
['explorer.css', 'explorer.js', 'vis-network.min.js']
"""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from graph.errors import NotFoundError

OWN = Path(__file__).with_name("assets")
VIS_VERSION = "9.1.2"
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _pyvis_lib() -> Path:
    spec = find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise NotFoundError("pyvis is not installed; the explorer needs its copy of vis-network")
    return Path(spec.origin).parent / "lib" / f"vis-{VIS_VERSION}"


ASSETS: dict[str, tuple[str, ...]] = {
    "explorer.js": ("own", "explorer.js"),
    "explorer.css": ("own", "explorer.css"),
    "vis-network.min.js": ("pyvis", "vis-network.min.js"),
}
SCRIPTS = ("vis-network.min.js", "explorer.js")
STYLES = ("explorer.css",)


def asset_path(name: str) -> Path:
    """The file behind `/explore/assets/<name>`; NotFoundError for any other name."""
    where = ASSETS.get(name)
    if where is None:
        raise NotFoundError(f"no explorer asset {name!r}; known: {', '.join(sorted(ASSETS))}")
    folder = OWN if where[0] == "own" else _pyvis_lib()
    path = folder / where[1]
    if not path.is_file():
        raise NotFoundError(f"explorer asset {name!r} is missing: {path}")
    return path


def media_type(name: str) -> str:
    return MEDIA_TYPES.get(Path(name).suffix, "application/octet-stream")


_URL = re.compile(r"(?i)\b(https?:)//")


def neutralise_urls(code: str) -> str:
    """`http://` -> `http:\\/\\/` in JavaScript or JSON: the same string to the engine, no URL in the page."""
    return _URL.sub(r"\1\\/\\/", code)


@cache
def inline_text(name: str) -> str:
    """An asset's text ready to sit inside a `<script>` or `<style>` element of the page."""
    text = asset_path(name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        text = neutralise_urls(text).replace("</script", "<\\/script")
    return text
