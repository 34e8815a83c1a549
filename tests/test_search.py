"""Full-text search: the FTS5 side index, `diplograph search`, and `/search` in `serve`."""

from __future__ import annotations

import gc
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from conftest import ROOT, copy_project
from diplograph.cli import main
from diplograph.project import Project
from diplograph.publish.site import yasgui_assets
from diplograph.rdfio import canonical_nquads, load_store, read_quads
from diplograph.search import BadQuery, Hit, Search, SearchIndex, fts_query
from diplograph.search_routes import routes
from diplograph.serve import Settings, Source, application
from diplograph.store import open_store

ID = "https://w3id.org/diplograph/id/"
GT = ID + "global-times-2023-06-19-wang-yi-blinken/"
SEED_ARTICLE = ID + "article/global-times-2023-06-19-wang-yi-blinken"
ABBAS = "secretary-blinkens-call-with-palestinian-authority-president-abbas-2"
ABBAS_ARTICLE = ID + "article/" + ABBAS
SEED = ROOT / "data" / "articles" / "global-times-2023-06-19-wang-yi-blinken.ttl"


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first State Department readout (Blinken's call with Abbas), through `extract`."""
    folder = tmp_path_factory.mktemp("extracted")
    corpus = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"
    line = corpus.read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(line)["id"] == ABBAS
    (folder / "one.jsonl").write_text(line + "\n", encoding="utf-8")
    code, _, _ = invoke(ROOT, "extract", str(folder / "one.jsonl"), "-o", str(folder / "abbas.nq"))
    assert code == 0
    return folder / "abbas.nq"


@pytest.fixture(scope="module")
def vocabulary() -> list[Path]:
    return Project(ROOT).vocabulary()


@pytest.fixture(scope="module")
def seed(vocabulary: list[Path]) -> SearchIndex:
    return SearchIndex.build(load_store([*vocabulary, SEED]))


@pytest.fixture(scope="module")
def both(vocabulary: list[Path], extracted: Path) -> SearchIndex:
    return SearchIndex.build(load_store([*vocabulary, SEED, extracted]))


def found(hits: list[Hit]) -> list[tuple[str, str, str | None, int | None, int | None, str | None]]:
    return [(h.kind, h.iri, h.date, h.start, h.end, h.quote) for h in hits]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sanctions", '"sanctions"'),
        ('"China threat" narrative', '"China threat" AND "narrative"'),
        ("tech*", '"tech"*'),
        ('a" OR "b', '"a""" AND "OR" AND "b"'),
        ("NEAR(sanctions China)", '"NEAR(sanctions" AND "China)"'),
        ("body:sanctions ^China -US", '"body:sanctions" AND "^China" AND "-US"'),
        ('say "it""s"', '"say" AND "it" AND "s"'),
        ("x * ( ) ! ''", '"x"'),
    ],
)
def test_user_text_becomes_quoted_fts5_strings(text: str, expected: str) -> None:
    assert fts_query(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('""', "the query '\"\"' has no word to search for"),
        ("x" * 257, "the query is longer than 256 characters"),
        (" ".join(["w"] * 17), "the query has more than 16 words or phrases"),
    ],
)
def test_unsearchable_text_is_a_bad_query(text: str, message: str) -> None:
    with pytest.raises(BadQuery) as error:
        fts_query(text)
    assert str(error.value) == message


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_user_text_is_searched_or_refused_never_an_fts5_error(
    seed: SearchIndex, text: str
) -> None:
    try:
        hits = seed.search(Search(text))
    except BadQuery as error:
        assert str(error).startswith(("the query", "the search took"))
    else:
        assert all(hit.kind in ("article", "statement", "actor") for hit in hits)


def test_sanctions_finds_the_statement_at_its_quote_and_the_article(seed: SearchIndex) -> None:
    hits = seed.search(Search("sanctions"))
    assert found(hits) == [
        (
            "statement",
            GT + "appeal-lift-sanctions",
            "2023-06-19",
            190,
            233,
            "lift illegal unilateral sanctions on China,",
        ),
        # the article's hit is where its snippet is: the second report, in sentence 12
        (
            "article",
            SEED_ARTICLE,
            "2023-06-19",
            2464,
            2517,
            "lift illegal unilateral sanctions against China, stop",
        ),
    ]
    statement = hits[0]
    assert [statement.snippet[s:e] for s, e in statement.highlights] == ["sanctions", "sanctions"]
    assert statement.label == "Wang Yi asks the US to lift illegal unilateral sanctions on China"


