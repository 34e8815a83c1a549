"""The static site: determinism, internal links, the VoID count, dumps, rewrite rules; and the
publisher's promises in docs/security.md (never outside OUTDIR, never deletes what it did not
write, no script injection, one-line errors)."""

from __future__ import annotations

import errno
import gzip
import hashlib
import html.parser
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.cli import main
from diplograph.errors import DiplographError
from diplograph.project import Project
from diplograph.publish.describe import resource_path
from diplograph.publish.paths import MAX_PATH, MAX_SEGMENT, UnsafePath, file_path
from diplograph.publish.rewrite import site_url, w3id
from diplograph.publish.site import MANIFEST, Site, publish, yasgui_assets
from diplograph.rdfio import load_store, read_quads
from diplograph.vocab import BASE, ID

ROOT = Path(__file__).resolve().parents[1]
VOID = "http://rdfs.org/ns/void#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def site(project: Project) -> Site:
    if not (project.root / "node_modules").exists():
        (project.root / "node_modules").symlink_to(ROOT / "node_modules")
    quads = read_quads(project.dump)
    return Site(load_store([project.dump]), project.queries, yasgui_assets(ROOT), quads)


@pytest.fixture(scope="module")
def published(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("site") / "site"
    publish(site, outdir, "https://example.org/diplograph/")
    return outdir


class Links(html.parser.HTMLParser):
    """The href/src targets and the id anchors of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.targets.append(value)
            if name == "id" and value is not None:
                self.ids.add(value)


def test_no_broken_internal_links(published: Path) -> None:
    pages = {p: Links() for p in published.rglob("*.html")}
    for page, parser in pages.items():
        parser.feed(page.read_text(encoding="utf-8"))
    checked, broken = 0, []
    for page, parser in pages.items():
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            file = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not file.is_file():
                broken.append(f"{page.relative_to(published)} -> {target}")
            elif parts.fragment and parts.fragment not in pages[file].ids:
                broken.append(f"{page.relative_to(published)} -> {target} (no anchor)")
    assert broken == []
    assert checked > 5000


def test_two_publish_runs_are_byte_identical(
    project: Project, published: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [sys.executable, "-m", "diplograph.cli", "--root", str(project.root), "publish"]
    again = tmp_path / "again"
    subprocess.run(
        [*command, "--site", "https://example.org/diplograph/", str(again)],
        env=env,
        check=True,
        capture_output=True,
    )
    first = sorted(p.relative_to(published) for p in published.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    assert all((published / p).read_bytes() == (again / p).read_bytes() for p in first)


def test_every_resource_has_a_page_in_every_format(site: Site, published: Path) -> None:
    assert len(site.iris) > 300
    for stem in ("id/wang-yi", "code/cameo/043", "graph/actors", "ontology", "void"):
        for extension in ("html", "ttl", "jsonld", "nt", "rdf"):
            assert (published / f"{stem}.{extension}").stat().st_size > 200, (stem, extension)
    for extension, fmt in (
        ("ttl", ox.RdfFormat.TURTLE),
        ("jsonld", ox.RdfFormat.JSON_LD),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("rdf", ox.RdfFormat.RDF_XML),
    ):
        triples = set(
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse((published / f"id/wang-yi.{extension}").read_bytes(), fmt)
        )
        wang = ox.NamedNode("https://w3id.org/diplograph/id/wang-yi")
        meeting = ox.NamedNode(
            "https://w3id.org/diplograph/id/global-times-2023-06-19-wang-yi-blinken/meeting-wang-yi-blinken"
        )
        assert (
            ox.Triple(
                meeting, ox.NamedNode("https://w3id.org/diplograph/ontology#participant"), wang
            )
            in triples
        )


def test_void_triple_count_is_the_real_count(project: Project, published: Path) -> None:
    quads = list(ox.parse(project.dump.read_bytes(), ox.RdfFormat.N_QUADS))
    distinct = {(q.subject, q.predicate, q.object) for q in quads}
    void = ox.Store()
    void.load((published / ".well-known" / "void").read_bytes(), ox.RdfFormat.TURTLE)
    dataset = ox.NamedNode("https://w3id.org/diplograph/void#dataset")
    counts = [
        str(q.object) for q in void.quads_for_pattern(dataset, ox.NamedNode(VOID + "triples"), None)
    ]
    assert counts == [f'"{len(distinct)}"^^<http://www.w3.org/2001/XMLSchema#integer>']
    subsets = void.query(
        f"SELECT (SUM(?n) AS ?total) {{ <{dataset.value}> <{VOID}subset>/<{VOID}triples> ?n }}"
    )
    assert isinstance(subsets, ox.QuerySolutions)
    assert str(next(iter(subsets))["total"]) == f'"{len(set(quads))}"^^<{XSD}integer>'
    for name in ("uriSpace", "sparqlEndpoint", "dataDump", "exampleResource", "vocabulary"):
        assert list(void.quads_for_pattern(dataset, ox.NamedNode(VOID + name), None)), name


def test_dumps_hold_the_dataset_and_match_their_checksums(
    project: Project, published: Path
) -> None:
    sums = (published / "dumps" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(sums) == 2
    for line in sums:
        digest, name = line.split("  ")
        data = (published / "dumps" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest
        assert digest in (published / "void.ttl").read_text(encoding="utf-8")
    expected = set(ox.parse(project.dump.read_bytes(), ox.RdfFormat.N_QUADS))
    nquads = gzip.decompress((published / "dumps" / "diplograph.nq.gz").read_bytes())
    trig = gzip.decompress((published / "dumps" / "diplograph.trig.gz").read_bytes())
    assert set(ox.parse(nquads, ox.RdfFormat.N_QUADS)) == expected
    assert set(ox.parse(trig, ox.RdfFormat.TRIG)) == expected


def test_pages_show_evidence_and_ontology_terms(published: Path) -> None:
    meeting = (
        published / "id/global-times-2023-06-19-wang-yi-blinken/meeting-wang-yi-blinken.html"
    ).read_text(encoding="utf-8")
    assert (
        "<mark>China&#39;s top diplomat Wang Yi met with US Secretary of State Antony Blinken"
        " in Beijing on Monday</mark>" in meeting
    )
    ontology = (published / "ontology.html").read_text(encoding="utf-8")
    assert 'id="Meeting"' in ontology and 'id="participant"' in ontology


def test_rewrite_rules_are_generated(published: Path) -> None:
    htaccess = (published / ".htaccess").read_text(encoding="utf-8")
    assert "RewriteRule ^((?:id|code|graph)/.+|ontology|void)$ $1.ttl [R=303,L]" in htaccess
    w3id = (published / "w3id-redirect.htaccess").read_text(encoding="utf-8")
    assert (
        "RewriteRule ^((?:id|code|graph)/.+|ontology|void)$"
        " https://example.org/diplograph/$1.jsonld [R=303,L]" in w3id
    )


# --- The publisher's promises (docs/security.md) ------------------------------------------

SITE = "https://example.org/diplograph/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
GRAPH = "https://w3id.org/diplograph/graph/tiny"


def tiny_quads(*iris: str) -> list[ox.Quad]:
    """A dataset of one labelled resource per IRI, linked from id/hub."""
    hub = ox.NamedNode(ID + "hub")
    graph = ox.NamedNode(GRAPH)
    quads = [ox.Quad(hub, ox.NamedNode(LABEL), ox.Literal("Hub", language="en"), graph)]
    for iri in iris:
        node = ox.NamedNode(iri)
        quads.append(ox.Quad(hub, ox.NamedNode("https://schema.org/url"), node, graph))
        quads.append(ox.Quad(node, ox.NamedNode(LABEL), ox.Literal(iri[-30:]), graph))
    return quads


def tiny_site(*iris: str) -> Site:
    quads = tiny_quads(*iris)
    store = ox.Store()
    store.extend(quads)
    return Site(store, [], yasgui_assets(ROOT), quads)


def nquads(path: Path, *iris: str) -> Path:
    path.write_bytes(ox.serialize(tiny_quads(*iris), format=ox.RdfFormat.N_QUADS) or b"")
    return path


def cli_publish(project: Project, data: Path, outdir: Path, *extra: str) -> Result:
    if not (project.root / "node_modules").exists():
        (project.root / "node_modules").symlink_to(ROOT / "node_modules")
    arguments = ["--root", str(project.root), "publish", "--data", str(data), *extra, str(outdir)]
    return CliRunner().invoke(main, arguments)


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def files_under(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir()}


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("id/../../tmp/x.html", "'..' segment"),
        ("id/./x.html", "'.' segment"),
        ("..", "'..' segment"),
        ("id//x.html", "empty segment"),
        ("id/", "empty segment"),
        ("", "empty site path"),
        ("/etc/passwd", "absolute path"),
        ("id\\..\\x.html", "backslash"),
        ("id/a\x00b.html", "control character"),
        ("id/a\nb.html", "control character"),
        ("id/" + "a" * (MAX_SEGMENT + 1), f"longer than {MAX_SEGMENT} bytes"),
        ("id/" + "é" * (MAX_SEGMENT // 2 + 1), f"longer than {MAX_SEGMENT} bytes"),
        ("id/" + "a/" * (MAX_PATH // 2) + "x.html", f"longer than {MAX_PATH} bytes"),
        ("id/\ud800.html", "not encodable as UTF-8"),
    ],
)
def test_file_path_refuses_unsafe_site_paths(path: str, reason: str, tmp_path: Path) -> None:
    with pytest.raises(UnsafePath, match=reason):
        file_path(tmp_path, path)


def test_file_path_keeps_names_as_they_are(tmp_path: Path) -> None:
    for path in ("id/王毅.html", "id/a..b.html", "id/%2e%2e/x.ttl", "id/.hidden.nt", "id/a:b.html"):
        assert file_path(tmp_path, path) == tmp_path.joinpath(*path.split("/"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_any_iri_path_stays_inside_outdir_or_is_refused(text: str) -> None:
    root = Path("/srv/out")
    for iri in (ID + text, BASE + text):
        path = resource_path(iri)
        if path is None:
            continue
        for site_path in (path, path + ".html", path + ".jsonld"):
            try:
                target = file_path(root, site_path)
            except UnsafePath:
                continue
            assert os.path.normpath(target).startswith(str(root) + os.sep)
            assert os.path.commonpath([root, os.path.normpath(target)]) == str(root)
            assert target.relative_to(root).as_posix() == site_path


def test_a_dot_dot_iri_writes_nothing_outside_outdir(project: Project, tmp_path: Path) -> None:
    data = nquads(tmp_path / "evil.nq", ID + "../../../../tmp/x", ID + "ok")
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    before = files_under(tmp_path)
    line = one_line_error(cli_publish(project, data, work / "site"))
    assert "'..' segment" in line and "id/../../../../tmp/x" in line
    assert files_under(tmp_path) == before
    assert not (work / "site").exists()
    assert not [p for p in work.iterdir()]  # no staging folder left


def test_an_over_long_id_is_a_one_line_error(project: Project, tmp_path: Path) -> None:
    data = nquads(tmp_path / "long.nq", ID + "x" * 300)
    line = one_line_error(cli_publish(project, data, tmp_path / "site"))
    assert f"longer than {MAX_SEGMENT} bytes" in line
    assert not (tmp_path / "site").exists()


def test_republishing_keeps_files_it_did_not_write(project: Project, tmp_path: Path) -> None:
    outdir = tmp_path / "site"
    first = nquads(tmp_path / "first.nq", ID + "old", ID + "kept")
    assert cli_publish(project, first, outdir, "--site", SITE).exit_code == 0
    manifest = (outdir / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert "id/old.html" in manifest and ".htaccess" in manifest
    assert files_under(outdir) == {*[m for m in manifest if not m.startswith("#")], MANIFEST}
    (outdir / ".git").mkdir()
    (outdir / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    (outdir / "CNAME").write_text("example.org\n", encoding="utf-8")
    (outdir / "id" / "notes.txt").write_text("mine\n", encoding="utf-8")
    second = nquads(tmp_path / "second.nq", ID + "kept", ID + "new")
    result = cli_publish(project, second, outdir, "--site", SITE)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "left 3 files not written by publish: .git/, CNAME, id/notes.txt"
    )
    assert (outdir / ".git" / "config").read_text(encoding="utf-8") == "[core]\n"
    assert (outdir / "CNAME").read_text(encoding="utf-8") == "example.org\n"
    assert (outdir / "id" / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not (outdir / "id" / "old.html").exists()
    assert (outdir / "id" / "new.html").is_file() and (outdir / "id" / "kept.ttl").is_file()
    assert not [p for p in outdir.iterdir() if p.name.startswith(".diplograph-staging")]


def test_a_killed_run_leaves_nothing_the_next_run_cannot_clean(tmp_path: Path) -> None:
    outdir = tmp_path / "site"
    publish(tiny_site(ID + "a", ID + "b"), outdir, SITE)
    (outdir / ".diplograph-staging-killed" / "id").mkdir(parents=True)
    (outdir / ".diplograph-staging-killed" / "id" / "a.html").write_text("x", encoding="utf-8")
    # A run killed during its renames: the manifest lists both runs' files.
    listed = (outdir / MANIFEST).read_text(encoding="utf-8")
    (outdir / MANIFEST).write_text(listed + "id/stale.html\n", encoding="utf-8")
    (outdir / "id" / "stale.html").write_text("stale", encoding="utf-8")
    done = publish(tiny_site(ID + "a"), outdir, SITE)
    assert done.kept == [] and sorted(done.removed)[-1] == "id/stale.html"
    assert not (outdir / ".diplograph-staging-killed").exists()
    assert not (outdir / "id" / "b.html").exists() and (outdir / "id" / "a.html").is_file()


def test_a_file_it_did_not_write_is_never_overwritten(project: Project, tmp_path: Path) -> None:
    outdir = tmp_path / "site"
    outdir.mkdir()
    (outdir / "index.html").write_text("my own page\n", encoding="utf-8")
    line = one_line_error(cli_publish(project, nquads(tmp_path / "d.nq", ID + "a"), outdir))
    assert f"{outdir / 'index.html'}: not written by diplograph publish" in line
    assert files_under(outdir) == {"index.html"}
    assert (outdir / "index.html").read_text(encoding="utf-8") == "my own page\n"


def test_a_forged_manifest_cannot_delete_outside(project: Project, tmp_path: Path) -> None:
    outdir = tmp_path / "site"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    outdir.mkdir()
    (outdir / MANIFEST).write_text("../victim.txt\n", encoding="utf-8")
    line = one_line_error(cli_publish(project, nquads(tmp_path / "d.nq", ID + "a"), outdir))
    assert f"{outdir / MANIFEST}:1:" in line and "'..' segment" in line
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_symlinks_are_refused(project: Project, tmp_path: Path) -> None:
    data = nquads(tmp_path / "d.nq", ID + "a")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link").symlink_to(elsewhere)
    line = one_line_error(cli_publish(project, data, tmp_path / "link"))
    assert f"{tmp_path / 'link'}: a symbolic link" in line
    outdir = tmp_path / "site"
    assert cli_publish(project, data, outdir).exit_code == 0
    victim = elsewhere / "victim.html"
    victim.write_text("keep\n", encoding="utf-8")
    (outdir / "index.html").unlink()
    (outdir / "index.html").symlink_to(victim)
    line = one_line_error(cli_publish(project, data, outdir))
    assert f"{outdir / 'index.html'}: a symbolic link" in line
    (outdir / "index.html").unlink()
    os.rename(outdir / "id", tmp_path / "id")
    (outdir / "id").symlink_to(elsewhere)
    line = one_line_error(cli_publish(project, data, outdir))
    assert f"{outdir / 'id'}: a symbolic link" in line
    assert files_under(elsewhere) == {"victim.html"}
    assert victim.read_text(encoding="utf-8") == "keep\n"


@pytest.mark.parametrize(
    ("code", "message"), [(errno.EBUSY, "Device or resource busy"), (errno.EROFS, "Read-only")]
)
def test_a_busy_or_read_only_mount_point_is_a_one_line_error(
    code: int, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir = tmp_path / "mnt"
    outdir.mkdir()
    (outdir / "CNAME").write_text("example.org\n", encoding="utf-8")

    def refuse(prefix: str = "", dir: str | Path | None = None, **_: object) -> str:
        raise OSError(code, os.strerror(code), str(Path(dir or ".") / prefix))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(DiplographError, match=message) as raised:
        publish(tiny_site(ID + "a"), outdir, SITE)
    assert str(outdir) in str(raised.value) and "\n" not in str(raised.value)
    assert files_under(outdir) == {"CNAME"}


def test_a_failed_write_leaves_the_previous_site_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outdir = tmp_path / "site"
    publish(tiny_site(ID + "a"), outdir, SITE)
    before = {p: (outdir / p).read_bytes() for p in files_under(outdir)}
    written: list[Path] = []

    def full(self: Path, data: bytes) -> int:
        if len(written) > 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        written.append(self)
        return len(data)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(DiplographError, match="No space left on device"):
        publish(tiny_site(ID + "a", ID + "b"), outdir, SITE)
    assert {p: (outdir / p).read_bytes() for p in files_under(outdir)} == before


def test_script_iris_are_never_links(project: Project, tmp_path: Path) -> None:
    scripts = [
        "javascript:alert(1)",
        "JavaScript:alert(2)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(4)",
    ]
    data = nquads(tmp_path / "d.nq", *scripts, ID + "javascript:alert(5)")
    outdir = tmp_path / "site"
    assert cli_publish(project, data, outdir).exit_code == 0
    hub = (outdir / "id" / "hub.html").read_text(encoding="utf-8")
    for script in scripts:
        assert script in hub  # shown as text
    for page in outdir.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            assert urlsplit(target).scheme in ("", "http", "https"), (page, target)
    assert 'href="./javascript:alert(5).html"' in hub


@pytest.mark.parametrize(
    "bad",
    [
        "https://example.org/\nRewriteRule .* http://evil.example/ [R]\n",
        "https://example.org/ evil/",
        "https://example.org/$1/",
        "https://example.org/%{ENV:X}/",
        "https://example.org/a\\b/",
        "https://example.org/site",
        "https://example.org/?q=/",
        "https://example.org/#x/",
        "ftp://example.org/",
        "javascript://example.org/",
        "//example.org/",
        "example.org/",
        "https:///path/",
        "https://user:pw@example.org/",
        "https://example.org:99999/",
        "https://exämple.org/",
    ],
)
def test_site_must_be_an_absolute_http_url_ending_in_a_slash(bad: str) -> None:
    with pytest.raises(DiplographError, match="--site"):
        site_url(bad)
    with pytest.raises(DiplographError, match="--site"):
        w3id(bad)


def test_a_newline_in_site_cannot_inject_apache_directives(
    project: Project, tmp_path: Path
) -> None:
    data = nquads(tmp_path / "d.nq", ID + "a")
    evil = "https://example.org/\nRewriteRule .* http://evil.example/ [R=302,L]\n"
    line = one_line_error(cli_publish(project, data, tmp_path / "site", "--site", evil))
    assert "not allowed in a site URL: '\\n'" in line
    assert not (tmp_path / "site").exists()
    good = "http://localhost:8080/a-b/c_d/"
    assert site_url(good) == good
    assert cli_publish(project, data, tmp_path / "site", "--site", good).exit_code == 0
    w3id_rules = (tmp_path / "site" / "w3id-redirect.htaccess").read_text(encoding="utf-8")
    for line in w3id_rules.splitlines():
        assert line.startswith(("#", "Options", "RewriteEngine", "RewriteCond", "RewriteRule"))
    assert w3id_rules.splitlines()[-1] == f"RewriteRule ^(.*)$ {good}$1 [R=302,L]"
