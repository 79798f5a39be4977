"""The files a reader downloads beside a page: a report's figures as CSV, in the page's language."""

from __future__ import annotations

import csv
import io

from karriere.i18n import tr
from karriere.views.reports import ReportPage


def report_csv(page: ReportPage) -> bytes:
    """The report's figures as a CSV in the page's language: section, item, value, unit."""
    lang = page.meta.lang
    f = page.figures
    r = f.report
    rows: list[tuple[str, str, str, str]] = []

    def add(section: str, item: str, value, unit: str) -> None:
        if value is not None:
            rows.append((section, item, str(value), unit))

    summary = tr(lang, "Sammendrag")
    add(summary, tr(lang, "Antall sentre"), r.centres, "")
    add(summary, tr(lang, "Finansiering i alt"), f.funding_total, "NOK")
    add(summary, tr(lang, "Årsverk i alt"), f.fte_total, tr(lang, "Årsverk"))
    add(summary, tr(lang, "Personer i 81–100 %% stilling"), r.persons_full_time, tr(lang, "Personer"))
    add(summary, tr(lang, "Innbyggere"), r.population, "")
    add(summary, tr(lang, "Kroner per innbygger"), f.per_inhabitant, "NOK")
    for a in f.funding_by_source:
        add(tr(lang, "Finansiering etter kilde"), a.label.label[lang], a.value, "NOK")
    for c in f.funding_by_contributor:
        add(tr(lang, "Finansiering etter bidragsyter"), c.name, c.amount, "NOK")
    for a in f.persons_by_employer:
        add(tr(lang, "Ansatte etter arbeidsgiver"), a.label.label[lang], a.value, tr(lang, "Personer"))
    for a in f.fte_by_employer:
        add(tr(lang, "Årsverk etter arbeidsgiver"), a.label.label[lang], a.value, tr(lang, "Årsverk"))
    for s in r.surveys:
        add(tr(lang, "Resultater fra brukerundersøkelser"), s.statement_nb, s.share, tr(lang, "Andel"))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([tr(lang, "Avsnitt"), tr(lang, "Tall"), tr(lang, "Verdi"), "unit"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
