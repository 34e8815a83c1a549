"""The ontology: OWL 2 DL but for its xsd:date literals, and consistent under an OWL reasoner.

xsd:date is not in the OWL 2 datatype map (OWL 2 structural specification, section 4), so no
literal of it may occur in an OWL 2 DL ontology (sections 5.2 and 5.7, annotations included), and
declaring ``xsd:date a rdfs:Datatype`` does not help: it is reserved vocabulary. These tests pin the
claim down exactly: the only literals outside the datatype map are xsd:date ones (on the date
properties and the ontology's dcterms:created and dcterms:modified); the OWL API's OWL 2 DL profile
check (libowlapi-java, see ``owlapi.py``) finds nothing else, on the ontology and code lists and on
the whole dataset; HermiT needs ``ignore_unsupported_datatypes`` for the dataset's xsd:date literals
and for nothing else (not for the ontology and code lists, whose only xsd:date literals are
annotations, which HermiT ignores).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import owlready2
import pyoxigraph as ox
import pytest

import owlapi
from diplograph.project import Project
from diplograph.rdfio import rdflib_graph, read_quads

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = ox.NamedNode(f"{XSD}date")
RDF_TYPE = ox.NamedNode(f"{RDF}type")
# The OWL 2 datatype map (structural specification, section 4), plus rdfs:Literal (section 5.2) and
# rdf:langString, RDF 1.1's datatype of a language-tagged literal (OWL 2's rdf:PlainLiteral).
DATATYPE_MAP = {
    *(f"{RDF}{name}" for name in ("PlainLiteral", "XMLLiteral", "langString")),
    f"{RDFS}Literal",
    *(f"{OWL}{name}" for name in ("real", "rational")),
    *(
        f"{XSD}{name}"
        for name in (
            *("decimal", "integer", "nonNegativeInteger", "nonPositiveInteger"),
            *("positiveInteger", "negativeInteger", "long", "int", "short", "byte"),
            *("unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"),
            *("double", "float", "string", "normalizedString", "token", "language"),
            *("Name", "NCName", "NMTOKEN", "boolean", "hexBinary", "base64Binary", "anyURI"),
            *("dateTime", "dateTimeStamp"),
        )
    ),
}
# The properties whose values are xsd:date literals (the ontology header names them).
DATE_PROPERTIES = {
    *(f"https://w3id.org/diplograph/ontology#{name}" for name in ("date", "startDate")),
    *(f"https://w3id.org/diplograph/ontology#{name}" for name in ("endDate", "attestedOn")),
    *(f"https://w3id.org/diplograph/ontology#{name}" for name in ("anchorDate", "resolvedDate")),
    *(f"https://w3id.org/diplograph/ontology#{name}" for name in ("validFrom", "validUntil")),
    "https://schema.org/datePublished",
    *(f"http://purl.org/dc/terms/{name}" for name in ("created", "modified")),
}


def triples(files: Iterable[Path]) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for f in files for q in read_quads(f)}


def is_date(triple: ox.Triple) -> bool:
    return isinstance(triple.object, ox.Literal) and triple.object.datatype == XSD_DATE


def reason(
    graph: Iterable[ox.Triple], tmp_path: Path, *, ignore_unsupported_datatypes: bool
) -> list[object]:
    """Run HermiT over the triples; return the unsatisfiable classes (raises when inconsistent)."""
    document = tmp_path / "input.nt"
    rdflib_graph(ox.Quad(t.subject, t.predicate, t.object) for t in graph).serialize(
        document, format="nt", encoding="utf-8"
    )
    world = owlready2.World()
    ontology = world.get_ontology(document.as_uri()).load()
    with ontology:
        owlready2.sync_reasoner_hermit(
            world,
            infer_property_values=False,
            debug=0,
            ignore_unsupported_datatypes=ignore_unsupported_datatypes,
        )
    return list(world.inconsistent_classes())


def test_ontology_is_consistent_and_every_class_satisfiable(
    project: Project, tmp_path: Path
) -> None:
    graph = triples([project.ontology, project.codes])
    assert reason(graph, tmp_path, ignore_unsupported_datatypes=False) == []


def test_dataset_is_consistent_with_the_ontology(project: Project, tmp_path: Path) -> None:
    """HermiT rejects every xsd:date literal in a logical axiom unless told to ignore them."""
    assert reason(triples([project.dump]), tmp_path, ignore_unsupported_datatypes=True) == []


def test_dataset_needs_the_datatype_leniency_for_its_xsd_date_literals_only(
    project: Project, tmp_path: Path
) -> None:
    """Without its xsd:date triples, HermiT takes the dataset with no datatype leniency."""
    graph = triples([project.dump])
    dated = {t for t in graph if is_date(t)}
    assert dated
    assert reason(graph - dated, tmp_path, ignore_unsupported_datatypes=False) == []


def test_reasoner_catches_an_inconsistency(project: Project, tmp_path: Path) -> None:
    """A person who is also a state contradicts the disjointness axioms: the test can fail."""
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "<https://w3id.org/diplograph/id/wang-yi> a "
        "<https://w3id.org/diplograph/ontology#State> .\n",
        encoding="utf-8",
    )
    graph = triples([project.ontology, project.actors, bad])
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(graph, tmp_path, ignore_unsupported_datatypes=True)


def test_the_only_literals_outside_the_owl2_datatype_map_are_xsd_dates(project: Project) -> None:
    """What the ontology header says: xsd:date, on the date properties only."""
    graph = triples([project.dump])
    literals = [o for o in (t.object for t in graph) if isinstance(o, ox.Literal)]
    outside = {o.datatype.value for o in literals if o.datatype.value not in DATATYPE_MAP}
    assert outside == {XSD_DATE.value}
    assert {t.predicate.value for t in graph if is_date(t)} <= DATE_PROPERTIES
    header = project.ontology.read_text(encoding="utf-8").split("@prefix", 1)[0]
    assert "xsd:date is not in the OWL 2 datatype map" in header


# The OWL 2 DL profile, by the OWL API


@pytest.fixture(scope="module")
def owl_api(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled profile checker; skipped without the OWL API (failing under CI=true)."""
    reason = owlapi.missing()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the OWL API cannot run: {reason}")
        pytest.skip(reason)
    return owlapi.compile_program(tmp_path_factory.mktemp("owlapi"))


