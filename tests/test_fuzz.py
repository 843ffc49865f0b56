"""Property-based robustness: loaders, chrome detection and every extractor take
arbitrary input without crashing, and evidence always slices the text."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import InputError
from graph.extract.cues import compile_cues
from graph.extract.mentions import Context
from graph.extract.numbers import find_numbers
from graph.readers.chrome import find_chrome
from graph.readers.load import read_article_file

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Unicode with the characters that trouble text code: quotes, digits, RTL and
# zero-width marks, newlines, surrogate-free astral symbols.
ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
NEWSY = st.sampled_from(list("“”‘’\"'«»()[]—–-,.;:!? \n\n0123456789½¼") + ["\u200b", "\u200f", "\u202e", "\ufeff"]
                        + ["said", "killed", "at least", "about", "1,000,000", "1.5 million", "10-15", "dozens",
                           "The ministry", "he", "she", "they", " criticized ", " blamed ", "according to"])
TEXTS = st.one_of(
    st.text(ALPHABET, max_size=400),
    st.lists(st.one_of(NEWSY, st.text(ALPHABET, max_size=8)), max_size=120).map("".join),
)


@SETTINGS
@given(TEXTS, st.sampled_from([".txt", ".md", ".jsonl", ".html"]))
def test_loaders_never_crash(tmp_path_factory, text, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"article{suffix}"
    if suffix == ".jsonl":
        text = json.dumps({"id": "x", "text": text}) + "\n" + text[:50] + "\n"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    errors = []
    try:
        articles = read_article_file(path, on_error=errors.append)
    except InputError as exc:
        assert str(path) in str(exc)
        return
    for article in articles:
        for begin, end in article.chrome:
            assert 0 <= begin <= end <= len(article.text)
    for err in errors:
        assert isinstance(err, InputError) and str(path) in str(err)


@SETTINGS
@given(TEXTS)
def test_chrome_ranges_are_ordered_and_inside(text):
    spans = find_chrome(text)
    last = -1
    for begin, end in spans:
        assert last <= begin <= end <= len(text)
        last = end


@SETTINGS
@given(TEXTS)
def test_extractors_never_crash_and_offsets_slice(extract, text):
    ex = extract(text, outlet="Example News")
    for claim in ex.claims:
        ev = claim.evidence
        assert 0 <= ev.begin <= ev.end <= len(text)
        assert text[ev.begin:ev.end] == ev.sentence
        if claim.figure is not None:
            assert claim.figure.low is not None or claim.figure.high is not None


SHAPES = ["1,000,000", "1.5 million", "10-15", "½", "two hundred and fifty", "3", "40,000", "a dozen", "tens of thousands",
          "between 5 and 7", "up to 2,500", "more than 1.2 million", "0", "999999999999999999999"]


@SETTINGS
@given(st.sampled_from(SHAPES), st.sampled_from(["The army said {} soldiers were killed.",
                                                  "{} people fled, the UN agency said.",
                                                  '"We lost {} men," he said.', "{}"]))
def test_numbers_of_every_shape(nlp, shape, template):
    text = template.format(shape)
    from graph.types import Article

    ctx = Context(nlp(text), Article(id="x", text=text), compile_cues())
    for sent in ctx.sents:
        for expr in find_numbers(ctx, sent):
            assert expr.low is not None or expr.high is not None
            if expr.low is not None and expr.high is not None:
                assert expr.low <= expr.high


@pytest.mark.parametrize("text,low,high", [
    ("The army said 1,000,000 shells were fired.", 1_000_000, 1_000_000),
    ("The army said 1.5 million shells were fired.", 1_500_000, 1_500_000),
    ("The army said 10-15 shells were fired.", 10, 15),
])
def test_number_values(extract, text, low, high):
    figs = [c.figure for c in extract(text).claims if c.kind == "figure"]
    assert [(f.low, f.high) for f in figs] == [(low, high)]


def test_overlong_line_is_skipped_with_offsets_kept(extract):
    text = "Headline\n\n" + "x" * 30_000 + "\n\nThe army said 12 soldiers were killed.\n"
    ex = extract(text)
    figures = [c for c in ex.claims if c.kind == "figure"]
    assert [(c.figure.low, text[c.evidence.begin:c.evidence.end]) for c in figures] == \
        [(12, "The army said 12 soldiers were killed.")]
    assert [c.text for c in ex.claims if c.kind == "statement"] == ["12 soldiers were killed"]
