"""The holding layer: the posts the text gives its people (org:Membership), known actors
included: titles before a name, appositives after it ("X, Chair of the Institute for ..."),
roles before an appositive name, and "in his role as" a post."""

from __future__ import annotations

import re

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Resolved
from diplograph.extract.interactions import SPOKESPERSON
from diplograph.extract.layers.coreference import PERSONLIKE, ROLE_AND, is_person
from diplograph.extract.layers.doc import Cursor, Doc, local
from diplograph.extract.mentions import Mention
from diplograph.extract.model import Holding
from diplograph.extract.text import Span, normalize, span

# "the Prime Minister of Bahrain, His Royal Highness ...", "the Crown Prince and Prime Minister"
_APPOSITIVE_GAP = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][^,;.]{0,60})?,\s+")
# Titles that need their portfolio: "Secretary Blinken", "Minister Popescu" name no post alone.
_NO_PORTFOLIO = frozenset(
    {
        "secretary",
        "minister",
        "under secretary",
        "assistant secretary",
    }
)
_APPOSITIVE_TITLE = re.compile(
    r",\s+(?:the\s+)?(?P<title>[A-Z][a-z]+(?:\s+(?:of|for|the|and|[A-Z][a-z]+))*?)(?=\s*(?:[,.\n]|$))"
)
# "Prak Sokhonn, in his role as ASEAN Special Envoy on Burma, ...": a post the person holds too.
_ROLE_AS = re.compile(
    r",\s+in\s+(?:his|her|their)\s+(?:role|capacity)\s+as\s+(?:the\s+)?(?P<role>[A-Z][^,;.]{2,90})"
)
# "and his Russian counterpart Sergey Lavrov", "his Australian counterpart, Minister X": the
# counterpart of the state the words name
COUNTERPART = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|\band)\s+(?P<state>[A-Z][\w-]*\s+)?counterpart,?\s+$"
)
# A royal's rank alone is no post ("Prince Faisal bin Farhan"); "Crown Prince" is one.
_RANKS = frozenset({"prince", "princess"})
# Title words before a head word that still belong to the post ("Deputy Director General").
_MODIFIERS = frozenset(
    {"Deputy", "Vice", "Assistant", "Senior", "Permanent", "Principal", "Under", "First", "Acting"}
)


