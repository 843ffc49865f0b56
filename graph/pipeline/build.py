"""The build: articles -> parse -> extraction -> RDF dataset, claims and view.

``run_build`` streams articles through spaCy (``nlp.pipe`` with ``n_process``)
and extraction, adds each article's named graph to the dataset, links
conflicting figures, and writes the outputs atomically.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset
from spacy.language import Language

from graph.errors import InputError, OptionError, OutputError, StoreError
from graph.extract import extract_article
from graph.extract.cues import compile_cues
from graph.files import atomic_write, temporary_output
from graph.names import NameTables, name_tables
from graph.nlp import load_pipeline, parse_articles, pipeline_software
from graph.pipeline.links import (
    LinkWords,
    link_figures,
    relink_store,
    stored_figure_rows,
)
from graph.pipeline.records import claim_to_record
from graph.rdf.aliases import AliasTable, apply_aliases, load_alias_file
from graph.rdf.merging import link_actors
from graph.rdf.triples import (
    add_extraction,
    new_dataset,
    serialize_dataset,
)
from graph.readers.load import load_articles
from graph.rules import load_lexicon, rules_digest, user_rules_path
from graph.store.summary import refresh as refresh_summary
from graph.types import CLAIM_KINDS, Article, Extraction

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
        kinds = ", ".join(f"{k} {self.claims.get(k, 0)}" for k in CLAIM_KINDS)
        return (f"articles read {self.articles}, failed {self.failed}; actors {self.actors}; "
                f"claims {sum(self.claims.values())} ({kinds})")


def extract_stream(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    n_process: int = 1,
    rules: str | None = None,
) -> Iterator[Extraction]:
    """Parse and extract each article; a stream, never the whole corpus at once.

    With ``n_process`` > 1, worker processes parse and extract
    (:mod:`graph.pipeline.parallel`, each loading ``model``); results keep the
    input order. Otherwise ``nlp`` (or ``model``, loaded) parses here.
    """
    if n_process > 1:
        from graph.pipeline.parallel import process_extractions

        yield from process_extractions(articles, n_process, model=model, rules=rules)
        return
    nlp = nlp if nlp is not None else load_pipeline(model)
    cues = compile_cues(load_lexicon(rules))
    software = pipeline_software(nlp, model=model, rules_digest=rules_digest(rules))
    for doc, article in parse_articles(nlp, articles, n_process=n_process):
        yield extract_article(doc, article, cues=cues, software=software)


#: Names of a build's temporaries, with the process id: its work folder, and outputs being written.
_TEMPORARY = re.compile(r"\.newsgraph-build-(\d+)-[a-z0-9_]{8}"
                        r"|\.(?:claims\.jsonl|graph\.(?:trig|nq|ttl|jsonld|html))\.(\d+)\.[a-z0-9_]{8}\.tmp")


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Remove the temporary files and folders of builds that were killed (their process is gone).

    Temporaries carry their process id in their name; those of a live
    process (another build writing to the same folder) are left alone.
    Returns the names removed.
    """
    removed = []
    for entry in folder.iterdir():
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None:
            continue
        pid = int(match.group(1) or match.group(2))
        try:
            os.kill(pid, 0)
            continue  # alive
        except ProcessLookupError:
            pass
        except PermissionError:
            continue  # alive, another user's
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry.name)
    return removed


