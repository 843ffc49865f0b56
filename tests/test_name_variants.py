"""The threshold of one person's name in two transliterations, on the helper-written list
of real variant pairs (``tests/data/actors/variant_pairs.jsonl``)."""
from __future__ import annotations

import json
from pathlib import Path

from graph.names import variant_score

PAIRS = [json.loads(line) for line in
         (Path(__file__).parent / "data" / "actors" / "variant_pairs.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


#: Words of the list's organisation pairs ("Zaporizhzhia Regional Military Administration").
ORGANISATION_WORDS = {"administration", "forces", "group", "battlegroup", "tatmadaw", "jama'at"}


def _persons(kind: str, same: bool) -> list[dict]:
    """The pairs of one kind of two full names of persons."""
    return [p for p in PAIRS if p["kind"] == kind and p["same"] is same
            and all(len(p[k].split()) > 1 for k in "ab")
            and not ORGANISATION_WORDS & set(f"{p['a']} {p['b']}".lower().split())]


def test_different_people_with_one_surname_never_score():
    pairs = _persons("different_people_same_surname", False)
    assert len(pairs) >= 26
    assert [p for p in pairs if variant_score(p["a"], p["b"]) is not None] == []


def test_transliterations_of_one_name_score():
    """All but the names whose first names are different words in two languages (Mykola
    and Nikolai): those need the alias file."""
    pairs = _persons("transliteration", True)
    missed = [(p["a"], p["b"]) for p in pairs if variant_score(p["a"], p["b"]) is None]
    assert len(pairs) >= 21 and missed == [("Mykola Bondarenko", "Nikolai Bondarenko")]
