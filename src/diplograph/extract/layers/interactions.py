"""The interaction frames: the meetings, talks, calls and visits a sentence reports (one per
counterpart or group of a list), the dialogues and summits it names, and earlier or planned
meetings it names by a dated noun."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Resolved
from diplograph.extract.dates import When, find_date, nearest, upcoming
from diplograph.extract.interactions import (
    ATTRIBUTION,
    CITY_FOR,
    DIALOGUE,
    SPOKESPERSON,
    TO_BE_AHEAD,
    Found,
    NamedEvent,
    find_interaction,
    find_named_events,
    find_visit,
    find_visit_by,
    is_dialogue_event,
    kind_of,
    planned,
)
from diplograph.extract.layers.clauses import reported_from
from diplograph.extract.layers.coreference import is_person, regroup
from diplograph.extract.layers.doc import Cursor, Doc, local, unique
from diplograph.extract.layers.participants import group_actor
from diplograph.extract.mentions import Mention
from diplograph.extract.model import Interaction
from diplograph.extract.text import POSSESSIVE_END, Sentence, Span, normalize, span

# "I" as the subject of a transcript's interaction: "I met ...", "X and I had a meeting", "I have
# just concluded the Dialogue with X"
_I_SUBJECT = re.compile(r"(?:^|\band\s+|,\s+)I\s+(?:(?:have|had|also|just|then|will)\s+)*$")


# "I'll travel to X", "I will visit X", "I traveled to X": the turn's speaker's trip
_I_TRAVEL = re.compile(
    r"\bI(?:[\u2019']ll)?(?=\s+(?:(?:will|then|also|later)\s+)*(?:travel|visit|arrived))"
    # "my visit to Kyiv", "In my meeting with Minister X": the speaker's own
    r"|\b[Mm]y(?=\s+(?:(?:recent|last|first|bilateral|official)\s+)?(?:visit|trip|meeting)\b)"
)


def _with_speaker(doc: Doc, sentence: Sentence, resolved: list[Resolved]) -> list[Resolved]:
    """The sentence's resolved mentions, with the turn's speaker where a transcript's "I" sets
    out on a trip or "my" names the speaker's visit or meeting."""
    speaker = doc.turn[0] if doc.turn is not None else None
    match = _I_TRAVEL.search(sentence.text) if speaker is not None else None
    if speaker is None or match is None:
        return resolved
    start, end = sentence.start + match.start(), sentence.start + match.end()
    me = Resolved(Mention("pronoun", start, end, match.group()), [speaker])
    return sorted([*resolved, me], key=lambda r: r.mention.start)


# A trip the text reports as made ("traveled to", "visited", "arrived in"), not planned.
_PAST_TRIP = re.compile(r"\b(?:travell?ed|visited|arrived)\b")
_PLANNED_TRIP = re.compile(rf"\b(?:will|plans?\s+to|{TO_BE_AHEAD})\s")


