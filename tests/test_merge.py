"""Merging actors: canonical keys, the alias file, corpus-wide surname links, merge records."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.errors import InputError
from graph.names import canonical_key
from graph.pipeline.build import run_build
from graph.rdf.aliases import apply_aliases, load_alias_file
from graph.rdf.vocab import NG
from graph.types import Actor, Article, Claim, Evidence, Extraction, Software

#: The software stamped on hand-made extractions (no model ran).
SOFTWARE = Software("0.0.test", "hand_made", "0")


@pytest.mark.parametrize("names", [
    ["Russian Defense Ministry", "Russia's defence ministry", "the Russian Ministry of Defence"],
    ["Armed Forces of Ukraine", "Ukraine's Armed Forces", "the Ukrainian Armed Forces"],
    ["Ministry of Foreign Affairs", "the Foreign Affairs Ministry"],
    ["Moscow", "Russia", "Russian officials", "Russia's authorities"],
    ["Ukrainian forces", "the Ukrainian army", "Ukraine's military", "Armed Forces of Ukraine"],
    ["Kyiv's defence ministry", "Ukraine's Ministry of Defence"],
    ["Médecins Sans Frontières", "Medecins Sans Frontieres"],
])
def test_variant_names_share_a_key(names):
    keys = {canonical_key(n) for n in names}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("a,b", [
    ("Russian Defense Ministry", "Ukrainian Defense Ministry"),
    ("Health Ministry", "Defense Ministry"),
    ("Russia", "Russian Defense Ministry"),
    ("Washington Post", "American Post"),
    ("Moscow's defence ministry", "Kyiv's defence ministry"),
    ("local officials", "Ukraine"),
    ("Ukrainian Ground Forces", "Ukrainian Air Force"),
])
def test_different_names_keep_apart(a, b):
    assert canonical_key(a) != canonical_key(b)


def test_person_and_organisation_never_merge(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "a.txt").write_text("Report\n\nJordan said 12 soldiers were killed.\n", encoding="utf-8")
    (inp / "b.txt").write_text("Report\n\nSpokesman Michael Jordan said 40 people were injured.\n", encoding="utf-8")
    from graph.rdf.iris import actor_iri
    assert actor_iri(Actor("Jordan", "organization")) != actor_iri(Actor("Jordan", "person"))


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_alias_file_yaml_and_csv(tmp_path):
    y = _write(tmp_path, "a.yaml", "- name: Ministry of Defence of Ruritania\n  aliases: [MoD, Ruritanian military]\n"
                                   "  wikidata: Q42\n  side: Ruritania\n  type: organization\n")
    c = _write(tmp_path, "a.csv", "name,aliases,wikidata,side,type\n"
                                  "Ministry of Defence of Ruritania,MoD|Ruritanian military,Q42,Ruritania,organization\n")
    for path in (y, c):
        table = load_alias_file(path)
        entry = table.lookup(Actor("the MoD", "organization"))
        assert entry is not None and entry.name == "Ministry of Defence of Ruritania"
        assert entry.wikidata == "Q42" and entry.side == "Ruritania"


@pytest.mark.parametrize("content,suffix,problem", [
    ("- aliases: [x]\n", ".yaml", "has no name"),
    ("- name: X\n  wikidata: 42\n", ".yaml", "wikidata must look like Q123"),
    ("- name: X\n  type: robot\n", ".yaml", "type must be one of"),
    ("name: [unclosed\n", ".yaml", "bad YAML"),
    ("x", ".txt", "unsupported alias file type"),
])
def test_bad_alias_file_is_a_clear_error(tmp_path, content, suffix, problem):
    path = _write(tmp_path, "aliases" + suffix, content)
    with pytest.raises(InputError, match=problem) as exc:
        load_alias_file(path)
    assert str(path) in str(exc.value)


def _extraction(source: Actor) -> Extraction:
    art = Article(id="x", text="The MoD said 3 soldiers died.")
    ev = Evidence("x", 0, len(art.text), art.text)
    claim = Claim(kind="quote", article="x", source=source, evidence=ev, extractor="quotes.v1", text="3 soldiers died")
    return Extraction(article=art, claims=(claim,), actors=(source,), software=SOFTWARE)


def test_apply_aliases_renames_and_keeps_written_name(tmp_path):
    table = load_alias_file(_write(tmp_path, "a.yaml", "- name: Ruritanian Defence Ministry\n  aliases: [MoD]\n  wikidata: Q7\n"))
    ex = apply_aliases(_extraction(Actor("MoD", "organization")), table)
    src = ex.claims[0].source
    assert src.name == "Ruritanian Defence Ministry"
    assert "MoD" in src.aliases and src.wikidata == "Q7" and src.alias_file


def _build(tmp_path, files: dict[str, str], nlp=None, **kw) -> Dataset:
    inp = tmp_path / "in"
    inp.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (inp / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run_build([str(inp)], out, html=False, nlp=nlp, **kw)
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    return ds


def _labels(ds: Dataset, cls=NG.Person) -> set[str]:
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    return {str(default.value(s, RDFS.label)) for s in default.subjects(RDF.type, cls)}


def _reasons(ds: Dataset) -> list[str]:
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    return [str(o) for o in default.objects(None, NG.mergeReason)]


def test_surname_links_to_unique_full_name_across_articles(tmp_path, nlp):
    ds = _build(tmp_path, nlp=nlp, files={
        "a.txt": "Shelling\n\nMilitary analyst Jonas Berg said 40 soldiers were killed.\n",
        "b.txt": "Shelling\n\nBerg said the toll was higher and 60 soldiers had died.\n",
    })
    assert "Jonas Berg" in _labels(ds) and "Berg" not in _labels(ds)
    assert any("surname" in r for r in _reasons(ds))


def test_ambiguous_surname_stays_apart(tmp_path, nlp):
    ds = _build(tmp_path, nlp=nlp, files={
        "a.txt": "Shelling\n\nMilitary analyst Jonas Berg said 40 soldiers were killed.\n",
        "b.txt": "Shelling\n\nGovernor Maria Berg said 30 people were injured.\n",
        "c.txt": "Shelling\n\nBerg said the toll was higher and 60 soldiers had died.\n",
    })
    assert {"Jonas Berg", "Maria Berg", "Berg"} <= _labels(ds)


def test_alias_file_merges_and_splits_in_a_build(tmp_path, nlp):
    aliases = _write(tmp_path, "aliases.yaml",
                     "- name: Ruritanian Ministry of Defence\n  aliases: [Defence Department]\n  wikidata: Q123\n"
                     "- name: Jonas Berg\n  type: person\n  split: [Berg]\n")
    ds = _build(tmp_path, nlp=nlp, files={
        "a.txt": "Strike\n\nThe Defence Department said 12 soldiers were killed.\n\nMilitary analyst Jonas Berg said 40 soldiers were killed.\n",
        "b.txt": "Strike\n\nBerg said 60 soldiers had died.\n",
    }, aliases=str(aliases))
    orgs = _labels(ds, NG.Organization)
    assert "Ruritanian Ministry of Defence" in orgs and "Defence Department" not in orgs
    assert {"Jonas Berg", "Berg"} <= _labels(ds)  # split: no surname merge
    assert any(r.startswith("alias file") for r in _reasons(ds))
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    assert any(str(o).endswith("/Q123") for o in default.objects(None, NG.wikidata))


def test_variant_spellings_become_one_actor_with_alt_labels(tmp_path, nlp):
    ds = _build(tmp_path, nlp=nlp, files={
        "a.txt": "Strike\n\nThe Ruritanian Defense Ministry said 12 soldiers were killed.\n",
        "b.txt": "Strike\n\nRuritania's defence ministry said 15 soldiers were killed.\n",
    })
    orgs = [l for l in _labels(ds, NG.Organization) if "inistry" in l]
    assert len(orgs) == 1
    assert "same normalized name" in _reasons(ds)


_NORTHLAND = {
    "a.txt": "Strike\n\nThe Northland defence ministry said 12 soldiers were killed.\n",
    "b.txt": "Strike\n\nThe Northlandish defence ministry said 15 soldiers were killed.\n",
}


def test_a_users_rules_reach_the_merge_keys(tmp_path, nlp):
    """A demonym the user's ``--rules`` adds makes "Northland" and "Northlandish" one key."""
    without = _labels(_build(tmp_path / "plain", nlp=nlp, files=_NORTHLAND), NG.Organization)
    assert len([label for label in without if "ministry" in label]) == 2
    rules = _write(tmp_path, "rules.yaml", "demonyms:\n  northlandish: Northland\n")
    ds = _build(tmp_path / "ruled", nlp=nlp, files=_NORTHLAND, rules=str(rules))
    assert len([label for label in _labels(ds, NG.Organization) if "ministry" in label]) == 1
    assert "same normalized name" in _reasons(ds)
    aliases = _write(tmp_path, "aliases.yaml", "- name: Ministry of Defence of Northland\n")
    named = _build(tmp_path / "aliased", nlp=nlp, files=_NORTHLAND, rules=str(rules), aliases=str(aliases))
    assert [label for label in _labels(named, NG.Organization) if "inistry" in label] == [
        "Ministry of Defence of Northland"]


