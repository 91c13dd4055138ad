"""The README is true to the code: every `hoptac` command it names exists, every file it links exists."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from api.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> set[str]:
    group = typer.main.get_command(app)
    names = set(group.commands)  # type: ignore[attr-defined]
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        for sub in getattr(cmd, "commands", {}):
            names.add(f"{name} {sub}")
    return names


def test_every_command_in_the_readme_exists() -> None:
    known = _commands()
    named = set(re.findall(r"hoptac ([a-z][a-z0-9-]+)", README))
    named |= set(re.findall(r"^\| `([a-z][a-z0-9-]+)", README, re.M))
    assert named, "the README names no command"
    assert named <= {c.split()[0] for c in known}, named - {c.split()[0] for c in known}
    for sub in re.findall(r"`export ([a-z|\\]+) --format", README):
        for name in sub.replace("\\", "").split("|"):
            assert f"export {name}" in known


def test_every_linked_file_exists() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target


def test_the_two_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test", "lint", "bench"):
        assert re.search(rf"^{target}:", makefile, re.M)
        assert f"make {target}" in README


PATH_IN_DOC = r"`((?:graph|ingest|api|bench|tests|queries)/[\w/.-]+\.(?:py|yaml|cypher|rq|md))`"
DOCS = [ROOT / "README.md", ROOT / "DEVELOPERS.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_every_file_and_name_the_docs_cite_exists() -> None:
    """Paths (`graph/store_items.py`) and dotted names (`graph.model.merge_props`) in backticks are real."""
    import importlib

    cited = 0
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            if not target.startswith("http"):
                assert (doc.parent / target).exists() or (ROOT / target).exists(), (doc.name, target)
        for path in re.findall(PATH_IN_DOC, text):
            assert (ROOT / path).exists(), (doc.name, path)
            cited += 1
        for dotted in re.findall(r"`((?:graph|ingest|api)(?:\.\w+)+)`", text):
            module, _, attr = dotted.rpartition(".")
            try:
                importlib.import_module(dotted)
            except ImportError:
                assert hasattr(importlib.import_module(module), attr), (doc.name, dotted)
            cited += 1
    assert cited > 20, "the docs cite (almost) no file or name: is the pattern still right?"


def test_the_store_doc_names_the_current_format() -> None:
    from graph.store import SCHEMA_VERSION

    assert f"`schema_version` (now `{SCHEMA_VERSION}`)" in (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
