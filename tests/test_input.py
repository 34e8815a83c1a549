"""Bad input never costs good data: `build`, `validate`, `query`, `diagram` and the article reader.

Each test reproduces one hole of issue 13 ("Input"): a build that wrote a graph violating the
shapes, an ill-typed literal that printed a traceback, a staging folder left by a killed build,
file names that are no slugs or take a reserved graph, data read as rich markup, OS errors as
tracebacks, files without the user's umask, and what the article reader accepted.
"""

from __future__ import annotations

import codecs
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, copy_project
from diplograph.build import STAGING, build
from diplograph.cli import main
from diplograph.errors import DiplographError
from diplograph.extract.corpus import read_jsonl, read_txt
from diplograph.extract.pipeline import MAX_ARTICLE_CHARS
from diplograph.files import write_atomically
from diplograph.project import Project

ARTICLE = "global-times-2023-06-19-wang-yi-blinken"
LABEL = '"Wang Yi meets Antony Blinken in Beijing"@en'
DIPLOGRAPH = Path(sys.executable).with_name("diplograph")


def invoke(project: Project, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    return result.exit_code, result.stdout, result.stderr


def edit_article(project: Project, old: str, new: str) -> None:
    path = project.root / "data" / "articles" / f"{ARTICLE}.ttl"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def umask() -> Iterator[int]:
    old = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(old)


# --- build -----------------------------------------------------------------------------------


def test_regression_a_graph_violating_the_shapes_built_with_exit_0(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project.dist / "graphs").mkdir(parents=True)
    (project.dist / "diplograph.nq").write_bytes(b"the previous build\n")
    before = snapshot(project.dist)
    edit_article(project, LABEL, '"Wang Yi meets Antony Blinken in Beijing"@de')
    code, out, err = invoke(project, "build")
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        f"violation: id:{ARTICLE}/meeting-wang-yi-blinken rdfs:label: needs exactly one English "
        "rdfs:label [sh:LanguageInConstraintComponent]",
        f"build failed: 1 violation(s) of the SHACL shapes; {project.dist} left as it was",
    ]
    assert snapshot(project.dist) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dist")] == []


def test_regression_an_ill_typed_literal_built_and_printed_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    edit_article(project, "oa:end 16 .", 'oa:end "sixteen"^^xsd:integer .')
    code, _, err = invoke(project, "build")
    assert code == 2
    assert err == (
        f'error: {project.articles[0]}:94: ill-typed literal "sixteen"^^xsd:integer (object of '
        f"<https://w3id.org/diplograph/id/{ARTICLE}/char/1-16/position> "
        "<http://www.w3.org/ns/oa#end>)\n"
    )
    assert not project.dist.exists()


def test_kill_9_mid_build_leaves_staging_that_the_next_build_removes(
    tmp_path: Path, umask: int
) -> None:
    """A killed build left `.dist-*` folders (0700, from mkdtemp) that nothing removed."""
    project = copy_project(tmp_path)
    # a real build, held in its validation step so that the kill lands mid-way every time
    held = (
        "import time, diplograph.build as b; from diplograph.project import Project; "
        "b.validate = lambda *args, **kwargs: time.sleep(600); b.build(Project.find(None))"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", held],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(STAGING + "*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    stale = list(tmp_path.glob(STAGING + "*"))
    assert [path.name.split("-")[2] for path in stale] == [str(child.pid)]
    assert not project.dist.exists()
    report = build(project)
    assert list(tmp_path.glob(".dist*")) == []
    assert sorted(path.name for path in report.files) == sorted(
        ["diplograph.nq", *(f"{name}.ttl" for name in ("actors", "codes", "diplograph", ARTICLE))]
    )
    # the user's umask (0027 here), not the 0700 of a temporary folder
    assert stat.S_IMODE(project.dist.stat().st_mode) == 0o750
    assert {stat.S_IMODE(path.stat().st_mode) for path in report.files} == {0o640}


def test_regression_validate_printed_a_traceback_for_an_ill_typed_literal(
    project: Project,
) -> None:
    bad = FIXTURES / "shapes" / "article-publication-date-ill-typed.ttl"
    code, out, err = invoke(project, "validate", str(bad))
    assert (code, err) == (1, "")
    assert out.splitlines()[-1] == "does not conform: 2 violation(s)"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Wang Yi.ttl",
            "the file name is not a lower-case slug (a-z, 0-9, - ; it names the article's graph); "
            "rename it",
        ),
        (
            "actors.ttl",
            "the graph graph:actors is the model's (reserved: actors, codes, diplograph, "
            "extracted-actors); rename the file",
        ),
    ],
)
def test_article_file_names_must_be_slugs_and_not_a_reserved_graph(
    tmp_path: Path, name: str, message: str
) -> None:
    project = copy_project(tmp_path)
    bad = tmp_path / "data" / "articles" / name
    bad.write_text("<urn:x> <urn:p> <urn:o> .\n", encoding="utf-8")
    code, _, err = invoke(project, "build")
    assert code == 2
    assert err == f"error: {bad}: {message}\n"
    assert not project.dist.exists()


