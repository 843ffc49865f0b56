"""Precision and recall of a build's ``ng:conflictsWith`` pairs against a dev set's
``gold_conflicts.jsonl`` (written apart from the rules): a predicted pair matches a gold
pair of the same kind when each end is from the gold end's article, its source is one of
the gold item's names (as the scorer matches sources) and its interval meets the gold one."""
from __future__ import annotations

import json
import re
from pathlib import Path

from rdflib import Dataset

from graph.rdf.vocab import NG


def _words(name: str) -> set[str]:
    return {w for w in re.sub(r"[^\w\s]", " ", re.sub(r"'s\b", "", name.lower())).split() if w not in {"the", "a", "an", "of"}}


def _names(end: dict, items: list[dict]) -> list[str]:
    """The gold item's names for a pair's end (its alias list in the claims' gold)."""
    for it in items:
        if it["article"] == end["article"] and it.get("kind") == "figure" and (it.get("low"), it.get("high")) \
                == (end.get("low"), end.get("high")) and end["source"] in it["source"]:
            return it["source"]
    return [end["source"]]


def _end_ok(rec: dict, end: dict, items: list[dict]) -> bool:
    if rec["article"] != end["article"]:
        return False
    names = rec["source"] if isinstance(rec["source"], list) else [rec["source"]]
    if not any(_words(g) <= _words(n) for g in _names(end, items) for n in names):
        return False
    lo, hi = rec.get("low") or 0, rec["high"] if rec.get("high") is not None else float("inf")
    glo, ghi = end.get("low") or 0, end["high"] if end.get("high") is not None else float("inf")
    return lo <= ghi and glo <= hi


def conflict_scores(out: Path, gold_dir: Path) -> dict[str, float]:
    """``{"pairs", "matched", "precision", "recall"}`` of a build folder against a dev set."""
    recs = {r["iri"]: r for r in map(json.loads, (out / "claims.jsonl").read_text(encoding="utf-8").splitlines())}
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    pairs = {tuple(sorted((str(s), str(o)))) for s, _, o, _ in ds.quads((None, NG.conflictsWith, None, None))}
    items = [json.loads(line) for f in gold_dir.glob("gold_*.jsonl") if not f.name.startswith(("gold_conflicts", "gold_not", "gold_inc"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [json.loads(line) for line in (gold_dir / "gold_conflicts.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    matched, found = 0, set()
    for a, b in pairs:
        ra, rb = recs[a], recs[b]
        hits = [i for i, g in enumerate(gold) if g["quantity"] == ra["quantity"] and (
            (_end_ok(ra, g["a"], items) and _end_ok(rb, g["b"], items)) or (_end_ok(ra, g["b"], items) and _end_ok(rb, g["a"], items)))]
        matched += bool(hits)
        found.update(hits)
    return {"pairs": len(pairs), "matched": matched, "precision": matched / max(1, len(pairs)),
            "recall": len(found) / max(1, len(gold))}
