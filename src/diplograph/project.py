"""Where a diplograph project keeps its sources, and which named graph each source fills.

Three kinds of folder, found from the working directory (or ``--root``) upwards:

- a **repository checkout** (it holds ``ontology/diplograph.ttl``): everything is its own files;
- a **project folder** made by ``diplograph init`` (it holds ``diplograph.toml``): its ``data/``
  (actor registry, curated articles), ``shapes/*.ttl`` and ``queries/*.rq`` on top of the model
  shipped with the package (ontology, code lists, shapes, checks, stored queries, actor registry);
- anywhere else: the shipped model alone, with ``dist/`` and ``data/.store/`` under the folder.

The shipped model is ``diplograph/model/`` in an installed wheel (copied there from the repository
folders when the wheel is built, see ``hatch_build.py``), or, for an editable install, the checkout
the package is installed from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from diplograph.errors import DiplographError
from diplograph.files import os_error, write_atomically

MARKER = Path("ontology") / "diplograph.ttl"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$", re.ASCII)
RESERVED = frozenset({"actors", "codes", "diplograph", "extracted-actors"})  # the model's graphs
FOLDER_MARKER = Path("diplograph.toml")
PACKAGE = Path(__file__).resolve().parent


def shipped_model() -> Path:
    """The folder of the shipped model: ``ontology/``, ``queries/`` and ``data/actors.ttl``."""
    for folder in (PACKAGE / "model", PACKAGE.parents[1]):
        if (folder / MARKER).is_file():
            return folder
    raise DiplographError(
        f"{PACKAGE / 'model'}: the installed diplograph package has no model; "
        "reinstall it from a wheel built with `python -m build --wheel`"
    )


@dataclass(frozen=True)
class Project:
    """A project: its model (ontology/, queries/, the actor registry) and its data/ and dist/.

    ``root`` holds ``data/`` and ``dist/``; ``model`` holds the ontology, code lists, shapes,
    checks and stored queries (default: ``root`` itself, a checkout). ``own`` says whether the
    root's ``data/`` (and, beside a shipped model, ``shapes/`` and ``queries/``) are used.
    """

    root: Path
    model: Path | None = None
    own: bool = True

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project at ``start`` (default: the working directory) or its nearest parent.

        Without ``start``, a folder that is no project uses the shipped model alone.
        """
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / MARKER).is_file():
                return cls(folder)
            if (folder / FOLDER_MARKER).is_file():
                return cls(folder, shipped_model())
        if start is None:
            return cls(here, shipped_model(), own=False)
        raise DiplographError(
            f"no diplograph project in {here} or its parents (looked for {MARKER} and "
            f"{FOLDER_MARKER}); pass --root, or make one with `diplograph init DIR`"
        )

    @property
    def base(self) -> Path:
        """The folder of the model."""
        return self.model or self.root

    @property
    def layered(self) -> bool:
        """A project folder whose own files add to a model kept elsewhere (the shipped one)."""
        return self.own and self.base != self.root

    @property
    def ontology(self) -> Path:
        return self.base / MARKER

    @property
    def codes(self) -> Path:
        return self.base / "ontology" / "codes.ttl"

    @property
    def shapes(self) -> Path:
        """The model's SHACL shapes (see :meth:`shape_files` for a project folder's own too)."""
        return self.base / "ontology" / "shapes.ttl"

    def shape_files(self) -> list[Path]:
        """Every SHACL shapes file: the model's, then a project folder's ``shapes/*.ttl``."""
        own = sorted((self.root / "shapes").glob("*.ttl")) if self.layered else []
        return [self.shapes, *own]

    @property
    def checks(self) -> list[Path]:
        """The ``*-violation.rq`` queries that fail the build when they return a row."""
        return sorted((self.base / "ontology" / "checks").glob("*-violation.rq"))

    @property
    def actors(self) -> Path:
        """The actor registry: the project's own ``data/actors.ttl``, else the model's."""
        own = self.root / "data" / "actors.ttl"
        return own if self.own and own.is_file() else self.base / "data" / "actors.ttl"

    @property
    def articles(self) -> list[Path]:
        """The curated article graphs, one Turtle file per article, named ``<article id>.ttl``.

        A file name that is no lower-case slug, or whose stem is a graph the model fills
        (``actors``, ``codes``, ``diplograph``, ``extracted-actors``), is an error: its graph
        would be unreachable by IRI, or would merge into the model's.
        """
        if not self.own:
            return []
        found = sorted((self.root / "data" / "articles").glob("*.ttl"))
        for path in found:
            if not SLUG.match(path.stem):
                raise DiplographError(
                    f"{path}: the file name is not a lower-case slug (a-z, 0-9, - ; "
                    "it names the article's graph); rename it"
                )
            if path.stem in RESERVED:
                raise DiplographError(
                    f"{path}: the graph graph:{path.stem} is the model's "
                    f"(reserved: {', '.join(sorted(RESERVED))}); rename the file"
                )
        return found

    @property
    def queries(self) -> Path:
        """The model's stored queries (see :meth:`query_folders` for a project folder's own too)."""
        return self.base / "queries"

    def query_folders(self) -> list[Path]:
        """The folders of stored queries: the model's, then a project folder's ``queries/``."""
        own = self.root / "queries"
        return [self.queries, own] if self.layered and own.is_dir() else [self.queries]

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


FOLDER_README = """\
# {name}: a diplograph project

Made by `diplograph init` (diplograph {version}). The model (ontology, code lists, SHACL shapes,
build checks, stored queries) ships with the installed diplograph package; this folder adds its
own files to it, and every `diplograph` command run in it, or in a folder below it, uses them:

- `data/actors.ttl`: the actor registry (`graph:actors`), a copy of the shipped one to extend;
  without it, the shipped registry is used;
- `data/articles/<id>.ttl`: curated article graphs, one named graph `graph:<id>` per file;
- `shapes/*.ttl`: extra SHACL shapes, validated together with the shipped ones;
- `queries/*.rq`: extra stored queries (first line: `# the question`); one named like a shipped
  query replaces it;
- `diplograph.toml`: marks this folder as a diplograph project.

```sh
diplograph extract article.txt -o article.nq     # the article's dateline, or --date YYYY-MM-DD
diplograph validate article.nq
diplograph query meetings --data article.nq
diplograph build                                 # data/ and the shipped model into dist/
diplograph serve                                 # dist/diplograph.nq on http://127.0.0.1:8000/
diplograph publish site/                         # the same as a static site
```
"""

FOLDER_TOML = """\
# A diplograph project folder, made by `diplograph init` (diplograph {version}).
# Its data/, shapes/ and queries/ are used on top of the model shipped with the diplograph package.
"""


def init_folder(folder: Path, version: str) -> list[Path]:
    """Make ``folder`` (new or empty) a project folder; return the files written."""
    if folder.exists() and not folder.is_dir():
        raise DiplographError(f"{folder}: not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise DiplographError(f"{folder}: not empty; `diplograph init` needs a new or empty folder")
    model = shipped_model()
    try:
        for sub in ("data/articles", "shapes", "queries"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise os_error(error.filename or folder, error, "cannot make a folder") from None
    name = folder.resolve().name
    files = {
        FOLDER_MARKER: FOLDER_TOML.format(version=version),
        Path("README.md"): FOLDER_README.format(name=name, version=version),
        Path(".gitignore"): "dist/\ndata/.store/\n",
        Path("data") / "actors.ttl": (model / "data" / "actors.ttl").read_text(encoding="utf-8"),
    }
    for path, text in files.items():
        write_atomically(folder / path, text.encode("utf-8"))
    return sorted(folder / path for path in files)
