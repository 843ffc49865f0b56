"""Quotations as spans of the text: the marks, paragraph by paragraph, in straight or
curly quotes (a quote left open runs to the end of its paragraph, as in news style),
and the tokens each quotation covers. Who speaks a quote is for the quotes extractor.

May import: spaCy tokens.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

#: Opening marks and the marks that may close them: English, German (»...« and „...“),
#: French and Scandinavian (»...»), and the mixed ‘...” of some copy.
OPEN_CLOSE = {"“": ("”",), "„": ("“",), "«": ("»",), "»": ("«", "»"), "\"": ("\"",), "'": ("'",),
              "‘": ("’", "”")}


@dataclass
class Quote:
    """A quotation found in the text, before and after attribution."""

    open: int  # index of the opening mark
    begin: int  # first character of the quoted words
    end: int  # one past the last character of the quoted words
    close: int | None  # index of the closing mark, None when left open
    span: Span | None = None
    speaker: str | None = None
    verb: Token | None = None
    statement: bool = True


def find_quote_marks(text: str) -> list[tuple[int, int, int | None]]:
    """``(open, close_or_None)`` pairs as ``(open, begin, close)`` per paragraph."""
    out: list[tuple[int, int, int | None]] = []
    pos = 0
    for line in text.split("\n"):
        i, n = 0, len(line)
        while i < n:
            ch = line[i]
            closers = OPEN_CLOSE.get(ch)
            if closers is None or (ch == "\"" and i + 1 < n and line[i + 1] == " " and i > 0):
                i += 1
                continue
            if ch == "»" and (i + 1 >= n or not line[i + 1].isalnum() or (i > 0 and line[i - 1].isalnum())):
                i += 1
                continue
            if ch in {"‘", "'"} and i > 0 and (line[i - 1].isalnum() or line[i - 1] in "'’"):
                i += 1
                continue  # an apostrophe, not an opening mark
            if ch == "'" and (i + 1 >= n or not line[i + 1].isalnum()):
                i += 1
                continue
            j = i + 1
            found = None
            while j < n:
                c = line[j]
                if c in closers and (c not in {"’", "'"} or j + 1 >= n or not line[j + 1].isalpha()) \
                        and (c != "'" or not line[j - 1].isspace()):
                    found = j
                    break
                if ch == "“" and c == "“":  # a new quote opens: this one was left open
                    break
                j += 1
            if found is None and ch in {"\"", "‘", "'"} and not (ch == "\"" and not line[:i].strip()):
                i += 1
                continue  # an unclosed straight quote only opens a paragraph (a quote over several paragraphs)
            out.append((pos + i, pos + i + 1, pos + found if found is not None else None))
            i = (found + 1) if found is not None else j
        pos += n + 1
    return out


def find_quotes(doc: Doc, text: str) -> tuple[list[Quote], dict[int, int]]:
    """The quotations of ``text`` (parsed as ``doc``) and, for each token inside one or
    on its marks, the index of its quotation."""
    quotes: list[Quote] = []
    quote_of_token: dict[int, int] = {}
    for open_, begin, close in find_quote_marks(text):
        end = close if close is not None else text.find("\n", begin)
        if end == -1:
            end = len(text)
        b, e = begin, end
        while b < e and text[b].isspace():
            b += 1
        while e > b and text[e - 1].isspace():
            e -= 1
        if e <= b:
            continue
        span = doc.char_span(b, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        quotes.append(Quote(open=open_, begin=b, end=e, close=close, span=span))
        for tok in span:
            quote_of_token[tok.i] = len(quotes) - 1
        # the marks themselves belong to the quote too
        for idx in (open_, close):
            if idx is None:
                continue
            t = doc.char_span(idx, idx + 1, alignment_mode="expand")
            if t is not None and len(t) == 1 and t[0].is_punct:
                quote_of_token[t[0].i] = len(quotes) - 1
    return quotes, quote_of_token
