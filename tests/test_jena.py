"""An independent RDF implementation agrees: Apache Jena parses every file the project writes, and
Jena SHACL gives the same verdict as pySHACL on the dataset, on every failing fixture and on every
conforming one (fixtures/shapes/conforming/: they prove, for instance, that the weekday arithmetic
of the SHACL-SPARQL date check computes in Jena what it computes in rdflib).

Jena comes from Debian (libapache-jena-java; see ``jena.py``). Without it the tests are skipped
with the reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

import jena
from conftest import ROOT
from diplograph.build import BuildReport
from diplograph.project import Project
from diplograph.rdfio import read_quads
from diplograph.validate import validate
from test_shapes import CONFORMING, ENTRIES


@pytest.fixture(scope="module", autouse=True)
def java() -> None:
    reason = jena.missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and Jena cannot run: {reason}")
        pytest.skip(reason)


def test_riot_validates_every_file_the_project_writes(
    built: tuple[Project, BuildReport], tmp_path: Path
) -> None:
    project, report = built
    files = [
        *report.files,
        *sorted((project.root / "ontology").glob("*.ttl")),
        *sorted((project.root / "data").rglob("*.ttl")),
    ]
    assert {path.name for path in files} >= {"diplograph.nq", "shapes.ttl", "codes.ttl"}
    done = jena.riot_validate(tmp_path, files)
    assert done.returncode == 0, done.stderr
    problems = [line for line in done.stderr.splitlines() if " INFO " not in line]
    assert problems == []
    assert done.stderr.count("File: ") == len(files)


def merged(project: Project, paths: list[Path], target: Path) -> Path:
    """One N-Triples file of every triple in ``paths``: the data graph both engines validate."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for p in paths for q in read_quads(p)}
    target.write_bytes(ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b"")
    return target


def test_jena_shacl_agrees_with_pyshacl_on_the_dataset_and_every_fixture(
    project: Project, tmp_path: Path
) -> None:
    conforming = {f"conforming-{path.stem}": [path] for path in CONFORMING}
    cases = {"dataset": [project.dump]} | {e.name: [e.data] for e in ENTRIES} | conforming
    files = {
        name: merged(project, [*project.vocabulary(), *paths], tmp_path / f"{name}.nt")
        for name, paths in cases.items()
    }
    verdicts = jena.shacl(tmp_path, ROOT / "ontology" / "shapes.ttl", list(files.values()))
    pyshacl = {name: validate(project, paths) for name, paths in cases.items()}
    disagree = sorted(name for name in cases if verdicts[files[name]][0] != pyshacl[name].conforms)
    assert disagree == []
    assert verdicts[files["dataset"]] == (True, set())
    for name in conforming:
        assert verdicts[files[name]] == (True, set()), name
    for entry in ENTRIES:
        conforms, focus = verdicts[files[entry.name]]
        assert not conforms
        # Jena finds the fixture's defect and nothing else: the focus nodes pySHACL reports
        assert focus == {violation[0] for violation in entry.expected}, entry.name
