"""Reconciliation: the W3C Reconciliation Service API 0.2 at `/reconcile`, checked against the API's
own JSON schemas (tests/schemas/reconciliation-0.2/) with real queries."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from referencing import Registry as Schemas
from referencing.jsonschema import DRAFT7
from starlette.testclient import TestClient

from conftest import ROOT
from diplograph.cli import main
from diplograph.project import Project
from diplograph.publish.site import yasgui_assets
from diplograph.rdfio import canonical_nquads, load_store, read_quads
from diplograph.reconcile import BadRequest, Query, Registry, reconcile, similarity
from diplograph.reconcile_routes import routes
from diplograph.serve import Settings, Source, application

SCHEMAS = ROOT / "tests" / "schemas" / "reconciliation-0.2"
ID = "https://w3id.org/diplograph/id/"
DIP = "https://w3id.org/diplograph/ontology#"
PERSON = {"id": DIP + "Person", "name": "Person"}
STATE = {"id": DIP + "State", "name": "State"}
ORGANIZATION = {"id": DIP + "Organization", "name": "Organization"}
SEED = ROOT / "data" / "articles" / "global-times-2023-06-19-wang-yi-blinken.ttl"
BASE = "http://testserver/"


def _schemas() -> Schemas:
    """The API's schemas by their ``$id`` (``type.json`` is referred to by the others)."""
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["$id"], DRAFT7.create_resource(contents)))
    return Schemas().with_resources(resources)


REGISTRY = _schemas()


