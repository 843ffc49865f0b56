"""Where things happen: the entity labels and prepositions of places, and the names an
article uses as places (the small model leaves many towns untyped).

May import: spaCy tokens, ``graph.extract.cues``, ``graph.extract.naming``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.extract.cues import Cues
from graph.extract.naming import clean_name

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "near", "of", "at", "outside", "around"}
#: Prepositions of movement that take places as well ("strikes on Velmar", "fled towards
#: Sadek"); not for names the tagger calls persons ("pressure on X").
MOTION_PREPS = frozenset({"on", "into", "towards", "toward", "across", "through"})


def known_places(doc: Doc, located: frozenset[str]) -> frozenset[str]:
    """Lower-cased names the article uses as places: tagged GPE/LOC/FAC, or ``located``
    (a proper noun after "in", "near", "outside"... or in "the city of X":
    :func:`located_names`)."""
    names = {clean_name(e.text).lower() for e in doc.ents if e.label_ in PLACE_LABELS}
    return frozenset(names | located)


def located_names(doc: Doc, cues: Cues) -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased proper nouns the article puts after "in", "near", "outside"... or in
    "the city of X" (names it uses as places, whatever the tagger says of them; "at"
    takes organisations too: "a researcher at Civil Rights Watch"), and those with the
    names after a preposition of movement (:data:`MOTION_PREPS`), in one pass."""
    located: set[str] = set()
    moved: set[str] = set()
    for t in doc:
        if t.pos_ != "PROPN" or not t.is_title or t.dep_ != "pobj" or t.ent_type_ == "PERSON" and t.head.lower_ == "by":
            continue
        prep = t.head.lower_
        place = prep in PLACE_PREPS - {"of", "at"} or (prep == "of" and t.head.head.lemma_.lower() in cues.place_nouns)
        if place or prep in MOTION_PREPS:
            # "in Lorvan", "the city of Lorvan", "in Lorvan Nord", and "in Norvan, Sadek and Tyrell"
            names = {compound_name(c).lower() for c in _conjuncts(t) if c.pos_ == "PROPN" and c.is_title}
            (located if place else moved).update(names)
    located.discard("")
    moved.discard("")
    return frozenset(located), frozenset(located | moved)


def _conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens joined to it by "and" or commas ("Norvan, Sadek and Tyrell")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def compound_name(head: Token) -> str:
    """A proper noun with the proper nouns compounded before it: "Lorvan Nord"."""
    start = head.i
    while start > 0 and (prev := head.doc[start - 1]).dep_ == "compound" and prev.pos_ == "PROPN" \
            and start <= prev.head.i <= head.i:
        start -= 1
    return head.doc[start:head.i + 1].text
