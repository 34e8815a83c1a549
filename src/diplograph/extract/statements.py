"""Finding statements: who said what of which kind, demands with their target and action, and
the event code of each (CAMEO 1.1b3, PLOVER), where the verb decides appeal from demand.

>>> kind_for("urged", "the US not to project its image")
'Demand'
>>> kind_for("said", "the US is committed to returning to the agenda")
'Commitment'
>>> kind_for("underscored", "the importance of the partnership")
'Assertion'
>>> kind_for("", "to follow the principles proposed by President Xi Jinping")
'Assertion'
>>> kind_for("", "On the Taiwan question, China has no room for compromise and concession.")
'Rejection'
"""

from __future__ import annotations

import re
from functools import lru_cache

VERBS = (
    "underscored|emphasized|emphasised|reiterated|stressed|noted|highlighted|affirmed|reaffirmed|said|"
    "conveyed|expressed|explained|added|pointed out|recognized|acknowledged|welcomed|praised|"
    "commended|thanked|congratulated|urged|asked|called upon|called for|pressed|"
    # "called on X to act", not "called on President X" (a courtesy call: an interaction)
    r"called on(?!(?=\s+(?:H\.E\.\s+)?(?:the\s+)?[A-Z])"
    r"(?![^.;]{0,80}?\bto\s+(?!the\b|a\b|an\b|his\b|her\b)[a-z]+))|"
    "requested|briefed(?= (?:[A-Z]|(?:the|him|her|them)\b))|repeated|"
    r"provided(?= (?:an? )?(?:\w+ )?updates? on\b)|"
    "demanded|appealed|insisted|rejected|refused|made clear|recalled|invited|opposed|outlined|"
    "voiced|underlined|applauded|lauded|hailed|deplored|regretted|assured|restated|"
    r"registered(?= (?:\w+ )?concerns?\b)|reflected(?= on\b)|"
    r"delivered(?= (?:a|an|the|his|her) (?:\w+ )?(?:message|letter|remarks|statement)\b)|"
    r"shared(?= (?:with|his|her|that|the (?:view|recognition|understanding|assessment))\b)|"
    # foreign ministries' verbs of joint readouts ("the two ministers concurred to ...")
    r"concurred|confirmed(?= (?:to|that|their|the importance)\b)|mentioned(?= that\b)|"
    "commented|"
    # "responded that", "set out how ...", "updated on the summit" (Downing Street's readouts)
    r"responded(?= that\b)|set out(?= (?:how|that|what|the|his|her|their)\b)|updated(?= on\b)|"
    r"encouraged|committed(?= to\b)|pledged|"
    "promised|vowed|condemned|criticized|denounced|warned|proposed|previewed|announced|"
    "suggested|offered|agreed|emphasizing|stressing|noting|underscoring|reiterating|reaffirming|"
    "highlighting|expressing|welcoming|urging|calling on|calling for|adding|told|raised|"
    "recognizing|acknowledging|affirming|pledging|relayed|"
    r"extended(?= (?:(?:his|her|their|its|our|the|deep|deepest|sincere|heartfelt|warm)\s+)*"
    r"(?:condolences|sympathies|congratulations|greetings|thanks|gratitude|an invitation))|"
    # reporting verbs of news prose beyond readouts ("X stated", "Y says", "Z warns")
    "stated|declared|asserted|argued|maintained|remarked|observed|indicated|"
    # news verbs of criticism, warning and rejection, not passive ("was dismissed")
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bfeel )"
    r"(?:(?:accused|threatened|dismissed|blamed|slammed|cautioned|rebuffed|criticised)(?! by\b)"
    r"|confronted(?= (?:[A-Z]|the|his|her)\b))|accusing|saying(?= (?:that|it|he|she|they|the)\b)|"
    "says|notes|stresses|emphasizes|adds|warns|insists|rejects|proposes|reaffirms|reiterates|"
    "underscores|"
    "(?:is|are|remains|remain) (?:firmly |fully |deeply )?committed|condemns|welcomes|urges|"
    # the plural present of joint statements ("The United States and Japan reaffirm ..."), not
    # an infinitive, a modal's verb or a noun ("to reaffirm", "will condemn", "a call on")
    r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcan )(?<!\bmust )(?<!\bshould )(?<!\bmay )"
    r"(?<!\ba )(?<!\bthe )(?<!\bto further )(?<!\band )"
    r"(?:reaffirm|reiterate|underscore|emphasize|condemn|urge|call on|call upon|oppose"
    r"|strongly oppose|strongly condemn)(?= (?!to\b)[a-z\u2019'A-Z])|"
    "calls on|calls for|supports|stands with|looks forward to|will continue to|will work to|"
    # a state (and its allies and partners) binding itself: "The United States and its Allies
    # and partners will respond ..." (the readout's own voice: :mod:`.layers.clauses`)
    r"(?:(?<=States )|(?<=partners )|(?<=[Aa]llies ))will(?= (?!not\b|be\b|have\b)[a-z]+\b)|"
    "discussed|reviewed|exchanged views|analyzed"
)
SPEECH = re.compile(rf"\b(?:{VERBS})\b")
NOT_STATEMENTS = frozenset({"discussed", "reviewed", "exchanged views"})
# Appeals (CAMEO 02) and demands (CAMEO 10) are both dip:Demand; the verb decides the code.
APPEAL_VERBS = frozenset(
    {
        "urged",
        "asked",
        "called on",
        "called upon",
        "called for",
        "appealed",
        "requested",
        "encouraged",
        "invited",
    }
)
INSISTING_VERBS = frozenset({"demanded", "insisted", "pressed"})
DEMAND_VERBS = APPEAL_VERBS | INSISTING_VERBS
REJECTION_VERBS = frozenset({"rejected", "refused"})
VERB_KINDS = {
    **dict.fromkeys(DEMAND_VERBS, "Demand"),
    **dict.fromkeys(REJECTION_VERBS, "Rejection"),
    **dict.fromkeys(
        ("committed", "pledged", "promised", "vowed", "intended to", "planned to"), "Commitment"
    ),
    # "The United States will continue to support ...": the speaker binds its side
    **dict.fromkeys(("will continue to", "will work to", "will"), "Commitment"),
    **dict.fromkeys(
        (
            "condemned",
            "criticized",
            "criticised",
            "denounced",
            "accused",
            "blamed",
            "slammed",
            "confronted",
        ),
        "Criticism",
    ),
    **dict.fromkeys(("warned", "threatened", "cautioned"), "Warning"),
    **dict.fromkeys(("dismissed", "rebuffed"), "Rejection"),
    **dict.fromkeys(("proposed", "suggested", "offered"), "Proposal"),
    **dict.fromkeys(("agreed", "concurred"), "AgreementStatement"),
    **dict.fromkeys(("opposed", "deplored"), "Criticism"),
    # praise and thanks are assertions whatever they praise ("commended X for condemning Y")
    **dict.fromkeys(
        (
            "commended",
            "praised",
            "thanked",
            "congratulated",
            "applauded",
            "lauded",
            "hailed",
        ),
        "Assertion",
    ),
}
# A participle heading a clause of its own (", emphasizing that ..."), and the verb it stands for.
PARTICIPLES = {
    "emphasizing": "emphasized",
    "stressing": "stressed",
    "noting": "noted",
    "underscoring": "underscored",
    "reiterating": "reiterated",
    "reaffirming": "reaffirmed",
    "highlighting": "highlighted",
    "expressing": "expressed",
    "welcoming": "welcomed",
    "urging": "urged",
    "calling on": "called on",
    "calling for": "called for",
    "adding": "added",
    "recognizing": "recognized",
    "acknowledging": "acknowledged",
    "affirming": "affirmed",
    "pledging": "pledged",
    "accusing": "accused",
    "saying": "said",
}
# Reporting verbs in a purpose clause of an interaction ("spoke with X to reaffirm ..."), and
# their past forms.
PURPOSE_VERBS = {
    "reaffirm": "reaffirmed",
    "reiterate": "reiterated",
    "express": "expressed",
    "convey": "conveyed",
    "offer": "offered",
    "underscore": "underscored",
    "emphasize": "emphasized",
    "stress": "stressed",
    "highlight": "highlighted",
    "condemn": "condemned",
    "urge": "urged",
    "thank": "thanked",
    "congratulate": "congratulated",
    "welcome": "welcomed",
    "pledge": "pledged",
    "reinforce": "reaffirmed",  # "spoke ... to reinforce the United States' commitment to"
}
# Verbs that restate a position: the complement decides whether it binds the speaker's side.
RESTATING = frozenset(
    {
        "reaffirmed",
        "reiterated",
        "underscored",
        "emphasized",
        "emphasised",
        "stressed",
        "affirmed",
        "highlighted",
        "underlined",
        "restated",
        "conveyed",
        "relayed",
        "made clear",
        "assured",
        "repeated",
    }
)
# Verbs that voice a concern ("raised concerns over"): a criticism of another's conduct.
CONCERN_VERBS = frozenset({"expressed", "voiced", "raised", "conveyed", "registered"})
# Verbs that, said by several speakers of different sides together, state an agreement.
JOINT_AGREEMENT = frozenset({"welcomed", "agreed", "concurred", "confirmed", "shared"})
_COMMITMENT_CUE = re.compile(
    r"\bcommitment\b|\bcommitted\b|\b(?:unwavering|steadfast|continued|ironclad|full) support\b"
)


