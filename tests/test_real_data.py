"""The bundled data: it passes the check, and it says what the sources say."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from karriere import pipeline

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
#: The public municipality register before 2018 (number, name, county; the 19-county structure), copied
#: unchanged from the project's shared facts (facts/municipalities_pre2018.csv).
REGISTER = ROOT / "tests" / "fixtures" / "municipalities_pre2018.csv"


@pytest.fixture(scope="module")
def rows():
    loaded = pipeline.load(DATA)
    assert loaded.problems == []
    return loaded.rows


def test_real_data_passes_check() -> None:
    assert pipeline.check(DATA) == []


def test_nineteen_counties_of_the_2010_structure(rows) -> None:
    counties = rows["counties"]
    assert len(counties) == 19
    assert {r.values["number"] for r in counties} == {f"{n:02d}" for n in range(1, 21) if n != 13}
    # The counties merged in 2018 and 2020 carry their last year; Oslo, Rogaland, Møre og Romsdal and
    # Nordland still exist.
    ends = {r.values["id"]: r.values.get("valid_to") for r in counties}
    assert ends["sor-trondelag"] == ends["nord-trondelag"] == "2017"
    assert {k for k, v in ends.items() if v is None} == {"oslo", "rogaland", "more-og-romsdal", "nordland"}


def test_municipalities_match_the_register(rows) -> None:
    with REGISTER.open(encoding="utf-8") as fh:
        register = {r["municipality_number"]: (r["name"], r["county_number"]) for r in csv.DictReader(fh)}
    number_of = {r.values["id"]: r.values["number"] for r in rows["counties"]}
    ours = {r.values["number"]: (r.values["name"], number_of[r.values["county"]]) for r in rows["municipalities"]}
    assert ours == register
    assert ours["2011"][0] == "Guovdageaidnu – Kautokeino"


def test_centres_and_their_statuses(rows) -> None:
    centres = rows["centres"]
    statuses = Counter(r.values["status"] for r in centres)
    # 31 centres established in 2010 and 6 planned (ØF-notat 12/2010); Buskerud's four of 2017 are
    # the same four places; Aust-Agder's four became one (Arendal) in 2014.
    assert len(centres) == 37
    assert statuses == {"active": 28, "planned": 6, "closed": 3}
    closed = sorted(r.values["id"] for r in centres if r.values["status"] == "closed")
    assert closed == ["evje", "grimstad", "risor"]


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


def test_key_figures_2013(rows) -> None:
    reports = [r for r in rows["reports"] if r.values["year"] == "2013"]
    assert len(reports) == 12
    assert round(sum(float(r.values["fte_total"]) for r in reports), 1) == 112.1
    assert sum(int(r.values["centres"]) for r in reports) == 30
    funding = [r for r in rows["report_funding"] if r.values["year"] == "2013"]
    oppland = sum(int(r.values["amount_nok"]) for r in funding if r.values["county"] == "oppland")
    assert oppland == 9290000 + 13098443 + 561000 + 960000


def test_buskerud_funding_by_contributor(rows) -> None:
    def total(year: str) -> int:
        return sum(
            int(r.values["amount_nok"])
            for r in rows["report_funding"]
            if r.values["county"] == "buskerud" and r.values["year"] == year
        )

    assert total("2016") == 3369000
    assert total("2017") == 3019000
    staff = [r for r in rows["report_staff"] if r.values["county"] == "buskerud" and r.values["year"] == "2017"]
    assert round(sum(float(r.values["fte"]) for r in staff), 1) == 12.4


def test_surveys(rows) -> None:
    results = rows["survey_results"]
    buskerud = [r for r in results if r.values["scope"] == "buskerud"]
    assert len(buskerud) == 7
    assert all(r.values["n"] == "60" and r.values["preliminary"] == "true" for r in buskerud)
    national = [r for r in results if r.values["scope"] == "national"]
    assert any(r.values["share"] == "0.95" and r.values["n"] == "1885" for r in national)


def test_vocabulary_labels_in_three_languages(rows) -> None:
    from karriere.schema import VOCABULARIES

    for name in VOCABULARIES:
        assert rows[name], name
        for term in rows[name]:
            assert all(term.values.get(f"label_{lang}") for lang in ("nb", "nn", "en")), term.values
