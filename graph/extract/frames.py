"""Attribution frames: who speaks each span of an article.

A frame is one attribution: a source (an actor of the article's registry), the cue
that attributes (a reporting verb's lemma, "according to", "quotation"), the
content it attributes (token indices and their character span), the channel, and
whether the source asserted or denied it and hedged it or not. Frames come from
reporting verbs with their reported clause, before or after them ("The ministry
said the missile ..."; "..., medics said"), or their object ("reported 12 dead");
from "according to X"; and from attributed quotations. A frame whose cue lies
inside another frame's content is nested in it ("X said that Y reported ..."): its
``outer`` is that frame. A span that no frame holds is the narrator's.

The frames are found once per article, after the quotations have their speakers
(:func:`find_frames`); :func:`apply_frames` then gives every claim its frame's cue
and channel, the narrator's claims the source of the frame that holds them, and a
nested claim the source that reported it (``reported_by``).

May import: spaCy, ``graph.extract`` (attribution, mentions), ``graph.types``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from graph.extract.attribution import (
    according_to,
    channel_of,
    is_negated,
    source_of_verb,
)
from graph.extract.mentions import Context
from graph.types import Claim


@dataclass(frozen=True)
class Frame:
    """One attribution in one article (never leaves extraction)."""

    source: str  # actor key in the article's registry
    cue: str
    sent: int
    tokens: tuple[int, ...]  # the content, token indices in text order
    begin: int  # content, first character
    end: int  # content, one past the last character
    kind: str  # "clause" (after its cue), "after" (before it), "object", "according", "quotation"
    channel: str | None = None
    polarity: str = "asserted"
    hedged: bool = False
    cue_at: int | None = None  # character offset of the cue word
    outer: int | None = None  # index of the frame this one is nested in

    def holds(self, begin: int, end: int) -> bool:
        return self.begin <= begin and end <= self.end


def is_statement_verb(ctx: Context, tok: Token) -> bool:
    """A reporting verb that attributes a proposition: not weak ("show", "record"),
    not a mental state, not negated, not inside a quotation, not an agentless passive."""
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
        if child.dep_ != "ccomp" or (child.i < verb.i and _speaks(ctx, child)):
            continue  # "[A told reporters that ...]; B said ...": a misparse of two speakers side by side
        parts = [child] + [c for c in child.children if c.dep_ == "conj" and _has_that(c)]
        nested = {s.i for t in child.subtree if t.dep_ == "advcl" and is_statement_verb(ctx, t)
                  for s in t.subtree}
        for part in parts:
            others = {t.i for p in parts if p is not part and p.i > part.i for t in p.subtree} | nested
            clauses.append([t for t in part.subtree if t.i not in others])
    if not clauses and is_parenthetical(verb):
        own = {s.i for s in verb.subtree}
        clauses.append([t for t in verb.head.subtree if t.i < verb.i and t.i not in own])
    return clauses


def is_parenthetical(verb: Token) -> bool:
    """'A, officials said': the verb comes after the content it reports."""
    return verb.dep_ == "parataxis" and verb.head.i < verb.i


def _speaks(ctx: Context, tok: Token) -> bool:
    """A reporting verb with a subject of its own: a speaker's frame, not content."""
    return is_statement_verb(ctx, tok) and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _object_content(verb: Token) -> list[Token]:
    """'The ministry reported 12 dead': what a reporting verb without a clause reports."""
    return [t for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"} for t in c.subtree]


def find_frames(ctx: Context) -> list[Frame]:
    """Every attribution frame of the article, nested frames linked to their outer one."""
    frames: list[Frame] = []
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n]:
            continue
        frames += _verb_frames(ctx, n, sent)
        frames += _according_frames(ctx, n, sent)
    frames += _quotation_frames(ctx)
    return _link_outer(frames)


def _verb_frames(ctx: Context, n: int, sent: Span) -> Iterable[Frame]:
    speakers: dict[int, str] = {}  # reporting verb -> its source's key
    for verb in sent:
        if not is_statement_verb(ctx, verb):
            continue
        key = _participle_speaker(verb, speakers) or source_of_verb(ctx, verb)
        if key is None:
            continue
        speakers[verb.i] = key
        clauses = reported_clauses(ctx, verb)
        for tokens in filter(None, clauses):
            kind = "clause" if verb.i < min(t.i for t in tokens) else "after"
            yield _frame(ctx, key, verb.lemma_.lower(), n, tokens, kind, verb)
        obj = [] if clauses else _object_content(verb)
        if obj:
            yield _frame(ctx, key, verb.lemma_.lower(), n, obj, "object", verb)


def _according_frames(ctx: Context, n: int, sent: Span) -> list[Frame]:
    """'According to X, the strike killed 12': the sentence without the attribution."""
    key, cue_tok = according_to(ctx, sent)
    if key is None or cue_tok is None or ctx.quote_of_token.get(cue_tok.i) is not None:
        return []
    if cue_tok.head.i != cue_tok.i and cue_tok.dep_ not in {"prep", "advcl", "advmod"}:
        return []
    attribution = {t.i for t in cue_tok.subtree} | {cue_tok.i}
    rest = [t for t in sent if t.i not in attribution]
    return [_frame(ctx, key, "according to", n, rest, "according", None, cue_tok)] if rest else []


