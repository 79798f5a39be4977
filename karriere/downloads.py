"""The files a reader downloads beside a page: a report's figures as CSV, in the page's language."""

from __future__ import annotations

import csv
import io

from karriere.i18n import labels
from karriere.views.reports import ReportPage


def report_csv(page: ReportPage) -> bytes:
    """The report's figures as a CSV in the page's language: section, item, value, unit."""
    lang = page.meta.lang
    t = labels()[lang]
    f = page.figures
    r = f.report
    rows: list[tuple[str, str, str, str]] = []

    def add(section: str, item: str, value, unit: str) -> None:
        if value is not None:
            rows.append((section, item, str(value), unit))

    summary = t["report_summary"]
    add(summary, t["centres_reported"], r.centres, "")
    add(summary, t["funding_total"], f.funding_total, "NOK")
    add(summary, t["fte_total"], f.fte_total, t["fte"])
    add(summary, t["persons_full_time"], r.persons_full_time, t["persons"])
    add(summary, t["population"], r.population, "")
    add(summary, t["per_inhabitant"], f.per_inhabitant, "NOK")
    for a in f.funding_by_source:
        add(t["funding_by_source"], a.label.label[lang], a.value, "NOK")
    for c in f.funding_by_contributor:
        add(t["funding_by_contributor"], c.name, c.amount, "NOK")
    for a in f.persons_by_employer:
        add(t["staff_by_employer"], a.label.label[lang], a.value, t["persons"])
    for a in f.fte_by_employer:
        add(t["fte_by_employer"], a.label.label[lang], a.value, t["fte"])
    for s in r.surveys:
        add(t["survey_results"], s.statement_nb, s.share, t["share"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([t["section"], t["figure"], t["value"], "unit"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
