"""Throughput: the full build pipeline against bare ``nlp.pipe`` on the same texts.

    python bench/throughput.py [--words 60000] [--processes 1] [--repeat 2]

Both runs use one process (or N with --processes) and the same model. The
pipeline run does everything a build does after reading: parse, extract, map to
RDF, make claim records, and serialize the dataset (to /dev/null).
The last line is ``pipeline_wps=... spacy_wps=... ratio=...``; the target ratio
is >= 0.85. Texts are the sample articles and the dev articles in tests/data.
"""
from __future__ import annotations

import os
import sys

# bench/ holds html.py, which would shadow the standard library's html module
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    sys.path.pop(0)

import argparse  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path

import spacy

from graph.pipeline.build import GraphSpill, link_conflicts
from graph.pipeline.records import claim_to_record
from graph.readers.chrome import find_chrome
from graph.extract import extract_article
from graph.extract.cues import compile_cues
from graph.nlp import load_pipeline, model_name, parse_articles, pipeline_software
from graph.rdf.triples import add_extraction, new_dataset, serialize_dataset
from graph.types import Article

REPO = Path(__file__).resolve().parents[1]


def corpus(words: int) -> list[Article]:
    files = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "data" / "dev").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    out, total, i = [], 0, 0
    while total < words:
        text = texts[i % len(texts)]
        out.append(Article(id=f"a{i:05d}", text=text, chrome=find_chrome(text)))
        total += len(text.split())
        i += 1
    return out


def bare_spacy(articles: list[Article], n_process: int) -> float:
    nlp = spacy.load(model_name())
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), n_process=n_process, batch_size=16):
        pass
    return time.perf_counter() - start


def full_pipeline(articles: list[Article], n_process: int) -> float:
    nlp = load_pipeline()
    cues = compile_cues()
    software = pipeline_software(nlp)
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    start = time.perf_counter()
    default = new_dataset()
    spill = GraphSpill(work / "graphs")
    records = []
    for doc, article in parse_articles(nlp, articles, n_process=n_process):
        ex = extract_article(doc, article, cues=cues, software=software)
        add_extraction(default, ex, article_sink=spill.write)
        records.extend(claim_to_record(c) for c in ex.claims)
    ds = spill.dataset(default)
    link_conflicts(ds, [])
    serialize_dataset(ds, os.devnull, "trig")
    elapsed = time.perf_counter() - start
    shutil.rmtree(work, ignore_errors=True)
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=60000)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="best of N alternating runs of each")
    args = ap.parse_args()
    articles = corpus(args.words)
    words = sum(len(a.text.split()) for a in articles)
    # alternate the two runs so that load from other processes hits both alike
    spacy_runs, pipe_runs = [], []
    for _ in range(args.repeat):
        spacy_runs.append(bare_spacy(articles, args.processes))
        pipe_runs.append(full_pipeline(articles, args.processes))
    spacy_s, pipe_s = min(spacy_runs), min(pipe_runs)
    print(f"articles={len(articles)} words={words} processes={args.processes}")
    print(f"spacy: {spacy_s:.2f}s  pipeline: {pipe_s:.2f}s")
    print(f"pipeline_wps={words / pipe_s:.0f} spacy_wps={words / spacy_s:.0f} ratio={spacy_s / pipe_s:.3f}")


if __name__ == "__main__":
    main()