def test_fts5_syntax_in_user_text_is_searched_as_words(seed: SearchIndex) -> None:
    # "OR" is a word here (the article has "dialogue or confrontation"), not FTS5's operator
    assert found(seed.search(Search("sanctions OR"))) == [
        (
            "article",
            SEED_ARTICLE,
            "2023-06-19",
            2464,
            2517,
            "lift illegal unilateral sanctions against China, stop",
        )
    ]
    # not FTS5's NEAR group: the phrase "near sanctions" and the word "2", which occur nowhere
    assert seed.search(Search("NEAR(sanctions, 2)")) == []


def test_phrase_search_finds_the_words_in_order(seed: SearchIndex) -> None:
    assert found(seed.search(Search('"heads of state"'))) == [
        (
            "statement",
            GT + "commitment-return-to-bali-agenda",
            "2023-06-19",
            3216,
            3301,
            "the US is committed to returning to the agenda set by the two heads of state in Bali,",
        ),
        (
            "statement",
            GT + "assertion-implement-heads-of-state-consensus",
            "2023-06-19",
            1664,
            1814,
            "In order for China-US relations to stop falling and stabilize, the top priority is to "
            "truly implement the consensus reached by the two heads of state.",
        ),
        (
            "article",
            SEED_ARTICLE,
            "2023-06-19",
            3267,
            3305,
            "by the two heads of state in Bali, and",
        ),
    ]


def test_actors_are_found_by_alias_and_alt_label(seed: SearchIndex) -> None:
    assert found(seed.search(Search("Secretary Blinken", kind="actor"))) == [
        ("actor", ID + "antony-blinken", None, None, None, None)
    ]
    top = seed.search(Search("China's top diplomat", kind="actor"))
    assert [hit.iri for hit in top] == [
        ID + "yang-jiechi",
        ID + "wang-yi",
    ]  # shorter name lists first (BM25)


def test_actor_names_mean_every_actor_with_that_name(seed: SearchIndex) -> None:
    assert seed.actors("CHINA'S TOP DIPLOMAT") == (ID + "wang-yi", ID + "yang-jiechi")
    assert seed.actors(ID + "anyone") == (ID + "anyone",)
    with pytest.raises(BadQuery, match=r"^actor 'Nobody': no actor has this name"):
        seed.actors("Nobody")


def test_kind_actor_and_date_filters(both: SearchIndex) -> None:
    statements = [h.iri.rsplit("/", 1)[1] for h in both.search(Search("Blinken", kind="statement"))]
    assert statements == [
        "commitment-return-to-bali-agenda",
        "proposal-strengthen-communication-and-cooperation",
        "assertion-6-1",
        "assertion-critical-juncture",
    ]
    since_2023 = both.search(Search("Blinken", kind="statement", start="2023-01-01"))
    assert [h.iri.rsplit("/", 1)[1] for h in since_2023] == [
        "commitment-return-to-bali-agenda",
        "proposal-strengthen-communication-and-cooperation",
        "assertion-critical-juncture",
    ]
    abbas = both.search(Search("Blinken", kind="statement", actors=both.actors("Mahmoud Abbas")))
    assert [(h.iri, h.date, h.start, h.end) for h in abbas] == [
        (ID + ABBAS + "/assertion-6-1", "2021-05-21", 670, 927)
    ]
    # actors have no date: a date filter leaves them out
    assert both.search(Search("Blinken", kind="actor", end="2030-01-01")) == []


def test_an_extracted_article_is_searchable(both: SearchIndex) -> None:
    assert found(both.search(Search("Abbas"))) == [
        ("actor", ID + "mahmoud-abbas", None, None, None, None),
        (
            "article",
            ABBAS_ARTICLE,
            "2021-05-21",
            148,
            200,
            "Authority President Mahmoud Abbas. The Secretary and",
        ),
    ]


