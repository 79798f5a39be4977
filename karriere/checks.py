"""Checks across records that a Table Schema cannot express.

They run on the rows read from YAML and tolerate values of the wrong type (Frictionless reports
those): a check that cannot read a value simply does not apply.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from karriere.documents import Document, Row
from karriere.errors import Problem
from karriere.places import places
from karriere.schema import TABLE_BY_NAME, TEXT

REQUIRED_STATUSES = ("active", "planned", "closed")


def all_checks(documents: list[Document], rows: dict[str, list[Row]], today: dt.date) -> list[Problem]:
    """Every check between records, and on text that a Table Schema cannot see."""
    checked = place(documents) + places(documents, rows) + future(rows, today) + consistency(rows)
    return checked + text_hazards(rows)


#: What a cell may not start with: spreadsheets (Excel, LibreOffice) run such a cell as a formula when
#: the published CSV is opened ("formula injection"); tab and carriage return hide the cell's start.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _invisible(text: str) -> tuple[int, str] | None:
    """The first invisible format or control character in *text* (bidirectional overrides, zero-width
    characters, byte order marks …), as (index, its Unicode name)."""
    for index, char in enumerate(text):
        kind = unicodedata.category(char)
        if kind == "Cf" or (kind == "Cc" and char not in "\n"):
            return index, f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}"
    return None


def text_hazards(rows: dict[str, list[Row]]) -> list[Problem]:
    """Text that could be turned against a reader: characters that make text display as something
    else (``gnp.exe`` shown as ``exe.png``), and cells a spreadsheet would run as a formula."""
    problems = []
    for name, table_rows in rows.items():
        table = TABLE_BY_NAME.get(name)
        if table is None:
            continue
        # Free text only: a field with a pattern, a vocabulary or a foreign key refuses such values already.
        text_fields = [
            f.name
            for f in table.fields
            if f.type == "string" and f.pattern in (None, TEXT) and not (f.vocabulary or f.references or f.choices)
        ]
        for row in table_rows:
            for field in text_fields:
                value = row.values.get(field)
                if not value:
                    continue
                if found := _invisible(value):
                    index, char = found
                    problems.append(
                        _problem(
                            row,
                            field,
                            f"contains an invisible character, {char}, as character {index + 1}",
                            "delete it: such characters can make text look different from what it says",
                            "invisible-character",
                        )
                    )
                if value.startswith(FORMULA_STARTS):
                    shown = {"\t": "a tab", "\r": "a carriage return"}.get(value[0], f'"{value[0]}"')
                    problems.append(
                        _problem(
                            row,
                            field,
                            f"starts with {shown}, which a spreadsheet would treat as the start of a formula",
                            "begin the text with a word or a digit: the published CSV files are opened in spreadsheets",
                            "formula",
                        )
                    )
    return problems


def _int(value: str | None) -> int | None:
    return int(value) if value and re.fullmatch(r"[0-9]{1,4}", value) else None


def _is_date(value: str) -> bool:
    """A real year, year-month or date (invalid ones are reported by the schema)."""
    padded = value + "-01-01"[: 10 - len(value)] if len(value) in (4, 7) else value
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        return False
    return len(padded) == 10


def _problem(row: Row, name: str, message: str, hint: str, code: str) -> Problem:
    pos = row.where(name)
    return Problem(row.path, pos.line, pos.column, name, message, hint, code)


def place(documents: list[Document]) -> list[Problem]:
    """A record's county and year must agree with the folder and file name it is in."""
    problems = []
    for doc in documents:
        if not doc.rows:
            continue
        row = doc.rows[0]
        for name in ("county", "year"):
            implied = doc.implied.get(name)
            if implied is None or doc.layout.table == "counties":
                continue
            if name == "year" and doc.layout.kind not in ("report", "national"):
                continue
            given = row.values.get(name)
            if given is None:
                continue  # reported as missing by the schema
            if given != implied:
                if name == "county":
                    message = f'"{given}" does not match the folder the file is in ({implied})'
                    hint = f"move the file to the folder {given}/ or write county: {implied}"
                else:
                    message = f"{given} does not match the file name ({implied}.yaml)"
                    hint = f"rename the file to {given}.yaml or write year: {implied}"
                problems.append(_problem(row, name, message, hint, "file-place"))
    return problems


def future(rows: dict[str, list[Row]], today: dt.date) -> list[Problem]:
    """Figures and checks cannot describe a time that has not come yet."""
    problems = []
    iso = today.isoformat()
    for table, table_rows in rows.items():
        for row in table_rows:
            year = _int(row.values.get("year"))
            if year is not None and year > today.year:
                problems.append(
                    _problem(
                        row,
                        "year",
                        f"{year} is in the future",
                        f"figures can be given for {today.year} at the latest",
                        "future",
                    )
                )
            for name in ("as_of", "last_checked"):
                value = row.values.get(name) or ""
                if _is_date(value) and value > iso[: len(value)]:
                    problems.append(
                        _problem(
                            row,
                            name,
                            f"{value} is in the future",
                            f"use a date no later than today ({today.isoformat()})",
                            "future",
                        )
                    )
            if table == "centres" and row.values.get("status") != "planned":
                for name in ("established", "closed"):
                    year = _int(row.values.get(name))
                    if year is not None and year > today.year:
                        problems.append(
                            _problem(
                                row,
                                name,
                                f"{year} is in the future",
                                "only a planned centre can have a future year",
                                "future",
                            )
                        )
    return problems


def consistency(rows: dict[str, list[Row]]) -> list[Problem]:
    problems = []
    for row in rows.get("centres", []):
        status = row.values.get("status")
        start, end = _int(row.values.get("established")), _int(row.values.get("closed"))
        if end is not None and status != "closed":
            problems.append(
                _problem(
                    row,
                    "closed",
                    "a closing year is given but the status is not closed",
                    "set status: closed, or remove the closing year",
                    "consistency",
                )
            )
        if start is not None and end is not None and end < start:
            problems.append(
                _problem(
                    row,
                    "closed",
                    f"the centre closed ({end}) before it opened ({start})",
                    "check both years",
                    "consistency",
                )
            )
    for row in rows.get("report_staff", []):
        if not row.values.get("persons") and not row.values.get("fte"):
            problems.append(
                _problem(
                    row,
                    "persons",
                    "a staff item needs persons, fte or both",
                    "e.g. 'persons: 5' or 'fte: 1.6'",
                    "required",
                )
            )
    centre_county: dict[str | None, str | None] = {}
    for r in rows.get("centres", []):
        centre_county.setdefault(r.values.get("id"), r.values.get("county"))
    for row in rows.get("report_staff", []) + rows.get("report_funding", []):
        centre = row.values.get("centre")
        if centre and centre in centre_county and centre_county[centre] != row.values.get("county"):
            problems.append(
                _problem(
                    row,
                    "centre",
                    f'the centre "{centre}" belongs to another county',
                    "a report lists only its own county's centres",
                    "consistency",
                )
            )
    statuses = rows.get("statuses")
    if statuses:
        have = {r.values.get("id") for r in statuses}
        for missing in [s for s in REQUIRED_STATUSES if s not in have]:
            row = statuses[0]
            problems.append(
                Problem(
                    row.path,
                    1,
                    1,
                    "terms",
                    f'the status "{missing}" is missing',
                    "the site needs the statuses active, planned and closed",
                    "required",
                )
            )
    return problems