#: One general's name in two transliterations, in two articles.
SYRSKYI = {"a.txt": "Front\n\nCommander Oleksandr Syrskyi said 40 soldiers were killed.\n",
           "b.txt": "Front\n\nGeneral Aleksandr Syrsky said 60 soldiers had died.\n"}


def _scores(ds: Dataset) -> list[float]:
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    return [float(o) for o in default.objects(None, NG.mergeScore)]


def test_a_transliterated_name_is_one_person_across_articles(tmp_path, nlp):
    ds = _build(tmp_path, nlp=nlp, files={
        **SYRSKYI,
        "c.txt": "Front\n\nZelensky said 12 people were injured.\n",
        "d.txt": "Front\n\nPresident Volodymyr Zelenskyy said 30 people were injured.\n",
    })
    labels = _labels(ds)
    assert len(labels & {"Oleksandr Syrskyi", "Aleksandr Syrsky"}) == 1
    assert "Volodymyr Zelenskyy" in labels and "Zelensky" not in labels  # a surname in another spelling
    assert any("transliteration" in r for r in _reasons(ds)) and all(0.8 <= s <= 1 for s in _scores(ds))


def test_people_with_one_surname_and_other_first_names_stay_apart(tmp_path, nlp):
    ds = _build(tmp_path, nlp=nlp, files={
        "a.txt": "Front\n\nGovernor Mykola Bondarenko said 40 soldiers were killed.\n",
        "b.txt": "Front\n\nMayor Serhii Bondarenko said 60 people had died.\n",
    })
    assert {"Mykola Bondarenko", "Serhii Bondarenko"} <= _labels(ds)


