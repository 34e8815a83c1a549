"""Finding mentions of actors in a sentence: the :class:`MentionFinder` protocol and its rules.

A mention is a stretch of text that names or refers to an actor: a titled person ("German Foreign
Minister Heiko Maas"), a bare name ("Blinken"), a role ("the Secretary"), a pronoun ("He", "They"),
a state ("the US"), an organisation or a place. A statistical tagger can replace
:class:`RuleMentionFinder` as long as it returns the same :class:`Mention` objects.

>>> from diplograph.extract.gazetteer import load
>>> finder = RuleMentionFinder(Lexicon.build(load(), {}))
>>> text = "Secretary of State Antony J. Blinken spoke today with German Foreign Minister Maas."
>>> for m in finder.find(text, 0, len(text)):
...     print(m.kind, m.name, m.titles, m.state)
person Antony J. Blinken ('Secretary of State',) None
person Maas ('Foreign Minister',) Germany
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple, Protocol

from diplograph.extract.dates import CALENDAR_WORDS
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.text import NAME_ABBREVIATIONS, normalize

Kind = Literal[
    "person", "name", "role", "pronoun", "group", "state", "organization", "place", "known"
]
Phrase = tuple[int, Kind, str]  # a known phrase's length in tokens, its kind and its value

_TOKEN = re.compile(r"[^\W_](?:[\w]|[-\u2019'.](?=[^\W_]))*\.?|\S", re.UNICODE)
_POSSESSIVE = re.compile(r"^(.*[^\W_])[\u2019']s\.?$")
_KEEP_PERIOD = re.compile(
    rf"^(?:[A-Z]|[A-Z](?:\.[A-Z])+|D\.C|U\.S|U\.K|U\.N|{NAME_ABBREVIATIONS})\.$"
)
_ROMAN = re.compile(r"^(?:II|III|IV|V|VI)$")
# The last words of a body's name, never of a person's ("Joint Action Group", "Steering Committee")
_BODY_HEADS = frozenset(
    {
        "group",
        "committee",
        "council",
        "commission",
        "agency",
        "initiative",
        "forum",
        "program",
        "programme",
        "partnership",
        "mechanism",
        "alliance",
        "summit",
        "conference",
        "dialogue",
    }
)
_PARTICLE_NAME = re.compile(r"^[a-z]+-[A-Z]")  # "al-Busaidi"
# An apostrophe that transliterates a letter (ayin, hamza) before a particle name: "Shia' al-Sudani"
_AYIN = re.compile(r"[\u2019'](?= (?:al|el)-[A-Z])")
_NOT_NAMES = frozenset(
    normalize(word)
    for word in [
        *CALENDAR_WORDS,
        "The",
        "This",
        "That",
        "These",
        "Those",
        "In",
        "On",
        "At",
        "During",
        "Today",
        "Tonight",
        "He",
        "She",
        "They",
        "It",
        "We",
        "Our",
        "Their",
        "Both",
        "Also",
        "And",
        "But",
        "As",
        "After",
        "Before",
        "Following",
        "Since",
        "While",
        "When",
        "Where",
        "With",
        "Without",
        "Building",
        "Noting",
        # closed-class words a sentence may open with: prepositions, and the participles of
        # reporting and travel ("Leaving Vienna, …", "From Vienna, …" are no names)
        "From",
        "Upon",
        "Ahead",
        "Amid",
        "Despite",
        "Throughout",
        "Across",
        "Against",
        "Regarding",
        "Concerning",
        "Via",
        "Leaving",
        "Arriving",
        "Returning",
        "Speaking",
        "His",
        "Her",
        "Its",
        "Secretary-General",
    ]
)
# Title words written in lower case before a title ("acting Foreign Minister", "former Prime
# Minister": the post "former Prime Minister", not the post the person no longer holds).
_LOWER_TITLES = frozenset({"acting", "interim", "former"})
PRONOUNS = {"he": "he", "she": "she", "they": "they", "both": "they"}
GROUPS = (
    "the two leaders",
    "the two sides",
    # news agencies' words for the two ("The top diplomats of the two nations held a meeting")
    "the top diplomats of the two nations",
    "the top diplomats of the two countries",
    "the two top diplomats",
    "the top diplomats",
    "the two presidents",
    "the two prime ministers",
    "the two heads of state",
    # the sides' states ("The two countries will convene ..."): :meth:`Coreference.resolve`
    "the two countries",
    "the two governments",
    "the two nations",
    "the two",
    "the leaders",
    "both sides",
    "both leaders",
    "the two ministers",
    "the two foreign ministers",
    "the ministers",
    "the officials",
    "both countries",
    "both governments",
)
# The groups by their first word, as tuples of words, in the order of GROUPS (the first that
# matches wins: "the two" before "the two ministers").
_GROUP_WORDS: dict[str, list[tuple[str, ...]]] = {
    first: [tuple(g.split()) for g in GROUPS if g.split()[0] == first]
    for first in dict.fromkeys(g.split()[0] for g in GROUPS)
}


class Token(NamedTuple):
    """A word or punctuation mark: ``text[start:end]`` and its :func:`normalize`-d form."""

    text: str
    start: int
    end: int
    norm: str


def _token(text: str, start: int, end: int) -> Token:
    return Token(text, start, end, normalize(text))


@dataclass(frozen=True)
class Mention:
    """A mention of an actor, with what the text says about it."""

    kind: Kind
    start: int
    end: int
    text: str
    name: str | None = None  # the name as written (persons)
    titles: tuple[str, ...] = ()  # titles without state or honorifics, split at "and"
    state: str | None = None  # gazetteer label of the state named in the title
    organization: str | None = None  # gazetteer label of the organisation named in the title
    known: str | None = None  # the IRI of a registry actor this phrase is a label of
    title_span: tuple[int, int] | None = None
    # per title, whether its own words name the state and no organisation: "Senegalese President"
    # in "Senegalese President and African Union Chairperson Macky Sall" is a post of the state
    state_titles: tuple[bool, ...] = ()


class MentionFinder(Protocol):
    """Anything that finds the actor mentions of ``text[start:end]``, in text order; ``toks``,
    when given, are the :func:`tokens` of that stretch (the token layer), which a finder may
    read instead of tokenizing the text again, or ignore."""

    def find(
        self, text: str, start: int, end: int, toks: Sequence[Token] | None = None
    ) -> list[Mention]: ...


# The formal names of a state before its short name; a label with one of them is formal already.
_FORMS = ("Republic", "Kingdom", "State", "Federal Republic", "Commonwealth")
_FORMAL = re.compile(r"\b(?:Republic|Kingdom|State|Commonwealth|Federation|Union|Emirates)\b")


@dataclass
class Lexicon:
    """Phrases the rules know, as tuples of normalised tokens."""

    gazetteer: Gazetteer
    phrases: dict[tuple[str, ...], tuple[Kind, str]] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first token -> longest phrase length
    # known phrases that also name a state ("U.S."): the state's label, read as the state inside
    # a title ("former U.S. Secretary of State", "U.S. Special Representative Kim")
    known_states: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def build(cls, gazetteer: Gazetteer, known: dict[str, str]) -> Lexicon:
        """From the gazetteer and the registry's ``{label: iri}`` of known actors."""
        lexicon = cls(gazetteer)
        for label, iri in known.items():
            lexicon.add(label, "known", iri)
        for label, names in gazetteer.states.items():
            for name in (label, *names):
                lexicon.add(name, "state", label)
                key = tuple(t.norm for t in tokens(name, 0, len(name)))
                found = lexicon.phrases.get(key)
                if found is not None and found[0] == "known":
                    lexicon.known_states.setdefault(key, label)
        for label in gazetteer.states:
            # "the Republic of Cyprus", "the Kingdom of Spain": the formal name of a state the
            # gazetteer names shortly, unless it names another ("Republic of Korea")
            if _FORMAL.search(label) is None:
                for formal in (f"{form} of {label}" for form in _FORMS):
                    key = tuple(t.norm for t in tokens(formal, 0, len(formal)))
                    if key not in lexicon.phrases:
                        lexicon.add(formal, "state", label)
        for label, names in gazetteer.organizations.items():
            for name in (label, *names):
                lexicon.add(name, "organization", label)
        for label in gazetteer.places:
            lexicon.add(label, "place", label)
        return lexicon

    def add(self, phrase: str, kind: Kind, value: str) -> None:
        key = tuple(t.norm for t in tokens(phrase, 0, len(phrase)))
        if key and key not in self.phrases:
            self.phrases[key] = (kind, value)
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def matches(self, toks: Sequence[Token]) -> list[Phrase | None]:
        """The longest known phrase at each position of ``toks`` (its length, kind and value), or
        None; a phrase of one word only where it is capitalised."""
        norms = tuple(t.norm for t in toks)
        longest = self.longest
        return [
            None if norm not in longest else self._longest(norms, i, toks[i].text)
            for i, norm in enumerate(norms)
        ]

    def _longest(self, norms: tuple[str, ...], i: int, text: str) -> Phrase | None:
        for size in range(min(self.longest.get(norms[i], 0), len(norms) - i), 0, -1):
            found = self.phrases.get(norms[i : i + size])
            if found and (size > 1 or text[:1].isupper()):
                return size, *found
        return None


