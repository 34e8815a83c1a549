"""The reference layer: the agreements, principles, summits, conferences, initiatives, working
groups, dialogues and organisations a statement cites, minted when cited (not only when the actor
registry has them).

A name is a run of capitalised words ("the U.S.-ROK Alliance", "Review Conference for the
Non-Proliferation Treaty") whose head word says what it is: the last word, or the word a "for",
"of" or "on" follows ("Summit for Democracy"). A few common forms have no capitals ("the
rules-based international order", "UN Security Council resolutions", "a five-point consensus").
"International law", a charter's or an organisation's principles ("OSCE principles") are
principles; a truce sought ("called for an immediate ceasefire") is no agreement yet.
Organisations cited are the gazetteer's organisations named inside the statement, or by the
narrator after a framework word ("through the Quad") or in a topic ("support for NATO Allies",
"EU accession"), with the body of the organisation the text names ("the UN Security Council",
"the Council of the EU") - never the organisations of the parties, of a title or of a clause's
subject.

>>> found = find_references("reaffirmed the U.S.-ROK Alliance and welcomed the NATO 2030 "
...     "initiative ahead of the NATO Summit")
>>> [(c.kind, c.label) for c in found]  # doctest: +NORMALIZE_WHITESPACE
[('Agreement', 'U.S.-ROK Alliance'), ('Initiative', 'NATO 2030 initiative'),
 ('Summit', 'NATO Summit')]
>>> [(c.kind, c.label) for c in find_references("upholding the rules-based international order")]
[('Principle', 'rules-based international order')]
>>> find_references("Secretary Blinken spoke with Foreign Minister Wang")
[]

Linear in the text (a few regular expressions over each statement), deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from diplograph.extract.actors import ORGANIZATION_KINDS, Actor, Registry
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.model import Extraction, Mention
from diplograph.extract.text import sentences, slug, span
from diplograph.vocab import ID

# Head words of names, and the kind of item they make.
HEADS: dict[str, str] = {
    **dict.fromkeys(
        [
            "Agreement",
            "Agreements",
            "Accord",
            "Accords",
            "Treaty",
            "Convention",
            "Charter",
            "Protocol",
            "Resolution",
            "Resolutions",
            "Communiqué",
            "Communiqués",
            "Communique",
            "Declaration",
            "Compact",
            "Consensus",
            "Plan",
            "Roadmap",
            "Statement",
            "Concept",  # "the NATO Strategic Concept"
        ],
        "Agreement",
    ),
    "Principles": "Principle",
    **dict.fromkeys(
        ["Initiative", "Partnership", "Framework", "Program", "Programme", "Fund"], "Initiative"
    ),
    **dict.fromkeys(["Group", "Mechanism", "Force"], "WorkingGroup"),
    "Summit": "Summit",
    **dict.fromkeys(
        ["Conference", "Ministerial", "Meeting", "Forum", "Fair", "Expo", "Exhibition"],
        "Conference",
    ),
    "Dialogue": "Interaction",
}
# Heads that name an agreement at the end of a name and something else before "for" ("the
# U.S.-Japan Alliance"; "the Alliance for Development in Democracy").
_ALLIANCE = {"end": "Agreement", "for": "Initiative"}
# Lower-case heads after a capitalised name ("the NATO 2030 initiative", "UN Security Council
# resolutions", "the Minsk agreements").
LOWER_HEADS: dict[str, str] = {
    "initiative": "Initiative",
    "agreement": "Agreement",
    "agreements": "Agreement",
    "accords": "Agreement",
    "resolution": "Agreement",
    "resolutions": "Agreement",
    "treaty": "Agreement",
    "summit": "Summit",
    "dialogue": "Interaction",
    "working group": "WorkingGroup",
    "mechanism": "WorkingGroup",
    "principles": "Principle",
}
# Titles a name of a body may end with: the body is what is named ("the OSCE Minsk Group
# Co-Chair" cites the Minsk Group).
_TITLES = frozenset(["Chair", "Chairs", "Co-Chair", "Co-Chairs", "Chairmanship", "Presidency"])
# Agreements usually named by their acronym.
ACRONYMS = ("JCPOA", "NPT", "CTBT", "New START", "USMCA", "CPTPP", "RCEP")
PRINCIPLES = (
    r"rules-based (?:international )?order",
    r"international (?:humanitarian )?law(?: and principles)?",
    r"two-state solution",
    r"freedom of navigation(?: and overflight)?",
    r"ASEAN centrality",
    r"(?:the vision of )?(?:a |an )?free and open Indo-Pacific",
    r"principles? (?:of|for) (?:the )?(?!the\b)[a-z][a-z-]*(?: (?:of )?[a-z][a-z-]*){0,5}",
    r"principles? of the (?:United Nations|UN|U\.N\.) [Cc]harter",
    # "the principles enshrined in the UN and African Union Charters"
    r"principles? (?:enshrined|embodied|set out) in the (?:[A-Z][\w.-]*(?: and| of)? )+Charters?",
)
_Q, _D = "\u2019", "\u2013"  # right single quotation mark, en dash
# a capitalised word, with the periods of an abbreviation ("U.S.") but not a sentence's full stop
_WORD = rf"[A-Za-z0-9{_Q}'&]*(?:(?:\.[A-Za-z]+)+\.?)?"
# "U.S.-ROK", "United States \u2013 Australia" (an en dash between spaces joins the two names too)
_TOKEN = rf"(?:[A-Z]{_WORD}(?:(?:[-{_D}]| {_D} )[A-Za-z0-9]{_WORD})*|\d{{4}})"
# "Roadmap for a New Era", "Summit of the Americas"; "the" only after a connector (in "the
# Alliance the Unbreakable Alliance", a comma left out, the two are two names); "and" before two
# more capitalised words ("the Non-Proliferation and Disarmament Initiative"), never after a
# head ("the X Agreement and Y Agreement" are two)
_AND = r"\s+and" + "".join(rf"(?<!\b{head} and)" for head in HEADS) + r"(?=\s+[A-Z][\w-]*\s+[A-Z])"
_CONNECT = rf"(?:\s+(?:of|for(?:\s+a)?|on|in|to|de)(?:\s+the)?|{_AND})*\s+"
_NAME = re.compile(
    rf"(?P<name>{_TOKEN}(?:{_CONNECT}{_TOKEN})*)"
    rf"(?:\s+(?P<low>{'|'.join(sorted(LOWER_HEADS, key=len, reverse=True))})\b)?"
)
_LEADING = frozenset(
    ["The", "A", "An", "This", "That", "These", "Our", "His", "Her", "Their", "Its", "And", "But"]
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# An earlier meeting a statement recalls: dated or said to be earlier ("the June 29 trilateral
# meeting", "his recent engagement with Russian counterparts", "the May 21 Summit between A and B").
_EARLIER = (
    rf"(?P<earlier>\b(?:{_MONTH} \d{{1,2}}(?:-\d{{1,2}})?|recent|previous|last|earlier|prior)\s+"
    r"(?:(?!(?:the|a|an|his|her|their)\b)[a-z-]+\s+){0,2}(?:[Mm]eetings?|[Cc]alls?|[Ss]ummit|talks|engagements?|visit|"
    r"conversations?|discussions)\b"
    r"(?:\s+(?:with|between)\s+(?:[A-Z][\w.-]*(?:\s+and\s+|\s+)?){1,8}"
    r"(?:counterparts|officials|leaders|ministers)?)?)"
)
_OTHER = re.compile(
    "|".join(
        [
            rf"(?P<acronym>\b(?:{'|'.join(re.escape(a) for a in ACRONYMS)})\b)",
            rf"(?P<principle>\b(?:{'|'.join(PRINCIPLES)}))",
            r"(?P<consensus>\b[a-z]+-point (?:consensus|plan)\b)",
            # a peace or political process named by its place or its sponsor ("the Afghanistan
            # peace process", "the UN-led political process for Western Sahara")
            rf"(?P<process>\b[A-Z][\w.{_Q}'-]*(?:\s+[A-Z][\w.{_Q}'-]*){{0,2}}\s+"
            rf"(?:peace|political) process\b(?:\s+(?:for|in)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?)",
            # a body named by what it works on ("a working group on security and development")
            r"(?P<group>\b(?:working group|task force|joint commission|joint committee) on"
            r"(?: the)?(?: (?:and )?(?!(?:a|an|and|the|to|with|for|in)\b)[a-z-]+){1,5})",
            # a ceasefire or truce the text names: an agreement of its parties, of this article
            rf"(?P<truce>\b(?:ceasefire|cease-fire|truce|armistice)\b(?:\s+(?:between|in)\s+"
            rf"[A-Z][\w.{_Q}'-]*(?:(?:,\s+|\s+and\s+)[A-Z][\w.{_Q}'-]*){{0,3}})?)",
            _EARLIER,
            # an earlier session of a body, named with its date ("the March 4 U.S.-Chile Joint
            # Commission")
            rf"(?P<session>\b{_MONTH} \d{{1,2}}(?:-\d{{1,2}})?(?:\s+{_TOKEN}){{1,6}}?\s+"
            r"(?:Committee|Commission|Council)\b)",
            r"(?P<discussed>\b(?:discussed|agreed|decided) (?:by|between) (?:[A-Z][\w.-]*"
            r"(?: and | )?){2,8}in [A-Z][a-z]+)",
        ]
    )
)
# A truce sought is none yet: indefinite, after a word of seeking ("commit to an immediate,
# negotiated ceasefire", "support for a comprehensive truce", "efforts to reach a ceasefire").
_SOUGHT = re.compile(
    r"\b(?:for|to|towards?|reach|seek|achieve|negotiate)\s+an?\s+(?:[\w-]+,?\s+){0,3}$"
)
# The name inside a name ("Review Conference for the Non-Proliferation Treaty").
_INNER_NAME = re.compile(r"\s(?:for|of|on)\s+(?:the\s+)?(?P<tail>[A-Z].*)$")
# A connector a head is followed by inside a name ("Summit for Democracy").
_INNER = frozenset(["for", "of", "on"])
# Kinds of cited item: the category the gold format calls them, for the scorer and the graph.
KINDS = (
    "Agreement",
    "Principle",
    "Summit",
    "Conference",
    "Interaction",
    "Initiative",
    "WorkingGroup",
)
IRI_PATHS = {
    "Agreement": "agreement",
    "Principle": "principle",
    "Summit": "event",
    "Conference": "event",
    "Interaction": "event",
    "Initiative": "initiative",
    "WorkingGroup": "initiative",
}


@dataclass(frozen=True)
class Cited:
    """An item a text names at ``start``-``end``: its kind (one of :data:`KINDS`) and label."""

    kind: str
    label: str
    start: int
    end: int
    local: bool = False  # of this article's story (an earlier meeting, a ceasefire, a body named
    # by what it works on), not a named institution


def _classify(words: list[str], low: str | None) -> str | None:
    """The kind of item a name of ``words`` (followed by a lower-case head ``low``) names."""
    if low is not None:
        return LOWER_HEADS[low]
    if len(words) < 2:
        return None
    # the head of "X for Y" is X ("Review Conference for the Non-Proliferation Treaty")
    for index in range(len(words) - 1):
        if words[index + 1] in _INNER and words[index] in (*HEADS, "Alliance"):
            return _ALLIANCE["for"] if words[index] == "Alliance" else HEADS[words[index]]
    if words[-1].isdigit() and len(words) > 2:  # "Resolution 2231"
        words = words[:-1]
    last = words[-1]
    if last == "Alliance":
        return _ALLIANCE["end"]
    if last == "Partnership" and words[-2] == "Strategic":
        return "Agreement"
    if last in HEADS and last != "Plan":
        return HEADS[last]
    return None


def find_references(text: str, start: int = 0, end: int | None = None) -> list[Cited]:
    """The items ``text[start:end]`` cites, in text order, each once by label."""
    stop = len(text) if end is None else end
    found: list[Cited] = []
    for match in _NAME.finditer(text, start, stop):
        name_start = match.start("name")
        raw = match.group("name")
        tokens = list(re.finditer(r"\S+", raw))
        words = [t.group(0) for t in tokens]
        low = match.group("low")
        # a name starts after a possessive or a leading article ("President Biden's Summit ...");
        # its own possessive is no part of it ("the Paris Agreement's goals")
        own = 2 if low is None and words[-1].endswith(("\u2019s", "'s")) else 0
        if own:
            words[-1] = words[-1][:-own]
        cut = 0
        for index, word in enumerate(words):
            if word.endswith(("\u2019s", "'s")):
                cut = index + 1
        while cut < len(words) and words[cut] in _LEADING:
            cut += 1
        if cut + 2 < len(words) and words[cut] in _TITLES and words[cut + 1] == "of":
            cut += 3 if words[cut + 2] == "the" else 2  # "Chair of the G7 ... Meeting": the meeting
        if cut >= len(words):
            continue
        kind = _classify(words[cut:], low)
        end_word = len(words)
        if kind is None and low is None and words[-1] in _TITLES:
            end_word -= 1  # "the Minsk Group Co-Chair": the body before the title
            kind = _classify(words[cut:end_word], None)
        while kind is None and "in" in words[cut + 1 : end_word]:
            # "the G20 Summit in Bali": the name ends before its place
            end_word = cut + 1 + words[cut + 1 : end_word].index("in")
            kind = _classify(words[cut:end_word], None)
        if kind is None or words[cut].endswith("-led"):
            continue  # "a Haitian-led dialogue" describes a process; it names none
        if end_word < len(words):
            low, own = None, 0
            words = words[:end_word]
        inner_head = any(
            words[i] in (*HEADS, "Alliance") and words[i + 1] in _INNER
            for i in range(cut, len(words) - 1)
        )
        if not inner_head:
            # a head at the end names what follows the last connector ("Leaders in Washington
            # for the U.S.-ASEAN Special Summit" cites the summit)
            for index in range(len(words) - 2, cut - 1, -1):
                if words[index] in ("for", "in"):
                    cut = index + 1
                    while cut < len(words) - 1 and words[cut] in ("the", *_LEADING):
                        cut += 1
                    break
        first = name_start + tokens[cut].start()
        last = match.end() if low else name_start + tokens[len(words) - 1].end() - own
        found.append(Cited(kind, " ".join(text[first:last].split()), first, last))
        inner = None if low else _INNER_NAME.search(text[first:last])
        if inner is not None:
            tail = inner.group("tail").split()
            tail_kind = _classify(tail, None)
            if tail_kind is not None and tail_kind != kind:
                at = first + inner.start("tail")
                found.append(Cited(tail_kind, " ".join(tail), at, first + inner.end("tail")))
    for match in _OTHER.finditer(text, start, stop):
        if any(c.start <= match.start() < c.end for c in found):
            continue
        if match.lastgroup == "truce" and _SOUGHT.search(
            text, max(0, match.start() - 60), match.start()
        ):
            continue  # "called for an immediate ceasefire": sought, not yet agreed
        if match.lastgroup == "principle":  # "the principles of the UN Charter": one principle
            found = [c for c in found if not match.start() <= c.start < match.end()]
        kind = {
            "acronym": "Agreement",
            "consensus": "Agreement",
            "truce": "Agreement",
            "principle": "Principle",
            "group": "WorkingGroup",
            "process": "Initiative",
        }.get(match.lastgroup or "", "Interaction")
        label = match.group(0).strip()
        if kind == "Interaction" and re.search(r"\b[Ss]ummit\b", label):
            kind = "Summit"
        if match.lastgroup == "discussed":
            label = "meeting " + label.split(" ", 1)[1]  # "meeting by A and B in Bali"
        if match.lastgroup == "principle":
            label = re.sub(r"^(?:the vision of )?(?:a |an )?", "", label)
        full_stop = label.endswith(".") and not re.search(r"\.[A-Za-z]\.$", label)
        if full_stop:
            label = label[:-1]  # the sentence's full stop, not an abbreviation's
        # the span ends where the words do (a label's own rewording moves no end)
        end = match.start() + len(match.group(0).rstrip()) - full_stop
        local = match.lastgroup in ("earlier", "discussed", "truce", "group", "session")
        found.append(Cited(kind, label, match.start(), end, local))
    seen: set[str] = set()
    result = []
    for cited in sorted(found, key=lambda c: c.start):
        if cited.label.lower() not in seen:
            seen.add(cited.label.lower())
            result.append(cited)
    return result


@dataclass(frozen=True)
class _Names:
    """The names of a gazetteer's organisations and frameworks, and the patterns that find them
    (longest first), by the label each name stands for."""

    organizations: dict[str, str]
    organization: re.Pattern[str]
    # what the narrator may name as a framework: the organisations and the named groups of
    # states ("through the Quad")
    frameworks: dict[str, str]
    framework: re.Pattern[str]


@cache
def _names(gazetteer: Gazetteer) -> _Names:
    """The gazetteer's :class:`_Names`, built once per gazetteer (not once per article: a
    process extracts every article with its one gazetteer)."""
    names = [
        (alias, label)
        for label, aliases in gazetteer.organizations.items()
        for alias in (label, *aliases)
    ]
    names.sort(key=lambda n: -len(n[0]))
    organizations = dict(names)
    frameworks = {**organizations, **{g: g for g in gazetteer.state_groups}}
    longest = sorted(frameworks, key=lambda n: -len(n))
    return _Names(
        organizations,
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n, _ in names) + r")" + _NAME_END),
        frameworks,
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in longest) + r")" + _NAME_END),
    )


class ReferenceFinder:
    """Adds what each statement cites to its ``cites``, minting the items the registry lacks."""

    def __init__(self, registry: Registry, gazetteer: Gazetteer) -> None:
        self.registry = registry
        self.gazetteer = gazetteer
        names = _names(gazetteer)
        self.organizations, self._organization = names.organizations, names.organization
        self.frameworks, self._framework = names.frameworks, names.framework

    def item(self, cited: Cited, article: str) -> Actor:
        """The registry's item of this label, else one minted (deterministic IRI from label; an
        earlier meeting's under the article's, ``id:<article>/cited-<label>``); an
        organisation's name, or its alliance, is the organisation ("the World Food Program",
        "the NATO Alliance")."""
        alliance = re.fullmatch(r"(.+) Alliance", cited.label)
        named = alliance.group(1) if alliance is not None else cited.label
        if named in self.organizations:  # "the World Food Program" is no programme of its own
            label = self.organizations[named]
            return self._known(label) or self.registry.organization(label)
        if cited.local:
            iri = f"{ID}{article}/cited-{_slug(cited.label)}"
            return self.registry.actors.setdefault(
                iri, Actor(iri, cited.kind, cited.label, new=True)
            )
        kinds = ("Agreement", "JointCommunique", "Consensus", "Agenda", "Principle")
        known = self.registry.find(cited.label, kinds) or self.registry.find(
            "the " + cited.label, kinds
        )
        if known is not None:
            return known
        iri = f"{ID}{IRI_PATHS[cited.kind]}/{_slug(cited.label)}"
        actor = self.registry.actors.get(iri)
        if actor is None:
            actor = Actor(iri, cited.kind, cited.label, new=True)
            self.registry.actors[iri] = actor
        return actor

    def _known(self, label: str) -> Actor | None:
        """The registry's organisation of this gazetteer label (or one of its names)."""
        for name in (label, *self.gazetteer.organizations.get(label, [])):
            found = self.registry.find(name, ORGANIZATION_KINDS)
            if found is not None:
                return found
        return None

    def _body(
        self, text: str, match: re.Match[str], organization: Actor
    ) -> tuple[Actor, int, int] | None:
        """What the name ``match`` of ``organization`` cites, with its span: the organisation, or
        its body named with it ("the UN Security Council", "the Council of the EU": minted, part
        of the organisation, labelled with the organisation's own label); None when the name is
        a title's or a speaker's ("NATO Secretary General Stoltenberg", "Chair of the OECD")."""
        start, end = match.span()
        after = _BODY_AFTER.match(text, end)
        before = _BODY_BEFORE.search(text, max(0, start - 40), start)
        if after is not None:
            end = after.end()
        elif before is not None:
            start = before.start()
        if _is_subject(text, end) or _TITLE_BEFORE.search(text, max(0, start - 40), start):
            return None
        if (start, end) == match.span():
            return organization, start, end
        # one body however its organisation is named ("UN Security Council", "United Nations
        # Security Council"), known by the form the text names it by
        named = text[start : match.start()] + organization.label + text[match.end() : end]
        body = self.registry.organization(" ".join(named.split()))
        if body is not organization and body.part_of is None:
            body.part_of = organization.iri
        body.aliases.add(" ".join(text[start:end].split()))
        return body, start, end

    def _parties(
        self, actors: dict[str, Actor], posts_of: Mapping[str, set[str]]
    ) -> dict[str, Actor]:
        """``actors``, the organisations of the posts they hold and those the groups among them
        belong to ("Taliban representatives"), by IRI."""
        found = dict(actors)
        owners = {a.part_of for a in actors.values() if self.registry.is_group(a) and a.part_of}
        for iri in sorted(owners.union(*(posts_of.get(a, set()) for a in actors))):
            found.setdefault(iri, self.registry.actors[iri])
        return found

    def cite(self, extraction: Extraction) -> None:
        """Add to every statement the items its own words cite."""
        text = extraction.article.text
        # the participants of the article's interactions and the organisations of their posts
        # are parties, not cited frameworks; so are each statement's speaker, side and addressees
        posts_of: dict[str, set[str]] = {}
        for holding in extraction.holdings:
            if holding.post.post_in:
                posts_of.setdefault(holding.person.iri, set()).add(holding.post.post_in)
        taking_part = {p.iri: p for i in extraction.interactions for p in i.participants}
        common = self._parties(taking_part, posts_of)
        common_named = " ".join(p.label for p in common.values())
        for statement in extraction.statements:
            where = statement.evidence[0]
            cited = find_references(text, where.start, where.end)
            items = [(self.item(c, extraction.article.id), c.start, c.end) for c in cited]
            own = [statement.speaker, statement.on_behalf_of, statement.target]
            own += statement.addressees
            mine = self._parties({p.iri: p for p in own if p is not None}, posts_of)
            parties = {**common, **mine}
            named = " ".join(p.label for p in mine.values()) + " " + common_named
            for match in self._organization.finditer(text, where.start, where.end):
                if any(s <= match.start() < e for _, s, e in items):
                    continue  # inside a cited name ("the NATO Summit")
                label = self.organizations[match.group(0)]
                organization = self._known(label) or self.registry.organization(label)
                body = self._body(text, match, organization)
                if (
                    body is not None
                    and organization.kind in ORGANIZATION_KINDS
                    and organization.iri not in parties
                    # "Taliban" of "Taliban representatives", "ASEAN" of its foreign ministers
                    and match.group(0) not in named
                    and organization.label not in named
                ):
                    organization.aliases.add(match.group(0))  # the form the text names it by
                    items.append(body)
            for actor, start, end in sorted(items, key=lambda i: i[1]):
                if actor not in statement.cites:
                    statement.cites.append(actor)
                    statement.cited_at.append(span(text, start, end))

    def mention(self, extraction: Extraction) -> None:
        """Add to ``extraction.mentions`` what the narrator names outside every statement: the
        items :func:`find_references` finds there (a topic: "discussed the JCPOA"; a setting:
        "during the Special ASEAN-U.S. Foreign Ministerial Meeting") and the organisations named
        as a framework ("cooperation through the Quad", "coordination at the African Union")
        that take no part in the article's interactions; each item once, with every
        span that names it, in text order."""
        text = extraction.article.text
        said = [s.evidence[0] for s in extraction.statements]
        posts_of: dict[str, set[str]] = {}
        for holding in extraction.holdings:
            if holding.post.post_in:
                posts_of.setdefault(holding.person.iri, set()).add(holding.post.post_in)
        parties = self._parties(
            {p.iri: p for i in extraction.interactions for p in i.participants}, posts_of
        )
        found: dict[str, Mention] = {}
        for sentence in sentences(text):
            items = [
                (self.item(c, extraction.article.id), c.start, c.end)
                for c in find_references(text, sentence.start, sentence.end)
                if not _is_subject(text, c.end)  # "UN World Food Program (WFP) Executive Director"
            ]
            for match in self._framework.finditer(text, sentence.start, sentence.end):
                if any(s <= match.start() < e for _, s, e in items):
                    continue
                label = self.frameworks[match.group(0)]
                organization = self._known(label) or self.registry.organization(label)
                body = self._body(text, match, organization)
                if (
                    body is not None
                    and _is_framework(text, match.start(), body[2])
                    and organization.kind in ORGANIZATION_KINDS
                    and organization.iri not in parties
                ):
                    organization.aliases.add(match.group(0))
                    items.append(body)
            for actor, start, end in sorted(items, key=lambda i: i[1]):
                if any(s.start <= start < s.end for s in said):
                    continue  # a statement's own words: what it cites (:meth:`cite`)
                where = span(text, start, end)
                if actor.iri in found:
                    found[actor.iri].evidence.append(where)
                else:
                    found[actor.iri] = Mention(actor, [where])
        extraction.mentions.extend(found.values())