# Whom a side's commitment is told ("told President X that the UK would always stand with"):
# a name or a pronoun before "that".
_TOLD = r"(?:(?:him|her|them|[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,4})\s+(?=that\b))?"


# What a side "will" do that binds it ("will send", "would continue to"): not "would be handled",
# "will not", "would like to", "would face".
_ACTS = r"(?!(?:be|have|not|never|like|need|face)\b)[a-z]+\b"


@lru_cache(maxsize=512)
def _own_side(names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Cues of the speaker's side (named by ``names``, or "we", "his government") binding itself:
    (restated: "that the UK stands / will / is ...", anywhere in the complement; ready: "the UK
    stood ready to", at its start; continuing: "that the UK would continue / send / always
    stand", "he would work", at its start)."""
    named = "|".join(re.escape(n.rstrip(".")) for n in sorted(names, key=len, reverse=True))
    own = rf"(?:the\s+)?(?:{named})\.?(?:\s+government)?" if named else "(?!)"
    allies = r"(?:,?(?: and)? (?:its |our )?(?:[Aa]llies|partners))*"
    return (
        re.compile(
            rf"\bthat {own}{allies} (?:will|would|stands|stood|remains|continues"
            # "is committed / ready / determined to", not "is not the creator of the crisis"
            r"|(?:is|are) (?:\w+ )?"
            r"(?:committed|ready|determined|prepared|resolved|steadfast|united))\b"
        ),
        re.compile(
            rf"^\s*(?:that\s+)?{own} (?:will|would|stands ready|stood ready|remains ready)\b"
        ),
        re.compile(
            rf"^\s*{_TOLD}(?:that\s+)?(?:{own}|we|he|she|(?:his|her|its|their|our) government)"
            rf"{allies} (?:will|would)\s+(?:(?:always|also|soon|\w+ly)\s+)?{_ACTS}"
        ),
    )


_IMPORTANCE = re.compile(
    r"^\s*(?:that\s+)?the\s+(?:\w+\s+)?(?:importance|value|need|significance|urgency)\b"
)
_OWN_STANCE = re.compile(
    r"^\s*(?:that\s+)?(?:(?:the|our|his|her|their|its|U\.S\.|United States[\u2019']?s?)\s+)?"
    # "the UK's unwavering military, economic and political support"
    r"(?:[\w.\u2019'-]+,?\s+){0,6}?(?:support|priority|priorities|focus|pledge|intention)\b"
)
_READINESS = re.compile(r"\b(?:readiness|willingness|resolve|determination)\b")
# Readiness as the object of a verb that does not restate it ("expressed readiness to").
_READINESS_HEAD = re.compile(
    r"^\s*(?:that\s+)?(?:[\w.\u2019'-]+\s+){0,3}?(?:readiness|willingness)\b"
)
# Verbs of emphasis: with the speaker's own support or focus as object ("underscored robust U.S.
# support for", "stressed the U.S. focus on") they bind the speaker's side.
EMPHASIS = frozenset({"underscored", "emphasized", "emphasised", "stressed", "underlined"})
# "expressed resolve to", "expressed determination to", "expressed its commitment to": the side
# states an intent of its own.
_RESOLVE = re.compile(
    r"^\s*(?:(?:his|her|their|its|our|the|U\.S\.|firm|strong)\s+)*"
    r"(?:(?:resolve|determination)\s+to|(?:\w+\s+){0,2}commitment\s+to)\b"
)
# An invitation to meet, not an appeal to act ("invited France to join in applying principles"):
# to visit, or to an event ("invited India to take part in the Summit on Peace").
_INVITED_TO_MEET = re.compile(
    r"^\s*(?:[\w.\u2019'-]+\s+){1,6}?to\s+(?:visit\b|(?:(?:attend|take part in|participate in|join)"
    r"\s+)?(?:the\s+|an?\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w.\u2019'-]+\s+){0,6}?"
    r"(?:[Ss]ummit|[Cc]onference|[Ff]orum|[Mm]eeting|[Dd]ialogue|visit|ceremony|celebrations?)\b)"
)
# Looking forward to something: an intent (CAMEO 030), stated, not a commitment or a proposal.
_LOOKS_FORWARD = re.compile(r"\blook(?:s|ed|ing)? forward to\b")
_LOOKS_FORWARD_HEAD = re.compile(
    r"^\s*(?:that\s+)?(?:[\w.\u2019'-]+\s+){0,4}?look(?:s|ed)? forward to\b"
)
# Announcing aid: "outlined / previewed ... new assistance" commits the side's aid (CAMEO 033).
AID_VERBS = frozenset({"outlined", "previewed", "announced"})
# Money a side has committed: "the United States has committed nearly $75 million in aid".
AID_COMMITTED = re.compile(
    r"\b(?:has|have) (?:committed|pledged) (?:(?:nearly|almost|more than|over|about|some|an "
    r"additional)\s+)?(?:\$|US\$|\u20ac|\u00a3)"
)
_NEW_AID = re.compile(r"\bnew (?:\w+\s+)?(?:assistance|aid|funding)\b")
# Concern about a situation, not an actor's conduct: an assertion ("concern about recent
# developments in the region", "concern over the humanitarian situation").
_SITUATION_CONCERN = re.compile(
    r"^\s*(?:[\w.\u2019']+\s+){0,2}concerns?\s+(?:about|over|regarding|at)\s+(?:the\s+)?"
    r"(?:(?:recent|ongoing|latest|current|deteriorating|worsening|humanitarian|security)\s+)*"
    r"(?:developments|situation|events)\b"
)
_EXPRESSIVE = re.compile(
    r"^\s*(?:(?:his|her|their|its|our|the|deep|deepest|sincere|heartfelt)\s+)*"
    r"(?:condolences|sympathies|thanks|gratitude|appreciation|congratulations)\b"
)
# What "offered" gives that is no offer of action: a sentiment ("offered his condolences",
# "offered steadfast solidarity with the people").
_OFFERED_SENTIMENT = re.compile(
    r"^\s*(?:(?:his|her|their|its|our|the|deep|deepest|sincere|heartfelt|steadfast|full|strong|"
    r"unwavering)\s+)*(?:condolences|sympathies|sympathy|solidarity|thanks|gratitude|appreciation|"
    r"congratulations|best wishes)\b"
)
_REJECTION_CUE = re.compile(
    r"^\s*(?:the\s+)?(?:U\.S\.|United States[\u2019']?s?|\w+[\u2019']s)?\s*rejection\b"
)
_OPPOSITION_CUE = re.compile(r"^\s*(?:\w+\s+){0,2}opposition to\b")
_CONCERN_CUE = re.compile(
    r"^\s*(?:[\w.\u2019']+\s+){0,2}(?:concerns?|objections?|horror|outrage|dismay|alarm)\b"
)
# What a predicate calls another's conduct: "(is) 100% an abuse of", "(were) not free".
_JUDGED = (
    r"(?:(?:not\s+only|also|clearly|simply|nothing\s+but|100%)\s+)*(?:an?\s+)?"
    r"(?:(?:clear|flagrant|blatant|gross|serious|direct|outright|grave|brazen)\s+)?"
    r"(?:illegal|illegitimate|immoral|unlawful|absurd|hysterical|shameful|deplorable|outrageous"
    r"|appalling|abuse|violation|attack|not\s+(?:free|fair)|sham|provocative|provocation"
    r"|destabiliz\w+)\b"
)
_WARNING_CUE = re.compile(
    r"\bwould (?:face|result in|be met with|impose)\b|\bwill be held (?:to account|accountable)\b"
    r"|\b(?:severe|swift|serious|massive) "
    r"(?:\w+ )?(?:and \w+ )?(?:consequences|costs)\b"
)
# What a state "should" do that asks it to act: a demand ("the US should stop interfering").
SHOULD_ACTS = r"(?:stop|cease|halt|refrain|abandon|correct|respect)"
CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "Commitment",
        # the speaker is committed: "is committed to", "pledged"; its side binding itself is
        # _own_side's
        re.compile(
            r"\b(?:is|are|remains?|was|were) (?:\w+ )?committed to\b|\bpledged?\b"
            r"|^\s*(?:stands?|remains?) ready to\b"  # "... and stands ready to help"
            # "We stand with Freedonia", "we will continue to stand by our allies"
            r"|\b(?:[Ww]e|I)\s+(?:(?:will|continue to|\w+ly)\s+){0,2}stand\s+"
            r"(?:\w+\s+)?(?:with|by)\b"
        ),
    ),
    ("Commitment", AID_COMMITTED),
    (
        "Proposal",
        re.compile(r"\bwe must\b|\bwork together\b|\bproposed\b(?! by\b)"),
    ),
    (
        "Rejection",
        re.compile(
            r"\bno room for (?:any )?(?:compromise|concession)"
            r"|\b(?:will|would|can|could) (?:never|not) (?:accept|recogni[sz]e|tolerate)\b"
            r"|\b[Tt]here (?:will|can) be no (?:deals?|compromises?|concessions?)\b"
        ),
    ),
    # a line not to be crossed, a threat of response: "Taiwan is the first red line"
    ("Warning", re.compile(r"\bred lines?\b|\bnot (?:sit|stand) idly by\b")),
    (
        "Demand",
        re.compile(
            r"\bmust\b|\bit is necessary for\b"
            # "the US should stop interfering", as foreign ministries' readouts put a demand
            rf"|\bshould (?:immediately )?{SHOULD_ACTS}\b"
        ),
    ),
    (
        "Criticism",
        re.compile(
            r"\b(?:erroneous|wrong policies|irresponsible|unacceptable|condemn\w*|reckless)\b"
            # "is a clear violation of", "we hold the government responsible"
            r"|\b(?:clear|flagrant|blatant|gross|serious) violations? of\b"
            r"|\bhold(?:s)? (?:\w+ ){1,4}(?:fully )?responsible\b"
            # a predicate that judges conduct: "this is an abuse of", "they were not free",
            # "it has failed to", "we are troubled that" (not "Russia's unprovoked war")
            rf"|\b(?:is|are|was|were|be|been|constitutes?|amounts? to)\s+{_JUDGED}"
            r"|\b(?:has|have)\s+(?:also\s+)?failed\s+to\b|\btroubled\s+(?:that|by)\b"
        ),
    ),
]
# The kinds aimed at an actor (dip:target): coded at their target only, never at the addressee
# (the shape "a coded demand or criticism is directed at its dip:target" holds it).
TARGETED_KINDS = ("Demand", "Criticism")
CAMEO = {
    "Assertion": "010",
    "Demand": "1042",
    "Commitment": "032",
    "Proposal": "030",
    "Criticism": "111",
    "Warning": "130",
    "AgreementStatement": "030",
    "Rejection": "120",
}
PLOVER = {
    "Demand": "REQUEST",
    "Commitment": "AGREE",
    "Proposal": "AGREE",
    "Criticism": "ACCUSE",
    "Warning": "THREATEN",
    "AgreementStatement": "AGREE",
    "Rejection": "REJECT",
}
# The PLOVER mode a CAMEO code implies (none for the others).
PLOVER_MODES = {
    "0242": "REQUEST-change",
    "1042": "REQUEST-change",
    "0254": "REQUEST-yield",
    "1054": "REQUEST-yield",
    "111": "ACCUSE-disapprove",
    "124": "REJECT-yield",
}
_SANCTIONS = re.compile(r"\bsanction", re.I)
_REFUSE_TO_YIELD = re.compile(
    r"\bno room for (?:any )?(?:compromise|concession)"
    r"|\b(?:refused|rejected)\s+to\s+(?:yield|compromise)"
)
_DEMAND_ACTION = re.compile(r"\b(?P<neg>not\s+)?to\s+(?P<action>.+)$", re.S)
_MUST = re.compile(
    r"\bmust\s+(?:\w+ly\s+)?(?P<action>.+)$"
    rf"|\bshould\s+(?:\w+ly\s+)?(?P<should>{SHOULD_ACTS}\b.+)$",
    re.S,
)
_NECESSARY = re.compile(r"\bit is necessary for (?P<target>.+?) to (?P<action>.+)$", re.S)
_TRAILING_ATTRIBUTION = re.compile(r"\s+(?:\w+\s){0,3}(?:said|noted|stressed|added)\.?$")
# A closing quote, after the comma or period that US style puts inside it.
_CLOSING_QUOTE = re.compile(r"[,.]?([\"\u201d])$")
BASE_VERBS = frozenset(
    [
        "stop",
        "lift",
        "refrain",
        "respect",
        "adhere",
        "oppose",
        "avoid",
        "reflect",
        "end",
        "cease",
        "release",
        "allow",
        "ensure",
        "support",
        "take",
        "return",
        "implement",
        "withdraw",
        "engage",
        "abide",
        "halt",
        "provide",
        "uphold",
        "honor",
        "honour",
        "resume",
        "refrain",
    ]
)


