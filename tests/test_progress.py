"""The build's progress bar and summary table on a terminal (a console forced to be one)."""
from __future__ import annotations

import io

from rich.console import Console

from graph.cli.progress import BuildProgress, expected_articles, summary_table
from graph.pipeline.build import BuildSummary
from graph.types import Article, Extraction


def test_expected_articles_counts_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\nText.\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n', encoding="utf-8")
    assert expected_articles([str(tmp_path)]) == 4
    assert expected_articles([str(tmp_path / "missing")]) == 0


def test_the_bar_shows_the_total_and_the_summary_is_a_table(tmp_path):
    (tmp_path / "a.txt").write_text("A\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B\n\nText.\n", encoding="utf-8")
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    progress = BuildProgress(True, [str(tmp_path)], console=console)
    assert progress._bar.tasks[0].total == 2
    progress(Extraction(article=Article(id="a", text="A")))
    assert progress._bar.tasks[0].completed == 1
    progress._bar.refresh()
    assert "[newsgraph]" in out.getvalue() and "1/2" in out.getvalue()  # the label is text, not markup
    progress.close()
    summary = BuildSummary()
    summary.articles, summary.claims["figure"] = 2, 3
    progress.summary(summary)
    text = out.getvalue()
    assert "articles built" in text and "figure claims" in text and "3" in text


def test_off_a_terminal_the_summary_is_one_line(capsys):
    summary = BuildSummary()
    summary.articles = 1
    BuildProgress(False).summary(summary)
    assert capsys.readouterr().err.startswith("articles read 1, failed 0")
    assert summary_table(summary).row_count == 8