# A title after a name makes the name its holder's organisation ("NATO Secretary General", also
# with the acronym in brackets: "UN World Food Program (WFP) Executive Director").
_TITLE_AFTER = re.compile(
    r"(?:\s+\([A-Z]{2,}\))?\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:Secretary|Secretary-General|Director|President|Ambassador|"
    r"Envoy|Representative|Spokesperson|Minister|Head|Commissioner|officials?|"
    r"Chair(?:person|man|woman)?)\b"
)


# The end of an organisation's name: no word goes on, but the sponsor of a process may be named
# with it ("EU-brokered talks", "the ASEAN-led regional architecture").
_NAME_END = r"(?!\w|-(?!(?:led|brokered|facilitated|hosted|sponsored|mediated)\b))"

# The bodies of an organisation named with it: after it ("the UN Security Council", "the
# African Union Transition Mission in Somalia") or before it ("the Council of the EU").
_BODY = r"(?:Council|Assembly|Commission|Committee|Mission|Parliament|Court|Secretariat)"
_BODY_AFTER = re.compile(rf"(?:\s+[A-Z][a-z]+){{0,2}}?\s+{_BODY}\b(?:\s+in\s+[A-Z][a-z]+)?")
_BODY_BEFORE = re.compile(rf"\b{_BODY}\s+of\s+the\s+$")