def valid(instance: object, schema: str) -> bool:
    """Whether ``instance`` validates against the API's schema ``schema`` (raises if not)."""
    contents = json.loads((SCHEMAS / schema).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(contents, registry=REGISTRY).validate(instance)
    return True


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first State Department readout (Blinken's call with Abbas), through `extract`."""
    from click.testing import CliRunner

    folder = tmp_path_factory.mktemp("extracted")
    corpus = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"
    (folder / "one.jsonl").write_text(
        corpus.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main,
        ["--root", str(ROOT), "extract", str(folder / "one.jsonl"), "-o", str(folder / "abbas.nq")],
    )
    assert result.exit_code == 0, result.stderr
    return folder / "abbas.nq"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory, extracted: Path) -> Path:
    """The seed article and the extracted readout, served as one N-Quads file."""
    path = tmp_path_factory.mktemp("served") / "data.nq"
    path.write_bytes(canonical_nquads([*read_quads(SEED), *read_quads(extracted)]))
    return path


@pytest.fixture(scope="module")
def client(data: Path) -> Iterator[TestClient]:
    """The server's routes without its lifespan: no SPARQL workers are started (none is used)."""
    vocabulary = Project(ROOT).vocabulary()
    settings = Settings(BASE, Source((*vocabulary, data)), ROOT / "queries", yasgui_assets(ROOT))
    yield TestClient(application(settings, routes(BASE)), follow_redirects=False)


@pytest.fixture(scope="module")
def seed() -> Registry:
    return Registry.from_store(load_store([*Project(ROOT).vocabulary(), SEED]))


def batch(client: TestClient, queries: dict[str, Any], post: bool = False) -> Any:
    assert valid(queries, "reconciliation-query-batch.json")
    text = json.dumps(queries)
    if post:
        response = client.post("/reconcile", data={"queries": text})
    else:
        response = client.get("/reconcile", params={"queries": text})
    assert (response.status_code, response.headers["content-type"]) == (200, "application/json")
    answer = response.json()
    assert valid(answer, "reconciliation-result-batch.json")
    return answer


def candidates(answer: dict[str, Any]) -> dict[str, list[tuple[str, float, bool]]]:
    return {
        key: [(c["id"], c["score"], c["match"]) for c in value["result"]]
        for key, value in answer.items()
    }


def test_manifest(client: TestClient) -> None:
    response = client.get("/reconcile")
    assert response.status_code == 200
    manifest = response.json()
    assert valid(manifest, "manifest.json")
    assert manifest == {
        "versions": ["0.2"],
        "name": "diplograph actors",
        "identifierSpace": ID,
        "schemaSpace": DIP,
        "serviceVersion": manifest["serviceVersion"],
        "defaultTypes": [PERSON, STATE, ORGANIZATION],
        "view": {"url": BASE + "reconcile/view?id={{id}}"},
        "preview": {"url": BASE + "reconcile/preview?id={{id}}", "width": 420, "height": 200},
        "suggest": {
            "entity": {"service_url": BASE + "reconcile", "service_path": "/suggest/entity"},
            "type": {"service_url": BASE + "reconcile", "service_path": "/suggest/type"},
            "property": {"service_url": BASE + "reconcile", "service_path": "/suggest/property"},
        },
        "batchSize": 50,
    }
    assert manifest["serviceVersion"].count(".") == 2  # the package version


def test_blinken_secretary_blinken_and_wang(client: TestClient) -> None:
    answer = batch(
        client,
        {"q0": {"query": "Blinken"}, "q1": {"query": "Secretary Blinken"}, "q2": {"query": "Wang"}},
    )
    assert candidates(answer) == {
        "q0": [(ID + "antony-blinken", 100.0, True), (ID + "joe-biden", 66.7, False)],
        "q1": [(ID + "antony-blinken", 100.0, True), (ID + "joe-biden", 66.7, False)],
        "q2": [(ID + "wang-yi", 100.0, True), (ID + "yang-jiechi", 75.0, False)],
    }
    assert answer["q0"]["result"][0] == {
        "id": ID + "antony-blinken",
        "name": "Antony Blinken",
        "description": "Person, United States",
        "score": 100.0,
        "match": True,
        "type": [PERSON],
    }


def test_get_and_post_answer_alike(client: TestClient) -> None:
    queries = {
        "a": {"query": "Antony J Blinken", "limit": 1},
        "b": {"query": "Qin", "type": "Person"},
    }
    assert batch(client, queries) == batch(client, queries, post=True)
    assert candidates(batch(client, queries)) == {
        "a": [(ID + "antony-blinken", 100.0, True)],
        "b": [(ID + "qin-gang", 100.0, True)],
    }


def test_an_alias_counts_within_its_period(client: TestClient) -> None:
    top = "China's top diplomat"

    def on(date: str) -> dict[str, Any]:
        return {"query": top, "properties": [{"pid": "date", "v": date}]}

    answer = batch(
        client, {"none": {"query": top}, "2023": on("2023-06-19"), "2020": on("2020-03-01")}
    )
    assert candidates(answer) == {
        # without a date both holders of the title are candidates, neither is a match
        "none": [
            (ID + "wang-yi", 90.0, False),
            (ID + "yang-jiechi", 90.0, False),
            (ID + "china", 76.0, False),
        ],
        "2023": [(ID + "wang-yi", 100.0, True), (ID + "china", 76.0, False)],
        "2020": [(ID + "yang-jiechi", 100.0, True), (ID + "china", 76.0, False)],
    }


def test_types_narrow_the_candidates(client: TestClient) -> None:
    answer = batch(
        client,
        {
            "state": {"query": "China", "type": DIP + "State"},
            "organization": {
                "query": "Chinese Foreign Ministry",
                "type": ["Organization"],
                "limit": 2,
            },
            "person": {"query": "China", "type": "Person"},
        },
    )
    assert candidates(answer) == {
        "state": [(ID + "china", 100.0, True)],
        "organization": [
            (ID + "chinese-ministry-of-foreign-affairs", 100.0, True),
            (ID + "communist-party-of-china", 68.1, False),
        ],
        # "China" is a word of the alias "China's top diplomat": weak, but a candidate
        "person": [(ID + "wang-yi", 68.4, False), (ID + "yang-jiechi", 68.4, False)],
    }


def test_extracted_actors_are_candidates(client: TestClient) -> None:
    answer = batch(client, {"q": {"query": "President Abbas"}})
    assert candidates(answer) == {
        "q": [(ID + "mahmoud-abbas", 82.2, False)]
    }  # "President" is a title
    assert answer["q"]["result"][0]["type"] == [PERSON]


def test_single_query_of_the_older_form(client: TestClient) -> None:
    plain = client.get("/reconcile", params={"query": "Xi"}).json()
    assert plain == client.get("/reconcile", params={"query": json.dumps({"query": "Xi"})}).json()
    assert [(c["id"], c["match"]) for c in plain["result"]] == [(ID + "xi-jinping", True)]


def test_suggest_entity_type_and_property(client: TestClient) -> None:
    entity = client.get("/reconcile/suggest/entity", params={"prefix": "bli"}).json()
    assert valid(entity, "suggest-entities-response.json")
    assert entity == {
        "result": [
            {
                "id": ID + "antony-blinken",
                "name": "Antony Blinken",
                "description": "Person, United States",
                "notable": [PERSON],
            }
        ]
    }
    wang = client.get("/reconcile/suggest/entity", params={"prefix": "wang y"}).json()
    assert [s["id"] for s in wang["result"]] == [ID + "wang-yi"]
    types = client.get("/reconcile/suggest/type", params={"prefix": "or"}).json()
    assert valid(types, "suggest-types-response.json")
    assert types == {"result": [ORGANIZATION]}
    properties = client.get("/reconcile/suggest/property", params={"prefix": "d"}).json()
    assert valid(properties, "suggest-properties-response.json")
    assert properties == {
        "result": [{"id": "date", "name": "date (YYYY-MM-DD) on which the name was used"}]
    }
    paged = client.get("/reconcile/suggest/entity", params={"prefix": "c", "cursor": "2"}).json()[
        "result"
    ]
    first = client.get("/reconcile/suggest/entity", params={"prefix": "c"}).json()["result"]
    assert [s["id"] for s in paged][:3] == [s["id"] for s in first][2:5]


def test_preview_and_view(client: TestClient) -> None:
    preview = client.get("/reconcile/preview", params={"id": ID + "wang-yi"})
    assert (preview.status_code, preview.headers["content-type"]) == (
        200,
        "text/html; charset=utf-8",
    )
    assert (
        '<h1><a href="http://testserver/id/wang-yi.html" target="_blank" rel="noopener">'
        "Wang Yi</a></h1>" in preview.text
    )
    assert "<li>China&#39;s top diplomat <small>(from 2023-01-01)</small></li>" in preview.text
    view = client.get("/reconcile/view", params={"id": ID + "antony-blinken"})
    assert (view.status_code, view.headers["location"]) == (303, BASE + "id/antony-blinken")
    missing = client.get(
        "/reconcile/preview", params={"id": ID + "beijing"}
    )  # a place, not an actor
    assert (missing.status_code, missing.json()) == (
        404,
        {"error": f"not an actor of this dataset: {ID}beijing"},
    )


def test_scores_are_the_documented_function(seed: Registry) -> None:
    assert similarity("Blinken", "Antony Blinken") == 86.7  # 0.6 · 100 + 0.4 · 66.7
    assert similarity("WANG", "wang") == 100.0
    assert similarity("", "Wang") == 0.0
    entity = seed.by_iri[ID + "antony-blinken"]
    assert entity.score("the Secretary", None) == 90.0  # a period-bound alias, no date given
    # outside its period the alias does not count: the best of the other names
    assert entity.score("the Secretary", "2026-01-01") == 73.1
    assert entity.score("the Secretary", "2023-06-19") == 100.0


def oversized_batch() -> str:
    return json.dumps({f"q{i}": {"query": "Wang"} for i in range(51)})


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        (
            {"queries": "{"},
            400,
            "the JSON does not parse: Expecting property name enclosed in double quotes "
            "at line 1 column 2",
        ),
        ({"queries": "[" * 50_000}, 400, "the JSON nests too deep"),
        (
            {"queries": "1" * 5000},
            400,
            "the JSON does not parse: a number is too long",
        ),
        ({"queries": "[]"}, 400, "`queries` is not a JSON object of queries"),
        ({"queries": oversized_batch()}, 400, "more than 50 queries in one batch"),
        (
            {"queries": json.dumps({"k" * 101: {"query": "x"}})},
            400,
            "a query key is longer than 100 characters",
        ),
        ({"queries": '{"q": 3}'}, 400, "query 'q': not a JSON object"),
        ({"queries": '{"q": {}}'}, 400, "query 'q': give `query` or `properties`"),
        ({"queries": '{"q": {"query": 3}}'}, 400, "query 'q': `query` is not a string"),
        (
            {"queries": json.dumps({"q": {"query": "x" * 201}})},
            400,
            "query 'q': `query` is longer than 200 characters",
        ),
        ({"queries": '{"q": {"query": "x", "sort": 1}}'}, 400, "query 'q': unknown field 'sort'"),
        (
            {"queries": '{"q": {"query": "x", "limit": 0}}'},
            400,
            "query 'q': `limit` is not a positive integer",
        ),
        (
            {"queries": '{"q": {"query": "x", "limit": 1.5}}'},
            400,
            "query 'q': `limit` is not a positive integer",
        ),
        (
            {"queries": '{"q": {"query": "x", "limit": true}}'},
            400,
            "query 'q': `limit` is not a positive integer",
        ),
        (
            {"queries": '{"q": {"query": "x", "type": [1]}}'},
            400,
            "query 'q': `type` is not a string or a list of strings",
        ),
        (
            {"queries": '{"q": {"query": "x", "type_strict": "some"}}'},
            400,
            "query 'q': `type_strict` is not any, all or should",
        ),
        (
            {"queries": '{"q": {"query": "x", "properties": {}}}'},
            400,
            "query 'q': `properties` is not a list of at most 10",
        ),
        (
            {"queries": '{"q": {"query": "x", "properties": [1]}}'},
            400,
            "query 'q': a property is not an object with `pid` and `v`",
        ),
        (
            {"queries": '{"q": {"query": "x", "properties": [{"pid": "date", "v": "June"}]}}'},
            400,
            "query 'q': property `date` is not a date YYYY-MM-DD",
        ),
        ({"queries": ["{}", "{}"]}, 400, "give `queries` once, not 2 times"),
    ],
)
def test_malformed_requests_are_400_never_500(
    client: TestClient, params: Any, status: int, message: str
) -> None:
    response = client.post("/reconcile", data=params)
    assert (response.status_code, response.json()) == (status, {"error": message})
    if len(json.dumps(params)) < 2000:  # the same in a query string
        response = client.get("/reconcile", params=params)
        assert (response.status_code, response.json()) == (status, {"error": message})


