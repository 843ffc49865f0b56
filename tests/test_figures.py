"""Figures: table-driven cases written from general news style."""
from __future__ import annotations

import pytest

from graph.extract.numbers import find_numbers

INF = None

FIGURES = [
    # text, source (a word of it), quantity, low, high, approx
    ("The health ministry said 12 people were killed in the strike.", "health ministry", "killed", 12, 12, False),
    ("At least 25 civilians were killed, the governor said on Telegram.", "governor", "killed", 25, None, False),
    ("Officials said more than 700 soldiers had died in the fighting.", "officials", "killed", 700, None, False),
    ("The regional governor said around 40 people were injured.", "governor", "injured", 40, 40, True),
    ("The army said up to 50 fighters were captured near the border.", "army", "captured", None, 50, False),
    ("According to the United Nations, some 2,000 people were displaced by the fighting.", "United Nations", "displaced", 2000, 2000, True),
    ("The defence ministry reported that 18 drones and two cruise missiles were launched overnight.", "defence ministry", "munitions", 18, 18, False),
    ("Local officials said the death toll had risen to 23.", "officials", "killed", 23, 23, False),
    ("The mayor said that dozens of residents were wounded.", "mayor", "injured", 24, 99, True),
    ("Rescuers said hundreds of people were missing after the blast.", "rescuers", "missing", 100, 999, True),
    ("The agency estimated that between 100 and 150 people died.", "agency", "killed", 100, 150, False),
    ("Police said three people were killed and 11 injured in the attack.", "police", "killed", 3, 3, False),
    ("Police said three people were killed and 11 injured in the attack.", "police", "injured", 11, 11, False),
    ("The military claimed it had killed nearly 300 militants.", "military", "killed", 300, 300, True),
    ("The group said an estimated 1.5 million people had fled their homes.", "group", "displaced", 1_500_000, 1_500_000, True),
    ("A spokesman for the army said several hundred troops had been killed.", "spokesman", "killed", 200, 900, True),
    ("The ministry said 40 Russian servicemen died, in a statement.", "ministry", "killed", 40, 40, False),
    ("Two dozen rockets were fired at the city, the military administration said.", "military administration", "munitions", 24, 24, False),
    ("The mayor said 41 people had been taken to hospital.", "mayor", "injured", 41, 41, False),
    ("Officials said some 250 people were taken captive.", "officials", "captured", 250, 250, True),
    ("The ombudsman said more than 8,000 people were listed as missing.", "ombudsman", "missing", 8000, None, False),
    # killed and wounded together are casualties
    ("The colonel said the enemy had lost 900 men killed and wounded in the sector.", "colonel", "casualties", 900, 900, False),
    ("He claimed the fighters had killed or wounded about 170 government troops, the group said.", "group",
     "casualties", 170, 170, True),
    ("The army said it had neutralised several dozen terrorists in the operation.", "army", "killed", 24, 99, True),
    ("Police said 9 hostages were freed and 4 gunmen were killed in the raid.", "police", "killed", 4, 4, False),
    ("The agency said 5,000 refugees had been displaced by the fighting.", "agency", "displaced", 5000, 5000, False),
    ("Officials said four civilians were martyred and nine others injured in the shelling.", "officials", "injured",
     9, 9, False),
    ("Officials said four civilians were martyred and nine others injured in the shelling.", "officials", "killed",
     4, 4, False),
    # a part of the figure before it takes that figure's kind, not the verb's
    ("The ministry said it destroyed 50 drones, including 20 over the border region and 12 over the capital.",
     "ministry", "munitions", 20, 20, False),
    ("The ministry said it destroyed 50 drones, including 20 over the border region and 12 over the capital.",
     "ministry", "munitions", 12, 12, False),
]


@pytest.mark.parametrize("text,source,quantity,low,high,approx", FIGURES)
def test_extracts_attributed_figure(extract, text, source, quantity, low, high, approx):
    ex = extract(text)
    figs = [c for c in ex.claims if c.kind == "figure" and c.figure.quantity == quantity]
    assert figs, f"no {quantity} figure in {[(c.kind, c.source.name) for c in ex.claims]}"
    match = [c for c in figs if c.figure.low == low and c.figure.high == high]
    assert match, [(c.figure.low, c.figure.high) for c in figs]
    claim = match[0]
    assert source.lower() in claim.source.name.lower() or any(source.lower() in a.lower() for a in claim.source.aliases)
    assert claim.figure.approx == approx
    assert not claim.narrator


