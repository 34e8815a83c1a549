"""The site's pictures: the timeline of interactions, the network of who met whom, actor timelines.

Their JSON files (``views/*.json``) are checked value by value on the seed and on two extracted
articles; then headless Chromium opens both views and an actor's page on the published seed site
(served as a static folder) and on ``diplograph serve``, reads what vis-timeline and vis-network
drew, filters, clicks through, and saves screenshots under ``tests/artifacts/`` (printed).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.errors import DiplographError
from diplograph.project import Project
from diplograph.publish.site import Site, publish, vis_assets, yasgui_assets
from diplograph.publish.views import to_json
from diplograph.rdfio import load_store, read_quads
from diplograph.vocab import ID

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
ARTICLE = "global-times-2023-06-19-wang-yi-blinken"
MEETING = f"{ID}{ARTICLE}/meeting-wang-yi-blinken"
TALKS = f"{ID}{ARTICLE}/talks-qin-gang-blinken"
VISIT = f"{ID}{ARTICLE}/visit-blinken-beijing"
BALI = f"{ID}event/bali-heads-of-state-meeting-2022"
CHINA, US = f"{ID}china", f"{ID}united-states"
VIEW_PATHS = [
    "assets/views.js",
    "assets/vis-network.min.js",
    "assets/vis-timeline-graph2d.min.js",
    "network.html",
    "timeline.html",
    "views/network.json",
    "views/timeline.json",
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _site(project: Project, quads: list[ox.Quad]) -> Site:
    store = ox.Store()
    store.extend(quads)
    return Site(store, project.queries, yasgui_assets(ROOT), quads)


@pytest.fixture(scope="module")
def site(project: Project) -> Site:
    return _site(project, read_quads(project.dump))


def test_timeline_of_the_seed(site: Site) -> None:
    timeline = json.loads(site.document("views/timeline.json").body)  # type: ignore[union-attr]
    shown = [
        (i["id"], i["label"], i["type"], i["date"], i["place"], i["href"], i["participants"])
        for i in timeline["interactions"]
    ]
    assert shown == [
        (
            VISIT,
            "Blinken's trip to Beijing",
            "Visit",
            None,
            "Beijing",
            f"id/{ARTICLE}/visit-blinken-beijing.html",
            [f"{ID}antony-blinken", CHINA],
        ),
        (
            BALI,
            "meeting of the Chinese and US heads of state in Bali",
            "Meeting",
            None,
            "Bali",
            "id/event/bali-heads-of-state-meeting-2022.html",
            [f"{ID}joe-biden", f"{ID}xi-jinping"],
        ),
        (
            TALKS,
            "Qin Gang holds talks with Antony Blinken",
            "Talks",
            "2023-06-18",
            "Beijing",
            f"id/{ARTICLE}/talks-qin-gang-blinken.html",
            [f"{ID}antony-blinken", f"{ID}qin-gang"],
        ),
        (
            MEETING,
            "Wang Yi meets Antony Blinken in Beijing",
            "Meeting",
            "2023-06-19",
            "Beijing",
            f"id/{ARTICLE}/meeting-wang-yi-blinken.html",
            [f"{ID}antony-blinken", f"{ID}wang-yi"],
        ),
    ]
    assert {(i["start"], i["end"]) for i in timeline["interactions"]} == {(None, None)}
    assert timeline["kinds"] == ["Meeting", "Talks", "Visit"]
    assert timeline["states"] == [
        {"id": CHINA, "label": "People's Republic of China", "href": "id/china.html"},
        {"id": US, "label": "United States", "href": "id/united-states.html"},
    ]
    assert [
        (a["label"], a["type"], a["states"], a["interactions"]) for a in timeline["actors"]
    ] == [
        ("Antony Blinken", "Person", [US], 3),
        ("Joe Biden", "Person", [US], 1),
        ("People's Republic of China", "State", [CHINA], 1),
        ("Qin Gang", "Person", [CHINA], 1),
        ("Wang Yi", "Person", [CHINA], 1),
        ("Xi Jinping", "Person", [CHINA], 1),
    ]


def test_network_of_the_seed(site: Site) -> None:
    network = json.loads(site.document("views/network.json").body)  # type: ignore[union-attr]
    assert [(n["label"], n["interactions"], n["href"]) for n in network["nodes"]] == [
        ("Antony Blinken", 3, "id/antony-blinken.html"),
        ("Joe Biden", 1, "id/joe-biden.html"),
        ("People's Republic of China", 1, "id/china.html"),
        ("Qin Gang", 1, "id/qin-gang.html"),
        ("Wang Yi", 1, "id/wang-yi.html"),
        ("Xi Jinping", 1, "id/xi-jinping.html"),
    ]
    edges = [
        (
            e["source"].removeprefix(ID),
            e["target"].removeprefix(ID),
            e["weight"],
            e["firstDate"],
            e["lastDate"],
            [(i["label"], i["href"]) for i in e["interactions"]],
        )
        for e in network["edges"]
    ]
    assert edges == [
        (
            "antony-blinken",
            "china",
            1,
            None,
            None,
            [("Blinken's trip to Beijing", f"id/{ARTICLE}/visit-blinken-beijing.html")],
        ),
        (
            "antony-blinken",
            "qin-gang",
            1,
            "2023-06-18",
            "2023-06-18",
            [
                (
                    "Qin Gang holds talks with Antony Blinken",
                    f"id/{ARTICLE}/talks-qin-gang-blinken.html",
                )
            ],
        ),
        (
            "antony-blinken",
            "wang-yi",
            1,
            "2023-06-19",
            "2023-06-19",
            [
                (
                    "Wang Yi meets Antony Blinken in Beijing",
                    f"id/{ARTICLE}/meeting-wang-yi-blinken.html",
                )
            ],
        ),
        (
            "joe-biden",
            "xi-jinping",
            1,
            None,
            None,
            [
                (
                    "meeting of the Chinese and US heads of state in Bali",
                    "id/event/bali-heads-of-state-meeting-2022.html",
                )
            ],
        ),
    ]
    assert [s["label"] for s in network["states"]] == [
        "People's Republic of China",
        "United States",
    ]


def test_view_files_are_the_same_bytes_from_a_store_filled_in_another_order(
    site: Site, project: Project
) -> None:
    other = _site(project, list(reversed(read_quads(project.dump))))
    for path in ("views/timeline.json", "views/network.json"):
        first, second = site.document(path), other.document(path)
        assert first is not None and second is not None
        assert first.body == second.body and first.media_type == "application/json"
        data = json.loads(first.body)
        assert first.body == to_json(data)  # sorted keys, one-space indent, final newline
        assert first.body.endswith(b"}\n") and list(data) == sorted(data)


def test_the_site_carries_the_views_and_vis(site: Site) -> None:
    paths = site.paths()
    assert [p for p in paths if p in VIEW_PATHS] == VIEW_PATHS
    for name, path in vis_assets(ROOT).items():
        document = site.document(f"assets/{name}")
        assert document is not None and document.body == path.read_bytes()
        assert document.media_type == "text/javascript; charset=utf-8"
    assert vis_assets(ROOT)["vis-network.min.js"] == (
        ROOT / "node_modules" / "vis-network" / "standalone" / "umd" / "vis-network.min.js"
    )
    script = site.document("assets/views.js")
    static = ROOT / "src" / "diplograph" / "publish" / "static" / "views.js"
    assert script is not None and script.body == static.read_bytes()
    timeline = site.document("timeline.html")
    assert timeline is not None and timeline.media_type == "text/html; charset=utf-8"
    page = timeline.body.decode("utf-8")
    assert '<script src="assets/vis-timeline-graph2d.min.js"></script>' in page
    assert 'data-source="views/timeline.json"' in page and 'id="timeline-filters"' in page
    network = site.document("network.html")
    assert network is not None and 'data-source="views/network.json"' in network.body.decode()


def test_an_actor_page_has_its_timeline_and_an_interaction_page_has_none(site: Site) -> None:
    actor = site.document("id/wang-yi.html")
    assert actor is not None
    page = actor.body.decode("utf-8")
    assert '<script src="../assets/vis-timeline-graph2d.min.js"></script>' in page
    assert f'data-source="../views/timeline.json" data-root="../" data-actor="{ID}wang-yi"' in page
    assert '<a href="../timeline.html">timeline</a>' in page  # the header's link
    meeting = site.document(f"id/{ARTICLE}/meeting-wang-yi-blinken.html")
    assert meeting is not None and b"data-view" not in meeting.body
    assert b"vis-timeline" not in meeting.body


def test_a_site_without_export_tables_has_empty_views(project: Project) -> None:
    store = load_store([project.dump])
    bare = Site(store, [], yasgui_assets(ROOT))
    assert json.loads(bare.document("views/timeline.json").body) == {  # type: ignore[union-attr]
        "actors": [],
        "interactions": [],
        "kinds": [],
        "states": [],
    }
    assert bare.document("timeline.html") is not None
    assert b"data-view" not in bare.document("id/wang-yi.html").body  # type: ignore[union-attr]


def test_a_checkout_without_vis_is_a_one_line_error(tmp_path: Path) -> None:
    """A checkout whose node_modules/ predates vis (YASGUI only): name the file and `npm ci`."""
    yasgui = tmp_path / "node_modules" / "@zazuko" / "yasgui" / "build"
    yasgui.mkdir(parents=True)
    for name in ("yasgui.min.js", "yasgui.min.css"):
        (yasgui / name).write_text("/* */", encoding="utf-8")
    with pytest.raises(DiplographError) as raised:
        Site(ox.Store(), [], yasgui_assets(tmp_path))
    missing = tmp_path / "node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"
    assert str(raised.value) == (
        f"{missing}: vis-timeline and vis-network are not installed; run `npm ci` in "
        f"{tmp_path} (an installed diplograph wheel carries them)"
    )


READOUTS = [
    {
        "id": "blinken-wang-april",
        "text": "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in "
        "Beijing on Friday. Wang urged the United States to stop interfering in China's internal "
        "affairs.\n",
        "published": "2024-04-26",
        "publisher": "U.S. Department of State",
    },
    {
        "id": "blinken-wang-july",
        "text": "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in "
        "Vientiane on Thursday. Blinken raised concerns about the South China Sea.\n",
        "published": "2024-07-25",
        "publisher": "U.S. Department of State",
    },
]


def test_views_of_an_extracted_corpus(project: Project, tmp_path: Path) -> None:
    """Two extracted readouts of Blinken meeting Wang Yi: two dated meetings, one edge, weight 2."""
    corpus = tmp_path / "readouts.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in READOUTS), encoding="utf-8")
    output = tmp_path / "readouts.nq"
    arguments = ["--root", str(project.root), "extract", str(corpus), "-o", str(output)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    store = load_store([*project.vocabulary(), output])
    extracted = Site(store, project.queries, yasgui_assets(ROOT))
    timeline = json.loads(extracted.document("views/timeline.json").body)  # type: ignore[union-attr]
    assert [
        (i["type"], i["date"], i["place"], [p.removeprefix(ID) for p in i["participants"]])
        for i in timeline["interactions"]
    ] == [
        ("Meeting", "2024-04-26", "Beijing", ["antony-blinken", "wang-yi"]),
        ("Meeting", "2024-07-25", "Vientiane", ["antony-blinken", "wang-yi"]),
    ]
    network = json.loads(extracted.document("views/network.json").body)  # type: ignore[union-attr]
    assert [(n["label"], n["interactions"]) for n in network["nodes"]] == [
        ("Antony Blinken", 2),
        ("Wang Yi", 2),
    ]
    assert [(e["weight"], e["firstDate"], e["lastDate"]) for e in network["edges"]] == [
        (2, "2024-04-26", "2024-07-25")
    ]


# --- in a real browser -------------------------------------------------------------------------


def _chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed (scripts/system-packages.sh installs it)")
        pytest.skip("chromium is not installed: run scripts/system-packages.sh as root")
    return path


@pytest.fixture(scope="module")
def static_site(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The published seed site, served as a plain static folder (as any web host serves it)."""
    outdir = tmp_path_factory.mktemp("views") / "site"
    publish(site, outdir, "https://example.org/diplograph/")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live_server(project: Project) -> Iterator[str]:
    """``diplograph serve`` on the seed, on a free port; stopped with SIGTERM."""
    if not (project.root / "node_modules").exists():
        (project.root / "node_modules").symlink_to(ROOT / "node_modules")
    port = _free_port()
    command = [sys.executable, "-m", "diplograph.cli", "--root", str(project.root), "serve"]
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(url)
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline and process.poll() is None, "no server"
            time.sleep(0.1)
    yield url
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=20)


