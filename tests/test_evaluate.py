"""Tests of graph/evaluate.py: each matching rule, the scoring, and agreement with
the shared scorer (``../shared/eval/score.py``) when it is present."""
from __future__ import annotations

import functools
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import InputError
from graph.evaluate import (
    claim_matches,
    evaluate,
    figure_interval,
    figure_matches,
    format_report,
    load_jsonl,
    maximum_matching,
    quote_matches,
    source_matches,
    words,
)

GOLD_PATH = Path(__file__).parent / "data" / "gold_seeds.jsonl"
STATEMENTS_PATH = Path(__file__).parent / "data" / "gold_seeds_statements.jsonl"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SCORE_PY = SHARED_EVAL / "score.py"
A0, A1 = "000_2cfd3623d210ff28", "001_de4eb1a377785554"

needs_score_py = pytest.mark.skipif(
    not SCORE_PY.is_file(),
    reason=f"the shared scorer {SCORE_PY} is absent (it lives in ../shared beside the repo)",
)


# --- rules -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian Defense Ministry", ["russian", "defense", "ministry"]),
        ("Ukraine's armed forces", ["ukraine", "armed", "forces"]),
        ("Ukraine\u2019s military", ["ukraine", "military"]),
        ("ministry of defense", ["ministry", "defense"]),
        ("Moscow-installed administration", ["moscow", "installed", "administration"]),
        ("Минобороны России", ["минобороны", "россии"]),
        ("", []),
        (None, []),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ("the Russian Defense Ministry", ["Defense Ministry"], True),
        ("Russian", ["Russian Defense Ministry"], False),
        ("Russia's Defense Ministry", ["Russia's defense ministry"], True),
        ("Ukraine\u2019s military", ["Ukraine's military"], True),
        ("Ukrainian military", ["Ukraine's military"], False),
        ("Girkin", ["Igor Girkin", "Girkin"], True),
        # 4 extra words allowed, 5 not
        ("one two three four Girkin", ["Girkin"], True),
        ("one two three four five Girkin", ["Girkin"], False),
        # a list: canonical name first, then aliases; any may match
        (["Colonel Cassad", "Colonelcassad"], ["Boris Rozhin", "Colonelcassad"], True),
        ("", ["CNN"], False),
        (None, ["CNN"], False),
        ("the", ["the"], False),
        ("CNN", "CNN", True),
    ],
)
def test_source_matches(pred, gold, expected):
    assert source_matches(pred, gold) is expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ({"quantity": "killed", "low": 63, "high": 63}, {"quantity": ["killed"], "low": 63, "high": 63}, True),
        ({"quantity": "killed", "low": 64, "high": 64}, {"quantity": ["killed"], "low": 63, "high": 63}, False),
        ({"quantity": "injured", "low": 63, "high": 63}, {"quantity": ["killed"], "low": 63, "high": 63}, False),
        ({"quantity": "casualties", "low": 300, "high": 300},
         {"quantity": ["casualties", "killed"], "low": 100, "high": 999}, True),
        # approximate gold: 10% slack each way
        ({"quantity": "killed", "low": 360, "high": 360}, {"quantity": ["killed"], "low": 400, "high": 400, "approx": True}, True),
        ({"quantity": "killed", "low": 359, "high": 359}, {"quantity": ["killed"], "low": 400, "high": 400, "approx": True}, False),
        ({"quantity": "killed", "low": 440, "high": 440}, {"quantity": ["killed"], "low": 400, "high": 400, "approx": True}, True),
        ({"quantity": "killed", "low": 441, "high": 441}, {"quantity": ["killed"], "low": 400, "high": 400, "approx": True}, False),
        # an approximate prediction does not widen anything
        ({"quantity": "killed", "low": 380, "high": 380, "approx": True}, {"quantity": ["killed"], "low": 400, "high": 400}, False),
        # open bounds
        ({"quantity": "killed", "low": 700, "high": None}, {"quantity": ["killed"], "low": 700, "high": None}, True),
        ({"quantity": "killed", "low": 1000, "high": None}, {"quantity": ["killed"], "low": 700, "high": None}, True),
        ({"quantity": "killed", "low": None, "high": 650}, {"quantity": ["killed"], "low": 700, "high": None}, False),
        ({"quantity": "killed", "low": None, "high": 1000}, {"quantity": ["killed"], "low": 200, "high": 900, "approx": True}, True),
        # a bare value is an exact figure; no number at all never matches
        ({"quantity": "killed", "value": 63}, {"quantity": ["killed"], "low": 63, "high": 63}, True),
        ({"quantity": "killed"}, {"quantity": ["killed"], "low": 63, "high": 63}, False),
    ],
)
def test_figure_matches(pred, gold, expected):
    assert figure_matches(pred, gold) is expected


