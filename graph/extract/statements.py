"""Reported statements: what a source said, in the text's words, without quotation marks.

A statement is the clause a reporting verb introduces, before or after it ("The
ministry said the missile was fired by Ukrainian forces"; "The strike killed 12,
medics said"; "X told AFP that ..."), each "that" clause of a verb on its own, or
a sentence attributed with "according to X". A clause wholly inside quotation
marks is a quote, not a statement; a mixed one keeps its words without the marks.
Negated reports ("did not say") and mental states ("believes", ``mental_verbs``)
are not statements; a denial ("denied that ...", ``denial_verbs``) is one, with
polarity ``denied``. The cue is the reporting verb's lemma (or "according to").

The clauses and their sources are the article's attribution frames
(:mod:`graph.extract.frames`); this module turns the clausal ones into claims.

May import: spaCy, ``graph.extract`` (mentions), ``graph.types``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Token

from graph.extract.mentions import Context
from graph.types import Actor, Claim

EXTRACTOR = "statements.v1"

#: Punctuation left after a space or a comma where attribution words were taken out.
_PUNCT_GAP = re.compile(r"(?:\s*,)?\s+([,.;:!?])")

#: A reported clause shorter than this (in words) says too little to keep.
MIN_WORDS = 3
#: A clause with at least this share of its words inside quotation marks is a quote.
QUOTED_SHARE = 0.8


def extract_statements(ctx: Context) -> Iterator[Claim]:
    """Statement claims: one per clausal frame ("said that ...", "..., X said",
    "according to X, ...") outside the headline, in the order of their cues."""
    title = " ".join((ctx.article.title or "").split())
    made: set[int] = set()  # sentences with a verb's statement: "according to" adds none there
    order = {"clause": 0, "after": 0, "according": 1}
    clausal = [f for f in ctx.frames if f.kind in order]
    for frame in sorted(clausal, key=lambda f: (f.sent, order[f.kind], f.cue_at or 0, f.begin)):
        if title and " ".join(ctx.sents[frame.sent].text.split()) in title:
            continue  # the headline: its grammar is not a sentence's
        if frame.kind == "according" and frame.sent in made:
            continue
        words = _content(ctx, [ctx.doc[i] for i in frame.tokens])
        if words is not None:
            made.add(frame.sent)
            yield replace(statement_claim(ctx, frame.sent, ctx.actors[frame.source].freeze(), words, frame.cue,
                                          channel=frame.channel), anchor=(frame.begin, frame.end))


def statement_claim(ctx: Context, n: int, source: Actor, text: str, cue: str, *,
                    channel: str | None = None) -> Claim:
    """The statement claim of sentence ``n``: ``source`` said ``text``; a denial
    cue gives polarity ``denied``."""
    return Claim(
        kind="statement",
        article=ctx.article.id,
        source=source,
        evidence=ctx.sentence_evidence(n),
        extractor=EXTRACTOR,
        text=text,
        channel=channel,
        cue=cue,
        polarity="denied" if cue in ctx.cues.denial_verbs else "asserted",
    )


def _content(ctx: Context, tokens: list[Token]) -> str | None:
    """The clause as text: without a leading "that", edge punctuation and the
    quotation marks; None when it is too short or wholly quoted."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that")
                      or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    words = [t for t in tokens if not t.is_punct]
    if len(words) < MIN_WORDS:
        return None
    quoted = sum(ctx.quote_of_token.get(t.i) is not None for t in words)
    if quoted >= QUOTED_SHARE * len(words):
        return None  # a quotation (perhaps with a word or two outside): the quotes extractor has it
    text = " ".join("".join(("" if t.is_quote else t.text) + t.whitespace_ for t in tokens).split())
    return _PUNCT_GAP.sub(r"\1", text).rstrip(" ,;:")
