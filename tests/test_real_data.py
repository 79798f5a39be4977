"""The bundled data: what holds for any valid data (exact counts and ids belong to the fixtures in
tests/fixtures/, so that a coordinator's ordinary edit never fails a test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from karriere import pipeline
from tests.conftest import real_data

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rows():
    loaded = pipeline.load(real_data())
    assert loaded.problems == []
    return loaded.rows


def test_real_data_passes_check() -> None:
    assert pipeline.check(real_data()) == []


def test_every_county_file_is_a_county_of_the_registers(rows) -> None:
    known = {r.values["county"] for r in rows["county_versions"]}
    assert {r.values["id"] for r in rows["counties"]} <= known


def test_every_centre_is_placed_in_a_county_of_its_year(rows) -> None:
    """Whatever the coordinators change, a centre's county existed at the date its record describes
    (the check says so for each file; this asserts the registers give every centre a place)."""
    from karriere.places import registers_from

    registers = registers_from(rows)
    for row in rows["centres"]:
        year = int(row.values["as_of"][:4])
        assert registers.county(row.values["county"], year) is not None, row.values["id"]


def test_every_record_cites_a_source_and_a_date(rows) -> None:
    cited = {
        "centres": {r.values["centre"] for r in rows["centre_sources"]},
        "counties": {r.values["county"] for r in rows["county_sources"]},
        "reports": {(r.values["county"], r.values["year"]) for r in rows["report_sources"]},
    }
    for r in rows["centres"]:
        assert r.values["id"] in cited["centres"]
        assert r.values["as_of"] and r.values["last_checked"]
    for r in rows["counties"]:
        assert r.values["id"] in cited["counties"]
    for r in rows["reports"]:
        assert (r.values["county"], r.values["year"]) in cited["reports"]
    assert all(r.values["source"] for r in rows["survey_results"])


def test_vocabulary_labels_in_three_languages(rows) -> None:
    from karriere.schema import VOCABULARIES

    for name in VOCABULARIES:
        assert rows[name], name
        for term in rows[name]:
            assert all(term.values.get(f"label_{lang}") for lang in ("nb", "nn", "en")), term.values


def test_every_centre_place_leads_to_a_municipality_of_today(rows) -> None:
    from karriere.places import registers_from

    registers = registers_from(rows)
    today = {v.number: v for v in registers.municipalities if v.valid_to is None}
    placed = {r.values["centre"] for r in rows["centre_places"]}
    for row in rows["centre_places"]:
        assert today[row.values["today_number"]].county == row.values["today_county"]
    assert placed == {r.values["id"] for r in rows["centres"] if r.values.get("municipality")} | {
        r.values["centre"] for r in rows["centre_locations"] if r.values.get("municipality")
    }
