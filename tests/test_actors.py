"""Actors: names, roles, aliases, types, and resolution of later mentions."""
from __future__ import annotations

import pytest


def test_surname_resolves_to_full_name(extract):
    text = ("Military analyst Jonas Berg said the front was stable.\n\n"
            '"They cannot hold the line much longer," Berg said.\n')
    ex = extract(text)
    names = {c.source.name for c in ex.claims}
    assert names == {"Jonas Berg"}


def test_title_alone_resolves_to_named_actor(extract):
    text = ("Governor Oleh Sydorenko said two people were killed in the shelling.\n\n"
            "The governor said 14 people were injured.\n")
    ex = extract(text)
    sources = {c.source.name for c in ex.claims if c.kind == "figure"}
    assert sources == {"Oleh Sydorenko"}


def test_short_org_name_merges_with_full_name(extract):
    text = ("The Ukrainian Defence Ministry said 12 drones were shot down.\n\n"
            "The ministry said five more drones were launched later.\n")
    ex = extract(text)
    sources = {c.source.name for c in ex.claims if c.kind == "figure"}
    assert sources == {"Ukrainian Defence Ministry"}


def test_role_and_alias_from_apposition(extract):
    text = "Another blogger, Pavel Grom (known as Thunder), said dozens of soldiers were killed."
    ex = extract(text)
    actor = next(a for a in ex.actors if a.name == "Pavel Grom")
    assert actor.type == "person"
    assert "Thunder" in actor.aliases
    assert actor.role and "blogger" in actor.role


def test_person_and_group_types(extract):
    text = "Pro-government bloggers said 40 soldiers were killed, and Deputy Minister Ana Ruiz said 12 were wounded."
    ex = extract(text)
    types = {a.name: a.type for a in ex.actors}
    assert types.get("Pro-government bloggers") == "group"
    assert types.get("Ana Ruiz") == "person"


def test_chrome_yields_no_actors(extract):
    text = ("Two soldiers were killed, the army said.\n\n"
            "Support Independent News Daily!\n\nSign up for our free weekly newsletter from The Daily Planet.\n")
    ex = extract(text)
    assert all("Planet" not in a.name and "Independent" not in a.name for a in ex.actors)


def test_outlets_reporter_is_a_person(extract):
    text = ("Reporting from the border, Daily Planet's Amir Haddad said dozens of families had fled.\n\n"
            '"People are sleeping in the street," he said.\n')
    ex = extract(text)
    quotes = [c for c in ex.claims if c.kind == "quote"]
    assert quotes and quotes[0].source.name == "Amir Haddad"
    assert quotes[0].source.type == "person"


def _figure_sources(extract, text: str) -> set[str]:
    """The source names of the figure claims of ``text``."""
    return {c.source.name for c in extract(text).claims if c.kind == "figure"}


@pytest.mark.parametrize("dateline", [
    "PORT SUDAN, Sudan (AP) —", "DUBAI —", "KYIV, Dec 30 (Reuters) -", "ST. PETERSBURG, Russia (AP) —",
])
def test_a_dateline_is_no_source(extract, dateline):
    text = f"{dateline} An assault on the camp killed at least 200 people, the health ministry said Monday.\n"
    figures = [c for c in extract(text, outlet="The Wire").claims if c.kind == "figure"]
    assert figures and all(c.source.name.lower() == "health ministry" for c in figures), [c.source.name for c in figures]


@pytest.mark.parametrize("raw, name", [
    ("Dec 30 (Reuters", "Reuters"),  # an entity cut across a dateline
    ("UN agency for Palestinian refugees (UNRWA)", "UNRWA"),  # the acronym a text gives
    ("the Red Cross", "the Red Cross"),
    ("Médecins Sans Frontières (MSF", "MSF"),
])
def test_names_cut_at_an_unbalanced_bracket(raw, name):
    from graph.extract.naming import clean_name

    assert clean_name(raw) == name


def test_a_paragraph_starting_with_an_acronym_and_a_hyphen_is_no_dateline():
    from graph.nlp import DATELINE

    assert DATELINE.match("NATO - the alliance said 12 drones were shot down.") is None
    assert DATELINE.match("UN — the body said") is None


def test_an_acronym_in_brackets_spells_out_a_name_cut_at_and(extract):
    text = ("According to the Armed Conflict Location and Event Data Project (ACLED), government forces were "
            "responsible for more than 650 civilian deaths last year.\n")
    names = _figure_sources(extract, text)
    assert names == {"Armed Conflict Location and Event Data Project"}