# --- terminal output is never markup ----------------------------------------------------------


def test_regression_a_label_with_markup_crashed_query(project: Project, tmp_path: Path) -> None:
    data = tmp_path / "odd.ttl"
    data.write_text(
        '<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "[/x]" .\n'
        '<urn:b> <http://www.w3.org/2000/01/rdf-schema#label> "[applause] :smile: [bold]b" .\n',
        encoding="utf-8",
    )
    query = tmp_path / "odd.rq"
    query.write_text(
        "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label "
        'FILTER(STRSTARTS(?label, "[")) } ORDER BY ?label\n',
        encoding="utf-8",
    )
    code, out, err = invoke(project, "query", str(query), "--data", str(data))
    assert code == 0, err
    assert [line.strip("│ ") for line in out.splitlines()[3:5]] == [
        "[/x]",
        "[applause] :smile: [bold]b",
    ]


def test_regression_violations_printed_an_emoji_and_lost_their_component(
    project: Project,
) -> None:
    bad = FIXTURES / "shapes" / "actor-label-not-english.ttl"
    code, out, _ = invoke(project, "validate", str(bad))
    assert code == 1
    assert out.splitlines()[1] == (
        "violation: id:test/actor-label-not-english/indonesia rdfs:label: needs exactly one "
        "English rdfs:label [sh:LanguageInConstraintComponent]"
    )


# --- OS errors: one line naming the path, exit 2, nothing half-written -----------------------


def test_diagram_to_a_full_disk_is_one_line(project: Project) -> None:
    code, _, err = invoke(project, "diagram", "-o", "/dev/full")
    assert (code, err) == (2, "error: /dev/full: cannot write: No space left on device\n")


