"""One event, many reports: the interactions that several articles report become one event.

Each article is one named graph, and each graph names the interactions it reports with IRIs of its
own (``id:<article-id>/meeting-…``). Where articles meet — a corpus extracted in one run, a dataset
built from several article graphs — :func:`fuse` finds the interactions that are accounts of one
event and gives that event one IRI, ``id:event/<kind>-<first day>-<participants>``. Every article
keeps its own account: its old interaction node becomes a ``dip:Report`` (``dip:reportOf`` the
event, ``dip:reportedIn`` its article, its own evidence, the day it gives, its date resolution,
duration and inference marks), and the event is ``dip:reportedIn`` every article with its
evidence in each. Statements made during the interaction, coded events and references point to
the event, which is coded once (the coded events of the first account by article id are kept).

Fusion is conservative (precision over recall): two accounts are one event only when they come
from different articles, are of the same kind (a call and a phone call agree), name the same
participants (the same actor IRIs), both give days and the days overlap, do not put the event in
two places and do not make an actor host in one and visitor in the other; an account with two
candidates in one other article fuses with neither. It is deterministic: the result depends on the
set of quads, never on their order.

>>> from dataclasses import replace
>>> A, B = "https://w3id.org/diplograph/id/a/meeting", "https://w3id.org/diplograph/id/b/meeting"
>>> a = Account(A, "a", ("Meeting",), frozenset({"x", "y"}), frozenset(), frozenset(),
...             (dt.date(2024, 3, 12), dt.date(2024, 3, 12)), "washington")
>>> b = Account(B, "b", ("Meeting",), frozenset({"x", "y"}), frozenset(), frozenset(),
...             (dt.date(2024, 3, 12), dt.date(2024, 3, 12)), None)
>>> compatible(a, b)
True
>>> compatible(a, replace(b, days=(dt.date(2024, 3, 13), dt.date(2024, 3, 13))))
False
>>> compatible(a, replace(b, place="new-york"))
False
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from diplograph.provenance import derivations
from diplograph.vocab import DIP, ID, PREFIXES

RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
RDFS_COMMENT = PREFIXES["rdfs"] + "comment"
SCHEMA_IDENTIFIER = PREFIXES["schema"] + "identifier"
XSD_DATE = ox.NamedNode(PREFIXES["xsd"] + "date")
TYPE_NODE, IDENTIFIER_NODE = ox.NamedNode(RDF_TYPE), ox.NamedNode(SCHEMA_IDENTIFIER)
ARTICLE_NODE, CODES_NODE = ox.NamedNode(DIP + "Article"), ox.NamedNode(DIP + "codes")
# The interaction kinds (subclasses of dip:Interaction) and the broader kind each may agree with.
KINDS = ("Interaction", "Meeting", "Talks", "Call", "PhoneCall", "VideoCall", "Visit")
BROADER = {"PhoneCall": "Call", "VideoCall": "Call"}
EVENT_PREFIX = ID + "event/"
# What stays with each article's account (its report) rather than on the shared event.
REPORT_ONLY = frozenset(
    {DIP + "dateResolution", PREFIXES["time"] + "hasTime", DIP + "inferredProperty", RDFS_COMMENT}
)
# What both the report and the event carry, each graph its own: the article, the mentions.
SHARED = frozenset({DIP + "reportedIn", DIP + "hasEvidence"})
DAYS = frozenset({DIP + "date", DIP + "startDate", DIP + "endDate"})


@dataclass(frozen=True)
class Account:
    """One article's account of an interaction, as that article's graph gives it."""

    node: str  # the interaction's IRI in the article's graph
    article_id: str
    kinds: tuple[str, ...]  # local names of its interaction classes, sorted
    participants: frozenset[str]
    hosts: frozenset[str]
    visitors: frozenset[str]
    days: tuple[dt.date, dt.date] | None  # first and last day
    place: str | None


def _kind(account: Account) -> str | None:
    """The one interaction kind of an account, or None when it has several."""
    return account.kinds[0] if len(account.kinds) == 1 else None


def _kinds_agree(a: Account, b: Account) -> bool:
    first, second = _kind(a), _kind(b)
    if first is None or second is None:
        return False
    return first == second or BROADER.get(first) == second or BROADER.get(second) == first


def compatible(a: Account, b: Account) -> bool:
    """Whether two accounts may be of one event: different articles, agreeing kinds, the same
    participants, overlapping days, no two places, no actor host in one and visitor in the other."""
    if a.article_id == b.article_id or not _kinds_agree(a, b):
        return False
    if a.participants != b.participants or a.days is None or b.days is None:
        return False
    if a.days[0] > b.days[1] or b.days[0] > a.days[1]:
        return False
    if a.place is not None and b.place is not None and a.place != b.place:
        return False
    return not (a.hosts & b.visitors or a.visitors & b.hosts)


def _article_ids(
    types: Sequence[ox.Quad], identifiers: Sequence[ox.Quad]
) -> dict[ox.NamedNode, str]:
    """The article id of every graph that holds a ``dip:Article`` with a ``schema:identifier``,
    from the graph's ``rdf:type`` and ``schema:identifier`` quads."""
    articles = {(q.subject, q.graph_name) for q in types if q.object == ARTICLE_NODE}
    found: dict[ox.NamedNode, str] = {}
    for q in identifiers:
        if (q.subject, q.graph_name) in articles:
            assert isinstance(q.graph_name, ox.NamedNode)
            found[q.graph_name] = _value(q.object)
    return found


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    """The IRI, id or lexical form of a term (a quoted triple has none: its text)."""
    return str(term) if isinstance(term, ox.Triple) else term.value