@pytest.mark.parametrize(
    ("record", "widen", "expected"),
    [
        ({"low": 63, "high": 63}, False, (63.0, 63.0)),
        ({"low": 25, "high": None}, False, (25.0, float("inf"))),
        ({"low": None, "high": 50}, False, (0.0, 50.0)),
        ({"low": 100, "high": 200, "approx": True}, True, (90.0, 220.00000000000003)),
        ({"low": 100, "high": 200, "approx": True}, False, (100.0, 200.0)),
        ({}, False, None),
    ],
)
def test_figure_interval(record, widen, expected):
    assert figure_interval(record, widen=widen) == expected


GIRKIN_QUOTE = ("destroyed almost entirely as a result of the detonation of an "
                "ammunition dump in the same building")


@pytest.mark.parametrize(
    ("pred_text", "gold_text", "expected"),
    [
        ("a great deal of sloppiness", "a great deal of sloppiness", True),
        ("A great deal of sloppiness!", "a great deal of sloppiness", True),
        # Jaccard exactly 0.5 passes, below fails
        ("great deal", "great deal sloppiness everywhere", True),
        ("great", "great deal sloppiness", False),
        # 4 contiguous words contained in the other text
        # words are counted after dropping the/a/an/of: 6 here, 3 in the next one
        ("detonation of an ammunition dump in the same building", GIRKIN_QUOTE, True),
        ("the detonation of an ammunition dump", GIRKIN_QUOTE, False),
        ("ammunition dump in the same", GIRKIN_QUOTE, True),
        ("ammunition dump same building", GIRKIN_QUOTE, False),
        ("detonation ammunition dump", GIRKIN_QUOTE, False),
        ("destroyed entirely detonation ammunition", GIRKIN_QUOTE, False),
        # containment works both ways
        (GIRKIN_QUOTE + " and more words here to make it long",
         "detonation of an ammunition dump in the same", True),
        ("", "anything", False),
    ],
)
def test_quote_matches(pred_text, gold_text, expected):
    assert quote_matches({"text": pred_text}, {"text": gold_text}) is expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        # criticism: the source alone decides, the target does not matter
        ({"source": "Girkin", "target": "anything"},
         {"kind": "criticism", "source": ["Igor Girkin", "Girkin"], "target": "Russian generals"}, True),
        ({"source": "Bezsonov", "target": "Russian generals"},
         {"kind": "criticism", "source": ["Igor Girkin"], "target": "Russian generals"}, False),
        ({"source": "Rob Lee", "text": "simply a leadership failure of sorts"},
         {"kind": "quote", "source": ["Rob Lee"], "text": "simply a leadership failure"}, True),
        ({"source": "Lee", "quantity": "killed", "low": 4, "high": 4},
         {"kind": "figure", "source": ["Rob Lee"], "quantity": ["killed"], "low": 4, "high": 4}, False),
    ],
)
def test_claim_matches(pred, gold, expected):
    assert claim_matches(pred, gold) is expected


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        ([], {}),
        ([[0]], {0: 0}),
        ([[0], [0]], {0: 0}),
        # the second prediction pushes the first to its other gold item
        ([[0, 1], [0]], {0: 1, 1: 0}),
        ([[0, 1], [0, 1], [0, 1]], {0: 1, 1: 0}),
        ([[], [1], [0, 1]], {1: 1, 2: 0}),
        # a longer augmenting path
        ([[0], [0, 1], [1, 2], [2]], {0: 0, 1: 1, 2: 2}),
    ],
)
def test_maximum_matching(candidates, expected):
    assert maximum_matching(candidates) == expected


def test_maximum_matching_needs_no_recursion():
    n = 5000  # prediction i takes gold i; the last one, wanting gold 0, shifts them all
    candidates = [[i, i + 1] for i in range(n)] + [[0]]
    pairs = maximum_matching(candidates)
    assert (len(pairs), pairs[n], pairs[0], pairs[n - 1]) == (n + 1, 0, 1, n)


