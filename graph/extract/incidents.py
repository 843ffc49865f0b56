"""Incidents: each claim filed under what happened, where and when.

An article's main incident is its most often named specific place's event
(:func:`graph.extract.events.main_event`), dated by the first incident date the text
gives for it, else by the article's date (``date_source`` says which). A claim whose
sentence names another specific place, or another day ("a similar strike hit the
market last month, killing 12"), is about another incident: of that place, or of the
main incident's place on that day. A region ("the Kharkiv region") or a country is not
a specific place: a claim there stays with the town the article is about. The date a
source spoke on ("the army said on Tuesday") is not the incident's.

Places are resolved with the gazetteer (:mod:`graph.gazetteer`): canonical name,
GeoNames id, country and region, preferring a town in a country the article names.

May import: spaCy tokens, ``graph.gazetteer``, ``graph.extract`` helpers, ``graph.types``.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Span

from graph import gazetteer
from graph.extract import events, when
from graph.extract.mentions import Context
from graph.names import norm_key
from graph.types import Event

#: The main incident is news: a day the text gives for it lies within this many days of the
#: article ("in January" in a story of October is an earlier incident, not the main one's day).
RECENT_DAYS = 14
#: Two days named in one article are one incident's when this close (a night strike reported "on Tuesday").
SAME_DAY_SLACK = 1
#: How many sentences back "the shelling" looks for another incident of its kind.
BACK_SENTENCES = 6


def incident_days(ctx: Context, sent: Span, base: date | None) -> tuple[date, date] | None:
    """The first day (or range of days) a sentence gives for what happened, counted from the
    article's day ``base``, not for when someone spoke about it ("said on Tuesday")."""
    for ent in sent.ents:
        if ent.label_ not in {"DATE", "TIME"} or _of_saying(ctx, ent):
            continue
        before = ctx.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if when.is_period(f"{before} {ent.text}"):  # "since January": a period, not a day
            continue
        days = when.resolve(ent.text, base)
        if days is not None:
            return days
    return None


def _of_saying(ctx: Context, ent: Span) -> bool:
    """A date on a reporting verb: "said on Tuesday", "told reporters on Monday"."""
    head = ent.root.head
    if head.dep_ == "prep" and head.lower_ in {"on", "in", "at"}:
        head = head.head
    return head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() in ctx.cues.reporting_verbs | ctx.cues.weak_reporting_verbs


def _article_countries(ctx: Context) -> frozenset[str]:
    """ISO codes of the countries an article names (as names or adjectives), to choose between towns."""
    names = {e.text for e in ctx.doc.ents if e.label_ in {"GPE", "NORP"}}
    text = ctx.text.lower()
    names |= {country for word, country in ctx.cues.demonyms.items() if word in text}
    return frozenset(code for name in names if (code := gazetteer.country_code(name)))


def locate(event: Event, countries: frozenset[str]) -> Event:
    """An event with its place as the gazetteer knows it (a town of a country the article
    names first): unchanged when the place is a country's name or not a town there."""
    if not event.place or gazetteer.country_code(event.place) is not None:
        return event
    town = gazetteer.find_town(event.place, countries)
    if town is None:
        return event
    return replace(event, geonameid=town.geonameid, country=town.country, region=town.region)


def dated(event: Event, days: tuple[date, date] | None, source: str) -> Event:
    """An event with its days and its label: "airstrike on Kutum, 2026-03-09"."""
    if days is None:
        return event
    start, end = days[0].isoformat(), days[1].isoformat()
    on = start if start == end else f"{start}/{end}"
    base = f"{event.type} on {event.place}" if event.place else event.type
    return replace(event, label=f"{base}, {on}", date=start, end=end if end != start else None, date_source=source)


def _names_another(ctx: Context, sent: Span) -> bool:
    """The sentence names another incident than the article's: "a similar strike", "an earlier attack"."""
    return any(t.lemma_.lower() in ctx.cues.event_nouns and any(
        c.lower_ in ctx.cues.other_incident_words and c.dep_ in {"amod", "det", "advmod"} for c in t.children)
        for t in sent)


