"""The fast paths that keep the build linear at national scale give exactly what the careful ones give.

Timings are in bench/ (``python bench/run.py``); nothing here depends on time.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
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


@pytest.mark.parametrize("parts", [("service", "hallingdal", "group_guidance"), ("organization", "buskerud"), ("æøå",)])
def test_hsds_ids_are_uuid5(parts: tuple[str, ...]) -> None:
    import uuid

    from karriere import hsds

    assert hsds.uid(*parts) == str(uuid.uuid5(hsds.NAMESPACE, ":".join(parts)))


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Every file with its bytes, and every folder (None): an empty folder left behind counts too."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


NEW = b"Nytt syntetisk karrieresenter"


def _fragments(site: Path) -> list[bytes]:
    """The search index's page records (gzipped), as bytes."""
    return [gzip.decompress(p.read_bytes()) for p in (site / "pagefind" / "fragment").glob("*.pf_fragment")]


def test_preview_rebuild_after_edits_equals_a_full_build(synthetic: Path, tmp_path: Path, monkeypatch) -> None:
    from bench.edit_once import edit_one_centre

    data = tmp_path / "data"
    shutil.copytree(synthetic, data)
    served, full = tmp_path / "served", tmp_path / "full"
    preview = pipeline.Preview(data, served)
    assert preview.build() == []
    everything = preview.rendered
    assert everything > 3 * 40  # every page rendered, three for each of the 40 centres among them
    assert preview.pages == everything
    preview.wait()
    assert isinstance(preview.finished, float)
    assert preview.build() == [] and preview.rendered == 0  # nothing changed: every page reused
    preview.wait()
    edited = edit_one_centre(data)
    # A description is on the centre's own pages only (not on the lists, nor in the reports that name
    # the centre): those three are rendered.
    assert preview.build() == [] and preview.rendered == 3
    preview.wait()
    # A broken edit: reported like a full build reports it, and the served site stays as it was.
    before = _tree(served)
    good = edited.read_text(encoding="utf-8")
    edited.write_text(good.replace("status: active", "status: open"), encoding="utf-8")
    problems = preview.build()
    assert [(p.field, p.code) for p in problems] == [("status", "enum")]
    assert problems == pipeline.check(data)
    assert _tree(served) == before
    # Fixed and renamed (the name is on every list the centre is on), and a centre added: the pages
    # are served at once, with the previous search index and HSDS export until the new ones are
    # made; then the site equals a full build, byte for byte. Only the pages that show the edited
    # and added centres were rendered; the rest were taken from the site already served.
    edited.write_text(good.replace("Syntetisk karrieresenter", "Omdøpt karrieresenter"), encoding="utf-8")
    added = edited.with_name("syntetisk-9999.yaml")
    added.write_text(good.replace("Syntetisk karrieresenter", NEW.decode()), encoding="utf-8")
    assert preview.build() == []
    assert 0 < preview.rendered < everything / 2
    assert (served / "senter" / "syntetisk-9999" / "index.html").is_file()
    assert (served / "pagefind" / "pagefind-entry.json").is_file()
    assert (served / "data" / "hsds" / "json" / "services.json").is_file()
    preview.wait()
    assert isinstance(preview.finished, float)
    assert pipeline.build(data, full) == []
    assert _tree(served) == _tree(full)
    assert "endret" in (served / "senter" / edited.stem / "index.html").read_text(encoding="utf-8")
    assert "Omdøpt karrieresenter" in (served / "sentre" / "index.html").read_text(encoding="utf-8")
    assert NEW in (served / "data" / "hsds" / "json" / "services.json").read_bytes()
    assert any(NEW in fragment for fragment in _fragments(served))
    # And removed again: forgotten by the cache, gone from the site (its folder too; the site is
    # updated in place), the search index and the export.
    added.unlink()
    assert preview.build() == []
    assert added not in preview.cache
    assert not (served / "senter" / "syntetisk-9999").exists()
    assert (served / "senter").is_dir()
    preview.wait()
    assert NEW not in (served / "data" / "hsds" / "json" / "services.json").read_bytes()
    assert not any(NEW in fragment for fragment in _fragments(served))
    again = tmp_path / "full-again"
    assert pipeline.build(data, again) == []
    assert _tree(served) == _tree(again)
    # A report's figure and a county's name (on its centres' pages, lists and reports) edited.
    report = data / "reports" / "akershus" / "2017.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("population: ", "population: 1", 1), encoding="utf-8")
    county = data / "counties" / "akershus.yaml"
    county.write_text(
        county.read_text(encoding="utf-8").replace("name: Akershus", "name: Akershus (omdøpt)"), encoding="utf-8"
    )
    assert preview.build() == []
    assert 0 < preview.rendered < everything / 2
    preview.wait()
    assert pipeline.build(data, tmp_path / "counties-edited") == []
    assert _tree(served) == _tree(tmp_path / "counties-edited")
    # A setting every page shows (the site's address) changed: every page is rendered again.
    monkeypatch.setenv("KARRIERE_SITE_URL", "https://karriere.test/forhandsvisning")
    assert preview.build() == [] and preview.rendered == everything
    preview.wait()
    assert pipeline.build(data, tmp_path / "elsewhere") == []
    assert _tree(served) == _tree(tmp_path / "elsewhere")
    # No staging or background work folders are left behind (old sites are deleted in the background).
    assert not [p.name for p in tmp_path.iterdir() if ".new-" in p.name or ".finish-" in p.name]


def test_pages_written_by_several_workers_equal_those_written_by_one(tmp_path: Path, monkeypatch) -> None:
    trees = []
    for jobs in ("1", "3"):
        monkeypatch.setenv("KARRIERE_JOBS", jobs)
        assert pipeline.build(ROOT / "data", tmp_path / jobs) == []
        trees.append(_tree(tmp_path / jobs))
    assert trees[0] == trees[1]
