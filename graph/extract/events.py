"""Events: the incident a claim is about (strike, attack, shelling, explosion),
with place, time and weapon where the sentence states them."""
from __future__ import annotations

import calendar

from spacy.tokens import Span

from graph import gazetteer
from graph.extract import when
from graph.extract.mentions import Context
from graph.extract.naming import clean_name
from graph.extract.places import PLACE_LABELS, PLACE_PREPS
from graph.types import Event

EXTRACTOR = "events.v1"
#: Month and weekday names: a date, never a place ("a strike on January 5").
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name))
#: Words of a part of a country: "eastern Congo" is as broad as Congo.
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                     "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
                     "north-western", "south-eastern", "south-western"})
#: A line without final punctuation is a headline or a crosshead when it has at most this many
#: long words (or opens the text); a longer one is a paragraph that lost its full stop.
HEADLINE_WORDS = 12
#: Nouns of a settlement: "the X town of Y" puts the town Y in the place X.
SETTLEMENTS = frozenset({"city", "town", "village", "settlement", "township", "hamlet"})
#: Prepositions of where something came from or went to, not where it happened.
DIRECTION_PREPS = {"from", "toward", "towards"}


def _time_of(sent: Span) -> str | None:
    """The sentence's first date or time, with a "since" before it kept ("since January" is a period)."""
    ent = next((e for e in sent.ents if e.label_ in {"DATE", "TIME"}), None)
    if ent is None:
        return None
    since = ent.start > sent.start and sent.doc[ent.start - 1].lower_ == "since"
    return ("since " if since else "") + clean_name(ent.text)


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
        time = _time_of(sent)
        weapon = next((t.text for t in sent if t.lower_ in ctx.cues.weapons), None)
        label = f"{etype} on {place}" if place else etype
        return Event(label=label, type=etype, place=place, time=time, weapon=weapon)
    return None


#: Clause links: a place beyond one is in another clause ("the strike came as ministers met in Brussels").
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "parataxis", "csubj", "acl"}


def a_place(ctx: Context, t) -> str | None:
    """The place name at token ``t``: a place entity, or a proper noun the article uses as a place."""
    if t.lower_ in CALENDAR_WORDS:
        return None
    if t.ent_type_ in PLACE_LABELS:
        ent = ctx.entity_of(t)
        if ent is None or _has_digit(ent.text):
            return None
        return _with_region_word(ctx, ent.end, _place_name(ent.text))
    # untyped or mistyped by the small model ("Sumy" as ORG, "Odesa" as PERSON), but a place elsewhere
    if t.pos_ == "PROPN" and t.is_title and t.lower_ in ctx.places and not _has_digit(t.text) \
            and t.lower_ not in ctx.cues.channels and ctx.quote_of_token.get(t.i) is None:
        start = t.i  # with the words of a compound name: "Chasiv Yar", "Khan Younis"
        while start > 0 and ctx.doc[start - 1].dep_ == "compound" and ctx.doc[start - 1].pos_ == "PROPN" \
                and ctx.doc[start - 1].is_title and ctx.doc[start - 1].head.i == t.i:
            start -= 1
        return _place_name(ctx.doc[start:t.i + 1].text)
    return None


def _with_region_word(ctx: Context, end: int, name: str) -> str:
    """A place name with the region word after it: "the Kharkiv region" is a region, not the town."""
    if end < len(ctx.doc) and ctx.doc[end].lower_ in ctx.cues.region_words:
        return f"{name} {ctx.doc[end].lower_}"
    return name


def _place_name(text: str) -> str:
    """A place as a label: "the Red Sea" -> "Red Sea"."""
    name = clean_name(text)
    return name[4:] if name.lower().startswith("the ") and len(name) > 4 else name


def _place(ctx: Context, tok, sent: Span) -> str | None:
    """The most specific place of the incident word ``tok``: the first that is not a
    country or a region, else the first ("in the North Darfur town of Kutum" -> Kutum)."""
    places = [p for p in _places(ctx, tok, sent) if p]
    return next((p for p in places if not is_broad(ctx, p)), places[0] if places else None)


def _places(ctx: Context, tok, sent: Span):
    for t in tok.lefts:  # "the Sumy strike", "Kharkiv shelling"
        if t.dep_ in {"compound", "amod", "nmod", "npadvmod"} and (place := a_place(ctx, t)):
            yield place
    for t in tok.subtree:  # "strike on X", "attack in X", "attack on X's port", "strike on the X apartment block"
        if (t.dep_ == "pobj" or (t.dep_ in {"poss", "compound", "nmod"} and t.head.dep_ == "pobj")) and not _directed(t, {tok.i}):
            if place := a_place(ctx, t):
                yield place
    clause = _clause_of(tok)
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS and not _has_digit(ent.text):
            # the most specific place: the first one after the event word, in its clause,
            # and not where it came from ("launched the attack from the direction of X")
            if ent.start > tok.i and _clause_of(ent.root) == clause and not _directed(ent.root, {clause.i, tok.i}):
                yield _with_region_word(ctx, ent.end, clean_name(ent.text))
    for t in tok.subtree:  # "strike on X", "shelling of X" where the tagger missed the place
        if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.is_title and t.head.lower_ in PLACE_PREPS | {"on"} and t.lower_ not in ctx.cues.channels \
                and t.lower_ not in CALENDAR_WORDS \
                and not _has_digit(t.text) and not _directed(t, {tok.i}) \
                and t.ent_type_ in {"", "ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"} and ctx.quote_of_token.get(t.i) is None:
            start = t.i
            while start > 0 and ctx.doc[start - 1].dep_ == "compound" and ctx.doc[start - 1].is_title:
                start -= 1
            yield clean_name(ctx.doc[start:t.i + 1].text)


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
        if ctx.chrome_sent[n] or is_headline(sent, ctx.text):
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
    if len(words) > 1 and words[0] in COMPASS:  # "eastern Democratic Republic of Congo", "northern Syria"
        low, words = " ".join(words[1:]), words[1:]
    countries = {c.lower() for c in ctx.cues.demonyms.values()} | ctx.cues.countries
    return low in countries or low in ctx.cues.demonyms or (len(words) == 2 and words[1] in countries) \
        or gazetteer.country_code(low) is not None