def test_brackets_that_do_not_spell_the_name_change_nothing(extract):
    text = ("According to the Syrian Observatory for Human Rights (Britain-based), at least 30 fighters "
            "were killed in the clashes.\n")
    names = _figure_sources(extract, text)
    assert names and all("Britain" not in n for n in names)


def test_an_entity_with_the_keeps_its_whole_name_across_and(extract):
    text = ("The war has killed more than 150,000 people, according to the Armed Conflict Location and Event Data "
            "Project, and displaced millions.\n")
    names = _figure_sources(extract, text)
    assert names == {"Armed Conflict Location and Event Data Project"}


def test_a_name_the_parse_hangs_from_the_body_after_a_role_is_the_speaker(extract):
    text = ('A spokesman for the multinational security mission, Bernard Kiprono, said the mission was '
            '"working closely with the national police to restore security."\n')
    quotes = [c for c in extract(text).claims if c.kind == "quote"]
    assert quotes and {q.source.name for q in quotes} == {"Bernard Kiprono"}


def test_her_organisation_stands_for_the_speaker(extract):
    text = ("Lulit Haile, an analyst who tracks drone strikes for an independent monitoring group, said her "
            "organisation had recorded at least 58 drone strikes in the region since August.\n")
    figures = [c for c in extract(text).claims if c.kind == "figure"]
    assert figures and {c.source.name for c in figures} == {"Lulit Haile"}


def test_an_organisation_with_its_own_name_is_not_the_speaker(extract):
    text = "Lulit Haile said her organisation, the Horn Monitor, had recorded 58 strikes in the region.\n"
    figures = [c for c in extract(text).claims if c.kind == "figure"]
    assert figures and all(c.source.name != "Lulit Haile" for c in figures)


def test_the_ministry_is_the_ministry_named_not_its_spokeswoman(extract):
    text = ("The Defence Ministry said its forces had advanced. Foreign Ministry spokeswoman Anna Kral said the talks "
            "had failed.\n\nThe ministry said 40 enemy soldiers were killed.\n")
    figures = [c for c in extract(text).claims if c.kind == "figure"]
    assert figures and all("Kral" not in c.source.name and "ministry" in c.source.name.lower() for c in figures)


def test_a_long_name_its_acronym_confirms_is_kept_whole(extract):
    text = ('The Al-Qaeda-linked Group for the Support of Islam and Muslims (JNIM) said it had killed '
            '"around 200 soldiers and militiamen" in the raid.\n')
    names = _figure_sources(extract, text)
    assert len(names) == 1 and "Group for the Support of Islam and Muslims" in names.pop()


def test_the_same_authorities_are_the_ones_named_before(extract):
    text = ("According to local health authorities, at least 38 people were killed in the strike. "
            "The toll first reported by the same authorities was 25 dead.")
    assert {c.source.name for c in extract(text).claims if c.kind == "figure"} == {"local health authorities"}


def test_a_person_takes_the_side_of_the_body_named_with_them(extract):
    text = ("Ivan Dorsky, head of the Russian-installed administration of the region, told reporters "
            "that 40 soldiers were killed.\n\nMaria Lenk, a local teacher, said 12 people were injured.\n")
    sides = {c.source.name: c.source.side for c in extract(text).claims if c.kind == "figure"}
    assert sides == {"Ivan Dorsky": "Russia", "Maria Lenk": None}


def test_a_town_and_a_weapon_are_not_actors_but_a_capital_may_be(extract):
    text = ("Strike on Sumy\n\nA missile hit a block of flats in Sumy overnight. "
            "Sumy, which lies near the border, has come under fire again, the governor said. "
            "Russia launched two Iskander-M missiles and Kyiv asked for seven more Patriot systems.\n\n"
            "Kyiv said 12 people were injured.\n")
    actors = {a.name for a in extract(text).actors}
    assert not actors & {"Sumy", "Iskander-M", "Patriot"} and "Kyiv" in actors


def test_an_upper_case_dateline_after_the_headline_is_no_actor(extract):
    text = "Drones hit the city\n\nLORVAN CITY, 14 May - Drones struck overnight, the governor said 3 people were hurt.\n"
    assert not {a.name for a in extract(text).actors} & {"LORVAN CITY", "Lorvan City"}
