"""The tree shows the architecture, and keeps showing it.

- lower layers (rdf, store, sparql, analysis, view) never import spaCy or
  ``graph.extract``, directly or through another module of the package;
- every subpackage's ``__init__`` says its job and what it may import;
- few loose modules; no module over 500 lines, no function over 80.
"""
from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "graph"
LOWER = ("rdf", "store", "sparql", "analysis", "view")
FORBIDDEN = ("spacy", "graph.extract")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@lru_cache(maxsize=None)
def _imports(name: str) -> frozenset[str]:
    """Every module ``name`` imports, at any depth of its body (lazy imports too)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES)
    return frozenset(out)


def _reach(name: str) -> set[str]:
    """The modules ``name`` imports, following the package's own modules and the
    packages above them (importing ``graph.a.b`` runs ``graph/a/__init__.py``)."""
    seen: set[str] = set()
    visited: set[str] = set()
    todo = [name]
    while todo:
        module = todo.pop()
        if module in visited:
            continue
        visited.add(module)
        for imported in _imports(module):
            seen.add(imported)
            parts = imported.split(".")
            todo += [m for m in (".".join(parts[:i]) for i in range(2, len(parts) + 1)) if m in MODULES]
    return seen


@pytest.mark.parametrize("name", [m for m in MODULES if m.split(".")[1:2] and m.split(".")[1] in LOWER])
def test_lower_layers_never_reach_spacy_or_extraction(name):
    bad = sorted(m for m in _reach(name) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))
    assert not bad, f"{name} reaches {bad}"


def test_the_reach_check_sees_extraction():
    """The check above can fail: the pipeline does reach spaCy and extraction."""
    assert {"spacy", "graph.extract"} <= {m.split(".")[0] if m == "spacy" else m for m in _reach("graph.pipeline.build")}


SUBPACKAGES = sorted(p.parent for p in PACKAGE.glob("*/__init__.py"))


@pytest.mark.parametrize("init", SUBPACKAGES, ids=[p.name for p in SUBPACKAGES])
def test_each_subpackage_says_its_job_and_what_it_may_import(init):
    doc = ast.get_docstring(ast.parse((init / "__init__.py").read_text(encoding="utf-8"))) or ""
    if init.name in {"assets", "rules"} and not list(init.glob("*.py"))[1:]:
        assert doc, f"{init.name}: no docstring"
        return
    assert doc and "May import" in doc, f"{init.name}/__init__.py must say its job and what it may import"


def test_the_tree_has_stages_not_a_flat_list():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py")
    assert len(SUBPACKAGES) >= 5
    assert len(loose) <= 8, loose


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_and_functions_stay_short(name):
    text = MODULES[name].read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 500, f"{name}: {len(text.splitlines())} lines"
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(ast.parse(text))
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 80]
    assert not long, f"{name}: functions over 80 lines: {long}"