def _quotation_frames(ctx: Context) -> list[Frame]:
    out = []
    for q in ctx.quotes:
        if q.speaker is None or q.span is None or not len(q.span):
            continue
        cue = q.verb.lemma_.lower() if q.verb is not None else "quotation"
        n = ctx.sentence_of(q.span[-1])
        out.append(Frame(source=q.speaker, cue=cue, sent=n, tokens=tuple(t.i for t in q.span), begin=q.begin,
                         end=q.end, kind="quotation", channel=channel_of(ctx, q.verb, ctx.sents[n]),
                         polarity=_polarity(ctx, q.verb), hedged=False,
                         cue_at=q.verb.idx if q.verb is not None else None))
    return out


def _frame(ctx: Context, key: str, cue: str, n: int, tokens: list[Token], kind: str,
           verb: Token | None, cue_tok: Token | None = None) -> Frame:
    tokens = sorted(tokens, key=lambda t: t.i)
    cue_tok = cue_tok if cue_tok is not None else verb
    return Frame(source=key, cue=cue, sent=n, tokens=tuple(t.i for t in tokens), begin=tokens[0].idx,
                 end=tokens[-1].idx + len(tokens[-1]), kind=kind, channel=channel_of(ctx, verb, ctx.sents[n]),
                 polarity=_polarity(ctx, verb), hedged=_hedged(ctx, cue, tokens),
                 cue_at=cue_tok.idx if cue_tok is not None else None)


def _polarity(ctx: Context, verb: Token | None) -> str:
    return "denied" if verb is not None and verb.lemma_.lower() in ctx.cues.denial_verbs else "asserted"


def _hedged(ctx: Context, cue: str, tokens: list[Token]) -> bool:
    """A claim the source hedges: a hedging cue ("claimed", "alleged") or a hedging
    word on the content's own verb ("reportedly", "may have", "was likely to"), not
    one inside a clause under it ("weapons they could not stop")."""
    if cue in ctx.cues.hedging_verbs:
        return True
    inside = {t.i for t in tokens}
    tops = {t.i for t in tokens if t.head.i not in inside or t.head.i == t.i}
    return any(t.lower_ in ctx.cues.hedging_words and (t.i in tops or t.head.i in tops) for t in tokens)


#: Frames whose content can hold a nested attribution: a clause after its cue ("X said
#: that Y reported ...") and a quotation. A parenthetical's or an "according to"
#: frame's content is the rest of its sentence, and often holds the sentence's other
#: speakers side by side, not nested.
OUTER_KINDS = frozenset({"clause", "quotation"})


def _link_outer(frames: list[Frame]) -> list[Frame]:
    """Each frame with ``outer`` set to the smallest other frame (of ``OUTER_KINDS``)
    whose content holds its cue and its content (a nested attribution); frames
    sorted by content start."""
    frames.sort(key=lambda f: (f.begin, -f.end))
    out = []
    for f in frames:
        outer = None
        if f.cue_at is not None:
            holding = [j for j, g in enumerate(frames) if g is not f and g.source != f.source and g.kind in OUTER_KINDS
                       and g.begin <= f.cue_at < g.end and g.holds(f.begin, f.end)]
            outer = min(holding, key=lambda j: frames[j].end - frames[j].begin, default=None)
        out.append(replace(f, outer=outer))
    return out


def _reporting(ctx: Context, frames: list[Frame], begin: int, end: int, key: str | None) -> Frame | None:
    """The frame that reports a claim made by its own cue ("the ministry said the
    organisation condemns ..."): a clause frame of another source whose content holds
    the cue and the cue's subject."""
    span = ctx.doc.char_span(begin, end, alignment_mode="expand")
    if span is None:
        return None
    cue = span.root
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or cue.dep_ in {"relcl", "acl", "appos"}:  # "..., a claim officials rejected"
        return None
    holding = [f for f in frames if f.kind in OUTER_KINDS and f.source != key and f.holds(begin, end)
               and subject.i in f.tokens]
    return min(holding, key=lambda f: f.end - f.begin, default=None)


def innermost(frames: list[Frame], begin: int, end: int, *, source: str | None = None) -> Frame | None:
    """The smallest frame holding ``[begin, end)`` (of ``source``, when given)."""
    holding = [f for f in frames if f.holds(begin, end) and (source is None or f.source == source)]
    return min(holding, key=lambda f: f.end - f.begin, default=None)


def apply_frames(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """Every claim with its frame: cue, channel and hedge from the innermost frame of
    its own source that holds its words; a narrator's claim that a frame holds goes
    to that frame's source; a claim inside a frame nested in another records the
    outer frame's source as ``reported_by``."""
    keys: dict[str, str] = {}
    for k, rec in ctx.actors.items():
        keys.setdefault(rec.name, k)
    return [_framed(ctx, claim, keys) for claim in claims]


def _framed(ctx: Context, claim: Claim, keys: dict[str, str]) -> Claim:
    frames = ctx.frames
    if claim.anchor is None:
        return claim
    begin, end = claim.anchor
    key = keys.get(claim.source.name)
    if claim.narrator:
        frame = innermost(frames, begin, end)
        if frame is None:
            return claim
        claim = replace(claim, source=ctx.actors[frame.source].freeze(), narrator=False)
        key = frame.source
    else:
        frame = innermost(frames, begin, end, source=key) if key is not None else None
    if frame is None:  # the claim's own cue attributes it ("X condemned Y"): is that cue reported?
        outer = _reporting(ctx, frames, begin, end, key)
        return replace(claim, reported_by=ctx.actors[outer.source].freeze() if outer is not None else None)
    outer = frames[frame.outer] if frame.outer is not None else None
    return replace(
        claim,
        cue=claim.cue or frame.cue,
        channel=claim.channel or frame.channel,
        hedged=claim.hedged or frame.hedged,
        reported_by=ctx.actors[outer.source].freeze() if outer is not None else None,
    )
