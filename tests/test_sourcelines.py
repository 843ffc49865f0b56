"""Source lines: "Details:" ... "Source: NAME, ROLE" layouts name the speaker apart."""
from __future__ import annotations

from graph.extract.sourcelines import paragraphs, source_lines

CLOSING = """Drones hit Varna district overnight

VARNA, 3 May - Drones struck the district overnight.

The mayor said the school would stay closed.

Details:

Two civilians were killed and five injured in the district.

Residents spent most of the night in basements.

Source: Petra Lund, head of the regional emergency service
"""

OPENING = """Statement by General Omar Diallo

Source: General Omar Diallo, commander of the northern front

Details:

The army destroyed four rebel vehicles near the river crossing.

Units secured the road to the provincial capital by noon.
"""


def _claims(extract, text):
    return [(c.kind, c.source.name, c.figure.low if c.figure else c.text) for c in extract(text, outlet="Wire").claims]


def test_paragraphs_and_source_lines():
    assert [CLOSING[b:e] for b, e in paragraphs(CLOSING)][-1].startswith("Source: Petra Lund")
    [(line, name, direction)] = source_lines(CLOSING)
    assert CLOSING[name:].startswith("Petra Lund") and direction == -1
    [(_, name, direction)] = source_lines(OPENING)
    assert OPENING[name:].startswith("General Omar Diallo") and direction == 1


def test_a_closing_source_line_speaks_for_the_details_above_it(extract):
    claims = _claims(extract, CLOSING)
    assert ("figure", "Petra Lund", 2) in claims and ("figure", "Petra Lund", 5) in claims
    assert ("statement", "Petra Lund", "Residents spent most of the night in basements") in claims
    # the mayor's statement, before the Details line, stays the mayor's
    assert ("statement", "mayor", "the school would stay closed") in claims
    assert not any(source == "Petra Lund" and "school" in str(what) for _, source, what in claims)


def test_an_opening_source_line_speaks_for_the_details_below_it(extract):
    claims = _claims(extract, OPENING)
    statements = [what for kind, source, what in claims if kind == "statement" and "Diallo" in source]
    assert statements == ["The army destroyed four rebel vehicles near the river crossing",
                          "Units secured the road to the provincial capital by noon"]


def test_without_a_source_line_the_narrator_keeps_its_figures(extract):
    text = CLOSING.replace("Source: Petra Lund, head of the regional emergency service\n", "")
    assert all(source != "Petra Lund" for _, source, _ in _claims(extract, text))
