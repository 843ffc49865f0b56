"""Types from the text, not from the small model alone (articles we wrote): titles and
roles make persons, events and places are no actors, and a plural the text names no body
or country for is an unresolved mention of its article."""
from __future__ import annotations

import pyoxigraph as ox

from graph.pipeline.build import run_build


def _actors(extract, text: str) -> dict[str, object]:
    return {a.name: a for a in extract(text).actors}


def test_an_honorific_makes_a_person_and_is_no_part_of_the_name(extract):
    actors = _actors(extract, "Talks resume\n\nMr Halyk said on Monday that three prisoners would be freed. "
                              "Mr. Halyk added that the talks would go on.\n")
    assert actors["Halyk"].type == "person" and actors["Halyk"].role is None
    assert not any(name.startswith("Mr") for name in actors)


def test_a_persons_role_in_apposition_makes_a_person(extract):
    actors = _actors(extract, "Talks resume\n\nHalyk, the chief negotiator, said on Monday that three "
                              "prisoners would be freed.\n")
    assert actors["Halyk"].type == "person"


def test_an_event_noun_opening_a_sentence_and_a_place_before_an_event_are_no_actors(extract):
    actors = _actors(extract, "Shelling hits Dornivka\n\nShelling killed four civilians in Dornivka on Friday, "
                              "the regional governor said. A week after the Dornivka strike, the army said "
                              "it had rebuilt the bridge.\n")
    assert "Shelling" not in actors and "Dornivka" not in actors
    assert "regional governor" in actors


def test_a_name_the_article_puts_in_a_place_is_no_actor(extract):
    text = ("Night in the shelters\n\nShelling hit Vostrany overnight, the emergency service said. "
            "Residents in Vostrany spent the night in basements. The hospital in Vostrany is full, "
            "a doctor said.\n")
    assert "Vostrany" not in _actors(extract, text)


def test_a_persons_surname_after_in_stays_a_person(extract):
    text = ("Talks resume\n\nOleksa Varenko, the governor, said 12 people were hurt. "
            "Trust in Varenko has fallen, Varenko said.\n")
    assert _actors(extract, text)["Oleksa Varenko"].type == "person"


def test_bare_plurals_are_unresolved_mentions_and_named_ones_are_not(extract):
    actors = _actors(extract, "Strike on Dornivka\n\nOfficials said 12 people were killed in Dornivka. "
                              "Local residents said the blast shook the town. Russian military bloggers said "
                              "50 soldiers had died. Houthi fighters said they fired two missiles.\n")
    assert actors["Local residents"].scope == "t"
    assert actors["Russian military bloggers"].scope == "t" and actors["Russian military bloggers"].side == "Russia"
    assert actors["Houthi fighters"].scope is None


def test_a_countrys_officials_are_its_state_not_an_unresolved_mention(extract):
    actors = _actors(extract, "Strike\n\nUkrainian officials said 12 people were killed in Dornivka.\n")
    assert actors["Ukrainian officials"].scope is None


