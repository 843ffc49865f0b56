"""A floor under extraction quality: the dev corpora, scored with our scorer (the shared
scorer's rules, cross-checked in test_evaluate.py).

The dev articles are in the styles of real reporting but were used to write the
rules, so these figures are not a measure of quality on unseen text (see the
README); they catch a change that breaks what worked. The floors sit a little
under the figures last measured (dev A+B 0.874, dev C 0.918, dev D 0.863).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.pipeline.build import run_build
from graph.evaluate import evaluate

DATA = Path(__file__).resolve().parent / "data"


def _score(tmp_path: Path, articles: list[Path], gold_files: list[Path]) -> dict:
    run_build([str(p) for p in articles], tmp_path / "out", html=False)
    pred = [json.loads(line) for line in (tmp_path / "out" / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(line) for f in gold_files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return evaluate(gold, pred)


@pytest.mark.slow
@pytest.mark.parametrize("folder, gold, floor", [
    ("dev", ["gold_a.jsonl", "gold_b.jsonl"], 0.84),
    ("dev_c", ["gold_c.jsonl"], 0.89),
    ("dev_d", ["gold_d.jsonl"], 0.82),
])
def test_dev_corpus_scores_above_its_floor(tmp_path, folder, gold, floor):
    articles = sorted((DATA / folder).glob("*.txt"))
    assert len(articles) >= 8
    result = _score(tmp_path, articles, [DATA / folder / g for g in gold])
    overall = result["overall"]
    assert overall["f1"] >= floor, {k: v["f1"] for k, v in result.items() if isinstance(v, dict) and "f1" in v}
    for kind in ("figure", "criticism", "quote"):
        assert result[kind]["f1"] >= 0.55, (kind, result[kind]["f1"])
