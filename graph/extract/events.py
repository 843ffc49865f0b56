"""Events: the incident a claim is about (strike, attack, shelling, explosion),
with place, time and weapon where the sentence states them."""
from __future__ import annotations

from spacy.tokens import Span

from graph.extract.mentions import Context
from graph.extract.naming import clean_name
from graph.extract.places import PLACE_LABELS, PLACE_PREPS
from graph.types import Event

EXTRACTOR = "events.v1"
#: Prepositions of where something came from or went to, not where it happened.
DIRECTION_PREPS = {"from", "toward", "towards"}


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


#: Clause links: a place beyond one is in another clause ("the strike came as ministers met in Brussels").
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "parataxis", "csubj", "acl"}


def _a_place(ctx: Context, t) -> str | None:
    """The place name at token ``t``: a place entity, or a proper noun the article uses as a place."""
    if t.ent_type_ in PLACE_LABELS:
        ent = ctx.entity_of(t)
        if ent is None or _has_digit(ent.text):
            return None
        return _place_name(ent.text)
    # untyped or mistyped by the small model ("Sumy" as ORG, "Odesa" as PERSON), but a place elsewhere
    if t.pos_ == "PROPN" and t.is_title and t.lower_ in ctx.places and not _has_digit(t.text) \
            and t.lower_ not in ctx.cues.channels and ctx.quote_of_token.get(t.i) is None:
        start = t.i  # with the words of a compound name: "Chasiv Yar", "Khan Younis"
        while start > 0 and ctx.doc[start - 1].dep_ == "compound" and ctx.doc[start - 1].pos_ == "PROPN" \
                and ctx.doc[start - 1].is_title and ctx.doc[start - 1].head.i == t.i:
            start -= 1
        return _place_name(ctx.doc[start:t.i + 1].text)
    return None


def _place_name(text: str) -> str:
    """A place as a label: "the Red Sea" -> "Red Sea"."""
    name = clean_name(text)
    return name[4:] if name.lower().startswith("the ") and len(name) > 4 else name


def _place(ctx: Context, tok, sent: Span) -> str | None:
    for t in tok.lefts:  # "the Sumy strike", "Kharkiv shelling"
        if t.dep_ in {"compound", "amod", "nmod", "npadvmod"} and (place := _a_place(ctx, t)):
            return place
    for t in tok.subtree:  # "strike on X", "attack in X", "attack on X's port", "strike on the X apartment block"
        if (t.dep_ == "pobj" or (t.dep_ in {"poss", "compound", "nmod"} and t.head.dep_ == "pobj")) and not _directed(t, {tok.i}):
            if place := _a_place(ctx, t):
                return place
    clause = _clause_of(tok)
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS and not _has_digit(ent.text):
            # the most specific place: the first one after the event word, in its clause,
            # and not where it came from ("launched the attack from the direction of X")
            if ent.start > tok.i and _clause_of(ent.root) == clause and not _directed(ent.root, {clause.i, tok.i}):
                return clean_name(ent.text)
    for t in tok.subtree:  # "strike on X", "shelling of X" where the tagger missed the place
        if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.is_title and t.head.lower_ in PLACE_PREPS | {"on"} and t.lower_ not in ctx.cues.channels \
                and not _has_digit(t.text) and not _directed(t, {tok.i}) \
                and t.ent_type_ in {"", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"} and ctx.quote_of_token.get(t.i) is None:
            start = t.i
            while start > 0 and ctx.doc[start - 1].dep_ == "compound" and ctx.doc[start - 1].is_title:
                start -= 1
            return clean_name(ctx.doc[start:t.i + 1].text)
    return None


def _directed(t, stops: set[int]) -> bool:
    """A "from" or "toward" phrase lies between ``t`` and the first of ``stops`` above it:
    where the attack came from or went to ("launched the attack from the direction of X",
    "the launch of rockets toward X"), not where it happened."""
    cur = t
    while cur.i not in stops and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in DIRECTION_PREPS:
            return True
        cur = cur.head
    return False


def _has_digit(text: str) -> bool:
    """A name with a digit ("M23") is a group or a unit, not a place."""
    return any(ch.isdigit() for ch in text)


def _clause_of(tok):
    """The head of the clause ``tok`` is in: up the tree to a clause link or the root."""
    cur = tok
    for _ in range(40):
        if cur.dep_ in CLAUSE_DEPS or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


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
    countries = {c.lower() for c in ctx.cues.demonyms.values()} | ctx.cues.countries
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
            if name and not is_country(ctx, name) and not _has_digit(name):
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
