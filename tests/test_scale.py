"""The fast paths that keep the build linear at national scale give exactly what the careful ones give.

Timings are in bench/ (``python bench/run.py``); nothing here depends on time.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from frictionless import Package

from bench.generate import generate
from karriere import pipeline, yamlsource
from karriere.model import read_resource

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("synthetic") / "data", centres=40)


def test_generated_data_passes_check(synthetic: Path) -> None:
    assert pipeline.check(synthetic, dt.date(2026, 11, 22)) == []
    centres = list((synthetic / "centres").rglob("*.yaml"))
    assert len(centres) == 40
    assert len(list((synthetic / "reports").rglob("*.yaml"))) == 19 * 20
    assert all("Syntetisk" in path.read_text(encoding="utf-8") for path in centres)


def _yaml_files(synthetic: Path) -> list[Path]:
    return (
        sorted((ROOT / "data").rglob("*.yaml"))
        + sorted((ROOT / "tests" / "bad").rglob("*.yaml"))
        + sorted(synthetic.rglob("*.yaml"))
    )


def test_fast_yaml_reader_gives_the_careful_readers_tree(synthetic: Path) -> None:
    fast = 0
    for path in _yaml_files(synthetic):
        text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
        if not text.strip():
            continue
        tree = yamlsource._compose_fast(text)
        if tree is None:
            continue
        fast += 1
        problems: list = []
        careful = yamlsource._convert(yaml.compose(text, Loader=yamlsource._Composer), "x", problems)
        assert (tree, problems) == (careful, []), path
    assert fast > 400


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !custom 1\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "? [a]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: [1\n",
        "a:\n\t- b\n",
    ],
)
def test_fast_yaml_reader_leaves_anything_unusual_to_the_careful_one(text: str) -> None:
    assert yamlsource._compose_fast(text) is None


def test_package_reader_gives_frictionless_values(synthetic: Path, tmp_path: Path) -> None:
    for data in (ROOT / "data", synthetic):
        folder = tmp_path / data.name / "package"
        built = pipeline.make_package(pipeline.load(data), folder)
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        package = Package(str(folder / "datapackage.json"))
        for resource in descriptor["resources"]:
            expected = [dict(row) for row in package.get_resource(resource["name"]).read_rows()]
            got = read_resource(folder, resource)
            assert got == expected, resource["name"]
            assert [list(map(type, r.values())) for r in got] == [list(map(type, r.values())) for r in expected]
        assert built.rows
