"""The date layer on expressions of our own: ranges within and across months and years, and the
day-first order other publishers write ("18 June")."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extract.dates import RULES, find_date

PUBLISHED = dt.date(2022, 7, 11)


@pytest.mark.parametrize(
    ("text", "start", "end", "expression"),
    [
        ("met June 18 through 20 in Rome", "2022-06-18", "2022-06-20", "June 18 through 20"),
        ("met June 30-July 1 in Rome", "2022-06-30", "2022-07-01", "June 30-July 1"),
        ("met from June 30 to July 2", "2022-06-30", "2022-07-02", "June 30 to July 2"),
        ("talks December 30 to January 2", "2021-12-30", "2022-01-02", "December 30 to January 2"),
        ("met on 18-19 June in Rome", "2022-06-18", "2022-06-19", "18-19 June"),
        ("met on 18 June in Rome", "2022-06-18", None, "18 June"),
        ("met on 12 March 2021 in Rome", "2021-03-12", None, "12 March 2021"),
    ],
)
def test_a_range_or_a_day_first_date_is_read_whole(
    text: str, start: str, end: str | None, expression: str
) -> None:
    when = find_date(text, 0, PUBLISHED)
    assert when is not None
    assert (str(when.start), str(when.end) if when.end else None, when.expression) == (
        start,
        end,
        expression,
    )


def test_a_day_first_date_without_a_year_is_the_latest_on_or_before_publication() -> None:
    when = find_date("met on 20 July", 0, PUBLISHED)
    assert when is not None
    assert (when.start, when.rule) == (dt.date(2021, 7, 20), RULES["month-day"])


def test_a_number_before_a_word_that_is_no_month_is_no_date() -> None:
    assert find_date("met with some 30 countries in Rome", 0, PUBLISHED) is None
