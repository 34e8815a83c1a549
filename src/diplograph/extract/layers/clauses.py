"""The clause layer: the reporting clauses of a sentence, each with its speakers, its verb, where
the verb starts, where its complement starts, and where the clause starts and ends
(:class:`Clause`); and where a sentence's reported speech starts.

The layer is a step of the sentence pass (:class:`Clauses`, :mod:`.discourse`), not a component
of its own: a clause's speakers are resolved mentions ("he", "the two ministers") and the
participants of the interaction in scope, so it runs per sentence after coreference and the
interaction frames, right before the statement frames, which read ``at.clauses``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from diplograph.extract.actors import Actor
from diplograph.extract.coreference import Resolved
from diplograph.extract.interactions import ATTRIBUTION, kind_of
from diplograph.extract.layers.coreference import ROLE_AND, is_person
from diplograph.extract.layers.doc import Cursor, Doc
from diplograph.extract.statements import (
    NOT_STATEMENTS,
    PARTICIPLES,
    PURPOSE_VERBS,
    SPEECH,
    kind_for,
)
from diplograph.extract.text import Sentence, Span, span

# Who can speak, be a demand's target or be criticised.
SPEAKER_KINDS = ("Person", "State", "Organization", "GovernmentBody", "PartyBody")
# "The United States and its Allies and partners will respond": the state speaks for them too
_ALLIES = r"(?:\s+and\s+(?:its|our)\s+(?:[Aa]llies|partners)(?:\s+and\s+(?:[Aa]llies|partners))?)?"
_SUBJECT_GAP = re.compile(
    rf"^{_ALLIES}\s*(?:,[^,]{{1,160}},)?\s*"
    r"(?:(?:also|further|again|then|once again|both|all|together|has|have|had|\w+ly) ){0,3}$"
)  # ("They both expressed", "The two ministers all agreed", "A and B have urged")
_JOINT_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?|\s*,\s*")
# What opens a coordinated reporting clause with the subject before ("..., and urged", "; also
# noted"), a participle clause (", emphasizing"), a clause with a subject of its own ("..., and the
# two ministers agreed"); what ends a clause; a quotation before a verb (no clause inside it).
_CLAUSE_HEAD = re.compile(
    r"(?:,\s*(?:and|but)?|;\s*(?:and)?|\s(?:and|but))\s+(?:(?:also|further|again|then|\w+ly)\s+){0,2}$"
)
# (", while reaffirming that ...", ", and recognizing ...", "discussed X while reaffirming ...")
_PARTICIPLE_HEAD = re.compile(
    r"(?:,\s+(?:(?:while|and|also|further|again|\w+ly)\s+){0,2}|\s+while\s+(?:\w+ly\s+)?)$"
)
_NEW_SUBJECT = re.compile(
    r"(?:,\s*and|;|\sand|,\s*but|,\s*where|,\s*during which|,\s*when)\s+(?:[^\s,;]+\s+){1,8}$"
)
HOSTING = "welcomed (a visitor)"
# Present and future stance predicates: a foreign state so described is the narrator's account.
_STANCE_PRESENT = re.compile(
    r"supports|stands with|(?:is|are|remains|remain) (?:\w+ )?committed|will (?:continue|work) to"
)
# A bare "and" before a verb, and an auxiliary after a subject: the finite verb of a clause.
_BARE_AND = re.compile(r"[^,;]\s+and\s+(?:(?:also|further|\w+ly)\s+)?$")
_FINITE = re.compile(r"\s+(?:has|have|had|is|are|was|were|will|would|can|could)\b")
# A plural subject no mention resolves, right before the verb: the interaction's participants.
_PLURAL_SUBJECT = re.compile(
    r"(?:(?:^|[,;]\s*|\band\s+|\b(?:During|After|At|In) [^,]{1,60},\s*)(?:[Tt]he|[Bb]oth|[Aa]ll)"
    r"|\band)\s+(?:(?:two|three|four|five|six|other)\s+)?(?:[\w.-]+\s+){0,3}"
    r"(?i:sides|parties|ministers|leaders|participants|counterparts|delegations|teams|principals"
    r"|representatives|envoys|delegates|group|presidents|secretaries"
    r"|discussion|discussions)\s+(?:(?:also|further|again|jointly|together|\w+ly)\s+){0,2}$"
)
# A reporting verb coordinated with the sentence's first predicate ("A spoke today with B and
# underscored ..."): the sentence opens with its subject, after a fronted adverbial at most, and
# a finite verb of the interaction follows it.
_COORDINATED_PREDICATE = re.compile(r"[^,;]\s+and\s+(?:(?:also|further|\w+ly)\s+)?$")
OPENING = re.compile(r"(?:(?:On|In|Since|Earlier|Today|Yesterday|Last)\b[^,]{0,40},\s*)?")
_PREDICATE_AFTER = re.compile(
    r"\s+(?:(?:also|today|yesterday|\w+ly)\s+)*(?:met|spoke|talked|held|hosted|called)\b"
)
# The purpose clause of an interaction ("... with B to reaffirm", "..., and condemn", "and to
# welcome").
_PURPOSE = re.compile(
    r"(?:\bto|,?\s+and(?:\s+to)?)\s+(?P<verb>"
    + "|".join(sorted(PURPOSE_VERBS, key=len, reverse=True))
    + r")\b"
)
_FIRST_INFINITIVE = re.compile(r"\bto\s+(?P<verb>[a-z]+)\b")
# "According to the Foreign Ministry, ...": the source of what follows the comma.
ACCORDING_TO = re.compile(r"(?:[Aa]ccording to)\s+")
_SOURCE_END = re.compile(r"\s*,\s*")
# "Participants discussed ...", "All expressed ...": a bare plural opening the sentence.
_BARE_PLURAL_SUBJECT = re.compile(
    r"(?:Participants|Both|All|Both leaders|Both ministers|All participants)\s+"
    r"(?:(?:also|further|again|jointly|\w+ly)\s+){0,2}"
)
_LEADING = re.compile(
    r"(?:(?:And|But|Also|In addition),?\s+)?(?P<verb>"
    + "|".join(p.capitalize() for p in sorted(PARTICIPLES))
    + r")\b"
)
_HE_OR_SHE = re.compile(r"\b(?:he|she)\s+(?:(?:also|further|again|\w+ly)\s+)?$")
_TO_PLACE = re.compile(r",?\s+(?:back\s+)?to\s+(?:the\s+)?[A-Z]")
_STATE_GAP = re.compile(rf"{_ALLIES}\s+(?:(?:also|further|again|\w+ly)\s+)?|\s*,?\s+and\s+|\s*,\s*")
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:that|which|in|on|against|toward|towards|about|over)\s+)$"
)
PASSIVE = re.compile(r"\s+by\b")  # "the principles proposed by ...": no reporting clause
_REPORTED = re.compile(r"\s+that\b|\s*[,:]?\s*[\"\u201c]")
QUOTED = re.compile(r"[\"\u201c\u201d]")
# A person after one of these ("proposed by Chinese President Xi Jinping") is no new speaker.
OBJECT_BEFORE = re.compile(r"\b(?:by|with|to|of|from|for)\s+$")
# A mention in a list of examples ("including Iraq and Syria"): an object, never a subject.
_LISTED = re.compile(r"\b(?:including|such as|notably|especially|like)\s+[^,;]*$")
_LISTED_WINDOW = 120  # characters before a mention that _LISTED looks at (bounded: linear)

# The second object of a gapped reporting verb that names the speaker's support or commitment
# ("... and support for", "..., and the U.S. commitment to"; not "enduring and steadfast support").
_GAPPED_OBJECT = re.compile(
    r",?\s+and\s+(?=(?:(?:the\s+)?(?:U\.S\.|United States[\u2019']s?|his|her|their|our|its)\s+"
    r"(?:(?:unwavering|steadfast|continued|strong|full|firm|ironclad|enduring)\s+)*)?"
    r"(?:support|commitment)\s+(?:for|to)\b)"
    # "... commitment to X, as well as the importance of Y": an assertion after a commitment
    r"|,\s+(?:and|as well as)\s+(?=the (?:importance|need) (?:of|for)\b)"
)

# What a clause's evidence leaves out at its end: punctuation and the conjunction of the next
# ("and", the "and to" of a second purpose infinitive).
_CLAUSE_TAIL = re.compile(r"(?:[\s,;.]|\band(?:\s+to)?\b|\bbut\b|\bwhile\b)+$")

Head = tuple[list[Actor], str, int, int, int]  # (speakers, verb, verb at, complement at, start)


class Clause(NamedTuple):
    """A reporting clause: its speakers, its verb ("" for a sentence that continues the
    paragraph's speaker), and offsets into the text: the verb, its complement, the clause's
    start (after the previous clause) and its end (before the next, punctuation trimmed)."""

    speakers: list[Actor]
    verb: str
    verb_at: int
    complement_at: int
    start: int
    end: int


class Clauses:
    """Adds ``at.clauses`` (and, through the sentence pass, ``doc.clauses``): the sentence's
    reporting clauses (:func:`clause_heads`), else its interaction's purpose clause
    (:func:`purpose`), else its "According to X," (:func:`according_to`)."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        text, sentence, resolved = doc.text, at.sentence, at.resolved
        matches = list(SPEECH.finditer(text, sentence.start, sentence.end))
        main = doc.main
        group = list(main.participants) if main is not None else list(doc.coref.group)
        if {a.iri for a in doc.coref.group} > {a.iri for a in group}:
            # "were joined by C for the Trilateral Meeting. The vice ministers condemned ...":
            # the main interaction's people and those who joined them since
            group = list(doc.coref.group)
        group = at.group or group  # "He also held talks with B, and the two ministers agreed"
        heads = (
            clause_heads(text, sentence, resolved, matches, group)
            or purpose(text, sentence, resolved)
            or according_to(text, sentence, resolved)
        )
        home = doc.coref.home
        if home is not None:
            heads = [h for h in heads if not _narrated(h, home)]
        if len(heads) == 1 and _sourced_interaction(text, sentence, heads[0][2]):
            heads = []
        clauses: list[Clause] = []
        for number, (who, verb, verb_at, complement_at, start) in enumerate(heads):
            end = heads[number + 1][4] if number + 1 < len(heads) else sentence.end
            end = verb_at + len(_CLAUSE_TAIL.sub("", text[verb_at:end]))
            clauses.append(Clause(who, verb, verb_at, complement_at, start, end))
        at.clauses = clauses


def _sourced_interaction(text: str, sentence: Sentence, verb_at: int) -> bool:
    """Whether the sentence reports an interaction and names its source at the end, the one
    reporting verb (``verb_at``) being the source's: "A met B, the foreign ministry said" is
    the interaction, sourced, and no statement of the ministry's or of B's."""
    source = ATTRIBUTION.search(text, sentence.start, sentence.end)
    if source is None or verb_at < source.start():
        return False
    reported = text[sentence.start : source.start()]
    return kind_of(reported) is not None and not QUOTED.search(reported)


def clause_heads(
    text: str,
    sentence: Sentence,
    resolved: list[Resolved],
    matches: list[re.Match[str]],
    group: list[Actor],
) -> list[Head]:
    """The reporting clauses of a sentence, each as (speakers, verb, where the verb starts,
    where its complement starts): the first verb with a subject, then each reporting verb
    that opens a coordinated clause ("..., and urged", "; he also noted", ", emphasizing"),
    with the subject it names ("and the two ministers agreed") or the one before."""
    heads: list[Head] = []
    # "Expressing concern about X, the Secretary urged ...": a participle clause before the
    # subject
    leading = _LEADING.match(text, sentence.start)
    for match in matches:
        verb = match.group(0)
        if heads and match.start() < heads[-1][3]:
            continue
        before_verb = text[sentence.start : match.start()]
        if verb in _INVERTED and _AS_SAID.search(before_verb):
            continue  # "as Linda said, thank you": the speaker's own words, citing another
        subject = subject_of(text, resolved, match.start(), sentence.start)
        if not subject and (
            _PLURAL_SUBJECT.search(before_verb) or _BARE_PLURAL_SUBJECT.fullmatch(before_verb)
        ):
            subject = group  # "the participants agreed", "X and the two ministers pledged"
        if not subject and not heads and _COORDINATED_PREDICATE.search(before_verb):
            subject = opening_subject(text, sentence, resolved)
        if not subject and verb in _INVERTED and _AFTER_QUOTE.search(before_verb):
            subject = _named_after(resolved, match.end())  # '"...," said John Kirby.'
        if not subject and group:
            subject = _joint_with_unknown(text, resolved, match.start(), group)
        if verb == "welcomed" and _hosting(text, resolved, match.end()):
            verb = HOSTING  # "welcomed the Minister to Washington": a host, not a statement
        if not heads:
            if leading is not None and match.start() < leading.end():
                continue
            if subject:
                start = match.start()
                comma = text.rfind(",", leading.end(), start) if leading else -1
                if leading is not None and comma > 0:
                    said = leading.group("verb").lower()
                    verb_at = leading.start("verb")
                    heads.append((subject, said, verb_at, leading.end(), verb_at))
                    start = comma
                heads.append((subject, verb, match.start(), match.end(), start))
            continue
        before = text[heads[-1][3] : match.start()]
        if QUOTED.search(text, sentence.start, match.start()):
            break  # inside a quotation, or after one
        at = match.start()
        participle = verb in PARTICIPLES
        if (participle and _PARTICIPLE_HEAD.search(before)) or (
            not participle
            and _CLAUSE_HEAD.search(before)
            and not (
                (heads[-1][1] in NOT_STATEMENTS or verb.startswith("will "))
                and _inner_predicate(text, resolved, heads[-1][3], at)
            )
        ):
            heads.append((heads[-1][0], verb, at, match.end(), at))
        elif verb not in PARTICIPLES:
            new = _NEW_SUBJECT.search(before)
            if not subject and new and _HE_OR_SHE.search(before):
                subject = heads[-1][0]  # "X welcomed Y to Z, where he reaffirmed": X
            if subject and new:
                heads.append((subject, verb, at, match.end(), heads[-1][3] + new.start()))
    return heads


# '"...," said Ruiz': the speaker named after the verb that follows a quotation
_INVERTED = frozenset({"said", "says", "added", "told", "stated"})
_AFTER_QUOTE = re.compile(r'["\u201d]\s*,?\s*$')
# "as Linda said", "As the President has said": a parenthetical citing another speaker
_AS_SAID = re.compile(r"(?:^|[^\w\s]\s*|\s)[Aa]s\s+[^,.;:]{1,40}?(?:\s+(?:has|had|just))?\s+$")


def _named_after(resolved: list[Resolved], at: int) -> list[Actor]:
    """The person or state whose mention starts right after offset ``at`` (a space away)."""
    for item in resolved:
        if at < item.mention.start <= at + 2 and item.actors:
            return [a for a in item.actors if a.kind in ("Person", "State")][:1]
    return []


def _narrated(head: Head, home: Actor) -> bool:
    """Whether a clause is the narrator's account of a foreign state's stance, in the present
    or future ("Jamaica stands with ...", "Ruritania supports ..." in a text of the publisher of
    ``home``'s state), no statement of that state; the publisher's own state speaks so."""
    who, verb = head[0], head[1]
    return (
        _STANCE_PRESENT.fullmatch(verb) is not None
        and bool(who)
        and all(a.kind == "State" and a is not home for a in who)
    )


def _inner_predicate(text: str, resolved: list[Resolved], start: int, verb_at: int) -> bool:
    """Whether the verb at ``verb_at``, joined by a bare "and", continues a clause of another
    subject inside the previous complement (from ``start``): "discussed the sanctions the United
    States has imposed and will continue to impose" is the United States's predicate, no
    statement. Asked after a topic ("discussed") or of a modal predicate ("will continue to"):
    after "noted that X has ... and urged", "urged" is the speaker's."""
    if not _BARE_AND.search(text, start, verb_at):
        return False
    return any(
        start <= r.mention.start
        and r.mention.end < verb_at
        and r.actors
        and r.actors[0].kind in SPEAKER_KINDS
        and _FINITE.match(text, r.mention.end) is not None
        for r in resolved
    )


def purpose(text: str, sentence: Sentence, resolved: list[Resolved]) -> list[Head]:
    """The reporting verbs of an interaction's purpose clause ("A spoke today with B to
    reaffirm X and condemn Y"), as clauses of the person who opens the sentence; none when
    the sentence reports no interaction or opens with no one."""
    if kind_of(sentence.text) is None:
        return []
    speakers = opening_subject(text, sentence, resolved)
    if not speakers:
        return []
    first = _FIRST_INFINITIVE.search(text, sentence.start, sentence.end)
    if first is None or first.group("verb") not in PURPOSE_VERBS:
        return []  # "to discuss ways to welcome ...": the purpose is a topic
    heads: list[Head] = []
    for match in _PURPOSE.finditer(text, first.start(), sentence.end):
        if heads and not match.group(0).lstrip(", ").startswith("and"):
            break  # "to reaffirm X and condemn Y", not a later infinitive inside X
        verb = PURPOSE_VERBS[match.group("verb")]
        at = match.start("verb")
        heads.append((speakers, verb, at, match.end(), at))
    return heads


def according_to(text: str, sentence: Sentence, resolved: list[Resolved]) -> list[Head]:
    """ "According to X, ...": what follows the comma is X's (a person, state or
    organisation), as if X said it; no clause otherwise."""
    opening = ACCORDING_TO.match(text, sentence.start)
    if opening is None:
        return []
    source = next((r for r in resolved if r.mention.start == opening.end()), None)
    comma = _SOURCE_END.match(text, source.mention.end) if source else None
    if source is None or comma is None:
        return []
    speakers = [a for a in source.actors if a.kind in SPEAKER_KINDS]
    if not speakers:
        return []
    return [(speakers, "said", sentence.start, comma.end(), sentence.start)]


def gapped_objects(
    text: str,
    verb: str,
    start: int,
    content: str,
    joint: bool,
    evidence: Span,
    own: tuple[str, ...] = (),
) -> list[tuple[int, str, tuple[str, Span]]]:
    """A reporting verb with two coordinated objects of different kinds ("reiterated the
    importance of X and support for Y": an assertion and a commitment), as one clause per
    object, each (offset in ``content``, clause, (kind, evidence)); none otherwise. The first
    keeps the evidence up to the conjunction, the second is its own object."""
    if not verb:
        return []
    cut = _GAPPED_OBJECT.search(content)
    if cut is None:
        return []
    first, second = content[: cut.start()], content[cut.end() :]
    kinds = kind_for(verb, first, joint, own), kind_for(verb, second, joint, own)
    if kinds[0] == kinds[1]:
        return []
    object_end = start + len(content.rstrip(" .;,"))
    return [
        (0, first, (kinds[0], span(text, evidence.start, start + cut.start()))),
        (cut.end(), second, (kinds[1], span(text, start + cut.end(), object_end))),
    ]


def _hosting(text: str, resolved: list[Resolved], after: int) -> bool:
    """Whether "welcomed" at ``after`` welcomes a person somewhere ("welcomed Foreign Minister
    X to the Department"), not a fact or a decision."""
    for item in resolved:
        if item.mention.start < after:
            continue
        return (
            is_person(item)
            and not text[after : item.mention.start].strip()
            and _TO_PLACE.match(text, item.mention.end) is not None
        )
    return False


def reported_from(text: str, sentence: Sentence, resolved: list[Resolved]) -> int | None:
    """Where the sentence's reported speech starts: the complement of a reporting verb with a
    subject ("The Minister noted that ...", "Blinken said: “..."), else None."""
    for match in SPEECH.finditer(text, sentence.start, sentence.end):
        if match.group(0) in NOT_STATEMENTS or not _REPORTED.match(text, match.end()):
            continue
        if subject_of(text, resolved, match.start(), sentence.start):
            return match.end()
    return None


def _joint_with_unknown(
    text: str, resolved: list[Resolved], verb_at: int, group: list[Actor]
) -> list[Actor]:
    """ "The Secretary and Foreign Minister discussed ...", where the second role resolves to
    no one: a participant of the interaction joined with a title of nobody known is the
    interaction's participants; none otherwise."""
    before = [r for r in resolved if r.mention.end <= verb_at]
    if len(before) < 2:
        return []
    last, other = before[-1], before[-2]
    if (
        last.actors
        or last.mention.kind not in ("role", "person")
        or not _SUBJECT_GAP.match(text[last.mention.end : verb_at])
        or not ROLE_AND.fullmatch(text, other.mention.end, last.mention.start)
        or not other.actors
        or not all(a in group for a in other.actors)
    ):
        return []
    return list(group)


def opening_subject(text: str, sentence: Sentence, resolved: list[Resolved]) -> list[Actor]:
    """The person who opens ``sentence`` as the subject of its first predicate ("A spoke
    today with B and underscored ...": A), after a fronted adverbial at most; none when the
    sentence opens otherwise ("In a call with A, B ...": B is no opening subject)."""
    if not resolved or not is_person(resolved[0]):
        return []
    first = resolved[0].mention
    if not OPENING.fullmatch(text, sentence.start, first.start):
        return []
    after = _PREDICATE_AFTER.match(text, first.end)
    if after is None:
        return []
    return [a for a in resolved[0].actors if a.kind in SPEAKER_KINDS]


def subject_of(text: str, resolved: list[Resolved], verb_at: int, start: int) -> list[Actor]:
    """The speakers of the reporting verb at ``verb_at``: the mentions right before it, joined
    ("A and B", "A, B and the C"), people, pronouns, groups or states that can be subjects."""
    before = [r for r in resolved if r.mention.end <= verb_at]
    speakers: list[Actor] = []
    position = verb_at
    for item in reversed(before):
        gap = text[item.mention.end : position]
        if speakers and not _JOINT_GAP.fullmatch(gap):
            break  # "A and B", "A, B and the C": one joint subject
        if speakers and "," in gap and _state_after_people(item, speakers):
            break  # "acknowledged the partnership of A and B, and the Secretary noted": one
        if speakers and OBJECT_BEFORE.search(text, start, item.mention.start):
            break  # "On behalf of the President, the Secretary delivered": one speaker
        if speakers and _LISTED.search(
            text, max(start, item.mention.start - _LISTED_WINDOW), item.mention.start
        ):
            break  # "developments, including X and Y, and the Secretary noted": one
        if not speakers and not _SUBJECT_GAP.match(text[item.mention.end : verb_at]):
            if is_person(item):
                break
            continue
        if (
            not is_person(item)
            and item.mention.kind not in ("pronoun", "group")
            and not _state_subject(text, item, position, start)
        ):
            if speakers:
                break
            continue
        named: list[Actor] = []
        for actor in item.actors:
            if actor.kind in SPEAKER_KINDS and actor not in speakers and actor not in named:
                named.append(actor)
        speakers[:0] = named  # in the order the mention names them
        position = item.mention.start
    return speakers


def _state_after_people(item: Resolved, speakers: list[Actor]) -> bool:
    """Whether a state or organisation before a comma would join people as one subject ("...
    between the United States and Israel, and the Secretary noted"): the end of the clause
    before, not a joint speaker."""
    return (
        not is_person(item)
        and item.mention.kind in ("state", "organization", "known")
        and all(a.kind == "Person" for a in speakers)
    )


def _state_subject(text: str, item: Resolved, verb_at: int, start: int) -> bool:
    """Whether a state or organisation right before a verb is its subject ("The United States
    reaffirmed", "Japan and the United States condemned"): not after a preposition ("support
    for Ukraine and urged"), nor a possessive or an attribute ("the U.S. government")."""
    m = item.mention
    return (
        m.kind in ("state", "organization", "known")
        and bool(item.actors)
        and item.actors[0].kind != "Person"
        and item.actors[0].kind in SPEAKER_KINDS
        and _STATE_GAP.fullmatch(text, m.end, verb_at) is not None
        and not OBJECT_BEFORE.search(text, start, m.start)
        and not _NOT_SUBJECT_BEFORE.search(text, start, m.start)
    )