# --- scoring -----------------------------------------------------------------

G_FIG = {"article": "a", "kind": "figure", "source": ["Defense Ministry"], "quantity": ["killed"], "low": 63, "high": 63}
G_FIG_OPT = {"article": "a", "kind": "figure", "source": ["Ministry"], "quantity": ["killed"], "low": 60, "high": 70, "optional": True}
G_CRIT = {"article": "a", "kind": "criticism", "source": ["Girkin"], "target": "the high command"}
G_CRIT2 = {"article": "a", "kind": "criticism", "source": ["Girkin"], "target": "lack of camouflage"}
P_FIG = {"article": "a", "kind": "figure", "source": "Russian Defense Ministry", "quantity": "killed", "low": 63, "high": 63}
G_STMT = {"article": "a", "kind": "statement", "source": ["Defense Ministry"],
          "text": "the missile was fired by Ukrainian forces"}
P_STMT = {"article": "a", "kind": "statement", "source": "the Russian Defense Ministry",
          "text": "the missile was fired by Ukrainian forces from Kramatorsk"}


@pytest.mark.parametrize(
    ("gold", "pred", "kind", "expected"),
    [
        ([G_FIG], [P_FIG], "figure", {"tp": 1, "fp": 0, "fn": 0, "dup": 0}),
        ([G_FIG], [], "figure", {"tp": 0, "fp": 0, "fn": 1, "dup": 0}),
        ([G_FIG], [P_FIG, P_FIG], "figure", {"tp": 1, "fp": 0, "fn": 0, "dup": 1}),
        ([G_FIG], [{**P_FIG, "low": 10, "high": 10}], "figure", {"tp": 0, "fp": 1, "fn": 1, "dup": 0}),
        # an optional item: finding it counts as nothing, missing it costs nothing
        ([G_FIG_OPT], [{**P_FIG, "source": "Ministry", "low": 65, "high": 65}], "figure",
         {"tp": 0, "fp": 0, "fn": 0, "dup": 0}),
        ([G_FIG_OPT], [], "figure", {"tp": 0, "fp": 0, "fn": 0, "dup": 0}),
        # a prediction matching both a required and an optional item
        ([G_FIG, G_FIG_OPT], [P_FIG], "figure", {"tp": 1, "fp": 0, "fn": 0, "dup": 0}),
        ([G_FIG, G_FIG_OPT], [P_FIG, P_FIG, P_FIG], "figure", {"tp": 1, "fp": 0, "fn": 0, "dup": 1}),
        # other articles and other kinds are not scored
        ([G_FIG], [P_FIG, {**P_FIG, "article": "b"}, {**P_FIG, "kind": "denial"}], "figure",
         {"tp": 1, "fp": 0, "fn": 0, "dup": 0}),
        # a prediction of the wrong kind is a false positive of its own kind
        ([G_FIG, G_CRIT], [{**P_FIG, "kind": "criticism"}], "criticism", {"tp": 0, "fp": 1, "fn": 1, "dup": 0}),
        # required items are matched first: the optional item listed first cannot take the prediction
        ([G_FIG_OPT, G_FIG], [P_FIG], "figure", {"tp": 1, "fp": 0, "fn": 0, "dup": 0}),
        ([G_FIG_OPT, G_FIG], [P_FIG, P_FIG], "figure", {"tp": 1, "fp": 0, "fn": 0, "dup": 0}),
        # a statement matches on source and text, as a quote does
        ([G_STMT], [P_STMT], "statement", {"tp": 1, "fp": 0, "fn": 0, "dup": 0}),
        ([G_STMT], [{**P_STMT, "text": "the strike hit a school"}], "statement", {"tp": 0, "fp": 1, "fn": 1, "dup": 0}),
        # criticism: the target steers which gold item a prediction takes
        ([G_CRIT, G_CRIT2], [{"article": "a", "kind": "criticism", "source": "Girkin", "target": "camouflage"}],
         "criticism", {"tp": 1, "fp": 0, "fn": 1, "dup": 0, "target_hit": 1}),
        ([G_CRIT, G_CRIT2], [{"article": "a", "kind": "criticism", "source": "Igor Girkin", "target": "Moscow"}] * 3,
         "criticism", {"tp": 2, "fp": 0, "fn": 0, "dup": 1, "target_hit": 0}),
    ],
)
def test_evaluate_counts(gold, pred, kind, expected):
    stats = evaluate(gold, pred)[kind]
    assert {k: stats[k] for k in expected} == expected


