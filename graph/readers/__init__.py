"""Reading articles: files (txt, md, html, jsonl) in, :class:`~graph.types.Article` out,
with page chrome marked.

May import: the standard library, trafilatura, yaml, ``graph.types``, ``graph.errors``,
``graph.resources``. Never spaCy or ``graph.extract``.
"""
