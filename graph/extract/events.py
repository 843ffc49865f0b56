"""Events: the incident a claim is about (strike, attack, shelling, explosion),
with place, time and weapon where the sentence states them."""
from __future__ import annotations

from spacy.tokens import Span

from graph.extract.common import Context, clean_name
from graph.types import Event

EXTRACTOR = "events.v1"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "near", "of", "at", "outside", "around"}


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
    for t in tok.subtree:  # "strike on X", "shelling of X" where the tagger missed the place
        if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.is_title and t.head.lower_ in PLACE_PREPS | {"on"} and t.lower_ not in ctx.cues.channels \
                and t.ent_type_ in {"", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"} and ctx.quote_of_token.get(t.i) is None:
            start = t.i
            while start > 0 and ctx.doc[start - 1].dep_ == "compound" and ctx.doc[start - 1].is_title:
                start -= 1
            return clean_name(ctx.doc[start:t.i + 1].text)
    return None


def events_by_sentence(ctx: Context) -> dict[int, Event]:
    """The incident named in each sentence (chrome excluded), by sentence number."""
    out: dict[int, Event] = {}
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n] or is_headline(sent):
            continue
        event = event_in_sentence(ctx, sent)
        if event is not None:
            out[n] = event
    return out


def is_country(ctx: Context, place: str | None) -> bool:
    """A country or a capital standing for one is too broad to name an incident."""
    if not place:
        return False
    low = place.lower().removeprefix("the ")
    words = low.split()
    countries = {c.lower() for c in ctx.cues.demonyms.values()}
    return low in countries or low in ctx.cues.demonyms or (len(words) == 2 and words[1] in countries)


def is_headline(sent: Span) -> bool:
    """A Title Case line without final punctuation: its entities are unreliable."""
    text = sent.text.strip()
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if not words or text[-1:] in {".", "!", "?", "\"", "”"}:
        return False
    return sum(t.is_title for t in words) >= 0.7 * len(words)


def frequent_place(ctx: Context) -> str | None:
    """The most often named specific place (not a country) of the article body."""
    counts: dict[str, int] = {}
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n] or is_headline(sent):
            continue
        names = [clean_name(e.text) for e in sent.ents
                 if e.label_ in PLACE_LABELS and ctx.quote_of_token.get(e.start) is None]
        # proper nouns after "in", "near", "of"... that the tagger left untyped
        names += [t.text for t in sent if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.is_title
                  and (not t.ent_type_ or (t.ent_type_ == "ORG" and t.head.lower_ in {"in", "near", "at", "outside"}))
                  and t.head.lower_ in PLACE_PREPS and ctx.quote_of_token.get(t.i) is None]
        for name in names:
            if name and not is_country(ctx, name):
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return next(k for k, v in counts.items() if v == best)


def main_event(ctx: Context, events: list[Event]) -> Event | None:
    """The article's main incident: the most often named specific place (not a
    country), earliest first; else the first event with a place; else the first."""
    specific = [e for e in events if e.place and not is_country(ctx, e.place)]
    if specific:
        counts: dict[str, int] = {}
        for e in specific:
            counts[e.place] = counts.get(e.place, 0) + 1
        best = max(counts.values())
        return next(e for e in specific if counts[e.place] == best)
    if not events:
        return None
    first = events[0]
    place = frequent_place(ctx)
    if place is not None:
        return Event(label=f"{first.type} on {place}", type=first.type, place=place, time=first.time, weapon=first.weapon)
    return next((e for e in events if e.place), first)
