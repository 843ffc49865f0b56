"""The persistent store: an on-disk Oxigraph store that builds add to, article by article.

``newsgraph build --store PATH`` calls :meth:`Store.save_article` once per
article. Each call is one SPARQL Update, which Oxigraph applies as one
transaction: the article's named graph is dropped and its new quads inserted,
or nothing happens at all. So a build that fails midway loses nothing already
stored, and re-adding an unchanged article changes nothing (it is not even
written).

The default graph (actors, events, extractors) only grows. For a subject that
is already stored, the first label, actor type, class and event details win and
a new spelling of an actor's name becomes a ``skos:altLabel``, the same rule as
:func:`graph.rdf.add_extraction` inside one build.

``query`` and ``serve`` open stores read-only (:func:`open_store` with
``read_only=True``); a reader holds a shared lock on the store's ``LOCK`` file
for as long as it is open, so that a build cannot write under it, and a build
in progress makes readers fail with a clear error rather than read half a
write. Data files (TriG, N-Quads, Turtle...) are loaded into an in-memory store
with :func:`load_files`.

The same transaction that replaces an article's graph moves the per-source
counts of the summary graph (:mod:`graph.store.summary`) from the article's old
claims to its new ones; files are counted afresh when loaded.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Dataset

from graph.errors import StoreError
from graph.rdf.vocab import FIGURE_LINKS, FIRST_VALUE_WINS, NG
from graph.store.summary import delta_update, needs_refresh, refresh, source_counts

_RDF_TYPE = ox.NamedNode(RDF.type)
_RDFS_LABEL = ox.NamedNode(RDFS.label)
_SKOS_ALT = ox.NamedNode(SKOS.altLabel)
_NG_ACTOR = ox.NamedNode(NG.Actor)
_FIRST_WINS = frozenset(ox.NamedNode(p) for p in FIRST_VALUE_WINS)
_DEFAULT = ox.DefaultGraph()
_LINK_VALUES = frozenset(str(p) for p in FIGURE_LINKS)

#: File extension -> RDF format of the files ``query`` and ``serve`` accept.
FILE_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
#: What a build output folder may hold, in order of preference.
BUILD_OUTPUTS = ("graph.trig", "graph.nq", "graph.jsonld", "graph.ttl")


class Store:
    """An Oxigraph store (on disk or in memory) with newsgraph's write rule.

    ``store.ox`` is the :class:`pyoxigraph.Store` itself, for queries.
    """

    def __init__(
        self,
        inner: ox.Store,
        *,
        path: Path | None = None,
        read_only: bool = False,
        lock_fd: int | None = None,
    ) -> None:
        self._inner: ox.Store | None = inner
        self.path = path
        self.read_only = read_only
        self._lock_fd = lock_fd

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"<Store {where}{' read-only' if self.read_only else ''}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def ox(self) -> ox.Store:
        if self._inner is None:
            raise StoreError(f"{self.path or 'store'}: store is closed")
        return self._inner

    def __len__(self) -> int:
        return len(self.ox)

    def quads(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one graph."""
        return iter(self.ox.quads_for_pattern(None, None, None, graph))

    def named_graphs(self) -> list[ox.NamedNode]:
        return sorted(self.ox.named_graphs(), key=str)

    def save_article(self, article_id: str, ds: Dataset) -> str:
        """Replace the named graph(s) of ``ds`` and add its default-graph facts, in one transaction.

        ``ds`` is one article's small dataset (its named graph plus the
        default-graph facts about its actors and events). The graph
        ``graph_iri(article_id)`` is replaced even when ``ds`` lacks it. Returns
        ``"added"``, ``"replaced"`` or ``"unchanged"`` (nothing written). Blank
        nodes are not supported (the mapping makes none): they would be new
        nodes at every save.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")
        named, default = article_quads(article_id, ds)
        store = self.ox
        try:
            default = merge_default(default, stored_label=self._stored_label)
            existed = any(store.contains_named_graph(g) for g in named)
            stored = {g: set(self.quads(g)) for g in named}
            if all(stored[g] == qs for g, qs in named.items()) and all(q in store for q in default):
                return "unchanged"
            update = _replace_update(named, default)
            counts = delta_update(source_counts(q for qs in stored.values() for q in qs),
                                  source_counts(q for qs in named.values() for q in qs))
            store.update(update if counts is None else f"{update} ;\n{counts}")
        except (OSError, RuntimeError) as exc:
            raise _io_error(self.path, f"cannot save article {article_id!r}", exc) from exc
        return "replaced" if existed else "added"

    def query(self, sparql: str, **kwargs):
        """:meth:`pyoxigraph.Store.query` on the store."""
        return self.ox.query(sparql, **kwargs)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (one transaction): what the corpus-wide merges of actors
        (:func:`graph.rdf.merging.link_actors`) write."""
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")
        try:
            self.ox.update(sparql)
        except (OSError, RuntimeError) as exc:
            raise _io_error(self.path, "cannot merge actors", exc) from exc

    def replace_links(self, links: Dataset) -> None:
        """Replace the corpus-wide links of figures and events (:data:`FIGURE_LINKS` and the
        merge records of incidents) with the default graph of ``links``, in one transaction."""
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")
        _, quads = article_quads("links", links)
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        try:
            self.ox.update(f"{DROP_LINKS} ;\nINSERT DATA {{\n{body}\n}}")
        except (OSError, RuntimeError) as exc:
            raise _io_error(self.path, "cannot replace the links of figures", exc) from exc

    def _stored_label(self, subject: ox.NamedNode | ox.BlankNode) -> ox.Literal | None:
        for q in self.ox.quads_for_pattern(subject, _RDFS_LABEL, None, _DEFAULT):
            return q.object
        return None

    def close(self) -> None:
        """Release the store (and the reader's lock). Safe to call twice."""
        inner, self._inner = self._inner, None
        try:
            if inner is not None and not self.read_only and self.path is not None:
                inner.flush()
        except (OSError, RuntimeError) as exc:
            raise _io_error(self.path, "cannot write the store to disk", exc) from exc
        finally:
            del inner
            if self._lock_fd is not None:
                os.close(self._lock_fd)  # closing the descriptor drops the shared lock
                self._lock_fd = None


