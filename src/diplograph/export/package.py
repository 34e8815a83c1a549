"""The Frictionless Tabular Data Package (``datapackage.json``) of the exported tables.

One resource per table (Data Package 1.0, ``tabular-data-resource``): its file (a CSV file with
its size and SHA-256), format, CSV dialect, the ``sparql`` query that produces it, and a Table
Schema — every column's name, type and description, the primary key (its columns required) and
the foreign keys into the other tables (:mod:`diplograph.export.keys`). The package carries what
data portals ask for: the dataset's licence and creator (the ontology's ``dcterms:license`` and
``dcterms:creator``, as the VoID description states them) and the articles the tables come from
as its sources. ``frictionless validate datapackage.json`` checks every type, key and hash.

>>> field(Column("actor", "iri", "the actor"), required=True)
{'name': 'actor', 'type': 'string', 'format': 'uri', 'description': 'the actor',
 'constraints': {'required': True}}
>>> field(Column("start", "integer", "the first character"), required=False)
{'name': 'start', 'type': 'integer', 'description': 'the first character'}
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from diplograph.export.keys import keys
from diplograph.export.tables import Column, Table
from diplograph.vocab import BASE, PREFIXES, sparql_prefixes

ONTOLOGY = ox.NamedNode(BASE + "ontology")
TYPES = {
    "iri": {"type": "string", "format": "uri"},
    "string": {"type": "string"},
    "date": {"type": "date"},
    "integer": {"type": "integer"},
}
# CSV Dialect 1.0 of the csv module's writer (RFC 4180); its JSON Schema requires doubleQuote
DIALECT = {
    "delimiter": ",",
    "doubleQuote": True,
    "quoteChar": '"',
    "lineTerminator": "\n",
    "header": True,
}
MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}
CREATIVE_COMMONS = re.compile(
    r"https?://creativecommons\.org/(?:licenses/(?P<kind>[a-z-]+)|publicdomain/(?P<zero>zero))"
    r"/(?P<version>\d\.\d)/?"
)
SOURCES = (
    sparql_prefixes("dip", "rdfs", "schema")
    + """SELECT ?article (MIN(STR(?name)) AS ?title) (MIN(STR(?page)) AS ?url) WHERE {
  ?article a dip:Article .
  OPTIONAL { ?article rdfs:label ?name }
  OPTIONAL { ?article schema:url ?page }
}
GROUP BY ?article
ORDER BY ?article
"""
)


@dataclass(frozen=True)
class Metadata:
    """What the package says about the dataset as a whole, read from the dataset itself."""

    licenses: tuple[str, ...]
    creators: tuple[str, ...]
    sources: tuple[tuple[str, str | None], ...]  # each article's label (else IRI) and URL

    @classmethod
    def of(cls, store: ox.Store) -> Metadata:
        """The ontology's licences and creators, and the articles (label and URL) of ``store``."""

        def values(predicate: str) -> tuple[str, ...]:
            found = store.quads_for_pattern(
                ONTOLOGY, ox.NamedNode(PREFIXES["dcterms"] + predicate), None
            )
            objects = (quad.object for quad in found)
            return tuple(
                sorted({o.value for o in objects if isinstance(o, ox.NamedNode | ox.Literal)})
            )

        solutions = store.query(SOURCES, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        sources = []
        for solution in solutions:
            article, title, url = solution["article"], solution["title"], solution["url"]
            assert article is not None
            sources.append(
                (
                    title.value if title is not None else article.value,
                    url.value if url is not None else None,
                )
            )
        return cls(values("license"), values("creator"), tuple(sources))


def license_descriptor(iri: str) -> dict[str, str]:
    """A Data Package licence: its IRI as ``path``, and its SPDX id as ``name`` when it is a
    Creative Commons licence (SPDX and the Open Definition name these the same way).

    >>> license_descriptor("https://creativecommons.org/licenses/by/4.0/")
    {'name': 'CC-BY-4.0', 'path': 'https://creativecommons.org/licenses/by/4.0/'}
    >>> license_descriptor("https://creativecommons.org/publicdomain/zero/1.0/")["name"]
    'CC0-1.0'
    >>> license_descriptor("https://example.org/terms")
    {'path': 'https://example.org/terms'}
    """
    found = CREATIVE_COMMONS.fullmatch(iri)
    if found is None:
        return {"path": iri}
    kind = "CC0" if found["zero"] else f"CC-{found['kind'].upper()}"
    return {"name": f"{kind}-{found['version']}", "path": iri}


def field(column: Column, *, required: bool) -> dict[str, Any]:
    """A Table Schema field: name, type (``iri`` is a ``string`` of ``format: uri``),
    description, and ``required`` for a primary key's column."""
    described: dict[str, Any] = {
        "name": column.name,
        **TYPES[column.type],
        "description": column.description,
    }
    if required:
        described["constraints"] = {"required": True}
    return described


def schema(table: Table, tables: Mapping[str, Table]) -> dict[str, Any]:
    """The Table Schema of ``table``, with its keys among the exported ``tables``."""
    declared = keys(table, tables)
    described: dict[str, Any] = {
        "fields": [
            field(column, required=column.name in declared.primary) for column in table.columns
        ],
        "missingValues": [""],
    }
    if declared.primary:
        described["primaryKey"] = list(declared.primary)
    if declared.foreign:
        described["foreignKeys"] = [key.descriptor() for key in declared.foreign]
    return described


def datapackage(
    tables: Sequence[Table], output_format: str, folder: Path, metadata: Metadata
) -> dict[str, Any]:
    """The descriptor of the tables written as ``<name>.<output_format>`` in ``folder``."""
    by_name = {table.name: table for table in tables}
    resources = []
    for table in tables:
        path = f"{table.name}.{output_format}"
        resource: dict[str, Any] = {
            "name": table.name,
            "path": path,
            "profile": "tabular-data-resource",
            "title": table.query.question,
            "description": table.description,
            "format": output_format,
            "mediatype": MEDIA_TYPES[output_format],
        }
        if output_format == "csv":  # frictionless counts no bytes of a Parquet file it reads
            data = (folder / path).read_bytes()
            resource["bytes"] = len(data)
            resource["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
            resource["encoding"] = "utf-8"
            resource["dialect"] = DIALECT
        resource["sparql"] = f"queries/{table.name}.rq"
        resource["schema"] = schema(table, by_name)
        resources.append(resource)
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "diplograph-export",
        "title": "diplograph: coded events, interactions, statements, stances, posts and actors",
        "description": "Tidy tables of a diplograph dataset, each the answer of the SPARQL query "
        "under queries/ that its 'sparql' property names; codebook.md describes the same.",
    }
    if metadata.licenses:
        package["licenses"] = [license_descriptor(iri) for iri in metadata.licenses]
    if metadata.creators:
        package["contributors"] = [{"title": name, "role": "author"} for name in metadata.creators]
    if metadata.sources:
        package["sources"] = [
            {"title": title, **({"path": url} if url else {})} for title, url in metadata.sources
        ]
    package["resources"] = resources
    return package
