"""The corpus of bad inputs: each case breaks the tiny valid dataset in one way.

Every case asserts the file, line and field of each expected message, exit status 1, no traceback,
and that nothing else is reported. Cases are folders under tests/bad/ (an overlay of files and an
``expect.yaml``), plus a few generated here because they cannot sensibly be committed
(non-UTF-8 bytes, a 20 MB file).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from karriere import cli, pipeline
from karriere.errors import Problem

BAD = Path(__file__).resolve().parent / "bad"
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+):(?: (?P<field>[A-Za-z_]+):)? (?P<rest>.+)$")


def run_check(data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    seen: list[list[Problem]] = []
    original = pipeline.check

    def spy(*args, **kwargs):
        result = original(*args, **kwargs)
        seen.append(result)
        return result

    monkeypatch.setattr(pipeline, "check", spy)
    status = cli.main(["check", "--data", str(data)])
    out = capsys.readouterr()
    return status, out.out, out.err, seen[0]


def apply_case(case: Path, data: Path) -> None:
    for source in sorted((case / "files").rglob("*")):
        if source.is_file():
            target = data / source.relative_to(case / "files")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def assert_reported(status, out, err, problems, data: Path, expected: list[dict]) -> None:
    assert status == 1, err
    assert "Traceback" not in out + err
    printed = [line for line in err.splitlines() if LINE.match(line)]
    assert len(printed) == len(problems), err
    for want in expected:
        path = str(data / want["file"])
        matches = [
            p
            for p in problems
            if p.path == path and p.line == want["line"] and p.field == want["field"] and p.code == want["code"]
        ]
        assert len(matches) == 1, f"expected {want} in:\n{err}"
        problem = matches[0]
        assert problem.format() in printed
        if "message" in want:
            assert want["message"] in problem.message, problem
        if "hint" in want:
            assert want["hint"] in problem.hint, problem
        assert problem.hint, f"every message says how to fix it: {problem}"
    assert len(problems) == len(expected), "unexpected extra problems:\n" + err


CASES = sorted(p.name for p in BAD.iterdir() if (p / "expect.yaml").is_file())


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case: str, valid_data: Path, monkeypatch, capsys) -> None:
    spec = yaml.safe_load((BAD / case / "expect.yaml").read_text(encoding="utf-8"))
    apply_case(BAD / case, valid_data)
    status, out, err, problems = run_check(valid_data, monkeypatch, capsys)
    assert_reported(status, out, err, problems, valid_data, spec["errors"])


def test_non_utf8_file(valid_data: Path, monkeypatch, capsys) -> None:
    path = valid_data / "counties" / "finnmark.yaml"
    path.write_bytes('number: "20"\nname: Finnm\xe5rku\n'.encode("latin-1"))
    status, out, err, problems = run_check(valid_data, monkeypatch, capsys)
    expected = [
        {"file": "counties/finnmark.yaml", "line": 2, "field": "", "code": "encoding", "message": "UTF-8"},
    ]
    assert_reported(status, out, err, problems, valid_data, expected)
    assert problems[0].column == 12


def test_twenty_megabyte_file(valid_data: Path, monkeypatch, capsys) -> None:
    path = valid_data / "centres" / "buskerud" / "huge.yaml"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("name: Huge\nnote: >-\n")
        line = "  " + "x" * 98 + "\n"
        for _ in range(20 * 1024 * 1024 // len(line)):
            fh.write(line)
    assert path.stat().st_size >= 20_000_000
    status, out, err, problems = run_check(valid_data, monkeypatch, capsys)
    expected = [{"file": "centres/buskerud/huge.yaml", "line": 1, "field": "", "code": "too-large"}]
    assert_reported(status, out, err, problems, valid_data, expected)


def test_every_error_at_once_sorted(valid_data: Path, monkeypatch, capsys) -> None:
    """Problems in several files are all reported in one run, sorted by file and line."""
    for case in ("bad-email", "unknown-key", "negative-money", "county-outside-period"):
        apply_case(BAD / case, valid_data)
    status, _out, err, problems = run_check(valid_data, monkeypatch, capsys)
    assert status == 1
    assert len({p.path for p in problems}) == 4
    fields = {p.field for p in problems}
    assert {"email", "emial", "amount_nok", "county"} <= fields
    assert problems == sorted(problems)
    printed = [line for line in err.splitlines() if LINE.match(line)]
    assert printed == [p.format() for p in problems]
    assert err.rstrip().endswith(f"{len(problems)} problems found.")


def test_corpus_is_large_enough() -> None:
    # The issue asks for at least 30 bad inputs; this keeps the corpus from shrinking unnoticed.
    assert len(CASES) + 2 >= 30
