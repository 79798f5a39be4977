"""How problems are shown: the one-line format, GitHub annotations and the job summary."""

from __future__ import annotations

from pathlib import Path

from karriere.errors import Problem, github_annotation, markdown_table, report_to_github, sort_problems

P = Problem(
    "data/centres/buskerud/kongsberg.yaml",
    14,
    10,
    "email",
    '"post@kongsberg" is not an e-mail address',
    "expected name@domain.no",
)


def test_format_is_path_line_column_field_message_hint() -> None:
    assert P.format() == (
        'data/centres/buskerud/kongsberg.yaml:14:10: email: "post@kongsberg" is not an e-mail address '
        "(expected name@domain.no)"
    )


def test_sorted_by_file_then_line_and_deduplicated() -> None:
    a = Problem("a.yaml", 9, 1, "x", "m")
    b = Problem("b.yaml", 1, 1, "x", "m")
    c = Problem("a.yaml", 2, 5, "x", "m")
    assert sort_problems([b, a, c, a]) == [c, a, b]


def test_github_annotation_escapes_properties_and_data() -> None:
    line = github_annotation(Problem("data/a,b.yaml", 3, 4, "note", "100% wrong\nreally", "fix: it"))
    assert line.startswith("::error file=data/a%2Cb.yaml,line=3,col=4,title=note::")
    assert "100%25 wrong%0Areally" in line
    assert "\n" not in line


def test_github_output_only_in_actions_and_at_most_ten(tmp_path: Path) -> None:
    problems = [Problem("a.yaml", n, 1, "f", "m", "h") for n in range(1, 13)]
    assert report_to_github(problems, {}) == []
    summary = tmp_path / "summary.md"
    lines = report_to_github(problems, {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert len(lines) == 10
    text = summary.read_text(encoding="utf-8")
    assert "12 problems" in text
    assert text.count("| `a.yaml` |") == 12


def test_markdown_table_escapes_pipes() -> None:
    table = markdown_table([Problem("a.yaml", 1, 1, "f", "a | b", "c")])
    assert "a \\| b" in table


def test_no_value_can_start_a_line_of_its_own_or_a_workflow_command(tmp_path, capsys, monkeypatch) -> None:
    """A value with a line break (a YAML block scalar) ends up in a message: printed, it stays on its
    line, and in GitHub Actions it cannot start a workflow command (::warning, ::stop-commands::)."""
    import shutil

    from karriere import cli
    from tests.conftest import VALID

    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    gol = data / "centres" / "buskerud" / "gol.yaml"
    forged = "status: |\n  aktiv\n  ::warning file=README.md::forged\n  ::stop-commands::token\n"
    gol.write_text(gol.read_text(encoding="utf-8").replace("status: active\n", forged), encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert cli.main(["check", "--data", str(data)]) == 1
    said = capsys.readouterr()
    lines = (said.out + said.err).splitlines()
    assert not [line for line in lines if line.startswith("::") and not line.startswith("::error ")], lines
    assert any("aktiv\\n::warning" in line for line in said.err.splitlines())
    annotations = [line for line in said.out.splitlines() if line.startswith("::error ")]
    assert annotations and all("%0A" in a for a in annotations if "aktiv" in a)
    assert "\n::" not in summary.read_text(encoding="utf-8")
