"""What a figure counts: the incident's total, a part of another figure, or a
cumulative count over a period or the whole war.

- ``part``: "Fifteen of the dead were children", "30 of the wounded", "13 bodies,
  among them six children", "21 people, including three soldiers", and a breakdown
  of one toll in one sentence ("38 died at the scene and eight later in hospital");
- ``cumulative``: a count since a time or over a period ("since the war began",
  "since the beginning of 2026", "this year", "the war has killed tens of
  thousands"), from the lexicon's ``cumulative_since`` and ``cumulative_phrases``;
- ``total`` otherwise.

Only totals of one incident can disagree with each other (:mod:`graph.pipeline.build`).

May import: spaCy tokens, ``graph.extract`` (mentions, numbers).
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from graph.extract.mentions import Context
from graph.extract.numbers import NumberExpr

#: Words that, after "of the", name the whole a part is counted from ("30 of the wounded").
_WHOLE_AFTER_OF = re.compile(r"^of\s+(?:the|them|those|these|whom|which)\b", re.IGNORECASE)
#: Nouns for a whole toll: "the dead included ...".
_WHOLES = frozenset({"dead", "victim", "casualty", "wounded", "injured", "toll", "killed", "death"})
#: Grammar between two numbers that makes them an update or alternatives, not a split.
_NOT_A_SPLIT = frozenset({"from", "to", "up", "or"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def scope_of(ctx: Context, expr: NumberExpr, *, breakdown: bool = False) -> str:
    """``part``, ``cumulative`` or ``total`` for a figure; ``breakdown`` when the
    sentence splits one toll of this kind into several figures."""
    if breakdown or _is_part(ctx, expr):
        return "part"
    if _is_cumulative(ctx, expr):
        return "cumulative"
    return "total"


def _is_part(ctx: Context, expr: NumberExpr) -> bool:
    doc = ctx.doc
    after = doc[expr.end:min(len(doc), expr.end + 3)].text
    if _WHOLE_AFTER_OF.match(after) or (expr.end < len(doc) and doc[expr.end].lower_ in ctx.cues.increment_words
                                         and doc[expr.end + 1:expr.end + 2].text.lower() != "than"):
        return True  # "30 of the wounded", "14 more bodies"
    cur: Token = expr.anchor
    for _ in range(4):  # "13 bodies, among them six children", "including three soldiers"
        if cur.dep_ == "pobj" and cur.head.lower_ in {"including", "among", "incl"}:
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    verb = next((a for a in expr.anchor.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and verb.lemma_.lower() == "include" and any(  # "the dead included 14 children"
            c.dep_ == "nsubj" and c.lemma_.lower() in _WHOLES for c in verb.children):
        return True
    before = doc[max(0, expr.start - 3):expr.start].text.lower()
    if before.endswith(("among them", "of whom", "of which", "among the dead", "among the victims")):
        return True
    return _split_by_place(ctx, expr)


def _split_by_place(ctx: Context, expr: NumberExpr) -> bool:
    """One share of a toll split by where people died, the rest elided: "38 died at the
    scene and eight later in hospital" (the lexicon's ``breakdown_places``)."""
    sent = expr.anchor.sent
    text = " ".join(t.lower_ for t in _clause(expr))
    if not any(f" {p} " in f" {text} " for p in ctx.cues.breakdown_places):
        return False
    rest = ctx.doc[expr.end:sent.end]
    return any(t.lower_ == "and" and rest.doc[t.i + 1].like_num for t in rest if t.i + 1 < sent.end)


def _clause(expr: NumberExpr) -> list[Token]:
    """The tokens of the clause that holds the figure (its verb's subtree)."""
    cur = expr.anchor
    while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i:
        cur = cur.head
    return list(cur.subtree)


def _is_cumulative(ctx: Context, expr: NumberExpr) -> bool:
    cues = ctx.cues
    words = _clause(expr)
    lows = [t.lower_ for t in words]
    text = " ".join(lows)
    if any(f" {p} " in f" {text} " for p in cues.cumulative_phrases):
        return True
    since = [t for t in words if t.lower_ == "since"]
    since += [c for a in expr.anchor.ancestors if a.pos_ in {"VERB", "AUX"} for c in a.children
              if c.lower_ == "since"]  # "Since the invasion, the mission has verified 14,600 civilians killed"
    for tok in since:
        ahead = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 7]]  # "since the full-scale invasion"
        if any(w in cues.cumulative_since or _YEAR.match(w) for w in ahead):
            return True
    if _place_holds(ctx, expr):
        return True
    # "the war has killed tens of thousands", "displaced by the war": the war itself is the doer
    return any(t.lemma_.lower() in cues.cumulative_since and (
        (t.dep_ == "nsubj" and t.head.pos_ == "VERB") or (t.dep_ == "pobj" and t.head.dep_ == "agent"))
        for t in words)