def _day(literal: ox.Literal) -> dt.date | None:
    try:
        return dt.date.fromisoformat(literal.value)
    except ValueError:
        return None


def accounts(quads: Sequence[ox.Quad]) -> list[Account]:
    """Every interaction an article reports under an IRI of its own, sorted by IRI.

    Shared nodes (a cited earlier event such as ``id:event/…``) are not accounts: they already
    are one node across articles.
    """
    types: list[ox.Quad] = []
    identifiers: list[ox.Quad] = []
    for q in quads:  # one pass: reading a quad's terms is what costs
        predicate = q.predicate
        if predicate == TYPE_NODE:
            types.append(q)
        elif predicate == IDENTIFIER_NODE:
            identifiers.append(q)
    ids = _article_ids(types, identifiers)
    kind_iris = {ox.NamedNode(DIP + kind) for kind in KINDS}
    typed = {
        (q.subject, q.graph_name)
        for q in types
        if q.object in kind_iris
        and isinstance(q.graph_name, ox.NamedNode)
        and q.graph_name in ids
        and _value(q.subject).startswith(f"{ID}{ids[q.graph_name]}/")
    }
    values: dict[tuple[str, ox.NamedNode], dict[str, set[ox.NamedNode | ox.Literal]]] = {}
    subjects = {subject for subject, _ in typed}
    for q in quads:
        if q.subject not in subjects or (q.subject, q.graph_name) not in typed:
            continue
        assert isinstance(q.graph_name, ox.NamedNode)
        assert isinstance(q.object, ox.NamedNode | ox.Literal)
        values.setdefault((_value(q.subject), q.graph_name), defaultdict(set))[
            q.predicate.value
        ].add(q.object)
    found: list[Account] = []
    for (node, graph), props in values.items():
        kinds = sorted(
            kind for kind in KINDS if ox.NamedNode(DIP + kind) in props.get(RDF_TYPE, set())
        )
        article = ox.NamedNode(f"{ID}article/{ids[graph]}")
        places = props.get(DIP + "place", set())
        if not kinds or article not in props.get(DIP + "reportedIn", set()) or len(places) > 1:
            continue  # not an interaction of this article, or one in two places: never fused
        found.append(
            Account(
                node,
                ids[graph],
                tuple(kinds),
                frozenset(p.value for p in props.get(DIP + "participant", set())),
                frozenset(p.value for p in props.get(DIP + "host", set())),
                frozenset(p.value for p in props.get(DIP + "visitor", set())),
                _days(props),
                next((p.value for p in places), None),
            )
        )
    return sorted(found, key=lambda a: a.node)


def _days(props: dict[str, set[ox.NamedNode | ox.Literal]]) -> tuple[dt.date, dt.date] | None:
    def one(name: str) -> dt.date | None:
        literals = [v for v in props.get(DIP + name, set()) if isinstance(v, ox.Literal)]
        return _day(literals[0]) if len(literals) == 1 else None

    day, start, end = one("date"), one("startDate"), one("endDate")
    if day is not None:
        return (day, day)
    if start is not None and end is not None and start <= end:
        return (start, end)
    return None