# The words that make the organisation after them a framework ("through the Quad").
_FRAMEWORK = re.compile(r"\b(?:through|via|within|under|at|in the framework of)\s+(?:the\s+)?$")


# A title before a name makes the name its holder's organisation ("Chair of the Institute for
# Peace Studies").
_TITLE_BEFORE = re.compile(
    r"\b(?:Chair(?:person|man|woman)?|President|Secretary[- ]General|Director(?:-General)?|Head|"
    r"Member|Ambassador|Representative)\s+(?:of|to)\s+(?:the\s+)?$"
)
# What the narrator names as a framework: an organisation after a framework word ("through the
# Quad"), or one in a topic that is neither part of a longer name ("Minister for EU Funds") nor
# the subject of a clause ("the sanctions the United States and EU have imposed").
_NOT_FRAMEWORK_AFTER = re.compile(
    r"\s+(?:(?!(?:Allies|Ally|Alliance)\b)[A-Z]|(?:has|have|had|is|are|was|were|will|would|can|"
    r"could|should|must|may)\b)|[\u2019']s\s+[A-Z]"
)


def _is_framework(text: str, start: int, end: int) -> bool:
    """Whether the narrator names the organisation at ``start``-``end`` as a framework."""
    if _FRAMEWORK.search(text, max(0, start - 30), start):
        return True
    return _NOT_FRAMEWORK_AFTER.match(text, end) is None


def _is_subject(text: str, at: int) -> bool:
    return _TITLE_AFTER.match(text, at) is not None


def _slug(label: str) -> str:
    return slug(re.sub(r"^the\s+", "", label, flags=re.IGNORECASE))


__all__ = ["Cited", "ReferenceFinder", "find_references"]
