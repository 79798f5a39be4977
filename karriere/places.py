"""Checks of places against the registers: a record's county existed in the record's year, and its
municipalities existed then and lay in that county. A message names the number a municipality had
in that year when another year's number is used (Drammen is "0602" until 2019, "3005" in 2020–2023
and "3301" from 2024).

The checks run on the rows read from YAML and tolerate values of the wrong type (Frictionless
reports those): a check that cannot read a value does not apply.
"""

from __future__ import annotations

import re

from karriere.documents import Document, Row
from karriere.errors import Problem
from karriere.registers import CountyVersion, MunicipalityVersion, Registers, from_rows


def _int(value: str | None) -> int | None:
    return int(value) if value and re.fullmatch(r"[0-9]{1,4}", value) else None


def _year(value: str | None) -> int | None:
    return _int((value or "")[:4])


def registers_from(rows: dict[str, list[Row]]) -> Registers | None:
    """The registers as read from the YAML (None when a register file is missing)."""
    if not rows.get("county_versions") or not rows.get("municipality_versions"):
        return None
    return from_rows(
        [r.values for r in rows["county_versions"]],
        [r.values for r in rows["municipality_versions"]],
        [r.values for r in rows.get("municipality_changes", [])],
    )


def _problem(row: Row, name: str, message: str, hint: str, code: str = "place") -> Problem:
    pos = row.where(name)
    return Problem(row.path, pos.line, pos.column, name, message, hint, code)


def municipality_then(registers: Registers, number: str, year: int) -> tuple[str, str] | None:
    """(message, hint) when *number* was not a municipality number in *year*, naming the number(s) the
    same municipality had then; None when it was one."""
    if registers.municipality(number, year) is not None:
        return None
    versions = registers.versions_of(number)
    if not versions:
        return None  # never a municipality number: the schema's foreign key says so, once
    first, last = versions[0], versions[-1]
    if first.valid_from is not None and year < first.valid_from:
        earlier = [v for v in registers.predecessors(first) if v.valid_in(year)]
        then = ", ".join(f'"{v.number}" ({v.name})' for v in earlier) or "no number in the registers"
        message = f'"{number}" is {first.name}\'s number from {first.valid_from}; in {year} it was {then}'
        return message, "use the number of the record's year (its as_of), or bring the record up to date"
    now = ", ".join(f'"{v.number}" ({v.name})' for v in registers.successors(last))
    message = f'"{number}" was {last.name}\'s number until {last.valid_to}; today it is {now}'
    return message, "use the number of the record's year (its as_of): for information from today, today's number"


def _county_name(registers: Registers, county: str) -> str:
    versions = registers.county_versions(county)
    return versions[-1].name if versions else county


def period(version: CountyVersion | MunicipalityVersion) -> str:
    """'until 2019', '2020–2023', 'from 2024' (or 'since the first register')."""
    if version.valid_from is None:
        return f"until {version.valid_to}" if version.valid_to else "in every register"
    return f"{version.valid_from}–{version.valid_to}" if version.valid_to else f"from {version.valid_from}"


def county_then(registers: Registers, county: str, year: int) -> tuple[str, str] | None:
    """(message, hint) when *county* did not exist in *year*, naming the county its municipalities were
    in then; None when it existed."""
    versions = registers.county_versions(county)
    if not versions or registers.county(county, year) is not None:
        return None  # an unknown id is reported by the schema
    then = {
        other.county
        for version in registers.municipalities
        if version.county == county
        for other in registers.in_year(version, year)
    }
    where = ", ".join(sorted(_county_name(registers, c) for c in then))
    periods = ", ".join(f"{v.number} {period(v)}" for v in versions)
    message = f"{_county_name(registers, county)} did not exist in {year} (its periods: {periods})"
    hint = f"in {year} its municipalities were in {where}" if where else "use the county of the record's year"
    return message, hint