def _region_or_place(ctx: Context, tok) -> str | None:
    """The place a "in" phrase names: "Ituri province" (the region word and its names), else a place."""
    if tok.lower_ in ctx.cues.region_words:
        names = [c.text for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ == "PROPN"]
        return " ".join([*names, tok.lower_]) if names else None
    return events.a_place(ctx, tok)


def same_place(a: Event, b: Event) -> bool:
    """One town: the same gazetteer entry, or the same name when either is not in the gazetteer."""
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return norm_key(a.place or "") == norm_key(b.place or "")


class Incidents:
    """The incidents of one article: its main one and the others its sentences name."""

    def __init__(self, ctx: Context, by_sentence: dict[int, Event], main: Event | None) -> None:
        self.ctx = ctx
        self.by_sentence = by_sentence
        self.countries = _article_countries(ctx)
        self.day = when.article_day(ctx.article.date)
        self.days = {n: d for n, sent in enumerate(ctx.sents)
                     if not ctx.chrome_sent[n] and (d := incident_days(ctx, sent, self.day)) is not None}
        self.main = self._main(main) if main is not None else None
        self._filed: dict[int | None, Event | None] = {}  # by sentence: a sentence's claims share it

    def _main(self, main: Event) -> Event:
        key = norm_key(main.place) if main.place else None
        day = self.day
        for n, event in sorted(self.by_sentence.items()):
            if n in self.days and (key is None or (event.place and norm_key(event.place) == key)) \
                    and (day is None or when.near(self.days[n], (day, day), RECENT_DAYS)):
                return locate(dated(main, self.days[n], "text"), self.countries)
        return locate(dated(main, (day, day) if day else None, "article"), self.countries)

    def _dated_here(self, event: Event, n: int) -> Event:
        """An event dated by sentence ``n``'s days, else by the article's date."""
        if n in self.days:
            return dated(event, self.days[n], "text")
        return dated(event, (self.day, self.day) if self.day else None, "article")

    def _kind(self, n: int) -> str:
        """The kind of incident sentence ``n`` names, else the main one's."""
        return self.by_sentence[n].type if n in self.by_sentence else self.main.type

    def of_sentence(self, n: int | None) -> Event | None:
        """The incident a claim in sentence ``n`` is about."""
        if n not in self._filed:
            self._filed[n] = self._file(n)
        return self._filed[n]

    def _file(self, n: int | None) -> Event | None:
        if n is not None and any(p in self.ctx.sents[n].text.lower() for p in self.ctx.cues.unplaced_phrases):
            return None  # "..., though they did not specify the location": no incident of the article
        before = self._continued(n)
        return before if before is not None else self._file_alone(n)

    def _continued(self, n: int | None) -> Event | None:
        """The other incident that a sentence without a place or day of its own goes on
        about: the one of the sentence before, in the same paragraph, when the sentence
        opens with a continuation word ("In Ituri, 14 were killed on Sunday. Another 22 were
        wounded.") or points back with "that" or "this" ("11 were killed in that attack");
        or, for "the shelling" when the main incident is a strike, the last other incident
        filed in the sentences before."""
        own = self.by_sentence.get(n) if n else None
        if not n or n in self.days or (own is not None and own.place):
            return None
        sent, prev = self.ctx.sents[n], self.ctx.sents[n - 1]
        gap = self.ctx.text[prev.start_char + len(prev.text.rstrip()):sent.start_char]
        pointer, kind = self._points_back(sent)
        if "\n" not in gap and (sent[0].lower_ in self.ctx.cues.continuation_words or pointer):
            earlier = self.of_sentence(n - 1)
            if earlier is not None and earlier is not self.main:
                return earlier
        if kind is None or self.main is None or kind == self.main.type:
            return None
        for m in range(n - 1, max(-1, n - BACK_SENTENCES), -1):
            earlier = self.of_sentence(m)
            if earlier is not None and earlier is not self.main:
                return earlier
        return None

    def _points_back(self, sent: Span) -> tuple[bool, str | None]:
        """Whether the sentence points back at an incident ("that attack", "this strike"),
        and the kind of the incident it names with "the", "that" or "this"."""
        for tok in sent:
            kind = self.ctx.cues.event_nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
            dets = {c.lower_ for c in tok.children if c.dep_ == "det"} if kind else set()
            if dets & {"that", "this"}:
                return True, kind
            if "the" in dets:
                return False, kind
        return False, None

    def _file_alone(self, n: int | None) -> Event | None:
        main = self.main
        sent_event = self.by_sentence.get(n) if n is not None else None
        days = self.days.get(n) if n is not None else None
        if sent_event is not None and not events.is_broad(self.ctx, sent_event.place):
            sent_event = locate(sent_event, self.countries)
            if main is None or not same_place(sent_event, main):
                return self._dated_here(sent_event, n)
        abroad = self._abroad(n)
        if abroad is not None:
            return abroad
        earlier = n is not None and _names_another(self.ctx, self.ctx.sents[n])
        if main is None or not (earlier or (days is not None and self._another_day(days))):
            return main
        place = sent_event.place if sent_event is not None and not events.is_broad(self.ctx, sent_event.place) else main.place
        kind = sent_event.type if sent_event is not None else main.type
        time = sent_event.time if sent_event else None
        other = Event(label=f"other {kind} on {place}" + (f" ({time})" if time else ""), type=kind, place=place,
                      weapon=sent_event.weapon if sent_event else None, time=time)
        if days is None:  # another incident, undated: its own, never merged with the article's
            return locate(replace(other, date_source="other"), self.countries)
        return locate(dated(other, days, "text"), self.countries)

    def _abroad(self, n: int | None) -> Event | None:
        """An incident in another country than the main one's ("In Russia, the governor said
        ..."), or in a region that opens the sentence and that the article never names with
        the main town ("In Ituri province, to the north, ...")."""
        main = self.main
        if n is None or main is None:
            return None
        elsewhere = self._other_region(n)
        if elsewhere is not None:
            return elsewhere
        if main.country is None:
            return None
        main_code = gazetteer.country_code(main.country)
        for ent in self.ctx.sents[n].ents:
            code = gazetteer.country_code(ent.text) if ent.label_ == "GPE" and ent.root.head.lower_ == "in" else None
            if code is not None and code != main_code:
                kind = self._kind(n)
                return self._dated_here(Event(label=f"{kind} in {ent.text}", type=kind, place=ent.text,
                                              country=gazetteer.country_name(code)), n)
        return None

    def _other_region(self, n: int) -> Event | None:
        sent, main = self.ctx.sents[n], self.main
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if first is None or first.lower_ != "in":
            return None
        place = next((_region_or_place(self.ctx, t) for t in first.children if t.dep_ == "pobj"), None)
        if not place or not events.is_broad(self.ctx, place) or events.is_country(self.ctx, place):
            return None
        key = place.lower().split()[0]
        together = any(key in s.text.lower() and (main.place or "").lower() in s.text.lower()
                       for s in self.ctx.sents if s.start != sent.start)
        if together or key in (main.place or "").lower():
            return None
        kind = self._kind(n)
        return self._dated_here(Event(label=f"{kind} in {place}", type=kind, place=place), n)

    def _another_day(self, days: tuple[date, date]) -> bool:
        """Days that are not the main incident's (within a day when the text dated both)."""
        main = self.main
        if main is None or main.date is None:
            return False
        main_days = (date.fromisoformat(main.date), date.fromisoformat(main.end or main.date))
        slack = SAME_DAY_SLACK if main.date_source == "text" else when.WINDOW_DAYS
        return not when.near(days, main_days, slack)