def add_interaction(doc: Doc, sentence: Sentence, found: Found) -> Interaction | None:
    """The interaction ``found`` reports, added unless it is one told again (then that one);
    one per counterpart or group of a list; its date, place, hosts and visitors. None when
    fewer than two take part."""
    main = doc.main  # a sentence naming one participant: the others are its counterparts
    participants = list(found.participants)
    if found.place is None and found.place_name:
        found.place = doc.registry.place(found.place_name)
    if found.groups and found.subjects:
        # "met with A on Monday in X, and with B on Tuesday in Y": one meeting each
        subjects = participants[: found.subjects]
        first = None
        for members, begin, end, place in found.groups:
            one = replace(
                found,
                participants=[*subjects, *members],
                groups=[],
                place=place or found.place,
                dated=(begin, end),
            )
            made = add_interaction(doc, sentence, one)
            first = first or made
        return first
    if found.separate and found.subjects and len(participants) - found.subjects >= 2:
        # "meetings with A and B": one meeting of those who met them with each counterpart
        subjects = participants[: found.subjects]
        first = None
        for counterpart in participants[found.subjects :]:
            one = replace(found, participants=[*subjects, counterpart], separate=False)
            made = add_interaction(doc, sentence, one)
            first = first or made
        return first
    inferred: list[tuple[str, str]] = []
    if len(participants) == 1 and main is not None:
        if _UNNAMED_WITH.search(sentence.text):
            return None  # "He is scheduled to meet with diplomats and senior leaders"
        own = participants[0].nationality
        if own is None and participants[0] is not main.participants[0]:
            if not _of_named_state(doc, sentence, main.participants[0]):
                return None  # "Zelenskyy met with his Polish counterpart": not the principal
            # whose side the one named is on is unknown: the readout's principal met them
            participants.append(main.participants[0])
        else:
            participants += [
                p
                for p in main.participants
                if p.nationality != own
                and p not in participants
                and _of_named_state(doc, sentence, p)
            ]
        inferred.append(
            (
                "participant",
                "The sentence names one participant: the others are its counterparts in the "
                "article's main interaction.",
            )
        )
    if len(participants) < 2:
        return None
    article = doc.article
    begin, end = found.dated or (sentence.start, sentence.end)
    reported = ATTRIBUTION.search(article.text, begin, end)  # ", the newspaper reported Wednesday"
    end = reported.start() if reported else end
    when = find_date(article.text, begin, article.published, end, of_nouns=False)
    if when is None and found.dated:
        when = find_date(article.text, sentence.start, article.published, sentence.end, False)
    trigger = kind_of(sentence.text)
    planned_one = trigger is not None and planned(sentence.text, trigger[1])
    if when is not None and planned_one:
        when = upcoming(when, article.published)  # "will meet on Friday": the next Friday
    if when is None and doc.main is None and not planned_one:
        when = _lede_day(doc, sentence, participants)
    if found.place is None and found.kind in ("Meeting", "Talks") and not planned_one:
        found = replace(found, place=_dateline_place(doc, when))
    key = unique(f"{found.kind.lower()}-" + "-".join(local(p) for p in participants[:4]), doc.keys)
    evidence = [span(article.text, sentence.start, sentence.end)]
    interaction = Interaction(key, found.kind, participants, evidence, when, None, found.place)
    interaction.inferred = inferred
    if found.kind == "Visit":  # "A hosted B for an official visit"
        if not 0 < found.subjects < len(participants):
            return None
        interaction.hosts = participants[: found.subjects]
        interaction.visitors = participants[found.subjects :]
    if when is not None:
        interaction.when_span = span(article.text, when.offset, when.offset + len(when.expression))
    if found.place is not None:
        host_state = doc.gazetteer.places.get(found.place.label)
        if host_state:
            state = doc.registry.state(host_state)
            hosts = [p for p in participants if p.nationality == state.iri]
            if hosts and len(hosts) < len(participants):
                interaction.hosts = hosts
                interaction.visitors = [p for p in participants if p not in hosts]
                why = (
                    f"Host and visitor are inferred from the place: {found.place.label} is in "
                    f"{state.label}, the hosts' state."
                )
                interaction.inferred += [("host", why), ("visitor", why)]
    # "A and B agreed to meet again": no retelling of their meeting on another day
    other = (
        None
        if planned_one and when is None
        else doc.index.same(participants, interaction.kind, when)
    )
    if other is None and when is not None and not planned_one:
        other = _told_undated(doc, interaction)
    if other is not None:
        # the same interaction told again ("@StateDeptSpox: A called B ..."): one
        doc.index.add_evidence(other, evidence)
        return other
    if interaction.kind in ("Meeting", "Talks") and interaction.part_of is None:
        # "Yellen traveled to Beijing ... On Sunday she met Premier Li Qiang": part of the trip
        for trip in doc.extraction.interactions:
            if (
                trip.kind == "Visit"
                and trip.visitors
                and all(v in participants for v in trip.visitors)
            ):
                _hosted_in(doc, trip, interaction)
                if interaction.place is trip.place:
                    interaction.part_of = trip
                break
    doc.extraction.interactions.append(interaction)
    return interaction


def _dateline_place(doc: Doc, when: When | None) -> Actor | None:
    """The place of a news report's dateline ("TUNIS (AFP) -"), for a meeting the sentence
    gives no place: the article's first, or one of the days around its publication."""
    name = doc.dateline
    if name is None or doc.gazetteer.state_called(name) is not None:
        return None  # "Ukraine — ..." names no city
    if doc.main is not None and (
        when is None or abs(when.start - doc.article.published) > _NEWS_DAYS
    ):
        return None
    return doc.registry.place(name)


_NEWS_DAYS = dt.timedelta(days=2)


