"""A coordinator's ordinary edits never turn the tests red: the tests over data/ assert what holds for
any valid data. This test copies data/, makes the edits a coordinator makes in a year (close a centre,
bring a centre up to date, add a centre, add a year's figures, add a source) and runs the real-data
tests over the copy (KARRIERE_TEST_DATA, read by tests/conftest.py real_data()).

The edits are made as a coordinator makes them, on whatever the data holds: the first centre in
operation is closed, the next is brought up to date with today's municipality numbers (the check
names them), a centre is added in a county of today, and a county with a report gets the next year's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from karriere import pipeline
from karriere.places import registers_from
from tests.conftest import DATA, ROOT

#: The tests that read the real data (the site built from it, its package, its pages in Chromium).
REAL_DATA_TESTS = [
    "tests/test_real_data.py",
    "tests/test_provenance.py",
    "tests/test_site.py",
    "tests/test_jsonld.py",
    "tests/test_hsds.py",
    "tests/test_honesty.py",
    "tests/test_search.py::test_every_municipality_of_today_is_answered",
    "tests/test_search.py::test_a_place_is_answered_with_that_place_first",
]
#: A day before the tests' fixed build date (SOURCE_DATE_EPOCH in conftest.py, 2026-11-27).
CHECKED = "2026-11-20"


def centre_files(data: Path) -> list[Path]:
    return sorted((data / "centres").glob("*/*.yaml"))


def status_of(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["status"]


def bring_up_to_date(path: Path, registers, year: int, status: str | None = None) -> None:
    """What a coordinator does when the information is from *year*: the record's date and check, the
    county of that year, and each municipality's number of that year (as `check` names them)."""
    text = path.read_text(encoding="utf-8")
    record = yaml.safe_load(text)
    old_year = int(str(record["as_of"])[:4])

    def renumber(match: re.Match) -> str:
        version = registers.municipality(match.group(2), old_year)
        now = registers.in_year(version, year) if version else []
        return f'{match.group(1)}"{now[0].number}"' if now else match.group(0)

    text = re.sub(r'^(\s*(?:- )?municipality: )"([0-9]{4})"', renumber, text, flags=re.M)
    county = registers.today_counties_of(record["county"], old_year)[0]
    text = re.sub(r"^county: .*$", f"county: {county}", text, flags=re.M)
    text = re.sub(r"^as_of: .*$", f'as_of: "{year}"', text, flags=re.M)
    text = re.sub(r"^last_checked: .*$", f"last_checked: {CHECKED}", text, flags=re.M)
    if status:
        text = re.sub(r"^status: .*$", f"status: {status}", text, flags=re.M)
        if status == "closed" and "\nclosed:" not in text:
            text = text.replace(f"\nstatus: {status}\n", f"\nstatus: {status}\nclosed: {year}\n")
    path.write_text(text, encoding="utf-8")


def make_ordinary_edits(data: Path) -> None:
    registers = registers_from(pipeline.load(data).rows)
    active = [p for p in centre_files(data) if status_of(p) == "active"]
    # Close a centre (it closed this year), and bring another up to date.
    bring_up_to_date(active[0], registers, 2026, status="closed")
    bring_up_to_date(active[-1], registers, 2026)
    # Add a source, and a centre in a county of today that cites it.
    sources = data / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + "  - id: fylkets-nettside-2026\n"
        + "    title: Karriereveiledning – fylkeskommunens nettside\n"
        + "    publisher: Fylkeskommunen\n"
        + '    published: "2026-11"\n',
        encoding="utf-8",
    )
    today = registers.today()[0]
    municipality = next(v for v in registers.municipalities if v.valid_to is None and v.county == today.county)
    folder = data / "centres" / today.county
    folder.mkdir(exist_ok=True)
    (folder / "nytt-testsenter.yaml").write_text(
        "name: Nytt karrieresenter\n"
        f"county: {today.county}\n"
        "status: active\n"
        f'municipality: "{municipality.number}"\n'
        "offerings:\n  - individual_guidance\n"
        "sources:\n  - source: fylkets-nettside-2026\n"
        '    section: "Karriereveiledning"\n'
        'as_of: "2026-11"\n'
        f"last_checked: {CHECKED}\n",
        encoding="utf-8",
    )
    # Add a year's figures for a county that has reports and exists in that year.
    years = {}
    for path in sorted((data / "reports").glob("*/*.yaml")):
        years.setdefault(path.parent.name, []).append(int(path.stem))
    county = next(c for c in sorted(years) if registers.county(c, 2025))
    (data / "reports" / county / "2025.yaml").write_text(
        f"county: {county}\n"
        "year: 2025\n"
        "centres: 1\n"
        "funding:\n  - source: county_authority\n    contributor: Fylkeskommunen\n    amount_nok: 1000000\n"
        "sources:\n  - source: fylkets-nettside-2026\n    section: Årsrapport 2025\n"
        'as_of: "2025-12-31"\n'
        f"last_checked: {CHECKED}\n",
        encoding="utf-8",
    )


def test_the_edits_are_valid_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    before = {p.name for p in centre_files(data) if status_of(p) == "active"}
    make_ordinary_edits(data)
    assert pipeline.check(data) == []
    after = {p.name for p in centre_files(data) if status_of(p) == "active"}
    assert len(after) == len(before)  # one closed, one added
    assert after != before


def test_the_real_data_tests_pass_after_a_coordinators_ordinary_edits(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    make_ordinary_edits(data)
    env = {**os.environ, "KARRIERE_TEST_DATA": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *REAL_DATA_TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