def test_search_command_json(tmp_path: Path) -> None:
    code, out, err = invoke(
        ROOT, "search", "sanctions", "--kind", "statement", "--data", str(SEED),
        "--index", str(tmp_path / "index.sqlite"), "--format", "json",
    )  # fmt: skip
    assert (code, err) == (0, f"search index rebuilt: 42 items in {tmp_path / 'index.sqlite'}\n")
    assert json.loads(out) == {
        "query": "sanctions",
        "hits": [
            {
                "kind": "statement",
                "iri": GT + "appeal-lift-sanctions",
                "label": "Wang Yi asks the US to lift illegal unilateral sanctions on China",
                "date": "2023-06-19",
                "article": SEED_ARTICLE,
                "snippet": ", during which Wang asked the US to … lift illegal unilateral "
                "sanctions on China, … Wang asked the US to … lift illegal unilateral sanctions "
                "against China,",
                "highlights": [[62, 71], [131, 140]],
                "start": 190,
                "end": 233,
                "quote": "lift illegal unilateral sanctions on China,",
            }
        ],
    }


def test_search_command_table(tmp_path: Path) -> None:
    index = str(tmp_path / "index.sqlite")
    code, out, _ = invoke(
        ROOT, "search", "Xi Jinping", "--kind", "actor", "--data", str(SEED), "--index", index
    )
    assert code == 0
    assert "│ actor │      │ Xi Jinping │ Xi Jinping · Chinese President Xi Jinping" in out
    assert out.endswith("1 hit for 'Xi Jinping'\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["?!"], "error: the query '?!' has no word to search for\n"),
        (["x", "--from", "19.6.2023"], "error: --from '19.6.2023': not a date YYYY-MM-DD\n"),
        (
            ["x", "--actor", "Nobody"],
            "error: actor 'Nobody': no actor has this name; give its label or IRI\n",
        ),
        (["x", "--store", "."], "error: give --data or --store, not both\n"),
    ],
)
def test_search_command_errors_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    index = str(tmp_path / "index.sqlite")
    code, out, err = invoke(ROOT, "search", *args, "--data", str(SEED), "--index", index)
    assert (code, out, err.splitlines()[-1] + "\n") == (2, "", message)


