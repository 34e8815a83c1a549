"""The command line: output, exit codes (0 ok, 1 violations, 2 error) and one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import FIXTURES, copy_project
from diplograph.cli import main
from diplograph.project import Project


def invoke(project: Project, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--root", str(project.root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_validate_the_built_dataset_conforms(project: Project) -> None:
    code, out, _ = invoke(project, "validate")
    assert code == 0, out
    assert out.splitlines()[-1] == "conforms"
    assert "diplograph.nq" in out


def test_validate_a_bad_file_exits_1_and_names_the_violation(project: Project) -> None:
    bad = FIXTURES / "shapes" / "demand-target-is-the-side-of-the-speaker.ttl"
    code, out, _ = invoke(project, "validate", str(bad))
    assert code == 1
    assert "dip:target" in out
    assert out.splitlines()[-1].startswith("does not conform: ")


def test_unknown_query_lists_the_known_ones(project: Project) -> None:
    code, _, err = invoke(project, "query", "nope")
    assert code == 2
    assert err.strip() == (
        "error: unknown query 'nope'; known queries: "
        "commitments, demands, events, meetings, positions, posts, references, said-in, stances, "
        "statements, timeline"
    )


def test_unparsable_data_names_file_and_line(project: Project, tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\n\nex:a ex:b "open .\n', "utf-8")
    code, _, err = invoke(project, "query", "meetings", "--data", str(bad))
    assert code == 2
    assert err.startswith(f"error: {bad}:3:")
    assert len(err.strip().splitlines()) == 1


def test_query_json_is_sparql_results_json(project: Project) -> None:
    code, out, _ = invoke(project, "query", "timeline", "--format", "json")
    assert code == 0
    results = json.loads(out)
    assert results["head"]["vars"] == ["date", "event", "type", "label", "start", "end"]
    assert len(results["results"]["bindings"]) >= 2


def test_query_csv_is_sparql_csv(project: Project) -> None:
    code, out, _ = invoke(project, "query", "posts", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "personLabel,postLabel,organizationLabel,date,postType,article"


def test_query_table_ends_with_the_row_count(project: Project) -> None:
    code, out, _ = invoke(project, "query", "timeline")
    assert code == 0
    assert out.splitlines()[-1].endswith(" rows")
    assert "Meeting" in out


def test_query_before_build_says_what_to_do(tmp_path: Path) -> None:
    fresh = copy_project(tmp_path)
    code, _, err = invoke(fresh, "query", "meetings")
    assert code == 2
    assert "not built yet; run `diplograph build` first" in err


def test_query_a_file(project: Project, tmp_path: Path) -> None:
    query = tmp_path / "count.rq"
    shutil.copy(project.queries / "posts.rq", query)
    code, out, _ = invoke(project, "query", str(query), "--format", "csv")
    assert code == 0
    assert out.startswith("personLabel,")
