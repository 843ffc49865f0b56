"""A floor under extraction quality: each dev corpus, scored per kind with our scorer
(the shared scorer's rules, cross-checked in test_evaluate.py).

Dev A to D were used to write the rules, so their figures are not a measure of
quality on unseen text (see the README); dev E was scored once before any rule
was tuned on it (figure 0.667, criticism 0.412, quote 0.520, statement 0: there
was no statement extractor yet); the statement extractor was then written with a
dozen of its statement lines in view. The seeds are scored with their statement
gold too. The floors sit a little under the figures last
measured, per corpus and per kind, so a change that breaks one kind on one corpus
fails here even when the overall figure holds.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.evaluate import evaluate
from graph.pipeline.build import run_build

DATA = Path(__file__).resolve().parent / "data"

#: folder -> (gold files, {kind: floor}); measured (F1) after the attribution frames and
#: evaluative criticism: A+B figure 0.840, criticism 0.839, quote 0.937; C 0.920, 0.821, 0.965;
#: D 0.874, 0.745, 0.947; E 0.760, 0.701, 0.774, statement 0.785; F (first score 0.600, 0.545,
#: 0.846, 0.832) 0.702, 0.681, 0.846, 0.903; G (first score 0.747, 0.739, 1.000, 0.827) 0.778,
#: 0.766, 1.000, 0.836; seeds figure, criticism, quote 1.000, statement 0.839
FLOORS = {
    "seeds": (["gold_seeds.jsonl", "gold_seeds_statements.jsonl"],
              {"figure": 1.0, "criticism": 1.0, "quote": 1.0, "statement": 0.80}),
    "dev": (["gold_a.jsonl", "gold_b.jsonl"], {"figure": 0.82, "criticism": 0.82, "quote": 0.92, "overall": 0.86}),
    "dev_c": (["gold_c.jsonl"], {"figure": 0.90, "criticism": 0.80, "quote": 0.95, "overall": 0.90}),
    "dev_d": (["gold_d.jsonl"], {"figure": 0.84, "criticism": 0.72, "quote": 0.91, "overall": 0.86}),
    "dev_f": (["gold_f.jsonl"], {"figure": 0.74, "criticism": 0.65, "quote": 0.82, "statement": 0.90}),
    "dev_e": (["gold_e.jsonl"], {"figure": 0.73, "criticism": 0.68, "quote": 0.78, "statement": 0.77}),
    "dev_g": (["gold_g.jsonl"], {"figure": 0.78, "criticism": 0.74, "quote": 0.97, "statement": 0.81}),
    # dev H was scored once before any rule was tuned on it (figure 0.647, criticism 0.852,
    # quote 0.911, statement 0.848); figures were then tuned on it (0.682)
    "dev_h": (["gold_h.jsonl"], {"figure": 0.67, "criticism": 0.82, "quote": 0.94, "statement": 0.85}),
}


def _score(tmp_path: Path, nlp, articles: list[Path], gold_files: list[Path]) -> dict:
    run_build([str(p) for p in articles], tmp_path / "out", html=False, nlp=nlp)
    pred = [json.loads(line) for line in (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(line) for f in gold_files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return evaluate(gold, pred)


@pytest.mark.slow
@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_dev_corpus_scores_above_its_floors(tmp_path, nlp, folder):
    gold, floors = FLOORS[folder]
    where = DATA.parent.parent / "seeds" if folder == "seeds" else DATA / folder
    articles = sorted(where.glob("*.txt"))
    assert len(articles) >= (2 if folder == "seeds" else 8)
    result = _score(tmp_path, nlp, articles, [DATA / g if folder == "seeds" else DATA / folder / g for g in gold])
    scores = {kind: round(result[kind]["f1"], 3) for kind in floors}
    below = {kind: (scores[kind], floor) for kind, floor in floors.items() if scores[kind] < floor}
    assert not below, f"{folder}: below the floor (F1, floor): {below}; all: {scores}"


#: Floors of the conflicting pairs (precision, recall) on the dev sets with gold pairs:
#: dev G was tuned on (first 0.06 / 0.14, now 0.68 / 0.30), dev H scored once before any
#: tuning on it (first 0.12 / 0.18, now 0.73 / 0.28).
CONFLICT_FLOORS = {"dev_g": (0.65, 0.28), "dev_h": (0.70, 0.26)}


@pytest.mark.slow
@pytest.mark.parametrize("folder", sorted(CONFLICT_FLOORS))
def test_conflicting_pairs_score_above_their_floors(tmp_path, nlp, folder):
    from conflict_eval import conflict_scores

    run_build([str(p) for p in sorted((DATA / folder).glob("*.txt"))], tmp_path / "out", html=False, nlp=nlp)
    scores = conflict_scores(tmp_path / "out", DATA / folder)
    precision, recall = CONFLICT_FLOORS[folder]
    assert scores["precision"] >= precision and scores["recall"] >= recall, scores
