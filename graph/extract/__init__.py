"""Extraction: from a parsed article to plain records (claims, actors, events).

``extract_article(doc, article)`` is the one entry point. It reads the article once
(:class:`~graph.extract.mentions.Context`: sentences, chrome, quotations and the
mentions resolved to actors), attributes each quotation to its speaker, finds the
attribution frames (:mod:`~graph.extract.frames`: who speaks each span), then runs the
claim extractors registered in :data:`EXTRACTORS` in the order the lexicon's
``extractors`` list gives, gives each claim its frame (cue, channel, hedge, the source
that reported it) and files each claim under its event. No spaCy object
leaves this package.

May import: spaCy, ``graph.rules``, ``graph.names``, ``graph.types``, ``graph.errors``.
Nothing in rdf, store, sparql, analysis or view.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Doc

from graph.errors import InputError
from graph.extract import (
    criticism,
    events,
    figures,
    frames,
    incidents,
    quotes,
    sourcelines,
    statements,
)
from graph.extract.cues import Cues, compile_cues
from graph.extract.mentions import Context
from graph.types import Actor, Article, Claim, Extraction, Software

#: The claim extractors by name: each reads a :class:`Context` and yields claims.
EXTRACTORS: dict[str, Callable[[Context], Iterable[Claim]]] = {
    quotes.EXTRACTOR: quotes.extract_quotes,
    figures.EXTRACTOR: figures.extract_figures,
    criticism.EXTRACTOR: criticism.extract_criticism,
    statements.EXTRACTOR: statements.extract_statements,
}


def extractor_order(cues: Cues) -> tuple[str, ...]:
    """The claim extractors to run, in the lexicon's order; an unknown name is an error.

    >>> extractor_order(compile_cues())
    ('quotes.v1', 'figures.v1', 'criticism.v1', 'statements.v1')
    """
    unknown = [n for n in cues.extractors if n not in EXTRACTORS]
    if unknown:
        raise InputError("rules", f"unknown extractor {unknown[0]!r} in 'extractors' (known: {', '.join(EXTRACTORS)})")
    return cues.extractors


def extract_article(doc: Doc, article: Article, *, software: Software, cues: Cues | None = None) -> Extraction:
    """Every claim, actor and event of one parsed article, stamped with the ``software`` that ran."""
    ctx = Context(doc, article, cues or compile_cues())
    quotes.attribute_quotes(ctx)
    ctx.frames = frames.find_frames(ctx)
    order = extractor_order(ctx.cues)
    found = [claim for name in order for claim in EXTRACTORS[name](ctx)]
    found = frames.apply_frames(ctx, found)
    found = sourcelines.apply_source_lines(ctx, found, statements=statements.EXTRACTOR in order)
    found = [c for c in found if c.source != figures.NO_OUTLET]  # the outlet is unknown and no one else said it
    by_sentence = events.events_by_sentence(ctx)
    article_events = list(by_sentence.values())
    filed = incidents.Incidents(ctx, by_sentence, events.main_event(ctx, article_events))
    claims = _file_claims(ctx, found, filed)
    used = {a.name for c in claims for a in (c.source, c.reported_by) if a is not None}
    actors = tuple(a for a in ctx.all_actors() if a.name in used or a.type in {"person", "organization", "outlet", "group", "channel"})
    return Extraction(
        article=article,
        claims=tuple(claims),
        actors=actors,
        events=tuple(dict.fromkeys(c.event for c in claims if c.event is not None)),
        extractors=(*order, events.EXTRACTOR),
        software=software,
    )


def _file_claims(ctx: Context, found: list[Claim], filed: incidents.Incidents) -> list[Claim]:
    """Each claim with its incident (:mod:`~graph.extract.incidents`) and its source as
    finally resolved: aliases and roles may have grown after the claim was made."""
    roles = ctx.resolve_roles()
    by_name: dict[str, str] = {}  # every name and alias -> actor key, first record wins
    for k, r in ctx.actors.items():
        for name in (r.name, *sorted(r.aliases)):
            by_name.setdefault(name, k)
    claims: list[Claim] = []
    for claim in found:
        span = ctx.doc.char_span(claim.evidence.begin, claim.evidence.end, alignment_mode="expand")
        event = filed.of_sentence(ctx.sentence_of(span[0]) if span is not None else None)
        claims.append(replace(claim, event=event, source=_final(ctx, claim.source, roles, by_name),
                              reported_by=_final(ctx, claim.reported_by, roles, by_name)))
    claims.sort(key=lambda c: (c.evidence.begin, c.kind))
    return claims


def _final(ctx: Context, actor: Actor | None, roles: dict[str, str], by_name: dict[str, str]) -> Actor | None:
    """An actor as the registry finally knows it (its role resolved to the person)."""
    if actor is None:
        return None
    key = roles.get(by_name.get(actor.name), by_name.get(actor.name))
    return ctx.actors[key].freeze() if key else actor
