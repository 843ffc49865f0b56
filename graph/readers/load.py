"""Reading articles from disk: ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl``.

This is the only module that opens input files. Inputs are files, folders
(walked recursively in sorted order, hidden files and folders skipped) and glob
patterns. A bad input never stops a run: :func:`load_articles` hands an
:class:`~graph.errors.InputError` naming the file (and line) to ``on_error``
and goes on with the next one.

Text encoding: files are read as UTF-8 (a BOM is stripped; a UTF-16 BOM is
honoured; an HTML page may declare another charset). Bytes that do not decode
are replaced with U+FFFD and a :class:`UnicodeWarning` naming the file is
issued with :func:`warnings.warn`; the article is still read, because one bad
byte in a long scraped article should not lose the article. A file with NUL
bytes in its first 8 KB is binary and is rejected.

Size: ``max_bytes`` (``--max-bytes``) limits one article. A ``.jsonl`` file is
read line by line, never whole, so it may be of any size: the limit applies to
each of its records, and a record over it is reported by line.
"""
from __future__ import annotations

import codecs
import datetime as dt
import glob
import json
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import yaml

from graph.errors import InputError
from graph.readers.chrome import find_chrome
from graph.readers.dates import article_date
from graph.types import Article

#: File types that can be read, by suffix (lower case).
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
#: Metadata keys of a ``.txt`` header, ``.md`` front matter or ``.jsonl`` record.
METADATA_KEYS = ("title", "url", "outlet", "date", "author", "language")
#: Default limit on the size of one article (a file, or a ``.jsonl`` record), in bytes (``--max-bytes``).
MAX_BYTES = 5_000_000

_SNIFF_BYTES = 8192
_GLOB_CHARS = re.compile(r"[*?\[]")
_HEADER_LINE = re.compile(r"^([A-Za-z]+)[ \t]*:[ \t]*(.*?)\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
_MD_HEADING = re.compile(r"^#\s+(.+)$", re.M)
_HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_HTML_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.I)
#: Page parts dropped before trafilatura looks for the main text: on a page with
#: no article, its fallback extractors would otherwise return the menu.
_HTML_PRUNE = ["//nav", "//footer"]
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number",
               float: "number", bool: "boolean", type(None): "null"}

OnError = Callable[[InputError], None]
Chrome = tuple[tuple[int, int], ...]


def iter_input_paths(inputs: Iterable[str | os.PathLike[str]], *, on_error: OnError) -> Iterator[Path]:
    """The files named by ``inputs`` (files, folders, glob patterns), each once.

    An input that matches nothing is reported to ``on_error``. A file reached
    twice (say by a folder and by a pattern) is yielded once.
    """
    seen: set[Path] = set()
    for given in inputs:
        for path in _expand_input(os.fspath(given), on_error):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def load_articles(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = MAX_BYTES,
    on_error: OnError,
) -> Iterator[Article]:
    """Articles read from ``inputs``; every bad file or line goes to ``on_error``.

    Article ids must be unique: a later article with an id already seen is
    reported and skipped (the first one wins).
    """
    first_seen: dict[str, str] = {}
    for path in iter_input_paths(inputs, on_error=on_error):
        found = _read_file(path, max_bytes=max_bytes, on_error=on_error)
        while True:
            try:
                article, line = next(found)
            except StopIteration:
                break
            except InputError as err:  # the file as a whole (a .jsonl file may fail midway)
                on_error(err)
                break
            where = f"{path}:{line}" if line is not None else str(path)
            if article.id in first_seen:
                problem = f"duplicate article id {article.id!r} (first seen in {first_seen[article.id]})"
                on_error(InputError(str(path), problem, line=line))
                continue
            first_seen[article.id] = where
            yield article


def read_article_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
    on_error: OnError | None = None,
) -> list[Article]:
    """The articles of one file (one, or one per line of a ``.jsonl`` file).

    Raises :class:`InputError` when the file cannot be read at all. A bad line
    of a ``.jsonl`` file goes to ``on_error`` and the other lines are still
    read; without ``on_error``, the first bad line raises.
    """
    return [article for article, _ in _read_file(Path(path), max_bytes=max_bytes, on_error=on_error)]


# --- finding files -------------------------------------------------------------------


def _expand_input(name: str, on_error: OnError) -> list[Path]:
    if not name.strip():
        on_error(InputError(repr(name), "no such file or folder"))
        return []
    path = Path(name)
    if path.is_dir():
        files = _walk(path, on_error)
        if not files:
            on_error(InputError(name, "folder has no files to read"))
        return files
    if path.exists():
        return [path]
    if _GLOB_CHARS.search(name):
        files = []
        for match in sorted(glob.glob(name, recursive=True)):
            found = Path(match)
            files.extend(_walk(found, on_error) if found.is_dir() else [found])
        if not files:
            on_error(InputError(name, "no files match this pattern"))
        return files
    on_error(InputError(name, "no such file or folder"))
    return []