def _lede_day(doc: Doc, sentence: Sentence, participants: list[Actor]) -> When | None:
    """The day of the article's first sentence, for its first interaction, told undated in the
    next paragraph, when that sentence names one of its participants: "Blinken confronted
    China's top diplomat on Saturday ... Blinken met Wang Yi on the sidelines of ...", as news
    reports put the day in the lede only."""
    lede = doc.sentences[0][1] if doc.sentences else None
    if lede is None or lede.start == sentence.start or sentence.paragraph > lede.paragraph + 1:
        return None
    names = {alias for p in participants if p.kind == "Person" for alias in p.aliases}
    if not any(re.search(rf"\b{re.escape(name)}\b", lede.text) for name in names):
        return None
    published = doc.article.published
    when = find_date(doc.text, lede.start, published, lede.end, of_nouns=False)
    if when is None or when.start > published or when.end is not None:
        return None
    return when


_AGAIN = re.compile(r"\b(?:again|once more|a second time)\b")


def _told_undated(doc: Doc, told: Interaction) -> Interaction | None:
    """The undated in-person interaction of the same participants that ``told`` (dated) tells
    again with its day and place, which it takes: a news report's lede "A and B held talks on
    the sidelines of X" and its second paragraph "the two met in Lima on Thursday"."""
    if told.kind not in ("Meeting", "Talks") or _AGAIN.search(told.evidence[0].text):
        return None  # "met again on Thursday": another meeting
    for kind in ("Meeting", "Talks"):
        undated = doc.index.same(told.participants, kind, None)
        if undated is not None and undated.when is None and not undated.inferred:
            undated.when, undated.when_span = told.when, told.when_span
            undated.place = undated.place or told.place
            return undated
    return None


def add_dialogue(doc: Doc, match: re.Match[str]) -> None:
    """Talks between the two sides a dialogue is named after ("U.S.-Bahrain Strategic
    Dialogue"), a meeting of those a dated summit is named after ("the upcoming U.S.-ASEAN
    Special Summit"), each once per article; the sides are states or organisations."""
    if not is_dialogue_event(doc.text, match):
        return
    if match.group("noun") != "Summit" and any(
        e.start <= match.start() and match.end() <= e.end
        for i in doc.extraction.interactions
        if i.kind == "Talks"
        for e in i.evidence
    ):
        return  # "A and B convened a round of the U.S.-X Strategic Dialogue": these talks
    sides = []
    for name in (match.group("a"), match.group("b")):
        side = side_named(doc, normalize(name).rstrip("."))
        if side is None:
            return
        sides.append(side)
    if sides[0] is sides[1]:
        return
    kind = "Meeting" if match.group("noun") == "Summit" else "Talks"
    if doc.index.same(sides, kind, None) is not None:
        return
    key = unique(f"{kind.lower()}-" + "-".join(local(p) for p in sides), doc.keys)
    evidence = [span(doc.text, match.start(), match.end())]
    doc.extraction.interactions.append(
        Interaction(key, kind, sides, evidence, place=_city_for(doc, match.start()))
    )


def _city_for(doc: Doc, start: int) -> Actor | None:
    """The gazetteer city of "in Washington for the ..." right before ``start``."""
    city = CITY_FOR.search(doc.text, max(0, start - 80), start)
    if city is None or city.group("city") not in doc.gazetteer.places:
        return None
    return doc.registry.place(city.group("city"))


def side_named(doc: Doc, key: str) -> Actor | None:
    """The state or organisation whose gazetteer name or alias, normalised, is ``key``."""
    for table, make in (
        (doc.gazetteer.states, doc.registry.state),
        (doc.gazetteer.organizations, doc.registry.organization),
    ):
        for label, aliases in table.items():
            if key in {normalize(n).rstrip(".") for n in (label, *aliases)}:
                return make(label)
    return None


