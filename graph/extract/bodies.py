"""How a mention stands to the bodies of the text: a short form of an organisation's
name, a country's body by its head word alone, or a source the text does not name.

Pure readings of names and noun phrases that the actor registry
(:mod:`graph.extract.mentions`) asks before it merges two mentions or gives one its
article as scope.

May import: spaCy tokens, ``graph.extract.cues``, ``graph.extract.phrases``, ``graph.names``.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from graph.extract.cues import Cues
from graph.extract.phrases import Phrases
from graph.names import norm_key

#: Where a long organisation name links its parts: "Northland Observatory | for | Civil Rights".
_LINKED = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?", re.IGNORECASE)


def is_national_body(name: str, cues: Cues) -> bool:
    """A country's body by its head word alone ("Russian forces", "Ukraine's military"):
    the country's own, never a part of a longer name ("Russian Air Defence Forces")."""
    words = norm_key(name).split()
    return len(words) == 2 and words[1] in cues.state_words and (
        words[0] in cues.demonyms or words[0] in cues.countries)


def is_short_form(short: str, long: str, cues: Cues) -> bool:
    """``short`` names the organisation ``long`` by the part before its "for" or "of": "the
    Northland Observatory" (for Civil Rights), "the Coordination Centre" (for the
    Return of ...); never by a part after it ("Ukraine's Armed Forces" is not the
    General Staff of Ukraine's Armed Forces) nor as a country."""
    key = norm_key(short)
    words = key.split()
    if not words or key in cues.countries or key in cues.demonyms:
        return False
    parts = [norm_key(p).split() for p in _LINKED.split(long)]
    return len(parts) > 1 and parts[0][-len(words):] == words


def is_unnamed(doc: Phrases, head: Token) -> bool:
    """A mention the text gives no name or body: "officials", "local residents", "the
    company", "the regional governor", "Russian military bloggers" (their side is kept),
    not "Varan fighters"; a country's "officials" or "authorities" are its state
    ("Ukrainian officials"), and so is its body ("the Israeli military")."""
    cues = doc.cues
    start, end = doc.np_span(head)
    words = [t for t in doc.doc[start:end] if t.i != head.i]
    country = [t for t in words if t.lower_.removeprefix("pro-") in cues.demonyms
               or t.lower_ in cues.countries or t.ent_type_ in {"NORP", "GPE"}]
    if country and (head.lower_ in cues.official_plurals or doc.actor_type(head) == "organization"):
        return False
    return not any(_names(t, cues) and not (t in country and (t.pos_ == "ADJ" or t.lower_ in cues.countries))
                   for t in [*words, head])


def _names(tok: Token, cues: Cues) -> bool:
    """A word that names something: a proper noun, an organisation's, an acronym, a word
    capitalised inside a sentence; a platform ("Telegram channels") does not."""
    named = tok.pos_ == "PROPN" or tok.ent_type_ == "ORG" or (tok.is_upper and len(tok) > 1) or (
        tok.is_title and not tok.is_sent_start)
    return named and tok.lower_ not in cues.channels
