"""Page chrome: the lines of an article's text that are not the article.

Scraped news text carries donation appeals, newsletter boxes, "Read more"
links, photo credits, captions and copyright lines. :func:`find_chrome` marks
them, line by line, so that extractors can skip them; the text itself is never
changed, so offsets stay valid.

The patterns are data, in ``graph/rules/chrome.txt`` (its header explains the
sections); they are read once, on first use. Users can extend that file, or
pass their own :class:`ChromeRules` (see :func:`parse_chrome_rules`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph import resources
from graph.errors import NewsgraphError

#: The rules file used when no rules are given.

#: Sections of a rules file, in the order the file documents them.
RULE_SECTIONS = ("tail", "line", "list", "short", "keep")

#: A ``@short`` rule only applies to lines up to this many characters.
SHORT_MAX_CHARS = 200
#: A line shorter than this is never protected as news prose.
PROSE_MIN_CHARS = 80
#: A ``@tail`` line starts a trailing block only from this fraction of the text on.
TAIL_FROM = 0.5

_ENDS_LIKE_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
_ENDS_WITH_STOP = re.compile(r"[.!?][\"'”’]*$")
_LABEL = re.compile(r"^[^\s:]+(?: [^\s:]+){0,2}:\s")
_SECTION = re.compile(r"^@(\w+)\s*$")
#: An item of a bulleted list: "- Headline", "• Headline".
_BULLET = re.compile(r"^[-•*·–—]\s+\S")


@dataclass(frozen=True)
class ChromeRules:
    """Compiled chrome patterns, one tuple per section of the rules file."""

    tail: tuple[re.Pattern[str], ...] = ()
    line: tuple[re.Pattern[str], ...] = ()
    list: tuple[re.Pattern[str], ...] = ()
    short: tuple[re.Pattern[str], ...] = ()
    keep: tuple[re.Pattern[str], ...] = ()


def parse_chrome_rules(lines: Iterable[str], *, source: str = "<rules>") -> ChromeRules:
    """Compile the lines of a rules file; a bad line raises, naming ``source:line``."""
    found: dict[str, list[re.Pattern[str]]] = {name: [] for name in RULE_SECTIONS}
    section: str | None = None
    for number, raw in enumerate(lines, start=1):
        rule = raw.strip()
        if not rule or rule.startswith("#"):
            continue
        heading = _SECTION.match(rule)
        if heading:
            section = heading.group(1)
            if section not in found:
                raise NewsgraphError(
                    f"{source}:{number}: unknown section '@{section}' "
                    f"(expected one of {', '.join('@' + name for name in RULE_SECTIONS)})"
                )
            continue
        if section is None:
            raise NewsgraphError(f"{source}:{number}: pattern before any '@section' line")
        flags = 0 if section == "short" else re.IGNORECASE
        try:
            found[section].append(re.compile(rule, flags))
        except re.error as err:
            raise NewsgraphError(f"{source}:{number}: bad regular expression: {err}") from err
    return ChromeRules(**{name: tuple(patterns) for name, patterns in found.items()})


def read_chrome_rules(path: str | Path | None = None) -> ChromeRules:
    """Read and compile a rules file (default: the packaged ``rules/chrome.txt``, cached)."""
    if path is None:
        return _default_rules()
    path = Path(path)
    return parse_chrome_rules(path.read_text(encoding="utf-8").splitlines(), source=str(path))


@lru_cache(maxsize=1)
def _default_rules() -> ChromeRules:
    return parse_chrome_rules(resources.rules_text("chrome.txt").splitlines(), source="rules/chrome.txt")


def find_chrome(text: str, *, rules: ChromeRules | None = None) -> tuple[tuple[int, int], ...]:
    """Character ranges ``(begin, end)`` of ``text`` that are page chrome.

    Each range covers whole lines, from the start of its first line to the end
    of its last (the newline excluded); chrome lines separated only by blank
    lines are merged into one range. A line is chrome when it matches a
    ``@line`` or ``@tail`` rule, or is a short caption-like line matching a
    ``@short`` rule; a ``@tail`` line in the second half of the text makes
    everything after it chrome too, and a ``@list`` heading ("Read more") the
    bulleted lines under it. A long line that ends like a sentence and
    has a reporting verb (``@keep``) is news prose: it is never chrome, unless
    it lies inside a trailing block.
    """
    rules = rules or _default_rules()
    spans: list[tuple[int, int]] = []
    begin = 0
    in_tail = in_list = False
    for line in text.split("\n"):
        end = begin + len(line)
        stripped = line.strip()
        in_list = in_list and (not stripped or _BULLET.match(stripped) is not None)
        if in_list:
            if stripped and len(stripped) <= SHORT_MAX_CHARS:
                spans.append((begin, end))
            begin = end + 1
            continue
        if in_tail:
            # a trailing block runs until third-person news prose resumes (a
            # sign-up box in the middle of a wire story), else to the end
            if stripped and _is_article_prose(stripped):
                in_tail = False
            else:
                if stripped:
                    spans.append((begin, end))
                begin = end + 1
                continue
        if stripped and not _is_prose(stripped, rules):
            if _matches(stripped, rules.tail) and begin >= TAIL_FROM * len(text):
                spans.append((begin, end))
                in_tail = True
            elif _is_chrome_line(stripped, rules):
                spans.append((begin, end))
                in_list = _matches(stripped, rules.list)
        begin = end + 1
    return _merge(text, spans)


_ADDRESSING = re.compile(r"\b(we|our|us|you|your|you're|we're|ours)\b", re.IGNORECASE)


def _is_article_prose(stripped: str) -> bool:
    """A paragraph of news prose: long, ends like a sentence, and does not
    address the reader or speak for the outlet ("we", "our", "you")."""
    return (
        len(stripped) >= 100
        and _ENDS_LIKE_SENTENCE.search(stripped) is not None
        and _ADDRESSING.search(stripped) is None
    )


def _is_chrome_line(stripped: str, rules: ChromeRules) -> bool:
    if _matches(stripped, rules.tail) or _matches(stripped, rules.line) or _matches(stripped, rules.list):
        return True
    return (
        len(stripped) <= SHORT_MAX_CHARS
        and not _ENDS_WITH_STOP.search(stripped)
        and _matches(stripped, rules.short)
    )


def _is_prose(stripped: str, rules: ChromeRules) -> bool:
    """A news sentence: long, ends like a sentence, has a reporting verb, no ``Label:``."""
    return (
        len(stripped) >= PROSE_MIN_CHARS
        and _ENDS_LIKE_SENTENCE.search(stripped) is not None
        and _LABEL.match(stripped) is None
        and _matches(stripped, rules.keep)
    )


def _matches(stripped: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    return any(pattern.search(stripped) for pattern in patterns)


def _merge(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for begin, end in spans:
        if merged and not text[merged[-1][1] : begin].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    return tuple(merged)