def is_broad(ctx: Context, place: str | None) -> bool:
    """No place, a country, or a region ("the Kharkiv region", "Donetsk oblast", "North
    Darfur"): too broad to name an incident's place."""
    if not place:
        return True
    return is_country(ctx, place) or place.lower().split()[-1] in ctx.cues.region_words \
        or gazetteer.is_region(place) or place.lower() in containers(ctx)


def containers(ctx: Context) -> frozenset[str]:
    """Places the article names as holding a town: "the North Darfur town of Kutum",
    "a village in X's Y district" (lower case, read once per article)."""
    found = getattr(ctx, "_containers", None)
    if found is None:
        names = set()
        for t in ctx.doc:
            head = t.head
            if t.pos_ == "PROPN" and t.dep_ in {"compound", "nmod", "amod", "poss"} and head.lemma_.lower() in SETTLEMENTS \
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
                ent = ctx.entity_of(t)
                names.add(clean_name(ent.text if ent is not None else t.text).lower())
        found = ctx._containers = frozenset(names)
    return found


def is_headline(sent: Span, text_of_doc: str) -> bool:
    """A line of its own without final punctuation (a headline, a crosshead), or a Title
    Case run without it: its entities are unreliable and its words are a summary.
    ``text_of_doc`` is the parsed text (``Document.text``)."""
    text = sent.text.strip()
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if not words or text[-1:] in {".", "!", "?", "\"", "”", ":", ";", ","}:
        return False
    tail = sent.text[len(sent.text.rstrip()):] + text_of_doc[sent.end_char:sent.end_char + 1]
    short = len(words) <= HEADLINE_WORDS or not text_of_doc[:sent.start_char].strip()
    if short and ("\n" in tail or sent.end_char >= len(text_of_doc.rstrip())):
        return True
    return sum(t.is_title for t in words) >= 0.7 * len(words)


def place_counts(ctx: Context) -> dict[str, int]:
    """How often the article body names each specific place (not a country or a region)."""
    counts: dict[str, int] = {}
    for n, sent in enumerate(ctx.sents):
        if ctx.chrome_sent[n] or is_headline(sent, ctx.text):
            continue
        names = [_with_region_word(ctx, e.end, clean_name(e.text)) for e in sent.ents
                 if e.label_ in PLACE_LABELS and ctx.quote_of_token.get(e.start) is None]
        # proper nouns after "in", "near", "of"... that the tagger left untyped
        names += [_with_region_word(ctx, t.i + 1, t.text) for t in sent if t.pos_ == "PROPN" and t.dep_ == "pobj" and t.is_title
                  and (not t.ent_type_ or (t.ent_type_ == "ORG" and t.head.lower_ in {"in", "near", "at", "outside"}))
                  and t.head.lower_ in PLACE_PREPS and ctx.quote_of_token.get(t.i) is None]
        for name in names:
            if name and not is_broad(ctx, name) and not _has_digit(name) and name.lower() not in CALENDAR_WORDS:
                counts[name] = counts.get(name, 0) + 1
    return counts


def main_event(ctx: Context, events: list[Event]) -> Event | None:
    """The article's main incident, at its main place: the specific place (not a country
    or a region) with the best score, two for each sentence naming an incident there,
    one for each other mention, and one more when the gazetteer knows it as a town;
    the first incident there, else the first incident moved there; else the first
    event with a place; else the first."""
    if not events:
        return None
    mentions = place_counts(ctx)
    specific = [e for e in events if not is_broad(ctx, e.place) and not when.is_period(e.time or "")]
    score: dict[str, float] = dict.fromkeys([e.place for e in specific] + list(mentions), 0.0)
    for e in specific:
        score[e.place] += 2
    countries = {gazetteer.country_code(e.text) for e in ctx.doc.ents if e.label_ == "GPE"} - {None}
    for place in score:
        town = gazetteer.find_town(place)
        score[place] += mentions.get(place, 0) + 1.5 * (town is not None and (not countries or town.country_code in countries))
    if not score:  # a region rather than a country ("the Sagaing region" over "Myanmar")
        placed = [e for e in events if e.place]
        return next((e for e in placed if not is_country(ctx, e.place)), placed[0] if placed else events[0])
    best = max(score.values())
    place = next(p for p, v in score.items() if v == best)
    there = next((e for e in specific if e.place == place), None)
    if there is not None:
        return there
    first = events[0]
    return Event(label=f"{first.type} on {place}", type=first.type, place=place, time=first.time, weapon=first.weapon)