class _Tokens(list[Token]):
    """The tokens of the stretch the finder works on, with their normalised words and the
    lexicon's :meth:`Lexicon.matches`, computed once (the rules ask for them
    several times per position)."""

    def __init__(self, toks: list[Token], lexicon: Lexicon) -> None:
        super().__init__(toks)
        self.norms = tuple(t.norm for t in toks)
        self.phrase_at = lexicon.matches(toks)


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation of ``text[start:end]``; "\u2019s" and most final periods split off.

    >>> [t.text for t in tokens("Blinken\u2019s call with Dr. S. Jaishankar.", 0, 38)]
    ['Blinken', '\u2019s', 'call', 'with', 'Dr.', 'S.', 'Jaishankar', '.']
    """
    found: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        begin, finish = match.span()
        if _AYIN.match(text, finish, end):  # "Shia' al-Sudani": the mark is part of the name
            found.append(_token(text[begin : finish + 1], begin, finish + 1))
            continue
        if found and found[-1].end > begin:
            continue  # the mark a name above took in
        if word[-1] != "." and "'" not in word and "\u2019" not in word:
            found.append(Token(word, begin, finish, normalize(word)))  # most words: as they are
            continue
        possessive = _POSSESSIVE.match(word)
        if possessive and len(word) > 2:
            cut = begin + len(possessive.group(1))
            found.append(_token(text[begin:cut], begin, cut))
            found.append(_token(text[cut : cut + 2], cut, cut + 2))
            if finish > cut + 2:
                found.append(Token(".", cut + 2, finish, ""))
            continue
        if word.endswith(".") and len(word) > 1 and not _KEEP_PERIOD.match(word):
            found.append(_token(word[:-1], begin, finish - 1))
            found.append(Token(".", finish - 1, finish, ""))
            continue
        found.append(_token(word, begin, finish))
    return found


class RuleMentionFinder:
    """Titles, names, roles and pronouns from a gazetteer and capitalisation rules."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        g = lexicon.gazetteer
        self.title_words = frozenset(normalize(w) for w in g.title_words)
        self.connectors = g.connectors
        self.particles = g.name_particles
        self.roles = frozenset(normalize(r) for r in g.roles)
        self.honorifics = frozenset(normalize(h) for h in g.honorifics)
        self.heads = frozenset(normalize(h) for h in g.heads)
        self.inner_honorifics = frozenset(normalize(h) for h in g.inner_honorifics)
        # The lower-case words a mention may start with: a title word ("acting"), a group or a
        # pronoun, "the", and "of" (a name's "of <state>" is looked at from its first word).
        self.openers = self.title_words | {*_GROUP_WORDS, *PRONOUNS, "the", "of"}
        # a title word as the gazetteer writes it: a speaker label's "FOREIGN MINISTER" is the
        # post "Foreign Minister"
        self.title_case = {normalize(w): w for w in g.title_words if w[:1].isupper()}

    def find(
        self, text: str, start: int, end: int, toks: Sequence[Token] | None = None
    ) -> list[Mention]:
        """The mentions of ``text[start:end]``, read from its tokens ``toks`` (tokenized here
        when not given)."""
        words = _Tokens(tokens(text, start, end) if toks is None else list(toks), self.lexicon)
        self._states_before_titles(words)
        found: list[Mention] = []
        i = 0
        while i < len(words):
            tok = words[i]
            if (
                words.phrase_at[i] is None
                and not tok.text[:1].isupper()
                and tok.norm not in self.openers
            ):
                i += 1  # no rule starts a mention at a lower-case word no phrase starts with
                continue
            parsed = self._group(text, words, i) or self._mention(text, words, i)
            if parsed is None:
                i += 1
                continue
            mentions, i = parsed
            found.extend(mentions)
        return _share_states(text, found, self.lexicon.gazetteer.leaders)

    def _states_before_titles(self, toks: _Tokens) -> None:
        """Reads a known phrase that also names a state ("U.S.") as that state where a title
        follows it: "former U.S. Secretary of State Ana Ruiz" is a post of the state's."""
        for j, phrase in enumerate(toks.phrase_at):
            if phrase is None or phrase[1] != "known" or j + phrase[0] >= len(toks):
                continue
            state = self.lexicon.known_states.get(toks.norms[j : j + phrase[0]])
            if state is not None and self._is_title(toks[j + phrase[0]]):
                toks.phrase_at[j] = (phrase[0], "state", state)

    def _group(self, text: str, toks: _Tokens, i: int) -> tuple[list[Mention], int] | None:
        word = toks[i].norm
        for group in _GROUP_WORDS.get(word, ()):
            size = len(group)
            if toks.norms[i : i + size] == group:
                s, e = toks[i].start, toks[i + size - 1].end
                return [Mention("group", s, e, text[s:e])], i + size
        if word in PRONOUNS and (word != "both" or toks[i].text == "Both"):
            return [Mention("pronoun", toks[i].start, toks[i].end, toks[i].text)], i + 1
        return None

    def _is_title(self, tok: Token) -> bool:
        return tok.norm in self.title_words and (
            tok.text[:1].isupper() or tok.norm in _LOWER_TITLES
        )

    def _mention(self, text: str, toks: _Tokens, i: int) -> tuple[list[Mention], int] | None:
        j = i
        whole = toks.phrase_at[i]
        if (
            whole
            and whole[1] == "known"
            and toks[i].norm == "the"
            and not (i + whole[0] < len(toks) and self._is_title(toks[i + whole[0]]))
        ):  # "the Secretary" is a known alias, "the Secretary General" a longer title
            s, e = toks[i].start, toks[i + whole[0] - 1].end
            return [Mention("known", s, e, text[s:e], known=whole[2])], i + whole[0]
        if toks[j].norm == "the" and j + 1 < len(toks):
            j += 1
            state_at = toks.phrase_at[j]
            if state_at and state_at[1] == "known":  # "the U.S. president"
                state_at = self._known_state(toks, j)
            lower = _lower_role(toks, j, state_at)
            if lower is not None:  # "the Chinese leader", "the French president"
                role, of_state, end = lower
                s, e = toks[i].start, toks[end - 1].end
                return [Mention("role", s, e, text[s:e], None, (role,), of_state)], end
        place = toks.phrase_at[j]
        states: list[tuple[int, str]] = []  # (position in title, state)
        if (
            place
            and place[1] in ("place", "known")
            and j + place[0] < len(toks)
            and self._is_title(toks[j + place[0]])
            and (i == 0 or toks[i - 1].norm not in _PLACE_PREPOSITIONS)
            and (
                state := self.lexicon.gazetteer.places.get(
                    text[toks[j].start : toks[j + place[0] - 1].end]
                )
            )
        ):
            # "Beijing Party Secretary Yin Li": an official of the place's state (not "in
            # Beijing Secretary Blinken met")
            states.append((0, state))
            j += place[0]
            place = None
        if place and place[1] == "place" and not self._name_follows(toks, j + place[0]):
            s, e = toks[j].start, toks[j + place[0] - 1].end
            state = self.lexicon.gazetteer.places.get(place[2])
            if state and _metonym(toks, i, j + place[0]):
                return [Mention("state", s, e, text[s:e], state=state)], j + place[0]
            return [Mention("place", s, e, text[s:e], name=place[2])], j + place[0]
        title_start = j
        organizations: list[str] = []
        title_words: list[Token] = []
        known: tuple[int, str, int] | None = None
        while j < len(toks):
            phrase = toks.phrase_at[j]
            if (
                phrase
                and phrase[1] == "known"
                and title_words
                and (read := self._known_state(toks, j))
            ):
                phrase = toks.phrase_at[j] = read  # "President of the U.S."
            if phrase and phrase[1] == "known" and not title_words and not states:
                known = (j, phrase[2], j + phrase[0])
                break
            if phrase and phrase[1] == "state":
                if not (title_words and _in_portfolio(toks, j)):
                    states.append((len(title_words), phrase[2]))  # not "Envoy for Afghanistan"
                j += phrase[0]
            elif phrase and phrase[1] == "organization":
                if not (states and j > 0 and toks[j - 1].norm == "for"):
                    organizations.append(phrase[2])  # not "Bulgarian Minister for EU Funds"
                j += phrase[0]
                j += self._acronym(toks, j, phrase[2])
            elif self._is_title(toks[j]) and not (
                toks[j].norm == "former" and not self._title_follows(toks, j + 1)
            ):  # "former" only before a title: "the former Soviet Union" names no post
                title_words.append(toks[j])
                j += 1
            elif (
                toks[j].norm == "'s"
                and states
                and not title_words
                and j + 1 < len(toks)
                and self._is_title(toks[j + 1])
            ):
                j += 1  # "Uzbekistan's Foreign Minister"
            elif self._title_acronym(toks, j, title_words):
                j += 3
            elif (
                self._title_slash(toks, j, title_words)
                or self._list_comma(toks, j, title_words)
                or (
                    toks[j].norm in self.connectors
                    and (title_words or states or organizations)
                    and not self._two_leaders(toks, j, title_words)
                    and j + 1 < len(toks)
                    and (
                        self._is_title(toks[j + 1])
                        or self._starts_entity(toks, j + 1)
                        or (
                            toks[j + 1].norm == "the"
                            and j + 2 < len(toks)
                            and self._is_title(toks[j + 2])
                        )
                    )
                )
            ):
                j += 1
            else:
                break
        if known is not None:
            mention, end = self._known(text, toks, known[0], known[2], known[1])
            return [mention], end
        name_start = j
        j = self._name_end(toks, j, lead=bool(title_words))
        appositive = False
        if j == name_start and title_words and j + 1 < len(toks) and toks[j].text == ",":
            first_name = j + 1
            while first_name < len(toks) - 1 and toks[first_name].norm in self.honorifics:
                first_name += 1
            k = self._name_end(toks, first_name)
            if k > first_name and (k == len(toks) or toks[k].text in {".", ",", ";"}):
                name_start, j, appositive = first_name, k, True
        name_end = j
        if name_end < len(toks) - 1 and toks[name_end].norm == "of":
            at = name_end + 1 + (toks[name_end + 1].norm == "the")
            phrase = toks.phrase_at[at] if at < len(toks) else None
            if phrase and phrase[1] == "known":  # "John Kerry of US", the registry's state
                phrase = self._known_state(toks, at) or phrase
            if phrase and phrase[1] == "state" and name_end > name_start:
                states.append((len(title_words), phrase[2]))
                j = at + phrase[0]
        if j == i or (j == title_start and toks[i].norm == "the"):
            return None
        first = toks[i] if (title_words or name_end > name_start) else toks[title_start]
        s, e = first.start, toks[j - 1].end
        titles, state_titles = self._titles(
            text, toks, title_start, name_start if not appositive else name_start - 1
        )
        state = self._state(states, title_words)
        organization = organizations[0] if organizations else None
        title_span = (
            (toks[title_start].start, toks[name_start - 1 - appositive].end) if titles else None
        )
        if titles and not any(w.norm in self.heads for w in title_words):
            titles, title_span = (), None  # "Global Strategic Partnership": no person's title
        after = None
        if name_end > name_start and not (state or organization or appositive):
            after = self._post_after(text, toks, j)
        if after is not None:  # "Mr. Fumio Kishida, Minister for Foreign Affairs of Japan,"
            j, more, more_states, state, (_, end) = after
            title_span = (title_span[0] if title_span else after[4][0], end)
            titles, state_titles = (*titles, *more), (*state_titles, *more_states)
            e = toks[j - 1].end
        if name_end > name_start and toks[name_end - 1].norm in _BODY_HEADS:
            return None  # "the Joint Action Group": a body, no person "Action Group"
        if name_end > name_start:
            name = text[toks[name_start].start : toks[name_end - 1].end]
            # "Mr. Yoshimasa Hayashi": an honorific names a person, though no post ("the
            # Ambassador Bridge" names a bridge: "Ambassador" is a post too)
            honorific = any(
                w.norm in self.honorifics and w.norm != "ambassador" for w in title_words
            )
            kind: Kind = "person" if titles or honorific else "name"
            mention = Mention(
                kind,
                s,
                e,
                text[s:e],
                name,
                titles,
                state,
                organization,
                None,
                title_span,
                state_titles,
            )
            return [mention], j
        if title_words:
            core = normalize(" ".join(titles))
            if core in self.roles or (
                len(titles) == 1
                and toks[i].norm == "the"
                and title_words[-1].norm in self.heads
                and not (states or organizations)
            ):  # "the National Security Advisor": someone named (not "the ASEAN Secretary
                # General", an official of its own)
                return [Mention("role", s, e, text[s:e], None, titles, state, organization)], j
            roles = []
            for title in titles:
                at = text.find(title, s, e)
                if normalize(title) in self.roles and at >= 0:
                    roles.append(Mention("role", at, at + len(title), title, None, (title,), state))
            return (roles, j) if roles else None
        mentions = []
        position = title_start
        while position < j:
            phrase = toks.phrase_at[position]
            if phrase is None:
                position += 1
                continue
            size, kind, value = phrase
            ms, me = toks[position].start, toks[position + size - 1].end
            if position == title_start and toks[i].norm == "the":
                ms = toks[i].start
            if kind in ("state", "organization"):
                mentions.append(
                    Mention(
                        kind,
                        ms,
                        me,
                        text[ms:me],
                        state=value if kind == "state" else None,
                        organization=value if kind == "organization" else None,
                    )
                )
            position += size
        return mentions, j

    def _known(
        self, text: str, toks: _Tokens, start: int, end: int, iri: str
    ) -> tuple[Mention, int]:
        """A known actor's label, with the titles it opens with, and the token it ends before:
        "Secretary of State Antony J. Blinken" is a label of a known person and still gives the
        post "Secretary of State"; "President Xi Jinping" is the label "President Xi" and the
        rest of its name."""
        s, e = toks[start].start, toks[end - 1].end
        j = start
        states: list[tuple[int, str]] = []
        organizations: list[str] = []
        title_words: list[Token] = []
        inside: dict[int, Phrase] = {}  # the state and organisation phrases inside the label
        while j < end - 1:
            inner = self._inner_phrase(toks, j, end - 1)
            if inner is not None and inner[1] == "state" and not _in_portfolio(toks, j):
                states.append((len(title_words), inner[2]))
                inside[j] = inner
                j += inner[0]
            elif inner is not None and inner[1] == "organization":
                organizations.append(inner[2])
                inside[j] = inner
                j += inner[0]
            elif self._is_title(toks[j]) or (
                title_words and toks[j].norm in self.connectors | {"of", "for", "the"}
            ):
                if self._is_title(toks[j]):
                    title_words.append(toks[j])
                j += 1
            else:
                break
        name_end = self._name_end(toks, j)
        if name_end > end and toks.phrase_at[j] == (name_end - j, "known", iri):
            end = name_end  # "President Xi Jinping" after the label "President Xi"
            e = toks[end - 1].end
        if (
            not title_words
            or name_end != end
            or not any(w.norm in self.heads for w in title_words)
            or toks[j - 1] is not title_words[-1]
        ):
            return Mention("known", s, e, text[s:e], known=iri), end
        # "Chinese President Xi Jinping", a label: its title is "President", as for a new name
        titles, state_titles = self._titles(text, toks, start, j, inside)
        name = text[toks[j].start : toks[end - 1].end]
        organization = organizations[0] if organizations else None
        state = self._state(states, title_words)
        title_span = (toks[start].start, toks[j - 1].end)
        return Mention(
            "known",
            s,
            e,
            text[s:e],
            name,
            titles,
            state,
            organization,
            iri,
            title_span,
            state_titles,
        ), end

    def _post_after(
        self, text: str, toks: _Tokens, j: int
    ) -> tuple[int, tuple[str, ...], tuple[bool, ...], str | None, tuple[int, int]] | None:
        """The post an appositive after a name gives its person, as foreign ministries write
        it: ", Minister for Foreign Affairs of Japan," (then a comma, a full stop or "who"):
        where it ends, its titles, per title whether it names the state, the state it names
        and its span; None when no titled appositive follows (or the post is an
        organisation's, which the holding layer reads)."""
        while j < len(toks) and toks[j].norm in self.honorifics:
            j += 1  # a post-nominal: "Julie Bishop MP, Minister for Foreign Affairs"
        if j + 2 >= len(toks) or toks[j].text != ",":
            return None
        k = j + 1 + (toks[j + 1].norm == "the")
        start = k
        states: list[tuple[int, str]] = []
        title_words: list[Token] = []
        while k < len(toks):
            phrase = toks.phrase_at[k]
            if phrase and phrase[1] == "known":
                phrase = self._known_state(toks, k)
            if phrase and phrase[1] == "state" and title_words:
                if not _in_portfolio(toks, k):
                    states.append((len(title_words), phrase[2]))
                k += phrase[0]
            elif phrase and phrase[1] == "organization":
                return None  # an organisation's post: the holding layer reads its appositive
            elif self._is_title(toks[k]):
                title_words.append(toks[k])
                k += 1
            elif (
                toks[k].norm in self.connectors
                and title_words
                and k + 1 < len(toks)
                and (self._is_title(toks[k + 1]) or self._starts_entity(toks, k + 1))
            ):
                k += 1
            else:
                break
        closed = k == len(toks) or toks[k].text in {",", ".", ";"} or toks[k].norm == "who"
        if not closed or not any(w.norm in self.heads for w in title_words):
            return None
        titles, state_titles = self._titles(text, toks, start, k)
        if not titles:
            return None
        span = (toks[start].start, toks[k - 1].end)
        return k, titles, state_titles, self._state(states, title_words), span

    def _inner_phrase(self, toks: _Tokens, j: int, end: int) -> Phrase | None:
        """The longest state or organisation phrase at ``toks[j]`` that ends before ``end``; a
        known phrase that names a state ("US" of data/actors.ttl) is that state."""
        for size in range(min(self.lexicon.longest.get(toks[j].norm, 0), end - j), 0, -1):
            key = tuple(t.norm for t in toks[j : j + size])
            found = self.lexicon.phrases.get(key)
            if found and found[0] == "known" and key in self.lexicon.known_states:
                return size, "state", self.lexicon.known_states[key]
            if found and found[0] in ("state", "organization"):
                return size, *found
        return None

    def _title_follows(self, toks: _Tokens, j: int) -> bool:
        """Whether a title starts at ``toks[j]``, after its state or organisation if any
        ("Prime Minister", "Japanese Prime Minister")."""
        phrase = toks.phrase_at[j] if j < len(toks) else None
        if phrase is not None and phrase[1] in ("state", "organization"):
            j += phrase[0]
        return j < len(toks) and self._is_title(toks[j])

    def _two_leaders(self, toks: _Tokens, j: int, title_words: list[Token]) -> bool:
        """Whether "and" at ``j`` joins two leaders' titles ("the Prime Minister and President
        Biden"): two people, as no one leads a state twice over."""
        if toks[j].norm != "and" or not title_words:
            return False
        leaders = self.lexicon.gazetteer.leaders
        before = " ".join(t.text for t in title_words)
        after = " ".join(t.text for t in toks[j + 1 : j + 3])
        return before in leaders and any(after == a or after.startswith(a + " ") for a in leaders)

    def _title_slash(self, toks: _Tokens, j: int, title_words: list[Token]) -> bool:
        """Whether ``toks[j]`` is a slash between two titles of one person: "Deputy Prime
        Minister/Foreign Minister Prak Sokhonn" (two posts, as with "and")."""
        return (
            toks[j].text == "/"
            and bool(title_words)
            and toks[j - 1] is title_words[-1]
            and j + 1 < len(toks)
            and self._is_title(toks[j + 1])
        )

    def _list_comma(self, toks: _Tokens, j: int, title_words: list[Token]) -> bool:
        """Whether ``toks[j]`` is a comma inside a title, between title words: "Under Secretary
        for Economic Growth, Energy, and the Environment"."""
        if toks[j].text != "," or not title_words or toks[j - 1] is not title_words[-1]:
            return False
        after = [t for t in toks[j + 1 : j + 4] if t.norm not in ("and", "the")]
        return bool(after) and self._is_title(after[0])

    def _acronym(self, toks: _Tokens, j: int, organization: str) -> int:
        """How many tokens at ``toks[j]`` are the organisation's own name in brackets, as in
        "Organization for Security and Cooperation in Europe (OSCE) Chairman-in-Office"."""
        if j + 2 >= len(toks) or toks[j].text != "(":
            return 0
        phrase = toks.phrase_at[j + 1]
        if phrase is None or phrase[2] != organization or j + 1 + phrase[0] >= len(toks):
            return 0
        return phrase[0] + 2 if toks[j + 1 + phrase[0]].text == ")" else 0

    @staticmethod
    def _title_acronym(toks: _Tokens, j: int, title_words: list[Token]) -> int:
        """How many tokens at ``toks[j]`` are a title's acronym in brackets, as in "High
        Commissioner for Refugees (UNHCR) Ana Ruiz": 3, else 0."""
        if not title_words or j + 3 >= len(toks) or toks[j].text != "(":
            return 0
        acronym = toks[j + 1].text
        return 3 if toks[j + 2].text == ")" and acronym.isupper() and len(acronym) > 1 else 0

    def _name_follows(self, toks: _Tokens, j: int) -> bool:
        """Whether a capitalised word, no title, starts at ``toks[j]`` ("Santiago Cafiero")."""
        return (
            j < len(toks)
            and toks[j].text[:1].isupper()
            and toks[j].norm not in _NOT_NAMES
            and not self._is_title(toks[j])
            and toks.phrase_at[j] is None
        )

    def _starts_entity(self, toks: _Tokens, j: int) -> bool:
        if toks[j].norm == "the" and j + 1 < len(toks):
            j += 1
        phrase = toks.phrase_at[j]
        if phrase is not None and phrase[1] == "known":
            phrase = self._known_state(toks, j)
        return phrase is not None and phrase[1] in ("state", "organization")

    def _known_state(self, toks: _Tokens, j: int) -> Phrase | None:
        """The known phrase at ``toks[j]`` read as the state it names ("the United States" of
        data/actors.ttl), or None when it names no state."""
        phrase = toks.phrase_at[j]
        if phrase is None:
            return None
        state = self.lexicon.known_states.get(toks.norms[j : j + phrase[0]])
        return None if state is None else (phrase[0], "state", state)

    def _name_end(self, toks: _Tokens, j: int, lead: bool = False) -> int:
        """Where the name at ``toks[j]`` ends; ``lead`` after a title, where the name may open
        with its particles ("Commissioner de la Cruz", "President da Silva")."""
        start = j
        while j < len(toks):
            tok = toks[j]
            word = tok.text
            inner_honorific = j > start and tok.norm in self.inner_honorifics
            if (
                word[:1].isupper()
                and tok.norm not in _NOT_NAMES
                and (inner_honorific or not self._is_title(tok))
            ):
                phrase = toks.phrase_at[j]
                if (
                    phrase
                    and phrase[1] in ("state", "organization", "place")
                    and j == start
                    and not (phrase[1] == "place" and self._name_follows(toks, j + phrase[0]))
                ):
                    break
                if phrase and phrase[1] in ("state", "organization", "place") and phrase[0] > 1:
                    break
                if (
                    phrase
                    and phrase[1] == "state"
                    and j + 1 < len(toks)
                    and toks[j + 1].text in ("\u2019s", "'s")
                ):
                    break  # "Secretary General Delattre France\u2019s plans"
                j += 1
            elif (
                (j > start and _PARTICLE_NAME.match(word) and word.split("-")[0] in self.particles)
                or (
                    (j > start or lead)
                    and (tok.norm in self.particles or tok.norm.rstrip("-") in self.particles)
                    and j + 1 < len(toks)
                    and (
                        toks[j + 1].text[:1].isupper()
                        or (  # "Maria de la Cruz": particles in a row before the name goes on
                            toks[j + 1].norm in self.particles
                            and j + 2 < len(toks)
                            and toks[j + 2].text[:1].isupper()
                        )
                    )
                )
            ):
                j += 1
            elif (
                j > start and word == "," and j + 1 < len(toks) and toks[j + 1].norm in {"jr", "sr"}
            ):
                j += 2
            elif j > start and _ROMAN.match(word):
                j += 1
            else:
                break
        return j

    def _titles(
        self,
        text: str,
        toks: _Tokens,
        start: int,
        end: int,
        inside: Mapping[int, Phrase] | None = None,
    ) -> tuple[tuple[str, ...], tuple[bool, ...]]:
        """The title words between ``start`` and ``end``, without states and honorifics, split at
        "and"; and per title whether its own words name a state and no organisation. ``inside``:
        the phrases at these positions when a longer one (a known label) covers them."""
        parts: list[list[str]] = [[]]
        named: list[set[str]] = [set()]  # per part, the kinds of the phrases it names
        j = start
        while j < end:
            phrase = inside.get(j, toks.phrase_at[j]) if inside else toks.phrase_at[j]
            if phrase and phrase[1] in ("state", "organization"):
                named[-1].add(phrase[1])
            if phrase and phrase[1] == "state":
                if parts[-1] and _in_portfolio(toks, j):  # the portfolio: "Envoy for Afghanistan"
                    parts[-1].append(text[toks[j].start : toks[j + phrase[0] - 1].end])
                j += phrase[0]
                continue
            if phrase and phrase[1] == "organization":
                if parts[-1] and parts[-1][-1] in {"of", "for", "the"}:
                    parts[-1].append(text[toks[j].start : toks[j + phrase[0] - 1].end])
                j += phrase[0]
                j += self._acronym(toks, j, phrase[2])
                continue
            word = toks[j].text
            if toks[j].text == "(" and self._title_acronym(toks, j, [toks[j - 1]]):
                j += 3  # "High Commissioner for Refugees (UNHCR)"
                continue
            if word in ("\u2019s", "'s"):  # "Uzbekistan\u2019s Foreign Minister"
                pass
            elif (toks[j].norm == "and" and toks[j - 1].text != ",") or word == "/":
                parts.append([])
                named.append(set())
            elif toks[j].norm in self.honorifics or (
                j + 1 < end and f"{toks[j].norm} {toks[j + 1].norm}" in self.honorifics
            ):
                j += 1 if toks[j].norm in self.honorifics else 2
                continue
            else:
                parts[-1].append(self._cased(word))
            j += 1
        if len(parts[-1]) > 1 and normalize(parts[-1][-1]) in self.inner_honorifics:
            parts[-1].pop()  # the name's honorific: "Crown Prince Sheikh Nasser" is no "Sheikh"
        cleaned: list[str] = []
        kinds: list[set[str]] = []
        headed: list[bool] = []
        for part, names in zip(parts, named, strict=True):
            while part and part[-1] in {"of", "for", "the", "to", "on", ","}:
                part.pop()
            while part and part[0] in {"of", "for", "the", "to", "on"}:
                part.pop(0)
            if not part:
                continue
            head = any(normalize(w) in self.heads for w in part)
            if cleaned and not (head and headed[-1]):
                # a part without a head word is the rest of one title ("Minister of International
                # Relations and Cooperation"), or its start ("Department of Foreign Affairs and
                # Trade Secretary"), not a second one ("Deputy Prime Minister and Foreign Minister")
                cleaned[-1] += " and " + " ".join(part)
                kinds[-1] |= names
                headed[-1] = headed[-1] or head
            else:
                cleaned.append(" ".join(part).replace(" ,", ","))
                kinds.append(set(names))
                headed.append(head)
        return tuple(cleaned), tuple(k == {"state"} for k in kinds)

    def _cased(self, word: str) -> str:
        """A title word in capitals ("MINISTER", "OF") as titles write it ("Minister", "of");
        any other word as it is."""
        if not word.isupper() or len(word) < 2:
            return word
        if word.lower() in self.connectors:
            return word.lower()
        return self.title_case.get(normalize(word), word)

    @staticmethod
    def _state(states: list[tuple[int, str]], title_words: list[Token]) -> str | None:
        if not states:
            return None
        before = [state for position, state in states if position == 0]
        return before[0] if before else states[-1][1]


