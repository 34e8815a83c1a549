"""Speakers and posts the mention layer got wrong (issue 9): a compound title before one name
with a state and an organisation, and the Palestinian Authority as an organisation. Every
sentence is written for the test, with invented names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph.extract.corpus import Article
from diplograph.extract.gazetteer import load
from diplograph.extract.mentions import Lexicon, RuleMentionFinder
from diplograph.extract.model import Extraction
from diplograph.extract.run import extract_articles
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
FINDER = RuleMentionFinder(Lexicon.build(load(), {}))


def _one(text: str) -> Extraction:
    article = Article("a", text, dt.date(2022, 6, 24), "U.S. Department of State")
    return extract_articles(PROJECT, [article]).extractions[0]


def _posts(text: str) -> set[tuple[str, str]]:
    return {(h.person.label, h.post.label) for h in _one(text).holdings}


def test_compound_title_state_before_organization_mentions() -> None:
    text = "Ghanaian President and African Union Chairperson Oumar Diarra spoke."
    (mention,) = FINDER.find(text, 0, len(text))
    assert mention.titles == ("President", "Chairperson")
    assert (mention.state, mention.organization) == ("Ghana", "African Union")
    assert mention.state_titles == (True, False)


def test_compound_title_organization_before_state_mentions() -> None:
    text = "African Union Chairperson and Ghanaian President Oumar Diarra spoke."
    (mention,) = FINDER.find(text, 0, len(text))
    assert mention.titles == ("Chairperson", "President")
    assert mention.state_titles == (False, True)


def test_regression_compound_title_gave_state_post_to_organization() -> None:
    posts = _posts(
        "Secretary Blinken spoke today with Ghanaian President and African Union "
        "Chairperson Oumar Diarra. The Secretary thanked President Diarra for his leadership."
    )
    assert ("Oumar Diarra", "President of Ghana") in posts
    assert not any(post == "President of African Union" for _, post in posts)


def test_single_title_with_organization_keeps_the_organization() -> None:
    text = "African Union Chairperson Oumar Diarra spoke."
    (mention,) = FINDER.find(text, 0, len(text))
    assert (mention.state, mention.organization, mention.state_titles) == (
        None,
        "African Union",
        (False,),
    )


def test_regression_palestinian_authority_read_as_the_state_palestine() -> None:
    text = "Palestinian Authority President Karim Haddad met the envoy."
    (mention,) = FINDER.find(text, 0, len(text))
    assert (mention.state, mention.organization) == (None, "Palestinian Authority")


def test_palestinian_adjective_still_names_the_state() -> None:
    text = "Palestinian Prime Minister Karim Haddad met the envoy."
    (mention,) = FINDER.find(text, 0, len(text))
    assert (mention.state, mention.organization) == ("Palestine", None)


def test_regression_group_named_by_its_state_spoke_for_itself() -> None:
    extraction = _one(
        "Secretary Blinken met today with senior Kenyan trade officials. They condemned the "
        "attacks on civilians in the region."
    )
    sides = {
        (s.speaker.label, s.on_behalf_of and s.on_behalf_of.label) for s in extraction.statements
    }
    assert ("senior Kenyan trade officials", "Kenya") in sides


def test_group_named_by_nobody_speaks_for_itself() -> None:
    extraction = _one(
        "Secretary Blinken met today with senior Freedonian trade officials. They condemned the "
        "attacks on civilians in the region."
    )
    sides = {
        (s.speaker.label, s.on_behalf_of and s.on_behalf_of.label) for s in extraction.statements
    }
    group = "senior Freedonian trade officials"
    assert (group, group) in sides


def test_regression_regional_portfolio_broke_the_title() -> None:
    text = "Minister of State for Middle East and Africa Tom Barrow spoke."
    (mention,) = FINDER.find(text, 0, len(text))
    assert (mention.name, mention.titles) == (
        "Tom Barrow",
        ("Minister of State for Middle East and Africa",),
    )


def test_regression_title_acronym_in_brackets_broke_the_title() -> None:
    text = "United Nations High Commissioner for Refugees (UNHCR) Ana Ruiz met the press."
    (mention,) = FINDER.find(text, 0, len(text))
    assert (mention.name, mention.titles, mention.organization) == (
        "Ana Ruiz",
        ("High Commissioner for Refugees",),
        "United Nations",
    )


def test_bracketed_word_that_is_no_acronym_ends_the_title() -> None:
    text = "Minister (retired) Tom Barrow spoke."
    assert [m.name for m in FINDER.find(text, 0, len(text))] == [None, "Tom Barrow"]
