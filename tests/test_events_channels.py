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