def _ministry_title(title: str, heads: tuple[str, ...]) -> tuple[str, str] | None:
    """A title that opens with the ministry or department its post is in, split into the two:
    "MFA Secretary General" (the abbreviated Ministry of Foreign Affairs), "Ministry of Foreign
    Affairs Director General for Asian Affairs", "Department of Foreign Affairs and Trade
    Secretary"; else None."""
    words = title.split()
    if words[:1] == ["MFA"] and len(words) > 1:
        return "MFA", " ".join(words[1:])
    if len(words) < 4 or words[0] not in ("Ministry", "Department") or words[1] != "of":
        return None
    for k in range(3, len(words)):
        j = k
        while j < len(words) - 1 and words[j] in _MODIFIERS:
            j += 1
        if words[j] in heads and words[k - 1][:1].isupper():
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def _shortened(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` are a shortening of the title ``long``: its words in order
    ("deputy secretary" of "deputy secretary of state"), or its portfolio before its head
    ("foreign minister" of "minister of foreign affairs", "minister for europe and foreign
    affairs")."""
    rest = iter(long)
    if bool(short) and all(word in rest for word in short):
        return True
    return len(short) > 1 and short[-1] == long[0] and set(short) <= set(long)


def holdings(doc: Doc, resolved: list[Resolved]) -> None:
    """The posts titled mentions give their people, known actors included; a shortened title
    of a post the person already holds here ("Deputy Secretary" after "Deputy Secretary of
    State", "Foreign Minister" after "Minister of Foreign Affairs") is that post again, not a
    new one."""
    _posts_before_appositive(doc, resolved)
    for item in resolved:
        m = item.mention
        if m.kind == "role" and len(item.actors) > 1:
            _officials_posts(doc, item)  # "the foreign ministers of Iran and Saudi Arabia"
            continue
        if m.kind in ("person", "known", "name") and m.title_span is None and item.actors:
            appositive_post(doc, item)
        if is_person(item):
            role_post(doc, item)
            leader_post(doc, item)
        if m.kind not in ("person", "known") or not item.actors or m.title_span is None:
            continue
        person = item.actors[0]
        if person.kind != "Person":
            continue
        held = [
            normalize(t).split()
            for h in doc.extraction.holdings
            if h.person is person
            for t in h.titles
        ]
        where = None
        if m.organization:
            where = doc.registry.organization(m.organization)
        elif m.state:
            where = doc.registry.state(m.state)
        else:
            where = counterpart_state(doc, resolved, m)  # "his Australian counterpart, Minister X"
        if where is not None and where.kind == "State" and person.new and not person.nationality:
            person.nationality = where.iri
        state_titles = m.state_titles if m.organization and m.state else ()
        for number, title in enumerate(m.titles):
            if SPOKESPERSON.search(title):
                continue  # the spokesperson reports and is no actor of the text
            post_in = where
            if number < len(state_titles) and state_titles[number]:
                # "Senegalese President and African Union Chairperson": a post of the state
                post_in = doc.registry.state(m.state or "")
            body = _ministry_title(title, doc.gazetteer.heads)
            if body and where is not None and where.kind == "State":
                # "French MFA Secretary General": a post of the state's foreign ministry
                surface = doc.text[m.title_span[0] : m.title_span[1]]
                surface = surface[: surface.find(body[0]) + len(body[0])]
                post_in = doc.registry.ministry(where, body[0], surface)
                title = body[1]
            if (normalize(title) in _NO_PORTFOLIO and not body) or normalize(title) in _RANKS:
                continue  # "Minister Popescu", but "Department of Energy Secretary"
            if any(_shortened(normalize(title).split(), words) for words in held):
                continue
            post = doc.registry.post(title, person, post_in)
            if post is not None:
                # from the title, or from the name an appositive title follows ("Mr. X, Minister")
                start = (
                    m.start
                    if m.name and m.title_span[0] > m.start + len(m.name)
                    else m.title_span[0]
                )
                add_holding(doc, person, post, span(doc.text, start, m.end), (title,))


def _officials_posts(doc: Doc, item: Resolved) -> None:
    """The post of each unnamed official a list of states gives ("the foreign ministers of A and
    B": the Foreign Minister of A and of B), held where the list names them; a leader holds no
    post by that word."""
    title = item.mention.titles[0] if item.mention.titles else ""
    if not title or title == "Leader":
        return
    evidence = span(doc.text, item.mention.start, item.mention.end)
    for official in item.actors:
        state = doc.registry.actors.get(official.nationality or "")
        post = doc.registry.post(title, official, state) if state is not None else None
        if post is not None:
            add_holding(doc, official, post, evidence, (title,))


def counterpart_state(doc: Doc, resolved: list[Resolved], m: Mention) -> Actor | None:
    """The state of "his Russian counterpart" right before the mention ``m`` of the sentence
    whose mentions are ``resolved``, else None."""
    counterpart = COUNTERPART.search(doc.text, max(0, m.start - 60), m.start)
    if counterpart is None or counterpart.group("state") is None:
        return None
    return next(
        (
            doc.registry.state(r.mention.state)
            for r in resolved
            if r.mention.kind == "state"
            and r.mention.state
            and r.mention.start == counterpart.start("state")
        ),
        None,
    )


def _posts_before_appositive(doc: Doc, resolved: list[Resolved]) -> None:
    """The posts of a person named in an appositive after them: "the Crown Prince and Prime
    Minister of Bahrain, His Royal Highness Salman ..." (two posts of Bahrain's)."""
    text = doc.text
    for number, item in enumerate(resolved):
        if item.mention.kind not in PERSONLIKE or not is_person(item):
            continue
        roles: list[Mention] = []
        end, gap = item.mention.start, _APPOSITIVE_GAP
        for before in reversed(resolved[:number]):
            m = before.mention
            if m.kind != "role" or not (m.state or m.organization):
                break
            if not gap.fullmatch(text, m.end, end):
                break
            roles.insert(0, m)
            end, gap = m.start, ROLE_AND
        person = item.actors[0]
        for role in roles:
            where = (
                doc.registry.organization(role.organization)
                if role.organization
                else doc.registry.state(role.state or "")
            )
            post = doc.registry.post(role.titles[0], person, where)
            if post is not None:
                evidence = span(text, role.start, item.mention.end)
                add_holding(doc, person, post, evidence, role.titles[:1])


def appositive_post(doc: Doc, item: Resolved) -> None:
    """The post an appositive after a name gives ("Antony J. Blinken, Secretary of State";
    "Jose Ramos, the Foreign Minister of Peru,"): of the state it names, else the person's."""
    person = item.actors[0]
    text = doc.text
    match = _APPOSITIVE_TITLE.match(text, item.mention.end)
    if person.kind != "Person" or match is None:
        return
    words = match.group("title").split()
    g = doc.gazetteer
    where: Actor | None = None
    title = match.group("title")
    of_state = re.search(r"\s+of\s+(?:the\s+)?(?P<state>.+)$", title)
    named = of_state.group("state") if of_state else ""
    label = _label(g.states, named)
    if of_state and label:
        where = doc.registry.state(label)
        title = title[: of_state.start()]
        words = title.split()
    elif of_state and _body_name(named, g.title_words):
        # "Natan Ruiz, Chair of the Institute for the Study of Trade": a post of the body
        where = doc.registry.organization(_label(g.organizations, named) or named)
        title = title[: of_state.start()]
        words = title.split()
    if not all(w in g.title_words or w in ("of", "for", "the", "and") for w in words):
        return
    if not any(w in g.heads for w in words) or normalize(title) in _NO_PORTFOLIO:
        return
    post = doc.registry.post(title, person, where)
    if post is not None:
        add_holding(doc, person, post, span(text, item.mention.start, match.end("title")), (title,))


def role_post(doc: Doc, item: Resolved) -> None:
    """The post "in his role as <organisation or state> <title>" names after a person: of the
    organisation or state the role opens with (not one the portfolio names: "on Burma")."""
    text = doc.text
    match = _ROLE_AS.match(text, item.mention.end)
    if match is None:
        return
    words = match.group("role").split()
    g = doc.gazetteer
    for k in range(len(words) - 1, 0, -1):
        name = " ".join(words[:k])
        org, state = _label(g.organizations, name), _label(g.states, name)
        if org or state:
            title = " ".join(words[k:])
            where = doc.registry.organization(org) if org else doc.registry.state(state or "")
            break
    else:
        return
    head = re.split(r"\s+(?:for|on)\s+", title, maxsplit=1)[0].split()
    if not all(w in g.title_words or w in ("of", "the", "and") for w in head):
        return
    if not any(w in g.heads for w in head) or normalize(title) in _NO_PORTFOLIO:
        return
    post = doc.registry.post(title, item.actors[0], where)
    if post is not None:
        add_holding(
            doc, item.actors[0], post, span(text, item.mention.start, match.end()), (title,)
        )


def leader_post(doc: Doc, item: Resolved) -> None:
    """The home state's leading post a role names ("The Prime Minister" of a Downing Street
    readout, the holder of the day), held where the article first names it so."""
    m, home = item.mention, doc.coref.home
    if (
        m.kind != "role"
        or home is None
        or len(item.actors) != 1
        or len(m.titles) != 1
        or m.titles[0] not in doc.gazetteer.leaders
    ):
        return
    person = item.actors[0]
    if person.nationality != home.iri or any(h.person is person for h in doc.extraction.holdings):
        return
    post = doc.registry.post(m.titles[0], person, home)
    if post is not None:
        add_holding(doc, person, post, span(doc.text, m.start, m.end), m.titles)


def _label(names: dict[str, list[str]], name: str) -> str | None:
    """The gazetteer label ``name`` is, or is an alias of, among ``names`` (states or
    organisations), else None."""
    return next((label for label, aliases in names.items() if name in (label, *aliases)), None)


def _body_name(name: str, title_words: frozenset[str]) -> bool:
    """Whether ``name``, after a title's "of", names a body: capitalised words (two at least)
    and connectors, opening with no title word ("Institute for the Study of Trade", not the
    portfolio "Foreign Affairs")."""
    words = name.split()
    capitalised = [w for w in words if w[:1].isupper()]
    return (
        len(capitalised) > 1
        and words[0] not in title_words
        and all(w[:1].isupper() or w in ("of", "for", "the", "and", "on") for w in words)
    )


def add_holding(
    doc: Doc, person: Actor, post: Actor, evidence: Span, titles: tuple[str, ...]
) -> None:
    """The holding of ``post`` by ``person``, unless the article has it already."""
    key = f"holding-{local(person)}-{local(post)}"
    if key not in doc.keys:
        doc.keys.add(key)
        doc.extraction.holdings.append(Holding(key, person, post, evidence, titles))


class Holdings:
    """Adds the posts the sentence's titled mentions give their people."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        holdings(doc, at.resolved)
