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
    [(line, name, direction, cue)] = source_lines(CLOSING)
    assert CLOSING[name:].startswith("Petra Lund") and (direction, cue) == (-1, "source line")
    heading, line = source_lines(OPENING)
    assert OPENING[heading[1]:].startswith("General Omar Diallo") and heading[2:] == (0, "statement heading")
    assert OPENING[line[1]:].startswith("General Omar Diallo") and line[2:] == (1, "source line")


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


RELEASE = """Statement No. 12 issued by the Ministry of Health of Northland

1. Strikes on the town of Varna overnight killed 14 people and wounded 40.

2. Rescue teams are still searching two collapsed buildings.

The army said its forces had hit only military targets.
"""


def test_a_heading_that_names_its_author_speaks_for_what_follows(extract):
    claims = [(c.kind, c.source.name, c.figure.low if c.figure else c.text, c.cue)
              for c in extract(RELEASE).claims]  # no outlet: without the heading the figures would have no source
    figures = {(source, low, cue) for kind, source, low, cue in claims if kind == "figure"}
    assert figures == {("Ministry of Health of Northland", 14, "statement heading"),
                       ("Ministry of Health of Northland", 40, "statement heading")}
    assert any(kind == "statement" and source.startswith("Ministry") and "Rescue teams are still searching" in what
               and cue == "statement heading" for kind, source, what, cue in claims)
    # the army's own paragraph ends the ministry's block
    assert not any(source.startswith("Ministry") and "military" in str(what) for _, source, what, _ in claims)


def test_a_sentence_that_mentions_a_statement_is_no_heading():
    assert source_lines("Statement by the minister was read on television.\n\nTwo people died.\n") == []
