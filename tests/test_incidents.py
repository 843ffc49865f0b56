"""Incidents: dates resolved against the article, other incidents in one article,
regions and countries, the gazetteer, and incidents merged across articles."""
from __future__ import annotations

import pytest
from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.extract import extract_article
from graph.nlp import pipeline_software, text_for_parsing
from graph.pipeline.build import run_build
from graph.rdf.vocab import NG
from graph.types import Article


@pytest.fixture(scope="module")
def incidents_of(nlp):
    """``incidents_of(text, date) -> {figure low: event}``."""
    def run(text: str, date: str | None = "2026-03-11", article_id: str = "t") -> dict:
        article = Article(id=article_id, text=text, date=date)
        ex = extract_article(nlp(text_for_parsing(text)), article, software=pipeline_software(nlp))
        return {c.figure.low: c.event for c in ex.claims if c.figure is not None}
    return run


def test_on_monday_is_the_monday_before_the_article(incidents_of):
    events = incidents_of("An air strike on a market in Kutum killed 38 people on Monday, a volunteer group said.\n")
    event = events[38]
    assert (event.place, event.date, event.date_source) == ("Kutum", "2026-03-09", "text")
    assert event.country == "Sudan" and event.geonameid is not None


def test_without_a_day_in_the_text_the_article_dates_the_incident(incidents_of):
    event = incidents_of("A drone strike on Kadugli killed seven people, health officials said.\n")[7]
    assert (event.date, event.date_source) == ("2026-03-11", "article")
    assert incidents_of("A drone strike on Kadugli killed seven people, officials said.\n", date=None)[7].date is None


def test_an_earlier_incident_in_the_same_article_is_its_own(incidents_of):
    events = incidents_of(
        "An air strike on the market in Kutum killed 38 people on Monday, volunteers said.\n\n"
        "A similar strike on the same market last month killed 12 people, according to residents.\n")
    assert events[38].date == "2026-03-09"
    assert (events[12].date, events[12].end) == ("2026-02-01", "2026-02-28")
    assert events[12].place == "Kutum"


def test_an_earlier_incident_of_an_undated_article_stays_apart(incidents_of):
    events = incidents_of(
        "An air strike on the market in Kutum killed 38 people on Monday, volunteers said.\n\n"
        "A similar strike on the same market in January killed 12 people, according to residents.\n", date=None)
    assert events[38] != events[12] and events[12].date_source == "other"


def test_two_incidents_in_one_town_on_different_days(incidents_of):
    events = incidents_of(
        "A drone strike on the hospital in Kadugli killed seven people on Thursday, health officials said.\n\n"
        "On Monday, shelling of a market in Kadugli killed three people, residents said.\n", date="2026-03-20")
    assert (events[7].date, events[3].date) == ("2026-03-19", "2026-03-16")


def test_that_attack_and_the_shelling_point_back_to_the_other_incident(incidents_of):
    """"In that attack" goes on about the sentence before; "the shelling", when the main
    incident is a strike, about the last other incident named; a new paragraph about
    "the strike" is the main incident's again."""
    events = incidents_of(
        "A drone strike on the hospital in Lorvan killed seven people on Thursday, health officials said.\n\n"
        "On Monday, shells struck the central market of Lorvan. The governor said 11 people were killed "
        "in that attack.\n\nResidents gave a higher toll for the shelling, saying 14 people had been killed.\n\n"
        "Doctors said 9 people were wounded in the strike.\n", date="2026-03-20")
    assert events[11] == events[14] != events[7] and events[11].date == "2026-03-16"
    assert events[9] == events[7]


def test_a_figure_without_a_known_place_is_about_no_incident(incidents_of):
    events = incidents_of("A missile strike on Lorvan killed 12 people on Monday, the governor said. "
                          "The army said over 700 soldiers were killed on Saturday, though it did not specify "
                          "the location.\n", date="2026-03-11")
    assert events[12] is not None and events[700] is None


def test_the_day_a_source_spoke_is_not_the_incidents(incidents_of):
    events = incidents_of(
        "A missile strike on Zmiiv killed four people on Sunday, officials said.\n\n"
        "The regional governor said on Tuesday that nine people had died in the strike on Zmiiv.\n", date="2026-04-14")
    assert events[4].date == events[9].date == "2026-04-12"