#: Deletes the corpus-wide links of figures and events from the default graph.
DROP_LINKS = (
    "DELETE { ?s ?p ?o } WHERE { VALUES ?p { " + " ".join(f"<{p}>" for p in FIGURE_LINKS) + " } ?s ?p ?o } ;\n"
    f"DELETE {{ ?m ?p ?o }} WHERE {{ ?m a <{NG.Merge}> ; <{NG.mergedFrom}> ?e . ?e a <{NG.Event}> . ?m ?p ?o }}"
)


def link_quads(default: Iterable[ox.Quad]) -> set[ox.Quad]:
    """Of default-graph quads, the links of figures and events and the merge records of
    incidents: what :data:`DROP_LINKS` deletes."""
    default = list(default)
    events = {q.subject for q in default if q.predicate == _RDF_TYPE and q.object.value == str(NG.Event)}
    records = {q.subject for q in default if q.predicate.value == str(NG.mergedFrom) and q.object in events}
    return {q for q in default if q.predicate.value in _LINK_VALUES or q.subject in records}


def article_quads(article_id: str, ds: Dataset) -> tuple[dict[ox.NamedNode, set[ox.Quad]], list[ox.Quad]]:
    """``ds`` as pyoxigraph quads: ``({graph: quads}, default-graph quads)``.

    The article's own graph ``graph_iri(article_id)`` is always a key, empty
    when ``ds`` lacks it, so that saving replaces it all the same.
    """
    from graph.rdf.iris import (
        graph_iri,  # only builds write; keep spaCy out of query start-up
    )

    try:
        quads = list(ox.parse(ds.serialize(format="ox-nquads"), format=ox.RdfFormat.N_QUADS))
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"article {article_id!r}: cannot convert to N-Quads: {exc}") from exc
    named: dict[ox.NamedNode, set[ox.Quad]] = {ox.NamedNode(str(graph_iri(article_id))): set()}
    default: list[ox.Quad] = []
    for q in quads:
        if isinstance(q.graph_name, ox.DefaultGraph):
            default.append(q)
        else:
            named.setdefault(q.graph_name, set()).add(q)
    return named, default


