"""The OWL API 5.1 from Debian (libowlapi-java) as an OWL 2 DL profile checker.

:func:`dl_violations` merges RDF files (any format :func:`read_quads` reads; graph names dropped)
into one N-Triples document, which the OWL API's own Turtle parser reads (N-Quads it reads only
through its rio module and rdf4j's jars), and runs ``OwlProfile.java`` on it: the OWL API's OWL 2 DL
profile check (``Profiles.OWL2_DL``, which includes the OWL 2 structural checks) plus the three
checks that program adds (triples left out of the ontology, punning in declarations, literals in
annotations). The classpath lists the jars the check loads, no more: the OWL API's own four (api,
impl, parsers, apibinding) and what they reach at run time. Without them the tests that use it are
skipped with the reason, except under CI=true, where they fail.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

import debian_java
from diplograph.rdfio import read_quads

JARS = debian_java.JARS
NAMES = [
    *(f"owlapi-{name}" for name in ("api", "impl", "parsers", "apibinding")),
    "commons-rdf-api",  # org.semanticweb.owlapi.model.IRI implements its IRI
    "guava",
    "caffeine",  # caches in the data factory and ontology implementations
    "hppcrt",  # ontology indexes
    "atinject-jsr330-api",  # javax.inject, for the OWLManager's injector
    "commons-io",  # reading the document source
    "xz",  # DocumentSources, which also opens .xz documents
    "slf4j-api",
    "slf4j-simple",  # the OWL API's parse warnings, on stderr
]
PROGRAM = Path(__file__).with_name("OwlProfile.java")
# Short runs: the C1 compiler only and the serial collector halve the JVM's start-up work.
JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


@dataclass(frozen=True, order=True)
class Violation:
    """One line of ``OwlProfile``: the violation's class name, where (an axiom, in functional
    syntax; an ontology annotation; a triple; or "-") and the OWL API's message."""

    kind: str
    where: str
    message: str


def missing() -> str | None:
    """Why OWL API cannot run here, or None when it can."""
    return debian_java.missing(NAMES, "OWL API", "libowlapi-java")


def classpath() -> str:
    return ":".join(str(JARS / f"{name}.jar") for name in NAMES)


def merged(files: list[Path], target: Path) -> Path:
    """Every triple of the files (graph names dropped) in one N-Triples document."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for f in files for q in read_quads(f)}
    target.write_bytes(ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES) or b"")
    return target


def compile_program(workdir: Path) -> Path:
    """``OwlProfile.java`` compiled into a folder of ``workdir`` (compile once, run many times)."""
    classes = workdir / "owlprofile-classes"
    options = [f"-J{option}" for option in JVM_OPTIONS]
    command = [
        "javac",
        *options,
        "-proc:none",
        "-d",
        str(classes),
        "-cp",
        classpath(),
        str(PROGRAM),
    ]
    subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    return classes


def dl_violations(classes: Path, workdir: Path, files: list[Path]) -> list[Violation]:
    """The OWL 2 DL profile violations of the union of the files' triples ([] when in profile).

    ``classes`` is :func:`compile_program`'s folder. Raises when the program fails, or when the
    OWL API parsed another number of triples than the merged document holds (nothing left unread).
    """
    document = merged(files, workdir / "owlprofile-input.nt")
    expected = len(document.read_bytes().splitlines())
    command = ["java", *JVM_OPTIONS, "-cp", f"{classes}:{classpath()}", "OwlProfile", str(document)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"OwlProfile failed (exit {done.returncode}):\n{done.stderr}")
    violations = [Violation(*line.split("\t")) for line in done.stdout.splitlines()]
    if (done.returncode == 0) != (violations == []):
        raise RuntimeError(f"OwlProfile exit {done.returncode} with output:\n{done.stdout}")
    summary = [line for line in done.stderr.splitlines() if line.startswith("OwlProfile\t")]
    if len(summary) != 1 or summary[0].split("\t")[1] != f"{expected} triples":
        raise RuntimeError(f"OwlProfile did not read the {expected} triples:\n{done.stderr}")
    return violations
