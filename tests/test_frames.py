"""Attribution frames: who speaks each span, and what every claim takes from its frame
(cue, hedge, the source that reported it), on hand-made sentences."""
from __future__ import annotations

import pytest

from graph.extract import frames
from graph.extract.cues import compile_cues
from graph.extract.mentions import Context
from graph.extract.quotes import attribute_quotes
from graph.pipeline.records import claim_to_record
from graph.types import Article


def _claims(extract, text, kind=None):
    return [c for c in extract(text, outlet="Daily Post").claims if kind is None or c.kind == kind]


def _frames(nlp, text):
    ctx = Context(nlp(text), Article(id="t", text=text), compile_cues())
    attribute_quotes(ctx)
    return ctx, frames.find_frames(ctx)


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("Twelve people were killed in the strike on the market, local officials told Reuters.", "officials", "tell"),
    ("The strike killed nine passengers, state media said.", "state media", "say"),
    ("The ministry said 14 civilians were killed in the village.", "ministry", "say"),
    ("According to the health ministry, 14 civilians were killed in the village.", "health ministry", "according to"),
])
def test_a_figure_takes_its_frames_source_and_cue(extract, text, source, cue):
    [fig] = _claims(extract, text, "figure")
    assert source in fig.source.name.lower() and fig.cue == cue and not fig.narrator


def test_the_source_after_its_content_holds_the_clause_before_it(nlp):
    text = "The bridge was destroyed overnight, the regional governor said."
    ctx, found = _frames(nlp, text)
    [frame] = [f for f in found if f.kind == "after"]
    assert ctx.actors[frame.source].name == "regional governor"
    assert text[frame.begin:frame.end] == "The bridge was destroyed overnight"


def test_every_claim_kind_carries_a_cue(extract):
    text = ('The ministry said 14 civilians were killed. "We will rebuild the school," the mayor said. '
            "The foreign ministry condemned the attack. The army said the road had been reopened.")
    by_kind = {c.kind: c.cue for c in _claims(extract, text)}
    assert by_kind == {"figure": "say", "quote": "say", "criticism": "condemn", "statement": "say"}


def test_a_continuation_keeps_its_speaker(extract):
    text = "Governor Ivan Petrov said 12 people were killed. He added that 30 more were wounded."
    figs = [(c.source.name, c.figure.low, c.cue) for c in _claims(extract, text, "figure")]
    assert figs == [("Ivan Petrov", 12, "say"), ("Ivan Petrov", 30, "add")]


def test_a_nested_attribution_records_both_sources(extract):
    [fig] = _claims(extract, "The ministry said that UN monitors had reported 14 civilians killed in the village.",
                    "figure")
    assert fig.source.name == "UN monitors" and fig.reported_by is not None and fig.reported_by.name == "ministry"
    record = claim_to_record(fig)
    assert record["reported_by"] == "ministry" and record["cue"] == "report"


def test_sources_side_by_side_are_not_nested(extract):
    text = ("Police spokesman Ali Warsame told reporters that 21 people had been killed; Farah Osman, "
            "a doctor at the city hospital, said 29 wounded patients had been admitted.")
    figs = {(c.source.name, c.reported_by) for c in _claims(extract, text, "figure")}
    assert ("Ali Warsame", None) in figs and all(rep is None for _, rep in figs)


def test_a_quote_introduced_the_paragraph_before_is_the_speakers(extract):
    text = ('Olena Marchuk, a nurse at the hospital, described the night.\n\n'
            '"We had no light and no water. The wounded kept coming until dawn."')
    [quote] = _claims(extract, text, "quote")
    assert quote.source.name == "Olena Marchuk" and quote.cue == "describe"


def test_a_quote_running_over_paragraphs_keeps_its_speaker(extract):
    text = 'The mayor, Ivan Petrov, said:\n\n"We lost 12 people tonight.\n\n"We will not leave this city."'
    quotes = [(c.source.name, c.text) for c in _claims(extract, text, "quote")]
    assert quotes == [("Ivan Petrov", "We lost 12 people tonight."), ("Ivan Petrov", "We will not leave this city.")]