def _place_holds(ctx: Context, expr: NumberExpr) -> bool:
    """A country or region that has or hosts the people counted (the lexicon's
    ``stock_verbs``): "Congo has more than 7 million internally displaced people"."""
    noun = expr.anchor.head if expr.anchor.dep_ in {"nummod", "quantmod"} else expr.anchor
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() in ctx.cues.stock_verbs and any(
        c.dep_ == "nsubj" and c.ent_type_ in {"GPE", "LOC"} for c in verb.children)


def victims_of(cues, counted: str | None) -> tuple[str | None, str | None]:
    """``(class, country)`` of the people a figure counts: "five soldiers" -> soldiers,
    "Ukrainian servicemen" -> (soldiers, Ukraine), "23 soldiers and militiamen" -> soldiers
    (the first class named), "38 people" -> (None, None).

    >>> from graph.extract.cues import compile_cues
    >>> victims_of(compile_cues(), "Ukrainian servicemen"), victims_of(compile_cues(), "people")
    (('soldiers', 'Ukraine'), (None, None))
    """
    if not counted:
        return None, None
    words = re.findall(r"[a-z]+", counted.lower())
    found = next((cues.victim_classes[f] for w in words for f in _forms(w) if f in cues.victim_classes), None)
    side = next((cues.demonyms[w] for w in words if w in cues.demonyms), None)
    return found, side


#: Counted words that name no one of their own and stand for the figure before: "five soldiers
#: were killed and 11 others wounded".
_OTHERS = frozenset({"others", "other", "more"})


def victims_in_sentence(ctx: Context, figures: list[tuple[NumberExpr, str | None]]) -> list[tuple[str | None, str | None]]:
    """``(class, country)`` of each ``(expr, counted)`` figure of one sentence, from its
    counted words, what they are "of" ("40 bodies of fighters"), the one who lost them
    ("the terrorists lost 40"), or, for "others" and a bare number ("killed 23 soldiers and
    captured more than 60"), the figure before."""
    out: list[tuple[str | None, str | None]] = []
    for expr, counted in figures:
        found = victims_of(ctx.cues, " ".join(filter(None, [counted, *_whose_words(ctx, expr)])))
        if found == (None, None) and out and (not counted or counted.lower().split()[-1] in _OTHERS):
            found = out[-1]
        out.append(found)
    return out


def _whose_words(ctx: Context, expr: NumberExpr) -> list[str]:
    anchor = expr.anchor
    noun = anchor.head if anchor.dep_ in {"nummod", "quantmod"} else anchor
    words = [" ".join(t.text for t in c.subtree) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
             for c in p.children if c.dep_ == "pobj"]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ctx.cues.loss_verbs:  # "the terrorists lost 40"
        words += [c.text for c in noun.head.children if c.dep_ == "nsubj"]
    return words


def _forms(word: str) -> tuple[str, ...]:
    """A plural noun and its singulars: "militiamen" -> militiaman, "refugees" -> refugee."""
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("s"):
        forms += [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if word == "children":
        forms.append("child")
    if word == "women":
        forms.append("woman")
    return tuple(forms)


def breakdowns(ctx: Context, exprs: list[tuple[NumberExpr, str]]) -> set[int]:
    """Indices (into ``exprs``, ``(expr, kind)`` of one sentence) of figures that split
    one toll: two or more of one kind joined by "and" ("38 died at the scene and
    eight later in hospital", "22 were killed in Biambwe, where ..., and 12 in
    Mangurujipa"), unless one updates the other ("rose to 46 from 38")."""
    out: set[int] = set()
    for i, (a, kind_a) in enumerate(exprs):
        for j in range(i + 1, len(exprs)):
            b, kind_b = exprs[j]
            if kind_a != kind_b:
                continue
            between = ctx.doc[a.end:b.start]
            lows = {t.lower_ for t in between}
            places = _place_after(ctx, a), _place_after(ctx, b)
            near = len(between) < 12 or (None not in places and places[0] != places[1])
            if "and" in lows and not lows & (ctx.cues.update_words | _NOT_A_SPLIT) and near:
                out.update((i, j))
    return out


def _place_after(ctx: Context, expr: NumberExpr) -> str | None:
    """The place named just after a figure: "22 people were killed in Biambwe" -> Biambwe."""
    doc, sent = ctx.doc, expr.anchor.sent
    for tok in doc[expr.end:min(sent.end - 1, expr.end + 5)]:
        nxt = doc[tok.i + 1]
        if tok.lower_ in {"in", "at"} and nxt.ent_type_ in {"GPE", "LOC", "FAC"}:
            return nxt.text
        if tok.is_punct:
            break
    return None
