"""What a build shows on a terminal: a progress bar with the total and the time left, and
the summary as a table (`rich`, the usual library for both). Off a terminal (a log, a
pipe, ``--quiet``) the build prints nothing while it runs and the one-line summary.

May import: ``rich``, ``graph.readers``, ``graph.types``.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from graph.readers.load import iter_input_paths
from graph.types import CLAIM_KINDS


def expected_articles(inputs: Iterable[str], chunk: int = 1 << 20) -> int:
    """How many articles the inputs hold, cheaply: one per file, one per line of a
    ``.jsonl`` file (blank lines aside); inputs that cannot be read count nothing (the
    build reports them)."""
    total = 0
    for path in iter_input_paths(inputs, on_error=lambda err: None):
        if path.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            continue
    return total


class BuildProgress:
    """A progress bar on stderr (articles built of those expected, elapsed, left, the
    current article), when ``enabled``; called with each extraction."""

    def __init__(self, enabled: bool, inputs: Iterable[str] = (), console: Console | None = None) -> None:
        self.enabled, self.n = enabled, 0
        self.console = console or Console(file=sys.stderr)
        self._bar = None
        if enabled:
            self._bar = Progress(TextColumn("\\[newsgraph]"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                                 TextColumn("{task.fields[current]}"), console=self.console, transient=True)
            self._task = self._bar.add_task("build", total=expected_articles(inputs) or None, current="")
            self._bar.start()

    def __call__(self, ex) -> None:
        self.n += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, current=ex.article.id[:40])

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()

    def summary(self, summary) -> None:
        """The build's summary: a table on a terminal, else its one line."""
        if not self.enabled:
            print(summary.format(), file=sys.stderr)
            return
        self.console.print(summary_table(summary))


def summary_table(summary) -> Table:
    """Articles, failures, actors and claims by kind, as a table."""
    table = Table(title="newsgraph build", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles built", str(summary.articles))
    table.add_row("inputs failed", str(summary.failed))
    table.add_row("actors", str(summary.actors))
    for kind in CLAIM_KINDS:
        table.add_row(f"{kind} claims", str(summary.claims.get(kind, 0)))
    table.add_row("claims", str(sum(summary.claims.values())))
    return table