@pytest.mark.parametrize(("text", "hedged"), [
    ("The militia claimed its fighters had shot down a helicopter.", True),
    ("The ministry said the commander had reportedly fled the town.", True),
    ("The governor said the toll was likely to rise.", True),
    ("The ministry said the commander had fled the town.", False),
    ("The mayor said they had fought weapons they could not stop.", False),  # "could" of a clause inside
])
def test_a_hedge_is_recorded(extract, text, hedged):
    [statement] = _claims(extract, text, "statement")
    assert statement.hedged is hedged


@pytest.mark.parametrize(("text", "critic", "target_word"), [
    ('"Only monsters could do this," the mayor said of the Russian strike.', "mayor", "monsters"),
    ("The governor said the shelling was meant to kill as many civilians as possible.", "governor", "shelling"),
    ("The ministry said it was a deliberate strike on a school by the rebel forces.", "ministry", "rebel"),
    ('"These thugs will answer for what they did to our children," President Ruto said.', "Ruto", "thugs"),
    ("Human Rights Watch alleged that the militia had executed detainees.", "Human Rights Watch", "militia"),
    ("Horizon Relief International is horrified by the attack on the camp.", "Horizon Relief International",
     "attack"),
    ("The UN coordinator said she was deeply shocked by the attack on the convoy.", "coordinator", "attack"),
])
def test_evaluative_criticism_without_a_criticism_word(extract, text, critic, target_word):
    [crit] = _claims(extract, text, "criticism")
    assert critic in crit.source.name and target_word in (crit.target or "")


@pytest.mark.parametrize("text", [
    "The mayor said the strike killed 12 people and wounded 30.",
    '"We will rebuild the school," the mayor said.',
    "The army said it had repelled the attack near the border.",
    "The ministry said the shelling destroyed three houses.",
    '"It was a terrible night, everyone was crying," said a resident, Olena Marchuk.',
    "The governor said he was saddened by the deaths of the firefighters.",
    "A devastating strike hit the market on Monday, the governor said.",
    "The brutal attack killed 14 people.",  # the narrator's words judge no one here
])
def test_no_evaluative_criticism(extract, text):
    assert _claims(extract, text, "criticism") == []


def test_the_group_stands_for_the_last_named_body(extract):
    text = ("The Rapid Support Forces (RSF) took the town on Monday. The group said its fighters had "
            "killed 30 soldiers.")
    [fig] = _claims(extract, text, "figure")
    assert fig.source.name.startswith("Rapid Support Forces")


def test_the_reporting_source_and_the_hedge_are_in_the_rdf_and_conform(extract, tmp_path):
    from rdflib import Dataset, Literal

    from graph.rdf.iris import actor_iri, claim_iri
    from graph.rdf.shapes import validate_dataset
    from graph.rdf.triples import add_extraction, new_dataset, serialize_dataset
    from graph.rdf.vocab import NG

    ex = extract("The ministry claimed that UN monitors had reported 14 civilians killed in the village.",
                 outlet="Daily Post")
    ds = new_dataset()
    add_extraction(ds, ex)
    [fig] = [c for c in ex.claims if c.kind == "figure"]
    [statement] = [c for c in ex.claims if c.kind == "statement"]
    def has(s, p, o):
        return any(ds.quads((s, p, o, None)))

    assert has(claim_iri(fig), NG.reportedBy, actor_iri(fig.reported_by))
    assert has(claim_iri(fig), NG.cue, Literal("report"))
    assert has(claim_iri(statement), NG.hedged, Literal(True))
    serialize_dataset(ds, str(tmp_path / "graph.trig"), "trig")
    plain = Dataset()  # as a user reads graph.trig back
    plain.parse(tmp_path / "graph.trig", format="trig")
    conforms, report = validate_dataset(plain)
    assert conforms, report