# A verb in the present ("The United States condemns ...", "Japan remains committed to ..."), and
# the past form whose kind it has.
PRESENT = {
    "says": "said",
    "notes": "noted",
    "stresses": "stressed",
    "emphasizes": "emphasized",
    "adds": "added",
    "warns": "warned",
    "insists": "insisted",
    "rejects": "rejected",
    "proposes": "proposed",
    "reaffirms": "reaffirmed",
    "reiterates": "reiterated",
    "underscores": "underscored",
    "condemns": "condemned",
    "welcomes": "welcomed",
    "urges": "urged",
    "calls on": "called on",
    "calls for": "called for",
    # the plural present of joint statements
    "reaffirm": "reaffirmed",
    "reiterate": "reiterated",
    "underscore": "underscored",
    "emphasize": "emphasized",
    "condemn": "condemned",
    "strongly condemn": "condemned",
    "urge": "urged",
    "call on": "called on",
    "call upon": "called upon",
    "oppose": "opposed",
    "strongly oppose": "opposed",
}


def base_verb(verb: str) -> str:
    """The past reporting verb a participle or a present form stands for ("emphasizing" is
    "emphasized", "remains committed" "committed").

    >>> base_verb("calling on"), base_verb("noted"), base_verb("is firmly committed")
    ('called on', 'noted', 'committed')
    """
    if verb.endswith(" committed"):
        return "committed"
    return PARTICIPLES.get(verb) or PRESENT.get(verb, verb)