def test_request_sizes_are_bounded(client: TestClient) -> None:
    large = client.post("/reconcile", data={"queries": "x" * 300_000})
    assert (large.status_code, large.json()) == (
        413,
        {"error": "the request body is larger than the limit of 256000 bytes"},
    )
    json_body = client.post("/reconcile", json={"queries": {}})
    assert (json_body.status_code, json_body.json()) == (
        415,
        {
            "error": "unsupported content type 'application/json'; "
            "send application/x-www-form-urlencoded"
        },
    )
    not_utf8 = client.post(
        "/reconcile",
        content=b"queries=%FF",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert (not_utf8.status_code, not_utf8.json()) == (
        400,
        {"error": "a percent-encoded value is not UTF-8"},
    )
    cursor = client.get("/reconcile/suggest/entity", params={"prefix": "a", "cursor": "1001"})
    assert (cursor.status_code, cursor.json()) == (
        400,
        {"error": "`cursor` is not a number from 0 to 1000"},
    )
    prefix = client.get("/reconcile/suggest/entity", params={"prefix": "a" * 101})
    assert (prefix.status_code, prefix.json()) == (
        400,
        {"error": "`prefix` is longer than 100 characters"},
    )
    unknown = client.get("/reconcile/suggest/things", params={"prefix": "a"})
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"error": "no suggest service for 'things': entity, type or property"},
    )
    no_id = client.get("/reconcile/preview")
    assert (no_id.status_code, no_id.json()) == (400, {"error": "give the entity's IRI in `id`"})


def test_limits_are_capped(seed: Registry) -> None:
    assert Query.parse("q", {"query": "a", "limit": 1000}).limit == 25
    assert len(reconcile(seed, {"q": {"query": "of", "limit": 1000}})["q"]["result"]) <= 25
    with pytest.raises(BadRequest, match=r"^query 'q': `limit` is not a positive integer$"):
        Query.parse("q", {"query": "a", "limit": -3})


def test_diplograph_serve_offers_search_and_reconciliation() -> None:
    """The routes are wired into the real server (`diplograph serve`), not only into test apps."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "diplograph.cli", "--root", str(ROOT), "serve"]
    command += ["--port", str(port), "--data", str(SEED)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                manifest = httpx.get(base + "reconcile").json()
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert manifest["view"] == {"url": base + "reconcile/view?id={{id}}"}
        found = httpx.get(base + "search", params={"q": "sanctions", "format": "json"}).json()
        assert [hit["kind"] for hit in found["hits"]] == ["statement", "article"]
        answer = httpx.post(base + "reconcile", data={"queries": '{"q": {"query": "Wang"}}'}).json()
        assert [c["id"] for c in answer["q"]["result"]] == [ID + "wang-yi", ID + "yang-jiechi"]
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
