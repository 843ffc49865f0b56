from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.readers.load import iter_input_paths, load_articles, read_article_file
from graph.types import Article

DATA = Path(__file__).parent / "data" / "readers"
BODY = "A drone strike set fire to a fuel depot early on Tuesday, regional officials said."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def load(inputs: list[str | Path], **options: int) -> tuple[list[Article], list[InputError]]:
    errors: list[InputError] = []
    articles = list(load_articles(inputs, on_error=errors.append, **options))
    return articles, errors


def read_one(tmp_path: Path, name: str, content: str | bytes) -> Article:
    (article,) = read_article_file(write(tmp_path, name, content))
    return article


# --- formats --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "with_header.txt",
            "Title: Depot hit\nURL: https://example.org/a\nOutlet: Example Wire\nDate: 2024-03-05\n"
            f"Author: Jane Roe\nLanguage: en\n\n{BODY}\n",
            dict(title="Depot hit", url="https://example.org/a", outlet="Example Wire", date="2024-03-05",
                 author="Jane Roe", language="en", text=BODY),
        ),
        (
            "keys_any_case.txt",
            f"TITLE: Depot hit\nurl: https://example.org/a\n\n{BODY}",
            dict(title="Depot hit", url="https://example.org/a", outlet=None, text=BODY),
        ),
        (
            "no_header.txt",
            f"\nDepot hit by drones\n\n{BODY}\n",
            dict(title="Depot hit by drones", url=None, text=f"Depot hit by drones\n\n{BODY}"),
        ),
        (
            "headline_with_colon.txt",
            f"Poll: Clinton leads\n\n{BODY}",
            dict(title="Poll: Clinton leads", url=None, text=f"Poll: Clinton leads\n\n{BODY}"),
        ),
        (
            "unknown_key_in_block.txt",
            f"Title: Depot hit\nPoll: Clinton leads\n\n{BODY}",
            dict(title="Title: Depot hit", text=f"Title: Depot hit\nPoll: Clinton leads\n\n{BODY}"),
        ),
        (
            "crlf_and_bom.txt",
            f"\ufeffTitle: Depot hit\r\n\r\n{BODY}\r\nSecond line.\r\n",
            dict(title="Depot hit", text=f"{BODY}\nSecond line."),
        ),
        (
            "banner_above_headline.txt",
            f"Support Example Daily!\n\nDepot hit by drones\n\n{BODY}",
            dict(title="Depot hit by drones", chrome=((0, 22),)),
        ),
        (
            "front_matter.md",
            "---\nTitle: Depot hit\nurl: https://example.org/a\ndate: 2024-03-05\nauthor: [Jane Roe, John Doe]\n"
            f"language: en\ntags: [war]\n---\n# Depot hit\n\n{BODY}\n",
            dict(title="Depot hit", url="https://example.org/a", date="2024-03-05", author="Jane Roe, John Doe",
                 language="en", text=f"# Depot hit\n\n{BODY}"),
        ),
        (
            "heading_only.md",
            f"Some intro line\n\n## Depot hit ##\n\n# Drone strike hits depot\n\n{BODY}",
            dict(title="Drone strike hits depot", url=None,
                 text=f"Some intro line\n\n## Depot hit ##\n\n# Drone strike hits depot\n\n{BODY}"),
        ),
        (
            "no_heading.md",
            f"Drone strike hits depot\n\n{BODY}",
            dict(title="Drone strike hits depot", text=f"Drone strike hits depot\n\n{BODY}"),
        ),
        (
            "front_matter_without_title.md",
            f"---\noutlet: Example Wire\ndate: 2024-03-05T08:30:00\n---\n\n## Depot hit\n\n{BODY}",
            dict(title="Depot hit", outlet="Example Wire", date="2024-03-05T08:30:00", text=f"## Depot hit\n\n{BODY}"),
        ),
    ],
)
def test_text_formats_read_metadata_and_body(tmp_path: Path, name: str, content: str, expected: dict) -> None:
    article = read_one(tmp_path, name, content)
    assert article.id == Path(name).stem
    assert article.path == str(tmp_path / name)
    assert {key: getattr(article, key) for key in expected} == expected


