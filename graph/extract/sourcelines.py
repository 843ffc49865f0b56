"""Source lines: layouts that name the speaker on a line of its own.

State agencies and live blogs often write the facts in the outlet's voice and
put the speaker apart: a "Details:" line, paragraphs, then "Source: NAME, ROLE"
(or the "Source:" line first and the "Details:" after it); releases open with a
heading that names their author ("Statement by NAME on ...", "Statement No. 47
issued by the Ministry of ...") and go on in the author's voice. Within such a block
the narrator is not the speaker: a figure the figures extractor gave to the
narrator goes to the named source, and each sentence with no claim of its own
becomes that source's reported statement (cue "source line", or "statement
heading").

May import: spaCy, ``graph.extract`` (mentions, statements), ``graph.types``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.mentions import Context
from graph.extract.statements import MIN_WORDS, statement_claim
from graph.types import Claim

_SOURCE = re.compile(r"^[ \t]*Source[ \t]*[:\u2013\u2014-][ \t]*(\S.*)$", re.MULTILINE | re.IGNORECASE)
_DETAILS = re.compile(r"^[ \t]*Details[ \t]*:[ \t]*$", re.MULTILINE | re.IGNORECASE)
#: A heading that names the author of what follows: "Statement by NAME on ...",
#: "Statement No. 47 issued by the Ministry of ...", "Press release from ...".
_HEADING = re.compile(r"^[ \t]*(?:Joint[ \t]+)?(?:Statement|Press[ \t]+release|Communiqu[eé]|Declaration|Announcement)"
                      r"\b[^\n]{0,40}?\b(?:by|of|from)[ \t]+(\S[^\n]*)$", re.MULTILINE | re.IGNORECASE)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(begin, end)`` of each paragraph (text between blank lines)."""
    out, pos = [], 0
    for block in re.split(r"(\n[ \t]*\n)", text):
        if block.strip() and not re.fullmatch(r"\n[ \t]*\n", block):
            lead = len(block) - len(block.lstrip())
            out.append((pos + lead, pos + len(block.rstrip())))
        pos += len(block)
    return out


def source_lines(text: str) -> list[tuple[int, int, int, str]]:
    """``(line begin, name offset, direction, cue)`` of each "Source:" line (direction
    -1 when it closes what comes before it, +1 when a "Details:" line follows it;
    cue "source line") and of each heading that names its author (direction 0: the
    paragraphs right after it; cue "statement heading")."""
    details = [m.start() for m in _DETAILS.finditer(text)]
    out = []
    for m in _SOURCE.finditer(text):
        follows = any(m.end() < d <= m.end() + 3 for d in details)
        out.append((m.start(), m.start(1), 1 if follows else -1, "source line"))
    for m in _HEADING.finditer(text):
        if not m.group(0).rstrip().endswith((".", "!", "?", ":")):  # a heading, not a sentence
            out.append((m.start(), m.start(1), 0, "statement heading"))
    return sorted(out)


def apply_source_lines(ctx: Context, claims: list[Claim], *, statements: bool = True) -> list[Claim]:
    """``claims`` with the narrator's figures of each source block given to its
    source, and (with ``statements``) a statement for each sentence of the block
    that no statement or quote covers.

    A block is the run of paragraphs next to the "Source:" line (before it, or
    after its "Details:" line) that attribute nothing to anyone else: it stops at
    a "Details:" line, a heading (a line without final punctuation) or a paragraph
    with a claim of another source."""
    text = ctx.article.text
    out = list(claims)
    lines = source_lines(text)
    paras = paragraphs(text) if lines else []
    for line, name_at, direction, cue in lines:
        key = _source_key(ctx, name_at)
        if key is None:
            continue
        source = ctx.actors[key].freeze()
        for begin, end in _block(text, paras, line, direction, out, source.name):
            inside = [i for i, c in enumerate(out) if begin <= c.evidence.begin < end]
            for i in inside:
                if out[i].narrator:
                    out[i] = replace(out[i], source=source, narrator=False, cue=cue)
            if statements:
                out += [statement_claim(ctx, n, source, " ".join(sent.text.split()).rstrip(" ."), cue)
                        for n, sent in enumerate(ctx.sents)
                        if begin <= sent.start_char < end and not ctx.chrome_sent[n]
                        and sum(not t.is_punct for t in sent) >= MIN_WORDS]
    return out


def _block(text: str, paras: list[tuple[int, int]], line: int, direction: int,
           claims: list[Claim], source: str) -> list[tuple[int, int]]:
    here = next(i for i, (b, e) in enumerate(paras) if b <= line <= e)
    step = range(here - 1, -1, -1) if direction < 0 else range(here + (2 if direction > 0 else 1), len(paras))
    if direction == 1 and (here + 1 >= len(paras) or not _DETAILS.match(text[paras[here + 1][0]:paras[here + 1][1]])):
        return []
    taken = []
    for i in step:
        begin, end = paras[i]
        body = text[begin:end]
        if _DETAILS.match(body) or _SOURCE.match(body) or _HEADING.match(body) \
                or not body.rstrip().endswith((".", "!", "?", "\u201d", '"')):
            break
        if any(begin <= c.evidence.begin < end and not c.narrator and c.source.name != source for c in claims):
            break
        taken.append((begin, end))
    return taken


def _source_key(ctx: Context, name_at: int) -> str | None:
    """The actor the "Source:" line names: its first person or organisation."""
    text = ctx.article.text
    stop = text.find("\n", name_at)
    span = ctx.doc.char_span(name_at, stop if stop != -1 else len(text), alignment_mode="expand")
    if span is None:
        return None
    for ent in span.ents:
        if ent.label_ in {"PERSON", "ORG", "NORP", "GPE"}:
            key = ctx.actor_key(ent.root)
            if key is not None:
                return key
    first = next((t for t in span if t.pos_ in {"PROPN", "NOUN"}), None)
    return ctx.actor_key(first) if first is not None else None

