"""Events (type, place, time, weapon), channels of claims, and affiliations."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,etype,place", [
    ("A missile strike on Kramatorsk killed 8 people, the governor said.", "strike", "Kramatorsk"),
    ("The shelling of Kherson injured 5 civilians, officials said.", "shelling", "Kherson"),
    ("An explosion at a depot near Kursk killed 2 soldiers, the ministry said.", "explosion", "Kursk"),
])
def test_event_type_and_place(extract, text, etype, place):
    claims = [c for c in extract(text).claims if c.kind == "figure"]
    assert claims and claims[0].event is not None
    assert claims[0].event.type == etype
    assert claims[0].event.place == place


def _main_place(extract, text: str) -> set:
    return {c.event.place for c in extract(text).claims if c.event is not None}


def test_a_town_before_the_event_word_is_its_place(extract):
    """'the Sumy strike': the town modifies the event word, even when the small model tags it
    as an organisation, since the article uses it as a place elsewhere; a place in a
    subordinate clause ('as ministers met in Brussels') is not the event's."""
    text = ("A missile hit an apartment block in the city of Sumy on Monday, killing 11 people, the governor said.\n\n"
            "The Sumy strike came as European defence ministers met in Brussels, officials said, "
            "and 34 people were injured.\n")
    assert _main_place(extract, text) == {"Sumy"}


def test_the_origin_of_an_attack_is_not_its_place(extract):
    text = ("Russia launched the attack from the direction of Kursk, and 4 people were killed in Kharkiv, "
            "the governor said.\n")
    assert "Kursk" not in _main_place(extract, text)


def test_a_group_with_a_number_in_its_name_is_no_place(extract):
    text = "At least 70 people were killed in four days of fighting as M23 rebels advanced, officials said.\n"
    assert "M23" not in _main_place(extract, text)


def test_a_country_is_too_broad_for_the_main_event(extract):
    text = ("A Myanmar military airstrike on a village school killed 19 people, the group said.\n\n"
            "The attack on the village in Sagaing region took place on Thursday, residents said, and 12 were injured.\n")
    assert _main_place(extract, text) == {"Sagaing region"}


def test_event_weapon_and_time(extract):
    text = "Russian drones hit Odesa overnight on Monday, the governor said, killing 3 people in the attack."
    event = next(c.event for c in extract(text).claims if c.kind == "figure")
    assert event.weapon and "drone" in event.weapon.lower()
    assert event.time


@pytest.mark.parametrize("text,channel", [
    ("The governor said on Telegram that 4 people were killed.", "Telegram"),
    ("The ministry said in a statement that 12 soldiers were killed.", "statement"),
    ('"Twenty drones were shot down," the air force wrote on Facebook.', "Facebook"),
    ("Two civilians were killed, the mayor told a press briefing.", "press briefing"),
    ('"We lost 9 men," tweeted analyst Jon Reyes.', "X/Twitter"),
    ("According to state news agency Tanjug, 6 soldiers were captured.", None),
])
def test_channel(extract, text, channel):
    claims = [c for c in extract(text).claims if c.kind in {"figure", "quote"}]
    assert claims
    if channel is None:
        return
    assert channel in {c.channel for c in claims}


def test_affiliation_from_apposition(extract):
    text = "Olga Petrova, a spokeswoman for the Regional Health Department, said 14 people were injured."
    actor = next(a for a in extract(text).actors if a.name == "Olga Petrova")
    assert actor.affiliation and "Health Department" in actor.affiliation