def test_html_main_text_and_metadata_without_page_chrome() -> None:
    (article,) = read_article_file(DATA / "drone_strike.html")
    assert article.id == "drone_strike"
    assert (article.title, article.url, article.outlet, article.date, article.author, article.language) == (
        "Drone strike hits fuel depot near river port",
        "https://news.example.org/world/drone-strike-fuel-depot",
        "Example Wire",
        "2024-03-05",
        "Jane Doe",
        "en",
    )
    assert "A drone strike set fire to a fuel depot" in article.text
    assert "rarely confirms attacks on targets inside enemy territory." in article.text
    for chrome in ("World news section", "Business and markets", "All rights reserved", "cookie settings"):
        assert chrome not in article.text
    assert "\n\nThe regional governor said" in article.text


def test_html_without_metadata_reads_text(tmp_path: Path) -> None:
    paragraph = "<p>Officials said the strike destroyed two storage tanks and injured four workers at the depot.</p>"
    article = read_one(tmp_path, "bare.html", f"<html><body><div>{paragraph * 3}</div></body></html>")
    assert article.title is None and article.url is None and article.date is None
    assert article.text.startswith("Officials said the strike destroyed two storage tanks")


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    paragraph = "<p>Губернатор сообщил, что в результате удара беспилотника пострадали два работника склада.</p>"
    page = f'<html><head><meta charset="windows-1251"></head><body><article>{paragraph * 3}</article></body></html>'
    article = read_one(tmp_path, "cp1251.htm", page.encode("windows-1251"))
    assert article.text.startswith("Губернатор сообщил")


def test_utf16_text_file_is_not_binary(tmp_path: Path) -> None:
    article = read_one(tmp_path, "wide.txt", codecs.BOM_UTF16_LE + f"Depot hit\n\n{BODY}".encode("utf-16-le"))
    assert (article.title, article.text) == ("Depot hit", f"Depot hit\n\n{BODY}")


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": BODY, "title": "Depot hit", "url": "https://example.org/a",
                    "outlet": "Example Wire", "date": "2024-03-05", "author": "Jane Roe", "language": "en"}),
        '{"id": "a2", "text": ',
        "",
        json.dumps(["a3", BODY]),
        json.dumps({"id": "a4"}),
        json.dumps({"id": "a5", "text": "   "}),
        json.dumps({"text": BODY}),
        json.dumps({"id": "a7", "text": 42}),
        json.dumps({"id": 8, "text": BODY}),
        json.dumps({"id": "a1", "text": BODY}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    articles, errors = load([path])
    assert [(a.id, a.title, a.text) for a in articles] == [("a1", "Depot hit", BODY), ("8", None, BODY)]
    assert (articles[0].url, articles[0].outlet, articles[0].date, articles[0].author, articles[0].language) == (
        "https://example.org/a", "Example Wire", "2024-03-05", "Jane Roe", "en",
    )
    assert [str(error) for error in errors] == [
        f"{path}:2: malformed JSON: Expecting value (column 22)",
        f"{path}:4: record is a JSON array, not an object",
        f"{path}:5: record has no text",
        f"{path}:6: record has no text",
        f"{path}:7: record has no id",
        f"{path}:8: record text is a JSON number, not a string",
        f"{path}:10: duplicate article id 'a1' (first seen in {path}:1)",
    ]
    assert all(error.path == str(path) for error in errors)
    assert [error.line for error in errors] == [2, 4, 5, 6, 7, 8, 10]


def test_jsonl_bad_line_raises_without_on_error(tmp_path: Path) -> None:
    path = write(tmp_path, "batch.jsonl", json.dumps({"id": "a", "text": BODY}) + "\nnot json\n")
    with pytest.raises(InputError) as raised:
        read_article_file(path)
    assert (raised.value.path, raised.value.line) == (str(path), 2)


def test_article_chrome_is_set(tmp_path: Path) -> None:
    article = read_one(tmp_path, "a.txt", f"Depot hit\n\n{BODY}\n\nAdvertisement\n\n{BODY}")
    start = article.text.index("Advertisement")
    assert article.chrome == ((start, start + len("Advertisement")),)


# --- finding files --------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ["b.txt", "a.md", "sub/c.txt", "sub/deeper/d.txt", "sub/e.md",
                 ".hidden.txt", ".git/f.txt", "sub/.cache/g.txt"]:
        write(tmp_path, name, f"{Path(name).stem} headline\n\n{BODY}")
    return tmp_path


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (".", ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "sub/e.md"]),
        ("sub", ["sub/c.txt", "sub/deeper/d.txt", "sub/e.md"]),
        ("sub/", ["sub/c.txt", "sub/deeper/d.txt", "sub/e.md"]),
        ("*.txt", ["b.txt"]),
        ("sub/*.txt", ["sub/c.txt"]),
        ("**/*.txt", ["b.txt", "sub/c.txt", "sub/deeper/d.txt"]),
        ("**", ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "sub/e.md"]),
        ("s*", ["sub/c.txt", "sub/deeper/d.txt", "sub/e.md"]),
        ("b.txt", ["b.txt"]),
    ],
)
def test_inputs_expand_folders_and_globs(
    tree: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, expected: list[str]
) -> None:
    monkeypatch.chdir(tree)
    errors: list[InputError] = []
    found = [path.as_posix() for path in iter_input_paths([pattern], on_error=errors.append)]
    assert found == expected
    assert errors == []