def _walk(root: Path, on_error: OnError) -> list[Path]:
    """Files under ``root``, recursively, sorted, hidden files and folders skipped."""

    def report(err: OSError) -> None:
        on_error(InputError(err.filename or str(root), f"cannot read folder: {err.strerror or err}"))

    files: list[Path] = []
    for folder, subfolders, names in os.walk(root, onerror=report):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        files.extend(Path(folder, name) for name in names if not name.startswith("."))
    return sorted(files, key=lambda file: file.relative_to(root).parts)


# --- reading one file ----------------------------------------------------------------


def _read_file(path: Path, *, max_bytes: int, on_error: OnError | None) -> Iterator[tuple[Article, int | None]]:
    """Articles of one file, each with its line number (``.jsonl``) or ``None``, as they are read.

    Raises :class:`InputError` (while iterating) when the file cannot be read.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kind = f"'{suffix}'" if suffix else "(no extension)"
        raise InputError(str(path), f"unsupported file type {kind} (expected {', '.join(SUFFIXES)})")
    if suffix == ".jsonl":
        yield from _read_jsonl(path, max_bytes=max_bytes, on_error=on_error)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                str(path), f"file is {_format_size(size)}, over the {_format_size(max_bytes)} limit (--max-bytes)"
            )
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot read file: {err.strerror or err}") from err
    text = _decode(data, path, html=suffix in (".html", ".htm"))
    if not text.strip():
        raise InputError(str(path), "empty file")
    parse = {".txt": _parse_txt, ".md": _parse_md}.get(suffix, _parse_html)
    yield parse(text, path), None


def _read_jsonl(path: Path, *, max_bytes: int, on_error: OnError | None) -> Iterator[tuple[Article, int | None]]:
    """The records of a ``.jsonl`` file, read a line at a time (see :func:`_read_file`)."""
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputError(str(path), f"cannot read file: {err.strerror or err}") from err
    any_text = False
    with handle:
        try:
            head = handle.read(_SNIFF_BYTES)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                # rare: UTF-16 has no byte-wise lines, so the file is read whole (up to the limit)
                data = head + handle.read(max_bytes + 1)
                if len(data) > max_bytes:
                    raise InputError(str(path), f"UTF-16 JSONL file over the {_format_size(max_bytes)} limit "
                                                "(--max-bytes); convert it to UTF-8")
                text = _decode(data, path, html=False)
                lines: Iterable[tuple[str | None, int]] = ((line, 0) for line in text.split("\n"))
            elif b"\0" in head:
                raise InputError(str(path), "binary file, not text")
            else:
                handle.seek(0)
                lines = _bounded_lines(handle, max_bytes, path)
            for number, (line, size) in enumerate(lines, start=1):
                if line is None:
                    any_text = True
                    err = InputError(str(path), f"record is {_format_size(size)}, over the "
                                                f"{_format_size(max_bytes)} limit (--max-bytes)", line=number)
                    if on_error is None:
                        raise err
                    on_error(err)
                    continue
                if not line.strip():
                    continue
                any_text = True
                try:
                    yield _parse_record(line, path, number), number
                except InputError as err:
                    if on_error is None:
                        raise
                    on_error(err)
        except OSError as err:
            raise InputError(str(path), f"cannot read file: {err.strerror or err}") from err
    if not any_text:
        raise InputError(str(path), "empty file")


def _bounded_lines(handle: BinaryIO, max_bytes: int, path: Path) -> Iterator[tuple[str | None, int]]:
    """``(text, 0)`` for each line of ``handle``, or ``(None, size)`` for a line over
    ``max_bytes``, which is skipped in chunks, never held whole."""
    while raw := handle.readline(max_bytes + 2):  # room for the line's own "\r\n"
        if len(raw) == max_bytes + 2 and not raw.endswith(b"\n"):
            size = len(raw)
            while rest := handle.readline(1 << 16):
                size += len(rest)
                if rest.endswith(b"\n"):
                    size -= 2 if rest.endswith(b"\r\n") else 1
                    break
            yield None, size
            continue
        raw = raw.removesuffix(b"\n").removesuffix(b"\r")
        if len(raw) > max_bytes:
            yield None, len(raw)
        else:
            yield _decode_text(raw, path, html=False).removeprefix("\ufeff"), 0


def _decode(data: bytes, path: Path, *, html: bool) -> str:
    """Text of ``data``, see the module docstring for the policy."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif b"\0" in data[:_SNIFF_BYTES]:
        raise InputError(str(path), "binary file, not text")
    else:
        text = _decode_text(data, path, html=html)
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _decode_text(data: bytes, path: Path, *, html: bool) -> str:
    encodings = ["utf-8"]
    declared = _HTML_CHARSET.search(data[:_SNIFF_BYTES]) if html else None
    if declared:
        try:
            encodings.append(codecs.lookup(declared.group(1).decode("ascii")).name)
        except LookupError:
            pass
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    warnings.warn(
        f"{path}: not valid {encodings[-1].upper()}; undecodable bytes replaced with U+FFFD",
        UnicodeWarning,
        stacklevel=2,
    )
    return data.decode(encodings[-1], errors="replace")


