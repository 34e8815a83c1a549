"""Office holders the text names without their state, and the cities of the gazetteer (issue
9): the gazetteer's ``[people]`` table, an event coder's actor dictionary, gives them the state
they act for, and so the posts their titles give and the side they speak for; its ``[places]``
put a meeting in a city of a state. The people are the table's real office holders; every
sentence is written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph.errors import DiplographError
from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import PATH, load
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])


def _one(text: str, publisher: str = "Reuters") -> Extraction:
    article = Article("a", text, dt.date(2023, 3, 16), publisher)
    return extract_articles(PROJECT, [article]).extractions[0]


def _posts(text: str) -> set[tuple[str, str]]:
    return {(h.person.label, h.post.label) for h in _one(text).holdings}


def _speakers(text: str, publisher: str = "Reuters") -> list[tuple[str, str, str | None]]:
    return [
        (s.speaker.label, s.kind, s.on_behalf_of.label if s.on_behalf_of else None)
        for s in _one(text, publisher).statements
    ]


def test_an_office_holder_titled_without_a_state_holds_the_post_of_the_tables_state() -> None:
    posts = _posts("Foreign Minister Sergey Lavrov met External Affairs Minister S. Jaishankar.")
    assert posts == {
        ("Sergey Lavrov", "Foreign Minister of Russia"),
        ("Jaishankar", "External Affairs Minister of India"),
    }


def test_an_untitled_office_holder_is_a_speaker_of_the_tables_state() -> None:
    assert _speakers("Sergey Lavrov said Russia would keep supplying oil to its partners.") == [
        ("Sergey Lavrov", "Commitment", "Russia")
    ]


def test_someone_the_table_does_not_hold_gets_no_state() -> None:
    assert _posts("Foreign Minister Oumar Diarra met Foreign Minister Sergey Lavrov.") == {
        ("Sergey Lavrov", "Foreign Minister of Russia")
    }


def test_the_state_the_text_gives_wins_over_the_table() -> None:
    assert _posts("Ghanaian Foreign Minister Sergey Lavrov met Oumar Diarra.") == {
        ("Sergey Lavrov", "Foreign Minister of Ghana")
    }


def test_a_post_of_an_international_organisation_decides_the_side_before_nationality() -> None:
    # Zbigniew Rau is Polish in the table; as the OSCE's Chairman-in-Office he speaks for it
    (speaker,) = _speakers(
        "OSCE Chairman-in-Office Zbigniew Rau urged Russia to withdraw its forces."
    )
    assert speaker == (
        "Zbigniew Rau",
        "Demand",
        "Organization for Security and Co-operation in Europe",
    )


def test_regression_a_registry_label_with_the_us_gave_no_post() -> None:
    # "US President Joe Biden" is a label of data/actors.ttl whose "US" is a known phrase too
    assert _posts("U.S. President Joe Biden met Chinese President Xi Jinping.") == {
        ("Joe Biden", "President of United States"),
        ("Xi Jinping", "President of the People's Republic of China"),
    }


def test_regression_a_registry_label_followed_by_the_rest_of_the_name_gave_no_post() -> None:
    # "President Xi" is a label, "President Xi Jinping" that label and the rest of his name
    assert _posts("President Xi Jinping met Oumar Diarra.") == {
        ("Xi Jinping", "President of the People's Republic of China")
    }


def test_regression_as_a_colleague_said_made_the_colleague_the_speaker() -> None:
    # "Linda" is the Linda Thomas-Greenfield of the table: "as Linda said" cites her, in the
    # speaker's own words
    text = (
        "SECRETARY BLINKEN: I want to thank Ambassador Linda Thomas-Greenfield and her team. "
        "To each of you, as Linda said, thank you."
    )
    speakers = {label for label, _, _ in _speakers(text, "U.S. Department of State")}
    assert speakers == {"Antony Blinken"}


def test_a_city_of_the_gazetteer_places_a_meeting_in_its_state() -> None:
    extraction = _one("Foreign Minister Sergey Lavrov met Foreign Minister S. Jaishankar in Kazan.")
    assert [(i.kind, i.place.label if i.place else None) for i in extraction.interactions] == [
        ("Meeting", "Kazan")
    ]


def _downing_street(day: dt.date) -> Extraction:
    text = (
        "The Prime Minister spoke to President Oumar Diarra of Ghana this afternoon.\n\n"
        "The Prime Minister praised the courage of Ghana's armed forces."
    )
    article = Article("pm", text, day, "Prime Minister's Office, 10 Downing Street")
    return extract_articles(PROJECT, [article]).extractions[0]


def test_a_governments_leader_named_by_the_post_alone_is_its_holder_that_day() -> None:
    extraction = _downing_street(dt.date(2023, 6, 28))
    assert [[p.label for p in i.participants] for i in extraction.interactions] == [
        ["Rishi Sunak", "Oumar Diarra"]
    ]
    assert [
        (s.speaker.label, s.on_behalf_of and s.on_behalf_of.label) for s in extraction.statements
    ] == [("Rishi Sunak", "United Kingdom")]
    assert ("Rishi Sunak", "Prime Minister of United Kingdom", "The Prime Minister") in {
        (h.person.label, h.post.label, h.evidence.text) for h in extraction.holdings
    }
    # the day decides: the post's holder of 2021
    earlier = _downing_street(dt.date(2021, 6, 28))
    assert earlier.interactions[0].participants[0].label == "Boris Johnson"


@pytest.mark.parametrize(
    ("after", "added", "error"),
    [
        ("[people]\n", '"Atlantis" = ["Ana Ruiz"]\n', r"\[people\]: 'Atlantis' is no state"),
        (
            '"Ramstein" = "Germany"\n',
            '"Valbourg" = "Freedonia"\n',
            r"\[places\]: 'Valbourg' is in 'Freedonia', no state",
        ),
        (
            "[office_holders.Japan]\n",
            '"President" = [["Ana Ruiz", "2021-13-01"]]\n',
            r"\[office_holders.'Japan'\] 'President': \['Ana Ruiz', '2021-13-01'\] is not",
        ),
    ],
)
def test_a_bad_table_entry_is_one_line_naming_the_file_and_entry(
    tmp_path: Path, after: str, added: str, error: str
) -> None:
    bad = tmp_path / "gazetteer.toml"
    text = PATH.read_text(encoding="utf-8")
    assert after in text
    bad.write_text(text.replace(after, after + added), encoding="utf-8")
    with pytest.raises(DiplographError, match=r"gazetteer\.toml: " + error):
        load(bad)
