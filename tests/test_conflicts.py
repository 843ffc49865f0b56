"""``ng:conflictsWith`` links between figures that do not overlap, against the definition,
and the incidents merged across articles."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.pipeline.conflicts import interval, link_conflicts, same_group
from graph.pipeline.incidents import FigureRow, cluster_incidents
from graph.pipeline.links import link_figures
from graph.rdf.triples import new_dataset
from graph.rdf.vocab import NG

bound = st.one_of(st.none(), st.integers(min_value=0, max_value=50))
figure = st.tuples(st.sampled_from(["e1", "e2", None]), st.sampled_from(["killed", "injured"]),
                   st.sampled_from(["A", "B", "C"]), bound, bound, st.booleans(),
                   st.sampled_from(["total", "total", "part", "cumulative"]))


def row(i: int, event: str | None, kind: str, source: str, low, high, approx=False, scope="total", **kw) -> FigureRow:
    fields = dict(
        claim=URIRef(f"https://e.org/claim/{i}"), event=URIRef(f"https://e.org/{event}") if event else None,
        place=event, start=None, end=None, dated_by=None, label=event or "", quantity=kind, scope=scope,
        source=source, group=source.lower(), narrator=False, article=f"a{i}", article_date=None, begin=0,
        low=low, high=high, approx=approx, says_update=False)
    return FigureRow(**(fields | kw))


def brute_force(rows: list[FigureRow]) -> set[frozenset]:
    """The definition, for sources that each give one figure per incident and kind."""
    pairs = set()
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if a.event is None or (a.event, a.quantity) != (b.event, b.quantity) or a.source == b.source:
                continue
            if a.scope != "total" or b.scope != "total":
                continue
            (lo_a, hi_a), (lo_b, hi_b) = interval(a), interval(b)
            if hi_a < lo_b or hi_b < lo_a:
                pairs.add(frozenset((a.claim, b.claim)))
    return pairs


def links(ds) -> set[tuple]:
    return {(a, b) for a, _, b in ds.graph(DATASET_DEFAULT_GRAPH_ID).triples((None, NG.conflictsWith, None))}


@settings(max_examples=300, deadline=None)
@given(st.lists(figure, max_size=25))
def test_links_are_exactly_the_non_overlapping_pairs(figures):
    seen, rows = set(), []
    for i, (event, kind, source, low, high, approx, scope) in enumerate(figures):
        if (event, kind, source) not in seen:  # one figure per source: no timelines here
            seen.add((event, kind, source))
            rows.append(row(i, event, kind, source, low, high, approx, scope))
    ds = new_dataset()
    incident = cluster_incidents(ds, rows)
    n = link_conflicts(ds, rows, incident)
    found = links(ds)
    assert all((b, a) in found for a, b in found)  # symmetric
    assert {frozenset(pair) for pair in found} == brute_force(rows)
    assert n == len(brute_force(rows))


def test_many_figures_about_one_event():
    """400 figures about one event and kind, 63 against 400, from 400 sources."""
    rows = [row(i, "e", "killed", f"s{i}", *((63, 63) if i % 2 else (400, 400))) for i in range(400)]
    ds = new_dataset()
    incident = cluster_incidents(ds, rows)
    assert link_conflicts(ds, rows, incident) == len(brute_force(rows)) == 200 * 200


def test_about_n_is_widened_by_a_tenth():
    a, b = row(1, "e", "killed", "A", 50, 50, approx=True), row(2, "e", "killed", "B", 54, 54)
    c = row(3, "e", "killed", "C", 57, 57)
    ds = new_dataset()
    link_figures(ds, [a, b, c])
    assert {frozenset(p) for p in links(ds)} == {frozenset((a.claim, c.claim)), frozenset((b.claim, c.claim))}


def test_a_replaced_early_count_does_not_conflict_with_what_the_replacement_agrees_with():
    """The officials' 4, later 9, against the monitors' "at least 7": no conflict; 4 against 15 stays."""
    early = row(1, "e", "killed", "Officials", 4, 4, article_date="2026-04-12")
    later = row(2, "e", "killed", "Officials", 9, 9, article_date="2026-04-13")
    monitors = row(3, "e", "killed", "Monitors", 7, None)
    ds = new_dataset()
    link_figures(ds, [early, later, monitors])
    assert not links(ds)
    assert (later.claim, NG.updates, early.claim) in ds.graph(DATASET_DEFAULT_GRAPH_ID)
    other = row(4, "e", "killed", "Residents", 15, 15)
    ds = new_dataset()
    link_figures(ds, [early, later, other])
    assert {frozenset(p) for p in links(ds)} == {frozenset((early.claim, other.claim)), frozenset((later.claim, other.claim))}


def test_one_body_speaking_through_its_officials_is_one_source():
    director = row(1, "e", "killed", "Adam Tibin", 52, 52, group="civil administration north darfur")
    body = row(2, "e", "killed", "RSF-installed Civil Administration of North Darfur", 74, 74,
               group="rsf installed civil administration north darfur")
    assert same_group(director, body)
    assert not same_group(director, row(3, "e", "killed", "Emergency Room", 38, 38))


def test_events_of_one_place_on_close_days_are_one_incident_and_the_merge_is_recorded():
    def at(i, day, dated_by="text", place="kutum"):
        d = date.fromisoformat(day)
        return replace(row(i, f"{place}/{day}", "killed", f"s{i}", i, i), place=place, start=d, end=d, dated_by=dated_by)
    mon, tue, thu = at(1, "2026-03-16"), at(2, "2026-03-17"), at(3, "2026-03-19")
    estimated = at(4, "2026-03-19", "article")
    january = replace(at(5, "2026-01-01"), end=date(2026, 1, 31))
    ds = new_dataset()
    incident = cluster_incidents(ds, [mon, tue, thu, january])
    assert incident[mon.event] == incident[tue.event] != incident[thu.event]  # two incidents three days apart
    assert incident[january.event] == january.event
    assert ds.graph(DATASET_DEFAULT_GRAPH_ID).value(tue.event, NG.sameIncident) in {mon.event, None}
    merges = list(ds.graph(DATASET_DEFAULT_GRAPH_ID).subjects(NG.mergeReason, None))
    assert len(merges) == 1
    incident = cluster_incidents(new_dataset(), [mon, estimated])  # a date from the article reaches further
    assert incident[mon.event] == incident[estimated.event]


def test_tolls_of_different_people_do_not_conflict():
    """Five soldiers and 40 rebels of one clash are two sides' losses; civilians against a
    side's "militants" are a disagreement; soldiers a source says it killed on the other side
    contest that side's civilian toll."""
    soldiers = row(1, "e", "killed", "Army", 5, 5, victims="soldiers")
    rebels = row(2, "e", "killed", "Rebels", 40, 40, victims="fighters")
    civilians = row(3, "e", "killed", "Residents", 6, 6, victims="civilians")
    militants = row(4, "e", "killed", "Air force", 27, 27, victims="fighters")
    enemy = row(5, "e", "killed", "Occupation official", 60, 60, victims="soldiers", enemy_losses=True)
    ds = new_dataset()
    link_figures(ds, [soldiers, rebels, civilians, militants, enemy])
    pairs = [(soldiers, enemy), (rebels, civilians), (rebels, militants), (civilians, militants), (civilians, enemy)]
    assert {frozenset(p) for p in links(ds)} == {frozenset((a.claim, b.claim)) for a, b in pairs}