def _items(page: object) -> list[str]:
    """The labels of the timeline's drawn items, left to right."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    boxes = page.locator("#timeline .vis-item .vis-item-content")
    found = [(boxes.nth(n).bounding_box(), boxes.nth(n).inner_text()) for n in range(boxes.count())]
    return [label for box, label in sorted(found, key=lambda pair: pair[0]["x"] if pair[0] else 0)]


@pytest.mark.parametrize("source", ["published", "served"])
def test_browser_views(source: str, request: pytest.FixtureRequest) -> None:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    base: str = request.getfixturevalue("static_site" if source == "published" else "live_server")
    ARTIFACTS.mkdir(exist_ok=True)
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
        page.on("pageerror", lambda error: errors.append(str(error)))

        page.goto(base + "timeline.html")
        page.wait_for_function("() => window.diplographViews.timeline !== undefined")
        count = page.locator("#timeline-count")
        assert count.inner_text() == "4 of 4 interactions (2 without a date: listed below only)"
        assert _items(page) == [
            "Qin Gang holds talks with Antony Blinken",
            "Wang Yi meets Antony Blinken in Beijing",
        ]
        assert page.locator("#timeline-list li").count() == 4
        page.screenshot(path=str(ARTIFACTS / f"views-{source}-timeline.png"), full_page=True)
        page.select_option("#timeline-filters select[name=actor]", label="Qin Gang")
        assert count.inner_text() == "1 of 4 interactions"
        assert _items(page) == ["Qin Gang holds talks with Antony Blinken"]
        page.select_option("#timeline-filters select[name=actor]", value="")
        page.select_option("#timeline-filters select[name=state]", label="United States")
        page.select_option("#timeline-filters select[name=kind]", value="Meeting")
        assert count.inner_text() == "2 of 4 interactions (1 without a date: listed below only)"
        assert _items(page) == ["Wang Yi meets Antony Blinken in Beijing"]
        assert page.locator("#timeline-list li a").all_inner_texts() == [
            "meeting of the Chinese and US heads of state in Bali",
            "Wang Yi meets Antony Blinken in Beijing",
        ]
        page.locator("#timeline .vis-item", has_text="Wang Yi meets").click()
        page.wait_for_url("**/meeting-wang-yi-blinken.html")
        assert page.locator("h1").inner_text() == "Wang Yi meets Antony Blinken in Beijing"

        page.goto(base + "network.html")
        page.wait_for_function(
            "() => window.diplographViews.network && window.diplographViews.network.stabilized"
        )
        assert page.locator("#network-count").inner_text() == "6 actors, 4 pairs who met"
        drawn = page.evaluate(
            """() => {
              const { nodes, edges } = window.diplographViews.network;
              return { nodes: nodes.get().map((n) => [n.label, n.value]),
                       edges: edges.get().map((e) => [e.from, e.to, e.value, e.label]) };
            }"""
        )
        assert drawn["nodes"] == [
            ["Antony Blinken", 3],
            ["Joe Biden", 1],
            ["People's Republic of China", 1],
            ["Qin Gang", 1],
            ["Wang Yi", 1],
            ["Xi Jinping", 1],
        ]
        assert [
            (f.removeprefix(ID), t.removeprefix(ID), v, w) for f, t, v, w in drawn["edges"]
        ] == [
            ("antony-blinken", "china", 1, "1"),
            ("antony-blinken", "qin-gang", 1, "1"),
            ("antony-blinken", "wang-yi", 1, "1"),
            ("joe-biden", "xi-jinping", 1, "1"),
        ]
        assert page.locator("#network-legend li").all_inner_texts() == [
            "People's Republic of China",
            "United States",
        ]
        page.screenshot(path=str(ARTIFACTS / f"views-{source}-network.png"), full_page=True)
        canvas = page.locator("#network canvas").bounding_box()
        assert canvas is not None
        line = page.evaluate(
            f"""() => {{
              const chart = window.diplographViews.network.chart;
              const a = chart.getPosition("{ID}antony-blinken");
              const b = chart.getPosition("{ID}wang-yi");
              return chart.canvasToDOM({{ x: 0.4 * a.x + 0.6 * b.x, y: 0.4 * a.y + 0.6 * b.y }});
            }}"""
        )
        page.mouse.click(canvas["x"] + line["x"], canvas["y"] + line["y"])  # on the edge
        detail = page.locator("#network-detail")
        detail.wait_for(state="visible")
        assert detail.locator("h2").inner_text() == "Antony Blinken and Wang Yi: 1 interaction"
        assert detail.locator("li a").all_inner_texts() == [
            "Wang Yi meets Antony Blinken in Beijing"
        ]
        where = page.evaluate(
            f"""() => {{
              const chart = window.diplographViews.network.chart;
              return chart.canvasToDOM(chart.getPosition("{ID}wang-yi"));
            }}"""
        )
        page.mouse.click(canvas["x"] + where["x"], canvas["y"] + where["y"])
        page.wait_for_url("**/id/wang-yi.html")

        page.wait_for_function("() => window.diplographViews.timeline !== undefined")
        assert page.locator("h1").inner_text() == "Wang Yi"
        assert page.locator("#timeline-count").inner_text() == "Wang Yi: 1 interaction"
        assert _items(page) == ["Wang Yi meets Antony Blinken in Beijing"]
        page.screenshot(path=str(ARTIFACTS / f"views-{source}-actor.png"), full_page=True)
        browser.close()
    print(f"\nscreenshots: {ARTIFACTS}/views-{source}-{{timeline,network,actor}}.png")
    assert outside == [] and errors == []