def test_search_command_before_build_says_what_to_do(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    code, _, err = invoke(project.root, "search", "x")
    assert (code, err) == (
        2,
        f"error: {project.dump}: not built yet; "
        "run `diplograph build` first, or pass --data FILE\n",
    )


def test_index_is_rebuilt_when_the_dataset_changes(tmp_path: Path, extracted: Path) -> None:
    index = tmp_path / "index.sqlite"
    data = tmp_path / "articles.nq"
    shutil.copy(SEED, tmp_path / "seed.ttl")

    def search(text: str, *files: Path) -> tuple[str, list[str]]:
        args = [arg for path in files for arg in ("--data", str(path))]
        code, out, err = invoke(
            ROOT, "search", text, *args, "--index", str(index), "--format", "json"
        )
        assert code == 0, err
        return err, [hit["iri"] for hit in json.loads(out)["hits"]]

    assert search("Abbas", tmp_path / "seed.ttl") == (
        f"search index rebuilt: 42 items in {index}\n",
        [],
    )
    assert search("Abbas", tmp_path / "seed.ttl") == ("", [])  # unchanged: the index is kept
    # a new article (through `extract`) changes the dataset's content hash: rebuilt, found
    data.write_bytes(extracted.read_bytes())
    expected = [ID + "mahmoud-abbas", ABBAS_ARTICLE]
    assert search("Abbas", tmp_path / "seed.ttl", data) == (
        f"search index rebuilt: 58 items in {index}\n",
        expected,
    )
    assert search("Abbas", tmp_path / "seed.ttl", data) == ("", expected)
    # a changed file with the same name and size is seen too: the key is the content's hash
    os.utime(data, (0, 0))
    assert search("Abbas", tmp_path / "seed.ttl", data) == ("", expected)
    data.write_bytes(extracted.read_bytes().replace(b"Abbas", b"Abbaz"))
    assert search("Abbaz", tmp_path / "seed.ttl", data)[1] == expected
    # a damaged index file is rebuilt, not trusted
    index.write_bytes(b"not a database")
    assert search("Abbaz", tmp_path / "seed.ttl", data) == (
        f"search index rebuilt: 58 items in {index}\n",
        expected,
    )


def test_index_of_the_built_dump_follows_a_new_build(
    project: Project, tmp_path: Path, extracted: Path
) -> None:
    copy = copy_project(tmp_path / "project")
    copy.dist.mkdir()
    shutil.copy(project.dump, copy.dump)
    index = copy.dist / "search.sqlite"
    code, out, err = invoke(copy.root, "search", "Abbas", "--format", "json")
    assert (code, err, json.loads(out)["hits"]) == (
        0,
        f"search index rebuilt: 42 items in {index}\n",
        [],
    )
    # what a build that took in the extracted article writes: a different dump
    copy.dump.write_bytes(project.dump.read_bytes() + extracted.read_bytes())
    code, out, err = invoke(copy.root, "search", "Abbas", "--format", "json")
    assert err == f"search index rebuilt: 58 items in {index}\n"
    assert [hit["iri"] for hit in json.loads(out)["hits"]] == [ID + "mahmoud-abbas", ABBAS_ARTICLE]


def test_index_of_a_store_follows_a_load(
    vocabulary: list[Path], tmp_path: Path, extracted: Path
) -> None:
    folder, index = tmp_path / "store", str(tmp_path / "index.sqlite")

    def fill(*files: Path) -> None:
        store = open_store(folder)
        store.clear()
        store.extend([quad for path in files for quad in read_quads(path)])
        store.flush()
        del store
        gc.collect()

    def search() -> tuple[str, int]:
        code, out, err = invoke(
            ROOT, "search", "Abbas", "--store", str(folder), "--index", index, "--format", "json"
        )
        assert code == 0, err
        return err, len(json.loads(out)["hits"])

    fill(*vocabulary, SEED)
    assert search() == (f"search index rebuilt: 42 items in {index}\n", 0)
    assert search() == ("", 0)
    fill(*vocabulary, SEED, extracted)
    assert search() == (f"search index rebuilt: 58 items in {index}\n", 2)


# ------------------------------------------------------------------------------------------------
# /search in serve
# ------------------------------------------------------------------------------------------------


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """The seed article's graph as an N-Quads file the server reads (and a test may append to)."""
    path = tmp_path / "data.nq"
    path.write_bytes(canonical_nquads(read_quads(SEED)))
    return path


@pytest.fixture()
def client(vocabulary: list[Path], data: Path) -> Iterator[TestClient]:
    """The server's routes without its lifespan: no SPARQL workers are started (none is used)."""
    settings = Settings(
        "http://testserver/", Source((*vocabulary, data)), ROOT / "queries", yasgui_assets(ROOT)
    )
    yield TestClient(application(settings, routes()), follow_redirects=False)


def test_search_json(client: TestClient) -> None:
    response = client.get(
        "/search",
        params={"q": "Secretary Blinken", "kind": "actor"},
        headers={"Accept": "application/json"},
    )
    assert (response.status_code, response.headers["content-type"]) == (200, "application/json")
    assert response.json() == {
        "query": "Secretary Blinken",
        "hits": [
            {
                "kind": "actor",
                "iri": ID + "antony-blinken",
                "label": "Antony Blinken",
                "date": None,
                "article": None,
                "snippet": "Antony Blinken · Antony J. Blinken · Blinken · Secretary Blinken · "
                "Secretary of State Antony J. Blinken · US Secretary of State Antony Blinken · "
                "the Secretary",
                # "Blinken" and "Secretary" wherever they occur
                "highlights": [
                    [7, 14],
                    [27, 34],
                    [37, 44],
                    [47, 56],
                    [57, 64],
                    [67, 76],
                    [96, 103],
                    [109, 118],
                    [135, 142],
                    [149, 158],
                ],
                "start": None,
                "end": None,
                "quote": None,
            }
        ],
    }


def test_search_page_links_each_hit_and_highlights_the_match(client: TestClient) -> None:
    response = client.get("/search", params={"q": "sanctions"}, headers={"Accept": "text/html"})
    assert (response.status_code, response.headers["content-type"]) == (
        200,
        "text/html; charset=utf-8",
    )
    page = response.text
    assert "2 hits for <q>sanctions</q>" in page
    statement = "id/global-times-2023-06-19-wang-yi-blinken/appeal-lift-sanctions.html"
    article = "id/article/global-times-2023-06-19-wang-yi-blinken.html"
    assert (
        f'<a href="{statement}">Wang Yi asks the US to lift illegal unilateral sanctions on '
        "China</a>" in page
    )
    assert "lift illegal unilateral <mark>sanctions</mark> on China" in page
    assert (
        f'<a href="{article}#:~:text=lift%20illegal%20unilateral%20sanctions%20on%20China%2C">'
        "in the article</a>, characters 190 to 233" in page
    )
    assert f'<a href="{statement}#char-190-233">evidence</a>' in page
    assert (
        f'<a href="{article}#:~:text=lift%20illegal%20unilateral%20sanctions%20against%20China'
        '%2C%20stop">in the article</a>, characters 2464 to 2517' in page
    )
    # the linked pages and evidence anchors exist on the server, and the text fragments are there
    assert 'id="char-190-233"' in client.get("/" + statement).text
    shown = client.get("/" + article).text
    assert "lift illegal unilateral sanctions on China," in shown
    assert "lift illegal unilateral sanctions against China, stop" in shown


def test_search_page_escapes_what_it_shows(client: TestClient) -> None:
    echoed = client.get(
        "/search", params={"q": "<script>x</script>"}, headers={"Accept": "text/html"}
    )
    assert echoed.status_code == 200
    assert "<script>" not in echoed.text
    assert 'value="&lt;script&gt;x&lt;/script&gt;"' in echoed.text
    assert "0 hits for <q>&lt;script&gt;x&lt;/script&gt;</q>" in echoed.text
    quoted = client.get("/search", params={"q": '"China threat"'}, headers={"Accept": "text/html"})
    assert "stop hyping the &#34;<mark>China threat</mark>&#34; narrative" in quoted.text


def test_search_without_query_is_the_form_or_a_400(client: TestClient) -> None:
    page = client.get("/search", headers={"Accept": "text/html"})
    assert (page.status_code, "hits for" in page.text, 'name="q"' in page.text) == (
        200,
        False,
        True,
    )
    api = client.get("/search", params={"format": "json"})
    assert (api.status_code, api.json()) == (400, {"error": "give the text to search for in `q`"})


@pytest.mark.parametrize(
    ("query_string", "status", "message"),
    [
        ("q=%22%22&format=json", 400, "the query '\"\"' has no word to search for"),
        ("q=" + "x" * 300 + "&format=json", 400, "the query is longer than 256 characters"),
        ("q=" + "x" * 5000, 413, "the parameters are longer than the limit of 4096 bytes"),
        ("q=%FF&format=json", 400, "a percent-encoded value is not UTF-8"),
        ("q=a&q=b&format=json", 400, "give `q` once, not 2 times"),
        ("q=a&format=xml", 400, "format 'xml': not json or html"),
        ("q=a&kind=people&format=json", 400, "kind 'people': not one of article, statement, actor"),
        ("q=a&limit=0&format=json", 400, "limit 0: not between 1 and 100"),
        ("q=a&limit=-1&format=json", 400, "limit '-1': not a number between 1 and 100"),
        ("q=a&from=2023-02-30&format=json", 400, "from '2023-02-30': not a date YYYY-MM-DD"),
        (
            "q=a&actor=Nobody&format=json",
            400,
            "actor 'Nobody': no actor has this name; give its label or IRI",
        ),
    ],
)
def test_bad_search_requests_are_4xx_with_one_line(
    client: TestClient, query_string: str, status: int, message: str
) -> None:
    response = client.get("/search?" + query_string)
    assert (response.status_code, response.json()) == (status, {"error": message})


def test_bad_query_on_the_page_is_a_400_showing_why(client: TestClient) -> None:
    response = client.get("/search", params={"q": "?!"}, headers={"Accept": "text/html"})
    assert response.status_code == 400
    assert (
        '<p class="error" role="alert">the query &#39;?!&#39; has no word to search for</p>'
        in response.text
    )


def test_accept_header_is_negotiated(client: TestClient) -> None:
    malformed = client.get("/search?q=x", headers={"Accept": "text"})
    assert (malformed.status_code, malformed.json()) == (
        400,
        {"error": "malformed Accept header: 'text'"},
    )
    refused = client.get("/search?q=x", headers={"Accept": "image/png"})
    assert (refused.status_code, refused.json()) == (
        406,
        {"error": "offered: application/json, text/html"},
    )
    assert (
        client.get("/search?q=x", headers={"Accept": "*/*"}).headers["content-type"]
        == "text/html; charset=utf-8"
    )


def test_search_follows_the_dataset_it_serves(
    client: TestClient, data: Path, extracted: Path
) -> None:
    def abbas() -> list[str]:
        response = client.get("/search", params={"q": "Abbas", "format": "json"})
        return [hit["iri"] for hit in response.json()["hits"]]

    assert abbas() == []
    # the served file changes (as `extract` output appended to it): a new snapshot, a new index
    data.write_bytes(data.read_bytes() + extracted.read_bytes())
    assert abbas() == [ID + "mahmoud-abbas", ABBAS_ARTICLE]
