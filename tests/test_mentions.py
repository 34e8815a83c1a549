"""The rule-based mention finder on invented sentences, with the exact mentions it finds: every
field of every mention, so that a rewrite of the rules' primitives (tokens, lexicon look-ups,
group and pronoun checks) that changes any behaviour fails here. The expected values are what the
finder found before it was made faster (issue 10), quirks included ("the two ministers" is the
group "the two"; "Martin Luther King, Jr." is three mentions)."""

from __future__ import annotations

from dataclasses import astuple

import pytest

from diplograph.extract.gazetteer import load
from diplograph.extract.mentions import Lexicon, RuleMentionFinder, tokens
from diplograph.extract.text import normalize, slug

KNOWN = {
    "Secretary of State Antony J. Blinken": "urn:blinken",
    "Antony J. Blinken": "urn:blinken",
    "Blinken": "urn:blinken",
    "Quad": "urn:quad",
    "the Quad": "urn:quad",
}
FINDER = RuleMentionFinder(Lexicon.build(load(), KNOWN))
Row = tuple[  # the fields of a Mention, in order
    str,
    int,
    int,
    str,
    str | None,
    tuple[str, ...],
    str | None,
    str | None,
    str | None,
    tuple[int, int] | None,
]
CASES: list[tuple[str, list[Row]]] = [
    (
        (
            "Secretary of State Antony J. Blinken spoke today with German Foreign "
            "Minister Heiko Maas."
        ),
        [
            (
                "known",
                0,
                36,
                "Secretary of State Antony J. Blinken",
                "Antony J. Blinken",
                ("Secretary of State",),
                None,
                None,
                "urn:blinken",
                (0, 18),
            ),
            (
                "person",
                54,
                88,
                "German Foreign Minister Heiko Maas",
                "Heiko Maas",
                ("Foreign Minister",),
                "Germany",
                None,
                None,
                (54, 77),
            ),
        ],
    ),
    (
        "The two leaders discussed trade; the two ministers agreed, and both sides welcomed it.",
        [
            (
                "group",
                0,
                15,
                "The two leaders",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "group",
                33,
                40,
                "the two",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "group",
                63,
                73,
                "both sides",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
        ],
    ),
    (
        "Both of them met. He said they would meet again, and She agreed.",
        [
            (
                "pronoun",
                0,
                4,
                "Both",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "pronoun",
                18,
                20,
                "He",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "pronoun",
                26,
                30,
                "they",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "pronoun",
                53,
                56,
                "She",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
        ],
    ),
    (
        "Uzbekistan\u2019s Foreign Minister Bakhtiyor Saidov met the Secretary in Tashkent.",
        [
            (
                "person",
                0,
                46,
                "Uzbekistan\u2019s Foreign Minister Bakhtiyor Saidov",
                "Bakhtiyor Saidov",
                ("Foreign Minister",),
                "Uzbekistan",
                None,
                None,
                (0, 29),
            ),
            (
                "role",
                51,
                64,
                "the Secretary",
                None,
                ("Secretary",),
                None,
                None,
                None,
                None,
            ),
            (
                "place",
                68,
                76,
                "Tashkent",
                "Tashkent",
                (),
                None,
                None,
                None,
                None,
            ),
        ],
    ),
    (
        (
            "Special Representative for Afghanistan Thomas West met Deputy Prime "
            "Minister and Foreign Minister Ishaq Dar of Pakistan."
        ),
        [
            (
                "person",
                0,
                50,
                "Special Representative for Afghanistan Thomas West",
                "Thomas West",
                ("Special Representative for Afghanistan",),
                None,
                None,
                None,
                (0, 38),
            ),
            (
                "person",
                55,
                119,
                "Deputy Prime Minister and Foreign Minister Ishaq Dar of Pakistan",
                "Ishaq Dar",
                ("Deputy Prime Minister", "Foreign Minister"),
                "Pakistan",
                None,
                None,
                (55, 97),
            ),
        ],
    ),
    (
        (
            "Organization for Security and Cooperation in Europe (OSCE) Chairman-"
            "in-Office Ian Borg spoke with the Quad."
        ),
        [
            (
                "person",
                0,
                86,
                (
                    "Organization for Security and Cooperation in Europe (OSCE) Chairman-"
                    "in-Office Ian Borg"
                ),
                "Ian Borg",
                ("Chairman-in-Office",),
                None,
                "Organization for Security and Co-operation in Europe",
                None,
                (0, 77),
            ),
            (
                "known",
                98,
                106,
                "the Quad",
                None,
                (),
                None,
                None,
                "urn:quad",
                None,
            ),
        ],
    ),
    (
        (
            "Ukrainian Foreign Minister Dmytro Kuleba and Head of the Presidential "
            "Office Andriy Yermak met President Luiz Inácio Lula da Silva."
        ),
        [
            (
                "person",
                0,
                40,
                "Ukrainian Foreign Minister Dmytro Kuleba",
                "Dmytro Kuleba",
                ("Foreign Minister",),
                "Ukraine",
                None,
                None,
                (0, 26),
            ),
            (
                "person",
                45,
                90,
                "Head of the Presidential Office Andriy Yermak",
                "Andriy Yermak",
                ("Head of the Presidential Office",),
                "Ukraine",
                None,
                None,
                (45, 76),
            ),
            (
                "person",
                95,
                130,
                "President Luiz Inácio Lula da Silva",
                "Luiz Inácio Lula da Silva",
                ("President",),
                None,
                None,
                None,
                (95, 104),
            ),
        ],
    ),
    (
        (
            "Under Secretary for Economic Growth, Energy, and the Environment Jose "
            "W. Fernandez met Commissioner de la Cruz."
        ),
        [
            (
                "person",
                0,
                82,
                (
                    "Under Secretary for Economic Growth, Energy, and the Environment Jose "
                    "W. Fernandez"
                ),
                "Jose W. Fernandez",
                ("Under Secretary for Economic Growth, Energy, and the Environment",),
                None,
                None,
                None,
                (0, 64),
            ),
            (
                "person",
                87,
                110,
                "Commissioner de la Cruz",
                "de la Cruz",
                ("Commissioner",),
                None,
                None,
                None,
                (87, 99),
            ),
        ],
    ),
    (
        (
            "The Secretary met with Jose Ramos, the Foreign Minister of Peru, and "
            "Martin Luther King, Jr. in Washington."
        ),
        [
            (
                "role",
                0,
                13,
                "The Secretary",
                None,
                ("Secretary",),
                None,
                None,
                None,
                None,
            ),
            (
                "person",
                23,
                63,
                "Jose Ramos, the Foreign Minister of Peru",
                "Jose Ramos",
                ("Foreign Minister",),
                "Peru",
                None,
                None,
                (39, 63),
            ),
            (
                "name",
                69,
                82,
                "Martin Luther",
                "Martin Luther",
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "role",
                83,
                87,
                "King",
                None,
                ("King",),
                None,
                None,
                None,
                None,
            ),
            (
                "name",
                89,
                92,
                "Jr.",
                "Jr.",
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "place",
                96,
                106,
                "Washington",
                "Washington",
                (),
                None,
                None,
                None,
                None,
            ),
        ],
    ),
    (
        (
            "Leaving Vienna, Acting Assistant Secretary Smith II met the Global "
            "Strategic Partnership."
        ),
        [
            (
                "place",
                8,
                14,
                "Vienna",
                "Vienna",
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "person",
                16,
                51,
                "Acting Assistant Secretary Smith II",
                "Smith II",
                ("Acting Assistant Secretary",),
                None,
                None,
                None,
                (16, 42),
            ),
            # "the Global Strategic Partnership": a body's name, no name of a person (it was
            # one, "Strategic Partnership", as "the Joint Action Group" was a person)
        ],
    ),
    (
        (
            "Deputy Secretary Sherman met Foreign Minister al-Busaidi of Oman and "
            "the officials of the European Union."
        ),
        [
            (
                "person",
                0,
                24,
                "Deputy Secretary Sherman",
                "Sherman",
                ("Deputy Secretary",),
                None,
                None,
                None,
                (0, 16),
            ),
            (
                "role",
                29,
                45,
                "Foreign Minister",
                None,
                ("Foreign Minister",),
                None,
                None,
                None,
                None,
            ),
            (
                "state",
                60,
                64,
                "Oman",
                None,
                (),
                "Oman",
                None,
                None,
                None,
            ),
            (
                "group",
                69,
                82,
                "the officials",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "organization",
                86,
                104,
                "the European Union",
                None,
                (),
                None,
                "European Union",
                None,
                None,
            ),
        ],
    ),
    (
        (
            "Secretary General Delattre France\u2019s plans were noted by the United "
            "States and the Republic of Korea."
        ),
        [
            (
                "person",
                0,
                26,
                "Secretary General Delattre",
                "Delattre",
                ("Secretary General",),
                None,
                None,
                None,
                (0, 17),
            ),
            (
                "state",
                27,
                33,
                "France",
                None,
                (),
                "France",
                None,
                None,
                None,
            ),
            (
                "state",
                56,
                73,
                "the United States",
                None,
                (),
                "United States",
                None,
                None,
                None,
            ),
            (
                "state",
                82,
                99,
                "Republic of Korea",
                None,
                (),
                "South Korea",
                None,
                None,
                None,
            ),
        ],
    ),
    (
        "They reaffirmed Blinken\u2019s support for NATO and the U.S.-Japan alliance.",
        [
            (
                "pronoun",
                0,
                4,
                "They",
                None,
                (),
                None,
                None,
                None,
                None,
            ),
            (
                "known",
                16,
                23,
                "Blinken",
                None,
                (),
                None,
                None,
                "urn:blinken",
                None,
            ),
            (
                "organization",
                38,
                42,
                "NATO",
                None,
                (),
                None,
                "North Atlantic Treaty Organization",
                None,
                None,
            ),
            (
                "state",
                51,
                55,
                "U.S.",
                None,
                (),
                "United States",
                None,
                None,
                None,
            ),
            (
                "state",
                56,
                61,
                "Japan",
                None,
                (),
                "Japan",
                None,
                None,
                None,
            ),
        ],
    ),
    (
        "Dr. S. Jaishankar, External Affairs Minister of India, met Mr. Wang.",
        [
            (
                "person",
                0,
                53,
                "Dr. S. Jaishankar, External Affairs Minister of India",
                "S. Jaishankar",
                ("External Affairs Minister",),
                "India",
                None,
                None,
                (19, 53),
            ),
            (
                "person",
                59,
                67,
                "Mr. Wang",
                "Wang",
                (),
                None,
                None,
                None,
                None,
            ),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_the_mentions_of_invented_sentences(sentence: str, expected: list[Row]) -> None:
    # without the per-title state flags (tests/test_speakers_and_posts.py tests those)
    found = [astuple(m)[:-1] for m in FINDER.find(sentence, 0, len(sentence))]
    assert found == expected


def test_find_sees_only_its_stretch_and_gives_offsets_into_the_whole_text() -> None:
    text = "Noise. German Foreign Minister Heiko Maas met the Secretary. More noise."
    found = FINDER.find(text, 7, 60)
    assert [(m.kind, m.text, m.start, m.end) for m in found] == [
        ("person", "German Foreign Minister Heiko Maas", 7, 41),
        ("role", "the Secretary", 46, 59),
    ]


def test_tokens_keep_the_periods_of_initials_and_abbreviations_and_normalise() -> None:
    text = "U.S. Amb. J. Smith\u2019s visit to Washington, D.C. ended."
    found = tokens(text, 0, len(text))
    assert [(t.text, t.start, t.end, t.norm) for t in found] == [
        ("U.S.", 0, 4, "us"),
        ("Amb", 5, 8, "amb"),
        (".", 8, 9, ""),
        ("J.", 10, 12, "j"),
        ("Smith", 13, 18, "smith"),
        ("\u2019s", 18, 20, "'s"),
        ("visit", 21, 26, "visit"),
        ("to", 27, 29, "to"),
        ("Washington", 30, 40, "washington"),
        (",", 40, 41, ","),
        ("D.C.", 42, 46, "dc"),
        ("ended", 47, 52, "ended"),
        (".", 52, 53, ""),
    ]


def test_the_lexicon_matches_the_longest_phrase_and_a_single_word_only_capitalised() -> None:
    lexicon = Lexicon.build(load(), KNOWN)
    text = "the Republic of Korea and japan and Japan"
    toks = tokens(text, 0, len(text))
    # "japan" (position 5), in lower case, is not the state
    assert lexicon.matches(toks) == [
        None,
        (3, "state", "South Korea"),
        *[None] * 5,
        (1, "state", "Japan"),
    ]


def test_normalize_and_slug_give_the_same_answer_when_asked_again() -> None:
    # both are cached: the cached answer is the computed one
    for _ in range(2):
        assert normalize("U.S.\u00a0Secretary  of\u202fState\u2019s") == "us secretary of state's"
        assert slug("Carlos Fran\u00e7a") == "carlos-franca"