def test_absolute_folder_is_walked_sorted(tree: Path) -> None:
    articles, errors = load([tree])
    assert [a.id for a in articles] == ["a", "b", "c", "d", "e"]
    assert errors == []


def test_file_named_twice_is_read_once(tree: Path) -> None:
    articles, errors = load([tree / "b.txt", tree, str(tree / "*.txt")])
    assert [a.id for a in articles] == ["b", "a", "c", "d", "e"]
    assert errors == []


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("missing.txt", "no such file or folder"),
        ("*.pdf", "no files match this pattern"),
        ("empty_folder", "folder has no files to read"),
        ("", "no such file or folder"),
    ],
)
def test_input_matching_nothing_is_an_error(
    tree: Path, monkeypatch: pytest.MonkeyPatch, given: str, problem: str
) -> None:
    monkeypatch.chdir(tree)
    (tree / "empty_folder").mkdir()
    articles, errors = load([given, "b.txt"])
    assert [a.id for a in articles] == ["b"]
    assert [error.problem for error in errors] == [problem]
    assert errors[0].path == (given or repr(given))


# --- bad files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", "", "empty file"),
        ("blank.md", " \n\t\n\n", "empty file"),
        ("blank.jsonl", "\n\n", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        ("report.pdf", "%PDF-1.4", "unsupported file type '.pdf' (expected .txt, .md, .html, .htm, .jsonl)"),
        ("README", "text", "unsupported file type (no extension) (expected .txt, .md, .html, .htm, .jsonl)"),
        ("only_header.txt", "Title: Depot hit\nDate: 2024-03-05\n", "header but no article text"),
        ("only_front_matter.md", "---\ntitle: Depot hit\n---\n", "front matter but no article text"),
        ("list.md", "---\n- a\n- b\n---\nBody", "front matter is not a mapping of keys to values"),
        ("nav_only.html", '<html><body><nav><a href="/">Home</a></nav></body></html>', "no article text found"),
    ],
)
def test_bad_file_is_reported_and_others_still_load(tmp_path: Path, name: str, content: str | bytes, problem: str) -> None:
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "good.txt", f"Depot hit\n\n{BODY}")
    articles, errors = load([bad, good])
    assert [a.id for a in articles] == ["good"]
    assert [str(error) for error in errors] == [f"{bad}: {problem}"]
    assert errors[0].path == str(bad)
    with pytest.raises(InputError, match=re.escape(problem)):
        read_article_file(bad)


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", f"---\ntitle: ok\nurl: [unclosed\n---\n{BODY}")
    with pytest.raises(InputError) as raised:
        read_article_file(path)
    assert raised.value.line is not None and raised.value.line >= 3
    assert str(raised.value).startswith(f"{path}:{raised.value.line}: bad YAML front matter: ")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("size", "max_bytes", "problem"),
    [
        (1_500, 1_000, "file is 1.5 kB, over the 1.0 kB limit (--max-bytes)"),
        (120, 100, "file is 120 bytes, over the 100 bytes limit (--max-bytes)"),
    ],
)
def test_file_over_size_limit(tmp_path: Path, size: int, max_bytes: int, problem: str) -> None:
    big = write(tmp_path, "big.txt", "x" * size)
    small = write(tmp_path, "small.txt", "Depot hit")
    articles, errors = load([big, small], max_bytes=max_bytes)
    assert [a.id for a in articles] == ["small"]
    assert [str(error) for error in errors] == [f"{big}: {problem}"]


