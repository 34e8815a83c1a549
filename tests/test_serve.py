"""The live server: conneg, 303, 404, 406, the SPARQL protocol, limits, a real browser."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from starlette.testclient import TestClient

from diplograph.project import Project
from diplograph.publish.site import yasgui_assets
from diplograph.serve import Settings, Source, application

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
BASE = "http://testserver/"
WANG = "id/wang-yi"
MEETING = "id/global-times-2023-06-19-wang-yi-blinken/meeting-wang-yi-blinken"
SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def client(project: Project) -> Iterator[TestClient]:
    source = Source((project.dump,))
    settings = Settings(BASE, source, project.queries, yasgui_assets(ROOT), 1.0, 20_000)
    with TestClient(application(settings, source.open()), follow_redirects=False) as test:
        yield test


@pytest.mark.parametrize(
    ("accept", "extension", "media_type", "fmt"),
    [
        ("text/turtle", "ttl", "text/turtle; charset=utf-8", ox.RdfFormat.TURTLE),
        ("application/ld+json", "jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-triples", "nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("application/rdf+xml", "rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML),
        ("text/html", "html", "text/html; charset=utf-8", None),
        ("*/*", "html", "text/html; charset=utf-8", None),
        (
            "text/turtle;q=0.5, application/rdf+xml;q=0.9",
            "rdf",
            "application/rdf+xml",
            ox.RdfFormat.RDF_XML,
        ),
        (
            "text/html;q=0.1, application/ld+json",
            "jsonld",
            "application/ld+json",
            ox.RdfFormat.JSON_LD,
        ),
    ],
)
def test_content_negotiation_303(
    client: TestClient, accept: str, extension: str, media_type: str, fmt: ox.RdfFormat | None
) -> None:
    response = client.get(f"/{WANG}", headers={"Accept": accept})
    assert response.status_code == 303
    assert response.headers["location"] == f"{BASE}{WANG}.{extension}"
    assert "Accept" in response.headers["vary"]
    document = client.get(f"/{WANG}.{extension}")
    assert document.status_code == 200
    assert document.headers["content-type"] == media_type
    if fmt is None:
        assert "<h1>Wang Yi</h1>" in document.text
    else:
        triples = {
            ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(document.content, fmt)
        }
        label = ox.Triple(
            ox.NamedNode("https://w3id.org/diplograph/" + WANG),
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
            ox.Literal("Wang Yi", language="en"),
        )
        assert label in triples


def test_ontology_terms_and_void(client: TestClient) -> None:
    assert (
        client.get("/ontology", headers={"Accept": "text/turtle"}).headers["location"]
        == BASE + "ontology.ttl"
    )
    assert 'id="Meeting"' in client.get("/ontology.html").text
    void = client.get("/.well-known/void")
    assert void.status_code == 200 and void.headers["content-type"] == "text/turtle; charset=utf-8"


def test_unknown_iri_is_404_and_unacceptable_is_406(client: TestClient) -> None:
    assert client.get("/id/nobody", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/id/nobody.ttl").status_code == 404
    refused = client.get(f"/{WANG}", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert "text/turtle" in refused.text


def test_sparql_protocol_variants(client: TestClient) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/diplograph/id/wang-yi> ?p ?o }"
    expected = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
    assert expected.status_code == 200 and expected.headers["content-type"].startswith("text/csv")
    count = expected.text.split()[1]
    assert int(count) > 5
    post = client.post(
        "/sparql",
        content=query,
        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
    )
    assert post.text.split()[1] == count
    form = client.post(
        "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert form.json()["results"]["bindings"][0]["n"]["value"] == count
    xml = client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert (
        xml.headers["content-type"].startswith("application/sparql-results+xml")
        and f">{count}<" in xml.text
    )
    construct = client.get(
        "/sparql",
        params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"},
        headers={"Accept": "application/n-triples"},
    )
    assert construct.headers["content-type"].startswith("application/n-triples")
    assert len(construct.text.strip().splitlines()) == 3
    describe = client.get(
        "/sparql",
        params={"query": "DESCRIBE <https://w3id.org/diplograph/id/wang-yi>"},
        headers={"Accept": "text/turtle"},
    )
    assert describe.status_code == 200 and "Wang Yi" in describe.text
    assert (
        client.get("/sparql", params={"query": query}, headers={"Accept": "image/png"}).status_code
        == 406
    )
    assert client.get("/sparql", params={"query": "SELECT nonsense"}).status_code == 400


def test_service_description_cors(client: TestClient) -> None:
    sd = client.get("/sparql", headers={"Accept": "text/turtle", "Origin": "https://example.org"})
    assert sd.status_code == 200 and sd.headers["access-control-allow-origin"] == "*"
    assert (
        "sparql-service-description#UnionDefaultGraph" in sd.text
        or "sd:UnionDefaultGraph" in sd.text
    )
    assert (
        client.get("/sparql", headers={"Accept": "text/html"}).headers["location"]
        == BASE + "query.html"
    )
    preflight = client.options(
        "/sparql",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 200


def test_read_only_and_no_service(client: TestClient) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    for response in (
        client.post(
            "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
        ),
        client.post("/sparql", data={"update": update}),
        client.post(
            "/sparql", content=update, headers={"Content-Type": "application/sparql-query"}
        ),
        client.get("/sparql", params={"query": "DROP ALL"}),
    ):
        assert response.status_code == 403
        assert "read-only" in response.text
    service = client.get(
        "/sparql", params={"query": "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}
    )
    assert service.status_code == 400 and "SERVICE" in service.text
    assert (
        client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"]
        is False
    )


def test_limits(client: TestClient) -> None:
    big = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert big.status_code == 400
    assert "larger than the limit of 20000 bytes" in big.text
    slow = client.get("/sparql", params={"query": SLOW})
    assert slow.status_code == 503
    assert "time limit of 1 s" in slow.text
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(project: Project) -> Iterator[str]:
    """``diplograph serve`` on a free port, as a user starts it; stopped with SIGTERM."""
    if not (project.root / "node_modules").exists():
        (project.root / "node_modules").symlink_to(ROOT / "node_modules")
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "diplograph.cli",
        "--root",
        str(project.root),
        "serve",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    yield url
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=20)
    assert process.returncode == -signal.SIGTERM, output  # uvicorn re-raises it after shutdown
    assert '"GET / HTTP/1.1" 200' in output
    assert "Finished server process" in output


def test_real_server_logs_and_serves(server: str) -> None:
    response = httpx.get(server + WANG, headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert (
        response.status_code == 200
        and response.headers["content-type"] == "text/turtle; charset=utf-8"
    )


def _chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (scripts/system-packages.sh installs it)")
        pytest.skip("chromium is not installed: run scripts/system-packages.sh as root")
    return path


def test_browser(server: str) -> None:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=args)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        page.goto(server + WANG)
        assert page.locator("h1").inner_text() == "Wang Yi"
        page.screenshot(path=str(ARTIFACTS / "person.png"), full_page=True)
        page.locator(f'a[href$="{MEETING.rsplit("/", 1)[1]}.html"]').first.click()
        page.wait_for_url("**/meeting-wang-yi-blinken.html")
        mark = page.locator(".evidence mark").first
        assert (
            "Wang Yi met with US Secretary of State Antony Blinken in Beijing on Monday"
            in mark.inner_text()
        )
        page.screenshot(path=str(ARTIFACTS / "meeting.png"), full_page=True)
        page.goto(server + "query.html")
        page.locator('button[data-query="meetings"]').click()
        rows = page.locator(".yasr table.dataTable tbody tr")
        rows.first.wait_for(timeout=15000)
        assert rows.count() >= 2
        assert "Antony Blinken" in page.locator(".yasr").inner_text()
        page.screenshot(path=str(ARTIFACTS / "query.png"), full_page=True)
        browser.close()
    assert outside == []