def test_only_the_kinds_the_gold_annotates_are_scored():
    result = evaluate([G_FIG], [P_FIG, {**P_FIG, "kind": "criticism"}, P_STMT])
    assert [k for k in result if k != "overall"] == ["figure"]
    assert {k: result["overall"][k] for k in ("tp", "fp", "fn")} == {"tp": 1, "fp": 0, "fn": 0}


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"tp": 1, "fp": 0, "fn": 0}, (1.0, 1.0, 1.0)),
        ({"tp": 2, "fp": 1, "fn": 3}, (0.667, 0.4, 0.5)),
        ({"tp": 0, "fp": 0, "fn": 0}, (0.0, 0.0, 0.0)),
        ({"tp": 0, "fp": 2, "fn": 2}, (0.0, 0.0, 0.0)),
    ],
)
def test_evaluate_precision_recall_f1(counts, expected):
    gold = [{**G_FIG, "low": i, "high": i} for i in range(counts["tp"] + counts["fn"])]
    gold.append({**G_FIG_OPT, "low": 5000, "high": 5000})  # so that "figure" is annotated
    pred = [{**P_FIG, "low": i, "high": i} for i in range(counts["tp"])]
    pred += [{**P_FIG, "low": 1000 + i, "high": 1000 + i} for i in range(counts["fp"])]
    s = evaluate(gold, pred)["figure"]
    assert (s["precision"], s["recall"], s["f1"]) == expected


def test_evaluate_overall_sums_the_kinds():
    result = evaluate([G_FIG, G_CRIT], [P_FIG, {**P_FIG, "low": 5, "high": 5}])
    assert {k: result["overall"][k] for k in ("tp", "fp", "fn", "dup")} == {"tp": 1, "fp": 1, "fn": 1, "dup": 0}
    assert (result["overall"]["precision"], result["overall"]["recall"]) == (0.5, 0.5)


def test_evaluate_lists_errors():
    wrong = {**P_FIG, "low": 5, "high": 5}
    errors = evaluate([G_FIG], [wrong])["figure"]["errors"]
    assert errors == [{"false_positive": wrong}, {"missed": G_FIG}]


# --- reading and reporting ---------------------------------------------------