def test_diagram_into_a_missing_folder_is_one_line(project: Project, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "diagram.md"
    code, _, err = invoke(project, "diagram", "-o", str(target))
    assert (code, err) == (2, f"error: {target}: cannot write: No such file or directory\n")
    assert not (tmp_path / "missing").exists()


def test_query_to_a_full_stdout_is_one_line(project: Project) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [DIPLOGRAPH, "--root", str(project.root), "query", "posts", "--format", "csv"],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode() == "error: <stdout>: No space left on device\n"


def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly(
    project: Project, tmp_path: Path
) -> None:
    everything = tmp_path / "all.rq"  # ~700 KB of CSV: more than a pipe holds
    everything.write_text("SELECT ?s ?p ?o WHERE { ?s ?p ?o }\n", encoding="utf-8")
    done = subprocess.run(
        f"'{DIPLOGRAPH}' --root '{project.root}' query '{everything}' --format csv | head -c 10",
        shell=True,
        capture_output=True,
        check=False,
        executable="/bin/bash",
    )
    assert done.stdout == b"s,p,o\r\nhtt"
    assert done.stderr == b""


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")

    def disk_full(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(DiplographError) as error:
        write_atomically(target, b"new")
    assert str(error.value) == f"{target}: cannot write: No space left on device"
    assert target.read_bytes() == b"old"
    assert [path.name for path in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_build_in_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (tmp_path / "p").chmod(0o555)
    try:
        code, _, err = invoke(project, "build")
    finally:
        (tmp_path / "p").chmod(0o755)
    assert code == 2
    assert err == f"error: {tmp_path / 'p'}: cannot make the staging folder: Permission denied\n"


def test_written_files_get_the_umask(tmp_path: Path, umask: int) -> None:
    write_atomically(tmp_path / "a.txt", b"x")
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640


# --- the article reader ------------------------------------------------------------------------


def corpus(tmp_path: Path, *rows: dict[str, str], raw: str = "") -> Path:
    path = tmp_path / "c.jsonl"
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n" + raw, encoding="utf-8")
    return path


ROW = {"id": "a", "text": "Hi.", "published": "2023-06-19", "publisher": "Global Times"}


def test_regression_a_basic_iso_date_20230619_was_read_as_a_date(tmp_path: Path) -> None:
    path = corpus(tmp_path, {**ROW, "published": "20230619"})
    with pytest.raises(DiplographError) as error:
        read_jsonl(path)
    assert str(error.value) == f"{path}:1: field 'published' is not a date YYYY-MM-DD: '20230619'"


def test_extract_date_option_is_iso_only(project: Project, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Wang Yi met Antony Blinken.", encoding="utf-8")
    code, _, err = invoke(
        project, "extract", str(article), "--publisher", "Global Times", "--date", "2023-6-19"
    )
    assert (code, err) == (
        2,
        f"error: {article}: field 'date' is not a date YYYY-MM-DD: '2023-6-19'\n",
    )


def test_ids_and_file_names_that_are_no_slugs_are_made_slugs(tmp_path: Path) -> None:
    path = corpus(tmp_path, {**ROW, "id": "Secretary Blinken\u2019s Call_2"})
    assert [article.id for article in read_jsonl(path)] == ["secretary-blinkens-call-2"]
    text = tmp_path / "01_Summary.txt"
    text.write_text("date 2023-06-19\nHi.", encoding="utf-8")
    assert read_txt(text, publisher="Global Times").id == "01-summary"


def test_two_ids_with_the_same_slug_are_a_duplicate(tmp_path: Path) -> None:
    path = corpus(tmp_path, ROW, {**ROW, "id": "A"})
    with pytest.raises(DiplographError) as error:
        read_jsonl(path)
    assert str(error.value) == f"{path}:2: duplicate id 'a'"


def test_a_publisher_named_with_its_office_resolves_to_the_registered_one(
    project: Project, tmp_path: Path
) -> None:
    publisher = "U.S. Department of State (Office of the Spokesperson)"
    path = corpus(tmp_path, {**ROW, "publisher": publisher})
    [article] = read_jsonl(path)
    assert (article.publisher, article.creator) == (
        "U.S. Department of State",
        "Office of the Spokesperson",
    )
    text = tmp_path / "readout.txt"
    text.write_text("Secretary Blinken met Foreign Minister Wang Yi.", encoding="utf-8")
    out = tmp_path / "readout.nq"
    code, _, err = invoke(
        project,
        "extract",
        str(text),
        "--publisher",
        publisher,
        "--date",
        "2023-06-19",
        "-o",
        str(out),
    )
    assert code == 0, err
    publishers = {
        line.split()[2]
        for line in out.read_text(encoding="utf-8").splitlines()
        if "<https://schema.org/publisher>" in line
    }
    assert publishers == {"<https://w3id.org/diplograph/id/us-department-of-state>"}


def test_an_article_above_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MAX_ARTICLE_CHARS == 500_000
    monkeypatch.setenv("DIPLOGRAPH_MAX_ARTICLE_CHARS", "10")
    path = corpus(tmp_path, {**ROW, "text": "x" * 11})
    with pytest.raises(DiplographError) as error:
        read_jsonl(path)
    assert str(error.value) == (
        f"{path}:1: field 'text' holds 11 characters, more than the limit of 10 "
        "(set DIPLOGRAPH_MAX_ARTICLE_CHARS to raise it)"
    )
    assert [a.text for a in read_jsonl(corpus(tmp_path, {**ROW, "text": "x" * 10}))] == ["x" * 10]
    monkeypatch.setenv("DIPLOGRAPH_MAX_ARTICLE_CHARS", "lots")
    with pytest.raises(DiplographError) as error:
        read_jsonl(path)
    assert str(error.value) == (
        "DIPLOGRAPH_MAX_ARTICLE_CHARS: not a positive whole number of characters: 'lots'"
    )


def test_regression_u2028_inside_a_json_string_cut_the_line(tmp_path: Path) -> None:
    path = corpus(tmp_path, {**ROW, "text": "one\u2028two\x85three"})
    assert [a.text for a in read_jsonl(path)] == ["one\u2028two\x85three"]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(ROW).encode() + b"\n")
    assert [a.id for a in read_jsonl(path)] == ["a"]


def test_regression_deep_nesting_and_huge_integers_were_tracebacks(tmp_path: Path) -> None:
    path = corpus(tmp_path, ROW, raw="[" * 100_000 + "\n" + '{"id": ' + "9" * 5000 + "}\n")
    with pytest.raises(DiplographError) as error:
        read_jsonl(path)
    assert str(error.value) == f"{path}:2: not JSON this reader takes: nested too deep"
    path = corpus(tmp_path, ROW, raw='{"id": ' + "9" * 5000 + "}\n")
    with pytest.raises(DiplographError) as error:
        read_jsonl(path)
    assert str(error.value).startswith(
        f"{path}:2: not JSON this reader takes: Exceeds the limit (4300 digits)"
    )


def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + (json.dumps(ROW) + "\n").encode("utf-16-le"))
    assert [a.id for a in read_jsonl(path)] == ["a"]


def test_other_bytes_are_refused_naming_the_offset_and_the_likely_encoding(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(json.dumps({**ROW, "text": "França"}, ensure_ascii=False).encode("cp1252"))
    with pytest.raises(DiplographError) as error:
        read_jsonl(path)
    offset = json.dumps(ROW).index('"Hi.') + 5
    assert str(error.value) == (
        f"{path}: not UTF-8 text (byte {offset}); it looks like Windows-1252 (Latin-1)"
    )
