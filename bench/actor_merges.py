"""How well actors are merged, against the helper-written actor gold.

    python bench/actor_merges.py BUILD_FOLDER [--gold tests/data/actors]

BUILD_FOLDER holds a ``graph.trig`` built from the articles the gold covers
(seeds and dev A-E). Each gold mention (article, surface form) is mapped to the
actor (or unresolved mention: "the company", "officials") whose label or alias is
that form (case and a leading "the" aside) and that the article mentions or
quotes. Over the mapped mentions it prints the pairwise precision and recall of
"same actor" (the issue's goal: both at least 0.9), how many mentions could be
mapped, and the junk actors: actors (not unresolved mentions) whose label the
gold lists as no actor in that article.
"""
from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import pyoxigraph as ox

from graph.names import display_key

ACTORS = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?actor ?name ?article ?unresolved WHERE {
  { ?actor a ng:Actor } UNION { ?actor a ng:UnresolvedMention BIND(true AS ?unresolved) }
  { ?actor rdfs:label ?name } UNION { ?actor skos:altLabel ?name }
  { GRAPH ?g { ?actor ng:mentionedIn ?a } } UNION { GRAPH ?g { ?c ng:source ?actor ; ng:inArticle ?a } }
  GRAPH ?g { ?a ng:articleId ?article }
}
"""


def _key(name: str) -> str:
    return display_key(name.replace("\u2019", "'"))


def predicted(trig: Path) -> tuple[dict[tuple[str, str], set[str]], set[str]]:
    """(article, name key) -> the actor IRIs (and unresolved mentions) with that name in
    that article, and the IRIs that are unresolved mentions (no actors, so never junk)."""
    store = ox.Store()
    store.load(path=str(trig), format=ox.RdfFormat.TRIG)
    out: dict[tuple[str, str], set[str]] = {}
    unresolved = set()
    for row in store.query(ACTORS, use_default_graph_as_union=False):
        out.setdefault((row["article"].value, _key(row["name"].value)), set()).add(row["actor"].value)
        if row["unresolved"] is not None:
            unresolved.add(row["actor"].value)
    return out, unresolved


def score(gold_dir: Path, found: dict[tuple[str, str], set[str]], unresolved: frozenset[str] = frozenset()) -> dict:
    mentions = {}  # (article, name key) -> (gold cluster, predicted actor)
    total = 0
    articles = {a for a, _ in found}
    for n, line in enumerate((gold_dir / "gold_clusters.jsonl").read_text(encoding="utf-8").splitlines()):
        for m in json.loads(line)["mentions"]:
            if m["article"] not in articles:
                continue
            total += 1
            actors = found.get((m["article"], _key(m["name"])))
            if actors and len(actors) == 1:
                mentions[(m["article"], _key(m["name"]))] = (n, next(iter(actors)))
    same_gold = same_pred = both = 0
    for (g1, p1), (g2, p2) in itertools.combinations(mentions.values(), 2):
        same_gold += g1 == g2
        same_pred += p1 == p2
        both += g1 == g2 and p1 == p2
    junk = set()
    for line in (gold_dir / "gold_not_actors.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        junk |= found.get((item["article"], _key(item["name"])), set()) - unresolved
    return {"gold mentions": total, "mapped": len(mentions),
            "precision": round(both / same_pred, 3) if same_pred else 0.0,
            "recall": round(both / same_gold, 3) if same_gold else 0.0,
            "junk actors": len(junk)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path)
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[1] / "tests" / "data" / "actors")
    args = ap.parse_args()
    found, unresolved = predicted(args.build / "graph.trig")
    for name, value in score(args.gold, found, frozenset(unresolved)).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