def test_number_inside_quote_belongs_to_speaker(extract):
    ex = extract('"We lost 14 soldiers in that assault," the commander told reporters.')
    figs = [c for c in ex.claims if c.kind == "figure"]
    assert [(f.source.name, f.figure.low) for f in figs] == [("commander", 14)]


def test_update_yields_both_figures(extract):
    ex = extract("The health ministry said the death toll rose to 57 from 50.")
    lows = sorted(c.figure.low for c in ex.claims if c.kind == "figure")
    assert lows == [50, 57]


def test_narrator_figure_goes_to_outlet(extract):
    ex = extract("Missiles hit the city overnight, killing at least six people.", outlet="Example News")
    figs = [c for c in ex.claims if c.kind == "figure"]
    assert len(figs) == 1
    assert figs[0].narrator and figs[0].source.name == "Example News"
    assert (figs[0].figure.low, figs[0].figure.high) == (6, None)


@pytest.mark.parametrize("text", [
    "The war began in 2014 and has cost the country $5 billion.",
    "It was one of the deadliest attacks of the war, officials said.",
    "The convoy was 30 km from the border on Monday, the army said.",
    "Malaysia Airlines Flight 17 was shot down over the region.",
    "The ministry said 300 troops were deployed to the area.",
    "Turnout was 65 percent, the commission said.",
    "The 45-year-old commander said the unit would hold.",
    "Four regions were annexed in September, the Kremlin said.",
])
def test_numbers_that_are_not_figures(extract, text):
    ex = extract(text)
    assert [c for c in ex.claims if c.kind == "figure"] == []


@pytest.mark.parametrize(("text", "quantity"), [
    ("About 30 people are feared trapped under the rubble, the emergency service said.", "missing"),
    ("Rescuers said ten people were still under the rubble.", "missing"),
    ("Dozens were killed or injured in the attack, police said.", "casualties"),
])
def test_what_happened_to_the_people_gives_the_kind(extract, text, quantity):
    assert [c.figure.quantity for c in extract(text).claims if c.kind == "figure"] == [quantity]


@pytest.mark.parametrize("text", [
    "Rescuers said six people were pulled out alive from the rubble.",
    "The governor said 250 000 people live in the city.",
    "Several thousand residents attended the funeral on Monday, local officials said.",
])
def test_people_who_were_not_harmed_are_not_counted(extract, text):
    ex = extract(text)
    assert [c for c in ex.claims if c.kind == "figure"] == []


@pytest.mark.parametrize("text,low,high,approx", [
    ("about 400 dead", 400, 400, True),
    ("at least 25 rockets", 25, None, False),
    ("up to 50 drones", None, 50, False),
    ("several hundred men", 200, 900, True),
    ("tens of thousands of people", 10000, 99999, True),
    ("1,200 soldiers", 1200, 1200, False),
    ("100 to 300 fighters", 100, 300, False),
    ("twenty people", 20, 20, False),
    ("2.5 million refugees", 2_500_000, 2_500_000, False),
    ("250 000 people", 250_000, 250_000, False),
    ("between 10 000 and 1 200 000 people", 10_000, 1_200_000, False),
    ("a dozen people", 12, 12, False),
    ("scores of people", 40, 99, True),
    ("between 100 and 300 people", 100, 300, False),
])
def test_number_shapes(nlp, text, low, high, approx):
    from graph.extract.cues import compile_cues
    from graph.extract.mentions import Context
    from graph.types import Article

    doc = nlp(text)
    ctx = Context(doc, Article(id="x", text=text), compile_cues())
    exprs = find_numbers(ctx, ctx.sents[0])
    assert exprs, text
    e = exprs[0]
    assert (e.low, e.high, e.approx) == (low, high, approx)


def test_paragraph_keeps_its_source(extract):
    text = ("The defence ministry reported on Tuesday that its forces had repelled four attacks. "
            "Enemy losses amounted to more than 175 servicemen.\n\n"
            "Separately, 12 people were killed in the city.\n")
    figs = {(c.figure.low, c.source.name, c.narrator) for c in extract(text, outlet="Example News").claims if c.kind == "figure"}
    assert (175, "defence ministry", False) in figs
    assert (12, "Example News", True) in figs