def test_an_acronym_joins_the_one_organisation_it_abbreviates(tmp_path, nlp):
    files = {"a.txt": "Darfur\n\nThe Rapid Support Forces said 40 fighters were killed.\n",
             "b.txt": "Darfur\n\nThe RSF said in a statement that 12 people were injured.\n"}
    ds = _build(tmp_path / "one", nlp=nlp, files=files)
    assert "RSF" not in _labels(ds, NG.Organization) | _labels(ds, NG.Group)
    ds = _build(tmp_path / "two", nlp=nlp, files={
        **files, "c.txt": "Media\n\nThe Reporters Sans Frontieres said 3 journalists were injured.\n"})
    assert "RSF" in _labels(ds, NG.Organization) | _labels(ds, NG.Group)  # two names it may stand for


def test_a_merge_rule_can_be_turned_off(tmp_path, nlp):
    ds = _build(tmp_path, nlp=nlp, files=SYRSKYI, no_merge=["variant"])
    assert {"Oleksandr Syrskyi", "Aleksandr Syrsky"} <= _labels(ds)


def test_actors_and_merges_commands_list_what_an_alias_file_needs(tmp_path, nlp, capsys):
    from graph.cli.main import main

    _build(tmp_path, nlp=nlp, files=SYRSKYI)
    assert main(["merges", str(tmp_path / "out"), "--format", "csv"]) == 0
    header, *rows = capsys.readouterr().out.strip().splitlines()
    assert header.split(",")[:4] == ["name", "intoLabel", "reason", "score"]
    assert any("transliteration" in r and ",0." in r for r in rows)
    assert main(["actors", str(tmp_path / "out"), "--format", "json"]) == 0
    import json
    found = {b["label"]["value"]: b for b in json.loads(capsys.readouterr().out)["results"]["bindings"]}
    syrskyi = found.get("Oleksandr Syrskyi") or found["Aleksandr Syrsky"]
    assert syrskyi["merges"]["value"] == "1" and int(syrskyi["claims"]["value"]) >= 2  # both articles' claims


def test_a_national_body_named_without_its_country_is_the_articles_countrys(tmp_path, nlp):
    """"The Defense Ministry" in a story about Russia meets "Russia's Defence Ministry" of
    another article, and takes Russia's side."""
    ds = _build(tmp_path, nlp=nlp, files={
        "a.txt": "Appeal\n\nWives of soldiers from Russia's Kirov region asked Russian President Vladimir Putin "
                 "for help. The Defense Ministry said 40 soldiers were wounded. Russian officials declined "
                 "to comment.\n",
        "b.txt": "Strike\n\nRussia's Defence Ministry said 60 soldiers were killed.\n"})
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    ministries = [s for s in default.subjects(RDF.type, NG.Organization) if "Defen" in str(default.value(s, RDFS.label))]
    assert len(ministries) == 1 and str(default.value(ministries[0], NG.side)) == "Russia"
