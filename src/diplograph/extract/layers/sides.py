"""The side each statement's speaker speaks for (dip:onBehalfOf)."""

from __future__ import annotations

from diplograph.extract.actors import Actor
from diplograph.extract.layers.doc import Doc


def side(doc: Doc, speaker: Actor) -> Actor | None:
    """The side ``speaker`` speaks for: a state itself; a person's state by a post the article
    attests (up org:postIn and org:subOrganizationOf), else the organisation of a post in no
    state and no party (an international organisation), else by nationality; an
    organisation's state, else the organisation itself; an unnamed group, the side of the state
    or organisation it is named by ("U.S. officials"). A person whose every post in the
    article is a former one ("former President Carter") speaks for no side."""
    registry = doc.registry
    if speaker.kind == "State":
        return speaker
    owner = registry.actors.get(speaker.part_of or "")
    if registry.is_group(speaker) and owner is not None:
        return side(doc, owner)  # "NUG representatives" speak for the NUG
    if speaker.kind != "Person":
        return registry.state_of(speaker) or speaker
    posts = [h.post for h in doc.extraction.holdings if h.person is speaker]
    if posts and all(post.label.lower().startswith("former ") for post in posts):
        return None  # "former President Carter" speaks for no state, nor by his nationality
    for post in posts:
        state = registry.state_of(registry.actors.get(post.post_in or ""))
        if state is not None:
            return state
    for post in posts:
        where = registry.actors.get(post.post_in or "")
        if where is not None and where.kind not in ("PoliticalParty", "PartyBody"):
            return where  # "OSCE Chairman-in-Office Zbigniew Rau" speaks for the OSCE
    if speaker.nationality in registry.actors:
        return registry.actors[speaker.nationality]
    return None


def own_names(doc: Doc, *speakers: Actor) -> tuple[str, ...]:
    """The names the sides of ``speakers`` go by in the text, for the cues of a side binding
    itself ("said the UK would continue to"): each side's label and, for a state, its gazetteer
    names ("UK", "U.K.", "British": "the British government will")."""
    names: set[str] = set()
    for speaker in speakers:
        # a speaker of no known side in a government's readout ("Prime Minister Rishi Sunak" in
        # Downing Street's): the publisher's state is the one whose binding the text can report
        own = side(doc, speaker) or doc.coref.home
        if own is None:
            continue
        names.add(own.label)
        names.update(own.aliases)  # the registry's: "China" of the People's Republic of China
        if own.kind == "State":
            names.update(doc.gazetteer.states.get(own.label, ()))
    return tuple(sorted(names))


class Sides:
    """Adds each statement's side (``on_behalf_of``), by the holdings of the whole article."""

    def __call__(self, doc: Doc) -> None:
        for statement in doc.extraction.statements:
            statement.on_behalf_of = side(doc, statement.speaker)
