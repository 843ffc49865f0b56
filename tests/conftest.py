from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract import extract_article
from graph.nlp import load_pipeline, pipeline_software, text_for_parsing
from graph.readers.chrome import find_chrome
from graph.types import Article, Extraction, Software

#: The software stamped on extractions that tests make by hand (no model ran).
TEST_SOFTWARE = Software(version="0.0.test", model="hand_made", model_version="0")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Extract from a text: ``extract(text, outlet=None) -> Extraction``."""

    def run(text: str, *, outlet: str | None = None, article_id: str = "t") -> Extraction:
        article = Article(id=article_id, text=text, outlet=outlet, chrome=find_chrome(text))
        return extract_article(nlp(text_for_parsing(text)), article, software=pipeline_software(nlp))

    return run


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return REPO / "seeds"


@pytest.fixture(scope="session")
def _seed_run(tmp_path_factory, seeds_dir, nlp):
    from graph.pipeline.build import run_build

    out = tmp_path_factory.mktemp("seed_build")
    return out, run_build([str(seeds_dir)], out, html=True, nlp=nlp)


@pytest.fixture(scope="session")
def seed_build(_seed_run) -> Path:
    """One build of the sample articles for the whole session (treat as read-only):
    its folder holds graph.trig, claims.jsonl and graph.html."""
    return _seed_run[0]


@pytest.fixture(scope="session")
def seed_summary(_seed_run):
    """The :class:`~graph.pipeline.build.BuildSummary` of :func:`seed_build`."""
    return _seed_run[1]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden RDF files in tests/data/golden/ from the current code")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))
