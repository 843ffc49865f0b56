"""The files newsgraph reads at run time, found through ``importlib.resources``.

Every packaged file goes through here, so that an installed wheel (no source
tree beside it) reads the same files as a checkout:

- ``graph.ontology``: the ontology, the SHACL shapes and the query library. In
  the repository they live in the top-level ``ontology/`` folder, which stays
  the source of truth; ``setup.cfg`` maps it into the package as
  ``graph.ontology`` (``package_dir``), so a wheel carries it.
- ``graph.rules``: the lexicon and the chrome patterns.
- ``graph.assets``: the page template, its CSS and JavaScript.

>>> "figures_by_event" in query_names()
True
>>> ontology_text("newsgraph.ttl").split()[:3]
['@prefix', 'ng:', '<https://w3id.org/newsgraph/ontology#>']
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

ONTOLOGY = "graph.ontology"
RULES = "graph.rules"
ASSETS = "graph.assets"


def resource(package: str, *parts: str) -> Traversable:
    """The packaged file ``parts`` (a relative path, one name per part) of ``package``."""
    node = files(package)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(package: str, *parts: str) -> str:
    """The UTF-8 text of a packaged file; ``FileNotFoundError`` when there is none."""
    return resource(package, *parts).read_text(encoding="utf-8")


def ontology_text(name: str) -> str:
    """``newsgraph.ttl`` or ``shapes.ttl``, as text."""
    return read_text(ONTOLOGY, name)


@lru_cache(maxsize=1)
def query_names() -> tuple[str, ...]:
    """Names of the ``.rq`` files of the query library, sorted, without ``.rq``."""
    folder = resource(ONTOLOGY, "queries")
    return tuple(sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq") and p.is_file()))


def query_text(name: str) -> str:
    """The text of the library query ``name`` (``ontology/queries/<name>.rq``)."""
    return read_text(ONTOLOGY, "queries", f"{name}.rq")


def rules_text(name: str) -> str:
    """A packaged rules file (``lexicon.yaml``, ``chrome.txt``)."""
    return read_text(RULES, name)


def asset_text(name: str) -> str:
    """A file of the page (``page.html``, ``render.js``, ``render.css``)."""
    return read_text(ASSETS, name)


__all__ = ["as_file", "asset_text", "ontology_text", "query_names", "query_text", "read_text",
           "resource", "rules_text"]
