"""Alignments mean what the standards say: what the dataset entails under their axioms is true.

The ontology declares the terms of PROV-O, OWL-Time and ORG without their axioms; here their domain
and range axioms (fixtures/alignments/standard-axioms.ttl) are added back and the RDFS closure of
ontology + dataset is computed (owlrl), so a wrong sub-property would show as a wrong type: a
meeting derived from text, a meeting that is a time interval, a post that is an ORG role.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import owlrl
import pytest
import rdflib
from rdflib.namespace import RDF

from conftest import FIXTURES
from diplograph.project import Project
from diplograph.rdfio import rdflib_graph, read_quads

DIP = rdflib.Namespace("https://w3id.org/diplograph/ontology#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
TIME = rdflib.Namespace("http://www.w3.org/2006/time#")


@cache
def closure(dump: str) -> rdflib.Graph:
    graph = rdflib_graph(read_quads(Path(dump)))
    graph.parse(FIXTURES / "alignments" / "standard-axioms.ttl")
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(graph)
    return graph


def instances(graph: rdflib.Graph, cls: rdflib.URIRef) -> set[rdflib.term.Node]:
    return set(graph.subjects(RDF.type, cls))


@pytest.mark.parametrize(
    ("kind", "wrong"),
    [
        (DIP.Interaction, PROV.Entity),  # dip:hasEvidence / dip:reportedIn ⊑ prov:wasDerivedFrom
        (DIP.Interaction, TIME.TemporalEntity),  # dip:duration ⊑ time:hasDuration
        (DIP.Article, PROV.Agent),
        (DIP.Post, ORG.Role),  # dip:post ⊑ org:role
        (DIP.Person, ORG.Membership),
    ],
)
def test_no_node_of_a_kind_is_entailed_to_be_what_it_is_not(
    project: Project, kind: rdflib.URIRef, wrong: rdflib.URIRef
) -> None:
    graph = closure(str(project.dump))
    found = instances(graph, kind)
    assert found, f"the dataset has no {kind}"
    assert found & instances(graph, wrong) == set()


def test_records_are_entities_and_post_holdings_are_org_memberships(project: Project) -> None:
    graph = closure(str(project.dump))
    for record in (DIP.Statement, DIP.Stance, DIP.PostHolding, DIP.Claim, DIP.CodedEvent):
        assert instances(graph, record), record
        assert instances(graph, record) <= instances(graph, PROV.Entity), record
    holdings = instances(graph, DIP.PostHolding)
    assert holdings <= instances(graph, ORG.Membership)
    for holding in holdings:
        organisation = graph.value(holding, ORG.organization)
        post = graph.value(holding, DIP.post)
        assert organisation is not None and organisation == graph.value(post, ORG.postIn)


def test_the_duration_belongs_to_a_time_interval(project: Project) -> None:
    graph = closure(str(project.dump))
    durations = set(graph.subjects(TIME.hasDuration, None))
    assert durations
    assert durations <= instances(graph, TIME.Interval)
