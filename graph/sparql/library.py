"""The SPARQL query library: ``.rq`` files in ``ontology/queries/``, loaded by name.

The files are package data (``graph.ontology``), read through :mod:`graph.resources`.

No SPARQL string lives in Python code; a module that queries the store asks
for ``load_query("_network_claims")`` and gets the file's text. Names that
start with ``_`` are internal (used by a module, not meant for users).
"""
from __future__ import annotations

from functools import lru_cache

from graph import resources
from graph.errors import OptionError


def query_names() -> tuple[str, ...]:
    """Names of every query in the library, sorted (file names without ``.rq``)."""
    return resources.query_names()


@lru_cache(maxsize=None)
def load_query(name: str) -> str:
    """The text of the query ``name`` (``ontology/queries/<name>.rq``).

    An unknown name raises :class:`~graph.errors.OptionError` listing the valid ones.
    """
    if name not in query_names():
        raise OptionError("query", name, query_names())
    return resources.query_text(name)
