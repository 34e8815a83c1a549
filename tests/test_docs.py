"""The docs: generated pages are current, and every relative link resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from diplograph.diagram import document
from diplograph.rdfio import rdflib_graph, read_quads

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_the_diagram_is_generated_from_the_current_ontology() -> None:
    ontology = rdflib_graph(read_quads(ROOT / "ontology" / "diplograph.ttl"))
    assert (ROOT / "docs" / "diagram.md").read_text(encoding="utf-8") == document(ontology)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    local = [
        link for link in LINK.findall(page.read_text("utf-8")) if not re.match(r"^[a-z]+:", link)
    ]
    missing = [link for link in local if not (page.parent / link).exists()]
    assert missing == []
