"""Apache Jena 4.5 from Debian (libapache-jena-java) as an independent check of our RDF and SHACL.

Debian ships the jars without the ``riot`` and ``shacl`` scripts; :func:`classpath` lists them
(the whole folder holds two SLF4J bindings) and works around a packaging bug: the bundled xerces
looks for its message files under ``xerces/impl/`` while jena-core.jar keeps them under
``org/apache/jena/ext/xerces/impl/``, and every command dies in XSDDatatype without them.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import debian_java

JARS = debian_java.JARS
NAMES = [
    *(f"jena-{name}" for name in ("arq", "base", "cmds", "core", "iri", "rdfconnection")),
    *(f"jena-{name}" for name in ("shacl", "shex", "tdb", "tdb2")),
    *(f"jena-dboe-{name}" for name in ("base", "index", "storage", "trans-data", "transaction")),
    *(f"commons-{name}" for name in ("cli", "codec", "compress", "csv", "io", "lang3")),
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpcore",
    "jackson-annotations",
    "jackson-core",
    "jackson-databind",
    "jakarta.json-api",
    "jsonld-java",
    "protobuf",
    "thrift",
    "titanium-json-ld",
    "slf4j-api",
    "slf4j-simple",
]
MESSAGES = "org/apache/jena/ext/xerces/impl/"
SHACL_PROGRAM = Path(__file__).with_name("JenaShacl.java")


def missing() -> str | None:
    """Why Jena cannot run here, or None when it can."""
    return debian_java.missing(NAMES, "Jena", "libapache-jena-java")


def classpath(workdir: Path) -> str:
    """The jars, after a folder that puts xerces' message files where it looks for them."""
    fix = workdir / "xerces-messages"
    with zipfile.ZipFile(JARS / "jena-core.jar") as jar:
        for member in jar.namelist():
            if member.startswith(MESSAGES) and not member.endswith("/"):
                target = fix / "xerces" / "impl" / member[len(MESSAGES) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(member))
    return ":".join([str(fix), *(str(JARS / f"{name}.jar") for name in NAMES)])


def riot_validate(workdir: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    """``riot --validate FILES`` (exit 1 and messages on stderr for any syntax error)."""
    command = ["java", "-cp", classpath(workdir), "riotcmd.riot", "--validate", *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def shacl(workdir: Path, shapes: Path, files: list[Path]) -> dict[Path, tuple[bool, set[str]]]:
    """Jena SHACL's verdict and violating focus nodes for each data file, all in one JVM."""
    command = ["java", "-cp", classpath(workdir), str(SHACL_PROGRAM), str(shapes), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=True)
    found: dict[Path, tuple[bool, set[str]]] = {}
    for line in done.stdout.splitlines():
        path, kind, *rest = line.split("\t")
        if kind == "focus":
            found[Path(path)][1].add(rest[0])
        else:
            found[Path(path)] = (kind == "conforms", set())
    return found
