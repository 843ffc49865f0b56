"""The command line: every command, its --help, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli.main import main

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["evaluate", "--help"]])
def test_help(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    assert "usage: newsgraph" in capsys.readouterr().out


def test_console_script_is_installed():
    proc = subprocess.run([sys.executable, "-m", "graph.cli.main", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("newsgraph ")


def test_build_and_evaluate(tmp_path, seeds_dir, capsys):
    assert main(["build", str(seeds_dir), "--out", str(tmp_path), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "articles read 2, failed 0" in err
    assert main(["evaluate", str(DATA / "gold_seeds.jsonl"), str(tmp_path / "claims.jsonl")]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("overall P=")
    assert main(["evaluate", "--json", str(DATA / "gold_seeds.jsonl"), str(tmp_path / "claims.jsonl")]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["f1"] >= 0.9


def test_build_with_no_good_article_fails(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["build", str(empty), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "no article could be built" in err


def test_strict_fails_when_any_input_failed(tmp_path, seeds_dir, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF")
    args = ["build", str(seeds_dir / "000_2cfd3623d210ff28.txt"), str(bad), "--out", str(tmp_path / "o"), "--no-html"]
    assert main(args) == 0
    assert main(args + ["--strict"]) == 1
    assert "bad.pdf" in capsys.readouterr().err


def test_missing_model_is_a_clear_error(tmp_path, seeds_dir, capsys):
    code = main(["build", str(seeds_dir), "--out", str(tmp_path), "--model", "no_such_model_xyz"])
    assert code == 2
    assert "no_such_model_xyz" in capsys.readouterr().err


def test_evaluate_bad_file_names_the_line(tmp_path, capsys):
    bad = tmp_path / "pred.jsonl"
    bad.write_text('{"article": "a", "kind": "quote"}\nnot json\n', encoding="utf-8")
    assert main(["evaluate", str(DATA / "gold_seeds.jsonl"), str(bad)]) == 2
    assert "pred.jsonl:2" in capsys.readouterr().err
