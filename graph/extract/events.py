"""Events: the incident a claim is about (strike, attack, shelling, explosion),
with place, time and weapon where the sentence states them."""
from __future__ import annotations

from spacy.tokens import Span

from graph.extract.common import Context, clean_name
from graph.types import Event

EXTRACTOR = "events.v1"
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def event_in_sentence(ctx: Context, sent: Span) -> Event | None:
    """The first incident named in a sentence, or None."""
    nouns = ctx.cues.event_nouns
    for tok in sent:
        if tok.pos_ not in {"NOUN", "PROPN"} or ctx.quote_of_token.get(tok.i) is not None:
            continue
        lemma = tok.lemma_.lower()
        two = f"{ctx.doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > sent.start else ""
        etype = nouns.get(two) or nouns.get(lemma) or nouns.get(tok.lower_)
        if etype is None:
            continue
        place = _place(ctx, tok, sent)
        time = next((clean_name(e.text) for e in sent.ents if e.label_ in {"DATE", "TIME"}), None)
        weapon = next((t.text for t in sent if t.lower_ in ctx.cues.weapons), None)
        label = f"{etype} on {place}" if place else etype
        return Event(label=label, type=etype, place=place, time=time, weapon=weapon)
    return None


def _place(ctx: Context, tok, sent: Span) -> str | None:
    for t in tok.subtree:  # "strike on X", "attack in X"
        if t.ent_type_ in PLACE_LABELS and t.dep_ == "pobj":
            ent = ctx.entity_of(t)
            if ent is not None:
                return clean_name(ent.text)
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS:
            # the most specific place: the first one after the event word
            if ent.start > tok.i:
                return clean_name(ent.text)
    return None


def extract_events(ctx: Context) -> list[Event]:
    """Events of the article in text order; the first one with a place is the
    article's main incident."""
    out: list[Event] = []
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n]:
            continue
        event = event_in_sentence(ctx, sent)
        if event is not None:
            out.append(event)
    return out


def main_event(events: list[Event]) -> Event | None:
    """The article's main incident: the first event with a place, else the first."""
    return next((e for e in events if e.place), events[0] if events else None)
