"""Extraction on a Dask cluster: the parse-and-extract step of a build, farmed out.

``dask_extractions(articles, address)`` is a drop-in for the local step of
:func:`graph.pipeline.build.run_build` (``run_build(..., extractions=partial(dask_extractions,
address=...))``): articles go to the workers in batches, each worker parses and
extracts them with its own copy of the spaCy pipeline (loaded once per worker
process), and the :class:`~graph.types.Extraction` records come back **in input
order**, so the store is built exactly as a local build would build it.

Only a bounded number of batches is in flight at a time, so neither the client
nor the cluster ever holds the whole corpus. The cue lexicon (with ``--rules``)
is compiled on the client and sent to the workers once, so a rules file need not
exist on the workers; the spaCy model and newsgraph itself must be installed
there.

``address`` is a scheduler address (``tcp://host:8786``) or ``local:N``, which
starts a :class:`~distributed.LocalCluster` of N single-threaded worker processes
for the duration of the build.
"""
from __future__ import annotations

import gc
import logging
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from graph.errors import ClusterError, NewsgraphError
from graph.extract import extract_article
from graph.extract.cues import Cues, compile_cues
from graph.nlp import load_pipeline, model_name, parse_articles, pipeline_software
from graph.pipeline.parallel import in_input_order
from graph.rules import load_lexicon, rules_digest
from graph.types import Article, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

#: Articles per task: large enough to amortize scheduling, small enough to keep
#: the order-preserving queue short.
DEFAULT_BATCH_SIZE = 16
#: Seconds to wait for the scheduler (and for a first worker) before giving up.
DEFAULT_TIMEOUT = 10.0

_LOCAL = re.compile(r"local:(\d+)")
_PIPELINES: dict[str, Language] = {}
_PIPELINES_LOCK = threading.Lock()


def local_workers(address: str) -> int | None:
    """N for a ``local:N`` address, ``None`` for a scheduler address.

    Raises :class:`ClusterError` for ``local:`` with anything but a positive integer.
    """
    if not address.startswith("local"):
        return None
    match = _LOCAL.fullmatch(address)
    if match is None or int(match.group(1)) < 1:
        raise ClusterError(f"--dask: {address!r} is not a scheduler address; "
                           f"use local:N (N worker processes, N >= 1) or tcp://HOST:PORT")
    return int(match.group(1))


def worker_pipeline(model: str) -> Language:
    """The spaCy pipeline of this worker process, loaded on first use and kept."""
    with _PIPELINES_LOCK:
        if model not in _PIPELINES:
            _PIPELINES[model] = load_pipeline(model)
        return _PIPELINES[model]


def extract_batch(articles: list[Article], model: str, cues: Cues,
                  rules_digest: str | None = None) -> list[Extraction]:
    """The task run on a worker: parse and extract a batch of articles, in order."""
    nlp = worker_pipeline(model)
    software = pipeline_software(nlp, model=model, rules_digest=rules_digest)
    return [extract_article(doc, article, cues=cues, software=software)
            for doc, article in parse_articles(nlp, articles)]


def _connect(address: str, timeout: float):
    """``(client, cluster)``; ``cluster`` is the LocalCluster we started, else ``None``."""
    from distributed import Client, LocalCluster

    n = local_workers(address)
    cluster = client = None
    try:
        if n is not None:
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster, set_as_default=False)
        else:
            client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        problem = str(exc)
    if client is None:
        if cluster is not None:
            cluster.close()
        # the half-made Client sits in a traceback cycle; collect it now, while
        # its event loop runs, rather than at exit (where closing it times out)
        gc.collect()
        raise ClusterError(f"cannot reach the Dask scheduler at {address!r}: {problem}")
    try:
        if not client.nthreads():
            client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        client.close()
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"the Dask scheduler at {address!r} has no workers "
                           f"(none joined within {timeout:g} s)") from exc
    return client, cluster


def dask_extractions(
    articles: Iterable[Article],
    address: str,
    *,
    model: str | None = None,
    rules: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_in_flight: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[Extraction]:
    """Parse and extract ``articles`` on a Dask cluster; yield in input order.

    At most ``max_in_flight`` batches (default: twice the cluster's worker
    threads) are submitted and not yet consumed at any time. Closing the
    generator early cancels what is in flight and closes the client (and the
    cluster, for ``local:N``). Errors of the cluster (unreachable scheduler,
    no workers, a worker killed) raise :class:`ClusterError`; errors raised by
    the extraction itself (e.g. a model missing on the workers) are re-raised
    as they are.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, not {batch_size}")
    local_workers(address)  # a bad local:N fails before anything starts
    name = model_name(model)
    cues = compile_cues(load_lexicon(rules))
    digest = rules_digest(rules)
    client, cluster = _connect(address, timeout)
    pending: deque = deque()
    try:
        limit = max_in_flight or 2 * max(1, sum(client.nthreads().values()))
        [shared_cues] = client.scatter([cues], broadcast=True, hash=False)
        yield from in_input_order(
            articles, batch_size=batch_size, max_in_flight=limit, pending=pending,
            submit=lambda batch: client.submit(extract_batch, batch, name, shared_cues, digest, pure=False),
            result=lambda future: _result(future, address))
    finally:
        if pending:
            client.cancel(list(pending))
        client.close()
        if cluster is not None:
            cluster.close()


def _result(future, address: str) -> list[Extraction]:
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    try:
        return future.result()
    except NewsgraphError:
        raise
    except KilledWorker as exc:
        raise ClusterError(f"a Dask worker died while extracting a batch ({exc}); "
                           f"check the workers' memory and logs") from exc
    except CancelledError as exc:
        raise ClusterError(f"the Dask scheduler at {address!r} cancelled a batch "
                           f"(was it restarted or shut down?)") from exc
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"lost the Dask scheduler at {address!r}: {exc}") from exc
