"""`diplograph build`: what it writes, byte-identical twice, and how it refuses bad data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from conftest import ROOT, copy_project
from diplograph.build import BuildReport, ChecksFailed, build
from diplograph.errors import DiplographError
from diplograph.project import Project
from diplograph.vocab import graph_iri


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_one_named_graph_per_source_file(built: tuple[Project, BuildReport]) -> None:
    project, report = built
    expected = {graph_iri(path.stem) for path in project.sources()}
    assert set(report.triples) == expected
    assert len(project.articles) >= 1
    assert all(count > 0 for count in report.triples.values())


def test_dump_is_sorted_and_counts_match(built: tuple[Project, BuildReport]) -> None:
    project, report = built
    lines = project.dump.read_bytes().decode("utf-8").splitlines()
    assert lines == sorted(set(lines))
    assert len(lines) == sum(report.triples.values())


def test_two_builds_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        project = copy_project(tmp_path / seed)
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "diplograph.cli", "--root", str(project.root), "build"]
        subprocess.run(command, check=True, env=env, capture_output=True)
        outputs.append(tree(project.dist))
    assert outputs[0] == outputs[1]
    assert "diplograph.nq" in outputs[0]
    assert f"graphs/{ROOT.joinpath('data', 'actors.ttl').stem}.ttl" in outputs[0]


@pytest.mark.parametrize("engine", ["rdflib", "pyoxigraph"])
def test_every_file_parses_in_both_engines(built: tuple[Project, BuildReport], engine: str) -> None:
    project, report = built
    sources = [*project.sources(), project.shapes]
    files = [*sources, *report.files]
    assert len(files) >= 8
    for path in files:
        fmt = "nquads" if path.suffix == ".nq" else "turtle"
        if engine == "rdflib":
            dataset = rdflib.Dataset()
            dataset.parse(path, format=fmt)
            assert len(dataset) > 0 or sum(len(g) for g in dataset.graphs()) > 0, path
        else:
            oxformat = ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TURTLE
            assert len(list(ox.parse(path=str(path), format=oxformat))) > 0, path


def test_failed_check_keeps_the_previous_dist(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    build(project)
    before = tree(project.dist)
    article = project.articles[0]
    article.write_text(
        article.read_text(encoding="utf-8") + "\n[] <https://schema.org/about> <urn:x> .\n",
        encoding="utf-8",
    )
    with pytest.raises(ChecksFailed) as failed:
        build(project)
    assert [v.check for v in failed.value.violations] == ["blank-node-violation"]
    assert tree(project.dist) == before
    assert not list(tmp_path.glob(".dist-*"))


def test_unparsable_source_names_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    project.actors.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "ex:a ex:b ex:c .\nex:a ex:b <no iri> .\nex:d ex:e ex:f .\n",
        "utf-8",
    )
    with pytest.raises(DiplographError, match=r"actors\.ttl:3:\d+: "):
        build(project)
    assert not project.dist.exists()
