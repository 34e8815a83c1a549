"""Extracting one article: sentences, mentions, actors, interactions, statements, stances."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from diplograph.errors import DiplographError
from diplograph.extract.actors import Actor, Registry
from diplograph.extract.coreference import Coreference, Resolved, actors_within
from diplograph.extract.corpus import Article
from diplograph.extract.dates import When, find_date, nearest, upcoming
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.interactions import (
    DIALOGUE,
    Found,
    NamedEvent,
    find_groups,
    find_interaction,
    find_members,
    find_named_events,
    find_visit,
    is_dialogue_event,
    kind_of,
    planned,
)
from diplograph.extract.mentions import Kind, Lexicon, Mention, MentionFinder, RuleMentionFinder
from diplograph.extract.model import Claim, Extraction, Holding, Interaction, Statement
from diplograph.extract.references import ReferenceFinder
from diplograph.extract.remarks import SAME_DAY, audience, header_place
from diplograph.extract.stances import StanceFinder
from diplograph.extract.statements import (
    _DEMAND_ACTION,
    _MUST,
    _NECESSARY,
    DEMAND_VERBS,
    NOT_STATEMENTS,
    PARTICIPLES,
    PURPOSE_VERBS,
    SPEECH,
    base_verb,
    clean_action,
    event_code,
    kind_for,
    split_items,
)
from diplograph.extract.text import Sentence, Span, normalize, sentences, slug, span
from diplograph.vocab import ID

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
_SUBJECT_GAP = re.compile(
    r"^\s*(?:,[^,]{1,160},)?\s*(?:(?:also|further|again|then|once again|\w+ly) ){0,3}$"
)
_BOILERPLATE = re.compile(
    r"^(?:The (?:below|following) is attributable|Office of the Spokesperson)"
)
# "the Prime Minister of Bahrain, His Royal Highness ...", "the Crown Prince and Prime Minister"
_APPOSITIVE_GAP = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][^,;.]{0,60})?,\s+")
_ROLE_AND = re.compile(r"\s+and\s+(?:the\s+)?")
_JOINT_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?|\s*,\s*")
_ATTRIBUTION_END = re.compile(r":\s+(?=\S)")
_BEFORE_BARE_NAME = re.compile(r"\b(?:with|including|and)\s+$")
_AFTER_BARE_NAME = re.compile(
    r",\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}(?:Chair|President|Minister|Envoy|Secretary|Director|Head|Ambassador)\b"
)
_SPLIT_CLAUSE = re.compile(r",?\s+and\s+(?=looks? forward to\b)")
# The second object of a gapped reporting verb that names the speaker's support or commitment
# ("... and support for", "..., and the U.S. commitment to"; not "enduring and steadfast support").
_GAPPED_OBJECT = re.compile(
    r",?\s+and\s+(?=(?:(?:the\s+)?(?:U\.S\.|United States[\u2019']s?|his|her|their|our|its)\s+"
    r"(?:(?:unwavering|steadfast|continued|strong|full|firm|ironclad|enduring)\s+)*)?"
    r"(?:support|commitment)\s+(?:for|to)\b)"
)
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
_OPENING = re.compile(r"(?:(?:On|In|Earlier|Today|Yesterday|Last)\b[^,]{0,40},\s*)?")
_PREDICATE_AFTER = re.compile(
    r"\s+(?:(?:also|today|yesterday|\w+ly)\s+)*(?:met|spoke|talked|held|hosted|called)\b"
)
# The purpose clause of an interaction ("... with B to reaffirm", "..., and condemn").
_PURPOSE = re.compile(
    r"(?:\bto|,?\s+and)\s+(?P<verb>"
    + "|".join(sorted(PURPOSE_VERBS, key=len, reverse=True))
    + r")\b"
)
_FIRST_INFINITIVE = re.compile(r"\bto\s+(?P<verb>[a-z]+)\b")
# "According to the Foreign Ministry, ...": the source of what follows the comma.
_ACCORDING_TO = re.compile(r"(?:[Aa]ccording to)\s+")
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
_CLAUSE_TAIL = re.compile(r"(?:[\s,;.]|\band\b|\bbut\b|\bwhile\b)+$")
# A transcript's speaker label at the start of a paragraph ("SECRETARY BLINKEN: ", "Q: "); labels
# that name no speaker of statements; greetings, thanks and procedural remarks of a turn.
_SPEAKER_LABEL = re.compile(
    r"(?P<label>[A-Z][A-Z\u2019'.-]*(?: [A-Z][A-Z\u2019'.-]*){0,4}):\s+(?=\S)"
)
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
    r"|(?:let me|i[\u2019']ll|i will) (?:turn|stop|start|begin|hand|open)|please\b)",
    re.I,
)
_STATE_GAP = re.compile(r"\s+(?:(?:also|further|again|\w+ly)\s+)?|\s*,?\s+and\s+|\s*,\s*")
_NOT_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:that|which|in|on|against|toward|towards|about|over)\s+)$"
)
_PASSIVE = re.compile(r"\s+by\b")  # "the principles proposed by ...": no reporting clause
_REPORTED = re.compile(r"\s+that\b|\s*[,:]?\s*[\"\u201c]")
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
}
_FIRST_PERSON = r"\b(?:I|[Ww]e|[Mm]y (?:country|government)|[Oo]ur (?:country|government))\s+"
_FIRST_PERSON_VERB = re.compile(
    _FIRST_PERSON
    + r"(?:(?:also|again|once again|strongly|firmly|continue to|\w+ly)\s+){0,2}"
    + r"(?P<verb>"
    + "|".join(sorted(FIRST_PERSON_VERBS, key=len, reverse=True))
    + r")\b"
)
_FIRST_PERSON_WILL = re.compile(
    _FIRST_PERSON + r"(?:will|(?:are|am|is|remain) (?:\w+ly )?(?:committed|determined) to)\b"
    r"|\b(?:I|[Ww]e)[\u2019']ll\b"
)
_NEGATED_WILL = re.compile(r"\b(?:will|[\u2019']ll) (?:not|never)\b|\bwon[\u2019']t\b")
_STAGE_DIRECTION = re.compile(r"\s*\((?:Laughter|Applause|Inaudible|Crosstalk)\.?\)", re.I)
_THANKS = re.compile(r"\bthank you\b", re.I)
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_QUOTED = re.compile(r"[\"\u201c\u201d]")
# A person after one of these ("proposed by Chinese President Xi Jinping") is no new speaker.
_OBJECT_BEFORE = re.compile(r"\b(?:by|with|to|of|from|for)\s+$")
# A mention in a list of examples ("including Iraq and Syria"): an object, never a subject.
_LISTED = re.compile(r"\b(?:including|such as|notably|especially|like)\s+[^,;]*$")
_LISTED_WINDOW = 120  # characters before a mention that _LISTED looks at (bounded: linear)
_GROUP_IRI = ID + "group/"  # the unnamed groups of an article (Registry.group)
# A group that acts as the agent of who its label names ("Taliban representatives").
_AGENTS = re.compile(r"\b(?:representatives|officials|delegation|delegates|negotiators)\b", re.I)


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
_SPOKESPERSON = re.compile(r"\bSpokes(?:person|man|woman)\b", re.I)
_MFA = re.compile(r"MFA\s+")  # the abbreviated Ministry of Foreign Affairs of a title's state
_NAME_BEFORE = re.compile(r"[A-Z][\w.\u2019'-]*,\s+$")
_APPOSITIVE_NAME = re.compile(r",\s+[A-Z]")
_GROUP_LABEL = re.compile(r"^(?:the|a|an|another)\s+|\s+\([A-Z]+\)$")


# The longest article extracted; a longer one is refused (one line naming the article), so that no
# input can hold a run for long: extraction is linear in the text, about 30 s a million
# characters of dense readout prose on this machine, and no readout or transcript of the corpus
# is longer than 8,000 characters. The environment variable raises or lowers it.
MAX_ARTICLE_CHARS = 500_000
MAX_ARTICLE_CHARS_VARIABLE = "DIPLOGRAPH_MAX_ARTICLE_CHARS"
# The named graphs of the model and of the extracted actors: an article's graph is graph:<id>.
RESERVED_GRAPHS = frozenset({"actors", "codes", "diplograph", "extracted-actors"})


def max_article_chars() -> int:
    """The limit in force: ``$DIPLOGRAPH_MAX_ARTICLE_CHARS`` when set, else the default.

    >>> import os
    >>> os.environ[MAX_ARTICLE_CHARS_VARIABLE] = "1e6"
    >>> max_article_chars()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.errors.DiplographError: DIPLOGRAPH_MAX_ARTICLE_CHARS: not a positive whole ...
    >>> del os.environ[MAX_ARTICLE_CHARS_VARIABLE]
    >>> max_article_chars()
    500000
    """
    value = os.environ.get(MAX_ARTICLE_CHARS_VARIABLE)
    if value is None:
        return MAX_ARTICLE_CHARS
    if not value.strip().isdigit() or int(value) < 1:
        raise DiplographError(
            f"{MAX_ARTICLE_CHARS_VARIABLE}: not a positive whole number of characters: {value!r}"
        )
    return int(value)


class Extractor:
    """Turns articles into :class:`Extraction` records, sharing one registry across a corpus.

    An article longer than ``max_chars`` characters (default: :func:`max_article_chars`) or with
    the id of a curated article is refused with a :class:`DiplographError` naming it.
    """

    def __init__(
        self,
        registry: Registry,
        gazetteer: Gazetteer,
        finder: MentionFinder | None = None,
        max_chars: int | None = None,
    ):
        self.max_chars = max_article_chars() if max_chars is None else max_chars
        self.registry = registry
        self.gazetteer = gazetteer
        self.finder = finder or RuleMentionFinder(Lexicon.build(gazetteer, registry.known_labels()))
        self.stances = StanceFinder(legacy=gazetteer.issues)
        self.references = ReferenceFinder(registry, gazetteer)
        self._index = InteractionIndex([])  # the current article's interactions

    def extract(self, article: Article) -> Extraction:
        if len(article.text) > self.max_chars:
            raise DiplographError(
                f"{article.id}: text: {len(article.text):,} characters, above the limit of "
                f"{self.max_chars:,} (set {MAX_ARTICLE_CHARS_VARIABLE} to change it)"
            )
        curated = self.registry.curated_articles.get(article.id)
        if curated is not None or article.id in RESERVED_GRAPHS:
            taken = f"the curated article {curated.name}" if curated else f"graph:{article.id}"
            raise DiplographError(
                f"{article.id}: id: taken by {taken}; give the extracted article another id"
            )
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
        self._index = InteractionIndex(result.interactions)
        text = article.text
        previous: list[Actor] = []
        last_speaker: tuple[int, Actor] | None = None
        turn: tuple[Actor | None] | None = None  # in a transcript, whose turn it is (if known)
        main: Interaction | None = None
        speakers: list[Actor] = []  # in a transcript, who its speaker labels name
        first_label: int | None = None  # where its first speaker label is
        keys = Keys()
        for index, sentence in enumerate(sentences(text)):
            if _BOILERPLATE.match(sentence.text):
                # "The following is attributable to Spokesperson X: Secretary Y met ...": the
                # attribution is the publisher's, what follows its colon the first sentence
                colon = _ATTRIBUTION_END.search(sentence.text)
                if colon is None:
                    continue
                rest = span(text, sentence.start + colon.end(), sentence.end)
                sentence = Sentence(rest.start, rest.end, rest.text, sentence.paragraph)
            resolved = [
                Resolved(m, coref.resolve(m, previous))
                for m in self.finder.find(text, sentence.start, sentence.end)
            ]
            self._holdings(result, resolved, keys)
            taking_part = resolved
            if kind_of(sentence.text) is not None:
                resolved = [self._bare_name(text, item, coref) for item in resolved]
                for item in resolved:  # "with Jose Ramos, the Foreign Minister of Peru,"
                    if item.mention.kind == "name" and item.actors:
                        self._appositive_post(result, item, keys)
                resolved = [self._official(result, r, keys) for r in resolved]
                taking_part = self._groups(article.id, sentence, resolved)
            found = find_interaction(sentence, taking_part)
            reported = self._reported_from(text, sentence, resolved)
            if found is not None and reported is not None:
                trigger = kind_of(sentence.text)
                if trigger is not None and sentence.start + trigger[1] >= reported:
                    found = None  # "A noted that B met C": a claim of A's, not a fact
            if found is not None:
                interaction = self._interaction(result, sentence, found, main, keys)
                if interaction is not None:
                    main = main or interaction
                    if interaction is main:
                        coref.group = list(main.participants)
                        # "..., where they reiterated": the group the sentence has just named
                        resolved = [_regroup(r, coref, previous) for r in resolved]
            # a trip named inside reported speech ("said that Blinken's trip to Beijing comes at
            # ...") is presupposed, not claimed: it stays
            for named in find_named_events(sentence, resolved):
                self._named_event(result, named, main, keys)
            for dialogue in DIALOGUE.finditer(text, sentence.start, sentence.end):
                self._dialogue(result, dialogue, keys)
            visit = find_visit(sentence, resolved)
            if visit is not None:
                self._visit(result, visit, keys, sentence)
            if main is None and not coref.group:
                # no interaction found yet: "the two sides", "they" are the readout's principal
                # and counterpart, the people it first names together
                people = {
                    a.iri: a
                    for r in resolved
                    if _is_person(r) and not any(_SPOKESPERSON.search(t) for t in r.mention.titles)
                    for a in r.actors
                }
                if len(people) >= 2:
                    coref.group = list(people.values())
                    resolved = [_regroup(r, coref, previous) for r in resolved]
            label = _SPEAKER_LABEL.match(text, sentence.start)
            if label and _line_start(text, sentence.start):
                turn = (self._label_speaker(label.group("label"), coref),)
                first_label = sentence.start if first_label is None else first_label
                if turn[0] is not None and turn[0] not in speakers:
                    speakers.append(turn[0])
            if turn is not None:  # a transcript: the speaker label's turn goes on
                start = label.end() if label else sentence.start
                self._turn(result, index, sentence, start, resolved, main, turn[0], keys)
                said = None
            else:
                said = self._statements(
                    result, index, sentence, resolved, main, last_speaker, keys, coref.group
                )
            if said is not None:
                last_speaker = (sentence.paragraph, said)
            elif any(_is_person(r) for r in resolved):
                last_speaker = None
            subject = [a for r in resolved[:1] if r.mention.kind in PERSONLIKE for a in r.actors]
            if subject:
                previous = subject
        if first_label is not None and speakers:
            self._remarks(result, speakers, first_label, keys)
        for statement in result.statements:
            statement.on_behalf_of = self._side(result, statement.speaker)
        self._claims(result)
        self._stances(result)
        self.references.cite(result)  # after the stances: minted items carry none
        self.references.mention(result)  # what the narrator names outside the statements
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

    def _holdings(self, result: Extraction, resolved: list[Resolved], keys: Keys) -> None:
        """The posts titled mentions give their people, known actors included; a shortened title
        of a post the person already holds here ("Deputy Secretary" after "Deputy Secretary of
        State", "Minister" after "Minister of Energy") is that post again, not a new one."""
        self._posts_before_appositive(result, resolved, keys)
        for item in resolved:
            m = item.mention
            if m.kind in ("person", "known", "name") and m.title_span is None and item.actors:
                self._appositive_post(result, item, keys)
            if m.kind not in ("person", "known") or not item.actors or m.title_span is None:
                continue
            person = item.actors[0]
            if person.kind != "Person":
                continue
            held = [
                normalize(t).split()
                for h in result.holdings
                if h.person is person
                for t in h.titles
            ]
            where = None
            if m.organization:
                where = self.registry.organization(m.organization)
            elif m.state:
                where = self.registry.state(m.state)
            for title in m.titles:
                if _SPOKESPERSON.search(title):
                    continue  # the spokesperson reports and is no actor of the text
                post_in = where
                mfa = _MFA.match(title)
                if mfa and where is not None and where.kind == "State":
                    # "French MFA Secretary General": a post of the state's foreign ministry
                    surface = result.article.text[m.title_span[0] : m.title_span[1]]
                    surface = surface[: surface.find("MFA") + 3]
                    post_in = self.registry.foreign_ministry(where, surface)
                    title = title[mfa.end() :]
                if normalize(title) in _NO_PORTFOLIO:
                    continue
                if any(_subsequence(normalize(title).split(), words) for words in held):
                    continue
                post = self.registry.post(title, person, post_in)
                if post is None:
                    continue
                key = f"holding-{_local(person)}-{_local(post)}"
                if key in keys:
                    continue
                keys.add(key)
                evidence = span(result.article.text, m.title_span[0], m.end)
                result.holdings.append(Holding(key, person, post, evidence, (title,)))

    def _posts_before_appositive(
        self, result: Extraction, resolved: list[Resolved], keys: Keys
    ) -> None:
        """The posts of a person named in an appositive after them: "the Crown Prince and Prime
        Minister of Bahrain, His Royal Highness Salman ..." (two posts of Bahrain's)."""
        text = result.article.text
        for number, item in enumerate(resolved):
            if item.mention.kind not in PERSONLIKE or not _is_person(item):
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
                end, gap = m.start, _ROLE_AND
            person = item.actors[0]
            for role in roles:
                where = (
                    self.registry.organization(role.organization)
                    if role.organization
                    else self.registry.state(role.state or "")
                )
                post = self.registry.post(role.titles[0], person, where)
                key = f"holding-{_local(person)}-{_local(post)}" if post else ""
                if post is not None and key not in keys:
                    keys.add(key)
                    evidence = span(text, role.start, item.mention.end)
                    result.holdings.append(Holding(key, person, post, evidence, role.titles[:1]))

    # --- interactions --------------------------------------------------------------------------

    def _official(self, result: Extraction, item: Resolved, keys: Keys) -> Resolved:
        """An unresolved definite post of a named state or organisation where an interaction
        names its participants ("and the ASEAN Secretary General") is an official of that post,
        who holds it."""
        m = item.mention
        if (
            m.kind != "role"
            or item.actors
            or not m.titles
            or not (m.state or m.organization)
            or not m.text.lower().startswith("the ")
            or _APPOSITIVE_NAME.match(result.article.text, m.end)
            or _NAME_BEFORE.search(result.article.text, max(0, m.start - 40), m.start)
        ):
            # "the Foreign Minister of X, Prince Y", "Y, the Foreign Minister of X": the post of
            # the named person
            return item
        where = (
            self.registry.organization(m.organization)
            if m.organization
            else self.registry.state(m.state or "")
        )
        state = where if where.kind == "State" else None
        person = self.registry.official(m.text[4:], result.article.id, state)
        post = self.registry.post(m.titles[0], person, where)
        key = f"holding-{_local(person)}-{_local(post)}" if post else ""
        if post is not None and key not in keys:
            keys.add(key)
            evidence = span(result.article.text, m.start, m.end)
            result.holdings.append(Holding(key, person, post, evidence, m.titles[:1]))
        return Resolved(m, [person])

    def _groups(self, scope: str, sentence: Sentence, resolved: list[Resolved]) -> list[Resolved]:
        """The mentions of an interaction sentence with its unnamed groups of people in place of
        the words inside them ("foreign ministers of the Association of Southeast Asian Nations":
        the ministers take part, not the association)."""
        resolved = self._members(scope, sentence, resolved)
        groups = [
            g
            for g in find_groups(sentence)
            if not any(  # a named person is no modifier of a group ("Ana Ruiz, and officials")
                g.start <= r.mention.start < g.end and any(a.kind == "Person" for a in r.actors)
                for r in resolved
            )
        ]
        if not groups:
            return resolved
        items = [
            r
            for r in resolved
            if not any(g.start <= r.mention.start and r.mention.end <= g.end for g in groups)
        ]
        for group in groups:
            label = _GROUP_LABEL.sub("", group.text)
            actor = self.registry.group(label, scope)
            mention = Mention("organization", group.start, group.end, group.text)
            items.append(Resolved(mention, [actor]))
        return sorted(items, key=lambda r: (r.mention.start, r.mention.end))

    def _members(self, scope: str, sentence: Sentence, resolved: list[Resolved]) -> list[Resolved]:
        """The mentions of an interaction sentence with "his E3 counterparts" in place of the
        words inside it: the people of the article's interactions so far who are of the group's
        member states, else one group of people ("E3 counterparts")."""
        found = find_members(sentence, tuple(self.gazetteer.state_groups))
        if not found:
            return resolved
        items = [
            r for r in resolved if not any(s.start <= r.mention.start < s.end for s, _ in found)
        ]
        seen = {p.iri: p for i in self._index.interactions for p in i.participants}
        # "A met his Quad counterparts": neither A nor anyone of A's state
        own = {a.nationality for r in items for a in r.actors if a.kind == "Person"}
        for where, name in found:
            states = {self.registry.state(m).iri for m in self.gazetteer.state_groups[name]}
            people = [
                p for p in seen.values() if p.kind == "Person" and p.nationality in states - own
            ]
            label = _GROUP_LABEL.sub("", re.sub(r"^(?:his|her|their|our)\s+", "", where.text))
            actors = people or [self.registry.group(label, scope)]
            kind: Kind = "person" if people else "organization"
            items.append(Resolved(Mention(kind, where.start, where.end, where.text), actors))
        return sorted(items, key=lambda r: (r.mention.start, r.mention.end))

    def _appositive_post(self, result: Extraction, item: Resolved, keys: Keys) -> None:
        """The post an appositive after a name gives ("Antony J. Blinken, Secretary of State";
        "Jose Ramos, the Foreign Minister of Peru,"): of the state it names, else the person's."""
        person = item.actors[0]
        text = result.article.text
        match = _APPOSITIVE_TITLE.match(text, item.mention.end)
        if person.kind != "Person" or match is None:
            return
        words = match.group("title").split()
        g = self.gazetteer
        where: Actor | None = None
        title = match.group("title")
        of_state = re.search(r"\s+of\s+(?:the\s+)?(?P<state>.+)$", title)
        named = of_state.group("state") if of_state else ""
        label = next((k for k, v in g.states.items() if named == k or named in v), None)
        if of_state and label:
            where = self.registry.state(label)
            title = title[: of_state.start()]
            words = title.split()
        if not all(w in g.title_words or w in ("of", "for", "the", "and") for w in words):
            return
        if not any(w in g.heads for w in words) or normalize(title) in _NO_PORTFOLIO:
            return
        post = self.registry.post(title, person, where)
        if post is None:
            return
        key = f"holding-{_local(person)}-{_local(post)}"
        if key not in keys:
            keys.add(key)
            evidence = span(text, item.mention.start, match.end("title"))
            result.holdings.append(Holding(key, person, post, evidence, (title,)))

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
        keys: Keys,
    ) -> Interaction | None:
        participants = list(found.participants)
        if found.place is None and found.place_name:
            found.place = self.registry.place(found.place_name)
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
                made = self._interaction(result, sentence, one, main, keys)
                first = first or made
            return first
        if found.separate and found.subjects and len(participants) - found.subjects >= 2:
            # "meetings with A and B": one meeting of those who met them with each counterpart
            subjects = participants[: found.subjects]
            first = None
            for counterpart in participants[found.subjects :]:
                one = replace(found, participants=[*subjects, counterpart], separate=False)
                made = self._interaction(result, sentence, one, main, keys)
                first = first or made
            return first
        inferred: list[tuple[str, str]] = []
        if len(participants) == 1 and main is not None:
            own = participants[0].nationality
            if own is None and participants[0] is not main.participants[0]:
                # whose side the one named is on is unknown: the readout's principal met them
                participants.append(main.participants[0])
            else:
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
        begin, end = found.dated or (sentence.start, sentence.end)
        when = find_date(article.text, begin, article.published, end)
        if when is None and found.dated:
            when = find_date(article.text, sentence.start, article.published, sentence.end)
        trigger = kind_of(sentence.text)
        if when is not None and trigger and planned(sentence.text, trigger[1]):
            when = upcoming(when, article.published)  # "will meet on Friday": the next Friday
        key = _unique(
            f"{found.kind.lower()}-" + "-".join(_local(p) for p in participants[:4]), keys
        )
        evidence = [span(article.text, sentence.start, sentence.end)]
        interaction = Interaction(key, found.kind, participants, evidence, when, None, found.place)
        interaction.inferred = inferred
        if found.kind == "Visit":  # "A hosted B for an official visit"
            if not 0 < found.subjects < len(participants):
                return None
            interaction.hosts = participants[: found.subjects]
            interaction.visitors = participants[found.subjects :]
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
        planned_one = trigger is not None and planned(sentence.text, trigger[1])
        # "A and B agreed to meet again": no retelling of their meeting on another day
        other = (
            None
            if planned_one and when is None
            else self._index.same(participants, interaction.kind, when)
        )
        if other is not None:
            # the same interaction told again ("@StateDeptSpox: A called B ..."): one
            self._index.add_evidence(other, evidence)
            return other
        result.interactions.append(interaction)
        return interaction

    def _remarks(
        self, result: Extraction, speakers: list[Actor], first_label: int, keys: Keys
    ) -> None:
        """The meeting at which a transcript's remarks are given, as its main interaction: the
        labelled speakers and the audience the title names (the people it names, else a group),
        on the publication day when the remarks say "today", where the header says."""
        article = result.article
        heard_by = audience(article.title)
        if heard_by is None:
            return
        title = Coreference(self.registry, None, article.published)
        people = [
            actor
            for mention in self.finder.find(heard_by, 0, len(heard_by))
            if mention.kind in ("person", "known")
            for actor in title.resolve(mention, [])
            if actor.kind == "Person"
        ]
        listeners = people or [self.registry.group(heard_by, article.id)]
        participants = [*speakers, *(p for p in listeners if p not in speakers)]
        if len(participants) < 2 or self._index.same(participants, "Meeting", None):
            return
        text = article.text
        place_label = header_place(text[:first_label], self.gazetteer.places)
        place = self.registry.place(place_label) if place_label else None
        day = SAME_DAY.search(text, first_label)
        when = find_date(text, day.start(), article.published, day.end()) if day else None
        first = next(s for s in sentences(text) if s.end > first_label)
        key = _unique("meeting-" + "-".join(_local(p) for p in participants[:4]), keys)
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
        result.interactions.insert(0, event)

    def _dialogue(self, result: Extraction, match: re.Match[str], keys: Keys) -> None:
        """Talks between the two sides a dialogue is named after ("U.S.-Bahrain Strategic
        Dialogue"), a meeting of those a dated summit is named after ("the upcoming U.S.-ASEAN
        Special Summit"), each once per article; the sides are states or organisations."""
        if not is_dialogue_event(result.article.text, match):
            return
        if match.group("noun") != "Summit" and any(
            e.start <= match.start() and match.end() <= e.end
            for i in result.interactions
            if i.kind == "Talks"
            for e in i.evidence
        ):
            return  # "A and B convened a round of the U.S.-X Strategic Dialogue": these talks
        sides = []
        for name in (match.group("a"), match.group("b")):
            side = self._side_named(normalize(name).rstrip("."))
            if side is None:
                return
            sides.append(side)
        if sides[0] is sides[1]:
            return
        kind = "Meeting" if match.group("noun") == "Summit" else "Talks"
        if self._index.same(sides, kind, None) is not None:
            return
        key = _unique(f"{kind.lower()}-" + "-".join(_local(p) for p in sides), keys)
        evidence = [span(result.article.text, match.start(), match.end())]
        result.interactions.append(Interaction(key, kind, sides, evidence))

    def _side_named(self, key: str) -> Actor | None:
        """The state or organisation whose gazetteer name or alias, normalised, is ``key``."""
        for table, make in (
            (self.gazetteer.states, self.registry.state),
            (self.gazetteer.organizations, self.registry.organization),
        ):
            for label, aliases in table.items():
                if key in {normalize(n).rstrip(".") for n in (label, *aliases)}:
                    return make(label)
        return None

    def _named_event(
        self, result: Extraction, named: NamedEvent, main: Interaction | None, keys: Keys
    ) -> None:
        """An earlier or planned interaction the text names by a dated noun; "their" adds the
        participants of the main interaction. Nothing when it is one already found."""
        participants = list(named.participants)
        if named.of_group and main is not None:
            participants = [p for p in main.participants if p not in participants] + participants
        if len(participants) < 2:
            return
        text = result.article.text
        when = None
        if named.date is not None:
            when = find_date(text, named.date.start, result.article.published, named.date.end)
            if when is None:
                return
            if not named.past:  # "their June 8 meeting" may be planned: the nearest June 8
                when = nearest(when, result.article.published)
        if self._index.same(participants, None, when) is not None:
            return
        if (
            when is None
            and named.place is None
            and main is not None
            and main.kind == named.kind
            and set(main.participants) <= set(participants)
        ):
            return  # "following their meeting, they ...": the meeting in scope, not another
        key = _unique(
            f"{named.kind.lower()}-" + "-".join(_local(p) for p in participants[:4]), keys
        )
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
        result.interactions.append(interaction)

    def _visit(
        self,
        result: Extraction,
        visit: tuple[Actor, Actor, Span],
        keys: Keys,
        sentence: Sentence | None = None,
    ) -> None:
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
        if sentence is not None:  # "... planned visit to Washington on August 30"
            published = result.article.published
            when = find_date(result.article.text, where.end, published, sentence.end)
            if when is not None and when.offset - where.end <= 20:
                # "traveled to X on June 18": the latest June 18, as for any interaction
                past = _PAST_TRIP.search(result.article.text, where.start, where.end)
                trip.when = when if past else nearest(when, published)
                trip.when_span = span(
                    result.article.text, when.offset, when.offset + len(when.expression)
                )
        for other in result.interactions:
            if visitor in other.participants and other.kind in ("Meeting", "Talks"):
                other.part_of = trip
                if (
                    other.place is None
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
        keys = Keys(s.key for s in result.statements)
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
        keys: Keys,
        parties: Sequence[Actor] = (),
    ) -> Actor | None:
        """The statements of a sentence (``parties``: who "the two sides" are when the article
        has no interaction yet)."""
        text = result.article.text
        matches = list(SPEECH.finditer(text, sentence.start, sentence.end))
        group = list(main.participants) if main is not None else list(parties)
        heads = self._clause_heads(text, sentence, resolved, matches, group)
        continued = False  # the speaker is the paragraph's, not named in the sentence
        if not heads:
            heads = self._purpose(text, sentence, resolved)
        if not heads:
            heads = self._according_to(text, sentence, resolved)
            if not heads and _ACCORDING_TO.match(text, sentence.start):
                return None  # "According to reports, ...": a source that is no actor
        if not heads:
            people = [
                r
                for r in resolved
                if _is_person(r)
                and not _OBJECT_BEFORE.search(text, sentence.start, r.mention.start)
            ]
            if last_speaker is None or people or last_speaker[0] != sentence.paragraph:
                return None
            opening = resolved[0] if resolved else None
            if (
                opening is not None
                and opening.actors
                and opening.mention.kind in ("state", "organization", "known")
                and _OPENING.fullmatch(text, sentence.start, opening.mention.start)
            ):
                # "The United States and Jamaica are partners in ...": a sentence about the
                # states it opens with is the narrator's, not the paragraph's speaker's
                return None
            active = [m for m in matches if not _PASSIVE.match(text, m.end())]
            if active and not _QUOTED.search(text, sentence.start, active[0].start()):
                # "Participants discussed ...", "U.S. officials expressed ...": a subject the
                # sentence names but no mention resolves is not the paragraph's speaker
                return None
            heads = [([last_speaker[1]], "", sentence.start, sentence.start, sentence.start)]
            continued = True
        speakers = heads[0][0]
        said = [h for h in heads if h[1] not in NOT_STATEMENTS and h[1] != HOSTING]
        if not said:
            return None
        several = len(heads) > 1  # a clause of its own, even after a topic ("discussed")
        for number, (who, verb, verb_at, content_start, _) in enumerate(heads):
            if verb in NOT_STATEMENTS or verb == HOSTING:
                continue
            end = heads[number + 1][4] if number + 1 < len(heads) else sentence.end
            end = verb_at + len(_CLAUSE_TAIL.sub("", text[verb_at:end]))
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
            joint = len({(self._side(result, a) or a).iri for a in who}) > 1
            gapped = self._gapped(text, verb, content_start, content, joint, evidence)
            if gapped and not split:
                clauses = [(offset, clause) for offset, clause, _ in gapped]
            for speaker in who:
                for offset, clause in clauses:
                    if gapped and not split:
                        kind, evidence = next((k, e) for o, _, (k, e) in gapped if o == offset)
                    else:
                        kind = kind_for(verb if offset == 0 else "", clause, joint)
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
                        base_verb(verb),
                        continued,
                        evidence,
                        together=who,
                    )
        return speakers[0] if len(speakers) == 1 else None

    def _purpose(
        self, text: str, sentence: Sentence, resolved: list[Resolved]
    ) -> list[tuple[list[Actor], str, int, int, int]]:
        """The reporting verbs of an interaction's purpose clause ("A spoke today with B to
        reaffirm X and condemn Y"), as clauses of the person who opens the sentence; none when
        the sentence reports no interaction or opens with no one."""
        if kind_of(sentence.text) is None:
            return []
        speakers = self._opening_subject(text, sentence, resolved)
        if not speakers:
            return []
        first = _FIRST_INFINITIVE.search(text, sentence.start, sentence.end)
        if first is None or first.group("verb") not in PURPOSE_VERBS:
            return []  # "to discuss ways to welcome ...": the purpose is a topic
        heads: list[tuple[list[Actor], str, int, int, int]] = []
        for match in _PURPOSE.finditer(text, first.start(), sentence.end):
            if heads and not match.group(0).lstrip(", ").startswith("and"):
                break  # "to reaffirm X and condemn Y", not a later infinitive inside X
            verb = PURPOSE_VERBS[match.group("verb")]
            at = match.start("verb")
            heads.append((speakers, verb, at, match.end(), at))
        return heads

    @staticmethod
    def _according_to(
        text: str, sentence: Sentence, resolved: list[Resolved]
    ) -> list[tuple[list[Actor], str, int, int, int]]:
        """ "According to X, ...": what follows the comma is X's (a person, state or
        organisation), as if X said it; no clause otherwise."""
        opening = _ACCORDING_TO.match(text, sentence.start)
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

    @staticmethod
    def _gapped(
        text: str, verb: str, start: int, content: str, joint: bool, evidence: Span
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
        kinds = kind_for(verb, first, joint), kind_for(verb, second, joint)
        if kinds[0] == kinds[1]:
            return []
        object_end = start + len(content.rstrip(" .;,"))
        return [
            (0, first, (kinds[0], span(text, evidence.start, start + cut.start()))),
            (cut.end(), second, (kinds[1], span(text, start + cut.end(), object_end))),
        ]

    @staticmethod
    def _hosting(text: str, resolved: list[Resolved], after: int) -> bool:
        """Whether "welcomed" at ``after`` welcomes a person somewhere ("welcomed Foreign Minister
        X to the Department"), not a fact or a decision."""
        for item in resolved:
            if item.mention.start < after:
                continue
            return (
                _is_person(item)
                and not text[after : item.mention.start].strip()
                and _TO_PLACE.match(text, item.mention.end) is not None
            )
        return False

    def _reported_from(self, text: str, sentence: Sentence, resolved: list[Resolved]) -> int | None:
        """Where the sentence's reported speech starts: the complement of a reporting verb with a
        subject ("The Minister noted that ...", "Blinken said: “..."), else None."""
        for match in SPEECH.finditer(text, sentence.start, sentence.end):
            if match.group(0) in NOT_STATEMENTS or not _REPORTED.match(text, match.end()):
                continue
            if self._subject(text, resolved, match.start(), sentence.start):
                return match.end()
        return None

    def _label_speaker(self, label: str, coref: Coreference) -> Actor | None:
        """The person a transcript's speaker label names ("SECRETARY BLINKEN", "MINISTER LEE"):
        one the article has named, else one the registry knows by that name, else a person of
        the name the label gives after its titles ("AMBASSADOR THOMAS-GREENFIELD"); nobody for a
        question, the moderator or a label of titles only."""
        words = label.split()
        if words[0] in _NOT_SPEAKERS:
            return None
        name = normalize(words[-1])
        for iri in reversed(coref.order):
            actor = self.registry.actors[iri]
            if actor.kind == "Person" and normalize(actor.label).split()[-1:] == [name]:
                return actor
        known = self.registry.find(words[-1].title(), ("Person",))
        if known is not None:
            return known
        g = self.gazetteer
        titles = {normalize(w) for w in (*g.title_words, *g.honorifics)}
        names = [w for w in words if normalize(w) not in titles]
        if not names or names != words[len(words) - len(names) :]:
            return None  # titles only, or words after the name: no name to go by
        person = self.registry.person(" ".join(names), None)
        coref.remember(person)
        return person

    def _turn(
        self,
        result: Extraction,
        index: int,
        sentence: Sentence,
        start: int,
        resolved: list[Resolved],
        main: Interaction | None,
        speaker: Actor | None,
        keys: Keys,
    ) -> None:
        """A sentence of a speaker's turn in a transcript: a statement of the speaker unless it is
        a question, a greeting, thanks or a procedural remark."""
        text = result.article.text
        stage = _STAGE_DIRECTION.search(text, start, sentence.end)  # "(Laughter.)"
        evidence = span(text, start, stage.start() if stage else sentence.end)
        words = evidence.text.split()
        if (
            speaker is None
            or len(words) < 4
            or evidence.text.rstrip('\u201d"\u2019) ').endswith("?")
        ):
            return
        if _PROCEDURAL.match(evidence.text) or _THANKS.search(evidence.text):
            return
        if not _LOWER_WORD.search(evidence.text):
            return  # "Yankees, Giants, Knicks.": names without a verb say nothing
        verb, at = "", evidence.start
        first = _FIRST_PERSON_VERB.search(evidence.text)
        if first is not None:  # "We call on Russia to ...": the speaker's own reporting verb
            verb, at = FIRST_PERSON_VERBS[first.group("verb")], evidence.start + first.end()
            kind = kind_for(verb, text[at : evidence.end])
        elif _FIRST_PERSON_WILL.search(evidence.text) and not _NEGATED_WILL.search(evidence.text):
            kind = "Commitment"  # "We will keep ...", "my government is committed to ...""
        else:
            kind = kind_for("", evidence.text)
        self._statement(
            result,
            index,
            sentence,
            resolved,
            main,
            speaker,
            kind,
            at,
            text[at : evidence.end],
            keys,
            verb,
            False,
            evidence,
        )

    def _clause_heads(
        self,
        text: str,
        sentence: Sentence,
        resolved: list[Resolved],
        matches: list[re.Match[str]],
        group: list[Actor],
    ) -> list[tuple[list[Actor], str, int, int, int]]:
        """The reporting clauses of a sentence, each as (speakers, verb, where the verb starts,
        where its complement starts): the first verb with a subject, then each reporting verb
        that opens a coordinated clause ("..., and urged", "; he also noted", ", emphasizing"),
        with the subject it names ("and the two ministers agreed") or the one before."""
        heads: list[tuple[list[Actor], str, int, int, int]] = []
        # "Expressing concern about X, the Secretary urged ...": a participle clause before the
        # subject
        leading = _LEADING.match(text, sentence.start)
        for match in matches:
            verb = match.group(0)
            if heads and match.start() < heads[-1][3]:
                continue
            subject = self._subject(text, resolved, match.start(), sentence.start)
            before_verb = text[sentence.start : match.start()]
            if not subject and (
                _PLURAL_SUBJECT.search(before_verb) or _BARE_PLURAL_SUBJECT.fullmatch(before_verb)
            ):
                subject = group  # "the participants agreed", "X and the two ministers pledged"
            if not subject and not heads and _COORDINATED_PREDICATE.search(before_verb):
                subject = self._opening_subject(text, sentence, resolved)
            if not subject and group:
                subject = self._joint_with_unknown(text, resolved, match.start(), group)
            if verb == "welcomed" and self._hosting(text, resolved, match.end()):
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
            if _QUOTED.search(text, sentence.start, match.start()):
                break  # inside a quotation, or after one
            at = match.start()
            participle = verb in PARTICIPLES
            if (participle and _PARTICIPLE_HEAD.search(before)) or (
                not participle and _CLAUSE_HEAD.search(before)
            ):
                heads.append((heads[-1][0], verb, at, match.end(), at))
            elif verb not in PARTICIPLES:
                new = _NEW_SUBJECT.search(before)
                if not subject and new and _HE_OR_SHE.search(before):
                    subject = heads[-1][0]  # "X welcomed Y to Z, where he reaffirmed": X
                if subject and new:
                    heads.append((subject, verb, at, match.end(), heads[-1][3] + new.start()))
        return heads

    def _joint_with_unknown(
        self, text: str, resolved: list[Resolved], verb_at: int, group: list[Actor]
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
            or not _ROLE_AND.fullmatch(text, other.mention.end, last.mention.start)
            or not other.actors
            or not all(a in group for a in other.actors)
        ):
            return []
        return list(group)

    @staticmethod
    def _opening_subject(text: str, sentence: Sentence, resolved: list[Resolved]) -> list[Actor]:
        """The person who opens ``sentence`` as the subject of its first predicate ("A spoke
        today with B and underscored ...": A), after a fronted adverbial at most; none when the
        sentence opens otherwise ("In a call with A, B ...": B is no opening subject)."""
        if not resolved or not _is_person(resolved[0]):
            return []
        first = resolved[0].mention
        if not _OPENING.fullmatch(text, sentence.start, first.start):
            return []
        after = _PREDICATE_AFTER.match(text, first.end)
        if after is None:
            return []
        return [a for a in resolved[0].actors if a.kind in SPEAKER_KINDS]

    def _subject(
        self, text: str, resolved: list[Resolved], verb_at: int, start: int
    ) -> list[Actor]:
        before = [r for r in resolved if r.mention.end <= verb_at]
        speakers: list[Actor] = []
        position = verb_at
        for item in reversed(before):
            gap = text[item.mention.end : position]
            if speakers and not _JOINT_GAP.fullmatch(gap):
                break  # "A and B", "A, B and the C": one joint subject
            if speakers and _OBJECT_BEFORE.search(text, start, item.mention.start):
                break  # "On behalf of the President, the Secretary delivered": one speaker
            if speakers and _LISTED.search(
                text, max(start, item.mention.start - _LISTED_WINDOW), item.mention.start
            ):
                break  # "developments, including X and Y, and the Secretary noted": one
            if not speakers and not _SUBJECT_GAP.match(text[item.mention.end : verb_at]):
                if _is_person(item):
                    break
                continue
            if (
                not _is_person(item)
                and item.mention.kind not in ("pronoun", "group")
                and not self._state_subject(text, item, position, start)
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

    @staticmethod
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
            and not _OBJECT_BEFORE.search(text, start, m.start)
            and not _NOT_SUBJECT_BEFORE.search(text, start, m.start)
        )

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
        keys: Keys,
        verb: str,
        continued: bool = False,
        evidence: Span | None = None,
        together: Sequence[Actor] = (),
    ) -> None:
        """One statement of ``speaker`` (``together``: all the speakers of its clause, when they
        speak jointly: none of them is another's addressee or target)."""
        text = result.article.text
        during = None
        if main is not None and speaker in main.participants:
            during = main
        else:
            during = self._index.last_with(speaker)
        speakers = [speaker, *(a for a in together if a is not speaker)]
        sides = [*speakers, *(self._side(result, a) for a in speakers)]
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
        if kind == "Criticism":
            own = speaker.nationality
            states = [
                r.actors[0]
                for r in resolved
                if r.actors
                and r.actors[0].kind == "State"
                and r.mention.start >= at
                and r.actors[0].iri != own
                and r.actors[0] not in sides
            ]
            if not states:  # "concerns regarding interference by the Taliban"
                states = [
                    r.actors[0]
                    for r in resolved
                    if r.actors
                    and r.actors[0].kind in ("Organization", "GovernmentBody", "PartyBody")
                    and r.mention.start >= at
                    and r.actors[0] not in sides
                    and r.actors[0] is not self.registry.state_of(speaker)
                    and r.actors[0] not in addressees
                ]
            target = states[0] if states else (addressees[0] if addressees else None)
            items: list[tuple[Span, str | None]] = [(evidence, None)]
            if target is None:
                kind = "Assertion"
        elif kind == "Demand":
            target, items = self._demand(text, resolved, at, clause, verb, speakers, addressees)
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
        speakers: list[Actor],
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
        elif verb == "called for" and clause.strip():
            action_at = at + len(clause) - len(clause.lstrip())  # "called for accountability"
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
        if target is None or target in speakers:
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
        found = actors_within(resolved, start, end, SPEAKER_KINDS)
        if not found:
            return None
        return found[-1] if last else found[0]

    # --- stances -------------------------------------------------------------------------------

    def _stances(self, result: Extraction) -> None:
        """The stances the statements express (:mod:`.stances`); a group of the article that
        acts for the state or organisation its label names holds them for it ("NUG
        representatives": the NUG; "senior Taliban officials": the Taliban), a group of
        officials of several ("ASEAN foreign ministers") for itself."""
        sides: dict[str, Actor] = {}
        for statement in result.statements:
            holder = statement.on_behalf_of or statement.speaker
            if (
                holder.iri.startswith(_GROUP_IRI)
                and holder.iri not in sides
                and _AGENTS.search(holder.label)
            ):
                side = self._named_side(holder.label)
                if side is not None:
                    sides[holder.iri] = side
        for statement in result.statements:  # the group speaks for that side: dip:onBehalfOf
            speaker, side = statement.speaker, statement.on_behalf_of
            if speaker.iri in sides and (side is None or side.iri == speaker.iri):
                statement.on_behalf_of = sides[speaker.iri]
        result.stances = self.stances.find(result, sides)

    def _named_side(self, label: str) -> Actor | None:
        """The state or organisation (no group) that the longest run of words of ``label``
        names, the first such run when two are as long."""
        words = label.split()
        kinds = ("State", "Organization", "GovernmentBody", "PartyBody", "PoliticalParty")
        for size in range(len(words), 0, -1):
            for first in range(len(words) - size + 1):
                found = self.registry.find(" ".join(words[first : first + size]), kinds)
                if found is not None and not found.iri.startswith(_GROUP_IRI):
                    return found
        return None


