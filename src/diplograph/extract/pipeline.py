"""Extracting one article: sentences, mentions, actors, interactions, statements, stances."""

from __future__ import annotations

import re

from diplograph.extract.actors import Actor, Registry
from diplograph.extract.coreference import Coreference, Resolved
from diplograph.extract.corpus import Article
from diplograph.extract.dates import find_date
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.interactions import Found, find_interaction, find_visit, kind_of
from diplograph.extract.mentions import Lexicon, MentionFinder, RuleMentionFinder
from diplograph.extract.model import Claim, Extraction, Holding, Interaction, Stance, Statement
from diplograph.extract.statements import (
    _DEMAND_ACTION,
    _MUST,
    _NECESSARY,
    DEMAND_VERBS,
    NOT_STATEMENTS,
    SPEECH,
    clean_action,
    event_code,
    kind_for,
    split_items,
)
from diplograph.extract.text import Sentence, Span, normalize, sentences, slug, span
from diplograph.vocab import CODE

AGREEMENTS = frozenset({"Agreement", "JointCommunique", "Consensus", "Agenda"})
CITABLE = AGREEMENTS | {"Principle"}
# Who can speak, be a demand's target or be criticised.
SPEAKER_KINDS = ("Person", "State", "Organization", "GovernmentBody", "PartyBody")
# The text says an agreement was reached: in its own words ("the consensus reached by the two
# heads of state") or right after them ("the agreement they signed in 2021").
_REACHED = re.compile(r"\b(?:reached|set|agreed|adopted|signed|concluded|struck)\b")
_REACHED_AFTER = re.compile(
    r"\s*(?:(?:that|which)\s+(?:was|were)\s+)?(?:reached|set|agreed|adopted|signed|concluded)\b"
    r"[^,;.]*"
)
PERSONLIKE = frozenset({"person", "name", "role", "pronoun", "group", "known"})
_SUBJECT_GAP = re.compile(r"^\s*(?:,[^,]{1,160},)?\s*(?:also |further |again |then )?$")
_BOILERPLATE = re.compile(
    r"^(?:The (?:below|following) is attributable|Office of the Spokesperson)"
)
_BEFORE_BARE_NAME = re.compile(r"\b(?:with|including|and)\s+$")
_AFTER_BARE_NAME = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:Chair|President|Minister|Envoy|Secretary|Director|Head|Ambassador)\b"
)
_SPLIT_CLAUSE = re.compile(r",?\s+and\s+(?=looks? forward to\b)")
# A person after one of these ("proposed by Chinese President Xi Jinping") is no new speaker.
_OBJECT_BEFORE = re.compile(r"\b(?:by|with|to|of|from|for)\s+$")


