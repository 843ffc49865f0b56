"""An article's date from its metadata, URL, dateline or text, and where it came from."""
from __future__ import annotations

import pytest

from graph.readers.dates import article_date
from graph.readers.load import read_article_file


@pytest.mark.parametrize(("text", "url", "meta", "expected"), [
    ("Text.", None, "2024-02-01", ("2024-02-01", "metadata")),
    ("Text.", "https://example.org/world/2023/05/14/strike-on-city/", None, ("2023-05-14", "url")),
    ("KYIV, May 14, 2023 (Reuters) - A missile hit the city.", None, None, ("2023-05-14", "dateline")),
    ("BUNIA, DR Congo, 21 July 2025 – Armed men attacked the camp.", None, None, ("2025-07-21", "dateline")),
    ("KYIV, May 14 (Reuters) - The strike on 14 May 2023 killed 12.", None, None, ("2023-05-14", "text")),
    ("KYIV, May 14 (Reuters) - A strike on Saturday killed 12.", None, None, (None, None)),  # no year anywhere
    ("Text.", "https://example.org/2023/13/45/x", None, (None, None)),  # no such day
])
def test_article_date(text, url, meta, expected):
    assert article_date(text, url, meta) == expected


def test_a_read_article_records_where_its_date_came_from(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("URL: https://example.org/news/2024/03/09/market-strike\n\nA strike hit the market.\n",
                    encoding="utf-8")
    [article] = read_article_file(path)
    assert (article.date, article.date_source) == ("2024-03-09", "url")
    path.write_text("Date: 2024-03-10\nURL: https://example.org/news/2024/03/09/market-strike\n\nText.\n",
                    encoding="utf-8")
    [article] = read_article_file(path)
    assert (article.date, article.date_source) == ("2024-03-10", "metadata")