def _line_start(text: str, at: int) -> bool:
    """Whether only blanks stand between ``at`` and the start of its line."""
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _regroup(item: Resolved, coref: Coreference, previous: list[Actor]) -> Resolved:
    """A mention of a group ("they", "the two sides") resolved again, once the group is known."""
    m = item.mention
    if m.kind == "group" or (
        m.kind == "pronoun" and (m.text.lower() == "they" or m.text == "Both")
    ):
        return Resolved(m, coref.resolve(m, previous))
    return item


def _is_person(item: Resolved) -> bool:
    """Whether a resolved mention stands for one or more people."""
    return (
        item.mention.kind in PERSONLIKE
        and bool(item.actors)
        and all(a.kind == "Person" for a in item.actors)
    )


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Whether the words ``short`` occur in ``long`` in order ("deputy secretary" in "deputy
    secretary of state")."""
    rest = iter(long)
    return bool(short) and all(word in rest for word in short)


def _local(actor: Actor) -> str:
    return _local_iri(actor.iri)


def _local_iri(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


# A trip the text reports as made ("traveled to", "visited", "arrived in"), not planned.
_PAST_TRIP = re.compile(r"\b(?:travell?ed|visited|arrived)\b")


class InteractionIndex:
    """An article's interactions, indexed as they are appended to its list, so that looking up
    "the same interaction told again" or "the last one this speaker took part in" costs O(1),
    not a walk over every interaction found so far. Calls of any medium count as one kind."""

    def __init__(self, interactions: list[Interaction]) -> None:
        self.interactions = interactions
        self.indexed = 0
        self.first: dict[tuple[object, ...], Interaction] = {}
        self.last: dict[str, Interaction] = {}  # by participant IRI: the last one not a visit
        self.evidence: dict[int, set[Span]] = {}

    def _sync(self) -> None:
        for interaction in self.interactions[self.indexed :]:
            members = frozenset(p.iri for p in interaction.participants)
            kind = _medium_blind(interaction.kind)
            for key in (
                (members, kind),
                (members, kind, interaction.when),
                (members, None, interaction.when),
            ):
                self.first.setdefault(key, interaction)
            if interaction.kind != "Visit":
                for participant in interaction.participants:
                    self.last[participant.iri] = interaction
        self.indexed = len(self.interactions)

    def same(
        self, participants: Iterable[Actor], kind: str | None, when: When | None
    ) -> Interaction | None:
        """The first interaction with exactly these participants, of this kind (any kind for
        None; a call of any medium for a call) and on this date (any date for None)."""
        self._sync()
        members = frozenset(p.iri for p in participants)
        group = None if kind is None else _medium_blind(kind)
        return self.first.get((members, group) if when is None else (members, group, when))

    def last_with(self, actor: Actor) -> Interaction | None:
        """The last interaction, not a visit, that ``actor`` takes part in."""
        self._sync()
        return self.last.get(actor.iri)

    def add_evidence(self, interaction: Interaction, evidence: list[Span]) -> None:
        """Add the spans of ``evidence`` that ``interaction`` does not have yet."""
        seen = self.evidence.setdefault(id(interaction), set(interaction.evidence))
        for item in evidence:
            if item not in seen:
                seen.add(item)
                interaction.evidence.append(item)


def _medium_blind(kind: str) -> str:
    return "Call" if kind in ("Call", "PhoneCall", "VideoCall") else kind


class Keys(set[str]):
    """The keys taken in one article, and for each base key the next number to try, so that
    minting the n-th ``meeting-a-b`` costs O(1), not O(n).

    >>> keys = Keys()
    >>> [_unique("meeting-a-b", keys) for _ in range(3)]
    ['meeting-a-b', 'meeting-a-b-2', 'meeting-a-b-3']
    """

    def __init__(self, keys: Iterable[str] = ()) -> None:
        super().__init__(keys)
        self.next: dict[str, int] = {}


def _unique(key: str, keys: Keys) -> str:
    base = slug(key)
    candidate, number = base, keys.next.get(base, 2)
    if candidate in keys:
        candidate = f"{base}-{number}"
        while candidate in keys:
            number += 1
            candidate = f"{base}-{number}"
        number += 1
    keys.next[base] = number
    keys.add(candidate)
    return candidate


__all__ = ["Extractor", "Sentence"]
