"""How fresh the records are: which were last checked against their sources too long ago."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from karriere.documents import Row

#: The default threshold, in months, for ``build.py stale`` and for marking pages.
STALE_MONTHS = 12


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def is_stale(last_checked: dt.date, today: dt.date, months: int = STALE_MONTHS) -> bool:
    return months_between(last_checked, today) >= months


@dataclass(frozen=True)
class StaleRecord:
    county: str
    path: str
    record: str
    last_checked: str
    months: int


def stale_records(rows: dict[str, list[Row]], today: dt.date, months: int = STALE_MONTHS) -> list[StaleRecord]:
    out = []
    for table, label in (("counties", "name"), ("centres", "name"), ("reports", "year"), ("national_reports", "year")):
        for row in rows.get(table, []):
            value = row.values.get("last_checked", "")
            try:
                checked = dt.date.fromisoformat(value)
            except ValueError:
                continue  # reported by check
            if is_stale(checked, today, months):
                county = row.values.get("county") or row.values.get("id") if table != "national_reports" else "–"
                out.append(
                    StaleRecord(
                        county or "–", row.path, row.values.get(label, ""), value, months_between(checked, today)
                    )
                )
    return sorted(out, key=lambda r: (r.county, r.path))


def table(records: list[StaleRecord], months: int) -> str:
    if not records:
        return f"No record was last checked more than {months} months ago.\n"
    lines = [
        f"### {len(records)} record(s) last checked more than {months} months ago",
        "",
        "| County | File | Record | Last checked | Months ago |",
        "| --- | --- | --- | --- | ---: |",
    ]
    lines += [f"| {r.county} | `{r.path}` | {r.record} | {r.last_checked} | {r.months} |" for r in records]
    return "\n".join(lines) + "\n"
