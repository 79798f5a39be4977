"""The tables of the data package: fields, types, constraints, keys — the one source of truth.

The Frictionless Table Schemas in the published ``datapackage.json``, the checks run on the YAML,
the hints in error messages and (later) the JSON Schemas for editors are all generated from the
declarations in this module.
"""

from __future__ import annotations

from karriere.schema import directory, registers, reports
from karriere.schema.fields import (
    EMAIL,
    PARTIAL_DATE,
    PHONE,
    SLUG,
    TERM_ID,
    TEXT,
    URL,
    VOCABULARIES,
    Field,
    Table,
)

__all__ = [
    "EMAIL",
    "PARTIAL_DATE",
    "PHONE",
    "SLUG",
    "TABLES",
    "TABLE_BY_NAME",
    "TERM_ID",
    "TEXT",
    "URL",
    "VOCABULARIES",
    "Field",
    "Table",
]

#: Every table of the data package, in the package's order.
TABLES: tuple[Table, ...] = (*registers.TABLES, *directory.TABLES, *reports.TABLES)
TABLE_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
