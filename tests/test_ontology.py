"""The ontology: consistent under an OWL reasoner (HermiT), alone and with the whole dataset."""

from __future__ import annotations

from pathlib import Path

import owlready2
import pytest

from diplograph.project import Project
from diplograph.rdfio import rdflib_graph, read_quads


def reason(files: list[Path], tmp_path: Path) -> list[object]:
    """Run HermiT over the files; return the unsatisfiable classes (raises when inconsistent)."""
    triples = tmp_path / "input.nt"
    rdflib_graph(q for f in files for q in read_quads(f)).serialize(
        triples, format="nt", encoding="utf-8"
    )
    world = owlready2.World()
    ontology = world.get_ontology(triples.as_uri()).load()
    with ontology:
        owlready2.sync_reasoner_hermit(
            world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
        )
    return list(world.inconsistent_classes())


def test_ontology_is_consistent_and_every_class_satisfiable(
    project: Project, tmp_path: Path
) -> None:
    assert reason([project.ontology, project.codes], tmp_path) == []


def test_dataset_is_consistent_with_the_ontology(project: Project, tmp_path: Path) -> None:
    assert reason([project.dump], tmp_path) == []


def test_reasoner_catches_an_inconsistency(project: Project, tmp_path: Path) -> None:
    """A person who is also a state contradicts the disjointness axioms: the test can fail."""
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "<https://w3id.org/diplograph/id/wang-yi> a "
        "<https://w3id.org/diplograph/ontology#State> .\n",
        encoding="utf-8",
    )
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason([project.ontology, project.actors, bad], tmp_path)
