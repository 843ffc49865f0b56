"""Error types a user can act on. Each message names the file and the problem."""
from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input file (or one line of it) cannot be read as an article."""

    def __init__(self, path: str, problem: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class OptionError(NewsgraphError):
    """A bad option value; the message lists the valid values."""

    def __init__(self, option: str, value: object, valid: list[str] | tuple[str, ...]) -> None:
        self.option, self.value, self.valid = option, value, tuple(valid)
        super().__init__(f"{option}: {value!r} is not one of {', '.join(map(str, valid))}")


class ModelError(NewsgraphError):
    """The spaCy model cannot be loaded."""


class StoreError(NewsgraphError):
    """The store is corrupt, locked, or cannot be written."""


class OutputError(NewsgraphError):
    """An output file cannot be written."""


class ClusterError(NewsgraphError):
    """The Dask scheduler cannot be reached, has no workers, or was lost."""
