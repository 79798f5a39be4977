"""The commands coordinators use: new-centre, new-report, stale, serve; the field reference."""

from __future__ import annotations

import argparse
import datetime as dt
import threading
import time
import urllib.request
from pathlib import Path

from karriere import cli, fieldref, pipeline, search
from karriere.freshness import is_stale, months_between, stale_records
from karriere.serve import Watcher, serve

ROOT = Path(__file__).resolve().parent.parent


def fill(path: Path, values: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        assert f"\n{key}:\n" in text, key
        text = text.replace(f"\n{key}:\n", f"\n{key}: {value}\n", 1)
    path.write_text(text, encoding="utf-8")


def test_new_centre_fails_clearly_until_filled_in(valid_data: Path, capsys) -> None:
    assert (
        cli.main(["new-centre", "--county", "buskerud", "--name", "Karrieresenter Hønefoss", "--data", str(valid_data)])
        == 0
    )
    path = valid_data / "centres" / "buskerud" / "karrieresenter-honefoss.yaml"
    assert path.is_file()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/centre.schema.json")
    problems = pipeline.check(valid_data)
    missing = {(p.field, p.code) for p in problems}
    assert missing == {
        ("status", "required"),
        ("as_of", "required"),
        ("last_checked", "required"),
        ("source", "required"),
    }
    lines = text.splitlines()
    for p in problems:
        assert lines[p.line - 1].lstrip(" -").startswith(f"{p.field}:"), p  # points at the key to fill in
    fill(path, {"status": "active", "as_of": '"2017"', "last_checked": "2026-11-20"})
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - source:\n", "  - source: test-source\n"), encoding="utf-8"
    )
    assert pipeline.check(valid_data) == []


def test_new_report_fails_clearly_until_filled_in(valid_data: Path) -> None:
    assert cli.main(["new-report", "--county", "buskerud", "--year", "2018", "--data", str(valid_data)]) == 0
    path = valid_data / "reports" / "buskerud" / "2018.yaml"
    assert {p.field for p in pipeline.check(valid_data)} == {"as_of", "last_checked", "source"}
    fill(path, {"as_of": '"2018"', "last_checked": "2026-11-20"})
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - source:\n", "  - source: test-source\n"), encoding="utf-8"
    )
    assert pipeline.check(valid_data) == []