def test_load_jsonl_skips_blank_lines(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text('{"a": 1}\n\n  \n{"b": "\u00e9"}\n', encoding="utf-8")
    assert load_jsonl(path) == [{"a": 1}, {"b": "\u00e9"}]


@pytest.mark.parametrize(
    ("content", "line", "problem"),
    [
        ('{"a": 1}\n{"a": 2}\n{"a": \n', 3, "not valid JSON"),
        ('{"a": 1}\n[1, 2]\n', 2, "expected a JSON object"),
        ('\n\n"text"\n', 3, "expected a JSON object"),
    ],
)
def test_load_jsonl_names_file_and_line(tmp_path, content, line, problem):
    path = tmp_path / "pred.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as info:
        load_jsonl(path)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_load_jsonl_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_jsonl(tmp_path / "nope.jsonl")


OVERALL_LINE = re.compile(
    r"^overall P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3} "
    r"figure_f1=\d\.\d{3} criticism_f1=\d\.\d{3}$"
)


@pytest.mark.parametrize("show_errors", [False, True])
def test_format_report_ends_with_overall_line(show_errors):
    report = format_report(evaluate([G_FIG, G_CRIT], [P_FIG]), show_errors=show_errors)
    lines = report.splitlines()
    assert OVERALL_LINE.match(lines[-1]), lines[-1]
    assert lines[-1] == "overall P=1.000 R=0.500 F1=0.667 figure_f1=1.000 criticism_f1=0.000"
    assert not any(line.startswith("quote ") for line in lines)  # the gold has no quotes
    assert any(line.startswith("criticism ") and line.endswith("target_hit=0") for line in lines)
    assert any('"missed"' in line for line in lines) is show_errors


# --- agreement with the shared scorer ----------------------------------------


def _perfect(gold: list[dict]) -> list[dict]:
    """One prediction per required gold item, in the simplest form that matches it."""
    pred = []
    for g in gold:
        if g.get("optional"):
            continue
        p = {"article": g["article"], "kind": g["kind"], "source": g["source"][0]}
        if g["kind"] == "figure":
            p.update(quantity=g["quantity"][0], low=g["low"], high=g["high"], approx=g["approx"])
        elif g["kind"] == "criticism":
            p["target"] = g["target"]
        else:
            p["text"] = g["text"]
        pred.append(p)
    return pred


NOISY = [
    # article 000: figures
    {"article": A0, "kind": "figure", "source": "the Ukrainian military", "quantity": "killed", "low": 380, "high": 380, "approx": True},
    {"article": A0, "kind": "figure", "source": "Ukrainian military", "quantity": "killed", "low": 400, "high": 400},
    {"article": A0, "kind": "figure", "source": "Strategic Communications Directorate", "quantity": "killed", "low": 400, "high": 400, "approx": True},
    {"article": A0, "kind": "figure", "source": "Strategic Communications Directorate of Ukraine's Armed Forces", "quantity": "killed", "low": 410, "high": 410},
    {"article": A0, "kind": "figure", "source": "Russian Defense Ministry", "quantity": "killed", "low": 63, "high": 63},
    {"article": A0, "kind": "figure", "source": "Russian", "quantity": "killed", "low": 63, "high": 63},
    {"article": A0, "kind": "figure", "source": ["Defence Ministry of Russia", "Moscow"], "quantity": "killed", "low": 60, "high": 70},
    {"article": A0, "kind": "figure", "source": "pro-Russian bloggers", "quantity": "casualties", "low": 100, "high": None, "approx": True},
    {"article": A0, "kind": "figure", "source": "CNN", "quantity": "killed", "low": 6, "high": None},
    # article 000: criticism
    {"article": A0, "kind": "criticism", "source": "Igor Girkin", "target": "Russian generals"},
    {"article": A0, "kind": "criticism", "source": "Girkin", "target": "the command"},
    {"article": A0, "kind": "criticism", "source": "Girkin", "target": "x"},
    {"article": A0, "kind": "criticism", "source": "Grigory Karasin", "target": "those responsible"},
    {"article": A0, "kind": "criticism", "source": "CNN", "target": "Russia"},
    {"article": A0, "kind": "criticism", "source": "military blogger Daniil Bezsonov", "target": "the Russian high command"},
    # article 000: quotes
    {"article": A0, "kind": "quote", "source": "StratCom", "text": "Santa packed around 400 corpses"},
    {"article": A0, "kind": "quote", "source": "Sergey Markov", "text": "sloppiness"},
    {"article": A0, "kind": "quote", "source": "StratCom", "text": "greetings and congratulations"},
    {"article": A0, "kind": "quote", "source": "Girkin", "text": "a great deal of sloppiness"},
    # article 001
    {"article": A1, "kind": "figure", "source": "Moscow-installed administration of Ukraine's Donetsk region", "quantity": "munitions", "low": 25, "high": None},
    {"article": A1, "kind": "figure", "source": "Igor Girkin", "quantity": "killed", "low": None, "high": 1000},
    {"article": A1, "kind": "figure", "source": "Russian Defense Ministry", "quantity": "injured", "value": 63},
    {"article": A1, "kind": "figure", "source": "Russian Defense Ministry", "quantity": "killed", "value": 63},
    {"article": A1, "kind": "figure", "source": "The Moscow Times", "quantity": "killed", "low": 4, "high": None},
    {"article": A1, "kind": "quote", "source": "Rob Lee", "text": "housing them next to ammunition storage is simply a leadership failure"},
    {"article": A1, "kind": "quote", "source": "Rob Lee", "text": "But housing them next to ammunition storage"},
    {"article": A1, "kind": "quote", "source": "Arkhangel Spetsnaz", "text": "There were a significant number of killed"},
    {"article": A1, "kind": "criticism", "source": "Rob Lee", "target": "leadership failure"},
    {"article": A1, "kind": "criticism", "source": ["Igor Girkin", "Strelkov"], "target": "military commanders"},
    # not scored: an article without gold, a kind the scorer does not know
    {"article": "999_not_in_gold", "kind": "figure", "source": "CNN", "quantity": "killed", "low": 6, "high": 6},
    {"article": A0, "kind": "denial", "source": "Russian Defense Ministry"},
]


def _comparable(result: dict) -> dict:
    """A result with its error lists as sorted JSON (the shared scorer's order varies)."""
    out = {}
    for key, stats in result.items():
        stats = dict(stats)
        if "errors" in stats:
            stats["errors"] = sorted(json.dumps(e, sort_keys=True) for e in stats["errors"])
        out[key] = stats
    return out


@functools.cache
def _load_score_module():
    spec = importlib.util.spec_from_file_location("shared_eval_score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_perfect_predictions_score_one():
    gold = load_jsonl(GOLD_PATH)
    result = evaluate(gold, _perfect(gold))
    assert (result["overall"]["f1"], result["overall"]["fp"], result["overall"]["dup"]) == (1.0, 0, 0)
    assert result["criticism"]["target_hit"] == result["criticism"]["tp"]


def test_noisy_predictions_score_as_worked_out():
    result = evaluate(load_jsonl(GOLD_PATH), NOISY)
    counts = {k: tuple(result[k][c] for c in ("tp", "fp", "fn", "dup")) for k in ("figure", "criticism", "quote")}
    assert counts == {
        "figure": (6, 2, 4, 3),
        "criticism": (5, 1, 3, 1),
        "quote": (3, 2, 6, 1),
    }
    assert result["criticism"]["target_hit"] == 4


@needs_score_py
@pytest.mark.parametrize("gold_path", [GOLD_PATH, STATEMENTS_PATH], ids=["seeds", "statements"])
@pytest.mark.parametrize("name", ["perfect", "empty", "noisy", "gold_as_pred"])
def test_agrees_with_shared_scorer(tmp_path, name, gold_path):
    gold = load_jsonl(gold_path)
    pred = {"perfect": _perfect(gold), "empty": [], "noisy": NOISY, "gold_as_pred": gold}[name]
    pred_path = tmp_path / f"{name}.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in pred), encoding="utf-8")
    ours = evaluate(gold, load_jsonl(pred_path))

    def run(*extra: str) -> str:
        done = subprocess.run(
            [sys.executable, str(SCORE_PY), str(gold_path), str(pred_path), *extra],
            capture_output=True, text=True, check=True, timeout=60,
        )
        return done.stdout

    assert _comparable(ours) == _comparable(json.loads(run("--json")))
    assert format_report(ours).splitlines()[-1] == run().splitlines()[-1]
    assert format_report(ours) == run().rstrip("\n")


@needs_score_py
@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 7), max_size=5, unique=True), max_size=10))
def test_matching_agrees_with_shared_scorer(candidates):
    score = _load_score_module()
    assert maximum_matching(candidates) == score.max_matching(dict(enumerate(candidates)))


