"""An article's date when its metadata has none: from its URL ("/2023/05/14/", with
htmldate's URL pattern), its dateline ("KYIV, May 14, 2023 (Reuters) -", "BUNIA,
21 July 2025 –"; one without a year gives no date) or a full date in its first
paragraphs ("on 14 May 2023"), read with ``dateparser``. Each date says where it
came from: ``metadata``, ``url``, ``dateline`` or ``text``.

May import: ``htmldate``, ``dateparser``, the standard library.
"""
from __future__ import annotations

import re
from datetime import date

#: "14 May 2023", "May 14, 2023", "14 May", "May 14": a day and a month name, maybe a year.
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY_MONTH = rf"(?:\d{{1,2}}\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}})(?:,?\s+(?:19|20)\d\d)?"
#: A dateline: capitals (a city, maybe a country) and a comma, then the date, before a dash,
#: a colon or an agency in brackets, at the start of a line.
_DATELINE = re.compile(rf"^[A-Z][A-Z .'/-]+(?:,\s*[A-Za-z .]+)?,\s*({_DAY_MONTH})\b", re.MULTILINE)
_FULL_DATE = re.compile(rf"\b({_DAY_MONTH})\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
#: How far into the text a date of the text itself is looked for.
_LEAD = 1500


def article_date(text: str, url: str | None, metadata: str | None) -> tuple[str | None, str | None]:
    """``(ISO date or the metadata's own string, where it came from)``, or ``(None, None)``."""
    if metadata:
        return metadata, "metadata"
    from_url = url_date(url)
    if from_url is not None:
        return from_url.isoformat(), "url"
    m = _DATELINE.search(text[:_LEAD])
    if m is not None:
        found = _parse(m.group(1))
        if found is not None:
            return found.isoformat(), "dateline"
    for m in _FULL_DATE.finditer(text[:_LEAD]):
        if _YEAR.search(m.group(1)):
            found = _parse(m.group(1))
            if found is not None:
                return found.isoformat(), "text"
    return None, None


def url_date(url: str | None) -> date | None:
    """The Y/M/D date in a URL path, by htmldate's pattern."""
    if not url:
        return None
    from htmldate.extractors import COMPLETE_URL

    m = COMPLETE_URL.search(url)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _parse(words: str) -> date | None:
    """A day, month and year as a date; none without a year."""
    if not _YEAR.search(words):
        return None
    import dateparser

    found = dateparser.parse(words, languages=["en"], settings={"STRICT_PARSING": True,
                                                                "REQUIRE_PARTS": ["day", "month", "year"]})
    return found.date() if found is not None else None
