"""Queries in worker processes, so that a query past its timeout can be stopped.

Oxigraph cannot interrupt a query: a thread evaluating ``SELECT (COUNT(*) AS
?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }`` runs until it is done, which
may be never. :class:`QueryPool` therefore evaluates each query in one of a
few worker processes that open the same store read-only; when a query runs
past its timeout the worker is killed (``SIGKILL``), the caller gets
:class:`~graph.sparql.run.QueryTimeout`, and a fresh worker takes its place in the
background. The other workers keep serving.

A store in memory (RDF files given to ``serve``) is first copied into a
temporary on-disk store that the workers open, and removed on :meth:`close`.
Results come back pickled (:class:`~graph.sparql.run.QueryResult` holds pyoxigraph
terms, which pickle), cut at the pool's row limit by the worker.

Each worker's memory is capped (``RLIMIT_DATA``, ``memory_mb``): a query that
would need more (an ``ORDER BY`` over a cross product is sorted in memory
before any limit applies) makes its worker abort instead of the machine
swapping; the caller gets :class:`QueryOutOfMemory` and the worker is
replaced.
"""
from __future__ import annotations

import multiprocessing
import queue
import resource
import shutil
import signal
import tempfile
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.sparql.run import QueryError, QueryResult, QueryTimeout, run_query

#: Seconds a new worker may take to start and open the store.
START_TIMEOUT = 60.0
#: Default memory cap of one worker, in MB (the store's caches included; a worker starts in about 100 MB).
WORKER_MEMORY_MB = 1024


class QueryOutOfMemory(QueryError):
    """A query needed more memory than a worker may use; it was stopped and the worker replaced."""


def _worker_main(conn: Connection, path: str, limit: int | None, memory_mb: int | None = None) -> None:
    """A worker process: cap its memory, open the store read-only, then answer queries until the pipe closes."""
    if memory_mb:
        cap = memory_mb * 2**20
        try:
            resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
        except (ValueError, OSError):  # a hard limit below the cap already: keep it
            pass
    try:
        store = ox.Store.read_only(path)
    except (OSError, RuntimeError, ValueError) as exc:
        conn.send(("failed", f"{path}: cannot open the store in a query worker: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            sparql, kwargs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = ("ok", run_query(store, sparql, limit=limit, **kwargs))
        except QueryError as exc:
            answer = ("error", str(exc))
        except Exception as exc:  # any other failure is the query's, not the pool's
            answer = ("error", f"query failed: {type(exc).__name__}: {exc}")
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


class _Worker:
    def __init__(self, process: multiprocessing.process.BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryPool:
    """``workers`` processes that evaluate queries on the store at ``path`` (or on a copy of a memory store).

    :meth:`run` blocks until a worker is free (at most the timeout), then until
    the answer comes (at most what is left of the timeout).
    """

    def __init__(self, source: Path | ox.Store, *, workers: int = 4, limit: int | None = None,
                 memory_mb: int | None = WORKER_MEMORY_MB) -> None:
        self._tmp: str | None = None
        if isinstance(source, ox.Store):
            self._tmp = tempfile.mkdtemp(prefix="newsgraph-serve-")
            path = Path(self._tmp) / "store"
            try:
                copy = ox.Store(str(path))
                copy.bulk_extend(source.quads_for_pattern(None, None, None, None))
                copy.flush()
                del copy
            except (OSError, RuntimeError) as exc:
                shutil.rmtree(self._tmp, ignore_errors=True)
                raise StoreError(f"cannot copy the data for the query workers into {path}: {exc}") from exc
        else:
            path = Path(source)
        self.path = path
        self.limit = limit
        self.memory_mb = memory_mb
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._guard = threading.Lock()
        self._closed = False
        starters = [threading.Thread(target=self._add_worker, kwargs={"raise_errors": True}, daemon=True)
                    for _ in range(workers)]
        self._start_error: BaseException | None = None
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        if self._start_error is not None:
            self.close()
            raise self._start_error

    def _spawn(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(theirs, str(self.path), self.limit, self.memory_mb),
                                        name="newsgraph-query-worker", daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        if not mine.poll(START_TIMEOUT):
            worker.kill()
            raise StoreError(f"{self.path}: a query worker did not start within {START_TIMEOUT:g} s")
        try:
            status, message = mine.recv()
        except (EOFError, OSError):
            worker.kill()
            raise StoreError(f"{self.path}: a query worker died while starting") from None
        if status != "ready":
            worker.kill()
            raise StoreError(message)
        return worker

    def _add_worker(self, raise_errors: bool = False) -> None:
        """Start one worker and make it available (run in a thread)."""
        try:
            worker = self._spawn()
        except BaseException as exc:
            if raise_errors:
                self._start_error = exc
            return
        with self._guard:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        """Kill ``worker`` and start a replacement in the background."""
        with self._guard:
            self._all.discard(worker)
            closed = self._closed
        worker.kill()
        if not closed:
            threading.Thread(target=self._add_worker, name="newsgraph-query-worker-start", daemon=True).start()

    def run(self, sparql: str, *, timeout: float, **kwargs) -> QueryResult:
        """Evaluate ``sparql`` in a worker (``kwargs`` as for :func:`~graph.sparql.run.run_query`).

        Raises :class:`QueryTimeout` when no worker frees up in time or the
        query runs past ``timeout`` seconds (its worker is then killed), and
        :class:`QueryError` for a bad query or a worker that died.
        """
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout("the server is busy with other queries; try again later") from None
        try:
            worker.conn.send((sparql, kwargs))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._retire(worker)
                raise QueryTimeout(f"query timed out after {timeout:g} s and was stopped")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            worker.process.join(timeout=5)
            code = worker.process.exitcode
            self._retire(worker)
            if code == -signal.SIGABRT and self.memory_mb:
                raise QueryOutOfMemory(f"query stopped: it needed more than the {self.memory_mb} MB a query "
                                       f"worker may use") from None
            raise QueryError(f"the query worker stopped unexpectedly (exit status {code}); "
                             "the query was not answered") from None
        self._idle.put(worker)
        if status == "ok":
            return payload
        raise QueryError(payload)

    def close(self) -> None:
        """Stop every worker and remove the temporary copy, if any. Safe to call twice."""
        with self._guard:
            self._closed = True
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