class Extractor:
    """Turns articles into :class:`Extraction` records, sharing one registry across a corpus."""

    def __init__(
        self, registry: Registry, gazetteer: Gazetteer, finder: MentionFinder | None = None
    ):
        self.registry = registry
        self.gazetteer = gazetteer
        self.finder = finder or RuleMentionFinder(Lexicon.build(gazetteer, registry.known_labels()))

    def extract(self, article: Article) -> Extraction:
        publisher = self.registry.publisher(article.publisher)
        home_label = self.gazetteer.publishers.get(article.publisher)
        home = self.registry.state(home_label) if home_label else None
        # whose account the article is: its publisher, and the state a government publisher is of
        according_to = [publisher]
        publisher_state = self.registry.state_of(publisher)
        if publisher_state is not None and publisher_state is not publisher:
            according_to.append(publisher_state)
        result = Extraction(article, publisher, according_to)
        coref = Coreference(self.registry, home, article.published)
        text = article.text
        previous: list[Actor] = []
        last_speaker: tuple[int, Actor] | None = None
        main: Interaction | None = None
        keys: set[str] = set()
        for index, sentence in enumerate(sentences(text)):
            if _BOILERPLATE.match(sentence.text):
                continue
            resolved = [
                Resolved(m, coref.resolve(m, previous))
                for m in self.finder.find(text, sentence.start, sentence.end)
            ]
            self._holdings(result, resolved, keys)
            if kind_of(sentence.text) is not None:
                resolved = [self._bare_name(text, item, coref) for item in resolved]
            found = find_interaction(sentence, resolved)
            if found is not None:
                interaction = self._interaction(result, sentence, found, main, keys)
                if interaction is not None:
                    main = main or interaction
                    if interaction is main:
                        coref.group = list(main.participants)
            visit = find_visit(sentence, resolved)
            if visit is not None:
                self._visit(result, visit, keys)
            said = self._statements(result, index, sentence, resolved, main, last_speaker, keys)
            if said is not None:
                last_speaker = (sentence.paragraph, said)
            elif any(_is_person(r) for r in resolved):
                last_speaker = None
            subject = [a for r in resolved[:1] if r.mention.kind in PERSONLIKE for a in r.actors]
            if subject:
                previous = subject
        for statement in result.statements:
            statement.on_behalf_of = self._side(result, statement.speaker)
        self._claims(result)
        self._stances(result)
        return result

    def _side(self, result: Extraction, speaker: Actor) -> Actor | None:
        """The side ``speaker`` speaks for: a state itself; a person's state by a post the article
        attests (up org:postIn and org:subOrganizationOf), else by nationality, else the
        organisation of a post in no state and no party (an international organisation); an
        organisation's state, else the organisation itself."""
        registry = self.registry
        if speaker.kind == "State":
            return speaker
        if speaker.kind != "Person":
            return registry.state_of(speaker) or speaker
        posts = [h.post for h in result.holdings if h.person is speaker]
        for post in posts:
            state = registry.state_of(registry.actors.get(post.post_in or ""))
            if state is not None:
                return state
        if speaker.nationality in registry.actors:
            return registry.actors[speaker.nationality]
        for post in posts:
            where = registry.actors.get(post.post_in or "")
            if where is not None and where.kind not in ("PoliticalParty", "PartyBody"):
                return where
        return None

    # --- post holdings -------------------------------------------------------------------------

    def _holdings(self, result: Extraction, resolved: list[Resolved], keys: set[str]) -> None:
        for item in resolved:
            m = item.mention
            if m.kind != "person" or not item.actors or m.title_span is None:
                continue
            person = item.actors[0]
            where = None
            if m.organization:
                where = self.registry.organization(m.organization)
            elif m.state:
                where = self.registry.state(m.state)
            for title in m.titles:
                post = self.registry.post(title, person, where)
                if post is None:
                    continue
                key = f"holding-{_local(person)}-{_local(post)}"
                if key in keys:
                    continue
                keys.add(key)
                evidence = span(result.article.text, m.title_span[0], m.end)
                result.holdings.append(Holding(key, person, post, evidence))

    # --- interactions --------------------------------------------------------------------------

    def _bare_name(self, text: str, item: Resolved, coref: Coreference) -> Resolved:
        """An untitled full name where an interaction names its participants is a person: "met
        with Staffan de Mistura, the UN ...", "with NUG representatives, including Zin Mar Aung"."""
        m = item.mention
        if m.kind != "name" or item.actors or m.name is None or len(m.name.split()) < 2:
            return item
        before = text[max(0, m.start - 12) : m.start]
        after = text[m.end : m.end + 40]
        if _BEFORE_BARE_NAME.search(before) or _AFTER_BARE_NAME.match(after):
            person = self.registry.person(m.name, None)
            coref.remember(person)
            return Resolved(m, [person])
        return item

    def _interaction(
        self,
        result: Extraction,
        sentence: Sentence,
        found: Found,
        main: Interaction | None,
        keys: set[str],
    ) -> Interaction | None:
        participants = list(found.participants)
        inferred: list[tuple[str, str]] = []
        if len(participants) == 1 and main is not None:
            own = participants[0].nationality
            participants += [
                p for p in main.participants if p.nationality != own and p not in participants
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
        article = result.article
        when = find_date(article.text, sentence.start, article.published, sentence.end)
        key = _unique(
            f"{found.kind.lower()}-" + "-".join(_local(p) for p in participants[:4]), keys
        )
        evidence = [span(article.text, sentence.start, sentence.end)]
        interaction = Interaction(key, found.kind, participants, evidence, when, None, found.place)
        interaction.inferred = inferred
        if when is not None:
            interaction.when_span = span(
                article.text, when.offset, when.offset + len(when.expression)
            )
        if found.place is not None:
            host_state = self.gazetteer.places.get(found.place.label)
            if host_state:
                state = self.registry.state(host_state)
                hosts = [p for p in participants if p.nationality == state.iri]
                if hosts and len(hosts) < len(participants):
                    interaction.hosts = hosts
                    interaction.visitors = [p for p in participants if p not in hosts]
                    why = (
                        f"Host and visitor are inferred from the place: {found.place.label} is in "
                        f"{state.label}, the hosts' state."
                    )
                    interaction.inferred += [("host", why), ("visitor", why)]
        result.interactions.append(interaction)
        return interaction

    def _visit(self, result: Extraction, visit: tuple[Actor, Actor, Span], keys: set[str]) -> None:
        visitor, place, where = visit
        host_label = self.gazetteer.places.get(place.label)
        if not host_label:
            return
        host = self.registry.state(host_label)
        if host.iri == visitor.nationality:
            return
        key = _unique(f"visit-{_local(visitor)}-{_local(place)}", keys)
        evidence = [span(result.article.text, where.start, where.end)]
        trip = Interaction(
            key, "Visit", [visitor, host], evidence, place=place, hosts=[host], visitors=[visitor]
        )
        why = f"The host, {host.label}, is inferred from the destination, {place.label}."
        trip.inferred = [("host", why), ("participant", why)]
        for other in result.interactions:
            if visitor in other.participants and other.kind in ("Meeting", "Talks"):
                other.part_of = trip
                other.inferred.append(
                    (
                        "partOfVisit",
                        f"Part of the visit: {visitor.label} takes part in it, and the article "
                        "reports the trip.",
                    )
                )
        result.interactions.append(trip)

    def _claims(self, result: Extraction) -> None:
        """Where a statement says a cited agreement was reached ("the consensus reached by the
        two heads of state"), the claim that it was reached at the meeting a curated article says
        it was (re-reported, cited, not coded); the meeting is marked inferred unless the text
        names its place ("... in Bali"). Nothing when the text does not say it was reached."""
        text = result.article.text
        known: dict[str, Interaction] = {}
        said: set[tuple[str, int, int]] = set()
        keys: set[str] = {s.key for s in result.statements}
        for statement in result.statements:
            for cited, mention in zip(statement.cites, statement.cited_at, strict=True):
                event = self.registry.events.get(cited.iri)
                if event is None or (cited.iri, mention.start, mention.end) in said:
                    continue
                end = mention.end
                if not _REACHED.search(mention.text):
                    after = _REACHED_AFTER.match(text, mention.end)
                    if after is None:
                        continue
                    end = after.end()
                said.add((cited.iri, mention.start, mention.end))
                evidence = span(text, mention.start, end)
                place = self.registry.actors.get(event.place or "")
                named = place is not None and normalize(place.label) in normalize(evidence.text)
                interaction = known.get(event.iri)
                if interaction is None:
                    interaction = Interaction(
                        event.iri,
                        event.kind,
                        [self.registry.actors[p] for p in event.participants],
                        [evidence],
                        place=place,
                        known=event.iri,
                        label=event.label,
                    )
                    known[event.iri] = interaction
                    result.interactions.append(interaction)
                elif evidence not in interaction.evidence:
                    interaction.evidence.append(evidence)
                key = _unique(f"claim-{_local(cited)}-reached-at-{_local_iri(event.iri)}", keys)
                result.claims.append(
                    Claim(key, statement, cited, "reachedAt", interaction, [evidence], not named)
                )

    # --- statements ----------------------------------------------------------------------------

    def _statements(
        self,
        result: Extraction,
        index: int,
        sentence: Sentence,
        resolved: list[Resolved],
        main: Interaction | None,
        last_speaker: tuple[int, Actor] | None,
        keys: set[str],
    ) -> Actor | None:
        text = result.article.text
        speakers: list[Actor] = []
        verb = ""
        continued = False  # the speaker is the paragraph's, not named in the sentence
        content_start = sentence.start
        for match in SPEECH.finditer(text, sentence.start, sentence.end):
            subject = self._subject(text, resolved, match.start(), sentence.start)
            if subject:
                speakers, verb, content_start = subject, match.group(0), match.end()
                break
        if not speakers:
            people = [
                r
                for r in resolved
                if _is_person(r)
                and not _OBJECT_BEFORE.search(text, sentence.start, r.mention.start)
            ]
            if last_speaker is None or people or last_speaker[0] != sentence.paragraph:
                return None
            speakers, verb, continued = [last_speaker[1]], "", True
            content_start = sentence.start
        if verb in NOT_STATEMENTS:
            return None
        if verb and len(text[content_start : sentence.end].strip()) <= 2:
            content_start = sentence.start  # '"...," Wang said.': what was said comes first
        content = text[content_start : sentence.end]
        clauses = [(0, content)]
        split = _SPLIT_CLAUSE.search(content)
        if split:
            clauses = [(0, content[: split.start()]), (split.end(), content[split.end() :])]
        for speaker in speakers:
            for offset, clause in clauses:
                kind = kind_for(verb if offset == 0 else "", clause)
                self._statement(
                    result,
                    index,
                    sentence,
                    resolved,
                    main,
                    speaker,
                    kind,
                    content_start + offset,
                    clause,
                    keys,
                    verb,
                    continued,
                )
        return speakers[0] if len(speakers) == 1 else None

    def _subject(
        self, text: str, resolved: list[Resolved], verb_at: int, start: int
    ) -> list[Actor]:
        before = [r for r in resolved if r.mention.end <= verb_at]
        speakers: list[Actor] = []
        position = verb_at
        for item in reversed(before):
            gap = text[item.mention.end : position]
            if speakers and gap.strip() not in ("and", ",", ", and"):
                break
            if not speakers and not _SUBJECT_GAP.match(text[item.mention.end : verb_at]):
                if _is_person(item):
                    break
                continue
            if not _is_person(item) and item.mention.kind not in ("pronoun", "group"):
                if speakers:
                    break
                continue
            for actor in item.actors:
                if actor.kind in SPEAKER_KINDS and actor not in speakers:
                    speakers.insert(0, actor)
            position = item.mention.start
        return speakers

    def _statement(
        self,
        result: Extraction,
        index: int,
        sentence: Sentence,
        resolved: list[Resolved],
        main: Interaction | None,
        speaker: Actor,
        kind: str,
        at: int,
        clause: str,
        keys: set[str],
        verb: str,
        continued: bool = False,
    ) -> None:
        text = result.article.text
        during = None
        if main is not None and speaker in main.participants:
            during = main
        else:
            for other in reversed(result.interactions):
                if speaker in other.participants and other.kind != "Visit":
                    during = other
                    break
        addressees = [p for p in during.participants if p is not speaker] if during else []
        cites: list[Actor] = []
        cited_at: list[Span] = []
        for item in resolved:
            if (
                item.mention.start >= sentence.start
                and item.actors
                and item.actors[0].kind in CITABLE
                and item.actors[0] not in cites
            ):
                cites.append(item.actors[0])
                cited_at.append(span(text, item.mention.start, item.mention.end))
        evidence = span(text, sentence.start, sentence.end)
        if kind == "Criticism":
            own = speaker.nationality
            states = [
                r.actors[0]
                for r in resolved
                if r.actors
                and r.actors[0].kind == "State"
                and r.mention.start >= at
                and r.actors[0].iri != own
            ]
            target = states[0] if states else (addressees[0] if addressees else None)
            items: list[tuple[Span, str | None]] = [(evidence, None)]
            if target is None:
                kind = "Assertion"
        elif kind == "Demand":
            target, items = self._demand(text, resolved, at, clause, verb, speaker, addressees)
            if target is None:
                kind = "Assertion"
        else:
            target, items = None, [(evidence, None)]
        if kind == "Assertion":
            items = [(evidence, None)]
        for number, (item_span, action) in enumerate(items, start=1):
            key = _unique(f"{kind.lower()}-{index}-{number}", keys)
            spans = [evidence] if item_span == evidence else [item_span, evidence]
            cameo = event_code(kind, verb, action or clause)
            result.statements.append(
                Statement(
                    key,
                    kind,
                    speaker,
                    spans,
                    addressees,
                    during,
                    target,
                    action,
                    cites,
                    cited_at,
                    cameo,
                    speaker_inferred=continued,
                )
            )

    def _demand(
        self,
        text: str,
        resolved: list[Resolved],
        at: int,
        clause: str,
        verb: str,
        speaker: Actor,
        addressees: list[Actor],
    ) -> tuple[Actor | None, list[tuple[Span, str | None]]]:
        target: Actor | None = None
        action_at = -1
        negated = False
        necessary = _NECESSARY.search(clause)
        must = _MUST.search(clause)
        if necessary:
            target_at, action_at = at + necessary.start("target"), at + necessary.start("action")
            target = self._actor_at(resolved, target_at, action_at)
        elif verb in DEMAND_VERBS and _DEMAND_ACTION.search(clause):
            demand = _DEMAND_ACTION.search(clause)
            assert demand is not None
            action_at = at + demand.start("action")
            negated = demand.group("neg") is not None
            target = self._actor_at(resolved, at, at + demand.start())
        elif must:
            action_at = at + must.start("action")
            target = self._actor_at(resolved, at, at + must.start(), last=True)
        if action_at < 0:
            return None, []
        if target is None and addressees:
            target = addressees[0]
        if target is None or target is speaker:
            return None, []
        action, covered = clean_action(text[action_at : at + len(clause)])
        items = []
        for offset, item in split_items(action):
            words = "not " + item if negated else item
            end = covered if offset + len(item) == len(action) else offset + len(item)
            items.append((span(text, action_at + offset, action_at + end), words))
        return target, [i for i in items if len(i[1]) >= 3]

    @staticmethod
    def _actor_at(
        resolved: list[Resolved], start: int, end: int, last: bool = False
    ) -> Actor | None:
        found = [
            r.actors[0]
            for r in resolved
            if start <= r.mention.start
            and r.mention.end <= end
            and r.actors
            and r.actors[0].kind in SPEAKER_KINDS
        ]
        if not found:
            return None
        return found[-1] if last else found[0]

    # --- stances -------------------------------------------------------------------------------

    def _stances(self, result: Extraction) -> None:
        """The stances demands and commitments express: of the side the speaker speaks for, on the
        issues of the gazetteer their words name, and in support of the first agreement or
        principle they cite ("must truly adhere to the one-China principle")."""
        text = result.article.text
        stances: dict[str, Stance] = {}

        def express(
            statement: Statement, where: Span, issue: str, label: str, polarity: str
        ) -> None:
            assert statement.on_behalf_of is not None
            holder = statement.on_behalf_of
            key = f"stance-{_local(holder)}-{polarity}-{issue.rsplit('/', 1)[-1]}"
            stance = stances.setdefault(key, Stance(key, holder, issue, label, polarity, [], []))
            if statement not in stance.expressed_by:
                stance.expressed_by.append(statement)
            if where not in stance.evidence:
                stance.evidence.append(where)

        for statement in result.statements:
            if statement.kind not in ("Demand", "Commitment") or statement.on_behalf_of is None:
                continue
            where = statement.evidence[0]  # the demanded action, else the sentence
            for issue, phrases in self.gazetteer.issues.items():
                hits = sorted(
                    (found, phrase)
                    for phrase in phrases
                    if (found := text.find(phrase, where.start, where.end)) >= 0
                )
                for at, _phrase in hits[:1]:
                    before = text[max(where.start, at - 50) : at].lower()
                    oppose = re.search(
                        r"\b(?:stop|lift|refrain|oppose|not|against|interfer\w*)\b", before
                    )
                    polarity = "oppose" if oppose or issue.endswith("interference") else "support"
                    label = issue.replace("-", " ")
                    express(statement, where, f"{CODE}issue/{issue}", label, polarity)
            cited = [
                actor
                for actor, mention in zip(statement.cites, statement.cited_at, strict=True)
                if where.start <= mention.start and mention.end <= where.end
            ]
            if cited:
                express(statement, where, cited[0].iri, cited[0].label, "support")
        result.stances = [stances[k] for k in sorted(stances)]


def _is_person(item: Resolved) -> bool:
    """Whether a resolved mention stands for one or more people."""
    return (
        item.mention.kind in PERSONLIKE
        and bool(item.actors)
        and all(a.kind == "Person" for a in item.actors)
    )


def _local(actor: Actor) -> str:
    return _local_iri(actor.iri)


def _local_iri(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _unique(key: str, keys: set[str]) -> str:
    candidate, number = slug(key), 2
    while candidate in keys:
        candidate, number = f"{slug(key)}-{number}", number + 1
    keys.add(candidate)
    return candidate


__all__ = ["Extractor", "Sentence"]
