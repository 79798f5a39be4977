"""The build: the published package, its validation by Frictionless, atomic output, determinism."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import Package

from karriere import cli, pipeline, search
from karriere.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_build_writes_a_valid_package(valid_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert cli.main(["build", "--data", str(valid_data), "--output", str(out)]) == 0
    descriptor = json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["title"] and descriptor["description"]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["sources"] == [{"title": "Testkilde"}, {"title": "Testevaluering"}]
    assert Package(str(out / "data" / "datapackage.json")).validate().valid


def test_frictionless_command_line_validates_the_output(valid_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    exe = Path(sys.executable).with_name("frictionless")
    result = subprocess.run(
        [str(exe), "validate", str(out / "data" / "datapackage.json")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_resource_is_an_explicit_csv_table(valid_data: Path, tmp_path: Path) -> None:
    """Frictionless pitfall: a resource without `type: table` (e.g. inline YAML) is treated as JSON
    and passes validation unchecked. Every resource here is a typed CSV table with a schema."""
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    descriptor = json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == [t.name for t in TABLES]
    for resource in descriptor["resources"]:
        assert resource["type"] == "table"
        assert resource["format"] == "csv"
        assert resource["path"] == f"{resource['name']}.csv"
        assert "data" not in resource
        assert resource["schema"]["fields"]
        assert resource["schema"]["primaryKey"]


def test_csv_columns_come_from_the_schema_not_the_first_row(valid_data: Path, tmp_path: Path) -> None:
    """Frictionless pitfall: keyed rows take their columns from the first row. Here a first centre
    without e-mail must not drop the e-mail column of a later one."""
    first = valid_data / "centres" / "buskerud" / "a-first.yaml"
    first.write_text(
        'name: A\ncounty: buskerud\nstatus: active\nas_of: "2017"\nlast_checked: 2026-11-01\n', encoding="utf-8"
    )
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    with (out / "data" / "centres.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["a-first", "drammen", "gol", "ringerike"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["a-first"]["email"] == "" and by_id["gol"]["email"] == "post@karriere.test"
    header = (out / "data" / "centres.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [f.name for f in TABLES[[t.name for t in TABLES].index("centres")].fields]


def test_values_are_published_as_typed(valid_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    package = Package(str(out / "data" / "datapackage.json"))
    centre = next(row for row in package.get_resource("centres").read_rows() if row["id"] == "gol")
    assert centre["municipality"] == "0617"  # not 617, not octal 399
    assert float(centre["staff_fte"]) == pytest.approx(1.8)
    staff = [r for r in package.get_resource("report_staff").read_rows() if r["year"] == 2017]
    assert [(r["employer"], r["centre"], r["fte"] and float(r["fte"]), r["persons"]) for r in staff] == [
        ("county_authority", "gol", 1.6, None),
        ("nav", None, None, 1),
    ]


def test_failed_build_leaves_previous_output_untouched(valid_data: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    (out / "keep.txt").write_text("from the last good build", encoding="utf-8")
    before = tree_digest(out)
    bad = valid_data / "centres" / "buskerud" / "gol.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("post@karriere.test", "post@"), encoding="utf-8")
    assert cli.main(["build", "--data", str(valid_data), "--output", str(out)]) == 1
    assert tree_digest(out) == before
    assert "was left as it was" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"], "no staging folder is left behind"


def test_a_problem_between_records_stops_the_build_and_keeps_the_old_site(valid_data: Path, tmp_path: Path) -> None:
    """A problem the checks between records find is reported as `check` reports it, and the previous
    site is left as it was."""
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    before = tree_digest(out)
    gol = valid_data / "centres" / "buskerud" / "gol.yaml"
    gol.write_text(
        gol.read_text(encoding="utf-8").replace("last_checked: 2026-11-01", "last_checked: 2999-01-01"),
        encoding="utf-8",
    )
    problems = pipeline.build(valid_data, out)
    assert [(Path(p.path).name, p.field, p.code) for p in problems] == [("gol.yaml", "last_checked", "future")]
    assert problems == pipeline.check(valid_data)
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"], "no staging folder is left behind"


def test_internal_error_is_not_a_traceback(monkeypatch, capsys, valid_data: Path) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "check", broken)
    assert cli.main(["check", "--data", str(valid_data)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "bug in the build" in err
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "check", "--data", str(valid_data)])


def test_command_line_as_a_coordinator_runs_it(tmp_path: Path) -> None:
    """The real entry point in a subprocess: exit status, no traceback, GitHub annotations."""
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "valid", data)
    (data / "counties" / "finnmark.yaml").write_text("number: 20\nname: [Finnmark\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--data", str(data)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("data/counties/finnmark.yaml:3:1: ")
    assert result.stdout.startswith("::error file=data/counties/finnmark.yaml,line=3,col=1")
    assert "data/counties/finnmark.yaml" in summary.read_text(encoding="utf-8")


def test_problems_from_reading_and_from_frictionless_are_reported_together(valid_data: Path, tmp_path: Path) -> None:
    """The site is rendered while Frictionless validates; neither way may hide the other's problems."""
    gol = valid_data / "centres" / "buskerud" / "gol.yaml"
    gol.write_text(gol.read_text(encoding="utf-8").replace("post@karriere.test", "post@"), encoding="utf-8")
    (valid_data / "counties" / "finnmark.yaml").write_text("name: [Finnmark\n", encoding="utf-8")
    problems = pipeline.build(valid_data, tmp_path / "site")
    files = {Path(p.path).name for p in problems}
    assert {"gol.yaml", "finnmark.yaml"} <= files, [p.format() for p in problems]
    assert not (tmp_path / "site").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"], "no staging folder is left behind"


