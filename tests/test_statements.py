"""Reported statements: the clause a source is reported as saying, without quotation marks."""
from __future__ import annotations

import pytest


def _statements(extract, text):
    return [(c.source.name, c.text, c.cue, c.polarity) for c in extract(text).claims if c.kind == "statement"]


@pytest.mark.parametrize(("text", "source", "clause", "cue"), [
    ("The ministry said the missile was fired from the coast.", "ministry", "the missile was fired from the coast", "say"),
    ("The bridge was destroyed overnight, the regional governor said.", "governor",
     "The bridge was destroyed overnight", "say"),
    ("Police told AFP that the gunmen fled on motorbikes.", "Police", "the gunmen fled on motorbikes", "tell"),
    ("According to the health ministry, the hospital ran out of fuel on Sunday.", "health ministry",
     "the hospital ran out of fuel on Sunday", "according to"),
    ("The army announced that the road to the airport had been reopened.", "army",
     "the road to the airport had been reopened", "announce"),
])
def test_a_reported_clause_is_a_statement(extract, text, source, clause, cue):
    [(name, got, got_cue, polarity)] = _statements(extract, text)
    assert source.lower() in name.lower() and got == clause and got_cue == cue and polarity == "asserted"


def test_each_that_clause_is_its_own_statement(extract):
    got = _statements(extract, "The ministry said that the drone was launched from the west and that no soldiers "
                               "were at the market.")
    assert [g[1] for g in got] == ["the drone was launched from the west", "no soldiers were at the market"]


def test_a_denial_has_its_polarity(extract):
    [(_, clause, cue, polarity)] = _statements(extract, "The rebel group denied that its fighters had entered the town.")
    assert (clause, cue, polarity) == ("its fighters had entered the town", "deny", "denied")


def test_a_participle_reports_for_its_verbs_source(extract):
    got = _statements(extract, "The senator insisted that the officers must be punished, emphasizing that the "
                               "families deserve answers.")
    assert {(g[0], g[1]) for g in got} == {("senator", "the officers must be punished"),
                                          ("senator", "the families deserve answers")}


@pytest.mark.parametrize("text", [
    '"We will rebuild the school before winter," the mayor said.',  # a quote, not a statement
    "The general believes the offensive will fail.",  # a mental state
    "The minister did not say the talks had failed.",  # negated
    "The depot, which is said to have exploded twice, burned all night.",  # nobody reports it
    "The army said so.",  # too short
])
def test_not_a_statement(extract, text):
    assert _statements(extract, text) == []


def test_a_mixed_clause_drops_the_quotation_marks(extract):
    [(_, clause, _, _)] = _statements(extract, 'The ministry said the strike was "a grave violation of the truce" '
                                               "and would be answered.")
    assert clause == "the strike was a grave violation of the truce and would be answered"