def _parse_txt(text: str, path: Path) -> Article:
    """A ``Key: value`` header block (known keys only) ended by a blank line, then the body."""
    lines = text.strip().split("\n")
    end = next((number for number, line in enumerate(lines) if not line.strip()), len(lines))
    matches = [_HEADER_LINE.match(line) for line in lines[:end]]
    if not all(match and match.group(1).lower() in METADATA_KEYS for match in matches):
        return _article(path.stem, text.strip(), path, {}, default_title=_first_line)
    meta = {match.group(1).lower(): match.group(2) for match in matches if match}
    body = "\n".join(lines[end + 1 :]).strip()
    if not body:
        raise InputError(str(path), "header but no article text")
    return _article(path.stem, body, path, meta, default_title=_first_line)


def _parse_md(text: str, path: Path) -> Article:
    """Optional YAML front matter, then the Markdown body (kept as Markdown)."""
    meta: dict[str, object] = {}
    body = text
    front = _FRONT_MATTER.match(text)
    if front:
        try:
            loaded = yaml.safe_load(front.group(1))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            problem = getattr(err, "problem", None) or str(err).splitlines()[0]
            line = mark.line + 2 if mark is not None else None
            raise InputError(str(path), f"bad YAML front matter: {problem}", line=line) from err
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError(str(path), "front matter is not a mapping of keys to values")
        meta = {str(key).lower(): value for key, value in (loaded or {}).items()}
        body = text[front.end() :]
    body = body.strip()
    if not body:
        raise InputError(str(path), "front matter but no article text")
    return _article(path.stem, body, path, meta, default_title=_markdown_title)


def _parse_html(text: str, path: Path) -> Article:
    """Main text and metadata by trafilatura (offline); paragraphs joined by blank lines.

    ``outlet`` is the site name, ``language`` the page's ``<html lang>`` when
    trafilatura does not give one.
    """
    import trafilatura  # slow to import, so only when an HTML file is read

    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, prune_xpath=_HTML_PRUNE
    )
    lines = [line.strip() for line in (document.text or "").splitlines()] if document else []
    body = "\n\n".join(line for line in lines if line)
    if not body:
        raise InputError(str(path), "no article text found")
    lang = _HTML_LANG.search(text[:_SNIFF_BYTES])
    meta = {
        "title": document.title,
        "url": document.url,
        "outlet": document.sitename,
        "date": document.date,
        "author": document.author,
        "language": document.language or (lang.group(1) if lang else None),
    }
    return _article(path.stem, body, path, meta)


def _parse_record(line: str, path: Path, number: int) -> Article:
    def fail(problem: str) -> InputError:
        return InputError(str(path), problem, line=number)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise fail(f"malformed JSON: {err.msg} (column {err.colno})") from err
    if not isinstance(record, dict):
        raise fail(f"record is a JSON {_JSON_TYPES.get(type(record), 'value')}, not an object")
    article_id = record.get("id")
    if article_id is None or (isinstance(article_id, str) and not article_id.strip()):
        raise fail("record has no id")
    if not isinstance(article_id, (str, int)) or isinstance(article_id, bool):
        raise fail(f"record id is a JSON {_JSON_TYPES.get(type(article_id), 'value')}, not a string or integer")
    body = record.get("text")
    if body is not None and not isinstance(body, str):
        raise fail(f"record text is a JSON {_JSON_TYPES.get(type(body), 'value')}, not a string")
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise fail("record has no text")
    return _article(str(article_id), body, path, record)


# --- building articles ---------------------------------------------------------------


def _article(
    article_id: str,
    text: str,
    path: Path,
    meta: Mapping[str, object],
    *,
    default_title: Callable[[str, Chrome], str | None] | None = None,
) -> Article:
    """An article with its metadata (known keys only) and its chrome ranges.

    Without a title in ``meta``, ``default_title(text, chrome)`` gives one.
    """
    values = {key: _meta_value(meta.get(key)) for key in METADATA_KEYS}
    chrome = find_chrome(text)
    if values["title"] is None and default_title is not None:
        values["title"] = default_title(text, chrome)
    values["date"], date_source = article_date(text, values["url"], values["date"])
    return Article(id=article_id, text=text, path=str(path), chrome=chrome, date_source=date_source, **values)


def _meta_value(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(item) for item in value)
    return str(value).strip() or None


def _markdown_title(text: str, chrome: Chrome) -> str | None:
    """The first ``# heading``, else the first line (see :func:`_first_line`), without ``#``s."""
    heading = _MD_HEADING.search(text)
    line = heading.group(1) if heading else _first_line(text, chrome)
    return (line or "").strip("#").strip() or None


def _first_line(text: str, chrome: Chrome) -> str | None:
    """The first non-empty line outside ``chrome``, else the first non-empty line.

    Skipping chrome keeps a "Support us!" banner above the headline from being
    taken for the title.
    """
    begin, first = 0, None
    for line in text.split("\n"):
        if line.strip():
            first = first or line.strip()
            if not any(b <= begin < e for b, e in chrome):
                return line.strip()
        begin += len(line) + 1
    return first


def _format_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"