def test_classes_one_source_counts_apart_are_different_people():
    """The army counts two civilians and 40 rebels of one battle: there, the residents' six
    civilians do not rival the army's rebels; where no source tells the classes apart, a
    strike's "31 civilians" and "14 fighters" are rival accounts of the same dead."""
    civ_army = row(1, "pinga", "killed", "Army", 2, 2, victims="civilians")
    rebels = row(2, "pinga", "killed", "Army", 40, 40, victims="fighters")
    civ_res = row(3, "pinga", "killed", "Residents", 6, 6, victims="civilians")
    strike_civ = row(4, "rubaya", "killed", "Movement", 31, 31, victims="civilians")
    strike_fighters = row(5, "rubaya", "killed", "Army", 14, 14, victims="fighters")
    ds = new_dataset()
    link_figures(ds, [civ_army, rebels, civ_res, strike_civ, strike_fighters])
    assert {frozenset(p) for p in links(ds)} == {frozenset((civ_army.claim, civ_res.claim)),
                                                 frozenset((strike_civ.claim, strike_fighters.claim))}


def test_a_sides_own_losses_are_a_share_of_the_toll():
    people = row(1, "e", "killed", "Hospital", 25, None)
    ours = row(2, "e", "killed", "Movement", 2, 2, victims="soldiers", own_losses=True)
    army = row(3, "e", "injured", "Army", 11, 11, victims="soldiers")
    nurses = row(4, "e", "injured", "Nurses", 50, None)
    claimed = row(5, "e", "killed", "Army", 14, 14, victims="fighters")
    ds = new_dataset()
    link_figures(ds, [people, ours, army, nurses, claimed])
    assert {frozenset(p) for p in links(ds)} == {frozenset((people.claim, claimed.claim))}


