"""A transcript's turns: the speaker a label names ("SECRETARY BLINKEN:"), the statement of each
sentence of a turn, and the meeting at which the remarks are given."""

from __future__ import annotations

import re

from diplograph.extract.actors import Actor, canonical_name
from diplograph.extract.coreference import Coreference
from diplograph.extract.dates import find_date
from diplograph.extract.interactions import SPOKESPERSON, kind_of
from diplograph.extract.layers.doc import Cursor, Doc, local, unique
from diplograph.extract.layers.holdings import add_holding
from diplograph.extract.layers.sides import own_names
from diplograph.extract.layers.statements import add_statement
from diplograph.extract.mentions import MentionFinder
from diplograph.extract.model import Interaction
from diplograph.extract.remarks import SAME_DAY, audience, header_place
from diplograph.extract.statements import (
    kind_for,
)
from diplograph.extract.text import Span, normalize, sentences, span

# A transcript's speaker label at the start of a paragraph ("SECRETARY BLINKEN: ", "Q: "); labels
# that name no speaker of statements; greetings, thanks and procedural remarks of a turn.
# (letters of any script: "FOREIGN MINISTER \u00c7AVU\u015eO\u011eLU:"; a label is in capitals,
# :func:`speaker_label`)
SPEAKER_LABEL = re.compile(
    r"(?P<label>[^\W\d_](?:[^\W\d_]|[\u2019'.-])*(?: [^\W\d_](?:[^\W\d_]|[\u2019'.-])*){0,7}):"
    r"\s+(?=\S)"
)
# A label as Australian and British ministers' transcripts write it: the speaker's name, a comma
# and the post ("Penny Wong, Minister for Foreign Affairs: Thanks ...").
_NAME_POST_LABEL = re.compile(
    r"(?P<label>[A-Z][\w\u2019'.-]+(?: [A-Z][\w\u2019'.-]+){1,3},"
    r"(?: (?:[A-Z][\w-]*|for|of|and|the|on)){1,8}):\s+(?=\S)"
)

# A label as the UN's verbatim records write it: the delegate by honorific and surname and the
# state they speak for ("Mrs. Thomas-Greenfield (United States of America): "), or the chair
# ("The President: "), who speaks for nobody's side.
_RECORD_NAME = (
    r"(?:(?P<name>(?:Mr|Mrs|Ms|Miss|Dame|Sir)\.?(?: [A-Z][\w\u2019'-]+){1,4})"
    r"(?: \((?P<state>[^()\n:]{2,60})\))?"
    r"|(?P<chair>The (?:President|Chair|Chairperson|Secretary-General)))"
)
_RECORD_LABEL = re.compile(rf"(?P<label>{_RECORD_NAME}):\s+(?=\S)")
_RECORD_SPEAKER = re.compile(_RECORD_NAME)


def speaker_label(text: str, at: int, titles: frozenset[str] = frozenset()) -> re.Match[str] | None:
    """The speaker label at offset ``at`` of ``text``: words in capitals and a colon, a name, a
    comma and a post, or capitalised words ending in title words (of ``titles``) and a name
    ("Spokesperson Wang Wenbin: ", "NATO Secretary General Jens Stoltenberg: ").

    >>> speaker_label("FOREIGN MINISTER \u00c7AVU\u015eO\u011eLU: Thank you.", 0).group("label")
    'FOREIGN MINISTER \u00c7AVU\u015eO\u011eLU'
    >>> speaker_label("SECRETARY OF DEFENSE LLOYD J. AUSTIN III: Welcome.", 0).group("label")
    'SECRETARY OF DEFENSE LLOYD J. AUSTIN III'
    >>> speaker_label("Ana Ruiz, Minister for Foreign Affairs: Thanks.", 0).group("label")
    'Ana Ruiz, Minister for Foreign Affairs'
    >>> speaker_label("Note: the minister spoke.", 0) is None
    True
    >>> titles = frozenset({"Spokesperson", "Secretary", "General"})
    >>> speaker_label("NATO Secretary General Ana Ruiz: Good afternoon.", 0, titles).group("label")
    'NATO Secretary General Ana Ruiz'
    >>> speaker_label("Key Points: the minister spoke.", 0, titles) is None
    True
    >>> speaker_label("Mr. Ruiz (Ghana): We regret the vote.", 0).group("label")
    'Mr. Ruiz (Ghana)'
    """
    match = SPEAKER_LABEL.match(text, at)
    if match is not None and (
        match.group("label").isupper() or titled_name(match.group("label"), titles)
    ):
        return match
    return _NAME_POST_LABEL.match(text, at) or _RECORD_LABEL.match(text, at)


