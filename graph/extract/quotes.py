"""Direct quotations and their speakers.

The quotations themselves are found when the article is read
(:mod:`graph.extract.quotation`). The speaker comes from a reporting verb around the quote, from the clause the
quote sits in ("blamed 'X' on ..."), from "according to", or from the previous
quote when a paragraph only continues it. Scare quotes and titles are skipped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.extract.attribution import (
    according_to,
    channel_of,
    is_reporting_verb,
    source_of_verb,
)
from graph.extract.mentions import Context
from graph.extract.quotation import Quote
from graph.types import Claim

EXTRACTOR = "quotes.v1"
MIN_WORDS = 3


def _words(span: Span) -> list[Token]:
    return [t for t in span if t.is_alpha]


def is_statement(ctx: Context, q: Quote) -> bool:
    """A quote is a statement, not a scare quote or a title."""
    span = q.span
    words = _words(span)
    if len(words) < MIN_WORDS or ctx.is_chrome(span[0]):
        return False
    before = ctx.doc[span.start - 2] if span.start >= 2 else None
    if before is not None and before.lower_ in ctx.cues.title_cues:
        return False
    if all(w.is_title or w.is_stop for w in words) and sum(w.is_title for w in words) >= 2 and not any(t.pos_ == "VERB" for t in span):
        return False  # a title: "Operation Desert Storm"
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in span)
    if has_verb or len(words) >= 6:
        return True
    gov = _governor(ctx, span)
    if gov is None:
        return False
    if gov.lemma_.lower() in {"call", "term", "dub", "label", "brand"} and gov.tag_ in {"VBZ", "VBP", "VBN"}:
        return False  # 'what Moscow calls a "special operation"': a term, not a statement
    return is_reporting_verb(ctx, gov) or gov.lemma_.lower() in ctx.cues.fault_verbs


def _governor(ctx: Context, span: Span) -> Token | None:
    """The nearest verb outside the quote that the quote hangs from."""
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if ctx.quote_of_token.get(tok.i) is not None:
            continue
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return None


def _speech_verb(ctx: Context, q: Quote) -> tuple[str | None, Token | None]:
    """Speaker and verb from the sentences around the quote."""
    s_first = ctx.sentence_of(q.span[0])
    s_last = ctx.sentence_of(q.span[-1])
    line_start = ctx.article.text.rfind("\n", 0, q.begin) + 1
    line_end = ctx.article.text.find("\n", q.end)
    line_end = len(ctx.article.text) if line_end == -1 else line_end
    outside = [t for n in range(s_first, s_last + 1) for t in ctx.sents[n]
               if ctx.quote_of_token.get(t.i) is None and line_start <= t.idx < line_end]
    # 1. a reporting verb outside any quote, nearest to this quote first
    verbs = [t for t in outside if is_reporting_verb(ctx, t)]
    verbs.sort(key=lambda t: (0 if _dominates(t, q.span) else 1, min(abs(t.i - q.span.start), abs(t.i - q.span.end))))
    for verb in verbs:
        key = source_of_verb(ctx, verb)
        if key:
            return key, verb
    # 2. "according to X"
    key, _ = according_to(ctx, outside)
    if key:
        return key, None
    # 2b. a garbled parse of '"...," tweeted military expert X': a reporting word
    # beside a named person or organisation outside the quote
    key, verb = _pattern_speaker(ctx, outside)
    if key:
        return key, verb
    # 3. the clause the quote sits in ("blamed 'X' on ...", "described it as 'X'")
    gov = _governor(ctx, q.span)
    hops = 0
    while gov is not None and hops < 6:
        for child in gov.children:
            if child.dep_ in {"nsubj"}:
                key = ctx.actor_key(child)
                if key:
                    return key, gov
        if gov.head.i == gov.i:
            break
        gov = gov.head
        hops += 1
    return None, None


def _pattern_speaker(ctx: Context, outside: list[Token]) -> tuple[str | None, Token | None]:
    # only for a garbled parse: a reporting word that has no subject of its own
    cues = [t for t in outside if t.lemma_.lower() in ctx.cues.reporting_verbs and t.pos_ in {"VERB", "NOUN", "ADJ", "AUX"}
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)]
    if not cues:
        return None, None
    ents = [e for e in ctx.doc.ents if e.label_ in {"PERSON", "ORG"} and any(t.i == e.root.i for t in outside)]
    if not ents:
        return None, None
    verb = cues[0]
    ent = min(ents, key=lambda e: min(abs(e.start - verb.i), abs(e.end - 1 - verb.i)))
    if min(abs(ent.start - verb.i), abs(ent.end - 1 - verb.i)) > 6:
        return None, None
    return ctx.actor_key(ent.root), verb


def _dominates(verb: Token, span: Span) -> bool:
    return any(verb.is_ancestor(t) for t in span) or any(t.head == verb for t in span)


def attribute_quotes(ctx: Context) -> None:
    """Give every statement quote its speaker (in text order)."""
    prev: Quote | None = None
    text = ctx.article.text
    for q in ctx.quotes:
        q.statement = is_statement(ctx, q)
        if not q.statement:
            continue
        key, verb = _speech_verb(ctx, q)
        if key is None and prev is not None and prev.speaker is not None:
            between = text[(prev.close or prev.end) + 1: q.open]
            only_quote = not re.search(r"[^\W\d_]", text[text.rfind("\n", 0, q.open) + 1: q.open])
            # a paragraph that only continues the previous quote, or two quotes of one sentence
            if (only_quote and between.count("\n") <= 3 and len(between) < 400) or "\n" not in between:
                key, verb = prev.speaker, prev.verb
        if key is None:
            key, verb = _intro_before(ctx, q)
        if key is None:
            key, verb = _speaker_after(ctx, q)
        q.speaker, q.verb = key, verb
        prev = q


def _intro_before(ctx: Context, q: Quote) -> tuple[str | None, Token | None]:
    """The sentence closing the previous paragraph introduces this quote: 'X said:', or,
    before a paragraph that is all quote, 'X described the scene.' / 'She spoke to the BBC.'"""
    n = ctx.sentence_of(q.span[0])
    if n == 0 or ctx.chrome_sent[n - 1]:
        return None, None
    prev = ctx.sents[n - 1]
    text = ctx.article.text
    if prev.text.rstrip().endswith(":"):
        return _reporter_in(ctx, prev)
    line_start = text.rfind("\n", 0, q.open) + 1
    opens_paragraph = not text[line_start:q.open].strip()
    between = text[prev.start_char + len(prev.text.rstrip()):q.open]  # a sentence keeps its trailing newlines
    if not opens_paragraph or between.count("\n") not in {1, 2} or between.strip():
        return None, None  # only right after the previous paragraph's last sentence
    root = prev.root
    if root.lemma_.lower() not in ctx.cues.intro_verbs or any(ctx.quote_of_token.get(t.i) is not None for t in prev) \
            or not any(c.dep_ == "nsubj" for c in root.children):
        return None, None
    key = source_of_verb(ctx, root)
    if key and ctx.actors[key].type in {"person", "organization", "group"}:
        return key, root
    return None, None


def _speaker_after(ctx: Context, q: Quote) -> tuple[str | None, Token | None]:
    """A short next sentence like 'X said.' attributes a quote paragraph."""
    n = ctx.sentence_of(q.span[-1])
    if n + 1 >= len(ctx.sents) or ctx.chrome_sent[n + 1]:
        return None, None
    nxt = ctx.sents[n + 1]
    if len(nxt) > 12:
        return None, None
    return _reporter_in(ctx, nxt)


def _reporter_in(ctx: Context, sent: Span) -> tuple[str | None, Token | None]:
    """The speaker and verb of the first reporting verb outside quotes in ``sent`` that has one."""
    for tok in sent:
        if is_reporting_verb(ctx, tok) and ctx.quote_of_token.get(tok.i) is None:
            key = source_of_verb(ctx, tok)
            if key:
                return key, tok
    return None, None


def extract_quotes(ctx: Context) -> Iterator[Claim]:
    """Quotation claims; the quotes' speakers are attributed first (:func:`attribute_quotes`)."""
    for q in ctx.quotes:
        if not q.statement or q.speaker is None:
            continue
        rec = ctx.actors[q.speaker]
        text = ctx.article.text[q.begin:q.end]
        yield Claim(
            kind="quote",
            article=ctx.article.id,
            source=rec.freeze(),
            evidence=ctx.evidence(q.begin, q.end),
            extractor=EXTRACTOR,
            text=text,
            channel=channel_of(ctx, q.verb, ctx.sents[ctx.sentence_of(q.span[-1])]),
            cue=q.verb.lemma_.lower() if q.verb is not None else "quotation",
            anchor=(q.begin, q.end),
        )