class GraphSpill:
    """Article graphs kept out of memory: N-Quads text bulk-loaded in batches
    into a temporary on-disk Oxigraph store, so that a large build's memory
    stays flat. The default graph (actors, events) stays in memory."""

    def __init__(self, folder: Path, batch_chars: int = 4_000_000) -> None:
        self.folder = folder
        self.store = ox.Store(str(folder))
        self.buffer: list[str] = []
        self.size = 0
        self.batch_chars = batch_chars

    def write(self, nquads: str) -> None:
        self.buffer.append(nquads)
        self.size += len(nquads)
        if self.size >= self.batch_chars:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            self.store.bulk_load(input="".join(self.buffer), format=ox.RdfFormat.N_QUADS)
            self.buffer, self.size = [], 0

    def dataset(self, default: Dataset) -> Dataset:
        """All graphs in one rdflib Dataset over the on-disk store."""
        self.flush()
        text = default.serialize(format="ox-nquads")
        self.store.bulk_load(input=text if isinstance(text, str) else text.decode("utf-8"), format=ox.RdfFormat.N_QUADS)
        ds = Dataset(store=OxigraphStore(store=self.store))
        for prefix, ns in default.namespaces():
            ds.bind(prefix, ns)
        return ds


class ClaimWriter:
    """``claims.jsonl`` written as the build goes, renamed into place at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        fd, self.tmp = temporary_output(path)
        self.fh = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, records: Iterable[dict]) -> None:
        for rec in records:
            self.fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.tmp.unlink(missing_ok=True)


def run_build(
    inputs: list[str],
    out_dir: str | Path,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    n_process: int = 1,
    rdf_format: str = "trig",
    max_bytes: int = 5_000_000,
    rules: str | None = None,
    html: bool = True,
    store: str | os.PathLike[str] | object | None = None,
    aliases: str | None = None,
    no_merge: Iterable[str] = (),
    on_error: Callable[[InputError | StoreError], None] | None = None,
    on_article: Callable[[Extraction], None] | None = None,
    extractions: Callable[[Iterable[Article]], Iterable[Extraction]] | None = None,
) -> BuildSummary:
    """Build the dataset, ``claims.jsonl`` and ``graph.html`` in ``out_dir``.

    Articles stream through parsing and extraction; each article's graph is
    spilled to a temporary on-disk store and its claims to ``claims.jsonl`` as
    it is built. With ``store`` (a folder), each article is also committed to a
    persistent Oxigraph store, in its own transaction; an ``http(s)://`` URL
    writes to a SPARQL server (:mod:`graph.store.remote`), and an opened store object
    (anything with ``save_article`` and ``close``) is used as it is, and closed.
    An article that cannot be stored is reported like a bad input and the
    build goes on. ``nlp`` is the pipeline ``model`` names, already loaded (by
    :func:`graph.nlp.load_pipeline`), used instead of loading ``model``;
    ``extractions`` replaces the local parse-and-extract step (for example with
    a Dask cluster).
    """
    if rdf_format not in RDF_FORMATS:
        raise OptionError("--format", rdf_format, list(RDF_FORMATS))
    out = _output_folder(out_dir)
    summary = BuildSummary()

    def report(err: InputError | StoreError) -> None:
        summary.failed += 1
        summary.errors.append(str(err))
        if on_error is not None:
            on_error(err)

    lexicon = load_lexicon(rules)
    names = name_tables(lexicon) if user_rules_path(rules) else None  # a user's spellings, demonyms
    table: AliasTable | None = load_alias_file(aliases, names) if aliases else None
    articles = load_articles(inputs, max_bytes=max_bytes, on_error=report)
    stream = extractions(articles) if extractions is not None else \
        extract_stream(articles, model=model, nlp=nlp, n_process=n_process, rules=rules)
    remove_stale_temporaries(out)
    work = Path(tempfile.mkdtemp(prefix=f".newsgraph-build-{os.getpid()}-", dir=out))
    claims_out = ClaimWriter(out / "claims.jsonl")
    persistent = None
    try:
        spill = GraphSpill(work / "graphs")
        if store is not None:
            persistent = _open_persistent(store)
        sink = _ArticleSink(spill, persistent, claims_out, summary, report, LinkWords.of(lexicon),
                            (names, frozenset(no_merge)))
        for ex in stream:
            sink.add(apply_aliases(ex, table, names))
            if on_article is not None:
                on_article(ex)
        summary.actors = len(sink.actors)
        if summary.articles == 0:
            claims_out.discard()
            return summary
        if persistent is not None:
            _relink(persistent, sink, report)
        _write_outputs(out, spill.dataset(sink.default), sink, rdf_format=rdf_format, html=html)
        claims_out.commit()
        summary.outputs.insert(1, str(out / "claims.jsonl"))
    except OSError as exc:
        raise OutputError(f"{exc.filename or out}: cannot write output: {exc.strerror or exc}") from exc
    finally:
        claims_out.discard()
        if persistent is not None:
            persistent.close()
        shutil.rmtree(work, ignore_errors=True)
    return summary


def _output_folder(out_dir: str | Path) -> Path:
    """The output folder, created if needed; an error names it when it cannot be written."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output folder: {exc.strerror}") from exc
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: output folder is not writable")
    return out


