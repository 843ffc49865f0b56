"""Extraction: from a parsed article to plain records (claims, actors, events).

``extract_article(doc, article)`` is the one entry point; the extractors are
pure functions over a per-article :class:`~graph.extract.common.Context` and
never mutate the Doc. No spaCy object leaves this package.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from graph.extract import criticism, events, figures, quotes
from graph.extract.common import Context, Cues, compile_cues
from graph.types import Article, Claim, Extraction, Software

EXTRACTORS = (quotes.EXTRACTOR, figures.EXTRACTOR, criticism.EXTRACTOR, events.EXTRACTOR)


def extract_article(doc: Doc, article: Article, *, software: Software, cues: Cues | None = None) -> Extraction:
    """Every claim, actor and event of one parsed article, stamped with the ``software`` that ran."""
    ctx = Context(doc, article, cues or compile_cues())
    quotes.find_quotes(ctx)
    ctx.resolve_mentions()
    quotes.attribute_quotes(ctx)
    found = list(quotes.extract_quotes(ctx))
    found += list(figures.extract_figures(ctx))
    found += list(criticism.extract_criticism(ctx))
    by_sentence = events.events_by_sentence(ctx)
    article_events = list(by_sentence.values())
    main = events.main_event(ctx, article_events)
    roles = ctx.resolve_roles()
    by_name: dict[str, str] = {}  # every name and alias -> actor key, first record wins
    for k, r in ctx.actors.items():
        for name in (r.name, *sorted(r.aliases)):
            by_name.setdefault(name, k)
    claims: list[Claim] = []
    for claim in found:
        span = doc.char_span(claim.evidence.begin, claim.evidence.end, alignment_mode="expand")
        sent_event = by_sentence.get(ctx.sentence_of(span[0])) if span is not None else None
        specific = sent_event is not None and sent_event.place and not events.is_country(ctx, sent_event.place)
        event = sent_event if specific else main
        # refresh the source: aliases and roles may have grown after the claim was made
        key = roles.get(by_name.get(claim.source.name), by_name.get(claim.source.name))
        source = ctx.actors[key].freeze() if key else claim.source
        claims.append(replace(claim, event=event, source=source))
    claims.sort(key=lambda c: (c.evidence.begin, c.kind))
    used = {c.source.name for c in claims}
    actors = tuple(a for a in ctx.all_actors() if a.name in used or a.type in {"person", "organization", "outlet", "group", "channel"})
    return Extraction(
        article=article,
        claims=tuple(claims),
        actors=actors,
        events=tuple(dict.fromkeys(e for e in article_events if e == main or e.place)),
        extractors=EXTRACTORS,
        software=software,
    )
