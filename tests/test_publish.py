"""The static site: determinism, internal links, the VoID count, dumps, rewrite rules."""

from __future__ import annotations

import gzip
import hashlib
import html.parser
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest

from diplograph.project import Project
from diplograph.publish.site import Site, publish, yasgui_assets
from diplograph.rdfio import load_store, read_quads

ROOT = Path(__file__).resolve().parents[1]
VOID = "http://rdfs.org/ns/void#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def site(project: Project) -> Site:
    if not (project.root / "node_modules").exists():
        (project.root / "node_modules").symlink_to(ROOT / "node_modules")
    quads = read_quads(project.dump)
    return Site(load_store([project.dump]), project.queries, yasgui_assets(ROOT), quads)


@pytest.fixture(scope="module")
def published(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("site") / "site"
    publish(site, outdir, "https://example.org/diplograph/")
    return outdir


class Links(html.parser.HTMLParser):
    """The href/src targets and the id anchors of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.targets.append(value)
            if name == "id" and value is not None:
                self.ids.add(value)


def test_no_broken_internal_links(published: Path) -> None:
    pages = {p: Links() for p in published.rglob("*.html")}
    for page, parser in pages.items():
        parser.feed(page.read_text(encoding="utf-8"))
    checked, broken = 0, []
    for page, parser in pages.items():
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            file = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not file.is_file():
                broken.append(f"{page.relative_to(published)} -> {target}")
            elif parts.fragment and parts.fragment not in pages[file].ids:
                broken.append(f"{page.relative_to(published)} -> {target} (no anchor)")
    assert broken == []
    assert checked > 5000


def test_two_publish_runs_are_byte_identical(
    project: Project, published: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [sys.executable, "-m", "diplograph.cli", "--root", str(project.root), "publish"]
    again = tmp_path / "again"
    subprocess.run(
        [*command, "--site", "https://example.org/diplograph/", str(again)],
        env=env,
        check=True,
        capture_output=True,
    )
    first = sorted(p.relative_to(published) for p in published.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    assert all((published / p).read_bytes() == (again / p).read_bytes() for p in first)


def test_every_resource_has_a_page_in_every_format(site: Site, published: Path) -> None:
    assert len(site.iris) > 300
    for stem in ("id/wang-yi", "code/cameo/043", "graph/actors", "ontology", "void"):
        for extension in ("html", "ttl", "jsonld", "nt", "rdf"):
            assert (published / f"{stem}.{extension}").stat().st_size > 200, (stem, extension)
    for extension, fmt in (
        ("ttl", ox.RdfFormat.TURTLE),
        ("jsonld", ox.RdfFormat.JSON_LD),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("rdf", ox.RdfFormat.RDF_XML),
    ):
        triples = set(
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse((published / f"id/wang-yi.{extension}").read_bytes(), fmt)
        )
        wang = ox.NamedNode("https://w3id.org/diplograph/id/wang-yi")
        meeting = ox.NamedNode(
            "https://w3id.org/diplograph/id/global-times-2023-06-19-wang-yi-blinken/meeting-wang-yi-blinken"
        )
        assert (
            ox.Triple(
                meeting, ox.NamedNode("https://w3id.org/diplograph/ontology#participant"), wang
            )
            in triples
        )


def test_void_triple_count_is_the_real_count(project: Project, published: Path) -> None:
    quads = list(ox.parse(project.dump.read_bytes(), ox.RdfFormat.N_QUADS))
    distinct = {(q.subject, q.predicate, q.object) for q in quads}
    void = ox.Store()
    void.load((published / ".well-known" / "void").read_bytes(), ox.RdfFormat.TURTLE)
    dataset = ox.NamedNode("https://w3id.org/diplograph/void#dataset")
    counts = [
        str(q.object) for q in void.quads_for_pattern(dataset, ox.NamedNode(VOID + "triples"), None)
    ]
    assert counts == [f'"{len(distinct)}"^^<http://www.w3.org/2001/XMLSchema#integer>']
    subsets = void.query(
        f"SELECT (SUM(?n) AS ?total) {{ <{dataset.value}> <{VOID}subset>/<{VOID}triples> ?n }}"
    )
    assert isinstance(subsets, ox.QuerySolutions)
    assert str(next(iter(subsets))["total"]) == f'"{len(set(quads))}"^^<{XSD}integer>'
    for name in ("uriSpace", "sparqlEndpoint", "dataDump", "exampleResource", "vocabulary"):
        assert list(void.quads_for_pattern(dataset, ox.NamedNode(VOID + name), None)), name


def test_dumps_hold_the_dataset_and_match_their_checksums(
    project: Project, published: Path
) -> None:
    sums = (published / "dumps" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(sums) == 2
    for line in sums:
        digest, name = line.split("  ")
        data = (published / "dumps" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest
        assert digest in (published / "void.ttl").read_text(encoding="utf-8")
    expected = set(ox.parse(project.dump.read_bytes(), ox.RdfFormat.N_QUADS))
    nquads = gzip.decompress((published / "dumps" / "diplograph.nq.gz").read_bytes())
    trig = gzip.decompress((published / "dumps" / "diplograph.trig.gz").read_bytes())
    assert set(ox.parse(nquads, ox.RdfFormat.N_QUADS)) == expected
    assert set(ox.parse(trig, ox.RdfFormat.TRIG)) == expected


def test_pages_show_evidence_and_ontology_terms(published: Path) -> None:
    meeting = (
        published / "id/global-times-2023-06-19-wang-yi-blinken/meeting-wang-yi-blinken.html"
    ).read_text(encoding="utf-8")
    assert (
        "<mark>China&#39;s top diplomat Wang Yi met with US Secretary of State Antony Blinken"
        " in Beijing on Monday</mark>" in meeting
    )
    ontology = (published / "ontology.html").read_text(encoding="utf-8")
    assert 'id="Meeting"' in ontology and 'id="participant"' in ontology


def test_rewrite_rules_are_generated(published: Path) -> None:
    htaccess = (published / ".htaccess").read_text(encoding="utf-8")
    assert "RewriteRule ^((?:id|code|graph)/.+|ontology|void)$ $1.ttl [R=303,L]" in htaccess
    w3id = (published / "w3id-redirect.htaccess").read_text(encoding="utf-8")
    assert (
        "RewriteRule ^((?:id|code|graph)/.+|ontology|void)$"
        " https://example.org/diplograph/$1.jsonld [R=303,L]" in w3id
    )