def add_named_event(doc: Doc, named: NamedEvent) -> None:
    """An earlier or planned interaction the text names by a dated noun; "their" adds the
    participants of the main interaction. Nothing when it is one already found."""
    main = doc.main
    participants = list(named.participants)
    # "his recent engagement with Russian counterparts"
    participants += [group_actor(doc, group) for group in named.groups]
    participants += _listed_officials(doc, named.officials)
    if named.of_group and main is not None:
        participants = [p for p in main.participants if p not in participants] + participants
    if len(participants) < 2:
        return
    text = doc.text
    when = None
    if named.date is not None:
        when = find_date(text, named.date.start, doc.article.published, named.date.end)
        if when is None:
            return
        if not named.past:  # "their June 8 meeting" may be planned: the nearest June 8
            when = nearest(when, doc.article.published)
    if doc.index.same(participants, None, when) is not None:
        return
    if (
        when is None
        and named.place is None
        and main is not None
        and main.kind == named.kind
        and not named.earlier
        and {p.iri for p in main.participants} <= {p.iri for p in participants}
    ):
        return  # "following their meeting, they ...": the meeting in scope, not another
    key = unique(f"{named.kind.lower()}-" + "-".join(local(p) for p in participants[:4]), doc.keys)
    evidence = [span(text, named.where.start, named.where.end)]
    interaction = Interaction(key, named.kind, participants, evidence, when, place=named.place)
    if when is not None:
        interaction.when_span = span(text, when.offset, when.offset + len(when.expression))
    if named.of_group:
        interaction.inferred.append(
            (
                "participant",
                "The text says their meeting: the participants of the article's main "
                "interaction take part.",
            )
        )
    doc.extraction.interactions.append(interaction)


def _listed_officials(doc: Doc, officials: list[tuple[str, str]]) -> list[Actor]:
    """The officials a named event lists by post ("the Armenian and Azerbaijani Foreign
    Ministers"), each of the state its adjective names; none unless every adjective names one."""
    found = []
    for label, adjective in officials:
        state = side_named(doc, normalize(adjective))
        if state is None or state.kind != "State":
            return []
        found.append(doc.registry.official(label, doc.article.id, state))
    return found


def add_visit(
    doc: Doc,
    visit: tuple[Actor, Actor, Span],
    sentence: Sentence | None = None,
) -> None:
    """The trip of ``visit`` (visitor, destination, words), hosted by the destination's state, and
    the meetings of the visitor it is the setting of."""
    visitor, destination, where = visit
    # a state destination is the host ("will travel to China"); a city's host is its state
    host_label = (
        destination.label
        if destination.kind == "State"
        else doc.gazetteer.places.get(destination.label)
    )
    if not host_label:
        return
    host = doc.registry.state(host_label)
    if host.iri == visitor.nationality:
        return
    place = destination if destination.kind == "Place" else None
    evidence = [span(doc.text, where.start, where.end)]
    for told in doc.extraction.interactions:
        if told.kind == "Visit" and told.visitors == [visitor] and told.hosts == [host]:
            # "Cho's visit to China" and then "his recent trip to Beijing": one trip
            told.place = told.place or place
            doc.index.add_evidence(told, evidence)
            return
    key = unique(f"visit-{local(visitor)}-{local(destination)}", doc.keys)
    trip = Interaction(
        key, "Visit", [visitor, host], evidence, place=place, hosts=[host], visitors=[visitor]
    )
    if place is not None:
        why = f"The host, {host.label}, is inferred from the destination, {place.label}."
        trip.inferred = [("host", why), ("participant", why)]
    if sentence is not None:  # "... planned visit to Washington on August 30"
        published = doc.article.published
        when = find_date(doc.text, where.end, published, sentence.end)
        if when is None or when.offset - where.end > 20:
            # "Tonight Secretary X departs for Y", "On Friday, X will travel to Y": a date that
            # opens the sentence
            when = find_date(doc.text, sentence.start, published, where.start)
            if when is not None and (
                when.offset - sentence.start > 4
                or where.start - (when.offset + len(when.expression)) > 40
            ):
                when = None  # not a day the sentence's main clause is dated by, far before
        if when is not None:
            # "traveled to X on June 18": the latest June 18, as for any interaction
            past = _PAST_TRIP.search(doc.text, where.start, where.end)
            ahead = _PLANNED_TRIP.search(doc.text, where.start, where.end)
            # "is scheduled to travel to X on Thursday": the next Thursday
            trip.when = (
                when if past else upcoming(when, published) if ahead else nearest(when, published)
            )
            trip.when_span = span(doc.text, when.offset, when.offset + len(when.expression))
    for other in doc.extraction.interactions:
        if visitor in other.participants and other.kind in ("Meeting", "Talks"):
            other.part_of = trip
            if (
                other.place is None
                and place is not None
                and sentence is not None
                and other.evidence[0].start
                in (
                    sentence.start,
                    where.start,
                )
            ):
                # "traveled to X for meetings with A and B": the meetings are in X
                other.place = place
                other.inferred.append(
                    ("place", f"The sentence reports the trip to {place.label} it is part of.")
                )
            else:
                _hosted_in(doc, trip, other)
            other.inferred.append(
                (
                    "partOfVisit",
                    f"Part of the visit: {visitor.label} takes part in it, and the article "
                    "reports the trip.",
                )
            )
    doc.extraction.interactions.append(trip)


