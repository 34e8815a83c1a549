"""The published site: every document by its path, and ``diplograph publish OUTDIR``.

:class:`Site` answers "what is at this path?" for the static site and the live server alike;
:func:`publish` writes every document into a folder (atomically: a staging folder renamed).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from diplograph.errors import DiplographError
from diplograph.publish.describe import (
    FORMATS,
    describe,
    ontology_triples,
    resource_path,
    resources,
    serialize,
    text,
)
from diplograph.publish.html import Renderer
from diplograph.publish.rewrite import HEADER, htaccess, w3id
from diplograph.publish.void import (
    ABSTRACT,
    DATASET,
    ENDPOINT,
    TITLE,
    Dump,
    checksums,
    dumps,
    triple_count,
    void,
)
from diplograph.query import stored_queries
from diplograph.vocab import BASE

YASGUI = Path("node_modules") / "@zazuko" / "yasgui" / "build"
ASSETS = ("yasgui.min.js", "yasgui.min.css")
SHIPPED_YASGUI = Path(__file__).resolve().parent / "static" / "yasgui"
HTML = "text/html; charset=utf-8"
MEDIA_TYPES = {
    "html": HTML,
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "rq": "application/sparql-query",
    "gz": "application/gzip",
    **{extension: fmt.media_type for extension, fmt in FORMATS.items()},
}
WELL_KNOWN_VOID = ".well-known/void"


@dataclass(frozen=True)
class Document:
    """The bytes at one path of the site, and their media type."""

    body: bytes
    media_type: str


def yasgui_assets(root: Path | None = None) -> Path:
    """The folder of YASGUI's built files: a checkout's (``npm ci`` from package-lock.json), else
    the copy an installed wheel carries (``hatch_build.py`` takes it from ``node_modules/``)."""
    folders = [root / YASGUI] if root is not None else []
    for folder in [*folders, SHIPPED_YASGUI]:
        if all((folder / name).is_file() for name in ASSETS):
            return folder
    raise DiplographError(
        f"{folders[0] if folders else SHIPPED_YASGUI}: YASGUI is not installed; run `npm ci` "
        f"in {root or 'the checkout'} (an installed diplograph wheel carries it)"
    )


class Site:
    """Every document of the published dataset, rendered on demand from a store."""

    def __init__(
        self,
        store: ox.Store,
        queries: Path | Sequence[Path],
        assets: Path,
        quads: list[ox.Quad] | None = None,
    ) -> None:
        # The dumps are written from the parsed quads when given: an Oxigraph store turns
        # integer-derived datatypes such as xsd:nonNegativeInteger into xsd:integer.
        self.quads = quads
        self.store = store
        self.renderer = Renderer(store)
        self.iris = resources(store)
        self.known = set(self.iris)
        self.queries = stored_queries(queries)
        self.assets = assets

    @cached_property
    def dumps(self) -> list[Dump]:
        return dumps(self.store if self.quads is None else self.quads)

    @cached_property
    def void(self) -> list[ox.Triple]:
        return void(self.store, self.dumps)

    def resource(self, path: str) -> str | None:
        """The IRI whose documents are ``path`` + an extension (None: not a resource)."""
        if path in ("ontology", "void"):
            return BASE + path
        iri = BASE + path
        return iri if iri in self.known and resource_path(iri) == path else None

    def paths(self) -> list[str]:
        """Every path of the site, sorted."""
        stems = ["ontology", "void", *(p for p in map(resource_path, self.iris) if p)]
        found = [f"{stem}.{ext}" for stem in stems for ext in ("html", *FORMATS)]
        found += ["index.html", "query.html", "assets/site.css", WELL_KNOWN_VOID]
        found += [f"assets/{name}" for name in ASSETS]
        found += [f"dumps/{d.name}" for d in self.dumps] + ["dumps/SHA256SUMS"]
        found += [f"queries/{name}.rq" for name in self.queries]
        return sorted(set(found))

    def triples(self, stem: str) -> list[ox.Triple]:
        if stem == "ontology":
            return ontology_triples(self.store)
        if stem == "void":
            return self.void
        return describe(self.store, BASE + stem)

    def html(self, stem: str) -> str:
        if stem == "ontology":
            return self.renderer.ontology(ontology_triples(self.store))
        if stem == "void":
            licenses = [
                text(t.object)
                for t in self.void
                if t.predicate.value.endswith("/license") and text(t.subject) == DATASET
            ]
            return self.renderer.render(
                "void.html",
                "void.html",
                title=TITLE,
                description=ABSTRACT,
                dataset=DATASET,
                triples=triple_count(self.store),
                licenses=sorted(set(licenses)),
                uri_space=BASE,
                endpoint=ENDPOINT,
                dumps=self.dumps,
            )
        return self.renderer.resource(BASE + stem)

    def document(self, path: str) -> Document | None:
        """The document at ``path``, or None when the site has none there."""
        stem, _, extension = path.rpartition(".")
        if path == WELL_KNOWN_VOID:
            return Document(serialize(self.void, "ttl"), MEDIA_TYPES["ttl"])
        if self.resource(stem) is not None and extension == "html":
            return Document(self.html(stem).encode("utf-8"), HTML)
        if self.resource(stem) is not None and extension in FORMATS:
            return Document(serialize(self.triples(stem), extension), MEDIA_TYPES[extension])
        page = self.page(path)
        if page is not None:
            return Document(page.encode("utf-8"), HTML)
        return self.file(path)

    def page(self, path: str) -> str | None:
        if path == "index.html":
            return self.renderer.index(self.iris, TITLE, ABSTRACT, list(self.queries))
        if path == "query.html":
            examples = {n: (q.question, q.text) for n, q in self.queries.items()}
            return self.renderer.query(examples)
        return None

    def file(self, path: str) -> Document | None:
        folder, _, name = path.rpartition("/")
        extension = name.rpartition(".")[2]
        if folder == "assets" and name in ASSETS:
            return Document((self.assets / name).read_bytes(), MEDIA_TYPES[extension])
        if path == "assets/site.css":
            css = files("diplograph.publish").joinpath("static", "site.css").read_bytes()
            return Document(css, MEDIA_TYPES["css"])
        if folder == "dumps":
            if name == "SHA256SUMS":
                return Document(checksums(self.dumps), "text/plain; charset=utf-8")
            found = [d for d in self.dumps if d.name == name]
            return Document(found[0].data, MEDIA_TYPES["gz"]) if found else None
        if folder == "queries" and name.endswith(".rq") and name[:-3] in self.queries:
            return Document(self.queries[name[:-3]].path.read_bytes(), MEDIA_TYPES["rq"])
        return None


def publish(site: Site, outdir: Path, host: str) -> list[Path]:
    """Write the whole site into ``outdir`` (replacing a site published there before)."""
    if outdir.exists() and any(outdir.iterdir()):
        marker = outdir / ".htaccess"
        if not (marker.is_file() and marker.read_text(encoding="utf-8").startswith(HEADER)):
            raise DiplographError(
                f"{outdir}: not empty and not a published site; refusing to replace it"
            )
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}-", dir=outdir.parent))
    try:
        for path in site.paths():
            document = site.document(path)
            assert document is not None, path
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(document.body)
        (staging / ".htaccess").write_text(htaccess(), encoding="utf-8")
        (staging / "w3id-redirect.htaccess").write_text(w3id(host), encoding="utf-8")
        staging.chmod(0o755)
        if outdir.exists():
            shutil.rmtree(outdir)
        staging.rename(outdir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return sorted(p for p in outdir.rglob("*") if p.is_file())
