"""Parse and extract in worker processes: ``build --processes N``.

spaCy's own ``nlp.pipe(n_process=N)`` parses in child processes but sends
every ``Doc`` back to the parent, which deserializes it and then runs the
extractors alone; on two cores that gave 1.57x the speed of one process. Here
each of N worker processes loads the pipeline once, parses *and* extracts a
batch of articles, and sends back only the small
:class:`~graph.types.Extraction` records. The parent reads articles, maps the
records to RDF and writes the outputs.

Results come back **in input order**, and only a bounded number of batches is
in flight, so neither the parent nor the queue ever holds the corpus (the same
scheme as :mod:`graph.pipeline.distributed`, through :func:`in_input_order`).
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from graph.extract import extract_article
from graph.extract.cues import Cues, compile_cues
from graph.nlp import load_pipeline, model_name, parse_articles, pipeline_software
from graph.rules import load_lexicon, rules_digest
from graph.types import Article, Extraction

#: Articles per task: large enough for spaCy's batching, small enough to keep
#: the in-order queue short.
BATCH_SIZE = 16

_worker: dict[str, object] = {}

Handle = TypeVar("Handle")


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def in_input_order(
    articles: Iterable[Article],
    *,
    batch_size: int,
    max_in_flight: int,
    submit: Callable[[list[Article]], Handle],
    result: Callable[[Handle], list[Extraction]],
    pending: deque,
) -> Iterator[Extraction]:
    """Submit batches of ``articles`` and yield their extractions in input order.

    ``submit(batch)`` starts a batch somewhere and returns a handle;
    ``result(handle)`` waits for its extractions. At most ``max_in_flight``
    handles are submitted and not yet consumed; they wait in ``pending``,
    which the caller owns so that it can cancel them when it stops early.
    """
    for batch in batches(articles, batch_size):
        pending.append(submit(batch))
        while len(pending) >= max_in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def _init_worker(model: str, cues: Cues, digest: str | None) -> None:
    # an initializer that raises makes the pool start worker after worker, forever:
    # keep the error and raise it from each task instead
    try:
        _worker["nlp"] = load_pipeline(model)
        _worker["software"] = pipeline_software(_worker["nlp"], model=model, rules_digest=digest)  # type: ignore[arg-type]
    except Exception as exc:
        _worker["error"] = exc
    _worker["cues"] = cues


def _extract_batch(articles: list[Article]) -> list[Extraction]:
    if "error" in _worker:
        raise _worker["error"]  # type: ignore[misc]
    nlp, cues, software = _worker["nlp"], _worker["cues"], _worker["software"]
    return [extract_article(doc, article, cues=cues, software=software)  # type: ignore[arg-type]
            for doc, article in parse_articles(nlp, articles, batch_size=len(articles))]  # type: ignore[arg-type]


def process_extractions(
    articles: Iterable[Article],
    processes: int,
    *,
    model: str | None = None,
    rules: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extraction]:
    """Parse and extract ``articles`` in ``processes`` worker processes; yield in input order.

    At most ``2 * processes`` batches are submitted and not yet consumed.
    An error in a worker (a missing model, a bug) is raised here as it was
    raised there. Closing the generator early stops the workers.
    """
    if processes < 1:
        raise ValueError(f"processes must be >= 1, not {processes}")
    name = model_name(model)
    cues = compile_cues(load_lexicon(rules))  # a bad rules file fails here, before any worker starts
    digest = rules_digest(rules)
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(processes, initializer=_init_worker, initargs=(name, cues, digest))
    try:
        yield from in_input_order(articles, batch_size=batch_size, max_in_flight=2 * processes,
                                  submit=lambda batch: pool.apply_async(_extract_batch, (batch,)),
                                  result=lambda handle: handle.get(), pending=deque())
        pool.close()
    finally:
        pool.terminate()
        pool.join()