_STAY = dt.timedelta(days=14)  # the longest stay a trip dated by one day is read to have


def _hosted_in(doc: Doc, trip: Interaction, meeting: Interaction) -> None:
    """A meeting of the visitor with officials of the host's state (or of no known state) takes
    place in the trip's city, when the article reports no other trip to that state: "Yellen
    traveled to Beijing ... She met Premier Li Qiang"."""
    if trip.place is None or meeting.place is not None or not trip.hosts:
        return
    host = trip.hosts[0]
    visitors = {v.iri for v in trip.visitors}
    counterparts = [p for p in meeting.participants if p.iri not in visitors]
    own = {v.nationality for v in trip.visitors}
    if not counterparts or any(
        p.nationality not in (None, host.iri) or p.nationality in own or p.kind != "Person"
        for p in counterparts
    ):
        return
    trips = [i for i in doc.extraction.interactions if i.kind == "Visit" and host in i.hosts]
    if trips not in ([], [trip]):
        return
    words = " ".join(e.text for e in trip.evidence)
    cities = {p for p, state in doc.gazetteer.places.items() if state == host.label and p in words}
    if len(cities) > 1:
        return  # "traveled to Guangzhou ... then to Beijing": one trip, which city unknown
    if meeting.when is not None and trip.when is not None:
        # "traveled to Beijing on Saturday": a day of arrival, the stay after it
        last = trip.when.end or trip.when.start + _STAY
        if not trip.when.start <= meeting.when.start <= last:
            return
    meeting.place = trip.place
    meeting.inferred.append(
        (
            "place",
            f"A meeting with an official of {host.label} during the trip to {trip.place.label}, "
            "the only trip to it the article reports.",
        )
    )


def add_visit_by(doc: Doc, visit: tuple[list[Actor], Actor, Span]) -> None:
    """The trip named by its visitors (``visit``: visitors, destination, words), hosted by the
    destination's state; a listed person of the host's own state is no visitor."""
    listed, place, where = visit
    host_label = place.label if place.kind == "State" else doc.gazetteer.places.get(place.label)
    if not host_label:
        return
    host = doc.registry.state(host_label)
    visitors = [v for v in listed if v.nationality != host.iri]
    if not visitors:
        return
    key = unique(f"visit-{local(visitors[0])}-{local(place)}", doc.keys)
    evidence = [span(doc.text, where.start, where.end)]
    # a dip:place is a city or region: a state destination is the host, not a place
    where_to = place if place.kind == "Place" else None
    trip = Interaction(
        key, "Visit", [*visitors, host], evidence, place=where_to, hosts=[host], visitors=visitors
    )
    trip.inferred = [("host", f"The host, {host.label}, is the state of the destination.")]
    doc.extraction.interactions.append(trip)