def clusters(found: Sequence[Account]) -> list[list[Account]]:
    """Groups of accounts of one event, each group sorted by article id and the groups by their
    first account's IRI.

    Two accounts are linked when they are compatible and each is the other's only compatible
    account in its article; a connected group is kept only when it has one account per article
    and every two of its accounts are compatible.
    """
    by_node = {a.node: a for a in found}
    # only accounts with the same participants on a common day can be compatible: compare those
    buckets: dict[tuple[frozenset[str], dt.date], list[Account]] = defaultdict(list)
    for a in found:
        if a.days is not None:
            for offset in range((a.days[1] - a.days[0]).days + 1):
                buckets[(a.participants, a.days[0] + dt.timedelta(days=offset))].append(a)
    pairs = {
        (a.node, b.node)
        for bucket in buckets.values()
        for a in bucket
        for b in bucket
        if compatible(a, b)
    }
    candidates: dict[str, dict[str, list[Account]]] = {}
    for first, second in sorted(pairs):
        candidates.setdefault(first, {}).setdefault(by_node[second].article_id, []).append(
            by_node[second]
        )
    links: dict[str, set[str]] = defaultdict(set)
    for node, by_article in candidates.items():
        for others in by_article.values():
            if len(others) == 1 and len(candidates[others[0].node][by_node[node].article_id]) == 1:
                links[node].add(others[0].node)
    groups: list[list[Account]] = []
    seen: set[str] = set()
    for node in sorted(links):
        if node in seen:
            continue
        component, stack = set(), [node]
        while stack:
            current = stack.pop()
            if current not in component:
                component.add(current)
                stack.extend(links[current])
        seen |= component
        members = sorted((by_node[n] for n in component), key=lambda a: (a.article_id, a.node))
        articles = [m.article_id for m in members]
        if len(set(articles)) == len(articles) and all(
            compatible(a, b) for a in members for b in members if a is not b
        ):
            groups.append(members)
    return sorted(groups, key=lambda g: g[0].node)


def fused_kind(group: Sequence[Account]) -> str:
    """The event's kind: the most specific kind of its accounts (a phone call over a call)."""
    kinds = [_kind(a) or "" for a in group]
    return next((k for k in kinds if k in BROADER), kinds[0])


def event_iri(group: Sequence[Account]) -> str:
    """The event's IRI: its kind, its first day and its participants, all from the accounts.

    >>> from dataclasses import replace
    >>> a = Account("urn:a", "a", ("PhoneCall",), frozenset({f"{ID}x", f"{ID}y"}), frozenset(),
    ...             frozenset(), (dt.date(2024, 3, 12), dt.date(2024, 3, 12)), None)
    >>> event_iri([a, replace(a, node="urn:b", article_id="b", kinds=("Call",))])
    'https://w3id.org/diplograph/id/event/phonecall-2024-03-12-x-y'
    """
    kind = fused_kind(group)
    first = min(a.days[0] for a in group if a.days is not None)
    people = "-".join(sorted(p.removeprefix(ID).replace("/", "-") for p in group[0].participants))
    return f"{EVENT_PREFIX}{kind.lower()}-{first.isoformat()}-{people}"


def _date(day: dt.date) -> ox.Literal:
    return ox.Literal(day.isoformat(), datatype=XSD_DATE)