def test_two_articles_officials_stay_two_mentions_and_are_no_actors(tmp_path, nlp):
    for name, place in (("a.txt", "Dornivka"), ("b.txt", "Lorvan")):
        (tmp_path / name).write_text(f"Strike on {place}\n\nOfficials said 12 people were killed in {place} "
                                     "on Friday.\n", encoding="utf-8")
    run_build([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], tmp_path / "out", nlp=nlp, html=False)
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "graph.trig"), format=ox.RdfFormat.TRIG)
    rows = list(store.query(
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT DISTINCT ?m ?a WHERE { "
        "?m a ng:UnresolvedMention . GRAPH ?g { ?m ng:mentionedIn ?a } }"))
    assert len({r["m"] for r in rows}) == 2 and len({r["a"] for r in rows}) == 2
    assert not store.query("PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
                           "ASK { ?m a ng:UnresolvedMention , ng:Actor }")


def test_a_platform_is_the_claims_channel_and_a_named_channel_is_an_actor(extract):
    ex = extract("Strike on Dornivka\n\nThe governor said on Telegram that 12 people were killed. Opposition "
                 "Telegram channels said 40 died. The Rybar channel said 30 soldiers died.\n")
    actors = {a.name: a for a in ex.actors}
    assert "Telegram" not in actors and "Opposition Telegram" not in actors and "Rybar" not in actors
    assert actors["Rybar channel"].type == "channel"
    assert actors["Opposition Telegram channels"].scope == "t"
    assert any(c.channel == "Telegram" and c.source.name == "governor" for c in ex.claims)


def test_a_role_in_the_lede_is_the_person_named_with_it_later(extract):
    ex = extract("Strike kills 11, governor says\n\nKORVAN, March 3 (Wire) - A missile strike on Korvan killed "
                 "11 people, the regional governor said on Monday.\n\nGovernor Ilia Marsk said the toll "
                 "was likely to rise.\n")
    actors = {a.name: a for a in ex.actors}
    assert "regional governor" not in actors and "regional governor" in actors["Ilia Marsk"].aliases
    assert {c.source.name for c in ex.claims if c.kind == "figure"} == {"Ilia Marsk"}


def test_a_role_stays_apart_when_two_people_hold_it(extract):
    ex = extract("Strikes on two towns\n\nThe governor said 11 people were killed. Governor Ilia Marsk said "
                 "four were hurt in Korvan. Governor Petro Halyk said two died in Lorvan.\n")
    actors = {a.name: a for a in ex.actors}
    assert "regional governor" not in actors.get("Petro Halyk", actors["Ilia Marsk"]).aliases
    assert "Ilia Marsk" in actors and "Petro Halyk" in actors


def test_an_organisation_named_by_the_part_before_its_for(extract):
    actors = _actors(extract, "Clashes\n\nThe Britain-based Syrian Observatory for Human Rights said 30 people "
                              "were killed. The Syrian Observatory said 12 of them were civilians. The General "
                              "Staff of Ukraine's Armed Forces said 5 died. Ukraine's Armed Forces said 3 died.\n")
    assert "Syrian Observatory" in actors["Britain-based Syrian Observatory for Human Rights"].aliases
    assert "Ukraine's Armed Forces" in actors or any("Armed Forces" in n and "Staff" not in n for n in actors)


def test_dotted_initials_are_the_acronym():
    from graph.names import canonical_key, norm_key
    assert norm_key("the U.N. refugee agency") == "un refugee agency"
    assert canonical_key("the U.N. Security Council") == canonical_key("UN Security Council")


def test_an_outlets_acronym_joins_its_name_across_articles(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("Strike\n\nDORNIVKA (The Northland Press) - Shelling killed four people, "
                                    "The Northland Press reported, citing the governor.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Strike\n\nShelling killed six people, NP reported on Tuesday, citing "
                                    "the governor.\n", encoding="utf-8")
    run_build([str(tmp_path)], tmp_path / "out", nlp=nlp, html=False)
    text = (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")
    assert "the acronym of the only organisation" in text


def test_a_countrys_forces_are_not_a_unit_named_later(extract):
    actors = _actors(extract, "Border clash\n\nRussian forces repelled an attack near Korvan, the ministry said. "
                              "The Russian Air Defence Forces shot down four drones.\n")
    assert "Russian forces" in actors and "Russian forces" not in actors["Russian Air Defence Forces"].aliases


def test_a_capital_the_tagger_takes_for_a_person_is_its_government(extract):
    ex = extract("Talks\n\nKiev said on Monday that 12 soldiers had been freed.\n")
    assert all(a.type != "person" for a in ex.actors if a.name == "Kiev")


def test_datelines_time_zones_ships_and_regions_are_no_actors(extract):
    actors = _actors(extract, "Raid kills 150\n\nOuagadougou (AFP) - Jihadists killed 150 people, the army said.\n\n"
                              "09:30 BST Drones hit the port, the governor said. The USS Carney shot down three "
                              "drones, the Pentagon said. Officials in the Kirov region said 40 had died.\n")
    assert not {"Ouagadougou", "BST", "USS Carney", "Carney", "Kirov", "Kirov region"} & set(actors)
    assert "Pentagon" in actors


def test_a_state_named_with_a_capital_is_no_region(extract):
    assert "Islamic State" in _actors(extract, "Attack\n\nThe Islamic State said its fighters had killed 80 "
                                                "people in Lubero.\n")


def test_a_contributors_credit_names_no_source(extract):
    text = ("Strike kills four\n\nShelling killed four people in Dornivka, the governor said.\n\n"
            "Wire writer Anna Marsk in Korvan contributed to this report.\n")
    assert "Anna Marsk" not in _actors(extract, text)


def test_a_unit_of_a_countrys_armed_forces_is_that_countrys_unit():
    from graph.names import canonical_key
    assert canonical_key("the Air Force of the Armed Forces of Ukraine") == canonical_key("Ukraine's air force")
    assert canonical_key("the General Staff of Ukraine's Armed Forces") == canonical_key("Ukrainian General Staff")
    assert canonical_key("the Armed Forces of Ukraine") != canonical_key("Ukrainian General Staff")


def test_a_regular_country_adjective_gives_the_side(extract):
    actors = _actors(extract, "Ambush\n\nMalian forces said 12 soldiers were killed near Boni.\n")
    assert actors["Malian forces"].side == "Mali"


def test_a_later_name_of_a_three_word_name_is_that_person(extract):
    actors = _actors(extract, "Toll rises\n\nSamuel Kakule Muhindo, the local administrator, said 12 people "
                              "were killed. Kakule said the toll would rise. Muhindo added that 3 were missing.\n")
    assert "Kakule" in actors["Samuel Kakule Muhindo"].aliases and "Kakule" not in actors
    other = extract("Toll\n\nSamuel Kakule Muhindo said 12 people were killed. Samuel, his brother, is missing.\n")
    assert all("Samuel" not in a.aliases for a in other.actors)  # a first name stays apart


def test_the_actors_command_lists_unresolved_mentions_on_request(tmp_path, nlp, capsys):
    from graph.cli.main import main
    (tmp_path / "a.txt").write_text("Strike\n\nOfficials said 12 people were killed in Dornivka, Governor Ilia "
                                    "Marsk said.\n", encoding="utf-8")
    run_build([str(tmp_path / "a.txt")], tmp_path / "out", nlp=nlp, html=False)
    assert main(["actors", str(tmp_path / "out"), "-f", "csv"]) == 0
    plain = capsys.readouterr().out
    assert "Ilia Marsk" in plain and "Officials" not in plain and "unresolved" not in plain.splitlines()[0]
    assert main(["actors", str(tmp_path / "out"), "-f", "csv", "--unresolved"]) == 0
    listed = capsys.readouterr().out
    assert "Officials" in listed and listed.splitlines()[0].endswith("unresolved")


def test_places_joined_after_in_are_no_actors(extract):
    actors = _actors(extract, "Strikes\n\nHospitals in Norvan, Sadek and Tyrell received the wounded, the health "
                              "ministry said.\n")
    assert not {"Norvan", "Sadek", "Tyrell"} & set(actors) and "health ministry" in actors