# A verb of saying whose complement reports a speech act of the speaker's or the sides' ("said
# he had raised concerns", "told Xi that the United States opposed", "said the two sides had
# agreed"), as news reports retell a meeting: the inner act's verb gives the kind.
_SAYING = frozenset({"said", "told", "added", "stated", "explained"})
_INNER_ACT = re.compile(
    r"\s*(?:(?:[A-Z][\w.\u2019'-]*\s+){1,3}that\s+)?(?:that\s+)?"
    r"(?:he|she|they|we|I|both\s+sides|the\s+two\s+(?:sides|leaders|men|ministers|countries)"
    r"|(?:the\s+)?[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){0,2})\s+"
    r"(?:(?:had|has|have)\s+)?(?:also\s+|again\s+|strongly\s+)?"
    r"(?P<verb>agreed|raised|asked|urged|warned|pressed|called\s+on|called\s+for|demanded"
    r"|condemned|rejected|proposed|pledged|opposed)\b"
)


def kind_for(verb: str, content: str, joint: bool = False, own: tuple[str, ...] = ()) -> str:
    """The kind of a statement from its reporting verb and its complement (``content``, what
    follows the verb), then from cues in what was said; ``joint`` when several speakers of
    different sides say it together; ``own`` the names of the speakers' sides (``own_names``).

    >>> kind_for("reiterated", " the U.S. commitment to the alliance")
    'Commitment'
    >>> kind_for("stressed", " the need for all parties to show restraint")
    'Assertion'
    >>> kind_for("underscored", " the United States\u2019 rejection of the claims")
    'Rejection'
    >>> kind_for("raised", " serious concerns over the detentions")
    'Criticism'
    >>> kind_for("welcomed", " the ceasefire", joint=True), kind_for("welcomed", " the ceasefire")
    ('AgreementStatement', 'Assertion')
    >>> kind_for("made clear", " that any further aggression would be met with severe costs")
    'Warning'
    >>> kind_for("made clear", " that the regime and its enablers will be held to account")
    'Warning'
    >>> kind_for("offered", " help with demining"), kind_for("offered", " his condolences")
    ('Proposal', 'Assertion')
    >>> kind_for("offered", " steadfast solidarity with the people of the city")
    'Assertion'
    >>> kind_for("emphasized", " that the United States and its allies are resolved to help",
    ...          own=("United States",))
    'Commitment'
    >>> uk = ("UK", "United Kingdom")
    >>> help = " the UK would continue to help"
    >>> kind_for("said", help, own=uk), kind_for("said", help)
    ('Commitment', 'Assertion')
    >>> kind_for("said", " he had raised concerns about the detentions")
    'Criticism'
    >>> kind_for("told", " Kim that the United States opposed any unilateral change")
    'Criticism'
    >>> kind_for("said", " the two sides had agreed to resume talks")
    'AgreementStatement'
    """
    verb = base_verb(verb)
    inner = _INNER_ACT.match(content) if verb in _SAYING else None
    if inner is not None:  # "said he had raised concerns about": the act the speaker reports
        return kind_for(inner.group("verb"), content[inner.end() :], joint, own)
    if joint and verb in JOINT_AGREEMENT:
        return "AgreementStatement"
    head = content[:120]
    restated, ready, continuing = _own_side(own)
    if verb == "looks forward to" or _LOOKS_FORWARD_HEAD.search(head):
        return "Assertion"  # "noted she looks forward to working with": an intent stated
    if verb in AID_VERBS and _NEW_AID.search(content):
        return "Commitment"  # "outlined $55 million in new assistance"
    if verb == "expressed" and _RESOLVE.search(head):
        return "Commitment"  # "expressed resolve to ensure", "expressed commitment to"
    if verb == "offered" and _OFFERED_SENTIMENT.search(head):
        return "Assertion"  # "offered his condolences" proposes nothing
    if verb == "invited" and _INVITED_TO_MEET.match(content):
        return "Proposal"  # "invited Modi to the AI Action Summit", "invited her to visit Lima"
    if verb in VERB_KINDS:
        return VERB_KINDS[verb]
    if verb in RESTATING or verb in CONCERN_VERBS:
        if _REJECTION_CUE.search(head):
            return "Rejection"
        if _OPPOSITION_CUE.search(head):
            return "Criticism"
        if _SITUATION_CONCERN.search(head):
            return "Assertion"  # "concern about recent developments": no actor's conduct
        if _CONCERN_CUE.search(head):
            return "Criticism"  # "raised / reiterated U.S. concerns about"
        restating = verb in ("reaffirmed", "reiterated", "restated", "affirmed")
        if _EXPRESSIVE.search(head) or _IMPORTANCE.search(head):
            return "Assertion"  # "reiterated their condolences", "the importance of"
        if restating and (
            _COMMITMENT_CUE.search(head)
            or restated.search(head)
            or _READINESS.search(head)
            or _OWN_STANCE.search(head)
            or ready.search(head)
        ):
            # "reaffirmed readiness to impose costs", "reiterated our shared priority to",
            # "reaffirmed support for": binds its side (a fact restated stays an assertion)
            return "Commitment"
        if verb in EMPHASIS and _OWN_STANCE.search(head):
            return "Commitment"  # "underscored robust U.S. support for", "stressed our focus on"
        if verb in ("expressed", "highlighted") and _READINESS_HEAD.search(head):
            return "Assertion"  # "expressed / highlighted readiness to": an intent stated
        if _WARNING_CUE.search(content):
            return "Warning"
        if verb in RESTATING and (_COMMITMENT_CUE.search(head) or restated.search(head)):
            return "Commitment"
    if continuing.search(content):
        return "Commitment"  # "said the United States would continue to support"
    for kind, cue in CUES:
        if cue.search(content):
            return kind
    return "Assertion"


