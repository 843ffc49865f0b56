"""One parsed article as the extractors read it: its sentences, which of them are page
chrome, its entities and its quotations, found once when the document is made and not
changed after.

May import: spaCy tokens, ``graph.types``, ``graph.extract.cues``, ``graph.extract.quotation``,
``graph.extract.places``.
"""
from __future__ import annotations

from functools import cached_property

from spacy.tokens import Doc, Span, Token

from graph.extract.cues import Cues
from graph.extract.places import known_places, located_names
from graph.extract.quotation import Quote, find_quotes
from graph.types import Article, Evidence


class Document:
    """The sentences, chrome, entities and quotations of one parsed article."""

    def __init__(self, doc: Doc, article: Article, cues: Cues) -> None:
        self.doc = doc
        self.text = doc.text  # the parsed text, once (``Doc.text`` joins every token at each call)
        self.article = article
        self.cues = cues
        self.sents: list[Span] = list(doc.sents)
        self.sent_index: dict[int, int] = {}
        for n, sent in enumerate(self.sents):
            for tok in sent:
                self.sent_index[tok.i] = n
        self.chrome_sent = [self._overlaps_chrome(s) for s in self.sents]
        self._ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_at[i] = ent
        found = find_quotes(doc, article.text)
        self.quotes: list[Quote] = found[0]
        self.quote_of_token: dict[int, int] = found[1]

    @cached_property
    def places(self) -> frozenset[str]:
        """Lower-cased names the article uses as places (see :func:`~graph.extract.places.known_places`)."""
        return known_places(self.doc, self.located)

    @cached_property
    def _placed(self) -> tuple[frozenset[str], frozenset[str]]:
        return located_names(self.doc, self.cues)

    @property
    def located(self) -> frozenset[str]:
        """Lower-cased names the article puts after a preposition of place ("in Lorvan")."""
        return self._placed[0]

    @property
    def reached(self) -> frozenset[str]:
        """:attr:`located` and the names after a preposition of movement ("strikes on Velmar")."""
        return self._placed[1]

    def _overlaps_chrome(self, sent: Span) -> bool:
        a, b = sent.start_char, sent.end_char
        return any(a < e and s < b for s, e in self.article.chrome)

    def sentence_of(self, tok: Token) -> int:
        return self.sent_index[tok.i]

    def is_chrome(self, tok: Token) -> bool:
        return self.chrome_sent[self.sent_index[tok.i]]

    def evidence(self, begin: int, end: int) -> Evidence:
        """Evidence spanning the sentences that cover ``[begin, end)``."""
        first = self.sent_index[self.doc.char_span(begin, end, alignment_mode="expand")[0].i] if end > begin else 0
        last_tok = self.doc.char_span(begin, end, alignment_mode="expand")[-1]
        last = self.sent_index[last_tok.i]
        start = self.sents[first].start_char
        stop = self.sents[last].end_char
        text = self.article.text
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        return Evidence(self.article.id, start, stop, text[start:stop])

    def sentence_evidence(self, sent_no: int) -> Evidence:
        sent = self.sents[sent_no]
        return self.evidence(sent.start_char, sent.end_char)

    def entity_of(self, tok: Token) -> Span | None:
        return self._ent_at.get(tok.i)
