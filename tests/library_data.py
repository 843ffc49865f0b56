"""A small hand-written dataset for the SPARQL library's tests: three dated
articles from two outlets about two events, with figures (exact, open, hedged,
on two sides, through channels), criticisms (one aimed at a named actor),
quotes and a claim without an event. Nothing here comes from the extractors,
so a change in extraction cannot change what the library's tests expect.

Every claim's evidence is a sentence of its article's text, at its offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.pipeline.links import LinkWords, link_figures, stored_figure_rows
from graph.rdf.triples import add_extraction, new_dataset, serialize_dataset
from graph.types import (
    Actor,
    Article,
    Claim,
    Event,
    Evidence,
    Extraction,
    Figure,
    Software,
)

SOFTWARE = Software(version="0.0-test", model="hand-written", model_version="0")
#: The extractor each kind of claim names.
EXTRACTOR = {"figure": "figures.v1", "criticism": "criticism.v1", "quote": "quotes.v1",
             "statement": "statements.v1"}

A1, A2, A3 = "lib_a1", "lib_a2", "lib_a3"
NORTH_MOD = Actor("Northland Defence Ministry", "organization", side="Northland")
SOUTH_HEALTH = Actor("Southland Health Ministry", "organization", side="Southland")
VELT = Actor("Mara Velt", "person", side="Southland", role="mayor")
RANC = Actor("Ivo Ranc", "person", role="blogger")
COMMAND = Actor("Northland command", "organization", side="Northland")
DOROVKA = Event("shelling of Dorovka", "shelling", place="Dorovka")
HARBOUR = Event("drone strike on Lessa harbour", "drone strike", place="Lessa")


@dataclass(frozen=True)
class Said:
    """One claim as the fixture writes it: who, what kind, the sentence, and the rest."""

    source: Actor
    kind: str
    sentence: str
    figure: Figure | None = None
    target: str | None = None
    text: str | None = None
    channel: str | None = None
    event: Event | None = None
    cue: str | None = None
    polarity: str | None = None


ARTICLES = {
    A1: (Article(A1, "", title="Shelling hits Dorovka", url="https://example.org/a1", outlet="Wire One",
                 date="2024-03-01"), (
        Said(SOUTH_HEALTH, "figure", "The Southland Health Ministry said 12 people were killed.",
             Figure("killed", 12, 12, text="12"), event=DOROVKA),
        Said(SOUTH_HEALTH, "figure", "It said 30 more were wounded.",
             Figure("injured", 30, 30, text="30 more"), event=DOROVKA),
        Said(VELT, "criticism", "Mayor Mara Velt condemned the Northland command on Telegram.",
             target="the Northland command", channel="Telegram", event=DOROVKA),
        Said(VELT, "quote", "\u201cThey shelled a market at noon,\u201d Velt said.",
             text="They shelled a market at noon,", channel="Telegram", event=DOROVKA),
    )),
    A2: (Article(A2, "", title="Ministry: strikes hit only military targets", outlet="State Daily",
                 date="2024-03-02"), (
        Said(NORTH_MOD, "figure", "The Northland Defence Ministry said at least 40 fighters were killed.",
             Figure("killed", 40, None, text="at least 40"), channel="Telegram", event=DOROVKA),
        Said(NORTH_MOD, "figure", "It said it had fired about 20 shells.",
             Figure("munitions", 20, 20, approx=True, text="about 20"), event=DOROVKA),
        Said(NORTH_MOD, "quote", "\u201cOnly military targets were hit,\u201d the ministry said.",
             text="Only military targets were hit,", channel="Telegram", event=DOROVKA),
        Said(RANC, "criticism", "The blogger Ivo Ranc blamed the drone crews for the losses.",
             target="the drone crews", channel="X/Twitter"),
        Said(NORTH_MOD, "statement", "The ministry denied that its shells had hit the market.",
             text="its shells had hit the market", cue="deny", polarity="denied", channel="Telegram",
             event=DOROVKA),
    )),
    A3: (Article(A3, "", title="Drones strike Lessa harbour", outlet="Wire One", date="2024-03-05"), (
        Said(SOUTH_HEALTH, "figure", "The Southland Health Ministry said between 3 and 5 people died in Lessa.",
             Figure("killed", 3, 5, text="between 3 and 5"), event=HARBOUR),
        Said(SOUTH_HEALTH, "figure", "The ministry raised the Dorovka toll to 15.",
             Figure("killed", 15, 15, text="15"), event=DOROVKA),
        Said(NORTH_MOD, "figure", "The Northland Defence Ministry said eight drones were shot down.",
             Figure("munitions", 8, 8, text="eight"), channel="Telegram", event=HARBOUR),
        Said(VELT, "quote", "\u201cThe harbour will be rebuilt,\u201d Velt said.",
             text="The harbour will be rebuilt,"),
        Said(VELT, "statement", "Velt said the port would reopen within a month.",
             text="the port would reopen within a month", cue="say", polarity="asserted"),
    )),
}


def _extraction(article: Article, said: tuple[Said, ...]) -> Extraction:
    text = " ".join(s.sentence for s in said)
    article = Article(**{**article.__dict__, "text": text})
    claims, begin = [], 0
    for s in said:
        end = begin + len(s.sentence)
        evidence = Evidence(article.id, begin, end, s.sentence)
        claims.append(Claim(s.kind, article.id, s.source, evidence, EXTRACTOR[s.kind], figure=s.figure,
                            target=s.target, text=s.text, channel=s.channel, event=s.event,
                            cue=s.cue, polarity=s.polarity))
        begin = end + 1
    actors = tuple({s.source: None for s in said}) + ((COMMAND,) if article.id == A1 else ())
    return Extraction(article, tuple(claims), actors, tuple({s.event: None for s in said if s.event}),
                      tuple(sorted({c.extractor for c in claims})), software=SOFTWARE)


def extractions() -> list[Extraction]:
    return [_extraction(article, said) for article, said in ARTICLES.values()]


def write_library_trig(path: Path) -> Path:
    """The dataset as TriG at ``path``, with its conflict links, as a build writes them."""
    ds = new_dataset()
    for ex in extractions():
        add_extraction(ds, ex)
    claims = ox.Store()
    claims.load(ds.serialize(format="ox-nquads"), format=ox.RdfFormat.N_QUADS)
    link_figures(ds, stored_figure_rows(claims, LinkWords()))
    serialize_dataset(ds, str(path), "trig")
    return path