def event_code(kind: str, verb: str, what: str) -> str:
    """The CAMEO code of a statement of ``kind`` reported with ``verb`` ("" when unattributed or
    cued), about ``what`` (the demanded action, else the clause): an appeal verb (asked, urged)
    is CAMEO 02, a demand (demanded, insisted, "must", "it is necessary for") CAMEO 10; a demand
    to lift sanctions asks to ease economic sanctions.

    >>> event_code("Demand", "asked", "lift illegal unilateral sanctions on China")
    '0254'
    >>> event_code("Demand", "urged", "not project its hegemonic image onto China")
    '0242'
    >>> event_code("Demand", "noted", "truly adhere to the one-China principle")
    '1042'
    >>> event_code("Rejection", "", "China has no room for compromise and concession.")
    '124'
    >>> event_code("Assertion", "noted", " that she looks forward to visiting Lima")
    '030'
    >>> event_code("Commitment", "outlined", " $10 million in new assistance for refugees")
    '033'
    """
    if kind == "Demand":
        appeal = verb in APPEAL_VERBS
        if _SANCTIONS.search(what):
            return "0254" if appeal else "1054"
        return "0242" if appeal else "1042"
    if kind == "Rejection" and _REFUSE_TO_YIELD.search(f"{verb} {what}"):
        return "124"
    if kind == "Commitment" and (
        (verb in AID_VERBS and _NEW_AID.search(what)) or AID_COMMITTED.search(what)
    ):
        return "033"  # material aid: "outlined $10 million in new assistance", "has committed $"
    if kind == "Assertion" and (_LOOKS_FORWARD.search(what) or _READINESS_HEAD.search(what)):
        return "030"
    return CAMEO[kind]