def test_size_limit_message_in_megabytes(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 6_200_000)
    with pytest.raises(InputError, match=r"file is 6\.2 MB, over the 5\.0 MB limit \(--max-bytes\)$"):
        read_article_file(path)


def test_undecodable_bytes_warn_and_still_load(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", f"Caf\xe9 hit by drones\n\n{BODY}".encode("latin-1"))
    with pytest.warns(UnicodeWarning, match=re.escape(f"{path}: not valid UTF-8; undecodable bytes replaced")):
        articles, errors = load([path])
    assert errors == []
    assert [a.title for a in articles] == ["Caf\ufffd hit by drones"]


def test_duplicate_id_first_wins(tmp_path: Path) -> None:
    first = write(tmp_path, "one/strike.txt", f"First headline\n\n{BODY}")
    second = write(tmp_path, "two/strike.md", f"# Second headline\n\n{BODY}")
    write(tmp_path, "two/other.txt", f"Other headline\n\n{BODY}")
    articles, errors = load([tmp_path])
    assert [(a.id, a.title) for a in articles] == [("strike", "First headline"), ("other", "Other headline")]
    assert [str(error) for error in errors] == [f"{second}: duplicate article id 'strike' (first seen in {first})"]


def test_jsonl_size_limit_applies_to_each_record_not_the_file(tmp_path: Path) -> None:
    records = [json.dumps({"id": f"r{i}", "text": BODY}) for i in range(40)]
    records[7] = json.dumps({"id": "huge", "text": "x " * 2_000})
    path = write(tmp_path, "many.jsonl", "\n".join(records) + "\n")
    assert path.stat().st_size > 5_000
    articles, errors = load([path], max_bytes=1_000)
    assert len(articles) == 39 and "huge" not in {a.id for a in articles}
    assert [str(e) for e in errors] == [f"{path}:8: record is 4.0 kB, over the 1.0 kB limit (--max-bytes)"]


def test_jsonl_is_read_as_a_stream(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first record comes before the rest of the file is parsed."""
    import graph.readers.load as readers

    parsed: list[int] = []
    real = readers._parse_record
    monkeypatch.setattr(readers, "_parse_record", lambda line, path, number: (parsed.append(number),
                                                                               real(line, path, number))[1])
    path = write(tmp_path, "stream.jsonl", "".join(json.dumps({"id": f"r{i}", "text": BODY}) + "\n"
                                                   for i in range(5_000)))
    stream = load_articles([path], on_error=lambda err: None)
    assert next(stream).id == "r0" and parsed == [1]
    assert sum(1 for _ in stream) == 4_999 and len(parsed) == 5_000


def test_jsonl_with_bom_crlf_and_utf16(tmp_path: Path) -> None:
    record = json.dumps({"id": "b", "text": BODY}, ensure_ascii=False)
    path = write(tmp_path, "bom.jsonl", codecs.BOM_UTF8 + (record + "\r\n").encode() * 1)
    assert [a.id for a in read_article_file(path)] == ["b"]
    wide = write(tmp_path, "wide.jsonl", codecs.BOM_UTF16_LE + (record + "\n").encode("utf-16-le"))
    assert [a.text for a in read_article_file(wide)] == [BODY]
    empty = write(tmp_path, "empty.jsonl", "\n\n")
    with pytest.raises(InputError, match="empty file"):
        read_article_file(empty)