class Interactions:
    """Adds the interactions the sentence reports (the first one the article's main
    interaction), the dialogues, summits, earlier meetings and trips it names; "the two sides"
    resolved again once their group is known."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        text, sentence, coref = doc.text, at.sentence, doc.coref
        found = find_interaction(sentence, at.taking_part)
        trigger = kind_of(sentence.text)
        speaker = doc.turn[0] if doc.turn is not None else None
        if (
            found is not None
            and trigger is not None
            and speaker is not None
            and speaker not in found.participants
            and _I_SUBJECT.search(sentence.text, 0, trigger[1])
        ):
            # "Minister Ruiz and I had a very productive meeting": the turn's speaker
            found.participants.insert(0, speaker)
            found.subjects += 1
        reported = reported_from(text, sentence, at.resolved)
        if (
            found is not None
            and reported is not None
            and trigger is not None
            and sentence.start + trigger[1] >= reported
        ):
            found = None  # "A noted that B met C": a claim of A's, not a fact
        if found is not None:
            made = add_interaction(doc, sentence, found)
            if made is not None:
                doc.main = doc.main or made
                if made is doc.main:
                    coref.group = list(doc.main.participants)
                    # "..., where they reiterated": the group the sentence has just named
                    at.resolved = [regroup(r, coref, doc.previous) for r in at.resolved]
                elif len(made.participants) == 2:
                    # "He also held talks with his counterpart B, and the two ministers agreed":
                    # the two of this sentence's own interaction, for this sentence's clauses
                    at.group = list(made.participants)
        # a trip named inside reported speech ("said that Blinken's trip to Beijing comes at
        # ...") is presupposed, not claimed: it stays
        for named in find_named_events(sentence, _with_speaker(doc, sentence, at.resolved)):
            add_named_event(doc, named)
        for match in DIALOGUE.finditer(text, sentence.start, sentence.end):
            add_dialogue(doc, match)
        for trip in find_visit(sentence, _with_speaker(doc, sentence, at.resolved)):
            add_visit(doc, trip, sentence)
        named_trip = find_visit_by(sentence, at.resolved)
        if named_trip is not None:
            add_visit_by(doc, named_trip)
        if found is None and doc.extraction.interactions:
            _add_joiners(doc, at, reported)
        if doc.main is None and not coref.group:
            # no interaction found yet: "the two sides", "they" are the readout's principal
            # and counterpart, the people it first names together; not one named inside the
            # speech it reports or as a possessor ("stressed that Putin's regime ...")
            people = {
                a.iri: a
                for r in at.resolved
                if is_person(r)
                and not any(SPOKESPERSON.search(t) for t in r.mention.titles)
                and (reported is None or r.mention.end <= reported)
                and not POSSESSIVE_END.match(text, r.mention.end)
                for a in r.actors
            }
            if len(people) < 2:  # a joint statement: "The United States and Japan reaffirm"
                people = {a.iri: a for a in _joint_states(at)}
            if len(people) >= 2:
                coref.group = list(people.values())
                at.resolved = [regroup(r, coref, doc.previous) for r in at.resolved]


# Participants the sentence names in lower case, whom no rule reads ("meet with diplomats")
_UNNAMED_WITH = re.compile(
    r"\bwith\s+(?:(?!(?:the|his|her|their|its|our|him|them)\b)[a-z]"
    # "met with his advisers": people of his own, not a counterpart
    r"|(?:his|her|their|its|our)\s+(?!(?:\w+\s+)?counterparts?\b)(?:\w+\s+)?"
    r"(?:advisers|advisors|aides|staff|team|cabinet|officials|ministers|generals|commanders)\b)"
)
# "spoke to his Russian counterpart": the counterpart of the state the adjective names
_STATE_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?P<state>[A-Z][\w-]*)\s+counterparts?\b")


def _of_named_state(doc: Doc, sentence: Sentence, actor: Actor) -> bool:
    """Whether ``actor`` is of the state the sentence names its counterpart by ("his Russian
    counterpart": Lavrov, not Blinken, of the main call with both); True when it names none."""
    match = _STATE_COUNTERPART.search(sentence.text)
    side = side_named(doc, normalize(match.group("state"))) if match else None
    return side is None or side.kind != "State" or actor.nationality == side.iri


# Someone who joins an interaction the text has reported: "King Abdullah also joined the call",
# "The leaders were joined by X", "to invite him to join the meeting". The noun names the
# interaction's kind; the joiners are the persons before "joined" (or between "invite" and "to
# join"), or after "joined by".
_JOINED = re.compile(
    r"\b(?P<invite>invit(?:ed?|ing)\b[^.;]{0,60}?\bto\s+)?join(?:ed)?\s+(?:the|their|this|today['\u2019]s)\s+"
    r"(?:(?:phone|telephone|video|virtual|trilateral|bilateral)\s+)?"
    r"(?P<noun>call|conversation|meeting|talks|discussions?|session)\b"
    r"|\b(?:was|were)\s+(?:also\s+)?joined\s+(?P<by>by)\b"
)
_INVITED_PRONOUN = re.compile(r"\b(?:him|her)\s+to\s+$")
# "Following their bilateral meeting, A and B were joined by C for the Trilateral Vice Foreign
# Ministerial Meeting": a meeting of its own, on the day and at the place of the one before
_AFTER_THEIR = re.compile(
    r"\b(?:[Ff]ollowing|[Aa]fter)\s+(?:their|the)\s+(?:\w+\s+)?(?:meeting|talks)\b"
)
_FOR_NAMED_MEETING = re.compile(
    r"\s+for\s+(?:the|a)\s+(?:[\w\u2019'.-]+\s+){0,8}?"
    r"(?:Meeting|Dialogue|Talks|Consultations?|Summit|Ministerial)\b"
)
_JOINED_KINDS = {
    "call": ("Call", "PhoneCall", "VideoCall"),
    "conversation": ("Call", "PhoneCall", "VideoCall"),
    "meeting": ("Meeting",),
    "session": ("Meeting", "Talks"),
    "talks": ("Talks", "Meeting"),
    "discussion": ("Meeting", "Talks", "Call", "PhoneCall", "VideoCall"),
    "discussions": ("Talks", "Meeting", "Call", "PhoneCall", "VideoCall"),
}


def _add_joiners(doc: Doc, at: Cursor, reported: int | None) -> None:
    """Adds to the latest interaction of the kind the sentence names the persons it says joined
    it; nothing inside reported speech, or when none is of that kind."""
    sentence = at.sentence
    match = _JOINED.search(sentence.text)
    if match is None or (reported is not None and sentence.start + match.start() >= reported):
        return
    begin, end = sentence.start + match.start(), sentence.start + match.end()
    if match.group("by"):
        kinds: tuple[str, ...] = ("Meeting", "Talks", "Call", "PhoneCall", "VideoCall")
        persons = [r for r in at.resolved if r.mention.start >= end]
    else:
        kinds = _JOINED_KINDS[match.group("noun").lower()]
        if match.group("invite"):
            persons = [r for r in at.resolved if begin <= r.mention.start < end]
            if not persons and _INVITED_PRONOUN.search(match.group("invite")):
                # "took the opportunity of King Abdullah's visit to invite him to join": the
                # person last named before, not the sentence's subject
                before = [r for r in at.resolved[1:] if r.mention.end <= begin and is_person(r)]
                persons = before[-1:]
        else:
            persons = [r for r in at.resolved if r.mention.end <= begin]
    named = [r for r in persons if is_person(r)]
    joiners = [a for r in named for a in r.actors[:1]]
    if match.group("by") and named and _FOR_NAMED_MEETING.match(doc.text, named[0].mention.end):
        everyone: list[Actor] = []
        hosts = [
            a for r in at.resolved if r.mention.end <= begin and is_person(r) for a in r.actors
        ]
        for actor in [*hosts, *joiners]:
            if actor not in everyone:
                everyone.append(actor)
        _named_meeting(doc, at, everyone)
        return
    joined = next((i for i in reversed(doc.extraction.interactions) if i.kind in kinds), None)
    if joined is None or joined.kind == "Visit":
        return
    for joiner in joiners:
        if joiner not in joined.participants:
            joined.participants.append(joiner)
    if joined is doc.main:
        doc.coref.group = list(joined.participants)


def _named_meeting(doc: Doc, at: Cursor, participants: list[Actor]) -> None:
    """The meeting "A and B were joined by C for" names: a meeting of all of them, not the one
    A and B held before ("Following their bilateral meeting, ..."), on the day the sentence
    gives, if any."""
    if len(participants) < 3:
        return
    text, sentence = doc.text, at.sentence
    when = find_date(text, sentence.start, doc.article.published, sentence.end, of_nouns=False)
    place = None
    after = doc.index.last_with(participants[0]) if _AFTER_THEIR.search(sentence.text) else None
    if after is not None and when is None:  # "Following their bilateral meeting, ...": its day
        when, place = after.when, after.place
    key = unique("meeting-" + "-".join(local(p) for p in participants[:4]), doc.keys)
    evidence = [span(text, sentence.start, sentence.end)]
    event = Interaction(key, "Meeting", participants, evidence, when, place=place)
    if when is not None and after is None:
        event.when_span = span(text, when.offset, when.offset + len(when.expression))
    doc.extraction.interactions.append(event)
    doc.coref.group = list(participants)  # "The three vice ministers condemned ..."


def _joint_states(at: Cursor) -> list[Actor]:
    """The states a sentence opens with, joined by "and" ("The United States and Japan ..."),
    when there are two or more; else none."""
    text = at.sentence.text
    states: list[Actor] = []
    end = 0
    for item in at.resolved:
        begin = item.mention.start - at.sentence.start
        gap = text[end:begin]
        if not (item.actors and item.actors[0].kind == "State"):
            break
        if states and gap.strip(" ,") not in ("and", ""):
            break
        if not states and gap.strip() not in ("", "The", "the"):
            break
        states.append(item.actors[0])
        end = item.mention.end - at.sentence.start
    return states if len(states) >= 2 else []
