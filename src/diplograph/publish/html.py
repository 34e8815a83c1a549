"""HTML pages of the published dataset, rendered with the Jinja2 templates in ``templates/``.

Every link between pages is relative, so the same files work from any host, any folder, and
from the live server. Links to IRIs outside the dataset point at the IRI itself.

>>> href("id/a/b.html", ID + "c")
'../c.html'
>>> href("index.html", DIP + "Meeting")
'ontology.html#Meeting'
>>> href("index.html", "https://schema.org/Person")
'https://schema.org/Person'
>>> print(href("index.html", BASE + "ontology/releases/1"))
None
>>> print(href("index.html", "javascript:alert(1)"))
None
>>> href("id/a.html", ID + "javascript:alert(1)")
'./javascript:alert(1).html'
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import jinja2
import pyoxigraph as ox

from diplograph.publish.describe import (
    FORMATS,
    LABEL,
    ONTOLOGY,
    PREF_LABEL,
    describe,
    resource_path,
    text,
)
from diplograph.vocab import BASE, DIP, GRAPH, ID, PREFIXES, compact, sparql_prefixes

RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
OA = PREFIXES["oa"]
EVIDENCE = ox.NamedNode(DIP + "hasEvidence")
DEFINITIONS = (PREFIXES["skos"] + "definition", PREFIXES["rdfs"] + "comment")

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("diplograph.publish", "templates"),
    autoescape=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)

SPANS = f"""
{sparql_prefixes("oa", "schema")}SELECT DISTINCT ?span ?article ?text ?start ?end WHERE {{
  VALUES ?span {{ %s }}
  ?span oa:hasSource ?article ; oa:hasSelector ?selector .
  ?selector a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?article schema:text ?text .
}}"""


LINKED_SCHEMES = ("http", "https")


def linkable(iri: object) -> bool:
    """Whether ``iri`` may be an ``href`` as it is: an http(s) URL with no space or control
    character (so never ``javascript:``, ``data:``, ``vbscript:``, however spelt).

    >>> linkable("https://schema.org/Person"), linkable(" JavaScript:alert(1)")
    (True, False)
    """
    if not isinstance(iri, str) or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in iri):
        return False
    try:
        return urlsplit(iri).scheme.lower() in LINKED_SCHEMES and iri.lower().startswith(
            tuple(f"{scheme}://" for scheme in LINKED_SCHEMES)
        )
    except ValueError:
        return False


ENVIRONMENT.filters["linkable"] = linkable


def relative_name(path: str) -> str:
    """The last segment of ``path`` as a relative link (``./`` before a colon's scheme look).

    >>> relative_name("id/a"), relative_name("id/javascript:alert(1)")
    ('a', './javascript:alert(1)')
    """
    name = path.rsplit("/", 1)[-1]
    return "./" + name if ":" in name else name


def href(page: str, iri: str) -> str | None:
    """The link from the page at site path ``page`` to the IRI ``iri`` (None: no document, or
    not an http(s) IRI: a page shows it as text)."""
    path = resource_path(iri)
    if path is None:
        return None if iri.startswith(BASE) or not linkable(iri) else iri
    fragment = iri[len(DIP) :] if iri.startswith(DIP) else ""
    target = posixpath.relpath(path + ".html", posixpath.dirname(page) or ".")
    if ":" in target.split("/")[0]:
        target = "./" + target  # else a browser reads `javascript:…` as a scheme
    return f"{target}#{fragment}" if fragment else target


def root(page: str) -> str:
    """The relative prefix from ``page`` to the site root.

    >>> root("id/a/b.html"), root("index.html")
    ('../../', '')
    """
    return "../" * page.count("/")


@dataclass(frozen=True)
class Link:
    """A node as a page shows it: its label, its IRI (or literal), and where it links to."""

    text: str
    title: str
    href: str | None = None
    language: str | None = None
    datatype: str | None = None
    long: bool = False


@dataclass(frozen=True)
class Row:
    """One predicate of a resource and the values it has."""

    predicate: Link
    values: list[Link]


@dataclass(frozen=True)
class Evidence:
    """An evidence span and the paragraph of its article it sits in."""

    span: Link
    article: Link
    before: str
    quote: str
    after: str
    start: int
    end: int


@dataclass
class Labels:
    """The display labels of IRIs (English first), read from a store on demand."""

    store: ox.Store
    cache: dict[str, str] = field(default_factory=dict)

    def __call__(self, iri: str) -> str:
        if iri not in self.cache:
            found: list[ox.Literal] = []
            for predicate in (LABEL, PREF_LABEL):
                for quad in self.store.quads_for_pattern(ox.NamedNode(iri), predicate, None):
                    if isinstance(quad.object, ox.Literal):
                        found.append(quad.object)
            found.sort(key=lambda lit: (lit.language not in ("en", None), lit.value))
            self.cache[iri] = found[0].value if found else compact(iri)
        return self.cache[iri]


class Renderer:
    """Builds the view of a page from the store and renders its template."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.label = Labels(store)

    def link(self, page: str, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Link:
        if isinstance(term, ox.NamedNode):
            return Link(self.label(term.value), term.value, href(page, term.value))
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value
            shown = None if term.language or datatype.endswith("#string") else compact(datatype)
            return Link(term.value, term.value, None, term.language, shown, len(term.value) > 300)
        return Link(str(term), str(term))

    def rows(self, page: str, pairs: Iterable[tuple[ox.NamedNode, Link]]) -> list[Row]:
        grouped: dict[str, list[Link]] = {}
        for predicate, value in pairs:
            grouped.setdefault(predicate.value, []).append(value)
        return [
            Row(self.link(page, ox.NamedNode(p)), sorted(values, key=lambda v: (v.text, v.title)))
            for p, values in sorted(grouped.items(), key=lambda item: compact(item[0]))
        ]

    def evidence(self, page: str, spans: list[ox.NamedNode]) -> list[Evidence]:
        """The quotes of the given evidence spans, each in its paragraph."""
        if not spans:
            return []
        solutions = self.store.query(
            SPANS % " ".join(str(s) for s in spans), use_default_graph_as_union=True
        )
        assert isinstance(solutions, ox.QuerySolutions)
        found = []
        for solution in solutions:
            span, article, text = solution["span"], solution["article"], solution["text"]
            start, end = solution["start"], solution["end"]
            assert isinstance(span, ox.NamedNode) and isinstance(article, ox.NamedNode)
            assert isinstance(text, ox.Literal) and isinstance(start, ox.Literal)
            assert isinstance(end, ox.Literal)
            s, e, body = int(start.value), int(end.value), text.value
            first = body.rfind("\n", 0, s) + 1
            last = body.find("\n", e)
            last = len(body) if last < 0 else last
            found.append(
                Evidence(
                    self.link(page, span),
                    self.link(page, article),
                    body[first:s],
                    body[s:e],
                    body[e:last],
                    s,
                    e,
                )
            )
        return sorted(found, key=lambda ev: (ev.article.title, ev.start, ev.end))

    def resource(self, iri: str) -> str:
        """The page of a resource: label, types, properties, incoming links, evidence quotes."""
        path = resource_path(iri)
        assert path is not None
        page = path + ".html"
        node = ox.NamedNode(iri)
        triples = describe(self.store, iri)
        if iri.startswith(GRAPH):
            subjects = sorted(
                {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
            )
            members = [Link(self.label(s), s, href(page, s)) for s in subjects]
            return self.render(
                "graph.html",
                page,
                iri=iri,
                title=self.label(iri),
                triples=len(triples),
                members=members,
                name=relative_name(path),
            )
        own = [t for t in triples if t.subject == node]
        incoming = [t for t in triples if t.object == node and t.subject != node]
        types = sorted(
            (self.link(page, t.object) for t in own if t.predicate == RDF_TYPE),
            key=lambda link: link.text,
        )
        spans = sorted({t.object for t in own if t.predicate == EVIDENCE}, key=str)
        if any(t.predicate.value == OA + "hasSource" for t in own):
            spans.append(node)
        return self.render(
            "resource.html",
            page,
            iri=iri,
            title=self.label(iri),
            name=relative_name(path),
            types=types,
            rows=self.rows(
                page,
                ((t.predicate, self.link(page, t.object)) for t in own if t.predicate != RDF_TYPE),
            ),
            incoming=self.rows(page, ((t.predicate, self.link(page, t.subject)) for t in incoming)),
            evidence=self.evidence(page, [s for s in spans if isinstance(s, ox.NamedNode)]),
        )

    def ontology(self, triples: list[ox.Triple]) -> str:
        """The ontology's documentation: its metadata, then a section (an anchor) per term."""
        page = "ontology.html"
        subjects = sorted({t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)})
        terms = []
        for subject in subjects:
            if not subject.startswith(DIP):
                continue
            own = [t for t in triples if text(t.subject) == subject]
            kinds = sorted(self.label(text(t.object)) for t in own if t.predicate == RDF_TYPE)
            definition = next(
                (text(t.object) for d in DEFINITIONS for t in own if t.predicate.value == d), ""
            )
            terms.append(
                {
                    "anchor": subject[len(DIP) :],
                    "iri": subject,
                    "title": self.label(subject),
                    "kinds": ", ".join(kinds),
                    "definition": definition,
                    "rows": self.rows(
                        page,
                        (
                            (t.predicate, self.link(page, t.object))
                            for t in own
                            if t.predicate != RDF_TYPE
                        ),
                    ),
                }
            )
        terms.sort(key=lambda term: (term["kinds"], term["anchor"]))
        metadata = [t for t in triples if text(t.subject) == ONTOLOGY]
        return self.render(
            "ontology.html",
            page,
            iri=ONTOLOGY,
            title=self.label(ONTOLOGY),
            name="ontology",
            rows=self.rows(page, ((t.predicate, self.link(page, t.object)) for t in metadata)),
            terms=terms,
        )

    def index(self, iris: list[str], title: str, description: str, queries: list[str]) -> str:
        """The landing page: every resource, grouped by its type."""
        page = "index.html"
        groups: dict[str, list[Link]] = {}
        for iri in iris:
            if iri.startswith(GRAPH):
                group = "Named graphs"
            else:
                types = self.store.quads_for_pattern(ox.NamedNode(iri), RDF_TYPE, None)
                names = sorted(
                    {
                        self.label(q.object.value)
                        for q in types
                        if isinstance(q.object, ox.NamedNode)
                    }
                )
                group = names[0] if names else "Other"
            groups.setdefault(group, []).append(Link(self.label(iri), iri, href(page, iri)))
        listed = [
            (name, sorted(groups[name], key=lambda link: (link.text, link.title)))
            for name in sorted(groups)
        ]
        return self.render(
            "index.html",
            page,
            title=title,
            description=description,
            groups=listed,
            queries=queries,
            resources=len(iris),
        )

    def query(self, examples: dict[str, tuple[str, str]]) -> str:
        """The SPARQL query page (YASGUI), with the stored queries as examples."""
        return self.render("query.html", "query.html", title="SPARQL query", examples=examples)

    def render(self, template: str, page: str, **values: object) -> str:
        return ENVIRONMENT.get_template(template).render(
            root=root(page), formats=list(FORMATS.values()), id_namespace=ID, **values
        )