def titled_name(label: str, titles: frozenset[str]) -> str | None:
    """The name after the title words of a label in capitalised words ("Spokesperson Wang
    Wenbin": "Wang Wenbin"), one to four words; None when the label has no title word before a
    name or a word in lower case.

    >>> titled_name("NATO Spokesperson Ana Ruiz", frozenset({"Spokesperson"}))
    'Ana Ruiz'
    """
    words = label.split()
    if any(not w[:1].isupper() for w in words if w not in _CONNECTORS):
        return None
    last = max((i for i, w in enumerate(words) if w in titles), default=None)
    if last is None or not 1 <= len(words) - last - 1 <= 4:
        return None
    return " ".join(words[last + 1 :])


_NOT_SPEAKERS = frozenset(
    {
        "Q",
        "QUESTION",
        "MODERATOR",
        "OPERATOR",
        "PARTICIPANT",
        "STAFF",
        "NOTE",
        "AUDIENCE",
        "INTERPRETER",
        "ANNOUNCER",
        "REPORTER",
        "PARTICIPANTS",
    }
)
_PROCEDURAL = re.compile(
    r"(?:(?:and|but|so|well|okay|ok|now|all right|everyone)\b[,\s]+)*"
    r"(?:good (?:morning|afternoon|evening)|thank|thanks|with that|hello|hi\b|welcome\b[.!]"
    r"|(?:i|we) (?:want|would like|[\u2019']d like) to (?:start|begin) by thank"
    r"|i[\u2019']?m (?:very )?(?:pleased|delighted|honored|happy) to (?:introduce|welcome|turn)"
    r"|please join me\b"
    r"|i look forward to (?:our|the|this) (?:session|meeting|conversation|discussion)"
    # "Welcome back to Washington.", "I'm happy to take questions."
    r"|welcome (?:back )?to\b"
    r"|i[\u2019']?m (?:very )?(?:happy|glad|pleased) to take (?:\w+ )?questions"
    r"|(?:let me|i[\u2019']ll|i will) (?:turn|stop|start|begin|hand|open)|please\b)",
    re.I,
)
# First person in a speaker's turn: a reporting verb of the speaker's own ("We call on Russia
# to", "I strongly condemn"), and the speaker binding itself or its side ("we will", "my
# government is committed to"); not a future in a question or a negation ("we will not accept").
FIRST_PERSON_VERBS = {
    "call on": "called on",
    "call upon": "called upon",
    "call for": "called for",
    "urge": "urged",
    "ask": "asked",
    "demand": "demanded",
    "condemn": "condemned",
    "denounce": "denounced",
    "reject": "rejected",
    "oppose": "opposed",
    "propose": "proposed",
    "agree": "agreed",
    "warn": "warned",
    "pledge": "pledged",
    "reaffirm": "reaffirmed",
    "reiterate": "reiterated",
    # the plural present of joint statements ("We welcome", "We intend to launch")
    "welcome": "welcomed",
    "commit to": "committed",
    "intend to": "intended to",
    "plan to": "planned to",
    "underscore": "underscored",
    "emphasize": "emphasized",
    "stress": "stressed",
    "voice": "voiced",
    "express": "expressed",
    "recognize": "recognized",
}
# "My government condemns", "our country calls on": the same verbs in the third person; "I
# urged China", "we agreed to", "I raised our concerns about": a speaker telling what it said in
# a meeting, in the past (the complement decides the kind, as in a readout).
_SPEAKER_VERBS = (
    FIRST_PERSON_VERBS
    | {
        " ".join([verb.split()[0] + "s", *verb.split()[1:]]): past
        for verb, past in FIRST_PERSON_VERBS.items()
    }
    | {past: past for past in FIRST_PERSON_VERBS.values()}
    | {
        past: past
        for past in ("raised", "pressed", "encouraged", "conveyed", "committed", "insisted")
    }
)
# "We agreed": the speaker and the other participants of the meeting the speaker is in
_WE_AGREED = re.compile(r"\b[Ww]e\s+(?:(?:also|again|\w+ly)\s+)?agreed\b")
_FIRST_PERSON = (
    r"\b(?:I|[Ww]e|[Mm]y (?:country|government)|[Oo]ur (?:country|government))"
    r"(?:\s+|[\u2019'](?:m|re)\s+(?=here\b))"
)
_FIRST_PERSON_VERB = re.compile(
    _FIRST_PERSON
    + r"(?:(?:also|again|once again|strongly|firmly|continue to|continues to|\w+ly)\s+){0,2}"
    + r"(?:(?:am\s+|are\s+|is\s+)?here\s+to\s+)?"  # "I'm here to reaffirm"
    + r"(?P<verb>"
    + "|".join(sorted(_SPEAKER_VERBS, key=len, reverse=True))
    + r")\b"
)
# ... and the speaker's side there to see to something ("we're here to make sure that ...").
_FIRST_PERSON_WILL = re.compile(
    _FIRST_PERSON + r"(?:will|(?:are|am|is|remain) (?:\w+ly )?(?:committed|determined) to)\b"
    r"|\b(?:I|[Ww]e)[\u2019']ll\b"
    # "we're going to continue working on": the side binds itself, as with "will"
    r"|\b(?:I|[Ww]e)(?:[\u2019'](?:re|m)| are| am)\s+going\s+to\s+"
    r"(?:continue|keep|stand|make sure)\b"
    r"|\b(?:I|[Ww]e)(?:[\u2019'](?:re|m)| are| am)\s+(?:(?!not\b|never\b)\w+\s+){0,2}here\s+"
    r"(?:\w+\s+){0,2}"
    r"to\s+(?:make sure|ensure)\b"
)
_NEGATED_WILL = re.compile(r"\b(?:will|[\u2019']ll) (?:not|never)\b|\bwon[\u2019']t\b")
_STAGE_DIRECTION = re.compile(r"\s*\((?:Laughter|Applause|Inaudible|Crosstalk)\.?\)", re.I)
_THANKS = re.compile(r"\bthank you\b", re.I)
# Pleasure at being there or at seeing the audience, anywhere in a turn's sentence ("For me, it
# is always great to be back in New York", "It's so good to see colleagues around this table"):
# a courtesy, not a statement; "it is good to see progress on the ceasefire" is one.
_COURTESY = re.compile(
    r"\b(?:it[\u2019']?s|it is|it has been|it[\u2019']?s been)\s+(?:\w+\s+){0,2}"
    r"(?:good|great|wonderful|nice|a (?:real |great )?pleasure|an honou?r)\s+to\s+"
    r"(?:be able to\s+)?(?:see|be|have|meet|welcome)\s+"
    r"(?:you|everyone|everybody|all|each|colleagues|back|here)\b"
    r"|\b(?:glad|happy|delighted|thrilled|pleased|grateful)\s+to\s+"
    r"(?:have you|be here|be back|see (?:you|each of you|all of you|everyone))\b"
    r"|\bwelcom(?:e|ing)\s+(?:you|(?:[A-Z][\w.\u2019'-]*\s+){1,4})back\b"
    r"|\b(?:our|the) first (?:gathering|time (?:\w+ing )?together)\b"
    # "A very warm welcome, ladies and gentlemen", "I warmly welcome you to Berlin"
    r"|\b(?:warm|cordial|hearty|heartfelt)\s+welcome\b|\bwelcome you to\b"
    r"|\bladies and gentlemen\b"
    # "It's always great spending time together", "So Hakan, good to see you", "We appreciate
    # you being here": pleasure at the meeting itself
    r"|\b(?:good|great|nice|wonderful)\s+(?:to\s+see\s+you|(?:spending|to spend)\s+time)\b"
    r"|\bappreciate\s+(?:you|your)\s+(?:being|coming)\s+(?:here|to)\b"
    # looking forward to the talks about to begin ("I'm very much looking forward today to
    # pursuing those", "to a good discussion"): a courtesy; a named event to come is no courtesy
    r"|\blooking\s+forward\s+(?:\w+\s+){0,2}to\s+(?:not only\s+)?"
    r"(?:pursuing\b|(?:a|an|our|this|today[\u2019']s)\s+(?:\w+\s+)?"
    r"(?:discussions?|conversation|meeting|talks|exchange)\b)",
    re.I,
)
# The topics the speakers will take up ("Today, we'll discuss ...", "We'll also talk about ..."):
# a topic, as a readout's "discussed", not a statement.
_TOPIC_AHEAD = re.compile(
    r"^(?:(?:and|so|now|today|later|also)\b[,\s]+)*(?:I|[Ww]e)(?:[\u2019']ll| will| are going to|"
    r"[\u2019']re going to)\s+(?:also\s+)?(?:discuss|talk about|review|exchange views on|cover)\b",
    re.I,
)
# How the words came to the transcript, before them: "(Via interpreter)", "(In English.)"
_INTERPRETED = re.compile(
    r"\s*\((?:via|through) (?:an )?interpret(?:er|ation)\.?\)|\s*\(in [A-Z][a-z]+\.?\)", re.I
)
# A hand-over anywhere in a turn's sentence ("..., so I'll turn the floor over to him", "they
# will be happy to tell you more"): the speaker passes the word on and says nothing of substance.
_HAND_OVER = re.compile(
    r"\b(?:turn|hand|pass)(?:ing)?\s+(?:the floor|it|things)\s+over\s+to\b"
    r"|\b(?:I|we|they|he|she)(?:[\u2019']ll| will)\s+be\s+(?:happy|glad|pleased)\s+to\s+"
    r"(?:describe|tell you|share|explain|take (?:\w+ )?questions|answer)\b",
    re.I,
)
# A joke: a sentence the audience laughs at ("(Laughter.)" right after it) is not a statement.
_LAUGHTER = re.compile(r"\s*\(Laughter\.?\)", re.I)
# Thanks in a turn (guide, "Transcripts"): for someone's work or hospitality ("thank you all for
# the work you have done", "thank you to this team", "To all of you, thank you") a statement;
# bare thanks ("Thank you, Mr. Secretary.") and thanks for attending or a courtesy are not.
_THANKS_FOR = re.compile(
    r"\bthank(?:s|ing| you)?\b(?:\s+[\w\u2019',]+){0,4}?\s+for\s+(?P<object>[^,;.]+)", re.I
)
_ATTENDING = re.compile(
    r"(?:all\s+)?(?:coming|joining|being (?:here|with us|there)|attending|making (?:the )?time"
    r"|taking (?:the )?time|your time|sitting|having (?:me|us)|listening|participating|waiting"
    r"|inviting|welcoming|your (?:patience|attention|question)|that\b"
    r"|the (?:kind )?(?:introduction|invitation|welcome|question|opportunity))",
    re.I,
)
_THANKS_TO = re.compile(
    r"\bthank you(?:\s+\w+)?\s+to\s+(?:this|these|the|our|my|all|each|every|everyone)\b"
    r"|^(?:(?:and|so)\s+)?to\s+(?:each|every|all|everyone|everybody|the|our|my|this)\b"
    r"[^,]*,.*\bthank you\b",
    re.I,
)
# A short question put aside after a dash ("... by the protocol team \u2013 are you here?"): the
# sentence says what comes before the dash.
_ASIDE_QUESTION = re.compile(r"\s+[\u2013\u2014-]\s+(?:\S+\s+){0,7}\S+\?[\u201d\"\u2019) ]*$")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