def test_new_files_refuse_mistakes(valid_data: Path, capsys) -> None:
    assert cli.main(["new-centre", "--county", "oslo", "--name", "X", "--data", str(valid_data)]) == 1
    assert "there is no county 'oslo'" in capsys.readouterr().err
    assert cli.main(["new-centre", "--county", "buskerud", "--name", "Gol", "--data", str(valid_data)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert cli.main(["new-report", "--county", "buskerud", "--year", "2017", "--data", str(valid_data)]) == 1


def test_stale_lists_old_checks_by_county_and_never_fails(valid_data: Path, capsys, monkeypatch, tmp_path) -> None:
    assert cli.main(["stale", "--data", str(valid_data)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No record was last checked more than 12 months ago")
    old = valid_data / "centres" / "buskerud" / "gol.yaml"
    old.write_text(
        old.read_text(encoding="utf-8").replace("last_checked: 2026-11-01", "last_checked: 2024-01-15"),
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert cli.main(["stale", "--data", str(valid_data)]) == 0
    out = capsys.readouterr().out
    assert "| buskerud |" in out and "gol.yaml" in out and "2024-01-15" in out
    assert "gol.yaml" in summary.read_text(encoding="utf-8")


def test_months_and_staleness() -> None:
    assert months_between(dt.date(2025, 11, 22), dt.date(2026, 11, 22)) == 12
    assert months_between(dt.date(2025, 11, 23), dt.date(2026, 11, 22)) == 11
    assert is_stale(dt.date(2025, 11, 22), dt.date(2026, 11, 22))
    assert not is_stale(dt.date(2025, 11, 23), dt.date(2026, 11, 22))
    rows = pipeline.load(ROOT / "data").rows
    assert stale_records(rows, dt.date(2026, 11, 22)) == []
    assert len(stale_records(rows, dt.date(2028, 1, 1))) == 19 + 37 + 14 + 1


def test_centre_page_marks_overdue_checks(valid_data: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2028, 6, 1, tzinfo=dt.UTC).timestamp())))
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    html = (out / "senter" / "gol" / "index.html").read_text(encoding="utf-8")
    assert "for mer enn 12 måneder siden" in html


def test_watcher_sees_changes(tmp_path: Path) -> None:
    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    watcher = Watcher([folder])
    assert not watcher.changed()
    time.sleep(0.01)
    (folder / "a.yaml").write_text("a: 22\n", encoding="utf-8")
    assert watcher.changed()
    assert not watcher.changed()
    (folder / "b.yaml").write_text("b: 1\n", encoding="utf-8")
    assert watcher.changed()


def test_serve_rebuilds_on_change_and_serves(valid_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    builds: list[bool] = []
    preview = pipeline.Preview(valid_data, out)  # what `build.py serve` rebuilds with

    def rebuild() -> bool:
        builds.append(preview.build() == [])
        return builds[-1]

    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    thread = threading.Thread(
        target=serve, args=(out, [valid_data], rebuild, port), kwargs={"interval": 0.2, "rounds": 40}, daemon=True
    )
    thread.start()
    for _ in range(100):
        if builds:
            break
        time.sleep(0.1)
    time.sleep(0.5)
    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/senter/gol/").read().decode("utf-8")
    assert "Testsenter Gol" in page
    centre = valid_data / "centres" / "buskerud" / "gol.yaml"
    centre.write_text(
        centre.read_text(encoding="utf-8").replace("Testsenter Gol", "Testsenter Gol sentrum"), encoding="utf-8"
    )
    for _ in range(100):
        if len(builds) >= 2:
            break
        time.sleep(0.1)
    thread.join(timeout=20)
    assert builds[:2] == [True, True]
    assert "Testsenter Gol sentrum" in (out / "senter" / "gol" / "index.html").read_text(encoding="utf-8")
    preview.wait()
    assert isinstance(preview.finished, float)  # the search index followed
    assert (out / "pagefind" / "pagefind-entry.json").is_file()


def test_preview_serves_on_when_the_search_index_fails(valid_data: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "site"
    preview = pipeline.Preview(valid_data, out)
    assert preview.build() == []
    preview.wait()
    index = sorted(p.name for p in (out / "pagefind").iterdir())

    def broken(site: Path, bundle: Path | None = None, meanwhile=None) -> None:
        raise search.SearchIndexError("pagefind failed: no space left on device")

    monkeypatch.setattr(search, "index", broken)
    centre = valid_data / "centres" / "buskerud" / "gol.yaml"
    centre.write_text(centre.read_text(encoding="utf-8").replace("Testsenter Gol", "Gol sentrum"), encoding="utf-8")
    assert cli._build(argparse.Namespace(data=valid_data, output=out), preview) == 0  # as `serve` rebuilds
    preview.wait()
    assert isinstance(preview.finished, search.SearchIndexError)
    said = capsys.readouterr()
    assert "The search index could not be updated: pagefind failed: no space left on device" in said.err
    # The centre's pages and the lists with its name were rendered; the coordinator is told how many.
    assert 0 < preview.rendered < preview.pages
    assert f"{preview.rendered} of {preview.pages} pages rendered" in said.out
    # The edited page is served, with the previous search index, whole.
    assert "Gol sentrum" in (out / "senter" / "gol" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "pagefind").iterdir()) == index
    assert not [p.name for p in tmp_path.iterdir() if ".finish-" in p.name]


def test_field_reference_is_generated_and_complete() -> None:
    text = (ROOT / "docs" / "feltreferanse.md").read_text(encoding="utf-8")
    assert text == fieldref.markdown(), "run: python build.py schemas"
    for line in text.splitlines():
        if line.startswith("| `"):
            assert line.rstrip(" |").split("|")[-1].strip(), f"a field without a description: {line}"
