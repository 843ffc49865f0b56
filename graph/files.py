"""Output files written whole or not at all, with the permissions the umask gives.

Every output (``graph.trig``, ``claims.jsonl``, ``graph.html``, exports) is
written to a temporary file in its folder and renamed into place, so a crash
never leaves half a file. :func:`tempfile.mkstemp` makes its file mode 0600
whatever the umask; :func:`temporary_output` sets the mode an ordinary
``open()`` would have given (0644 under umask 022), so a page put on a web
server or shared with a team can be read.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def umask_mode(base: int = 0o666) -> int:
    """``base`` less the process umask: the mode ``open()`` gives a new file.

    >>> old = os.umask(0o022); mode = umask_mode(); _ = os.umask(old); oct(mode)
    '0o644'
    """
    mask = os.umask(0)
    os.umask(mask)
    return base & ~mask


def temporary_output(path: Path, *, prefix: str | None = None) -> tuple[int, Path]:
    """A new temporary file beside ``path`` (its descriptor and path), mode from the umask."""
    stem = prefix if prefix is not None else f".{path.name}.{os.getpid()}."
    fd, tmp = tempfile.mkstemp(prefix=stem, suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, umask_mode())
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    return fd, Path(tmp)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_path = temporary_output(path)
    os.close(fd)
    try:
        write(tmp_path)
        os.chmod(tmp_path, umask_mode())  # a writer that replaced the file keeps the mode too
        os.replace(tmp_path, path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
