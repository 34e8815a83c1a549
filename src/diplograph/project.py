"""Where a diplograph project keeps its sources, and which named graph each source fills."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diplograph.errors import DiplographError

MARKER = Path("ontology") / "diplograph.ttl"


@dataclass(frozen=True)
class Project:
    """A checkout of the project: ontology/, data/, queries/ and dist/ under one root."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project rooted at ``start`` (default: the working directory) or a parent."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / MARKER).is_file():
                return cls(folder)
        raise DiplographError(
            f"no diplograph project in {here} or its parents (looked for {MARKER}); pass --root"
        )

    @property
    def ontology(self) -> Path:
        return self.root / MARKER

    @property
    def codes(self) -> Path:
        return self.root / "ontology" / "codes.ttl"

    @property
    def shapes(self) -> Path:
        return self.root / "ontology" / "shapes.ttl"

    @property
    def checks(self) -> list[Path]:
        """The ``*-violation.rq`` queries that fail the build when they return a row."""
        return sorted((self.root / "ontology" / "checks").glob("*-violation.rq"))

    @property
    def actors(self) -> Path:
        return self.root / "data" / "actors.ttl"

    @property
    def articles(self) -> list[Path]:
        """The curated article graphs, one Turtle file per article."""
        return sorted((self.root / "data" / "articles").glob("*.ttl"))

    @property
    def queries(self) -> Path:
        return self.root / "queries"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    @property
    def store(self) -> Path:
        """The default persistent Oxigraph store that `diplograph load` fills."""
        return self.root / "data" / ".store"

    @property
    def dump(self) -> Path:
        """The built dataset: every named graph in one canonical N-Quads file."""
        return self.dist / "diplograph.nq"

    def vocabulary(self) -> list[Path]:
        """The files every validation reads besides its data: ontology, code lists, actors."""
        return [self.ontology, self.codes, self.actors]

    def sources(self) -> list[Path]:
        """Every source file of the dataset, in build order."""
        return [*self.vocabulary(), *self.articles]
