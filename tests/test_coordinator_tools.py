"""The commands coordinators use: new-centre, new-report, stale, serve; the field reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from karriere import cli, fieldref, pipeline
from karriere.freshness import is_stale, months_between, stale_records

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


def test_a_county_that_ended_and_came_back_gets_its_new_report(valid_data: Path, capsys) -> None:
    """Buskerud (06 until 2019, 33 from 2024): a 2025 report sits beside 2016 and 2017; 2022 is refused."""
    assert cli.main(["new-report", "--county", "buskerud", "--year", "2022", "--data", str(valid_data)]) == 1
    assert "buskerud did not exist in 2022 (its periods: until 2019, from 2024)" in capsys.readouterr().err
    assert cli.main(["new-report", "--county", "buskerud", "--year", "2025", "--data", str(valid_data)]) == 0
    path = valid_data / "reports" / "buskerud" / "2025.yaml"
    fill(path, {"as_of": '"2025"', "last_checked": "2026-11-20"})
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - source:\n", "  - source: test-source\n"), encoding="utf-8"
    )
    assert pipeline.check(valid_data) == []


def test_a_centre_in_a_county_of_today_with_todays_number(valid_data: Path, capsys) -> None:
    """A new centre in Trøndelag (a county since 2018) passes with today's number; the number of 2017
    is refused with a message that names today's."""
    args = ["new-centre", "--county", "trondelag", "--name", "Karrieresenter Steinkjer", "--data", str(valid_data)]
    assert cli.main(args) == 0
    path = valid_data / "centres" / "trondelag" / "karrieresenter-steinkjer.yaml"
    fill(path, {"status": "active", "as_of": '"2026"', "last_checked": "2026-11-20"})
    text = path.read_text(encoding="utf-8").replace("  - source:\n", "  - source: test-source\n")
    path.write_text(text.replace("# municipality:\n", 'municipality: "1702"\n'), encoding="utf-8")
    problems = pipeline.check(valid_data)
    assert [(p.field, p.line) for p in problems] == [("municipality", text.splitlines().index("# municipality:") + 1)]
    assert '"5006" (Steinkjer)' in problems[0].message
    path.write_text(text.replace("# municipality:\n", 'municipality: "5006"\n'), encoding="utf-8")
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


def test_field_reference_is_generated_and_complete() -> None:
    text = (ROOT / "docs" / "feltreferanse.md").read_text(encoding="utf-8")
    assert text == fieldref.markdown(), "run: python build.py schemas"
    for line in text.splitlines():
        if line.startswith("| `"):
            assert line.rstrip(" |").split("|")[-1].strip(), f"a field without a description: {line}"
