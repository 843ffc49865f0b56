"""The SPARQL query library: ``.rq`` files in ``ontology/queries/``, loaded by name.

No SPARQL string lives in Python code; a module that queries the store asks
for ``load_query("_network_claims")`` and gets the file's text. Names that
start with ``_`` are internal (used by a module, not meant for users).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graph.errors import OptionError

#: Where the ``.rq`` files live: ``ontology/queries/`` beside the package.
QUERY_DIR = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def query_names() -> tuple[str, ...]:
    """Names of every query in the library, sorted (file names without ``.rq``)."""
    return tuple(sorted(p.stem for p in QUERY_DIR.glob("*.rq")))


@lru_cache(maxsize=None)
def load_query(name: str) -> str:
    """The text of the query ``name`` (``ontology/queries/<name>.rq``).

    An unknown name raises :class:`~graph.errors.OptionError` listing the valid ones.
    """
    path = QUERY_DIR / f"{name}.rq"
    if "/" in name or "\\" in name or not path.is_file():
        raise OptionError("query", name, query_names())
    return path.read_text(encoding="utf-8")
