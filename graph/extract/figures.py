"""Attributed figures: who reported how many of what.

A figure is a number in digits or words, a vague amount ("several hundred"),
or a range ("100 to 300"), with its hedge ("at least", "about"). Its kind comes
from the counted noun ("fatalities", "rockets"), from the verb of the counted
people ("63 servicemen died"), or from the noun the number is predicated of
("the death toll was 400"). Its source is the speaker of the quote it sits in,
the subject of the reporting verb above it, "according to X", or else the
outlet as narrator.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from graph.extract.attribution import (
    according_to,
    channel_of,
    is_negated,
    is_reporting_verb,
    noun_cue_source,
    source_of_verb,
)
from graph.extract.cues import Cues
from graph.extract.mentions import Context
from graph.extract.numbers import NumberExpr, find_numbers
from graph.extract.scope import breakdowns, scope_of, victims_in_sentence
from graph.types import Actor, Claim, Figure

EXTRACTOR = "figures.v1"

#: The narrator of an article whose outlet is unknown: its claims are dropped unless a
#: frame or a source line gives them a source.
NO_OUTLET = Actor(name="", type="outlet", narrator=True)
def _is_noise(ctx: Context, expr: NumberExpr) -> bool:
    """Years, 'one of', model numbers and the like."""
    doc = ctx.doc
    anchor = expr.anchor
    first = doc[expr.start]
    if anchor.i + 1 < len(doc) and doc[anchor.i + 1].lower_ == "of" and expr.low == 1 and expr.high == 1:
        return True  # "one of the deadliest"
    if expr.low is not None and expr.low == expr.high and 1800 <= expr.low <= 2100 and float(expr.low).is_integer() \
            and anchor.like_num and anchor.shape_ == "dddd":
        return True
    if first.i > 0 and doc[first.i - 1].text in {"-", "#", "No", "no."}:
        return True
    if anchor.head.pos_ == "PROPN" and anchor.i > anchor.head.i and anchor.dep_ in {"nummod", "compound", "appos"}:
        return True  # "Flight 17"
    return False


def _counted_noun(ctx: Context, expr: NumberExpr) -> Token | None:
    anchor = expr.anchor
    for tok in ctx.doc[expr.start:expr.end]:  # "between 100 and 150 people"
        if tok.dep_ in {"nummod", "quantmod"} and tok.head.i >= expr.end and tok.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
            return tok.head
    if anchor.dep_ in {"nummod", "quantmod", "compound", "amod", "nmod"} and anchor.head.pos_ in {"NOUN", "PROPN", "ADJ"} \
            and anchor.head.i > anchor.i:
        return anchor.head
    for child in anchor.children:  # "hundreds of civilians"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _noun_kind(ctx: Context, noun: Token) -> str | None:
    table = ctx.cues.quantity_nouns
    for tok in [noun] + [c for c in noun.children if c.dep_ in {"compound", "amod"}]:
        for form in (tok.lower_, tok.lemma_.lower()):
            if form in table:
                return table[form]
    prev = ctx.doc[noun.i - 1] if noun.i > 0 else None
    if prev is not None and f"{prev.lower_} {noun.lower_}" in table:
        return table[f"{prev.lower_} {noun.lower_}"]
    return None


def _with_conjuncts(verbs: dict[str, str], word: Token, kind: str, *, shared_only: bool = False) -> str:
    """``casualties`` for "killed and wounded" / "dead or injured", else ``kind``.

    With ``shared_only``, only a conjunct verb with no number and no subject or
    object of its own counts: "killed or wounded about 170 troops", not "three
    were killed and 11 injured"."""
    def shares(c: Token) -> bool:
        return not shared_only or not any(d.like_num or d.dep_ in {"nsubj", "nsubjpass", "dobj"} for d in c.subtree if d != c)
    kinds = {kind} | {verbs[c.lemma_.lower()] for c in word.children
                      if c.dep_ == "conj" and c.lemma_.lower() in verbs and shares(c)}
    return "casualties" if {"killed", "injured"} <= kinds else kind


