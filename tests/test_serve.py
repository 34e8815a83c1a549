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
from diplograph.serve.head import Head, analyse
from diplograph.store import read_graphs

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
    with TestClient(application(settings), follow_redirects=False) as test:
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


def _count(client: TestClient, query: str, **params: str | list[str]) -> int:
    response = client.get(
        "/sparql", params={"query": query, **params}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    return int(response.text.split()[1])


GRAPH = "https://w3id.org/diplograph/graph/"
COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
NAMED = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"


def test_dataset_clauses_mean_what_sparql_says(client: TestClient, project: Project) -> None:
    """Regression (issue 13): FROM, FROM NAMED and default-graph-uri were ignored."""
    graphs = read_graphs(project.dump)
    size = {name.removeprefix(GRAPH): len(set(triples)) for name, triples in graphs.items()}
    union = len({triple for triples in graphs.values() for triple in triples})
    assert _count(client, COUNT) == union  # no dataset: the union of the named graphs
    assert (
        _count(client, f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}actors> {{ ?s ?p ?o }}")
        == size["actors"]
    )
    both = f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}actors> FROM <{GRAPH}codes> {{ ?s ?p ?o }}"
    assert _count(client, both) == size["actors"] + size["codes"]  # they share no triple
    from_named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{GRAPH}codes> {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _count(client, from_named) == size["codes"]
    only_named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{GRAPH}codes> {{ ?s ?p ?o }}"
    assert _count(client, only_named) == 0  # the default graph is empty then
    # The protocol's dataset replaces the query's (SPARQL 1.1 Protocol §2.1.4).
    actors = {"default-graph-uri": GRAPH + "actors"}
    assert _count(client, COUNT, **actors) == size["actors"]
    from_codes = f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}codes> {{ ?s ?p ?o }}"
    assert _count(client, from_codes, **actors) == size["actors"]
    assert _count(client, NAMED, **actors) == 0  # no named-graph-uri: no named graphs
    two = {"named-graph-uri": [GRAPH + "actors", GRAPH + "codes"]}
    assert _count(client, NAMED, **two) == size["actors"] + size["codes"]
    assert _count(client, COUNT, **{"named-graph-uri": GRAPH + "actors"}) == 0


def test_pages_have_etags_and_answer_304(client: TestClient) -> None:
    for path in ("/", f"/{WANG}.ttl", "/.well-known/void"):
        first = client.get(path)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert first.status_code == 200 and etag.startswith('"')
        again = client.get(path, headers={"If-None-Match": etag})
        assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
        assert client.get(path, headers={"If-None-Match": '"other", ' + etag}).status_code == 304
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
        assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
        older = "Mon, 01 Jan 2001 00:00:00 GMT"
        assert client.get(path, headers={"If-Modified-Since": older}).status_code == 200
        assert client.get(path, headers={"If-Modified-Since": "not a date"}).status_code == 200
    description = client.get("/sparql", headers={"Accept": "text/turtle"})
    tag = description.headers["etag"]
    assert (
        client.get("/sparql", headers={"Accept": "text/turtle", "If-None-Match": tag}).status_code
        == 304
    )


def test_the_index_is_rendered_once_per_snapshot(client: TestClient) -> None:
    snapshot = client.app.state.live.snapshot()  # type: ignore[attr-defined]
    first = client.get("/")
    cached = snapshot.cache["page:index.html"]
    assert cached.body == first.content
    assert client.get("/").content == first.content
    assert snapshot.cache["page:index.html"] is cached  # served from the cache, not re-rendered


def test_extra_routes_come_before_the_pages(project: Project) -> None:
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    source = Source((project.dump,))
    settings = Settings(BASE, source, project.queries, yasgui_assets(ROOT), workers=1)
    route = Route("/search", lambda request: PlainTextResponse("found"))
    with TestClient(application(settings, [route])) as test:
        assert test.get("/search").text == "found"
        assert test.get(f"/{WANG}.ttl").status_code == 200


def test_a_repeated_query_is_answered_from_its_snapshot(client: TestClient) -> None:
    from diplograph.serve.worker import Query

    text = "SELECT (COUNT(*) AS ?n) { ?s a ?type }"
    first = client.get("/sparql", params={"query": text}, headers={"Accept": "text/csv"})
    answers = client.app.state.live.snapshot().answers  # type: ignore[attr-defined]
    kept = answers.kept[Query(text, "text/csv")]
    assert (kept.status, kept.body) == (200, first.content)
    again = client.get("/sparql", params={"query": text}, headers={"Accept": "text/csv"})
    assert again.content == first.content and answers.kept[Query(text, "text/csv")] is kept
    too_slow = client.get("/sparql", params={"query": SLOW})
    assert too_slow.status_code == 503 and Query(SLOW, "*/*") not in answers.kept  # only 200s kept


@pytest.mark.parametrize(
    ("text", "form", "default", "named"),
    [
        ("SELECT * { ?s ?p ?o }", "SELECT", (), ()),
        ("select * from <urn:a> from named <urn:b> where {}", "SELECT", ("urn:a",), ("urn:b",)),
        ('SELECT ("FROM <urn:x>" AS ?v) FROM <urn:a> {}', "SELECT", ("urn:a",), ()),
        ("SELECT * # FROM <urn:x>\n FROM <urn:a> {}", "SELECT", ("urn:a",), ()),
        ("SELECT (EXISTS { ?s ?p ?o } AS ?e) FROM <urn:a> {}", "SELECT", ("urn:a",), ()),
        (
            "CONSTRUCT { ?s <urn:p> ?o } FROM <urn:a> WHERE { ?s ?p ?o }",
            "CONSTRUCT",
            ("urn:a",),
            (),
        ),
        ("CONSTRUCT FROM <urn:a> WHERE { ?s ?p ?o }", "CONSTRUCT", ("urn:a",), ()),
        ("ASK FROM NAMED <urn:b> { GRAPH ?g {} }", "ASK", (), ("urn:b",)),
        ("DESCRIBE <urn:x> FROM <urn:a>", "DESCRIBE", ("urn:a",), ()),
        ("SELECT * { ?s ?p ?o } # FROM <urn:after-the-where-clause>", "SELECT", (), ()),
        ("BASE <http://ex.org/g/> SELECT * FROM <a> {}", "SELECT", ("http://ex.org/g/a",), ()),
        ("PREFIX g: <urn:g/> SELECT * FROM g:a\\#b {}", "SELECT", ("urn:g/a#b",), ()),
        ("PREFIX : <urn:> DROP ALL", "DROP", (), ()),
        ("\\u0053ELECT * FROM <urn:a> {}", "\\", (), ()),  # Oxigraph: a syntax error too
        ("", "", (), ()),
    ],
)
def test_the_head_of_a_query_is_read_token_by_token(
    text: str, form: str, default: tuple[str, ...], named: tuple[str, ...]
) -> None:
    assert analyse(text) == Head(form, default, named)
    assert analyse("  " + text + "\n") == Head(form, default, named)


def test_a_huge_head_is_read_in_one_pass() -> None:
    """Regression (issue 13): the old SERVICE guard was quadratic (a 100 KB query froze every
    page for 10 s); the head is one pass, without recursion, over up to a megabyte."""
    assert analyse("SELECT " + "(" * 500_000).form == "SELECT"  # returns: no recursion, no {
    assert analyse("SELECT * " + '"x" ' * 200_000 + "{}") == Head("SELECT")
