"""Where things happen: the entity labels and prepositions of places, and the names an
article uses as places (the small model leaves many towns untyped).

May import: spaCy tokens, ``graph.extract.cues``, ``graph.extract.naming``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from graph.extract.cues import Cues
from graph.extract.naming import clean_name

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "near", "of", "at", "outside", "around"}


def known_places(doc: Doc, cues: Cues) -> frozenset[str]:
    """Lower-cased names the article uses as places: tagged GPE/LOC/FAC, or a proper noun
    after "in", "near", "outside"... or in "the city of X" (a place noun of the lexicon)."""
    names = {clean_name(e.text).lower() for e in doc.ents if e.label_ in PLACE_LABELS}
    for t in doc:
        if t.pos_ != "PROPN" or not t.is_title or t.dep_ != "pobj" or t.ent_type_ == "PERSON" and t.head.lower_ == "by":
            continue
        prep = t.head.lower_
        if prep in PLACE_PREPS - {"of"} or (prep == "of" and t.head.head.lemma_.lower() in cues.place_nouns):
            names.add(t.lower_)  # "in Sumy", "the city of Sumy"
    return frozenset(n for n in names if n)
