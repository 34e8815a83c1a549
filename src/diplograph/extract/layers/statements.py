"""The statement frames: who said what of which kind, to whom, during which interaction, what
it cites; demands with their target and action."""

from __future__ import annotations

import re
from collections.abc import Sequence

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Resolved, actors_within
from diplograph.extract.layers.clauses import (
    ACCORDING_TO,
    HOSTING,
    OBJECT_BEFORE,
    OPENING,
    PASSIVE,
    QUOTED,
    SPEAKER_KINDS,
    Clause,
    gapped_objects,
)
from diplograph.extract.layers.coreference import is_person
from diplograph.extract.layers.doc import Cursor, Doc, unique
from diplograph.extract.layers.sides import own_names, side
from diplograph.extract.model import Statement
from diplograph.extract.statements import (
    _DEMAND_ACTION,
    _MUST,
    _NECESSARY,
    AID_COMMITTED,
    DEMAND_VERBS,
    NOT_STATEMENTS,
    SPEECH,
    base_verb,
    clean_action,
    event_code,
    kind_for,
    split_items,
)
from diplograph.extract.text import POSSESSIVE_END, Span, span

AGREEMENTS = frozenset({"Agreement", "JointCommunique", "Consensus", "Agenda"})
CITABLE = AGREEMENTS | {"Principle"}
# A state after "on", "against" ... is what a criticised act was done to, not who did it:
# "condemned Hamas' attacks on Israel", "the aggression against Ukraine".
_VICTIM = re.compile(r"\b(?:on|against|upon|into|targeting|towards?)\s+(?:the\s+)?$")
# A quotation's speaker named after it ("..., \u201d Pompeo said"), not a pronoun; a sentence
# opening with an official named by post in lower case ("The US secretary of state responded").
_NAMED_AFTER_QUOTE = re.compile(
    r"[\"\u201d]\s*(?!(?:He|She|They|It|We|I)\b)[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,3}"
    r"\s+(?:said|added|stated|noted|told|stressed|continued)\b"
)
_OWN_SUBJECT = re.compile(
    r"\s*(?:The|A|An)\s+(?:[A-Z][\w.]*\s+)?(?:[a-z-]+\s+){0,3}"
    r"(?:secretary|minister|president|ambassador|envoy|spokes(?:person|man|woman)|officials?"
    r"|diplomats?|leaders?|chancellor|premier)\b"
)
# A second predicate of what was said, its subject left out: "noted that ... and looks forward to",
# "... and stands ready to help": a statement of its own.
_SPLIT_CLAUSE = re.compile(r",?\s+and\s+(?=(?:looks? forward to|(?:stands?|remains?) ready to)\b)")


# A relative pronoun right before "must": its subject is the noun before it, not an actor named
# earlier in the clause.
_RELATIVE_END = re.compile(r"\b(?:that|which)\s+$")


def _attacked(text: str, item: Resolved) -> bool:
    """Whether the actor ``item`` names is what a criticised act was done to (:data:`_VICTIM`)."""
    return _VICTIM.search(text, max(0, item.mention.start - 16), item.mention.start) is not None


