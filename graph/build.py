"""The build: articles -> parse -> extraction -> RDF dataset, claims and view.

``run_build`` streams articles through spaCy (``nlp.pipe`` with ``n_process``)
and extraction, adds each article's named graph to the dataset, links
conflicting figures, and writes the outputs atomically.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.claims import claim_to_record
from graph.errors import InputError, OptionError, OutputError
from graph.extract import extract_article
from graph.extract.common import compile_cues
from graph.nlp import load_pipeline, parse_articles
from graph.merge import AliasTable, apply_aliases, load_alias_file
from graph.rdf import add_extraction, claim_iri, event_iri, link_surnames, new_dataset, serialize_dataset
from graph.readers import load_articles
from graph.rules import load_lexicon
from graph.types import Article, Claim, Extraction
from graph.vocab import NG

#: ``--format`` value -> output file name
RDF_FORMATS = {"trig": "graph.trig", "nq": "graph.nq", "ttl": "graph.ttl", "jsonld": "graph.jsonld"}


@dataclass
class BuildSummary:
    """What a build did: counts for the end-of-run summary."""

    articles: int = 0
    failed: int = 0
    actors: int = 0
    claims: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)

    def format(self) -> str:
        kinds = ", ".join(f"{k} {self.claims.get(k, 0)}" for k in ("figure", "criticism", "quote"))
        return (f"articles read {self.articles}, failed {self.failed}; actors {self.actors}; "
                f"claims {sum(self.claims.values())} ({kinds})")


def extract_stream(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    n_process: int = 1,
    rules: str | None = None,
) -> Iterator[Extraction]:
    """Parse and extract each article; a stream, never the whole corpus at once."""
    nlp = load_pipeline(model)
    cues = compile_cues(load_lexicon(rules))
    for doc, article in parse_articles(nlp, articles, n_process=n_process):
        yield extract_article(doc, article, cues=cues)


def link_conflicts(ds: Dataset, figures: list[tuple]) -> int:
    """Link figure claims about the same event and kind from different sources
    whose intervals do not overlap (``ng:conflictsWith``, default graph)."""
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    by_key: dict[tuple, list[tuple]] = {}
    for iri, event, kind, source, low, high in figures:
        if event is None:
            continue
        by_key.setdefault((event, kind), []).append((iri, source, low, high))
    n = 0
    for items in by_key.values():
        for i, (a, sa, la, ha) in enumerate(items):
            for b, sb, lb, hb in items[i + 1:]:
                if sa == sb:
                    continue
                lo_a, hi_a = la if la is not None else 0, ha if ha is not None else float("inf")
                lo_b, hi_b = lb if lb is not None else 0, hb if hb is not None else float("inf")
                if hi_a < lo_b or hi_b < lo_a:
                    default.add((a, NG.conflictsWith, b))
                    default.add((b, NG.conflictsWith, a))
                    n += 1
    return n


def _figure_row(claim: Claim) -> tuple:
    f = claim.figure
    assert f is not None
    event = event_iri(claim.event, claim.article) if claim.event and claim.event.place else None
    return (claim_iri(claim), event, f.quantity, claim.source.name, f.low, f.high)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.replace(tmp_path, path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def run_build(
    inputs: list[str],
    out_dir: str | Path,
    *,
    model: str | None = None,
    n_process: int = 1,
    rdf_format: str = "trig",
    max_bytes: int = 5_000_000,
    rules: str | None = None,
    html: bool = True,
    store: str | None = None,
    aliases: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_article: Callable[[Extraction], None] | None = None,
) -> BuildSummary:
    """Build the dataset, ``claims.jsonl`` and ``graph.html`` in ``out_dir``.

    With ``store`` (a folder), each article is also committed to a persistent
    Oxigraph store as soon as it is built, in its own transaction.
    """
    if rdf_format not in RDF_FORMATS:
        raise OptionError("--format", rdf_format, list(RDF_FORMATS))
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder: {exc.strerror}") from exc
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: output folder is not writable")
    summary = BuildSummary()

    def report(err: InputError) -> None:
        summary.failed += 1
        summary.errors.append(str(err))
        if on_error is not None:
            on_error(err)

    table: AliasTable | None = load_alias_file(aliases) if aliases else None
    ds = new_dataset()
    records: list[dict] = []
    figures: list[tuple] = []
    actors: set[str] = set()
    articles = load_articles(inputs, max_bytes=max_bytes, on_error=report)
    persistent = None
    if store is not None:
        from graph.store import open_store

        persistent = open_store(store)
    try:
        for ex in extract_stream(articles, model=model, n_process=n_process, rules=rules):
            ex = apply_aliases(ex, table)
            summary.articles += 1
            add_extraction(ds, ex)
            if persistent is not None:
                one = new_dataset()
                add_extraction(one, ex)
                persistent.save_article(ex.article.id, one)
            for claim in ex.claims:
                summary.claims[claim.kind] += 1
                records.append(claim_to_record(claim))
                if claim.figure is not None:
                    figures.append(_figure_row(claim))
            actors.update(a.name for a in ex.actors)
            if on_article is not None:
                on_article(ex)
    finally:
        if persistent is not None:
            persistent.close()
    summary.actors = len(actors)
    link_surnames(ds)
    link_conflicts(ds, figures)

    if summary.articles == 0:
        return summary
    name = RDF_FORMATS[rdf_format]
    try:
        atomic_write(out / name, lambda p: serialize_dataset(ds, str(p), rdf_format))
        atomic_write(out / "claims.jsonl", lambda p: _write_jsonl(p, records))
        summary.outputs += [str(out / name), str(out / "claims.jsonl")]
        if html:
            from graph.network import dataset_to_networkx
            from graph.render import render_html

            page = render_html(dataset_to_networkx(ds), title="newsgraph: who said what")
            atomic_write(out / "graph.html", lambda p: p.write_text(page, encoding="utf-8"))
            summary.outputs.append(str(out / "graph.html"))
    except OSError as exc:
        raise OutputError(f"{exc.filename or out}: cannot write output: {exc.strerror or exc}") from exc
    return summary


def _write_jsonl(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def progress_enabled(stream=sys.stderr) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()
