"""Java programs the tests run against Debian's jars (Apache Jena, the OWL API)."""

from __future__ import annotations

import shutil
from pathlib import Path

JARS = Path("/usr/share/java")


def missing(names: list[str], what: str, package: str) -> str | None:
    """Why a Java program needing the jars ``names`` cannot run here, or None when it can."""
    if shutil.which("java") is None or shutil.which("javac") is None:
        return "no Java development kit (Debian: default-jdk-headless)"
    absent = [name for name in names if not (JARS / f"{name}.jar").is_file()]
    if absent:
        return f"{what} jars missing from {JARS}: {', '.join(absent)} (Debian: {package})"
    return None
