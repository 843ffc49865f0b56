"""Reading articles: files (txt, md, html, jsonl) in, :class:`~graph.types.Article` out,
with page chrome marked and a date found in the URL, dateline or text when the
metadata has none (``dates.py``).

May import: the standard library, trafilatura, htmldate, dateparser, yaml, ``graph.types``, ``graph.errors``,
``graph.resources``. Never spaCy or ``graph.extract``.
"""