def test_a_region_stays_with_the_town_and_another_country_is_another_incident(incidents_of):
    events = incidents_of(
        "A missile strike on Zmiiv killed nine people on Sunday, Ukrainian officials said.\n\n"
        "Another 14 people were injured in the strike in the Kharkiv region, the governor said.\n\n"
        "In Russia, the Belgorod governor said one person was killed in shelling on Sunday.\n", date="2026-04-14")
    assert events[14] == events[9] and events[9].place == "Zmiiv"
    assert events[1] != events[9] and events[1].country == "Russia"


def test_two_articles_on_one_incident_are_merged_with_a_record(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Title: Strike on Kutum\nDate: 2026-03-09\n\n"
        "An air strike on the market in Kutum killed 38 people, a volunteer group said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Title: Kutum toll\nDate: 2026-03-11\n\n"
        "An air strike on the market in Kutum killed 27 fighters on Tuesday, the army said.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "Title: Kutum again\nDate: 2026-03-30\n\n"
        "A new air strike on the market in Kutum killed 5 people, volunteers said.\n", encoding="utf-8")
    run_build([str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")], tmp_path / "out", nlp=nlp, html=False)
    ds = Dataset()
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    links = list(default.subject_objects(NG.sameIncident))
    assert len(links) == 1
    member, lead = links[0]
    assert {str(member).rsplit("/", 1)[-1], str(lead).rsplit("/", 1)[-1]} == {"2026-03-09", "2026-03-10"}
    assert [str(r) for r in default.objects(None, NG.mergeReason)] == ["same place, days within a few of each other"]
    dates = {str(d) for d in default.objects(None, NG.startDate)}
    assert "2026-03-30" in dates  # three weeks later: another incident


def test_since_a_month_is_a_period_not_an_incident_day(incidents_of):
    events = incidents_of("A drone strike on Kadugli killed seven people on Monday, officials said.\n\n"
                          "Since January, more than 140 civilians have been killed in Kadugli, residents said.\n")
    assert events[7].date == "2026-03-09" and events[140].date != "2026-01-01"


def test_a_region_opening_a_sentence_is_another_incident(incidents_of):
    events = incidents_of("Fighting in Pinga killed 40 people on Monday, a local official said.\n\n"
                          "In Ituri province, to the north, fourteen people were killed in an attack, officials said.\n")
    assert events[14] != events[40] and events[14].place == "Ituri province"


def test_a_sentence_that_goes_on_about_another_incident_stays_with_it(incidents_of):
    events = incidents_of("Fighting for Pinga\n\nFighting in Pinga killed 40 people on Monday, a local official said.\n\n"
                          "In Ituri province, to the north, fourteen people were killed in an attack, officials said. "
                          "Another 22 were wounded.\n\nAnother 30 were wounded in Pinga, the official said.\n")
    assert events[22] == events[14] != events[40]
    assert events[30] == events[40]  # a new paragraph, and a place of its own


def test_a_part_of_a_country_is_as_broad_as_the_country(incidents_of):
    events = incidents_of("A drone strike in eastern Democratic Republic of Congo killed 12 people in Rubaya "
                          "on Monday, the hospital said.\n")
    assert events[12].place == "Rubaya"


def test_whose_dead_a_figure_counts(nlp):
    from graph.extract import extract_article
    text = ("The army said it had killed 40 rebels and lost five soldiers in the fighting for Pinga.\n\n"
            "A Russian official said 60 Ukrainian servicemen were killed. Not one soldier came to help, residents said.\n")
    ex = extract_article(nlp(text_for_parsing(text)), Article(id="v", text=text), software=pipeline_software(nlp))
    figures = {c.figure.low: (c.figure.victims, c.figure.victim_side) for c in ex.claims if c.figure is not None}
    assert figures[40] == ("fighters", None) and figures[5] == ("soldiers", None)
    assert figures[60] == ("soldiers", "Ukraine")
    assert 1 not in figures  # "not one soldier" counts nothing


@pytest.mark.parametrize(("text", "expected"), [
    ("A resident said she had counted 40 bodies of fighters in the streets.", {40: "fighters"}),
    ('"The terrorists left 30 bodies on the battlefield," the general said.', {30: "fighters"}),
    ("The general said five soldiers were killed and 11 others wounded in the fighting.", {5: "soldiers", 11: "soldiers"}),
])
def test_whose_dead_from_what_they_are_of_and_who_lost_them(nlp, text, expected):
    from graph.extract import extract_article
    ex = extract_article(nlp(text_for_parsing(text)), Article(id="w", text=text), software=pipeline_software(nlp))
    assert {c.figure.low: c.figure.victims for c in ex.claims if c.figure is not None} == expected