# Words before a capital that make it stand for its government: "called upon Pyongyang to",
# "urged Moscow to", "hold Moscow accountable".
_METONYM_BEFORE = frozenset({"urged", "urging", "pressed", "pressing", "hold", "holding"})
_CALLED = frozenset({"called", "calling", "calls", "call"})
# The roles news reports name in lower case after a state ("the Chinese leader", "the U.S.
# president"), and the title each stands for.
_LOWER_ROLES = {
    ("leader",): "Leader",
    ("president",): "President",
    ("premier",): "Premier",
    ("chancellor",): "Chancellor",
    ("prime", "minister"): "Prime Minister",
    ("foreign", "minister"): "Foreign Minister",
    ("top", "diplomat"): "Top Diplomat",
}


def _lower_role(toks: _Tokens, j: int, phrase: Phrase | None) -> tuple[str, str, int] | None:
    """(title, state, end) of "the <state> <role in lower case>", the state's ``phrase`` at
    ``j``."""
    if phrase is None or phrase[1] != "state":
        return None
    at, state = j + phrase[0], phrase[2]
    for words, title in _LOWER_ROLES.items():
        end = at + len(words)
        if toks.norms[at:end] == words and all(t.text.islower() for t in toks[at:end]):
            if end < len(toks) and toks[end].text[:1].isupper():
                return None  # "the Chinese foreign minister Wang Yi": a name follows
            return title, state, end
    return None