class _ArticleSink:
    """Where each extracted article goes during a build: the spilled dataset, the
    persistent store, ``claims.jsonl``, and the counts and figures kept for the end."""

    def __init__(self, spill: GraphSpill, persistent, claims_out: ClaimWriter, summary: BuildSummary,
                 report: Callable[[InputError | StoreError], None], words: LinkWords,
                 merging: tuple[NameTables | None, frozenset[str]]) -> None:
        self.spill, self.persistent, self.claims_out = spill, persistent, claims_out
        self.words = words
        self.summary, self.report = summary, report
        self.default = new_dataset()
        self.actors: set[str] = set()
        #: The name tables of a user's rules (None: the packaged ones) and the merge rules turned off.
        self.merging = merging

    def add(self, ex: Extraction) -> None:
        self.summary.articles += 1
        add_extraction(self.default, ex, article_sink=self.spill.write)
        if self.persistent is not None:
            one = new_dataset()
            add_extraction(one, ex)
            try:
                self.persistent.save_article(ex.article.id, one)
            except StoreError as exc:
                self.report(exc)
        self.claims_out.write(claim_to_record(c) for c in ex.claims)
        for claim in ex.claims:
            self.summary.claims[claim.kind] += 1
        self.actors.update(a.name for a in ex.actors)


def _relink(persistent, sink: _ArticleSink, report: Callable[[InputError | StoreError], None]) -> None:
    """Merge the actors and link the figures over all the store holds (a store object
    without ``update`` or ``replace_links`` keeps only its articles), then have a remote
    store count its sources afresh."""
    try:
        if hasattr(persistent, "update"):
            link_actors(persistent, *sink.merging)
        if hasattr(persistent, "replace_links"):
            relink_store(persistent, sink.words)
    except StoreError as exc:
        report(exc)
    if hasattr(persistent, "refresh_summary"):
        persistent.refresh_summary()


def _write_outputs(out: Path, ds: Dataset, sink: _ArticleSink, *, rdf_format: str, html: bool) -> None:
    """Link what spans articles (surnames, conflicting figures, updates), count, and write the
    RDF file and the page, each atomically."""
    link_actors(sink.spill.store, *sink.merging)
    link_figures(ds, stored_figure_rows(sink.spill.store, sink.words))
    refresh_summary(sink.spill.store)
    name = RDF_FORMATS[rdf_format]
    atomic_write(out / name, lambda p: serialize_dataset(ds, str(p), rdf_format))
    sink.summary.outputs.append(str(out / name))
    if html:
        from graph.analysis.network import dataset_to_networkx
        from graph.view.page import render_html

        page = render_html(dataset_to_networkx(ds), title="newsgraph: who said what")
        atomic_write(out / "graph.html", lambda p: p.write_text(page, encoding="utf-8"))
        sink.summary.outputs.append(str(out / "graph.html"))


def _open_persistent(store):
    """The store a build writes to: a folder, a SPARQL server's URL, or a store object."""
    if not isinstance(store, (str, os.PathLike)):
        return store
    from graph.store.remote import is_remote, open_remote

    if is_remote(store):
        return open_remote(str(store))
    from graph.store.local import open_store

    return open_store(store)


def progress_enabled(stream=sys.stderr) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()
