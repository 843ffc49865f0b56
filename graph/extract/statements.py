"""Reported statements: what a source said, in the text's words, without quotation marks.

A statement is the clause a reporting verb introduces, before or after it ("The
ministry said the missile was fired by Ukrainian forces"; "The strike killed 12,
medics said"; "X told AFP that ..."), each "that" clause of a verb on its own, or
a sentence attributed with "according to X". A clause wholly inside quotation
marks is a quote, not a statement; a mixed one keeps its words without the marks.
Negated reports ("did not say") and mental states ("believes", ``mental_verbs``)
are not statements; a denial ("denied that ...", ``denial_verbs``) is one, with
polarity ``denied``. The cue is the reporting verb's lemma (or "according to").

May import: spaCy, ``graph.extract`` (attribution, mentions), ``graph.types``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.extract.attribution import (
    according_to,
    channel_of,
    is_negated,
    source_of_verb,
)
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
    """Statement claims: one per (source, reported clause)."""
    title = " ".join((ctx.article.title or "").split())
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n] or (title and " ".join(sent.text.split()) in title):
            continue  # page chrome, or the headline (its grammar is not a sentence's)
        made = 0
        speakers: dict[int, str] = {}  # statement verb -> its source's key
        for verb in sent:
            if not _is_statement_verb(ctx, verb):
                continue
            key = _participle_speaker(verb, speakers) or source_of_verb(ctx, verb)
            if key is None:
                continue
            speakers[verb.i] = key
            for clause in reported_clauses(ctx, verb):
                claim = _statement(ctx, n, key, clause, verb, verb.lemma_.lower())
                if claim is not None:
                    made += 1
                    yield claim
        if not made:
            claim = _according_to_statement(ctx, n, sent)
            if claim is not None:
                yield claim


def _is_statement_verb(ctx: Context, tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    cues = ctx.cues
    return (tok.pos_ in {"VERB", "AUX"} and lemma in cues.reporting_verbs
            and lemma not in cues.weak_reporting_verbs and lemma not in cues.mental_verbs
            and not is_negated(tok) and ctx.quote_of_token.get(tok.i) is None and not _agentless_passive(tok))


def _agentless_passive(verb: Token) -> bool:
    """'... which is said to have detonated': a report with no one reporting."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"nsubjpass", "auxpass"}) and "agent" not in deps


def _participle_speaker(verb: Token, speakers: dict[int, str]) -> str | None:
    """'X insisted that ..., emphasizing that ...': a subjectless participle reports
    for the statement verb it hangs under."""
    if verb.dep_ not in {"advcl", "conj", "xcomp"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    return next((speakers[a.i] for a in verb.ancestors if a.i in speakers), None)


def reported_clauses(ctx: Context, verb: Token) -> list[list[Token]]:
    """The tokens of each clause ``verb`` reports: its clausal complement, with each
    further "that" clause joined to it ("said that A and that B") apart and
    without a participle that reports on its own ("..., emphasizing that B"); or,
    when the verb is a parenthetical after its content ("A, officials said"), the
    clause it hangs from."""
    clauses = []
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        parts = [child] + [c for c in child.children if c.dep_ == "conj" and _has_that(c)]
        nested = {s.i for t in child.subtree if t.dep_ == "advcl" and _is_statement_verb(ctx, t)
                  for s in t.subtree}
        for part in parts:
            others = {t.i for p in parts if p is not part and p.i > part.i for t in p.subtree} | nested
            clauses.append([t for t in part.subtree if t.i not in others])
    if not clauses and verb.dep_ == "parataxis" and verb.head.i < verb.i:
        own = {s.i for s in verb.subtree}
        clauses.append([t for t in verb.head.subtree if t.i < verb.i and t.i not in own])
    return clauses


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _statement(ctx: Context, n: int, key: str, tokens: list[Token], verb: Token | None, cue: str) -> Claim | None:
    words = _content(ctx, tokens)
    if words is None:
        return None
    return statement_claim(ctx, n, ctx.actors[key].freeze(), words, cue, channel=channel_of(ctx, verb, ctx.sents[n]))


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


def _according_to_statement(ctx: Context, n: int, sent: Span) -> Claim | None:
    """'According to X, the strike killed 12': the sentence without the attribution."""
    key, cue_tok = according_to(ctx, sent)
    if key is None or cue_tok is None or ctx.quote_of_token.get(cue_tok.i) is not None:
        return None
    attribution = {t.i for t in cue_tok.subtree} | {cue_tok.i}
    if cue_tok.head.i != cue_tok.i and cue_tok.dep_ not in {"prep", "advcl", "advmod"}:
        return None
    rest = [t for t in sent if t.i not in attribution]
    return _statement(ctx, n, key, rest, None, "according to")