def _verb_kind(ctx: Context, head: Token) -> str | None:
    """Kind from the verb or participle of the counted people."""
    verbs = ctx.cues.quantity_verbs
    for child in head.children:  # "people killed", "dead soldiers", "soldiers who died"
        if child.dep_ in {"acl", "amod", "relcl"} and child.lemma_.lower() in verbs:
            return _with_conjuncts(verbs, child, verbs[child.lemma_.lower()])
    h = head
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    if h.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos"}:
        verb = h.head
        if verb.dep_ == "prep":  # "by 5 drones" -> skip up to the verb
            verb = verb.head
        lemma = verb.lemma_.lower()
        if is_negated(verb):
            return None
        phrase = _verb_phrase_kind(verb, ctx.cues)
        if phrase is not None:
            return phrase
        if lemma in verbs and verbs[lemma] != "munitions":
            kind = _with_conjuncts(verbs, verb, verbs[lemma], shared_only=True)
            first = verb.head
            if verb.dep_ == "conj" and first.lemma_.lower() in verbs and \
                    not any(c.dep_ in {"dobj", "nsubjpass"} for c in first.children):
                # "had killed or wounded about 170 troops": the object is both verbs'
                if {kind, verbs[first.lemma_.lower()]} == {"killed", "injured"}:
                    return "casualties"
            return kind
        for child in verb.children:  # "were dead", "are missing"
            if child.dep_ in {"acomp", "attr", "oprd", "xcomp"} and child.lemma_.lower() in verbs:
                return verbs[child.lemma_.lower()]
    if head.dep_ == "conj" and head.head.lemma_.lower() in verbs:
        return verbs[head.head.lemma_.lower()]
    return None




def _verb_phrase_kind(verb: Token, cues: Cues) -> str | None:
    for child in verb.children:
        if child.dep_ in {"oprd", "dobj", "acomp", "attr", "xcomp"} and child.lower_ in cues.object_kinds:
            return cues.object_kinds[child.lower_]
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ in {"pobj", "amod", "acomp", "pcomp"} and (child.lower_, pobj.lower_) in cues.phrase_kinds:
                    return cues.phrase_kinds[(child.lower_, pobj.lower_)]
    return None