def merge_default(quads: Iterable[ox.Quad], *, stored_label) -> list[ox.Quad]:
    """The default-graph quads to add, given ``stored_label(subject)`` (the label already stored, or None).

    The rule of :data:`graph.rdf.vocab.FIRST_VALUE_WINS` (the one a build's batch
    follows too): for an already labelled subject the first label, specific class
    and first values win; a new label of an actor becomes a ``skos:altLabel``.
    Everything else (aliases, roles, sides...) is added.
    """
    quads = list(quads)
    actors = {q.subject for q in quads if q.predicate == _RDF_TYPE and q.object == _NG_ACTOR}
    labels = {s: stored_label(s) for s in {q.subject for q in quads}}
    out: list[ox.Quad] = []
    for q in quads:
        old = labels[q.subject]
        if old is None:
            out.append(q)
        elif q.predicate == _RDFS_LABEL:
            if q.object != old and q.subject in actors:
                out.append(ox.Quad(q.subject, _SKOS_ALT, q.object, _DEFAULT))
        elif q.predicate == _SKOS_ALT and q.object == old:
            continue
        elif q.predicate in _FIRST_WINS or (q.predicate == _RDF_TYPE and q.object != _NG_ACTOR):
            continue
        else:
            out.append(q)
    return list(dict.fromkeys(out))


def _replace_update(named: dict[ox.NamedNode, set[ox.Quad]], default: list[ox.Quad]) -> str:
    """``DROP`` the graphs and ``INSERT DATA`` the quads: one SPARQL Update, one transaction.

    Terms are written with pyoxigraph's own N-Triples form (``str(term)``),
    which is valid SPARQL: nothing is pasted from user input.
    """
    parts = [f"DROP SILENT GRAPH {g} ;" for g in sorted(named, key=str)]
    body = [f"{q.subject} {q.predicate} {q.object} ." for q in default]
    for g in sorted(named, key=str):
        triples = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in named[g])
        body.append(f"GRAPH {g} {{\n{triples}\n}}")
    parts.append("INSERT DATA {\n" + "\n".join(body) + "\n}")
    return "\n".join(parts)


# --- opening -------------------------------------------------------------------


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> Store:
    """Open (or, unless ``read_only``, create) the on-disk store in folder ``path``.

    Raises :class:`~graph.errors.StoreError` with a message a user can act on
    when ``path`` is a file or a folder of something else, or when the store
    is in use by another process, corrupt, or of an incompatible version.
    """
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise StoreError(f"{p}: is a file, not a store folder")
    is_store = (p / "CURRENT").is_file()
    if not is_store and _locked(p):
        # another process is creating a store here: RocksDB holds LOCK before CURRENT exists
        raise StoreError(f"{p}: store is in use by another process (a build?); wait for it to finish")
    if read_only and not is_store:
        raise StoreError(f"{p}: no store here (build one with 'newsgraph build ... --store {p}')")
    if not is_store and p.is_dir() and any(p.iterdir()):
        if _locked(p) or (p / "CURRENT").is_file():  # a build began creating it since the first look
            raise StoreError(f"{p}: store is in use by another process (a build?); wait for it to finish")
        raise StoreError(f"{p}: folder is not empty and holds no Oxigraph store; "
                         "give a new or empty folder")
    if not read_only:
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{p}: cannot create the store folder: {exc.strerror or exc}") from exc
    lock_fd = _reader_lock(p) if read_only else None
    try:
        inner = ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))
    except (OSError, RuntimeError, ValueError) as exc:
        if lock_fd is not None:
            os.close(lock_fd)
        raise _open_error(p, exc) from exc
    if not read_only:
        try:
            if needs_refresh(inner):  # written before the summary graph existed: count it once
                refresh(inner)
        except (OSError, RuntimeError) as exc:
            raise _io_error(p, "cannot count the sources of the summary graph", exc) from exc
    return Store(inner, path=p, read_only=read_only, lock_fd=lock_fd)


