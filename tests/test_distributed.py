"""Extraction on a Dask cluster gives the same store as a local build."""
from __future__ import annotations

import json
import random
from functools import partial
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import graph_diff, to_isomorphic

from graph.errors import ClusterError, ModelError
from graph.extract.cues import compile_cues
from graph.nlp import model_name
from graph.pipeline.build import extract_stream, run_build
from graph.pipeline.distributed import dask_extractions, extract_batch, local_workers
from graph.readers.load import load_articles

SPEAKERS = [("Lena Marsk", "the regional governor"), ("Tomas Virel", "a military spokesman"),
            ("Ada Kostov", "the head of the city council")]
PLACES = ["Dornitsa", "Velmar", "Ostrek"]


def generated_articles(folder: Path, n: int = 6, seed: int = 7) -> None:
    """Short news articles with attributed figures, quotes and criticism."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (name, role), place = rng.choice(SPEAKERS), rng.choice(PLACES)
        killed, injured = rng.randint(2, 40), rng.choice(["dozens", "at least 12", "about 30", "seven"])
        text = (
            f"Missile strike on {place} kills {killed}, officials say\n\n"
            f"{place.upper()} (Wire) — A missile strike on a market in {place} killed {killed} people "
            f"and injured {injured} more, {name}, {role}, said on Telegram on Tuesday.\n\n"
            f"\"We are still pulling people from the rubble,\" {name.split()[1]} said.\n\n"
            f"The defence ministry said its air defences had shot down {rng.randint(3, 20)} drones overnight.\n\n"
            f"Opposition lawmakers criticized the ministry for failing to protect the city.\n\n"
            f"Sign up for our newsletter\n"
        )
        (folder / f"gen_{i:02d}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_dir) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in seeds_dir.glob("*.txt"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    generated_articles(folder / "generated")
    return folder


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c


def _dataset(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


def _graphs(ds: Dataset) -> dict[str, object]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("address, expected", [
    ("local:1", 1), ("local:4", 4), ("tcp://10.0.0.5:8786", None), ("scheduler:8786", None),
])
def test_local_workers_parses_address(address, expected):
    assert local_workers(address) == expected


@pytest.mark.parametrize("address", ["local:0", "local:", "local:two", "local", "local:2:3"])
def test_local_workers_rejects_bad_local_address(address):
    with pytest.raises(ClusterError, match="local:N"):
        local_workers(address)


def test_extract_batch_matches_local_extraction(corpus):
    articles = list(load_articles([str(corpus)], on_error=pytest.fail))
    assert extract_batch(articles, model_name(), compile_cues()) == list(extract_stream(articles))
    assert {ex.software.model for ex in extract_batch(articles, model_name(), compile_cues())} == {model_name()}


def test_unreachable_scheduler_is_a_cluster_error(seeds_dir):
    articles = load_articles([str(seeds_dir)], on_error=pytest.fail)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        list(dask_extractions(articles, "tcp://127.0.0.1:9", timeout=1))


def test_malformed_address_is_a_cluster_error(seeds_dir):
    articles = load_articles([str(seeds_dir)], on_error=pytest.fail)
    with pytest.raises(ClusterError, match="cannot reach"):
        list(dask_extractions(articles, "no such:address:x", timeout=1))


@pytest.mark.slow
def test_cluster_build_equals_local_build(corpus, cluster, tmp_path):
    local, remote = tmp_path / "local", tmp_path / "dask"
    expected = run_build([str(corpus)], local, html=False)
    # small batches and a short queue, so that ordering across batches is exercised
    got = run_build([str(corpus)], remote, html=False,
                    extractions=partial(dask_extractions, address=cluster.scheduler_address,
                                        batch_size=2, max_in_flight=2))
    assert got.articles == expected.articles == 8
    assert got.claims == expected.claims and got.actors == expected.actors
    assert (remote / "claims.jsonl").read_text(encoding="utf-8") == (local / "claims.jsonl").read_text(encoding="utf-8")
    a, b = _graphs(_dataset(local / "graph.trig")), _graphs(_dataset(remote / "graph.trig"))
    assert sorted(a) == sorted(b)
    for name in a:
        iso_a, iso_b = to_isomorphic(a[name]), to_isomorphic(b[name])
        if iso_a != iso_b:
            _, only_local, only_dask = graph_diff(iso_a, iso_b)
            pytest.fail(f"graph {name} differs:\nlocal only:\n{only_local.serialize(format='nt')}\n"
                        f"dask only:\n{only_dask.serialize(format='nt')}")


@pytest.mark.slow
def test_cluster_keeps_a_bounded_number_of_batches_in_flight(corpus, cluster):
    pulled = 0
    articles = list(load_articles([str(corpus)], on_error=pytest.fail))

    def source():
        nonlocal pulled
        for article in articles * 3:
            pulled += 1
            yield article

    stream = dask_extractions(source(), cluster.scheduler_address, batch_size=2, max_in_flight=2)
    first = next(stream)
    assert first.article.id == articles[0].id
    assert pulled <= 2 * 2  # two batches of two, not the 24 articles
    ids = [first.article.id] + [ex.article.id for ex in stream]
    assert ids == [a.id for a in articles * 3]


@pytest.mark.slow
def test_model_missing_on_workers_is_a_model_error(seeds_dir, cluster):
    articles = load_articles([str(seeds_dir)], on_error=pytest.fail)
    with pytest.raises(ModelError, match="no_such_model_xyz"):
        list(dask_extractions(articles, cluster.scheduler_address, model="no_such_model_xyz"))


@pytest.mark.slow
def test_cli_build_with_local_cluster(seeds_dir, tmp_path, capsys):
    from graph.cli.main import main

    assert main(["build", str(seeds_dir), "--out", str(tmp_path), "--dask", "local:1", "--quiet", "--no-html"]) == 0
    claims = [json.loads(line) for line in (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {c["article"] for c in claims} == {p.stem for p in seeds_dir.glob("*.txt")}
    assert "articles read 2" in capsys.readouterr().err


def test_cli_build_bad_dask_address_exits_2(seeds_dir, tmp_path, capsys):
    from graph.cli.main import main

    assert main(["build", str(seeds_dir), "--out", str(tmp_path), "--dask", "local:0", "--quiet"]) == 2
    assert "local:N" in capsys.readouterr().err


def test_build_help_lists_dask(capsys):
    from graph.cli.main import main

    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "--dask ADDRESS" in capsys.readouterr().out