def fuse(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads with every group of accounts of one event fused (see the module's docstring);
    unchanged when no two articles report one event. Reports get their PROV derivations."""
    quads = list(quads)
    groups = clusters(accounts(quads))
    if not groups:
        return quads
    events: dict[str, str] = {}  # old interaction IRI -> event IRI
    taken: set[str] = set()
    for group in groups:
        iri = base = event_iri(group)
        number = 1
        while iri in taken:  # two events of one kind, first day and participants
            number += 1
            iri = f"{base}-{number}"
        taken.add(iri)
        events.update((a.node, iri) for a in group)
    # the first account of each group (by article id) keeps its coded events; others are dropped
    coders = {a.node for group in groups for a in group[:1]}
    uncoded = {ox.NamedNode(node) for node in events.keys() - coders}
    renamed = {ox.NamedNode(old): ox.NamedNode(new) for old, new in events.items()}
    by_node: dict[str, list[ox.Quad]] = defaultdict(list)
    kept: list[ox.Quad] = []
    dropped: set[tuple[object, object]] = set()  # coded events of accounts that keep none
    for q in quads:  # one pass: reading a quad's terms is what costs
        subject, term = q.subject, q.object
        if subject in renamed:
            by_node[_value(subject)].append(q)
            continue
        if term in renamed:
            assert isinstance(term, ox.NamedNode)
            if term in uncoded and q.predicate == CODES_NODE:
                dropped.add((subject, q.graph_name))
            q = ox.Quad(subject, q.predicate, renamed[term], q.graph_name)
        kept.append(q)
    if dropped:
        gone = {subject for subject, _ in dropped}
        kept = [
            q for q in kept if q.subject not in gone or (q.subject, q.graph_name) not in dropped
        ]
    reports: list[ox.Quad] = []
    for group in groups:
        reports.extend(_fused(group, events, by_node))
    return [*kept, *reports, *derivations(reports)]


def _mapped(term: ox.NamedNode | ox.Literal, events: dict[str, str]) -> ox.NamedNode | ox.Literal:
    if isinstance(term, ox.NamedNode) and term.value in events:
        return ox.NamedNode(events[term.value])
    return term


def _agreed(
    group: Sequence[Account], by_node: dict[str, list[ox.Quad]]
) -> list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """What every graph says of the event alike, so that their union has one value: the kind,
    the first account's label, the days from the first to the last any account gives, and the
    inference marks of the properties every account that gives them marks inferred."""
    days = [a.days for a in group if a.days is not None]
    first, last = min(d[0] for d in days), max(d[1] for d in days)
    agreed: list[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (ox.NamedNode(RDF_TYPE), ox.NamedNode(DIP + fused_kind(group)))
    ]
    labels = [q.object for q in by_node[group[0].node] if q.predicate.value == RDFS_LABEL]
    agreed.extend((ox.NamedNode(RDFS_LABEL), o) for o in labels if isinstance(o, ox.Literal))
    if first == last:
        agreed.append((ox.NamedNode(DIP + "date"), _date(first)))
    else:
        agreed.append((ox.NamedNode(DIP + "startDate"), _date(first)))
        agreed.append((ox.NamedNode(DIP + "endDate"), _date(last)))
    marks = [
        {_value(q.object) for q in by_node[a.node] if q.predicate.value == DIP + "inferredProperty"}
        for a in group
    ]
    given = [{q.predicate.value for q in by_node[a.node]} for a in group]
    inferred = sorted(
        p
        for p in set().union(*marks)
        if all(p in m for m, g in zip(marks, given, strict=True) if p in g or p in m)
    )
    agreed.extend((ox.NamedNode(DIP + "inferredProperty"), ox.NamedNode(p)) for p in inferred)
    if inferred:
        names = ", ".join(p.removeprefix(DIP) for p in inferred)
        text = f"Inferred ({names}) in every report of this event; each report says from what."
        agreed.append((ox.NamedNode(RDFS_COMMENT), ox.Literal(text, language="en")))
    return agreed


def _fused(
    group: Sequence[Account], events: dict[str, str], by_node: dict[str, list[ox.Quad]]
) -> list[ox.Quad]:
    """In each member's graph: the event, with what all agree on and what that article says of
    it, and the article's report."""
    event = ox.NamedNode(events[group[0].node])
    agreed = _agreed(group, by_node)
    out: list[ox.Quad] = []
    for account in group:
        node = ox.NamedNode(account.node)
        own = by_node[account.node]
        graph = own[0].graph_name
        out.extend(ox.Quad(event, p, o, graph) for p, o in agreed)
        out.append(ox.Quad(node, ox.NamedNode(RDF_TYPE), ox.NamedNode(DIP + "Report"), graph))
        out.append(ox.Quad(node, ox.NamedNode(DIP + "reportOf"), event, graph))
        for q in own:
            assert isinstance(q.object, ox.NamedNode | ox.Literal)
            p = q.predicate.value
            if p in SHARED:
                out.append(ox.Quad(event, q.predicate, q.object, graph))
            if p in SHARED | REPORT_ONLY or p == DIP + "date":
                out.append(ox.Quad(node, q.predicate, q.object, graph))
            elif p == RDFS_LABEL:
                text = f"{_value(q.object)}: the report of {account.article_id}"
                out.append(ox.Quad(node, q.predicate, ox.Literal(text, language="en"), graph))
            elif p not in DAYS and p != RDF_TYPE:  # participants, roles, place, topics, visit
                out.append(ox.Quad(event, q.predicate, _mapped(q.object, events), graph))
    return out