def line_start(text: str, at: int) -> bool:
    """Whether only blanks stand between ``at`` and the start of its line."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


_CONNECTORS = frozenset({"of", "for", "the", "and"})  # "SECRETARY OF DEFENSE ..."
_SUFFIX = re.compile(r"^(?:II|III|IV|JR\.?|SR\.?|Jr\.?|Sr\.?)$")


def label_speaker(doc: Doc, label: str) -> Actor | None:
    """The person a transcript's speaker label names ("SECRETARY BLINKEN", "MINISTER LEE"):
    one the article has named, else one the registry knows by that name, else a person of
    the name the label gives after its titles ("AMBASSADOR THOMAS-GREENFIELD"); nobody for a
    question, the moderator or a label of titles only."""
    named, comma, _ = label.partition(",")
    if comma:  # "Penny Wong, Minister for Foreign Affairs": the name before the post
        return _person_named(doc, named)
    record = _RECORD_SPEAKER.fullmatch(label)
    if record is not None:  # "Mrs. Thomas-Greenfield (United States of America)", "The President"
        return _delegate(doc, record)
    words = label.split()
    if words[0] in _NOT_SPEAKERS:
        return None
    titled = None if label.isupper() else titled_name(label, doc.gazetteer.title_words)
    if titled is not None:  # "Spokesperson Wang Wenbin"
        return _last_named(doc, normalize(titled).split()[-1]) or _person_named(doc, titled)
    while len(words) > 1 and _SUFFIX.match(words[-1]):
        words.pop()  # "LLOYD J. AUSTIN III": the surname is AUSTIN
    name = normalize(words[-1])
    coref = doc.coref
    g = doc.gazetteer
    titles = {normalize(w) for w in (*g.title_words, *g.honorifics)}
    names = [w for w in words if normalize(w) not in titles | _CONNECTORS]
    # the name the title gives in full goes before a new person of the label's surname alone
    full = _named_in_title(doc.article.title or "", names, titles) if names else None
    named_before = _last_named(doc, name)
    if named_before is not None and not (
        full
        and named_before.new
        and normalize(named_before.label).split() == normalize(" ".join(names)).split()
    ):
        return named_before
    known = doc.registry.find(words[-1].title(), ("Person",))
    if known is not None:
        return known
    if not names or names != words[len(words) - len(names) :]:
        return None  # titles only, or words after the name: no name to go by
    person = doc.registry.person(full or " ".join(names), None)
    coref.remember(person)
    return person


def _delegate(doc: Doc, record: re.Match[str]) -> Actor | None:
    """The delegate a verbatim record's label names by honorific and surname, of the state in
    its brackets (when the gazetteer knows it); nobody for the chair ("The President")."""
    if record.group("chair"):
        return None
    name = record.group("name").split(maxsplit=1)[1]
    state = record.group("state")
    surname = normalize(name).split()[-1]
    where = _state_called(doc, state) if state else None
    person = _last_named(doc, surname) or doc.registry.person(name, where.iri if where else None)
    if where is not None and person.new and person.nationality is None:
        person.nationality = where.iri  # the label's mention was read before its brackets
    doc.coref.remember(person)
    return person


def _state_called(doc: Doc, name: str) -> Actor | None:
    """The state of this name or alias (the gazetteer's, or data/actors.ttl's), if any."""
    known = doc.registry.find(name, ("State",))
    if known is not None:
        return known
    label = doc.gazetteer.state_called(name)
    return doc.registry.state(label) if label else None


def _last_named(doc: Doc, surname: str) -> Actor | None:
    """The person of ``surname`` (normalised) the article has named last, if any."""
    for iri in reversed(doc.coref.order):
        actor = doc.registry.actors[iri]
        if actor.kind == "Person" and normalize(actor.label).split()[-1:] == [surname]:
            return actor
    return None


def _person_named(doc: Doc, name: str) -> Actor:
    """The person the registry knows by ``name``, else a new one; remembered as named."""
    person = doc.registry.find(name, ("Person",)) or doc.registry.person(name, None)
    doc.coref.remember(person)
    return person


def _named_in_title(title: str, names: list[str], titles: set[str]) -> str | None:
    """The full name the title gives the surname of a label ("LE DRIAN" in "... and French
    Foreign Minister Jean-Yves Le Drian Before Their Meeting": "Jean-Yves Le Drian"), the
    capitalised words before it back to a title word; None when the title has no more.

    >>> _named_in_title("Minister Ana de la Cruz at a Press Availability", ["DE", "LA", "CRUZ"],
    ...     {"minister"})
    'Ana de la Cruz'
    """
    surname = re.search(r"\b" + r"\s+".join(re.escape(n) for n in names) + r"\b", title, re.I)
    if surname is None:
        return None
    given: list[str] = []
    for word in reversed(title[: surname.start()].split()):
        if not word[:1].isupper() or normalize(word) in titles:
            break
        given.insert(0, word)
    return " ".join([*given, surname.group()]) if given else None


def dateline(doc: Doc, label: str, start: int) -> bool:
    """Whether a label is a news dateline ("COLOMBO: External Affairs Minister ...") rather
    than a speaker: a place the gazetteer knows, or untitled words opening the article that
    name nobody the registry knows; no title word, question or moderator in it."""
    words = label.split()
    g = doc.gazetteer
    titles = {normalize(w) for w in (*g.title_words, *g.honorifics)}
    if words[0] in _NOT_SPEAKERS or any(normalize(w) in titles for w in words):
        return False
    name = " ".join(w.title() for w in words)
    if name in g.places or name in g.states:
        return True
    opening = not doc.text[:start].strip()
    return opening and doc.registry.find(name, ("Person",)) is None


def thanks_for_work(sentence: str) -> bool:
    """Whether a sentence of a turn thanks someone for their work or hospitality, or thanks
    someone it names, rather than thanking bare or for attending (guide, "Transcripts").

    >>> thanks_for_work("So thank you all for the effort you put into the summit.")
    True
    >>> thanks_for_work("To every one of the volunteers, thank you.")
    True
    >>> thanks_for_work("Thank you for joining us, and thanks for your patience.")
    False
    >>> thanks_for_work("Thank you, Minister."), thanks_for_work("We need cooperation.")
    (False, False)
    """
    objects = [m.group("object") for m in _THANKS_FOR.finditer(sentence)]
    if objects:
        return not any(_ATTENDING.match(o) for o in objects)
    return _THANKS_TO.search(sentence) is not None


def turn(
    doc: Doc, cursor: Cursor, start: int, speaker: Actor | None, voices: list[Actor] | None = None
) -> None:
    """A sentence of a speaker's turn in a transcript: a statement of the speaker unless it is
    a question, a greeting, thanks or a procedural remark; of all ``voices`` together (a joint
    statement's signatories) when given."""
    sentence = cursor.sentence
    text = doc.text
    interpreted = _INTERPRETED.match(text, start)
    start = interpreted.end() if interpreted else start
    stage = _STAGE_DIRECTION.search(text, start, sentence.end)  # "(Laughter.)"
    evidence = span(text, start, stage.start() if stage else sentence.end)
    aside = _ASIDE_QUESTION.search(evidence.text)
    if aside is not None:  # "... the protocol team \u2013 are you here?": what comes before
        evidence = span(text, evidence.start, evidence.start + aside.start())
    words = evidence.text.split()
    if speaker is None or len(words) < 4 or evidence.text.rstrip('\u201d"\u2019) ').endswith("?"):
        return
    if stage is not None and _LAUGHTER.match(stage.group()):
        return  # a joke
    thanks = thanks_for_work(evidence.text)
    if any(
        (
            not thanks and _PROCEDURAL.match(evidence.text),
            not thanks and _THANKS.search(evidence.text),
            _COURTESY.search(evidence.text),
            _HAND_OVER.search(evidence.text),
            _TOPIC_AHEAD.match(evidence.text),
        )
    ):
        return
    if not _LOWER_WORD.search(evidence.text):
        return  # "Yankees, Giants, Knicks.": names without a verb say nothing
    if _reports_others(cursor, speaker, evidence.text):
        cursor.reported = True
        return
    first = _FIRST_PERSON_VERB.search(evidence.text)
    will = _FIRST_PERSON_WILL.search(evidence.text)
    if any(  # "Minister Salas held talks with ...", "X and I had a meeting": a narrated meeting
        # (not one the sentence names in passing: "In my meeting with X, we confirmed ...")
        any(sentence.start <= e.start <= start for e in i.evidence)
        for i in doc.extraction.interactions
    ) or (kind_of(evidence.text) is not None and first is None and will is None):
        return
    verb, at = "", evidence.start
    if first is not None:  # "We call on Russia to ...": the speaker's own reporting verb
        verb, at = _SPEAKER_VERBS[first.group("verb")], evidence.start + first.end()
        joint = voices is not None and len(voices) > 1
        kind = kind_for(verb, text[at : evidence.end], joint, own_names(doc, speaker))
    elif will and not _NEGATED_WILL.search(evidence.text):
        kind = "Commitment"  # "We will keep ...", "my government is committed to ...""
    else:
        kind = kind_for("", evidence.text, own=own_names(doc, speaker))
    together: list[Actor] = list(voices or [])
    main = doc.main
    we_agreed = first is not None and _WE_AGREED.match(evidence.text, first.start())
    if we_agreed and main is not None and speaker in main.participants:
        together = [p for p in main.participants if p.kind == "Person"]
    for each in together or [speaker]:
        add_statement(
            doc, cursor, each, kind, at, text[at : evidence.end], verb, False, evidence, together
        )


_FIRST_PERSON_ANY = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")


def _reports_others(cursor: Cursor, speaker: Actor, said: str) -> bool:
    """Whether a sentence of ``speaker``'s turn only reports what others said ("State Councilor
    Qin Gang pointed out that ...", "Secretary Blinken said that ..."): reporting clauses, each
    of people or states that are not the speaker, and no first person of the speaker's."""
    clauses = cursor.clauses
    return (
        bool(clauses)
        and all(
            c.verb
            and c.speakers
            and speaker not in c.speakers
            and all(a.kind in ("Person", "State") for a in c.speakers)
            for c in clauses
        )
        and _FIRST_PERSON_ANY.search(said) is None
    )


# Where the speakers are, as the first turn says it: "Welcome back to Washington", "you being
# here in Karuizawa" (a capitalised name: a state, city or town), within the first turn's words.
_HERE = re.compile(
    r"\b(?:[Ww]elcome(?: back)? to|(?:being|be|are|am|[\u2019']re|[\u2019']m) (?:back )?here in)\s+"
    r"(?:the\s+)?(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\b"
)
_HERE_WITHIN = 600


class Remarks:
    """Adds the meeting at which a transcript's remarks are given, as its main interaction: the
    labelled speakers and the audience the title names (the people it names, else a group),
    on the publication day when the remarks say "today", where the header says. The title's
    mentions are found by ``finder``, as the text's are."""

    def __init__(self, finder: MentionFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> None:
        if doc.first_label is not None and doc.speakers:
            self._remarks(doc, doc.speakers, doc.first_label)
            self._label_posts(doc)

    def _label_posts(self, doc: Doc) -> None:
        """The posts the title gives the labelled speakers ("... and Japanese Foreign Minister
        Yoshimasa Hayashi Before Their Meeting": Foreign Minister of Japan), as held where the
        text first labels them ("FOREIGN MINISTER HAYASHI:"), when the title names the post's
        state or organisation and the text gives them no post."""
        title = doc.article.title or ""
        held = {h.person.iri for h in doc.extraction.holdings}
        for mention in self.finder.find(title, 0, len(title)):
            if mention.kind not in ("person", "known") or not mention.titles or not mention.name:
                continue
            where = (
                doc.registry.organization(mention.organization)
                if mention.organization
                else doc.registry.state(mention.state)
                if mention.state
                else None
            )
            # the speaker of the title's name, by surname (the title mints no one)
            surname = normalize(canonical_name(mention.name)).split()[-1:]
            person = next(
                (s for s in doc.speakers if normalize(s.label).split()[-1:] == surname), None
            )
            if where is None or person is None or person.iri in held:
                continue
            label = _first_label(doc, person)
            if label is None:
                continue
            for words in mention.titles:
                if SPOKESPERSON.search(words):
                    continue
                post = doc.registry.post(words, person, where)
                if post is not None:
                    add_holding(doc, person, post, label, (words,))

    def _remarks(self, doc: Doc, speakers: list[Actor], first_label: int) -> None:
        """The meeting of ``speakers`` with the audience the title names."""
        article = doc.article
        heard_by = audience(article.title)
        if heard_by is None:
            return
        title = Coreference(doc.registry, None, article.published)
        people = [
            actor
            for mention in self.finder.find(heard_by, 0, len(heard_by))
            if mention.kind in ("person", "known")
            for actor in title.resolve(mention, [])
            if actor.kind == "Person"
        ]
        listeners = people or [doc.registry.group(heard_by, article.id)]
        participants = [*speakers, *(p for p in listeners if p not in speakers)]
        if len(participants) < 2:
            return
        text = article.text
        place_label = header_place(text[:first_label], doc.gazetteer.places)
        if place_label is None:  # "Welcome back to Washington", "you being here in Karuizawa"
            here = _HERE.search(text, first_label, first_label + _HERE_WITHIN)
            place_label = here.group("place") if here else None
        place = doc.registry.place(place_label) if place_label else None
        told = doc.index.same(participants, "Meeting", None)
        if told is not None:  # "Secretary Blinken and I had a meeting": where the header says
            told.place = told.place or place
            return
        day = SAME_DAY.search(text, first_label)
        when = find_date(text, day.start(), article.published, day.end()) if day else None
        first = next(s for s in sentences(text) if s.end > first_label)
        key = unique("meeting-" + "-".join(local(p) for p in participants[:4]), doc.keys)
        evidence = [span(text, first.start, first.end)]
        event = Interaction(key, "Meeting", participants, evidence, when, None, place)
        if when is not None:
            event.when_span = span(text, when.offset, when.offset + len(when.expression))
        event.inferred.append(
            (
                "participant",
                "A transcript: its speakers and the audience its title names meet where the "
                "remarks are given.",
            )
        )
        doc.extraction.interactions.insert(0, event)


def _first_label(doc: Doc, person: Actor) -> Span | None:
    """The first speaker label of the text that names ``person`` (its mention before a colon at
    the start of a sentence)."""
    for (_, sentence), resolved in zip(doc.sentences, doc.resolved, strict=True):
        for item in resolved[:1]:
            if (
                item.mention.start == sentence.start
                and person in item.actors
                and doc.text.startswith(":", item.mention.end)
            ):
                return span(doc.text, item.mention.start, item.mention.end)
    return None


def _label_at(doc: Doc, start: int) -> re.Match[str] | None:
    """The speaker label that opens the sentence at ``start``, at the start of its line; none
    for a news dateline."""
    label = speaker_label(doc.text, start, doc.gazetteer.title_words)
    if label is None or dateline(doc, label.group("label"), start):
        return None
    return label if line_start(doc.text, start) else None


# "Press remarks by High Representative Ana Ruiz after the meeting", "Statement by Foreign
# Minister Ana Ruiz on ...": a text of one speaker, who the title names
_ONE_SPEAKER = re.compile(
    r"\b(?:[Rr]emarks|[Ss]tatement|[Ss]peech|[Aa]ddress)\s+by\s+"
    r"(?P<who>[A-Z][\w.\u2019'-]*(?:\s+(?:[A-Z][\w.\u2019'-]*|of|for|the))*)"
)
_LINE = re.compile(r"^[ \t]*(?=\S)", re.M)
# "Joint Statement on ...", "Joint Vision Statement from the Leaders of A, B and C"
_JOINT_TITLE = re.compile(r"\bJoint\s+(?:[A-Z]\w+\s+)?(?:Statement|Declaration|Communiqu[eé])\b")
_WE = re.compile(r"\b[Ww]e\b")


def _labelled(doc: Doc) -> bool:
    """Whether a line of the text opens with a speaker label (a transcript)."""
    return any(_label_at(doc, line.end()) for line in _LINE.finditer(doc.text))


def one_speaker(doc: Doc) -> Actor | None:
    """The speaker of remarks whose title names one speaker and whose text has no speaker
    label: the person named after the title's titles ("Press remarks by High Representative
    Ana Ruiz": Ana Ruiz); nobody for a spokesperson, whose statements are their side's."""
    match = _ONE_SPEAKER.search(doc.article.title or "")
    if match is None or SPOKESPERSON.search(match.group("who")):
        return None
    g = doc.gazetteer
    titles = {normalize(w) for w in (*g.title_words, *g.honorifics)} | _CONNECTORS
    words = match.group("who").split()
    while words and normalize(words[0]) in titles:
        words.pop(0)
    if not 2 <= len(words) <= 4 or any(normalize(w) in titles for w in words):
        return None
    if _labelled(doc):
        return None  # a transcript: its labels say who speaks
    return _person_named(doc, " ".join(words))


class Labels:
    """In a transcript: whose turn a speaker label at the start of a line opens (``doc.turn``,
    ``doc.speakers``, ``doc.first_label``), before the sentence's interactions are read ("I'll
    travel to X" of the label's sentence is the new speaker's); in remarks of one speaker the
    title names, theirs from the first sentence on."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        if doc.turn is None and at.sentence is doc.sentences[0][1]:
            speaker = one_speaker(doc)
            doc.turn = (speaker,) if speaker is not None else None
            doc.joint = bool(_JOINT_TITLE.search(doc.article.title or "")) and not _labelled(doc)
        label = _label_at(doc, at.sentence.start)
        if label is not None:
            doc.turn = (label_speaker(doc, label.group("label")),)
            doc.first_label = at.sentence.start if doc.first_label is None else doc.first_label
            if doc.turn[0] is not None and doc.turn[0] not in doc.speakers:
                doc.speakers.append(doc.turn[0])


class Turns:
    """In a transcript: the statement of each sentence of a turn (:class:`Labels` opens it)."""

    def __call__(self, doc: Doc, at: Cursor) -> None:
        if doc.turn is not None:  # the speaker label's turn goes on
            label = _label_at(doc, at.sentence.start)
            start = label.end() if label else at.sentence.start
            turn(doc, at, start, doc.turn[0])
        elif doc.joint and doc.main is not None and not at.clauses:
            # a joint statement's "We condemn ...": all its signatories' words
            voices = [p for p in doc.main.participants if p.kind == "Person"]
            if voices and _WE.search(doc.text, at.sentence.start, at.sentence.end):
                turn(doc, at, at.sentence.start, voices[0], voices)