def statements(doc: Doc, cursor: Cursor) -> Actor | None:
    """The statements of a sentence; its speaker when it has one."""
    sentence, resolved = cursor.sentence, cursor.resolved
    last_speaker = doc.last_speaker
    text = doc.text
    heads = cursor.clauses  # the clause layer's
    continued = False  # the speaker is the paragraph's, not named in the sentence
    if not heads and ACCORDING_TO.match(text, sentence.start):
        return None  # "According to reports, ...": a source that is no actor
    if not heads:
        people = [
            r
            for r in resolved
            if is_person(r) and not OBJECT_BEFORE.search(text, sentence.start, r.mention.start)
        ]
        if last_speaker is None or people or last_speaker[0] != sentence.paragraph:
            return None
        opening = resolved[0] if resolved else None
        start = sentence.start
        if (
            opening is not None
            and opening.actors
            and opening.mention.kind in ("state", "organization", "known")
            and OPENING.fullmatch(text, sentence.start, opening.mention.start)
        ):
            # "The United States and Jamaica are partners in ...": a sentence about the
            # states it opens with is the narrator's, not the paragraph's speaker's; the
            # aid the publisher's own state has committed is that state's commitment
            if not _home_aid(doc, cursor, opening):
                return None
            heads = [Clause(opening.actors[:1], "", start, start, start, sentence.end)]
        else:
            matches = SPEECH.finditer(text, sentence.start, sentence.end)
            active = [m for m in matches if not PASSIVE.match(text, m.end())]
            if active and not QUOTED.search(text, sentence.start, active[0].start()):
                # "Participants discussed ...", "U.S. officials expressed ...": a subject the
                # sentence names but no mention resolves is not the paragraph's speaker
                return None
            if _NAMED_AFTER_QUOTE.search(text, sentence.start, sentence.end) or _OWN_SUBJECT.match(
                text, sentence.start
            ):
                # "'...,' Pompeo said", "The US secretary of state responded ...": a speaker
                # of its own, whom no mention resolves, not the paragraph's
                return None
            heads = [Clause([last_speaker[1]], "", start, start, start, sentence.end)]
            continued = True
    speakers = heads[0][0]
    said = [h for h in heads if h[1] not in NOT_STATEMENTS and h[1] != HOSTING]
    if not said:
        return None
    several = len(heads) > 1  # a clause of its own, even after a topic ("discussed")
    for who, verb, verb_at, content_start, _, end in heads:
        if verb in NOT_STATEMENTS or verb == HOSTING:
            continue
        if several:
            evidence = span(text, verb_at, end)
        else:
            evidence = span(text, sentence.start, sentence.end)
            end = sentence.end
            if verb and len(text[content_start:end].strip()) <= 2:
                content_start = sentence.start  # '"...," Wang said.': what was said first
        content = text[content_start:end]
        clauses = [(0, content)]
        split = _SPLIT_CLAUSE.search(content)
        if split:
            clauses = [(0, content[: split.start()]), (split.end(), content[split.end() :])]
        joint = len({(side(doc, a) or a).iri for a in who}) > 1
        gapped = gapped_objects(
            text, verb, content_start, content, joint, evidence, own_names(doc, *who)
        )
        if gapped and not split:
            clauses = [(offset, clause) for offset, clause, _ in gapped]
        for speaker in who:
            for offset, clause in clauses:
                if gapped and not split:
                    kind, evidence = next((k, e) for o, _, (k, e) in gapped if o == offset)
                else:
                    kind = kind_for(
                        verb if offset == 0 else "", clause, joint, own_names(doc, speaker)
                    )
                add_statement(
                    doc,
                    cursor,
                    speaker,
                    kind,
                    content_start + offset,
                    clause,
                    base_verb(verb),
                    continued,
                    evidence,
                    together=who,
                )
    return speakers[0] if len(speakers) == 1 else None


def _home_aid(doc: Doc, cursor: Cursor, opening: Resolved) -> bool:
    """Whether a sentence opening with the publisher's state alone reports aid it has committed
    ("Since May, the United States has committed $40 million in aid to ..."): the state's
    commitment, which its own government publishes."""
    resolved, sentence = cursor.resolved, cursor.sentence
    joined = len(resolved) > 1 and re.match(
        r"\s*(?:,|and)\s", doc.text[opening.mention.end : resolved[1].mention.start]
    )
    return (
        opening.actors == [doc.coref.home]
        and not joined
        and AID_COMMITTED.search(doc.text, opening.mention.end, sentence.end) is not None
    )


def add_statement(
    doc: Doc,
    cursor: Cursor,
    speaker: Actor,
    kind: str,
    at: int,
    clause: str,
    verb: str,
    continued: bool = False,
    evidence: Span | None = None,
    together: Sequence[Actor] = (),
) -> None:
    """One statement of ``speaker`` (``together``: all the speakers of its clause, when they
    speak jointly: none of them is another's addressee or target)."""
    index, sentence, resolved, main = cursor.number, cursor.sentence, cursor.resolved, doc.main
    text = doc.text
    during = None
    if main is not None and speaker in main.participants:
        during = main
    else:
        during = doc.index.last_with(speaker)
    speakers = [speaker, *(a for a in together if a is not speaker)]
    sides = [*speakers, *(side(doc, a) for a in speakers)]
    addressees = [p for p in during.participants if p not in speakers] if during else []
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
    if evidence is None:
        evidence = span(text, sentence.start, sentence.end)
    target_inferred = False
    if kind == "Criticism":
        own = speaker.nationality
        until = at + len(clause)  # the clause's own words: not the next clause's Ukraine
        states = [
            r.actors[0]
            for r in resolved
            if r.actors
            and r.actors[0].kind == "State"
            and at <= r.mention.start < until
            and r.actors[0].iri != own
            and r.actors[0] not in sides
            and not _attacked(text, r)
        ]
        if not states:  # "concerns regarding interference by the Taliban"
            states = [
                r.actors[0]
                for r in resolved
                if r.actors
                and r.actors[0].kind in ("Organization", "GovernmentBody", "PartyBody")
                and at <= r.mention.start < until
                and r.actors[0] not in sides
                and not _attacked(text, r)
                and r.actors[0] is not doc.registry.state_of(speaker)
                and r.actors[0] not in addressees
            ]
        # no target unless the clause names one: not the addressee ("condemned the attack")
        target = states[0] if states else None
        items: list[tuple[Span, str | None]] = [(evidence, None)]
    elif kind == "Demand":
        target, items = _demand(text, resolved, at, clause, verb, speakers)
        if not items and target is None:
            kind = "Assertion"
        elif target is None and len(addressees) == 1 and _ASKED_PRONOUN.match(clause):
            target, target_inferred = addressees[0], True  # "urged him to": the counterpart
    else:
        target, items = None, [(evidence, None)]
    if kind == "Assertion":
        items = [(evidence, None)]
    for number, (item_span, action) in enumerate(items, start=1):
        key = unique(f"{kind.lower()}-{index}-{number}", doc.keys)
        spans = [evidence] if item_span == evidence else [item_span, evidence]
        cameo = event_code(kind, verb, action or clause)
        doc.extraction.statements.append(
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
                target_inferred=target_inferred,
            )
        )