_NAMES = ["Girkin", "Igor Girkin", "Russian", "Defense Ministry", "the Russian Defense Ministry",
          "Rob Lee", "StratCom", "Ukrainian military", "Ukraine's armed forces", "CNN", "Moscow"]
_TEXTS = ["a great deal of sloppiness", "leadership failure", "Santa packed around 400 corpses",
          "There were a significant number of killed and wounded", "hello"]
_pred = st.fixed_dictionaries(
    {
        "article": st.sampled_from([A0, A1, "other"]),
        "kind": st.sampled_from(["figure", "criticism", "quote", "statement", "other"]),
        "source": st.one_of(st.sampled_from(_NAMES), st.lists(st.sampled_from(_NAMES), max_size=3)),
        "quantity": st.sampled_from(["killed", "injured", "casualties", "munitions"]),
        "low": st.one_of(st.none(), st.integers(0, 1000)),
        "high": st.one_of(st.none(), st.integers(0, 1000)),
        "approx": st.booleans(),
        "target": st.sampled_from(["the Russian command", "Russian generals", "leadership", "x"]),
        "text": st.sampled_from(_TEXTS),
    }
)


@needs_score_py
@settings(max_examples=150, deadline=None)
@given(st.lists(_pred, max_size=25))
def test_random_predictions_agree_with_shared_scorer(pred):
    score = _load_score_module()
    for gold in (load_jsonl(GOLD_PATH), load_jsonl(STATEMENTS_PATH), load_jsonl(GOLD_PATH) + load_jsonl(STATEMENTS_PATH)):
        assert _comparable(evaluate(gold, pred)) == _comparable(score.score(gold, pred))
