"""Score extracted claims against hand-made gold claims.

Our own implementation of the rules of ``shared/eval/FORMAT.md``; it gives the
same numbers as the shared ``score.py`` (a test checks this), so that a score
seen through ``newsgraph`` is the score the referee sees.

* A prediction can match a gold item of the same article and kind only, and only
  articles that appear in the gold are scored.
* Source: every word of some gold name is among the predicted name's words,
  which may have at most :data:`MAX_EXTRA_SOURCE_WORDS` more (see :func:`words`).
* Figure: a gold quantity, and intervals that overlap (the gold one widened by
  :data:`APPROX_SLACK` each way when it is approximate).
* Quote: word-set Jaccard at least :data:`QUOTE_MIN_JACCARD`, or one text of
  4+ words contained in the other.
* Criticism: the source decides; ``target_hit`` counts matched criticisms whose
  target shares a word with the gold target.
* Matching is one-to-one and maximum; a prediction left out only because its
  gold items were taken is a ``dup``, not an error. Matching an ``optional``
  gold item counts as nothing; missing it costs nothing.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph.errors import InputError

#: The kinds the shared scorer knows; a gold file scores only those it annotates.
SCORED_KINDS = ("figure", "criticism", "quote", "statement")
MAX_EXTRA_SOURCE_WORDS = 4
APPROX_SLACK = 0.10
QUOTE_MIN_JACCARD = 0.5
QUOTE_MIN_CONTAINED_WORDS = 4

#: Words that never count: articles, "of", and what is left of a possessive.
IGNORED_WORDS = frozenset({"the", "a", "an", "of", "'s", "s"})

_WORD = re.compile(r"[a-z0-9\u0400-\u04ff]+")
_POSSESSIVE = re.compile(r"'s\b")
_COUNTS = ("tp", "fp", "fn", "dup")


# --- reading -----------------------------------------------------------------


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSON-lines file; blank lines are skipped.

    A line that is not a JSON object raises :class:`InputError` naming the file
    and the line.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON ({exc.msg})", line=number) from exc
        if not isinstance(record, dict):
            raise InputError(str(path), "expected a JSON object", line=number)
        records.append(record)
    return records


# --- matching rules ----------------------------------------------------------


def words(text: str | None) -> list[str]:
    """The words a rule compares: lower-cased, no punctuation, no possessive ``'s``,
    no *the, a, an, of*. Latin letters, digits and Cyrillic make words."""
    text = str(text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    text = _POSSESSIVE.sub("", text)
    return [w for w in _WORD.findall(text) if w not in IGNORED_WORDS]


def source_matches(pred_source: str | list[str] | None, gold_names: Iterable[str]) -> bool:
    """Whether some predicted name contains every word of some gold name, with at
    most :data:`MAX_EXTRA_SOURCE_WORDS` words more."""
    pred_names = pred_source if isinstance(pred_source, list) else [pred_source]
    gold_sets = [set(words(name)) for name in _as_list(gold_names)]
    for name in pred_names:
        pred = set(words(name))
        if not pred:
            continue
        for gold in gold_sets:
            if gold and gold <= pred and len(pred) - len(gold) <= MAX_EXTRA_SOURCE_WORDS:
                return True
    return False


def figure_interval(record: dict[str, Any], *, widen: bool = False) -> tuple[float, float] | None:
    """``(low, high)`` of a figure record; a missing bound is open (0 or infinity).

    ``widen`` stretches an approximate figure by :data:`APPROX_SLACK` each way.
    A record with neither bound but a ``value`` is the exact interval of it.
    """
    low, high = record.get("low"), record.get("high")
    if low is None and high is None:
        low = high = record.get("value")
        if low is None:
            return None
    bottom = 0.0 if low is None else float(low)
    top = math.inf if high is None else float(high)
    if widen and record.get("approx"):
        bottom, top = bottom * (1 - APPROX_SLACK), top * (1 + APPROX_SLACK)
    return bottom, top


def figure_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Same quantity kind and overlapping intervals (gold widened when approximate)."""
    if pred.get("quantity") not in _as_list(gold.get("quantity")):
        return False
    p = figure_interval(pred)
    g = figure_interval(gold, widen=True)
    if p is None or g is None:
        return False
    return p[0] <= g[1] and g[0] <= p[1]


def quote_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Word-set Jaccard >= :data:`QUOTE_MIN_JACCARD`, or the shorter text (4+ words)
    contained in the longer one."""
    p, g = words(pred.get("text")), words(gold.get("text"))
    if not p or not g:
        return False
    shared, either = set(p) & set(g), set(p) | set(g)
    if len(shared) / len(either) >= QUOTE_MIN_JACCARD:
        return True
    shorter, longer = sorted((p, g), key=len)
    # plain string containment of the joined words, as the shared scorer does
    return len(shorter) >= QUOTE_MIN_CONTAINED_WORDS and " ".join(shorter) in " ".join(longer)


def claim_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether ``pred`` may be paired with ``gold`` (same article and kind assumed)."""
    if not source_matches(pred.get("source"), gold.get("source")):
        return False
    if gold.get("kind") == "figure":
        return figure_matches(pred, gold)
    if gold.get("kind") in ("quote", "statement"):
        return quote_matches(pred, gold)
    return True


def target_overlap(pred: dict[str, Any], gold: dict[str, Any]) -> int:
    """How many words the predicted and the gold criticism targets share."""
    return len(set(words(pred.get("target"))) & set(words(gold.get("target"))))


