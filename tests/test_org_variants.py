"""Organisations' names across articles, on the helper-written list of real variant pairs
(``tests/data/actors/variant_pairs.jsonl``): country forms, spellings, acronyms."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.names import canonical_key, is_acronym_of

PAIRS = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "actors" / "variant_pairs.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _same(a: str, b: str) -> bool:
    return canonical_key(a) == canonical_key(b) or is_acronym_of(a, b) or is_acronym_of(b, a)


@pytest.mark.parametrize("kind", ["different_orgs", "country_form", "acronym"])
def test_different_organisations_never_meet(kind):
    pairs = [p for p in PAIRS if p["kind"] == kind and not p["same"]]
    assert pairs and [(p["a"], p["b"]) for p in pairs if _same(p["a"], p["b"])] == []


def test_most_names_of_one_organisation_meet():
    """Those that do not need the alias file: another language ("Doctors Without Borders",
    MSF), a name that is no spelling ("Hezbollah", "Hizbullah"), or an acronym of another
    language or of parts of words (FARDC, CENTCOM)."""
    pairs = [p for p in PAIRS if p["kind"] in {"country_form", "spelling", "acronym"} and p["same"]]
    met = [p for p in pairs if _same(p["a"], p["b"])]
    assert len(pairs) >= 30 and len(met) >= 22
