"""Resolving the dates of a text ("today", "on Monday", "June 18-19") against its publication date.

>>> from datetime import date
>>> published = date(2023, 6, 19)
>>> w = find_date("met with Blinken in Beijing on Monday, during which", 0, published)
>>> w.start, w.end, w.expression, w.offset
(datetime.date(2023, 6, 19), None, 'Monday', 31)
>>> w.rule
'weekday resolved to the most recent such day on or before the publication date'
>>> find_date("spoke yesterday with", 0, published).start
datetime.date(2023, 6, 18)
>>> find_date("Today in Washington", 0, published).start
datetime.date(2023, 6, 19)
>>> find_date("spoke with him last week, on June 12", 0, published) is None
True
>>> w = find_date("talks on June 18-19 in Paris", 0, published)
>>> w.start, w.end, w.expression
(datetime.date(2023, 6, 18), datetime.date(2023, 6, 19), 'June 18-19')
>>> w = find_date("talks from June 30 through July 2", 0, published)
>>> w.start, w.end, w.expression
(datetime.date(2022, 6, 30), datetime.date(2022, 7, 2), 'June 30 through July 2')
>>> w = find_date("talks on 18-19 June in Paris", 0, published)
>>> w.start, w.end, w.expression
(datetime.date(2023, 6, 18), datetime.date(2023, 6, 19), '18-19 June')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# The capitalised calendar words, which look like names to the rules that find names and places.
CALENDAR_WORDS = frozenset(word.capitalize() for word in [*MONTHS, *WEEKDAYS])
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_TO = r"\s*(?:-|\u2013|and|to|through|until)\s*"
_PATTERN = re.compile(
    rf"\b(?:(?P<month>{_MONTH}) (?P<day>\d{{1,2}})"
    # "June 18-19", "June 30 to July 2"
    rf"(?:{_TO}(?:(?P<month2>{_MONTH})\s+)?(?P<day2>\d{{1,2}}))?(?:st|nd|rd|th)?"
    rf"(?:,? (?P<year>\d{{4}}))?"
    # day first, as other publishers write it: "18 June", "18-19 June 2023"
    rf"|(?P<fday>\d{{1,2}})(?:{_TO}(?P<fday2>\d{{1,2}}))?\s+(?P<fmonth>{_MONTH})"
    rf"(?:,? (?P<fyear>\d{{4}}))?"
    r"|(?P<relative>(?i:today|yesterday|this morning|this afternoon|this evening|tonight"
    r"|last night))"
    # a period that names no day ("spoke with him last week"): the sentence gives no date
    r"|(?P<vague>(?i:(?:earlier\s+)?(?:last|this|next)\s+(?:week|month))"
    # "in November", "in early June": a month and no day
    rf"|(?<=\bin )(?:(?:early|late|mid-)\s*)?{_MONTH}(?!\s+\d)(?:,?\s+\d{{4}})?)"
    rf"|(?:on |last )?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|(?P<iso_y>\d{{4}})-(?P<iso_m>\d{{2}})-(?P<iso_d>\d{{2}}))\b"
)
# "On June 29 and 30" or "on July 27" before a month-day: the month-day pattern covers them.
RULES = {
    "today": "'today' (or this morning, afternoon, evening) is the publication date",
    "yesterday": "'yesterday' (or last night) is the day before the publication date",
    "weekday": "weekday resolved to the most recent such day on or before the publication date",
    "month-day": (
        "month and day without a year: the latest such day on or before the publication date"
    ),
    "explicit": "the date is given in full",
    "upcoming weekday": (
        "weekday of a planned event ('will meet on Friday'): the first such day after the "
        "publication date"
    ),
    "nearest": (
        "month and day without a year, of an earlier or planned event the text names: the nearest "
        "such day to the publication date"
    ),
}


@dataclass(frozen=True)
class When:
    """A day (``end`` None) or a range of days, and the expression of the text it comes from."""

    start: dt.date
    end: dt.date | None
    expression: str
    offset: int  # where ``expression`` starts in the searched text
    rule: str

    @property
    def relative(self) -> bool:
        """Whether the day had to be resolved against the publication date."""
        return self.rule != RULES["explicit"]


def _month_day(month: int, day: int, year: int | None, published: dt.date) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year, month, day)
        candidate = dt.date(published.year, month, day)
        return candidate if candidate <= published else dt.date(published.year - 1, month, day)
    except ValueError:
        return None


def nearest(when: When, published: dt.date) -> When:
    """A month and day without a year resolved to the nearest such day, before or after the
    publication date: an event the text names may be planned ("their June 8 meeting").

    >>> found = find_date("their June 8 meeting", 0, dt.date(2022, 6, 1))
    >>> found is not None and nearest(found, dt.date(2022, 6, 1)).start
    datetime.date(2022, 6, 8)
    """
    if when.rule != RULES["month-day"]:
        return when
    try:
        later = when.start.replace(year=when.start.year + 1)
        end = when.end.replace(year=when.end.year + 1) if when.end else None
    except ValueError:  # February 29
        return when
    if later - published < published - when.start:
        return replace(when, start=later, end=end, rule=RULES["nearest"])
    return replace(when, rule=RULES["nearest"])


def upcoming(when: When, published: dt.date) -> When:
    """The date of a planned event: a weekday is the first such day after the publication date,
    a month and day the nearest such day (:func:`nearest`); others as found.

    >>> found = find_date("will continue their discussions on Friday", 0, dt.date(2022, 6, 24))
    >>> found is not None and upcoming(found, dt.date(2022, 6, 24)).start
    datetime.date(2022, 7, 1)
    """
    if when.rule == RULES["weekday"]:
        start = when.start + dt.timedelta(days=7)
        return replace(when, start=start, rule=RULES["upcoming weekday"])
    return nearest(when, published)


# A date before a noun, after an article or a possessor ("the Feb 26 and March 4 tests", "the
# DPRK's March 4 launch"): it dates the thing named, not the event the sentence reports.
_BEFORE_NOUN = re.compile(
    r"(?:\bthe|\bits|\btheir|[\u2019']s)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}\s+(?:and|or)\s+)?$"
)
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|in|at|on|of|for|with|when|as|by)\b)[a-z]")


def find_date(
    text: str, start: int, published: dt.date, end: int | None = None, of_nouns: bool = True
) -> When | None:
    """The first date expression in ``text[start:end]``, resolved; none when it is a period that
    names no day ("last week", "next month"). With ``of_nouns`` false, a date that dates a noun
    after it is passed over (:data:`_BEFORE_NOUN`).

    >>> find_date("called Liu to condemn the March 4 tests", 0, dt.date(2022, 3, 11)).start
    datetime.date(2022, 3, 4)
    >>> find_date("called Liu to condemn the March 4 tests", 0, dt.date(2022, 3, 11), None, False)
    """
    for match in _PATTERN.finditer(text, start, len(text) if end is None else end):
        if match.group("vague"):
            return None
        if (
            not of_nouns
            and _BEFORE_NOUN.search(text, max(0, match.start() - 30), match.start())
            and _NOUN_AFTER.match(text, match.end())
        ):
            continue
        when = _resolve(match, published)
        if when is not None:
            return when
    return None


def _resolve(match: re.Match[str], published: dt.date) -> When | None:
    g = match.groupdict()
    month = g["month"] or g["fmonth"]
    if month:
        day, day2 = (g["day"], g["day2"]) if g["month"] else (g["fday"], g["fday2"])
        year = g["year"] or g["fyear"]
        first = _month_day(MONTHS[month.lower()], int(day), int(year) if year else None, published)
        if first is None:
            return None
        last = None
        if day2:
            month2 = MONTHS[(g["month2"] or month).lower()]
            # "December 30 to January 2": the range runs into the next year
            year2 = first.year + (month2 < MONTHS[month.lower()])
            last = _month_day(month2, int(day2), year2, published)
        rule = RULES["explicit"] if year else RULES["month-day"]
        expression = match.group(0)
        return When(first, last if last and last > first else None, expression, match.start(), rule)
    relative, weekday = g["relative"], g["weekday"]
    if relative:
        word = relative.lower()
        if word in ("yesterday", "last night"):
            return When(
                published - dt.timedelta(days=1),
                None,
                relative,
                match.start("relative"),
                RULES["yesterday"],
            )
        return When(published, None, relative, match.start("relative"), RULES["today"])
    if weekday:
        back = (published.weekday() - WEEKDAYS.index(weekday.lower())) % 7
        return When(
            published - dt.timedelta(days=back),
            None,
            weekday,
            match.start("weekday"),
            RULES["weekday"],
        )
    day_iso = dt.date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    return When(day_iso, None, match.group(0), match.start(), RULES["explicit"])