def _reader_lock(path: Path) -> int | None:
    """Take a shared lock on ``LOCK``: fails while a writer (a build) holds it,
    and keeps a writer from opening the store while this reader is open."""
    try:
        fd = os.open(path / "LOCK", os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise StoreError(f"{path}: store is in use by another process (a running build?); "
                         "wait for it to finish") from None
    return fd


def _locked(path: Path) -> bool:
    """True when another process holds the lock on the store folder ``path`` (its ``LOCK`` file)."""
    try:
        fd = _reader_lock(path)
    except StoreError:
        return True
    if fd is not None:
        os.close(fd)  # also drops the lock just taken
    return False


def _io_error(path: Path | None, doing: str, exc: BaseException) -> StoreError:
    """A store error found while reading or writing: corruption gets the same advice as at opening."""
    low = str(exc).lower()
    if "corrupt" in low or "checksum" in low:
        return StoreError(f"{path or 'store'}: store is corrupt ({doing}); remove it and rebuild it from the "
                          f"articles ({exc})")
    return StoreError(f"{path or 'store'}: {doing}: {exc}")


def _open_error(path: Path, exc: BaseException) -> StoreError:
    text = str(exc)
    low = text.lower()
    if "lock" in low or "resource temporarily unavailable" in low:
        return StoreError(f"{path}: store is in use by another process (a build, query or server?); "
                          f"stop it and try again ({text})")
    if "version" in low:
        return StoreError(f"{path}: store was written by an incompatible version of Oxigraph "
                          f"(this newsgraph uses pyoxigraph {ox.__version__}); rebuild it: {text}")
    if "corrupt" in low or "checksum" in low or "manifest" in low:
        return StoreError(f"{path}: store is corrupt; remove it and rebuild it from the articles ({text})")
    if "permission denied" in low:
        return StoreError(f"{path}: permission denied ({text})")
    return StoreError(f"{path}: cannot open store: {text}")


def load_files(paths: Sequence[str | os.PathLike[str]]) -> Store:
    """An in-memory store holding the RDF files ``paths`` (format from the extension)."""
    inner = ox.Store()
    for path in paths:
        p = Path(path)
        fmt = FILE_FORMATS.get(p.suffix.lower())
        if not p.exists():
            raise StoreError(f"{p}: no such file or folder")
        if fmt is None:
            raise StoreError(f"{p}: unknown RDF file extension; use one of {', '.join(FILE_FORMATS)}")
        try:
            inner.bulk_load(path=str(p), format=fmt)
        except FileNotFoundError:
            raise StoreError(f"{p}: no such file") from None
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"{p}: cannot load: {exc}") from exc
    refresh(inner)  # the files may be several builds' outputs: their summaries would not add up
    return Store(inner, read_only=True)


def open_data(paths: Sequence[str | os.PathLike[str]]) -> Store:
    """What ``query`` and ``serve`` read: one store folder (read-only), a build
    output folder (its ``graph.trig``), or RDF files (loaded in memory)."""
    if not paths:
        raise StoreError("give a store folder or RDF files")
    first = Path(paths[0])
    if len(paths) == 1 and first.is_dir():
        if (first / "CURRENT").is_file():
            return open_store(first, read_only=True)
        for name in BUILD_OUTPUTS:
            if (first / name).is_file():
                return load_files([first / name])
        raise StoreError(f"{first}: neither a store folder nor a build output folder")
    for p in map(Path, paths):
        if p.is_dir():
            raise StoreError(f"{p}: a folder must be given alone (a store or a build output folder)")
    return load_files(paths)