def clean_action(action: str) -> tuple[str, int]:
    """A demanded action without the sentence's closing attribution and punctuation, and the
    length of the stretch of ``action`` it stands for.

    A closing quote stays when it closes a quotation the action opens (a comma inside it goes);
    one that closes a quotation opened before the action goes.

    >>> clean_action('clearly oppose "Taiwan independence," Wang noted.')
    ('clearly oppose "Taiwan independence"', 37)
    >>> clean_action("stop interfering in China\u2019s internal affairs,\u201d he said.")
    ('stop interfering in China\u2019s internal affairs', 44)
    """
    action = _TRAILING_ATTRIBUTION.sub("", action.rstrip())
    raw = action.rstrip(" .,;")
    closing = _CLOSING_QUOTE.search(raw)
    if closing is None:
        return raw, len(raw)
    quote = closing.group(1)
    body = raw[: closing.start()]
    opened = body.count('"') % 2 == 1 if quote == '"' else body.count("\u201c") > body.count(quote)
    if opened:
        return body.rstrip() + quote, len(raw)
    body = body.rstrip(" .,;")
    return body, len(body)


def split_items(action: str) -> list[tuple[int, str]]:
    """A list of three or more demanded actions, each opening with a verb, split into items.

    >>> demands = "stop hyping it, lift sanctions, stop pressuring China and stop interfering"
    >>> [item for _, item in split_items(demands)]
    ['stop hyping it', 'lift sanctions', 'stop pressuring China', 'stop interfering']
    >>> split_items("adhere to it, respect China, and clearly oppose it")
    [(0, 'adhere to it, respect China, and clearly oppose it')]
    """
    cuts = [0]
    for match in re.finditer(r",\s+and\s+|,\s+|\s+and\s+", action):
        following = action[match.end() :].split(" ", 1)[0]
        if following in BASE_VERBS:
            cuts.append(match.end())
    if len(cuts) < 3:
        return [(0, action)]
    items = []
    for index, cut in enumerate(cuts):
        end = len(action) if index + 1 == len(cuts) else cuts[index + 1]
        piece = action[cut:end]
        piece = re.sub(r"(?:,\s+and|,|\s+and)\s*$", "", piece.rstrip())
        items.append((cut, piece))
    return items
