"""The installable tool: the wheel carries the model and the site's front-end (YASGUI,
vis-timeline, vis-network), and works outside the checkout.

The wheel is built from this checkout (``python -m build --wheel``, which needs ``npm ci`` first:
YASGUI and vis are taken from ``node_modules/``), installed with pip into a fresh virtual
environment in a temporary folder, and run there in an empty folder with only the environment's
``bin/`` on PATH (no Node.js, no repository, no PYTHONPATH): extract, validate, query, serve,
publish, init.
Without ``node_modules/`` the wheel tests are skipped with the reason, except under CI=true.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

import diplograph
from diplograph.cli import main
from diplograph.errors import DiplographError
from diplograph.project import FOLDER_MARKER, Project, shipped_model

ROOT = Path(__file__).resolve().parents[1]
YASGUI = ROOT / "node_modules" / "@zazuko" / "yasgui" / "build"
ASSETS = ("yasgui.min.js", "yasgui.min.css")
# vis-timeline and vis-network: the file of each standalone build, by its npm package.
VIS = {"vis-timeline": "vis-timeline-graph2d.min.js", "vis-network": "vis-network.min.js"}


def vis_file(package: str) -> Path:
    return ROOT / "node_modules" / package / "standalone" / "umd" / VIS[package]


# The repository folders the wheel carries under diplograph/model/, their one source of truth.
MODEL = [
    *sorted(p for p in (ROOT / "ontology").rglob("*") if p.is_file()),
    *sorted(p for p in (ROOT / "queries").rglob("*") if p.is_file()),
    ROOT / "data" / "actors.ttl",
]
ARTICLE = (
    "date 2024-04-26 Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi "
    "in Beijing on Friday. Wang urged the United States to stop interfering in China's internal "
    "affairs. Blinken raised concerns about China's support for Russia's defense industrial base.\n"
)
PUBLISHER = "U.S. Department of State"
OWN_SHAPE = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix dip: <https://w3id.org/diplograph/ontology#> .
<urn:newsroom:CrowdedMeeting> a sh:NodeShape ;
    sh:targetClass dip:Meeting ;
    sh:property [ sh:path dip:participant ; sh:minCount 5 ;
                  sh:message "a newsroom rule: meetings of five or more" ] .
"""
OWN_QUERY = """\
# Which persons are there?
PREFIX dip: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?label WHERE { ?person a dip:Person ; rdfs:label ?label } ORDER BY ?label
"""


def expected_version() -> str:
    """The package version the ontology's owl:versionInfo gives: 2026-12-01 is 2026.12.1."""
    text = (ROOT / "ontology" / "diplograph.ttl").read_text(encoding="utf-8")
    (info,) = re.findall(r'owl:versionInfo\s+"(\d{4}-\d{2}-\d{2})"', text)
    return ".".join(str(int(part)) for part in info.split("-"))


def test_version_agrees_with_the_ontology() -> None:
    """``diplograph --version`` here (make reinstalls the package when the ontology changes)."""
    stale = "the installed metadata predates the ontology's versionInfo: reinstall (make)"
    assert diplograph.__version__ == expected_version(), stale
    result = CliRunner().invoke(main, ["--version"])
    assert result.output == f"diplograph, version {expected_version()}\n"