def maximum_matching(candidates: list[list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching ``{pred: gold}`` (Kuhn's augmenting paths).

    ``candidates[i]`` lists the gold items prediction ``i`` may take, best first.
    Predictions are served in order and each tries its candidates in order, so
    ties resolve exactly as in the shared scorer. Iterative: no recursion limit.
    """
    owner: dict[int, int] = {}  # gold -> pred
    for start in range(len(candidates)):
        seen: set[int] = set()
        path: list[tuple[int, int]] = []  # (pred, gold it tries to take)
        stack = [(start, iter(candidates[start]))]
        while stack:
            pred, options = stack[-1]
            for gold in options:
                if gold in seen:
                    continue
                seen.add(gold)
                path.append((pred, gold))
                if gold not in owner:
                    for p, g in path:  # flip the augmenting path
                        owner[g] = p
                    stack.clear()
                else:
                    stack.append((owner[gold], iter(candidates[owner[gold]])))
                break
            else:
                stack.pop()
                if path:
                    path.pop()
    return {pred: gold for gold, pred in owner.items()}


# --- scoring -----------------------------------------------------------------


def evaluate(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 of ``pred`` against ``gold``, per kind and overall.

    Each kind maps to ``tp``, ``fp``, ``fn``, ``dup``, ``target_hit``, ``precision``,
    ``recall``, ``f1`` (rounded to 3 places) and ``errors`` (``{"missed": gold}`` and
    ``{"false_positive": pred}`` records); ``overall`` has the summed counts and
    their micro-averaged precision, recall and F1.
    """
    articles = {g.get("article") for g in gold} - {None}
    kinds = annotated_kinds(gold)
    gold_groups = _group(gold, articles, kinds)
    pred_groups = _group(pred, articles, kinds)

    result: dict[str, Any] = {
        kind: {"tp": 0, "fp": 0, "fn": 0, "dup": 0, "target_hit": 0, "errors": []}
        for kind in kinds
    }
    for key in sorted(set(gold_groups) | set(pred_groups)):
        _score_group(result[key[1]], gold_groups.get(key, []), pred_groups.get(key, []))

    for kind in kinds:
        result[kind].update(_prf(result[kind]))
    overall = {name: sum(result[kind][name] for kind in kinds) for name in _COUNTS}
    overall.update(_prf(overall))
    result["overall"] = overall
    return result


def annotated_kinds(gold: list[dict[str, Any]]) -> tuple[str, ...]:
    """The kinds a gold file annotates at all, in :data:`SCORED_KINDS` order;
    predictions of other kinds are not scored.

    >>> annotated_kinds([{"kind": "quote"}, {"kind": "figure"}])
    ('figure', 'quote')
    """
    present = {g.get("kind") for g in gold}
    return tuple(kind for kind in SCORED_KINDS if kind in present)


def _group(records: list[dict[str, Any]], articles: set[Any],
           kinds: tuple[str, ...]) -> dict[tuple[str, str], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for record in records:
        article, kind = record.get("article"), record.get("kind")
        if article in articles and kind in kinds:
            groups.setdefault((article, kind), []).append(record)
    return groups


def _score_group(stats: dict[str, Any], golds: list[dict], preds: list[dict]) -> None:
    """Match the predictions of one (article, kind) to its gold items; add up ``stats``."""
    candidates = []
    for p in preds:
        matching = [j for j, g in enumerate(golds) if claim_matches(p, g)]
        # the gold whose target shares most words first; stable, so gold order breaks ties
        matching.sort(key=lambda j, p=p: -target_overlap(p, golds[j]))
        candidates.append(matching)
    # required gold items first, so that an optional one never takes the
    # prediction a required one needed; optional items then take what is left
    pairs = maximum_matching([[j for j in c if not golds[j].get("optional")] for c in candidates])
    taken = set(pairs.values())
    pairs.update(maximum_matching([
        [] if i in pairs else [j for j in c if golds[j].get("optional") and j not in taken]
        for i, c in enumerate(candidates)]))

    for i, p in enumerate(preds):
        if i in pairs:
            g = golds[pairs[i]]
            if g.get("optional"):
                continue
            stats["tp"] += 1
            if g.get("kind") == "criticism" and target_overlap(p, g):
                stats["target_hit"] += 1
        elif candidates[i]:
            stats["dup"] += 1
        else:
            stats["fp"] += 1
            stats["errors"].append({"false_positive": p})
    taken = set(pairs.values())
    for j, g in enumerate(golds):
        if j not in taken and not g.get("optional"):
            stats["fn"] += 1
            stats["errors"].append({"missed": g})


def _prf(counts: dict[str, Any]) -> dict[str, float]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# --- report ------------------------------------------------------------------


def format_report(result: dict[str, Any], *, show_errors: bool = False) -> str:
    """A plain-text report: one line per kind, then the ``overall`` line
    (the same shape as the last line of the shared ``score.py``)."""
    lines = []
    kinds = [kind for kind in SCORED_KINDS if kind in result]
    for kind in kinds:
        s = result[kind]
        line = (
            f"{kind:10s} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
            f"tp={s['tp']} fp={s['fp']} fn={s['fn']} dup={s['dup']}"
        )
        if kind == "criticism":
            line += f" target_hit={s['target_hit']}"
        lines.append(line)
        if show_errors:
            lines.extend("    " + json.dumps(e, ensure_ascii=False) for e in s["errors"])
    o = result["overall"]
    per_kind = " ".join(f"{kind}_f1={result[kind]['f1']:.3f}" for kind in kinds)
    lines.append(f"overall P={o['precision']:.3f} R={o['recall']:.3f} F1={o['f1']:.3f} {per_kind}")
    return "\n".join(lines)