def test_a_part_with_its_own_participle_keeps_its_kind(extract):
    ex = extract("The colonel said the enemy had lost 900 men killed and wounded, including about 300 killed.")
    assert {(c.figure.quantity, c.figure.low) for c in ex.claims if c.kind == "figure"} == \
        {("casualties", 900), ("killed", 300)}


def test_parts_of_a_munitions_figure_are_not_deaths(extract):
    ex = extract("The ministry said it destroyed 50 drones, including 20 over the border region and 12 over the capital.")
    assert {(c.figure.quantity, c.figure.low) for c in ex.claims if c.kind == "figure"} == \
        {("munitions", 50), ("munitions", 20), ("munitions", 12)}


def test_a_speaker_named_before_a_said_that_the_parse_joins_to_the_first_verb(extract):
    text = ("Russian troops shelled the district every day last week, killing 14 residents and injuring 37, "
            "the head of the district military administration, Andrii Bezuhlyi, said at a briefing on Monday.")
    figures = {(c.figure.quantity, c.figure.low, c.source.name) for c in extract(text).claims if c.kind == "figure"}
    assert ("killed", 14, "Andrii Bezuhlyi") in figures and ("injured", 37, "Andrii Bezuhlyi") in figures


def test_a_headline_figure_the_body_attributes_is_one_claim(extract):
    text = ("Gunmen storm hotel, at least 21 killed in overnight siege\n\n"
            "At least 21 people were killed when gunmen stormed a hotel overnight, police said on Sunday.\n")
    figures = [c for c in extract(text, outlet="The Wire").claims if c.kind == "figure"]
    assert [(c.source.name, c.figure.low) for c in figures] == [("police", 21)]


def test_a_headline_figure_the_body_does_not_give_stays_the_outlets(extract):
    text = ("Gunmen storm hotel, at least 21 killed in overnight siege\n\n"
            "Gunmen stormed a hotel overnight and 9 people were injured, police said on Sunday.\n")
    figures = {(c.source.name, c.figure.quantity, c.figure.low) for c in extract(text, outlet="The Wire").claims
               if c.kind == "figure"}
    assert ("The Wire", "killed", 21) in figures and ("police", "injured", 9) in figures


def test_reported_missing_by_someone_is_that_someones_figure(extract):
    text = "Nine more residents were reported missing by the town's deputy mayor, Jean-Robert Dorval, on Monday."
    figures = [c for c in extract(text, outlet="The Wire").claims if c.kind == "figure"]
    assert [(c.source.name, c.figure.quantity, c.figure.low) for c in figures] == [("Jean-Robert Dorval", "missing", 9)]
    # "killed by" names who killed, not who reported it
    text = "Twelve people were reported killed by Russian shelling, the governor said."
    assert {c.source.name for c in extract(text).claims if c.kind == "figure"} == {"governor"}


def test_others_that_are_not_people_count_nothing(extract):
    ex = extract("The army said three tanks were hit and two others were damaged near the river.")
    assert [c for c in ex.claims if c.kind == "figure"] == []


def test_according_to_her_is_the_woman_last_named(extract):
    text = ("Saima Rauf, the district's deputy commissioner, visited the camp on Monday.\n\n"
            "According to her, some 1,200 residents had already left their homes.\n")
    figures = [c for c in extract(text).claims if c.kind == "figure"]
    assert [(c.source.name, c.figure.quantity, c.figure.low) for c in figures] == [("Saima Rauf", "displaced", 1200)]


def test_people_at_a_funeral_are_not_the_dead(extract):
    text = ("The administrator said 31 of the victims were buried on Sunday, in a ceremony attended by "
            "several thousand residents.")
    assert [(c.figure.low, c.figure.quantity) for c in extract(text).claims if c.kind == "figure"] == [(31, "killed")]


def test_a_role_in_apposition_gives_the_name_the_tagger_missed(extract):
    text = ("The coalition gave a higher toll. Its spokesman, Jean-Bosco Rukundo, said 31 civilians had been killed.")
    assert [c.source.name for c in extract(text).claims if c.kind == "figure"] == ["Jean-Bosco Rukundo"]
