"""The reference layer: the agreements, principles, summits, conferences, initiatives, working
groups, dialogues and organisations a statement cites, minted when cited (not only when the actor
registry has them).

A name is a run of capitalised words ("the U.S.-ROK Alliance", "Review Conference for the
Non-Proliferation Treaty") whose head word says what it is: the last word, or the word a "for",
"of" or "on" follows ("Summit for Democracy"). A few common forms have no capitals ("the
rules-based international order", "UN Security Council resolutions", "a five-point consensus").
Organisations cited as frameworks are the gazetteer's organisations named inside the statement.

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
        ],
        "Agreement",
    ),
    **dict.fromkeys(
        ["Initiative", "Partnership", "Framework", "Program", "Programme", "Fund"], "Initiative"
    ),
    **dict.fromkeys(["Group", "Mechanism", "Force"], "WorkingGroup"),
    "Summit": "Summit",
    **dict.fromkeys(["Conference", "Ministerial", "Meeting", "Forum"], "Conference"),
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
}
# Agreements usually named by their acronym.
ACRONYMS = ("JCPOA", "NPT", "CTBT", "New START", "USMCA", "CPTPP", "RCEP")
PRINCIPLES = (
    r"rules-based (?:international )?order",
    r"freedom of navigation(?: and overflight)?",
    r"ASEAN centrality",
    r"(?:the vision of )?(?:a |an )?free and open Indo-Pacific",
    r"principles? (?:of|for) (?:the )?(?!the\b)[a-z][a-z-]*(?: (?:of )?[a-z][a-z-]*){0,5}",
    r"principles? of the (?:United Nations|UN|U\.N\.) [Cc]harter",
)
_Q, _D = "\u2019", "\u2013"  # right single quotation mark, en dash
# a capitalised word, with the periods of an abbreviation ("U.S.") but not a sentence's full stop
_WORD = rf"[A-Za-z0-9{_Q}'&]*(?:(?:\.[A-Za-z]+)+\.?)?"
_TOKEN = rf"(?:[A-Z]{_WORD}(?:[-{_D}][A-Za-z0-9]{_WORD})*|\d{{4}})"
_CONNECT = r"(?:\s+(?:of|for|on|the|in|to|de))*\s+"
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
            # a peace process named by its place ("the Afghanistan peace process")
            rf"(?P<process>\b[A-Z][\w.{_Q}'-]*(?:\s+[A-Z][\w.{_Q}'-]*){{0,2}}\s+peace process\b)",
            # a body named by what it works on ("a working group on security and development")
            r"(?P<group>\b(?:working group|task force|joint commission|joint committee) on"
            r"(?: the)?(?: (?:and )?(?!(?:a|an|and|the|to|with|for|in)\b)[a-z-]+){1,5})",
            # a ceasefire or truce the text names: an agreement of its parties, of this article
            rf"(?P<truce>\b(?:ceasefire|cease-fire|truce|armistice)\b(?:\s+(?:between|in)\s+"
            rf"[A-Z][\w.{_Q}'-]*(?:(?:,\s+|\s+and\s+)[A-Z][\w.{_Q}'-]*){{0,3}})?)",
            _EARLIER,
            r"(?P<discussed>\b(?:discussed|agreed|decided) (?:by|between) (?:[A-Z][\w.-]*"
            r"(?: and | )?){2,8}in [A-Z][a-z]+)",
        ]
    )
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
        # a name starts after a possessive or a leading article ("President Biden's Summit ...")
        cut = 0
        for index, word in enumerate(words):
            if word.endswith(("\u2019s", "'s")):
                cut = index + 1
        while cut < len(words) and words[cut] in _LEADING:
            cut += 1
        if cut >= len(words):
            continue
        low = match.group("low")
        kind = _classify(words[cut:], low)
        end_word = len(words)
        while kind is None and "in" in words[cut + 1 : end_word]:
            # "the G20 Summit in Bali": the name ends before its place
            end_word = cut + 1 + words[cut + 1 : end_word].index("in")
            kind = _classify(words[cut:end_word], None)
        if kind is None or words[cut].endswith("-led"):
            continue  # "a Haitian-led dialogue" describes a process; it names none
        if end_word < len(words):
            low = None
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
        last = match.end() if low else name_start + tokens[len(words) - 1].end()
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
        if label.endswith(".") and not re.search(r"\.[A-Za-z]\.$", label):
            label = label[:-1]  # the sentence's full stop, not an abbreviation's
        end = match.start() + len(match.group(0).rstrip()) - (match.group(0).strip() != label)
        local = match.lastgroup in ("earlier", "discussed", "truce", "group")
        found.append(Cited(kind, label, match.start(), end, local))
    seen: set[str] = set()
    result = []
    for cited in sorted(found, key=lambda c: c.start):
        if cited.label.lower() not in seen:
            seen.add(cited.label.lower())
            result.append(cited)
    return result


class ReferenceFinder:
    """Adds what each statement cites to its ``cites``, minting the items the registry lacks."""

    def __init__(self, registry: Registry, gazetteer: Gazetteer) -> None:
        self.registry = registry
        self.gazetteer = gazetteer
        names = [
            (alias, label)
            for label, aliases in gazetteer.organizations.items()
            for alias in (label, *aliases)
        ]
        names.sort(key=lambda n: -len(n[0]))
        self.organizations = dict(names)
        self._organization = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(n) for n, _ in names) + r")(?![\w-])"
        )
        # what the narrator may name as a framework: the organisations and the named groups of
        # states ("through the Quad")
        self.frameworks = {**self.organizations, **{g: g for g in gazetteer.state_groups}}
        self._framework = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(re.escape(n) for n in sorted(self.frameworks, key=lambda n: -len(n)))
            + r")(?![\w-])"
        )

    def item(self, cited: Cited, article: str) -> Actor:
        """The registry's item of this label, else one minted (deterministic IRI from label; an
        earlier meeting's under the article's, ``id:<article>/cited-<label>``)."""
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

    def _parties(
        self, actors: dict[str, Actor], posts_of: Mapping[str, set[str]]
    ) -> dict[str, Actor]:
        """``actors`` and the organisations of the posts they hold, by IRI."""
        found = dict(actors)
        for iri in sorted(set().union(*(posts_of.get(a, set()) for a in actors))):
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
                if _is_subject(text, match.end()):
                    continue  # a title or a speaker ("NATO Secretary General Stoltenberg")
                label = self.organizations[match.group(0)]
                organization = self._known(label) or self.registry.organization(label)
                if (
                    organization.kind in ORGANIZATION_KINDS
                    and organization.iri not in parties
                    # "Taliban" of "Taliban representatives", "ASEAN" of its foreign ministers
                    and match.group(0) not in named
                    and organization.label not in named
                ):
                    organization.aliases.add(match.group(0))  # the form the text names it by
                    items.append((organization, match.start(), match.end()))
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
                framework = _FRAMEWORK.search(text, max(0, match.start() - 30), match.start())
                if framework is None or _is_subject(text, match.end()):
                    continue
                if any(s <= match.start() < e for _, s, e in items):
                    continue
                label = self.frameworks[match.group(0)]
                organization = self._known(label) or self.registry.organization(label)
                if organization.kind in ORGANIZATION_KINDS and organization.iri not in parties:
                    organization.aliases.add(match.group(0))
                    items.append((organization, match.start(), match.end()))
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
    r"(?:Secretary|Secretary-General|Director|President|Chair|Ambassador|"
    r"Envoy|Representative|Spokesperson|Minister|Head|Commissioner|Allies|members?|officials?)\b"
)


# The words that make the organisation after them a framework ("through the Quad").
_FRAMEWORK = re.compile(r"\b(?:through|via|within|under|at|in the framework of)\s+(?:the\s+)?$")


def _is_subject(text: str, at: int) -> bool:
    return _TITLE_AFTER.match(text, at) is not None


def _slug(label: str) -> str:
    return slug(re.sub(r"^the\s+", "", label, flags=re.IGNORECASE))


__all__ = ["Cited", "ReferenceFinder", "find_references"]