def test_a_failure_while_pagefind_indexes_stops_pagefind(valid_data: Path, tmp_path: Path, monkeypatch) -> None:
    """The HSDS export is written while Pagefind indexes; if it fails, Pagefind is stopped and the error is raised."""
    site = tmp_path / "site"
    assert pipeline.build(valid_data, site) == []

    def broken() -> None:
        raise OSError("no space left on device")

    started: list[subprocess.Popen] = []
    popen = subprocess.Popen

    def recording(*args, **kwargs) -> subprocess.Popen:
        started.append(popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", recording)
    with pytest.raises(OSError, match="no space left"):
        search.index(site, tmp_path / "bundle", meanwhile=broken)
    (pagefind,) = started
    assert pagefind.poll() is not None, "Pagefind was left running"
    assert not (tmp_path / "bundle" / "pagefind-entry.json").exists()


def test_check_and_build_run_where_the_os_has_no_linux_only_calls(
    valid_data: Path, tmp_path: Path, monkeypatch
) -> None:
    """macOS and Windows have no os.sched_getaffinity (nor fork): the command line works without them."""
    import os

    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.delattr(os, "fork", raising=False)
    assert cli.main(["check", "--data", str(valid_data)]) == 0
    assert cli.main(["build", "--data", str(valid_data), "--output", str(tmp_path / "site")]) == 0
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "karriere").rglob("*.py"))
    for linux_only in ("sched_getaffinity", "os.fork", "setpgid", "killpg", '"fork"'):
        assert linux_only not in code, linux_only


def test_the_package_says_where_each_centre_is_today(valid_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    with (out / "data" / "centre_places.csv").open(encoding="utf-8") as fh:
        rows = [
            (r["centre"], r["municipality"], r["record_year"], r["today_number"], r["today_county"])
            for r in csv.DictReader(fh)
        ]
    assert rows == [
        ("drammen", "0602", "2010", "3301", "buskerud"),
        ("gol", "0617", "2017", "3324", "buskerud"),
        ("ringerike", "0605", "2014", "3305", "buskerud"),
    ]