def test_project_resolution(tmp_path: Path) -> None:
    """A checkout is its own model; a plain folder uses the shipped one; init folders add to it."""
    checkout = Project.find(ROOT / "src")
    assert checkout.root == ROOT and checkout.ontology == ROOT / "ontology" / "diplograph.ttl"
    assert checkout.query_folders() == [ROOT / "queries"]
    assert checkout.shape_files() == [ROOT / "ontology" / "shapes.ttl"]

    plain = tmp_path / "plain"
    (plain / "data" / "articles").mkdir(parents=True)
    (plain / "data" / "articles" / "stray.ttl").write_text("", encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(plain)
    try:
        bare = Project.find()
    finally:
        os.chdir(cwd)
    assert bare.root == plain and bare.base == shipped_model() and not bare.own
    assert bare.articles == [] and bare.actors == shipped_model() / "data" / "actors.ttl"
    assert bare.dump == plain / "dist" / "diplograph.nq"
    with pytest.raises(DiplographError, match="diplograph init"):
        Project.find(plain)  # --root names a folder that must be a project

    folder = tmp_path / "newsroom"
    result = CliRunner().invoke(main, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    (folder / "shapes" / "own.ttl").write_text(OWN_SHAPE, encoding="utf-8")
    (folder / "queries" / "persons.rq").write_text(OWN_QUERY, encoding="utf-8")
    project = Project.find(folder / "data" / "articles")
    assert project.root == folder and project.base == shipped_model() and project.layered
    assert project.actors == folder / "data" / "actors.ttl"
    assert project.actors.read_bytes() == (shipped_model() / "data" / "actors.ttl").read_bytes()
    assert project.shape_files() == [
        shipped_model() / "ontology" / "shapes.ttl",
        *folder.glob("shapes/*"),
    ]
    assert project.query_folders() == [shipped_model() / "queries", folder / "queries"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".gitignore", "README.md", "data", "queries", "shapes", FOLDER_MARKER.name]
    )


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert (
        result.output
        == f"error: {tmp_path}: not empty; `diplograph init` needs a new or empty folder\n"
    )
    assert sorted(tmp_path.iterdir()) == [tmp_path / "notes.txt"]


def test_building_the_wheel_without_npm_ci_says_so(tmp_path: Path) -> None:
    """The build hook stops a wheel without YASGUI, naming the missing file and the remedy."""
    for name in ("pyproject.toml", "hatch_build.py", "README.md", "LICENSE", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("src", "ontology", "queries"):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "actors.ttl", tmp_path / "data" / "actors.ttl")
    build = [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "wheels")]
    done = subprocess.run(build, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert (
        "error: cannot build the diplograph wheel: node_modules/@zazuko/yasgui/build/yasgui.min.js "
        "is missing: run `npm ci` before building the wheel"
    ) in done.stdout + done.stderr
    assert not (tmp_path / "wheels").exists() or not any((tmp_path / "wheels").iterdir())


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment with the wheel installed, and how to run it."""

    wheel: Path
    venv: Path
    seconds: dict[str, float]

    @property
    def env(self) -> dict[str, str]:
        """The environment of a user's shell: the venv's bin/ only; no PYTHONPATH, no Node.js."""
        drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSAFEPATH"}
        env = {k: v for k, v in os.environ.items() if k not in drop}
        return {**env, "PATH": str(self.venv / "bin"), "COLUMNS": "160"}

    def run(self, cwd: Path, *args: str, code: int = 0) -> str:
        done = subprocess.run(
            [str(self.venv / "bin" / "diplograph"), *args],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == code, (args, done.stdout, done.stderr)
        return done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel built from the checkout, pip-installed into a new venv (PyPI for dependencies)."""
    if not all((YASGUI / name).is_file() for name in ASSETS):
        reason = "node_modules/ has no YASGUI: run `npm ci` (the wheel carries its built files)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and the wheel cannot be built: {reason}")
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("install")
    seconds = {}
    started = time.monotonic()
    build = [sys.executable, "-m", "build", "--wheel", "--outdir", str(folder / "wheels")]
    done = subprocess.run(build, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = (folder / "wheels").glob("diplograph-*.whl")
    seconds["build"] = time.monotonic() - started
    started = time.monotonic()
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)]
    done = subprocess.run(pip, cwd=folder, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    seconds["install"] = time.monotonic() - started
    print(f"\nwheel built in {seconds['build']:.1f} s, installed in {seconds['install']:.1f} s")
    return Installed(wheel, venv, seconds)


def test_the_wheel_carries_the_model_and_yasgui(installed: Installed) -> None:
    """Byte for byte the repository's model files and node_modules' YASGUI, with its licenses."""
    assert installed.wheel.name == f"diplograph-{expected_version()}-py3-none-any.whl"
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        for path in MODEL:
            packaged = f"diplograph/model/{path.relative_to(ROOT).as_posix()}"
            assert wheel.read(packaged) == path.read_bytes(), packaged
        model = {n for n in names if n.startswith("diplograph/model/")}
        assert len(model) == len(MODEL)
        for name in ASSETS:
            assert (
                wheel.read(f"diplograph/publish/static/yasgui/{name}")
                == (YASGUI / name).read_bytes()
            )
        notice = wheel.read("diplograph/publish/static/yasgui/LICENSE.txt").decode("utf-8")
        vis_notices = {}
        for package, name in VIS.items():
            shipped = wheel.read(f"diplograph/publish/static/{package}/{name}")
            assert shipped == vis_file(package).read_bytes(), package
            license_file = f"diplograph/publish/static/{package}/LICENSE.txt"
            vis_notices[package] = wheel.read(license_file).decode("utf-8")
    assert notice.startswith("YASGUI 4.6.2 (npm @zazuko/yasgui")
    assert "Permission is hereby granted, free of charge" in notice
    assert "codemirror " in notice and "dompurify " in notice  # the bundled packages' licenses
    assert "vis-" not in notice and "moment " not in notice  # not in YASGUI's bundle
    timeline, network = vis_notices["vis-timeline"], vis_notices["vis-network"]
    assert timeline.startswith(
        "vis-timeline 8.5.4 (npm vis-timeline, https://github.com/visjs/vis-timeline): the file\n"
        "vis-timeline-graph2d.min.js of this folder, taken unchanged from the npm package."
    )
    assert network.startswith("vis-network 10.1.5 (npm vis-network")
    for text in (timeline, network):  # dual-licensed: both texts; then the bundled packages'
        assert "Apache License" in text and "Permission is hereby granted" in text
        assert "vis-data " in text and "@egjs/hammerjs " in text
    assert "moment " in timeline and "moment " not in network and "codemirror" not in timeline
    assert not any(n.startswith(("node_modules/", "tests/", "data/")) for n in names)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def workdir(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder with one article, extracted by the installed tool."""
    cwd = tmp_path_factory.mktemp("user")
    (cwd / "article.txt").write_text(ARTICLE, encoding="utf-8")
    output = installed.run(cwd, "extract", "article.txt", "--publisher", PUBLISHER, "-o", "a.nq")
    assert "1 articles, 1 interactions" in output
    return cwd


def test_installed_outside_the_checkout(installed: Installed, workdir: Path) -> None:
    code = (
        "import diplograph, diplograph.project as p; print(diplograph.__file__, p.shipped_model())"
    )
    done = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", code],
        cwd=workdir,
        env=installed.env,
        capture_output=True,
        text=True,
        check=True,
    )
    module, model = done.stdout.split()
    assert Path(module).is_relative_to(installed.venv) and Path(model).is_relative_to(
        installed.venv
    )
    assert installed.run(workdir, "--version") == f"diplograph, version {expected_version()}\n"


def test_extract_validate_query(installed: Installed, workdir: Path) -> None:
    assert installed.run(workdir, "validate", "a.nq").endswith("conforms\n")
    rows = installed.run(workdir, "query", "meetings", "--data", "a.nq", "--format", "csv")
    assert rows.splitlines()[0].startswith("event,type,date,placeLabel,participantLabel")
    assert {line.split(",")[4] for line in rows.splitlines()[1:]} == {"Antony Blinken", "Wang Yi"}
    assert ",Meeting,2024-04-26,Beijing," in rows
    dated = installed.run(
        workdir, "extract", "article.txt", "--date", "2024-04-27", "--publisher", PUBLISHER
    )
    assert '"2024-04-27"' in dated


def test_serve(installed: Installed, workdir: Path) -> None:
    """One resource page (after its 303) and one SPARQL query, then SIGTERM."""
    port = _free_port()
    process = subprocess.Popen(
        [
            str(installed.venv / "bin" / "diplograph"),
            "serve",
            "--data",
            "a.nq",
            "--port",
            str(port),
        ],
        cwd=workdir,
        env=installed.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base, timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and process.poll() is None, "no server"
                time.sleep(0.2)
        seen = httpx.get(base + "id/wang-yi", headers={"Accept": "text/html"})
        assert seen.status_code == 303 and seen.headers["location"] == base + "id/wang-yi.html"
        page = httpx.get(seen.headers["location"])
        assert page.status_code == 200 and "Wang Yi" in page.text
        query = (
            "PREFIX schema: <https://schema.org/> SELECT ?date { ?a schema:datePublished ?date }"
        )
        answer = httpx.get(
            base + "sparql",
            params={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert answer.status_code == 200, answer.text
        dates = {b["date"]["value"] for b in answer.json()["results"]["bindings"]}
        assert "2024-04-26" in dates
        assert httpx.get(base + "assets/yasgui.min.js").content == (YASGUI / ASSETS[0]).read_bytes()
        network = httpx.get(base + "assets/vis-network.min.js")
        assert network.content == vis_file("vis-network").read_bytes()
        timeline = httpx.get(base + "views/timeline.json").json()
        assert [(i["type"], i["date"]) for i in timeline["interactions"]] == [
            ("Meeting", "2024-04-26")
        ]
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGTERM, output


def test_publish_with_the_query_page(installed: Installed, workdir: Path) -> None:
    output = installed.run(workdir, "publish", "site", "--data", "a.nq")
    assert output.endswith("files written to site\n")
    site = workdir / "site"
    for name in ASSETS:
        assert (site / "assets" / name).read_bytes() == (YASGUI / name).read_bytes()
    assert "assets/yasgui.min.js" in (site / "query.html").read_text(encoding="utf-8")
    assert (site / "queries" / "meetings.rq").is_file() and (site / "id" / "wang-yi.html").is_file()
    for package, name in VIS.items():
        assert (site / "assets" / name).read_bytes() == vis_file(package).read_bytes()
    assert "assets/vis-network.min.js" in (site / "network.html").read_text(encoding="utf-8")
    network = json.loads((site / "views" / "network.json").read_text(encoding="utf-8"))
    assert [(n["label"], n["interactions"]) for n in network["nodes"]] == [
        ("Antony Blinken", 1),
        ("Wang Yi", 1),
    ]


def test_an_init_folder_adds_its_own_files(installed: Installed, workdir: Path) -> None:
    installed.run(workdir, "init", "newsroom")
    folder = workdir / "newsroom"
    (folder / "shapes" / "own.ttl").write_text(OWN_SHAPE, encoding="utf-8")
    (folder / "queries" / "persons.rq").write_text(OWN_QUERY, encoding="utf-8")
    assert "persons" in installed.run(folder, "queries")
    data = str(workdir / "a.nq")
    assert "Antony Blinken" in installed.run(folder / "data", "query", "persons", "--data", data)
    violations = installed.run(folder, "validate", data, code=1)
    assert "a newsroom rule: meetings of five or more" in violations
    assert "checks passed" in installed.run(folder, "build")
    assert (folder / "dist" / "diplograph.nq").is_file()
    assert installed.run(workdir, "init", "newsroom", code=2).startswith(
        "error: newsroom: not empty"
    )


@pytest.fixture(scope="module", autouse=True)
def _report_time(request: pytest.FixtureRequest) -> Iterator[None]:
    started = time.monotonic()
    yield
    print(f"\ntests/test_install.py: {time.monotonic() - started:.1f} s")