# The words before a place that make it where, not whose: "in Beijing Secretary Blinken met".
_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "of", "for", "near", "into", "across"})


def _metonym(toks: list[Token], start: int, end: int) -> bool:
    """Whether the capital at ``toks[start:end]`` stands for its state's government: before a
    possessive ("Pyongyang\u2019s provocative behavior") or as the object of an appeal or of
    accountability ("called upon Pyongyang to return to dialogue"), not as a place ("in Moscow").

    >>> text = "He called upon Pyongyang to talk, in Pyongyang."
    >>> toks = tokens(text, 0, len(text))
    >>> _metonym(toks, 3, 4), _metonym(toks, 8, 9)
    (True, False)
    """
    if end < len(toks) and toks[end].norm == "'s":
        return True
    before = [t.norm for t in toks[max(0, start - 2) : start]]
    if before[-1:] and before[-1] in _METONYM_BEFORE:
        return True
    return len(before) == 2 and before[0] in _CALLED and before[1] in ("on", "upon")


def _in_portfolio(toks: list[Token], j: int) -> bool:
    """Whether ``toks[j]`` follows "for" or "on" (and "the"): the state a title is responsible
    for ("Special Representative for Afghanistan", "Special Envoy on Korean Peninsula
    Affairs"), not the state of its holder.

    >>> _in_portfolio(tokens("Envoy for the DPRK", 0, 18), 3)
    True
    """
    before = [t.norm for t in toks[max(0, j - 2) : j]]
    return before[-1:] in (["for"], ["on"]) or before in (["for", "the"], ["on", "the"])


def _share_states(text: str, found: list[Mention], leaders: frozenset[str]) -> list[Mention]:
    """A titled person joined by "and" to one of a named state is of that state too: "Ukrainian
    Foreign Minister Dmytro Kuleba and Head of the Presidential Office Andriy Yermak"; not one
    with the same title that one person of a state holds ("Russian President Vladimir Putin and
    President Barack Obama": two presidents, of two states)."""
    shared = list(found)
    for n in range(1, len(shared)):
        before, mention = shared[n - 1], shared[n]
        if (
            mention.kind == "person"
            and mention.state is None
            and mention.organization is None
            and before.kind == "person"
            and before.state is not None
            and text[before.end : mention.start] in (" and ", ", and ", ", ")
            and not set(mention.titles) & set(before.titles) & leaders
        ):
            shared[n] = replace(mention, state=before.state)
    return shared
