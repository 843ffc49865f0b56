"""Claim records: the ``claims.jsonl`` export (``shared/eval/FORMAT.md`` fields
plus the attribution (cue, hedge, the source that reported it, channel), the sentence,
offsets, event and IRIs), and reading them back."""
from __future__ import annotations

from typing import Any

from graph.rdf.iris import actor_iri, article_iri, claim_iri, event_iri, evidence_iri
from graph.types import Claim


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def claim_to_record(claim: Claim) -> dict[str, Any]:
    """One claim as a plain, JSON-ready record."""
    source = [claim.source.name, *claim.source.aliases]
    rec: dict[str, Any] = {
        "article": claim.article,
        "kind": claim.kind,
        "source": source if len(source) > 1 else claim.source.name,
        "source_type": claim.source.type,
    }
    if claim.figure is not None:
        f = claim.figure
        rec.update(quantity=f.quantity, low=_number(f.low), high=_number(f.high), approx=f.approx,
                   counted=f.counted, figure_text=f.text, scope=f.scope,
                   victims=f.victims, victim_side=f.victim_side)
    if claim.kind == "criticism":
        rec["target"] = claim.target
    if claim.kind in ("quote", "statement"):
        rec["text"] = claim.text
    if claim.kind == "statement":
        rec["polarity"] = claim.polarity
    rec.update(
        narrator=claim.narrator,
        cue=claim.cue,
        hedged=claim.hedged,
        reported_by=claim.reported_by.name if claim.reported_by else None,
        channel=claim.channel,
        event=claim.event.label if claim.event else None,
        sentence=claim.evidence.sentence,
        begin=claim.evidence.begin,
        end=claim.evidence.end,
        extractor=claim.extractor,
        iri=str(claim_iri(claim)),
        source_iri=str(actor_iri(claim.source)),
        article_iri=str(article_iri(claim.article)),
        evidence_iri=str(evidence_iri(claim)),
        event_iri=str(event_iri(claim.event, claim.article)) if claim.event else None,
    )
    return rec


def records_from_dataset(ds) -> list[dict[str, Any]]:
    """Read the claims of a dataset back as records with the core fields of
    ``claim_to_record`` (article, kind, source name, figure, target, text,
    narrator, sentence, offsets, IRI)."""
    from graph.sparql.library import load_query

    out = []
    for row in ds.query(load_query("_claims")):
        rec: dict[str, Any] = {
            "article": str(row.articleId),
            "kind": str(row.kind),
            "source": str(row.source),
            "begin": int(row.begin),
            "end": int(row.end),
            "sentence": str(row.sentence),
            "narrator": bool(row.narrator.toPython()) if row.narrator is not None else False,
            "iri": str(row.claim),
        }
        if rec["kind"] == "figure":
            rec.update(
                quantity=str(row.quantity),
                low=_number(row.low.toPython()) if row.low is not None else None,
                high=_number(row.high.toPython()) if row.high is not None else None,
                approx=bool(row.approx.toPython()),
                counted=str(row.counted) if row.counted is not None else None,
            )
        if rec["kind"] == "criticism":
            rec["target"] = str(row.target) if row.target is not None else None
        if rec["kind"] in ("quote", "statement"):
            rec["text"] = str(row.text)
        out.append(rec)
    return out