def date_violations(graph: set[ox.Triple]) -> Iterator[tuple[str, str]]:
    """The violations the OWL API reports for the graph's xsd:date literals, and no others:
    each is a "defined" datatype in a literal, and an undeclared one unless declared."""
    typed = {(t.subject, t.object) for t in graph if t.predicate == RDF_TYPE}
    ontologies = {s for s, o in typed if o == ox.NamedNode(f"{OWL}Ontology")}
    data_properties = {s for s, o in typed if o == ox.NamedNode(f"{OWL}DatatypeProperty")}
    declared = ox.Triple(XSD_DATE, RDF_TYPE, ox.NamedNode(f"{RDFS}Datatype"))
    for t in sorted((t for t in graph if is_date(t)), key=str):
        assert isinstance(t.object, ox.Literal)
        value = f'"{t.object.value}"^^xsd:date'
        if t.subject in ontologies:
            yield "UseOfDefinedDatatypeInLiteral", f"Annotation(<{t.predicate.value}> {value})"
        elif t.predicate in data_properties:
            axiom = f"DataPropertyAssertion({t.predicate} {t.subject} {value})"
            yield "UseOfDefinedDatatypeInLiteral", axiom
            if declared not in graph:
                yield "UseOfUndeclaredDatatype", axiom
        else:
            yield (
                "UseOfDefinedDatatypeInLiteral",
                f"AnnotationAssertion({t.predicate} {t.subject} {value})",
            )


def test_ontology_and_codes_are_owl2_dl_but_for_their_xsd_date_literals(
    owl_api: Path, project: Project, tmp_path: Path
) -> None:
    files = [project.ontology, project.codes]
    found = owlapi.dl_violations(owl_api, tmp_path, files)
    assert sorted((v.kind, v.where) for v in found) == sorted(date_violations(triples(files)))


def test_dataset_is_owl2_dl_but_for_its_xsd_date_literals(
    owl_api: Path, project: Project, tmp_path: Path
) -> None:
    found = owlapi.dl_violations(owl_api, tmp_path, [project.dump])
    expected = sorted(date_violations(triples([project.dump])))
    assert len(expected) > 2  # the data's dates, not only the ontology's own
    assert sorted((v.kind, v.where) for v in found) == expected


BAD = """\
@prefix : <https://example.org/bad#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/bad> a owl:Ontology .
:Thing a owl:Class .
:x a :Thing .
:y a :Thing .
:both a owl:ObjectProperty, owl:DatatypeProperty .
:onlyDeclared a owl:ObjectProperty, owl:DatatypeProperty .
:size a owl:DatatypeProperty .
:x :both :y .
:x :size "2023-06-19"^^xsd:date, "many"^^xsd:integer .
:x :undeclared "a" .
:Thing rdfs:comment "1"^^:myType .
"""


def test_profile_check_catches_what_is_not_owl2_dl(owl_api: Path, tmp_path: Path) -> None:
    """Punning, an undeclared property, xsd:date, a bad lexical form: the checks can fail."""
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD, encoding="utf-8")
    found = owlapi.dl_violations(owl_api, tmp_path, [bad])
    ns = "https://example.org/bad#"
    use = f"AnnotationAssertion(<{ns}both> <{ns}x> <{ns}y>)"
    date = f'DataPropertyAssertion(<{ns}size> <{ns}x> "2023-06-19"^^xsd:date)'
    assert sorted((v.kind, v.where) for v in found) == sorted(
        [
            ("IllegalPunning", use),
            *(
                ("IllegalPunning", f"Declaration({kind}(<{ns}{name}>))")
                for name in ("both", "onlyDeclared")
                for kind in ("DataProperty", "ObjectProperty")
            ),
            (
                "LexicalNotInLexicalSpace",
                f'DataPropertyAssertion(<{ns}size> <{ns}x> "many"^^xsd:integer)',
            ),
            ("UnparsedTriple", f'<{ns}x> <{ns}undeclared> "a"^^<{XSD}string> .'),
            (
                "UseOfDefinedDatatypeInLiteral",
                f'AnnotationAssertion(rdfs:comment <{ns}Thing> "1"^^<{ns}myType>)',
            ),
            ("UseOfDefinedDatatypeInLiteral", date),
            ("UseOfUndeclaredAnnotationProperty", use),
            ("UseOfUndeclaredDatatype", date),
        ]
    )
