"""The published site: every document by its path, and ``diplograph publish OUTDIR``.

:class:`Site` answers "what is at this path?" for the static site and the live server alike;
:func:`publish` writes every document into a folder: staged first, then renamed into place;
it removes only the files its manifest of the previous run lists (see ``docs/security.md``).
"""

from __future__ import annotations

import os
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
from diplograph.publish.paths import UnsafePath, check, file_path
from diplograph.publish.rewrite import htaccess, site_url, w3id
from diplograph.publish.views import Views, to_json
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
# vis-timeline and vis-network (npm, standalone builds: their CSS and dependencies inside) draw
# the timeline and the network; views.js (ours) feeds them the views' JSON files. By file name:
# the npm package, in node_modules/<package>/standalone/umd/ or the wheel's static/<package>/.
VIS = {"vis-timeline-graph2d.min.js": "vis-timeline", "vis-network.min.js": "vis-network"}
STANDALONE = Path("standalone") / "umd"
STATIC = Path(__file__).resolve().parent / "static"
VIEWS_SCRIPT = "views.js"
VIEW_DATA = ("timeline", "network")
HTML = "text/html; charset=utf-8"
MEDIA_TYPES = {
    "html": HTML,
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "json": "application/json",
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


def vis_assets(root: Path | None = None) -> dict[str, Path]:
    """The vis-timeline and vis-network files by their name in the site: a checkout's
    (``npm ci``), else the copy an installed wheel carries (``hatch_build.py``)."""
    modules = root / "node_modules" if root is not None else None
    candidates = [{n: modules / p / STANDALONE / n for n, p in VIS.items()}] if modules else []
    candidates.append({name: STATIC / package / name for name, package in VIS.items()})
    for found in candidates:
        if all(path.is_file() for path in found.values()):
            return found
    where = next(iter(candidates[0].values()))
    raise DiplographError(
        f"{where}: vis-timeline and vis-network are not installed; run `npm ci` in "
        f"{root or 'the checkout'} (an installed diplograph wheel carries them)"
    )


def checkout_of(assets: Path) -> Path | None:
    """The checkout whose ``node_modules/`` holds the YASGUI folder ``assets`` (None: not one).

    >>> checkout_of(Path("/src/diplograph") / YASGUI), checkout_of(SHIPPED_YASGUI)
    (PosixPath('/src/diplograph'), None)
    """
    parts = YASGUI.parts
    return assets.parents[len(parts) - 1] if assets.parts[-len(parts) :] == parts else None


class PageRenderer(Renderer):
    """The renderer of the site's pages: an actor's page also shows the actor's own timeline."""

    def __init__(self, store: ox.Store, views: Views) -> None:
        super().__init__(store)
        self.views = views

    def render(self, template: str, page: str, **values: object) -> str:
        if template == "resource.html":
            values["timeline"] = values.get("iri") in self.views.actor_iris
        return super().render(template, page, **values)


class Site:
    """Every document of the published dataset, rendered on demand from a store.

    ``assets`` is YASGUI's folder (:func:`yasgui_assets`); the vis files are found next to it
    (:func:`vis_assets`: the same checkout's ``node_modules/``, else the wheel's copy).
    """

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
        self.views = Views(store, queries)
        self.renderer = PageRenderer(store, self.views)
        self.iris = resources(store)
        self.known = set(self.iris)
        self.queries = stored_queries(queries)
        self.assets = assets
        self.vis = vis_assets(checkout_of(assets))

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
        found += [f"assets/{name}" for name in (*ASSETS, *self.vis, VIEWS_SCRIPT)]
        found += [f"{view}.html" for view in VIEW_DATA]
        found += [f"views/{view}.json" for view in VIEW_DATA]
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
        if path == "timeline.html":
            return self.renderer.render("timeline.html", path, title="Timeline of interactions")
        if path == "network.html":
            return self.renderer.render("network.html", path, title="Who met whom")
        return None

    def file(self, path: str) -> Document | None:
        folder, _, name = path.rpartition("/")
        extension = name.rpartition(".")[2]
        if folder == "assets" and name in ASSETS:
            return Document((self.assets / name).read_bytes(), MEDIA_TYPES[extension])
        if folder == "assets" and name in self.vis:
            return Document(self.vis[name].read_bytes(), MEDIA_TYPES[extension])
        if path in ("assets/site.css", f"assets/{VIEWS_SCRIPT}"):
            static = files("diplograph.publish").joinpath("static", name).read_bytes()
            return Document(static, MEDIA_TYPES[extension])
        if path == "views/timeline.json":
            return Document(to_json(self.views.timeline()), MEDIA_TYPES["json"])
        if path == "views/network.json":
            return Document(to_json(self.views.network()), MEDIA_TYPES["json"])
        if folder == "dumps":
            if name == "SHA256SUMS":
                return Document(checksums(self.dumps), "text/plain; charset=utf-8")
            found = [d for d in self.dumps if d.name == name]
            return Document(found[0].data, MEDIA_TYPES["gz"]) if found else None
        if folder == "queries" and name.endswith(".rq") and name[:-3] in self.queries:
            return Document(self.queries[name[:-3]].path.read_bytes(), MEDIA_TYPES["rq"])
        return None


MANIFEST = ".diplograph-manifest"
MANIFEST_HEADER = "# diplograph publish: the files of this site, one per line\n"
STAGING = ".diplograph-staging-"


@dataclass(frozen=True)
class Published:
    """What :func:`publish` did: the files it wrote, and the files it found and left alone."""

    written: list[Path]
    kept: list[str]
    removed: list[str]
    folders: frozenset[str] = frozenset()
    """The top folders of the site (``id``, ``assets``, …)."""

    def _shown(self, kept: str) -> str:
        top = kept.split("/")[0]
        return top + "/" if "/" in kept and top not in self.folders else kept

    def kept_summary(self) -> str:
        """The files left alone, on one line (a top folder the site does not use: as a whole).

        >>> kept = [".git/config", ".git/HEAD", "CNAME", "id/notes.txt"]
        >>> Published([], kept, [], frozenset({"id"})).kept_summary()
        'left 4 files not written by publish: .git/, CNAME, id/notes.txt'
        """
        shown = sorted({self._shown(k) for k in self.kept})
        more = f" and {len(shown) - 5} more" if len(shown) > 5 else ""
        return f"left {len(self.kept)} files not written by publish: {', '.join(shown[:5])}{more}"


def _os_error(error: OSError, fallback: Path) -> DiplographError:
    path = error.filename or fallback
    return DiplographError(f"{path}: {error.strerror or error}")


def _no_symlink(outdir: Path, path: str) -> None:
    """Refuse when ``path`` under ``outdir``, or a folder on the way to it, is a symlink."""
    current = outdir
    for segment in check(path):
        current = current / segment
        if current.is_symlink():
            raise DiplographError(f"{current}: a symbolic link; refusing to write through it")
        if not current.exists():
            return


def _manifest(outdir: Path) -> set[str]:
    """The files the previous run wrote into ``outdir`` (empty when there was none)."""
    manifest = outdir / MANIFEST
    if manifest.is_symlink():
        raise DiplographError(f"{manifest}: a symbolic link; refusing to read it")
    if not manifest.exists():
        return set()
    listed = set()
    for number, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if line and not line.startswith("#"):
            try:
                check(line)
            except UnsafePath as error:
                raise DiplographError(f"{manifest}:{number}: {error}") from None
            listed.add(line)
    return listed


def _found(outdir: Path) -> set[str]:
    """Every file (and symlink) under ``outdir``, without following symlinks."""
    found = set()
    for folder, folders, names in os.walk(outdir):
        relative = Path(folder).relative_to(outdir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        if not prefix:
            folders[:] = [f for f in folders if not f.startswith(STAGING)]
        found |= {prefix + name for name in names}
        found |= {prefix + f for f in folders if (Path(folder) / f).is_symlink()}
    return found - {MANIFEST}


def _stage(site: Site, paths: list[str], staging: Path, host: str) -> None:
    for path in paths:
        target = file_path(staging, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path == ".htaccess":
            target.write_text(htaccess(), encoding="utf-8")
        elif path == "w3id-redirect.htaccess":
            target.write_text(w3id(host), encoding="utf-8")
        else:
            document = site.document(path)
            assert document is not None, path
            target.write_bytes(document.body)
    (staging / MANIFEST).write_text(MANIFEST_HEADER + "".join(p + "\n" for p in paths), "utf-8")


def publish(site: Site, outdir: Path, host: str) -> Published:
    """Write the whole site into ``outdir``, replacing the files a previous run wrote there.

    Nothing outside ``outdir`` is written; nothing it holds that the previous run's manifest does
    not list is removed or overwritten; any refusal or OS error is a :class:`DiplographError`
    raised before ``outdir`` changes.
    """
    host = site_url(host)
    paths = sorted({*site.paths(), ".htaccess", "w3id-redirect.htaccess"})
    for path in paths:
        try:
            check(path)
        except UnsafePath as error:
            raise DiplographError(f"{outdir}: refusing to publish {error}") from None
    try:
        return _publish(site, outdir, host, paths)
    except OSError as error:
        raise _os_error(error, outdir) from None


def _publish(site: Site, outdir: Path, host: str, paths: list[str]) -> Published:
    if outdir.is_symlink():
        raise DiplographError(f"{outdir}: a symbolic link; refusing to publish through it")
    if outdir.exists() and not outdir.is_dir():
        raise DiplographError(f"{outdir}: not a folder")
    if not outdir.exists():
        outdir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}-", dir=outdir.parent))
        try:
            _stage(site, paths, staging, host)
            staging.chmod(0o755)
            staging.rename(outdir)
        finally:
            if staging.exists():
                shutil.rmtree(staging)
        return Published([outdir / p for p in paths], [], [])
    previous = _manifest(outdir)
    found = _found(outdir)
    kept = sorted(found - previous)
    foreign = set(kept)
    for path in paths:
        _no_symlink(outdir, path)
        segments = check(path)
        for depth in range(1, len(segments) + 1):
            prefix = "/".join(segments[:depth])
            target = outdir.joinpath(*segments[:depth])
            folder_needed = depth < len(segments)
            if prefix in foreign or (target.exists() and target.is_dir() != folder_needed):
                raise DiplographError(
                    f"{target}: not written by diplograph publish (no manifest lists it); "
                    "refusing to replace it"
                )
    for old in glob_staging(outdir):
        shutil.rmtree(old)  # a killed run's: only its own files
    staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=outdir))
    try:
        _stage(site, paths, staging, host)
        # Commit: first a manifest of both runs, so a crash here leaves a folder the next run
        # can clean; then each file renamed into place; the old files; the final manifest.
        union = sorted(previous | set(paths))
        pending = staging / (MANIFEST + ".pending")
        pending.write_text(MANIFEST_HEADER + "".join(p + "\n" for p in union), "utf-8")
        os.replace(pending, outdir / MANIFEST)
        for path in paths:
            target = file_path(outdir, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(file_path(staging, path), target)
        removed = []
        for path in sorted(previous - set(paths)):
            _no_symlink(outdir, path)
            target = file_path(outdir, path)
            if target.is_file() and not target.is_symlink():
                target.unlink()
                removed.append(path)
                _prune(outdir, target.parent)
        os.replace(staging / MANIFEST, outdir / MANIFEST)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    folders = frozenset(p.split("/")[0] for p in paths if "/" in p)
    return Published([outdir / p for p in paths], kept, removed, folders)


def glob_staging(outdir: Path) -> list[Path]:
    """Staging folders a killed run left in ``outdir``."""
    return [p for p in outdir.glob(STAGING + "*") if p.is_dir() and not p.is_symlink()]


def _prune(outdir: Path, folder: Path) -> None:
    """Remove the folders that removing old files left empty (never ``outdir``)."""
    while folder != outdir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
