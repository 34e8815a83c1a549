"""Shared fixtures: a private copy of the project, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.build import BuildReport, build
from diplograph.project import Project
from diplograph.rdfio import load_store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def copy_project(target: Path) -> Project:
    """A copy of the project's sources (no dist/), so tests never touch the checkout."""
    for folder in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / folder, target / folder)
    return Project(target)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, BuildReport]:
    project = copy_project(tmp_path_factory.mktemp("built"))
    return project, build(project)


@pytest.fixture(scope="session")
def project(built: tuple[Project, BuildReport]) -> Project:
    return built[0]


@pytest.fixture(scope="session")
def store(project: Project) -> ox.Store:
    return load_store([project.dump])
