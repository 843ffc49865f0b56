"""The examples in the docstrings run: every module of the package is checked with doctest.

The pure functions (names, IRIs, resources, analysis) carry their examples in
their docstrings; this test keeps those examples true, and fails when a module
that should show examples has none.
"""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graph

MODULES = sorted(m.name for m in pkgutil.walk_packages(graph.__path__, "graph.")
                 if not m.name.endswith("__main__"))

# the modules whose pure functions must show examples
WITH_EXAMPLES = {"graph.names", "graph.resources", "graph.rdf.iris", "graph.analysis.metrics",
                 "graph.extract.naming", "graph.extract"}


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
    if name in WITH_EXAMPLES:
        assert result.attempted > 0, f"{name} should show examples of its functions"
