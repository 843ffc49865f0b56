"""Numbers in a sentence, as intervals: digits ("1,200", "2.5 million"), words
("sixty-three"), vague amounts ("several hundred", "dozens"), ranges ("100 to 300")
and their hedges ("at least", "about", "up to").

May import: spaCy tokens, ``graph.extract.cues``, ``graph.extract.mentions``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from graph.extract.cues import match_phrase_before
from graph.extract.mentions import Context

SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
RANGE_WORDS = {"to", "-", "–", "—", "and", "or"}
NUM_RE = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


@dataclass
class NumberExpr:
    """A number found in a sentence, as an interval."""

    start: int
    end: int
    low: float | None
    high: float | None
    approx: bool
    anchor: Token
    text: str


def _num_value(ctx: Context, tok: Token) -> float | None:
    text = tok.lower_.replace("\u00a0", "")
    if NUM_RE.match(text):
        return float(text.replace(",", ""))
    if text in FRACTIONS:
        return FRACTIONS[text]
    if text in ctx.cues.number_words and text not in {"a", "an"}:
        return ctx.cues.number_words[text]
    return None


def _parse_number(ctx: Context, i: int, end: int) -> tuple[float, int] | None:
    """Parse the number starting at token ``i``: ``(value, next_index)``."""
    doc, mult = ctx.doc, ctx.cues.multipliers
    total = current = 0.0
    seen = False
    j = i
    while j < end:
        tok = doc[j]
        low = tok.lower_
        val = _num_value(ctx, tok)
        grouped = _space_grouped(doc, j, end)
        if grouped is not None:  # "250 000"
            val, j = grouped
        if low in {"a", "an"} and j + 1 < end and doc[j + 1].lower_ in mult:
            current, seen, j = 1.0, True, j + 1
            continue
        if val is not None:
            current += val
            seen = True
        elif low in mult and seen:
            current = (current or 1.0) * mult[low]
            if mult[low] >= 1000:
                total, current = total + current, 0.0
        elif seen and low in {"-", "and"} and j + 1 < end and doc[j + 1].lower_ in ctx.cues.number_words and \
                _num_value(ctx, doc[j - 1]) is not None and _num_value(ctx, doc[j - 1]) >= 20 and low == "-":
            pass  # twenty-five
        else:
            break
        j += 1
    if not seen:
        return None
    return total + current, j


def _space_grouped(doc, i: int, end: int) -> tuple[float, int] | None:
    """A number written with spaces between groups of thousands, "250 000" or
    "1 200 000": ``(value, index of its last group)``, or None."""
    if not re.match(r"^\d{1,3}$", doc[i].text):
        return None
    value, j = int(doc[i].text), i
    while j + 1 < end and doc[j].whitespace_ == " " and re.match(r"^\d{3}$", doc[j + 1].text):
        value, j = value * 1000 + int(doc[j + 1].text), j + 1
    return (float(value), j) if j > i else None


def _vague_starting(cues, word: str) -> list:
    """Vague-amount phrases that start with ``word``, longest first."""
    index = _VAGUE_INDEX.get(id(cues))
    if index is None:
        index = {}
        for phrase, bounds in sorted(cues.vague.items(), key=lambda kv: -len(kv[0])):
            index.setdefault(phrase[0], []).append((phrase, bounds))
        _VAGUE_INDEX[id(cues)] = index
    return index.get(word, ())


_VAGUE_INDEX: dict[int, dict] = {}


def _mistagged_count(ctx: Context, tok: Token) -> bool:
    """A bare number the tagger took for a date, as the object of a casualty verb:
    "killing 14 residents and injuring 37"."""
    ent = ctx.entity_of(tok)
    return tok.ent_type_ == "DATE" and ent is not None and len(ent) == 1 and tok.is_digit and len(tok.text) <= 4 \
        and tok.dep_ in {"dobj", "nsubj", "nsubjpass"} and tok.head.lemma_.lower() in ctx.cues.quantity_verbs


def find_numbers(ctx: Context, sent: Span) -> list[NumberExpr]:
    """Every number, vague amount and range of a sentence, with its hedge."""
    doc, cues = ctx.doc, ctx.cues
    out: list[NumberExpr] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if tok.ent_type_ in SKIP_ENTS and not _mistagged_count(ctx, tok):
            i += 1
            continue
        low = high = None
        nxt = i
        vague = False
        for phrase, (lo, hi) in _vague_starting(cues, tok.lower_):
            n = len(phrase)
            if i + n <= sent.end and all(doc[i + k].lower_ == phrase[k] for k in range(n)):
                low, high, nxt = lo, hi, i + n
                vague = lo != hi
                break
        if low is None:
            if not (tok.like_num or tok.lower_ in cues.number_words or tok.lower_ in FRACTIONS) \
                    or (i > sent.start and doc[i - 1].lower_ in {"not", "no"} and tok.lower_ in {"one", "1", "a"}):
                i += 1  # "not one soldier came" counts nothing
                continue
            parsed = _parse_number(ctx, i, sent.end)
            if parsed is None:
                i += 1
                continue
            value, nxt = parsed
            low = high = value
            # a range: "100 to 300", "10-15", "between 100 and 300"
            if nxt + 1 < sent.end and doc[nxt].lower_ in RANGE_WORDS:
                second = _parse_number(ctx, nxt + 1, sent.end)
                between = i > 0 and doc[i - 1].lower_ == "between"
                if second is not None and second[0] > value and (doc[nxt].lower_ in {"to", "-", "–", "—"} or between):
                    high, nxt = second[0], second[1]
                # "hundreds" after "several"/"many" handled as vague; "X or Y" keeps both numbers
        anchor = doc[nxt - 1]
        # hedges
        approx = False
        hedge_start = match_phrase_before(doc, i, cues.hedge_at_least)
        if hedge_start is not None and hedge_start >= sent.start:
            high = None if low == high else high
        elif (hedge_start := match_phrase_before(doc, i, cues.hedge_at_most)) is not None and hedge_start >= sent.start:
            low = None if low == high else low
        elif (hedge_start := match_phrase_before(doc, i, cues.hedge_approx)) is not None and hedge_start >= sent.start:
            approx = True
        if vague:
            approx = True
        elif out and not approx and i >= 2 and doc[i - 1].lower_ in {"and", ","} and out[-1].end == i - 1:
            approx = out[-1].approx  # "around 400 dead and 300 injured"
        start = hedge_start if hedge_start is not None and hedge_start >= sent.start else i
        out.append(NumberExpr(start, nxt, low, high, approx, anchor, doc[start:nxt].text))
        i = nxt
    return out
