"""The SPARQL protocol's text rules, apart from the HTTP server: content negotiation,
the errors a request answers with, and the checks a query text must pass (no
``SERVICE``, no update).

May import: the standard library.
"""
from __future__ import annotations

import re
from http import HTTPStatus

_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, offers: tuple[tuple[str, str], ...]) -> str | None:
    """The format of the best offer for an ``Accept`` header (None: nothing acceptable).

    Highest quality wins; between equal qualities, the first offer.
    """
    if not accept or not accept.strip():
        return offers[0][1]
    ranges: list[tuple[str, str, float]] = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        main, _, sub = media.partition("/")
        ranges.append((main, sub, q))
    best: tuple[float, int, str] | None = None
    for index, (media, fmt) in enumerate(offers):
        main, _, sub = media.partition("/")
        quality, specificity = None, -1
        for rmain, rsub, q in ranges:
            if (rmain, rsub) == (main, sub):
                spec = 2
            elif rmain == main and rsub == "*":
                spec = 1
            elif (rmain, rsub) == ("*", "*"):
                spec = 0
            else:
                continue
            if spec > specificity:
                quality, specificity = q, spec
        if quality is None or quality <= 0:
            continue
        if best is None or quality > best[0]:
            best = (quality, index, fmt)
    return best[2] if best else None


_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'  # an IRI
    r"|#[^\n]*"  # a comment
    r"|[?$]\w+"  # a variable
    r"|[\w.-]*:[\w.%:\\-]*"  # a prefixed name
    r"|[A-Za-z]+"  # a keyword
    r"|\S",
    re.DOTALL,
)


def uses_service(text: str) -> bool:
    """True when the SPARQL ``text`` has a ``SERVICE`` keyword (not in a string, IRI, comment or name)."""
    return any(token.upper() == "SERVICE" for token in _TOKEN.findall(text))


def looks_like_update(text: str) -> bool:
    """True when a text that failed to parse as a query starts like a SPARQL Update."""
    body = []
    for line in text.splitlines():
        stripped = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if stripped:
            body.append(stripped)
    words = " ".join(body).replace("{", " { ").split()
    i = 0
    while i < len(words) and words[i].upper() in ("PREFIX", "BASE"):
        i += 3 if words[i].upper() == "PREFIX" else 2
    return i < len(words) and words[i].upper() in _UPDATE_WORDS
