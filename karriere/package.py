"""Rows → CSV files + ``datapackage.json``, validated by Frictionless, its errors mapped back to YAML.

Every resource is written as an explicit CSV table (``type: table``, ``format: csv``) with the header
taken from the schema, never from the first row: Frictionless treats an inline or YAML resource
without ``type: table`` as JSON and lets it pass, and infers the columns of keyed rows from the
first row only. Neither pitfall can happen here.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from karriere.checks import REQUIRED_STATUSES
from karriere.documents import Row
from karriere.errors import Problem
from karriere.schema import TABLE_BY_NAME, TABLES, TEXT, Field, Table

log = logging.getLogger(__name__)

PACKAGE_META: dict[str, Any] = {
    "name": "karrieresentre",
    "title": "Norway's county career guidance centres (karrieresentre)",
    "description": (
        "The county career guidance centres of Norway, the county partnerships for career guidance, and "
        "their key figures by county and year, taken from public reports (2010–2018). Every record cites "
        "its source and the date it describes; what the sources do not say is left empty."
    ),
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0",
        }
    ],
}


@dataclass
class Built:
    """The package as files in a folder, and the rows they came from."""

    folder: Path
    descriptor: dict[str, Any]
    rows: dict[str, list[Row]]


def vocabularies_of(rows: dict[str, list[Row]]) -> dict[str, list[str]]:
    from karriere.schema import VOCABULARIES

    return {name: [r.values.get("id", "") for r in rows.get(name, [])] for name in VOCABULARIES}


def csv_bytes(table: Table, rows: list[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.field_names)
    writer.writerows([row.values.get(name, "") for name in table.field_names] for row in rows)
    return buffer.getvalue().encode("utf-8")


def descriptor(rows: dict[str, list[Row]], sources: list[dict[str, str]]) -> dict[str, Any]:
    vocabularies = vocabularies_of(rows)
    return {
        **PACKAGE_META,
        "sources": sources,
        "resources": [
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "path": f"{table.name}.csv",
                "type": "table",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table.descriptor(vocabularies),
            }
            for table in TABLES
        ],
    }


def write(folder: Path, rows: dict[str, list[Row]], sources: list[dict[str, str]]) -> Built:
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        (folder / f"{table.name}.csv").write_bytes(csv_bytes(table, rows.get(table.name, [])))
    desc = descriptor(rows, sources)
    text = json.dumps(desc, ensure_ascii=False, indent=2) + "\n"
    (folder / "datapackage.json").write_text(text, encoding="utf-8")
    return Built(folder, desc, rows)


@dataclass(frozen=True)
class Found:
    """One error Frictionless found, with what mapping it to the YAML needs (plain values, so that
    it can come from another process)."""

    type: str
    message: str
    row_number: int | None = None
    field_name: str | None = None
    cell: str | None = None
    note: str | None = None
    field_names: tuple[str, ...] = ()
    field_cells: tuple[str, ...] = ()
    reference_name: str | None = None
    reference_field_names: tuple[str, ...] = ()


def warm() -> None:
    """Import Frictionless (a quarter of a second), so that a validator process is ready when the
    package is."""
    import frictionless  # noqa: F401


def frictionless_errors(datapackage: str) -> dict[str, list[Found]]:
    """Validate the package at *datapackage* with Frictionless: its errors by resource.

    A pure function of the files, so that the build can run it in another process while it renders.
    """
    from frictionless import FrictionlessException, Package, system

    found: dict[str, list[Found]] = {}
    with system.use_context(trusted=False):
        package = Package(datapackage)
        try:
            package.to_descriptor(validate=True)
        except FrictionlessException as exception:  # the writer is wrong: a bug, not bad data
            raise RuntimeError(f"datapackage.json: {exception.error.message}") from None
        for resource in package.resources:
            (task,) = resource.validate().tasks
            found[resource.name] = [
                Found(
                    e.type,
                    e.message,
                    getattr(e, "row_number", None),
                    getattr(e, "field_name", None),
                    getattr(e, "cell", None),
                    getattr(e, "note", None),
                    tuple(getattr(e, "field_names", ()) or ()),
                    tuple(getattr(e, "field_cells", ()) or ()),
                    getattr(e, "reference_name", None),
                    tuple(getattr(e, "reference_field_names", ()) or ()),
                )
                for e in task.errors
            ]
    return found


def problems_from(
    built: Built, errors: dict[str, list[Found]], skip: set[tuple[str, str]] = frozenset()
) -> list[Problem]:
    """Frictionless's *errors*, each mapped to its place in the YAML. Foreign-key errors that point at
    a record in *skip* (a file that could not be read, already reported) are left out."""
    return [p for name, found in errors.items() for p in _problems(TABLE_BY_NAME[name], built, found, skip)]


def validate(built: Built, skip: set[tuple[str, str]] = frozenset()) -> list[Problem]:
    """Validate the written package with Frictionless; map every error to its place in the YAML."""
    return problems_from(built, frictionless_errors(str(built.folder / "datapackage.json")), skip)


def _problems(table: Table, built: Built, errors: list[Found], skip: set[tuple[str, str]]) -> list[Problem]:
    rows = built.rows.get(table.name, [])
    problems: list[Problem] = []
    cell_errors: set[tuple[int, str]] = set()
    for error in errors:
        number = getattr(error, "row_number", None)
        if not number or not 2 <= number < len(rows) + 2:
            # Header or package-level errors would mean the writer is wrong: a bug, not bad data.
            raise RuntimeError(f"{table.name}: {error.message}")
        row = rows[number - 2]
        if error.type in ("type-error", "constraint-error"):
            cell_errors.add((number, error.field_name))
            if error.field_name in row.reported:
                continue
            if table.field(error.field_name).vocabulary == "statuses" and error.cell in REQUIRED_STATUSES:
                continue  # the vocabulary lacks a status the site needs: reported there, once (checks.consistency)
            problems.append(_cell_problem(table, row, error, vocabularies_of(built.rows)))
        elif error.type == "foreign-key":
            fields = list(error.field_names)
            if any((number, f) in cell_errors for f in fields):
                continue
            if len(fields) == 1 and (error.reference_name, error.field_cells[0]) in skip:
                continue
            problems.append(_foreign_key_problem(table, row, error, built.rows))
        elif error.type == "primary-key":
            problems.append(_primary_key_problem(table, row, rows))
        else:
            raise RuntimeError(f"{table.name}: unexpected validation error {error.type}: {error.message}")
    return problems


def _cell_problem(table: Table, row: Row, error: Found, vocabularies: dict[str, list[str]]) -> Problem:
    fld = table.field(error.field_name)
    pos = row.where(fld.name)
    cell = error.cell
    note = error.note or ""
    if 'constraint "required"' in note:
        message, hint, code = "is missing", "this field is required: " + fld.description.rstrip("."), "required"
    elif error.type == "type-error":
        message, hint, code = f'"{cell}" is not {_type_noun(fld)}', fld.hint(), "type"
    elif 'constraint "enum"' in note:
        allowed = list(fld.choices) if fld.choices else vocabularies.get(fld.vocabulary or "", [])
        close = difflib.get_close_matches(cell, allowed, n=1, cutoff=0.5)
        if fld.choices:
            message = f'"{cell}" is not {fld.expected}'
        else:
            message = f'"{cell}" is not a known {VOCABULARY_NOUNS.get(fld.vocabulary or "", "vocabulary")} id'
        hint = f"did you mean {close[0]!r}? " if close else ""
        hint += f"allowed: {', '.join(allowed)}" if len(allowed) <= 16 else ("" if close else fld.hint())
        code = "enum"
    elif 'constraint "pattern"' in note:
        if fld.pattern == TEXT:
            message, hint = "contains < or >", "HTML is not allowed in the data; write plain text"
        else:
            message, hint = f'"{cell}" is not {_pattern_noun(fld)}', fld.hint()
        code = "pattern"
    elif 'constraint "minimum"' in note:
        message = f"{cell} is less than {_num(fld.minimum)}"
        hint, code = fld.hint(), "range"
        if fld.minimum == 0:
            message = f"{cell} is negative"
    elif 'constraint "maximum"' in note:
        message, hint, code = f"{cell} is more than {_num(fld.maximum)}", fld.hint(), "range"
    else:  # pragma: no cover - every constraint the schema uses is handled above
        message, hint, code = f'"{cell}" is not allowed ({note})', fld.hint(), "constraint"
    return Problem(row.path, pos.line, pos.column, fld.name, message, hint, code)


def _num(value: float | None) -> str:
    return f"{value:g}" if value is not None else ""


VOCABULARY_NOUNS = {
    "statuses": "status",
    "offering_types": "offering type",
    "target_groups": "target group",
    "channels": "channel",
    "funding_sources": "funding source",
    "funding_kinds": "funding kind",
    "employers": "employer",
    "surveys": "survey",
}

_TYPE_NOUNS = {
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "year": "a year",
    "date": "a date",
}


def _type_noun(fld: Field) -> str:
    return _TYPE_NOUNS.get(fld.type, "valid")


_PATTERN_NOUNS = {
    "email": "an e-mail address",
    "phone": "a Norwegian phone number",
    "website": "a web address (only https:// or http:// links are allowed)",
    "booking_url": "a web address (only https:// or http:// links are allowed)",
    "url": "a web address (only https:// or http:// links are allowed)",
    "postcode": "a postcode",
    "municipality": "a municipality number",
    "number": "a valid number",
    "id": "a valid id",
    "as_of": "a year, month or date",
    "published": "a year, month or date",
}


def _pattern_noun(fld: Field) -> str:
    return _PATTERN_NOUNS.get(fld.name, "in the expected form")


_REFERENCE_NOUNS = {
    "counties": "county",
    "centres": "centre",
    "municipality_versions": "municipality number",
    "county_versions": "county",
    "sources": "source",
    "reports": "report",
}


def _foreign_key_problem(table: Table, row: Row, error: Found, all_rows: dict[str, list[Row]]) -> Problem:
    fields = list(error.field_names)
    values = list(error.field_cells)
    target = error.reference_name
    name = fields[-1] if len(fields) > 1 else fields[0]
    pos = row.where(name)
    noun = _REFERENCE_NOUNS.get(target, target)
    shown = " ".join(values)
    known = [r.values.get(error.reference_field_names[0], "") for r in all_rows.get(target, [])]
    # A number close to another is not a suggestion ("3301" is Drammen today, not a typo for Oslo's "0301").
    numbers = target == "municipality_versions"
    close = difflib.get_close_matches(values[0], known, n=1, cutoff=0.6) if len(values) == 1 and not numbers else []
    where = {
        "counties": "data/counties/",
        "centres": "data/centres/",
        "municipality_versions": "data/registers/municipalities.yaml",
        "county_versions": "data/registers/counties.yaml",
        "sources": "data/sources.yaml",
    }.get(target, target)
    hint = (f"did you mean {close[0]!r}? " if close else "") + f"it must be listed in {where}"
    return Problem(row.path, pos.line, pos.column, name, f'"{shown}" is not a known {noun}', hint, "foreign-key")


def _primary_key_problem(table: Table, row: Row, rows: list[Row]) -> Problem:
    key = [row.values.get(k, "") for k in table.primary_key]
    first = next(r for r in rows if [r.values.get(k, "") for k in table.primary_key] == key)
    name = table.primary_key[-1]
    pos = row.where(name)
    value = key[-1]
    if first.path == row.path:
        message = f'"{value}" is listed twice (first on line {first.where(name).line})'
        hint = "remove one of them"
    else:
        message = f'the id "{value}" is already used by {first.path}'
        hint = "each record needs its own id (file name)"
    code = "duplicate"
    return Problem(row.path, pos.line, pos.column, name, message, hint, code)


def group_rows(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row.table].append(row)
    return dict(grouped)
