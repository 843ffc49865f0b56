"""When an incident happened: a time phrase of the text resolved against the article's date.

"on Monday" is the last Monday on or before the article's date, "yesterday" and "last
night" the day before, "14 March" that day of the article's year (or of the year before
when it would lie after the article), "in January" or "last month" a range of days,
"three days ago" by ``dateparser`` relative to the article. Phrases of a period
("this year", "since January", "the past week") name no incident's date: they are
the scope of a cumulative figure (:mod:`graph.extract.scope`).

May import: ``dateparser``, the standard library.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

#: Two resolved dates closer than this are one incident's (a report the day after says "yesterday").
WINDOW_DAYS = 3

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
#: Words of a period, not a day: a cumulative count's span.
_PERIOD = re.compile(r"\b(since|this (year|month|week)|so far|past|last (\w+ )?(years|months|weeks|days)|"
                     r"during|throughout|over the|until|between|from)\b")
#: Words around a day that do not change it.
_NOISE = re.compile(r"\b(on|early|late|in|the|of|night|morning|afternoon|evening|hours|dawn|midday|at|around)\b")


def is_period(phrase: str) -> bool:
    """A phrase of a period ("since January", "this year"), not of a day."""
    return bool(_PERIOD.search(phrase.lower()))


def resolve(phrase: str, base: date | None) -> tuple[date, date] | None:
    """The first and last day a time phrase names, or None (a period, or no date to count from).

    >>> d = date(2026, 3, 11)  # a Wednesday
    >>> resolve("on Monday", d)
    (datetime.date(2026, 3, 9), datetime.date(2026, 3, 9))
    >>> resolve("last month", d)
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    >>> resolve("in January", d)[1], resolve("14 December", d)[0]
    (datetime.date(2026, 1, 31), datetime.date(2025, 12, 14))
    >>> resolve("since January", d) is None, resolve("Monday", None) is None
    (True, True)
    """
    low = phrase.lower().strip()
    if base is None or _PERIOD.search(low):
        return None
    words = _NOISE.sub(" ", low).split()
    if not words:
        return None
    if words[0] in {"today", "tonight", "overnight"} or low in {"this morning", "this evening", "this afternoon"}:
        return base, base
    if words[0] == "yesterday" or low in {"last night", "late last night"}:
        day = base - timedelta(days=1)
        return day, day
    if words[0] in _WEEKDAYS or (words[0] == "last" and words[1:2] and words[1] in _WEEKDAYS):
        weekday = _WEEKDAYS[words[-1] if words[0] == "last" else words[0]]
        day = base - timedelta(days=(base.weekday() - weekday) % 7)
        return day, day
    if words == ["last", "month"]:
        end = base.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if words == ["last", "week"]:
        return base - timedelta(days=base.weekday() + 7), base - timedelta(days=base.weekday() + 1)
    if len(words) == 1 and words[0] in _MONTHS:
        return _month(_MONTHS[words[0]], base)
    return _day(low, base)


def _month(month: int, base: date) -> tuple[date, date]:
    """A month named without a year: the last one on or before the article."""
    year = base.year if month <= base.month else base.year - 1
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _day(phrase: str, base: date) -> tuple[date, date] | None:
    """A day and month ("14 March", "March 14, 2026"), or "three days ago", by ``dateparser``."""
    if not re.search(r"\d|\bago\b", phrase):
        return None
    import dateparser

    found = dateparser.parse(phrase, languages=["en"], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"], "STRICT_PARSING": False})
    if found is None or found.date() > base + timedelta(days=1):
        return None
    return found.date(), found.date()


def article_day(value: str | None) -> date | None:
    """An article's date as a day, when it is an ISO date (or starts with one)."""
    if not re.match(r"\d{4}-\d{2}-\d{2}", value or ""):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def near(a: tuple[date, date], b: tuple[date, date], days: int = WINDOW_DAYS) -> bool:
    """Two spans of days that overlap or lie within ``days`` of each other."""
    return a[0] - timedelta(days=days) <= b[1] and b[0] - timedelta(days=days) <= a[1]