# Appeals whose object may be what is asked for, a noun phrase: "urged restraint", "encouraged
# continued dialogue", "pressed for accountability" (not "urged them", "urged that ...").
_NOMINAL_APPEALS = frozenset({"urged", "encouraged", "pressed"})
_NOMINAL = re.compile(r"\s*(?:for\s+)?(?!(?:him|her|them|us|that|all|both|each)\b)[a-z]")
# "urged him to", "called on them to": a pronoun, no name, for the one asked.
_ASKED_PRONOUN = re.compile(r"\s*(?:(?:on|upon)\s+)?(?:him|her|them)\s+(?:not\s+)?to\b")


def _demand(
    text: str,
    resolved: list[Resolved],
    at: int,
    clause: str,
    verb: str,
    speakers: list[Actor],
) -> tuple[Actor | None, list[tuple[Span, str | None]]]:
    """The target of a demand (None when the clause names no one to ask: "called for restraint",
    not the addressee) and what it is asked to do, one (span, action) per item of the action
    ("to X and Y"); no items when the clause asks for nothing or asks a speaker."""
    target: Actor | None = None
    action_at = -1
    negated = False
    necessary = _NECESSARY.search(clause)
    must = _MUST.search(clause)
    if necessary:
        target_at, action_at = at + necessary.start("target"), at + necessary.start("action")
        target = _actor_at(resolved, target_at, action_at)
    elif verb == "called for" and clause.strip():
        action_at = at + len(clause) - len(clause.lstrip())  # "called for accountability"
    elif verb in DEMAND_VERBS and _DEMAND_ACTION.search(clause):
        demand = _DEMAND_ACTION.search(clause)
        assert demand is not None
        action_at = at + demand.start("action")
        negated = demand.group("neg") is not None
        target = _actor_at(resolved, at, at + demand.start())
    elif verb in _NOMINAL_APPEALS and _NOMINAL.match(clause):
        action_at = at + len(clause) - len(clause.lstrip())  # "urged continued reforms"
    elif must:
        group = "action" if must.group("action") is not None else "should"
        action_at = at + must.start(group)
        # "Ukraine\u2019s voice must be central": no one asked, not the possessor
        owned = [r for r in resolved if not POSSESSIVE_END.match(text, r.mention.end)]
        if not _RELATIVE_END.search(text, at, at + must.start()):
            # "the first red line that must not be crossed": the line, no actor, must not
            target = _actor_at(owned, at, at + must.start(), last=True)
    if action_at < 0:
        return None, []
    if target is not None and target in speakers:
        return None, []
    action, covered = clean_action(text[action_at : at + len(clause)])
    items = []
    for offset, item in split_items(action):
        words = "not " + item if negated else item
        end = covered if offset + len(item) == len(action) else offset + len(item)
        items.append((span(text, action_at + offset, action_at + end), words))
    return target, [i for i in items if len(i[1]) >= 3]


def _actor_at(resolved: list[Resolved], start: int, end: int, last: bool = False) -> Actor | None:
    """The first (``last``: the last) actor that can speak inside ``start``..``end``."""
    found = actors_within(resolved, start, end, SPEAKER_KINDS)
    if not found:
        return None
    return found[-1] if last else found[0]


class Statements:
    """Adds the statements of a sentence outside a transcript's turns, and keeps its speaker as
    the paragraph's (``doc.last_speaker``) for a following sentence that names none."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        said = None
        if doc.turn is None or at.reported:
            said = statements(doc, at)
        if said is not None:
            doc.last_speaker = (at.sentence.paragraph, said)
        elif any(is_person(r) for r in at.resolved):
            doc.last_speaker = None