def test_a_body_and_its_acronym_and_its_spokesman_speak_as_one():
    spokesman = row(1, "e", "killed", "Spokesman Name", 31, 31, group="alliance fleuve congo", article_date="2026-10-03")
    movement = row(2, "e", "killed", "AFC", 43, 43, group="afc", article_date="2026-10-04")
    hospital = row(3, "e", "killed", "Hospital", 38, None, article_date="2026-10-05")
    assert same_group(spokesman, movement)
    ds = new_dataset()
    link_figures(ds, [spokesman, movement, hospital])
    assert links(ds) == set()  # the movement's later 43 agrees with the hospital's "at least 38"


def test_a_partisan_toll_rivals_a_sides_own_losses():
    """The ministry's 63 of its own soldiers against a critic of its side's "hundreds":
    a toll from a source with a side counts the same soldiers; a hospital's counts everyone."""
    ministry = row(1, "e", "killed", "Ministry", 63, 63, victims="soldiers", sides=frozenset({"Northland"}))
    critic = row(2, "e", "killed", "Blogger", 200, 900, sides=frozenset({"Northland"}))
    hospital = row(3, "e", "killed", "Hospital", 200, 900)
    ds = new_dataset()
    link_figures(ds, [ministry, critic, hospital])
    assert {frozenset(p) for p in links(ds)} == {frozenset((ministry.claim, critic.claim))}


def test_two_officials_of_one_side_speak_as_one():
    north = frozenset({"Northland"})
    ministry = row(1, "e", "killed", "Defence Ministry", 60, None, sides=north, official=True)
    governor = row(2, "e", "killed", "Governor", 40, 40, sides=north, official=True)
    blogger = row(3, "e", "killed", "Blogger", 40, 40, sides=north)
    rival = row(4, "e", "killed", "Southland army", 4, 4, sides=frozenset({"Southland"}), official=True)
    assert same_group(ministry, governor) and not same_group(ministry, blogger) and not same_group(ministry, rival)
    ds = new_dataset()
    link_figures(ds, [ministry, governor, blogger, rival])
    # the governor's later 40 (one voice with the ministry) agrees with the blogger's
    assert {frozenset(p) for p in links(ds)} == {frozenset((rival.claim, x.claim)) for x in (ministry, governor, blogger)}


def test_a_figure_that_matched_the_others_toll_of_its_day_does_not_rival_a_later_rise():
    """The governor's 12 on Saturday, the ministry's 12 on Sunday, the governor's 19 on
    Monday: no disagreement; the ministry's 3 would disagree with both."""
    gov_sat = row(1, "e", "killed", "Governor", 12, 12, article_date="2026-03-14")
    ministry = row(2, "e", "killed", "Ministry", 12, 12, article_date="2026-03-15")
    gov_mon = row(3, "e", "killed", "Governor", 19, 19, article_date="2026-03-16")
    ds = new_dataset()
    link_figures(ds, [gov_sat, ministry, gov_mon])
    assert links(ds) == set()
    low = row(4, "e", "killed", "Ministry", 3, 3, article_date="2026-03-15")
    ds = new_dataset()
    link_figures(ds, [gov_sat, low, gov_mon])
    assert {frozenset(p) for p in links(ds)} == {frozenset((gov_sat.claim, low.claim)), frozenset((gov_mon.claim, low.claim))}


def test_an_open_figure_of_another_official_settles_nothing():
    """A side's administration's "at least 25" agrees with anything above; it does not make
    its ministry's 63 agree with the enemy's 400. The same body's own "at least 38" does."""
    north = frozenset({"Northland"})
    ministry = row(1, "e", "killed", "Ministry", 63, 63, sides=north, official=True, article_date="2026-01-02")
    admin = row(2, "e", "killed", "Administration", 25, None, sides=north, official=True, article_date="2026-01-03")
    enemy = row(3, "e", "killed", "Southland army", 400, 400, sides=frozenset({"Southland"}), official=True,
                article_date="2026-01-02")
    ds = new_dataset()
    link_figures(ds, [ministry, admin, enemy])
    assert {frozenset(p) for p in links(ds)} == {frozenset((ministry.claim, enemy.claim))}