def _context_kind(ctx: Context, tok: Token) -> str | None:
    """Kind from a noun the number is predicated of: 'the death toll was 400'."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            for child in cur.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    kind = _noun_kind(ctx, child)
                    if kind is not None:
                        return kind
                    for of in child.children:  # "the number of dead"
                        if of.dep_ == "prep" and of.lower_ == "of":
                            for pobj in of.children:
                                if pobj.dep_ == "pobj" and (kind := _noun_kind(ctx, pobj) or ctx.cues.quantity_verbs.get(pobj.lemma_.lower())):
                                    return kind if kind != "munitions" else None
            if cur.dep_ in {"acl", "relcl", "advcl"}:
                break  # "a ceremony attended by several thousand residents": not the clause of the dead
    return None


ELLIPSIS_CUES = {"including", "of", "another", "and", "while", "with", "plus", "them", "which"}


def _elliptical(ctx: Context, expr: NumberExpr) -> bool:
    """A bare number that continues the previous figure: 'including 18 over X',
    'another 19', 'of which 35'."""
    anchor = expr.anchor
    if _counted_noun(ctx, expr) is not None:
        return False
    before = ctx.doc[expr.start - 1] if expr.start > 0 else None
    after = ctx.doc[anchor.i + 1] if anchor.i + 1 < len(ctx.doc) else None
    return (before is not None and before.lower_ in ELLIPSIS_CUES) or \
        (after is not None and after.lower_ in {"of", "over", "in", "near"})


def _part_of_previous(ctx: Context, expr: NumberExpr) -> bool:
    """A bare number that counts part of the figure before it ("destroyed 96 drones,
    including 38 over X"): its kind is that figure's, not its governing verb's; but
    "including about 780 killed" has a kind of its own."""
    anchor = expr.anchor
    verbs = ctx.cues.quantity_verbs
    after = ctx.doc[expr.end] if expr.end < len(ctx.doc) else None
    if any(c.lemma_.lower() in verbs for c in anchor.children) or (after is not None and after.lemma_.lower() in verbs):
        return False
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i:  # "including 38 over X and 21 over Y"
        anchor = anchor.head
    return anchor.dep_ == "pobj" and anchor.head.lower_ in {"including", "among"}


def quantity_of(ctx: Context, expr: NumberExpr) -> tuple[str | None, str | None]:
    """``(kind, counted)`` of a number, or ``(None, None)`` if it counts nothing we know."""
    noun = _counted_noun(ctx, expr)
    counted = None
    if noun is not None:
        counted_start = expr.end
        counted = ctx.doc[counted_start:noun.i + 1].text.strip() if noun.i >= counted_start else noun.text
        kind = _noun_kind(ctx, noun)
        if kind is not None:
            return kind, counted
        is_people = noun.lemma_.lower() in ctx.cues.people_nouns or noun.lower_ in ctx.cues.people_nouns or \
            noun.ent_type_ == "NORP"
        if not is_people:
            return None, None
        kind = _verb_kind(ctx, noun) or (_verb_kind(ctx, expr.anchor) if noun.dep_ == "pobj" else None) \
            or _context_kind(ctx, noun)
        return kind, counted
    kind = _verb_kind(ctx, expr.anchor) or _context_kind(ctx, expr.anchor)
    return kind, None


def source_of_figure(ctx: Context, expr: NumberExpr) -> tuple[str | None, Token | None, bool]:
    """``(actor key, verb, narrator)`` for a figure."""
    anchor = expr.anchor
    qi = ctx.quote_of_token.get(anchor.i)
    if qi is not None:
        q = ctx.quotes[qi]
        if q.speaker is not None:
            return q.speaker, q.verb, False
    cur = anchor
    for _ in range(10):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if ctx.quote_of_token.get(cur.i) is not None and qi is None:
            continue
        if is_reporting_verb(ctx, cur) and not is_negated(cur) and cur.lemma_.lower() not in ctx.cues.denial_verbs:
            key = source_of_verb(ctx, cur)
            if key:
                return key, cur, False
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in ctx.cues.reporting_nouns:
            key = noun_cue_source(ctx, cur)
            if key:
                return key, None, False
    sent = anchor.sent
    key, _ = according_to(ctx, [t for t in sent if ctx.quote_of_token.get(t.i) is None])
    if key:
        return key, None, False
    # a reporting verb elsewhere in the sentence: "..., it said, while ..."
    verbs = [t for t in sent if is_reporting_verb(ctx, t) and not is_negated(t) and ctx.quote_of_token.get(t.i) is None
             and t.lemma_.lower() not in ctx.cues.weak_reporting_verbs and t.lemma_.lower() not in ctx.cues.criticism_verbs
             and t.lemma_.lower() not in ctx.cues.denial_verbs and _main_clause(t)]
    verbs.sort(key=lambda t: (t is not sent.root, abs(t.i - anchor.i)))
    for verb in verbs:
        key = source_of_verb(ctx, verb)
        if key:
            return key, verb, False
    key = _headline_source(ctx, sent)
    if key:
        return key, None, False
    return None, None, True


def _main_clause(verb: Token) -> bool:
    """The verb heads the sentence or a clause joined to its head without a
    subordinating word ("although", "while", "as")."""
    cur = verb
    while cur.head.i != cur.i:
        if any(c.dep_ == "mark" for c in cur.children) and cur.dep_ in {"advcl"}:
            return False
        if cur.dep_ in {"relcl", "acl", "pcomp", "prep", "pobj"}:
            return False
        cur = cur.head
    return True


_HEADLINE_SOURCE = re.compile(r"\s[—–-]\s*((?:[A-Z][\w'’.-]*\s?){1,6})\s*$")


def _headline_source(ctx: Context, sent: Span) -> str | None:
    """'63 Soldiers Killed in Strike — Defense Ministry': the source after a dash."""
    text = sent.text.strip()
    m = _HEADLINE_SOURCE.search(text)
    if not m or text.endswith("."):
        return None
    start = sent.start_char + sent.text.find(m.group(1))
    span = ctx.doc.char_span(start, start + len(m.group(1).strip()), alignment_mode="expand")
    if span is None:
        return None
    return ctx.actor_key(span.root)


def extract_figures(ctx: Context) -> Iterator[Claim]:
    """Figure claims of an article (quotes must be attributed first).

    A headline figure in the outlet's own voice that the body reports with a
    source ("... at least 21 killed in overnight siege" over "police said 21
    people were killed") is the same claim, so it is left out."""
    claims = list(_figures(ctx))
    end = ctx.article.text.find("\n")
    headline = ctx.article.text[:end if end >= 0 else len(ctx.article.text)].rstrip()
    attributed = [c for c in claims if not c.narrator]
    for claim in claims:
        in_headline = claim.evidence.begin < len(headline) and bool(claim.figure.text) and claim.figure.text in headline
        if claim.narrator and headline and not headline.endswith(".") and in_headline \
                and any(_restates(claim, other) for other in attributed):
            continue
        yield claim


def _restates(headline: Claim, body: Claim) -> bool:
    """Same kind, and intervals that meet: the headline figure is the body's."""
    a, b = headline.figure, body.figure
    if a.quantity != b.quantity:
        return False
    a_low, a_high = a.low if a.low is not None else 0, a.high if a.high is not None else float("inf")
    b_low, b_high = b.low if b.low is not None else 0, b.high if b.high is not None else float("inf")
    return a_low <= b_high and b_low <= a_high


def _figures(ctx: Context) -> Iterator[Claim]:
    seen: set[tuple] = set()
    text = ctx.article.text
    paragraph_source: tuple[int, int, str, Token | None] | None = None  # (paragraph, sentence, key, verb)
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n]:
            continue
        paragraph = text.rfind("\n", 0, sent.start_char) + 1
        root = sent.root
        if is_reporting_verb(ctx, root) and ctx.quote_of_token.get(root.i) is None and not is_negated(root) \
                and root.lemma_.lower() not in ctx.cues.denial_verbs:
            root_key = source_of_verb(ctx, root)
            if root_key:
                paragraph_source = (paragraph, n, root_key, root)
        prev_kind: str | None = None
        prev_counted: str | None = None
        made: list[tuple[NumberExpr, Claim]] = []
        for expr in find_numbers(ctx, sent):
            if _is_noise(ctx, expr):
                continue
            kind, counted = quantity_of(ctx, expr)
            if prev_kind is not None and _elliptical(ctx, expr) and (kind is None or _part_of_previous(ctx, expr)):
                kind, counted = prev_kind, prev_counted  # "18 drones were downed, including 9 over X"
            if kind is None or kind == "other":
                continue
            prev_kind, prev_counted = kind, counted
            key, verb, narrator = source_of_figure(ctx, expr)
            if narrator and paragraph_source is not None and paragraph_source[0] == paragraph \
                    and paragraph_source[1] >= n - 1:
                # the sentence right after an attributed one, in the same paragraph,
                # goes on in the words of that source
                key, verb, narrator = paragraph_source[2], paragraph_source[3], False
                paragraph_source = (paragraph, n, key, verb)
            elif not narrator and ctx.quote_of_token.get(expr.anchor.i) is None:
                paragraph_source = (paragraph, n, key, verb)
            if narrator:  # with the outlet unknown, a frame or a source line may still give a source
                source = ctx.narrator() if ctx.outlet_known() else NO_OUTLET
            else:
                source = ctx.actors[key].freeze()
            dedup = (n, source.name, kind, expr.low, expr.high)
            if dedup in seen:
                continue
            seen.add(dedup)
            qi = ctx.quote_of_token.get(expr.anchor.i)
            if qi is not None:
                q = ctx.quotes[qi]
                evidence = ctx.evidence(min(q.begin, sent.start_char), max(q.end, sent.end_char))
            else:
                evidence = ctx.sentence_evidence(n)
            made.append((expr, Claim(
                kind="figure",
                article=ctx.article.id,
                source=source,
                evidence=evidence,
                extractor=EXTRACTOR,
                figure=Figure(quantity=kind, low=expr.low, high=expr.high, approx=expr.approx,
                              counted=counted, text=expr.text),
                channel=channel_of(ctx, verb, sent) if not narrator else None,
                narrator=narrator,
                cue=verb.lemma_.lower() if verb is not None and not narrator else None,
                anchor=(ctx.doc[expr.start].idx, ctx.doc[expr.end - 1].idx + len(ctx.doc[expr.end - 1])),
            )))
        split = breakdowns(ctx, [(expr, c.figure.quantity) for expr, c in made])
        whose = victims_in_sentence(ctx, [(expr, c.figure.counted) for expr, c in made])
        for i, (expr, claim) in enumerate(made):
            victims, side = whose[i]
            yield replace(claim, figure=replace(claim.figure, scope=scope_of(ctx, expr, breakdown=i in split),
                                                victims=victims, victim_side=side))
