"""The validated data package, read back as typed records for the site.

The site never reads the YAML a second time: it reads ``datapackage.json`` and its CSVs with
the standard library, typed by the published Table Schemas, into the records of :mod:`karriere.records` (after
Frictionless has validated it).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from karriere.records import (
    LANGS,
    Centre,
    CentreCount,
    CentreRef,
    Citation,
    County,
    Data,
    FieldSource,
    Funding,
    Location,
    NationalReport,
    Partnership,
    Population,
    Report,
    Source,
    Staff,
    SurveyResult,
    Term,
)
from karriere.registers import MunicipalityVersion, Registers, from_rows


def _caster(field: dict[str, Any]):
    """How a cell of *field* (a Table Schema field descriptor) becomes a Python value.

    The same values Frictionless gives (``int``, ``Decimal``, ``bool``, ``datetime.date``, ``str``),
    for the field types and formats this package uses; a test holds the two readers equal.
    """
    kind = field["type"]
    if kind in ("integer", "year"):
        return int
    if kind == "number":
        return Decimal
    if kind == "date":
        return dt.date.fromisoformat
    if kind == "boolean":
        true = set(field.get("trueValues", ["true"]))
        return lambda text: text in true
    if kind == "string":
        return str
    raise ValueError(f"field type {kind!r} is not read by the site")


def read_resource(folder: Path, resource: dict[str, Any]) -> list[dict[str, Any]]:
    """The typed rows of one validated CSV resource of the package.

    Frictionless has validated every cell by now, so reading needs no checks, only types; reading with
    the standard library is an order of magnitude faster than Frictionless's row objects.
    """
    schema = resource["schema"]
    names = [f["name"] for f in schema["fields"]]
    casts = [_caster(f) for f in schema["fields"]]
    missing = set(schema.get("missingValues", [""]))
    with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)  # the header, written from the schema
        return [
            {name: None if cell in missing else cast(cell) for name, cast, cell in zip(names, casts, row, strict=True)}
            for row in reader
        ]


def load(datapackage: Path) -> Data:
    """Read the validated package at *datapackage* into linked records."""
    descriptor = json.loads(datapackage.read_text(encoding="utf-8"))
    rows = {r["name"]: read_resource(datapackage.parent, r) for r in descriptor["resources"]}
    from karriere.schema import VOCABULARIES

    vocabularies = {
        name: {
            r["id"]: Term(
                r["id"],
                {lang: r[f"label_{lang}"] for lang in LANGS},
                {lang: r[f"description_{lang}"] for lang in LANGS if r[f"description_{lang}"]},
            )
            for r in rows[name]
        }
        for name in VOCABULARIES
    }
    sources = {
        r["id"]: Source(r["id"], r["title"], r["publisher"], r["published"], r["url"], r["note"])
        for r in rows["sources"]
    }

    def cite(r: dict[str, Any]) -> Citation:
        return Citation(sources[r["source"]], r["section"])

    def dated(r: dict[str, Any]) -> FieldSource:
        return FieldSource(r["field"], r["as_of"], cite(r), r["note"])

    registers = read_registers(rows)
    counties: dict[str, County] = {}
    for version in sorted(registers.counties, key=lambda v: (v.valid_from or 0, v.number)):
        counties.setdefault(version.county, County(version.county, [])).versions.append(version)
    for r in rows["counties"]:
        county = counties[r["id"]]
        county.has_file, county.note, county.as_of, county.last_checked = True, r["note"], r["as_of"], r["last_checked"]

    def municipality(number: str | None, as_of: str) -> MunicipalityVersion | None:
        """The municipality *number* was at the date *as_of* describes (check has made sure it was one)."""
        if not number:
            return None
        year = int(as_of[:4])
        return registers.municipality(number, year) or registers.versions_of(number)[0]

    for r in rows["county_sources"]:
        counties[r["county"]].citations.append(cite(r))
    for r in rows["county_field_sources"]:
        counties[r["county"]].field_sources[r["field"]] = dated(r)
    for r in rows["county_centre_counts"]:
        counties[r["county"]].centre_counts.append(CentreCount(r["year"], r["centres"], cite(r), r["note"]))
    for r in rows["partnerships"]:
        counties[r["county"]].partnership = Partnership(
            r["name"], r["agreement_signed"], r["regional_partnership_count"], r["regional_note"], r["note"]
        )
    for table, attr in (("partnership_partners", "partners"), ("regional_partnerships", "regional_partnerships")):
        for r in rows[table]:
            partnership = counties[r["county"]].partnership
            if partnership is not None:
                getattr(partnership, attr).append(r["name"])

    centres: dict[str, Centre] = {}
    for r in rows["centres"]:
        values = dict(r)
        values["municipality_record"] = municipality(r["municipality"], r["as_of"])
        centres[r["id"]] = Centre(r["id"], counties[r["county"]], values)
    lists = {
        "centre_offerings": ("offerings", lambda r: vocabularies["offering_types"][r["offering"]]),
        "centre_target_groups": ("target_groups", lambda r: vocabularies["target_groups"][r["target_group"]]),
        "centre_channels": ("channels", lambda r: vocabularies["channels"][r["channel"]]),
        "centre_activities": ("activities", lambda r: r["text"]),
        "centre_owners": ("owners", lambda r: r["name"]),
        "centre_colocations": ("co_located_with", lambda r: r["name"]),
        "centre_service_areas": (
            "service_area",
            lambda r: municipality(r["municipality"], centres[r["centre"]].as_of),
        ),
        "centre_locations": (
            "locations",
            lambda r: Location(
                r["town"],
                municipality(r["municipality"], centres[r["centre"]].as_of),
                r["co_located_with"],
                r["staff_fte"],
                r["note"],
            ),
        ),
        "centre_sources": ("citations", cite),
    }
    for table, (attr, make) in lists.items():
        for r in rows[table]:
            getattr(centres[r["centre"]], attr).append(make(r))
    for r in rows["centre_field_sources"]:
        centres[r["centre"]].field_sources[r["field"]] = dated(r)

    reports: dict[tuple[str, int], Report] = {}
    for r in rows["reports"]:
        reports[(r["county"], r["year"])] = Report(
            counties[r["county"]],
            r["year"],
            r["centres"],
            r["fte_total"],
            r["persons_full_time"],
            r["population"],
            r["population_note"],
            r["note"],
            r["as_of"],
            r["last_checked"],
        )
    for r in rows["report_funding"]:
        reports[(r["county"], r["year"])].funding.append(
            Funding(
                vocabularies["funding_sources"][r["source"]],
                vocabularies["funding_kinds"][r["kind"]] if r["kind"] else None,
                r["contributor"],
                municipality(r["municipality"], str(r["year"])),
                r["amount_nok"],
                r["note"],
            )
        )
    for r in rows["report_staff"]:
        reports[(r["county"], r["year"])].staff.append(
            Staff(
                vocabularies["employers"][r["employer"]],
                CentreRef(r["centre"], centres[r["centre"]].name) if r["centre"] in centres else None,
                r["persons"],
                r["fte"],
                r["note"],
            )
        )
    for r in rows["report_populations"]:
        reports[(r["county"], r["year"])].populations.append(
            Population(municipality(r["municipality"], str(r["year"])), r["inhabitants"], r["note"])
        )
    for r in rows["report_sources"]:
        reports[(r["county"], r["year"])].citations.append(cite(r))
    for r in rows["report_field_sources"]:
        reports[(r["county"], r["year"])].field_sources[r["field"]] = dated(r)

    national: dict[int, NationalReport] = {
        r["year"]: NationalReport(r["year"], r["note"], r["as_of"], r["last_checked"]) for r in rows["national_reports"]
    }
    surveys_by_scope: dict[tuple[str, int], list[SurveyResult]] = defaultdict(list)
    for r in rows["survey_results"]:
        surveys_by_scope[(r["scope"], r["year"])].append(
            SurveyResult(
                vocabularies["surveys"][r["survey"]],
                r["statement_nb"],
                r["statement_en"],
                r["share"],
                r["n"],
                bool(r["preliminary"]),
                r["note"],
                Citation(sources[r["source"]], r["section"]),
            )
        )
    for (scope, year), results in surveys_by_scope.items():
        if scope == "national" and year in national:
            national[year].surveys = results
        elif (scope, year) in reports:
            reports[(scope, year)].surveys = results
    counts = {name: len(table_rows) for name, table_rows in rows.items()}
    return Data(vocabularies, sources, counties, centres, reports, national, registers, counts)


def read_registers(rows: dict[str, list[dict[str, Any]]]) -> Registers:
    """The register tables as :class:`karriere.registers.Registers`."""
    return from_rows(
        rows["county_versions"], rows["municipality_versions"], rows["municipality_changes"], rows["county_changes"]
    )