def folders(documents: list[Document], registers: Registers) -> list[Problem]:
    """A centre's folder is a county whose land is, today, where the centre's county of its year is:
    the county it was in when its file was made, or a county it has been in since. So a file never has
    to move when a county ends (centres/hedmark/ holds a centre brought up to date in Innlandet), and a
    file saved in an unrelated county's folder is caught."""
    problems = []
    for doc in documents:
        folder = doc.implied.get("folder")
        if folder is None or not doc.rows:
            continue
        row = doc.rows[0]
        county, year = row.values.get("county"), _year(row.values.get("as_of"))
        if not county or year is None or not registers.county_versions(county):
            continue  # an unknown county is the schema's to report
        if not registers.county_versions(folder):
            message = f"the folder centres/{folder}/ is not a county"
            problems.append(_problem(row, "county", message, f"move the file to centres/{county}/", "file-place"))
            continue
        last = registers.county_versions(folder)[-1]
        was = set(registers.today_counties_of(folder, last.valid_to or registers.latest_year))
        now = set(registers.today_counties_of(county, year))
        if was and now and not was & now:
            message = (
                f'{_county_name(registers, county)} ("{county}") is not the county of the folder the file is in '
                f"(centres/{folder}/)"
            )
            hint = f"move the file to centres/{county}/, or write the county the centre is in"
            problems.append(_problem(row, "county", message, hint, "file-place"))
    return problems


def places(documents: list[Document], rows: dict[str, list[Row]]) -> list[Problem]:
    """Counties and municipalities of centres and reports, against the registers at the record's year."""
    registers = registers_from(rows)
    if registers is None:
        return []
    problems: list[Problem] = folders(documents, registers)
    for row in rows.get("reports", []):
        county, year = row.values.get("county", ""), _int(row.values.get("year"))
        if year is not None and (found := county_then(registers, county, year)):
            problems.append(_problem(row, "county", *found, code="county-period"))
    centre_years: dict[str, int] = {}
    for row in rows.get("centres", []):
        county, year = row.values.get("county", ""), _year(row.values.get("as_of"))
        if year is None:
            continue
        centre_years[row.values.get("id", "")] = year
        if found := county_then(registers, county, year):
            problems.append(_problem(row, "county", *found, code="county-period"))
            continue
        number = row.values.get("municipality")
        if not number:
            continue
        if found := municipality_then(registers, number, year):
            problems.append(_problem(row, "municipality", *found))
            continue
        version = registers.municipality(number, year)
        if version is not None and version.county != county and registers.county_versions(county):
            message = (
                f'{version.name} ("{number}") was in {_county_name(registers, version.county)} in {year}, '
                f"not in {_county_name(registers, county)}"
            )
            problems.append(
                _problem(row, "municipality", message, f"write county: {version.county}, or check the number")
            )
    lists = ("centre_service_areas", "centre_locations")
    for table in lists:
        for row in rows.get(table, []):
            number, year = row.values.get("municipality"), centre_years.get(row.values.get("centre", ""))
            if number and year is not None and (found := municipality_then(registers, number, year)):
                problems.append(_problem(row, "municipality", *found))
    for table in ("report_funding", "report_populations"):
        for row in rows.get(table, []):
            number, year = row.values.get("municipality"), _int(row.values.get("year"))
            if number and year is not None and (found := municipality_then(registers, number, year)):
                problems.append(_problem(row, "municipality", *found))
    return problems


def centre_places(rows: dict[str, list[Row]]) -> list[Row]:
    """Derived rows of ``centre_places``: each centre's municipality (then each site's), as the record
    gives it for the year of its as_of, followed through the registers to the municipality and county
    of today (several rows after a split). A number the registers do not know in that year gives no
    row: :func:`places` reports it."""
    registers = registers_from(rows)
    if registers is None:
        return []
    sites: dict[str, list[Row]] = {}
    for row in rows.get("centre_locations", []):
        sites.setdefault(row.values.get("centre", ""), []).append(row)
    out: list[Row] = []
    for centre in rows.get("centres", []):
        centre_id, year = centre.values.get("id", ""), _year(centre.values.get("as_of"))
        if year is None:
            continue
        for position, row in enumerate([centre, *sites.get(centre_id, [])], start=1):
            number = row.values.get("municipality")
            version = registers.municipality(number, year) if number else None
            for today in registers.successors(version) if version else []:
                values = {
                    "centre": centre_id,
                    "position": str(position),
                    "municipality": number,
                    "record_year": str(year),
                    "today_number": today.number,
                    "today_name": today.name,
                    "today_county": today.county,
                }
                out.append(Row("centre_places", values, row.path, row.pos, {"municipality": row.where("municipality")}))
    return out
