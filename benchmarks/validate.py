"""Stock pySHACL against the fast engine on the same corpus of about a million triples.

    .venv/bin/python benchmarks/validate.py [--triples 1000000] [--workdir /tmp/validate-bench]

The corpus is the extracted State Department readouts (``diplograph extract``) repeated with new
IRIs (``<article>-c1``, ``-c2`` …, identifiers and graph names alike; the new actors once) until it
holds ``--triples`` triples. Each engine runs in a process of its own, on that corpus together
with the ontology, code lists and actor registry: stock pySHACL (``pyshacl.validate`` as shipped,
without diplograph's parse-once SPARQL processor), pySHACL with it (``diplograph validate
--engine pyshacl``), the fast engine on the whole graph
(``diplograph validate --engine fast``), and the fast engine per article graph
(``validation.graphs.validate_graphs``, both cores). Prints seconds, triples/s, peak RSS and the
ratio to stock pySHACL, and whether every engine's results equal pySHACL's (result keys: focus
node, path, component, shape, severity, value).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus" / "state-department-readouts.jsonl"
GRAPH = re.compile(r"<https://w3id\.org/diplograph/graph/([^>]+)> \.$")
SHARED = "extracted-actors"
ENGINES = ("pyshacl", "pyshacl-parse-once", "fast", "fast-per-graph")


def repeated(extracted: Path, triples: int, out: Path) -> int:
    """Write the extracted corpus repeated with new IRIs up to ``triples`` lines; their count."""
    shared: list[str] = []
    articles: dict[str, list[str]] = {}
    for line in extracted.read_text(encoding="utf-8").splitlines():
        match = GRAPH.search(line)
        if match is None or match.group(1) == SHARED:
            shared.append(line)
        else:
            articles.setdefault(match.group(1), []).append(line)
    written = 0
    with out.open("w", encoding="utf-8") as sink:
        sink.writelines(f"{line}\n" for line in shared)
        written += len(shared)
        copy = 0
        while written < triples:
            for slug, lines in articles.items():
                new = f"{slug}-c{copy}" if copy else slug
                pairs = [
                    (f"/id/{slug}/", f"/id/{new}/"),
                    (f"/id/article/{slug}>", f"/id/article/{new}>"),
                    (f'"{slug}"', f'"{new}"'),
                    (f"/graph/{slug}>", f"/graph/{new}>"),
                ]
                for line in lines:
                    for old, replacement in pairs:
                        line = line.replace(old, replacement)
                    sink.write(f"{line}\n")
                written += len(lines)
                if written >= triples:
                    break
            copy += 1
    return written


def run(engine: str, corpus: Path) -> dict[str, Any]:
    """Validate ``corpus`` with ``engine`` in this process: seconds, peak RSS, result keys."""
    started = time.perf_counter()
    if engine == "pyshacl":
        import pyshacl  # stock: run before diplograph.validate registers its SPARQL processor
        import rdflib

        from diplograph.project import Project
        from diplograph.rdfio import rdflib_graph, read_quads

        project = Project.find(ROOT)
        data = rdflib_graph(q for p in [*project.vocabulary(), corpus] for q in read_quads(p))
        shapes = rdflib_graph(q for p in project.shape_files() for q in read_quads(p))
        ontology = rdflib_graph(read_quads(project.ontology))
        _, report, _ = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=False
        )
        seconds = time.perf_counter() - started
        from diplograph.validate import _named_shape, _path, _shown

        sh = rdflib.namespace.SH
        keys = [
            (
                _shown(report.value(n, sh.focusNode)),
                _path(shapes, report.value(n, sh.resultPath)) or "",
                str(report.value(n, sh.sourceConstraintComponent)),
                _named_shape(shapes, report.value(n, sh.sourceShape)),
                str(report.value(n, sh.resultSeverity)),
                "" if report.value(n, sh.value) is None else _shown(report.value(n, sh.value)),
            )
            for n in report.objects(None, sh.result)
        ]
    elif engine in ("fast", "pyshacl-parse-once"):
        from diplograph.project import Project
        from diplograph.validate import validate

        chosen = "fast" if engine == "fast" else "pyshacl"
        validation = validate(Project.find(ROOT), [corpus], engine=chosen)
        seconds = time.perf_counter() - started
        keys = [r.key for r in validation.results]
    else:
        import pyoxigraph as ox

        from diplograph.project import Project
        from diplograph.validation.graphs import prepare, validate_graphs

        graphs: dict[str, list[ox.Quad]] = {}
        for quad in ox.parse(path=corpus, format=ox.RdfFormat.N_QUADS):
            graphs.setdefault(str(quad.graph_name), []).append(quad)
        actors = graphs.pop(f"<https://w3id.org/diplograph/graph/{SHARED}>")
        reports = validate_graphs(graphs, prepare(Project.find(ROOT), extra=actors), workers=2)
        seconds = time.perf_counter() - started
        keys = [r.key for report in reports.values() for r in report.results]
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children)
    return {"seconds": seconds, "peak_mb": peak / 1024, "keys": sorted(map(list, keys))}


def table(triples: int, figures: dict[str, dict[str, Any]]) -> str:
    """The figures as a Markdown table, each engine's results compared with pySHACL's."""
    reference = figures.get("pyshacl")
    rows = [
        "| engine | seconds | triples/s | peak RSS (MB) | x stock pySHACL | results | identical |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for engine, figure in figures.items():
        seconds = float(figure["seconds"])
        ratio = f"{reference['seconds'] / seconds:.1f}" if reference else "-"
        if reference is None or engine == "pyshacl":
            same = "reference" if reference else "-"
        else:
            keys = Counter(map(tuple, figure["keys"]))
            same = "yes" if keys == Counter(map(tuple, reference["keys"])) else "NO"
        rows.append(
            f"| {engine} | {seconds:.1f} | {triples / seconds:,.0f} | {figure['peak_mb']:.0f} | "
            f"{ratio} | {len(figure['keys'])} | {same} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/validate-bench"))
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--run", nargs=2, metavar=("ENGINE", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run(args.run[0], Path(args.run[1]))))
        return
    args.workdir.mkdir(parents=True, exist_ok=True)
    extracted = args.workdir / "extracted.nq"
    if not extracted.is_file():
        tool = Path(sys.executable).parent / "diplograph"
        subprocess.run([tool, "extract", CORPUS, "-o", extracted], check=True, cwd=ROOT)
    corpus = args.workdir / f"corpus-{args.triples}.nq"
    triples = repeated(extracted, args.triples, corpus)
    figures = {}
    for engine in args.engines.split(","):
        command = [sys.executable, __file__, "--run", engine, str(corpus)]
        done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
        figures[engine] = json.loads(done.stdout.splitlines()[-1])
        print(f"{engine}: {figures[engine]['seconds']:.1f} s", file=sys.stderr)
    print(f"{triples:,} corpus triples (plus the ontology, code lists and actors)")
    print(table(triples, figures))


if __name__ == "__main__":
    main()
