"""The files a reader downloads beside a page: a report's figures as CSV, in the page's language.

Every line says where its value comes from: a column of the data package (the report's own figure),
or the rule that derives it from such columns (a total, a share, kroner per inhabitant).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from karriere.i18n import N_, tr
from karriere.views.reports import ReportPage


@dataclass(frozen=True)
class From:
    """A value published as it is in a column of the data package."""

    table: str
    column: str

    def describe(self, lang: str) -> str:
        return f"{self.table}.{self.column}"


@dataclass(frozen=True)
class Derived:
    """A value computed from columns of the data package, by *rule* (a message, in bokmål)."""

    rule: str

    def describe(self, lang: str) -> str:
        return tr(lang, "regnet ut: %(rule)s", rule=tr(lang, self.rule))


@dataclass(frozen=True)
class Line:
    section: str
    item: str
    value: str
    unit: str
    origin: From | Derived


def _plain(value, origin: From | Derived) -> str:
    """A number as the CSV writes it: decimal point, no grouping; a computed figure (kroner per
    inhabitant) rounded once, to one decimal, as the page shows it; a published value as it is."""
    if isinstance(origin, Derived) and isinstance(value, Decimal) and value != value.to_integral_value():
        return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return str(value)


def css_string(text: str) -> str:
    """*text* as a CSS string: every character that is not a letter, digit or space escaped, so that
    nothing from the data can end the string or the rule."""
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text)
    return f'"{escaped}"'


def running_css(header: str, footer: str) -> bytes:
    """print.css beside a printable page: its running header and footer, and page numbers, in the
    margins of every A4 page (CSS @page margin boxes)."""
    return (
        "@page {\n"
        f"  @top-left {{ content: {css_string(header)}; }}\n"
        f"  @bottom-left {{ content: {css_string(footer)}; }}\n"
        '  @bottom-right { content: counter(page) " / " counter(pages); }\n'
        "}\n"
    ).encode()


def report_lines(page: ReportPage) -> list[Line]:
    """The report's figures, each with where it comes from."""
    lang = page.meta.lang
    f = page.figures
    r = f.report
    lines: list[Line] = []

    def add(section: str, item: str, value, unit: str, origin: From | Derived) -> None:
        if value is not None:
            lines.append(Line(section, item, _plain(value, origin), unit, origin))

    summary = tr(lang, "Sammendrag")
    fte_origin = From("reports", "fte_total") if f.fte_total_is_stated else Derived(N_("summen av report_staff.fte"))
    add(summary, tr(lang, "Antall sentre"), r.centres, "", From("reports", "centres"))
    add(
        summary,
        tr(lang, "Finansiering i alt"),
        f.funding_total,
        "NOK",
        Derived(N_("summen av report_funding.amount_nok")),
    )
    add(summary, tr(lang, "Årsverk i alt"), f.fte_total, tr(lang, "Årsverk"), fte_origin)
    persons = tr(lang, "Personer")
    add(
        summary,
        tr(lang, "Personer i 81–100 %% stilling"),
        r.persons_full_time,
        persons,
        From("reports", "persons_full_time"),
    )
    add(summary, tr(lang, "Innbyggere"), r.population, "", From("reports", "population"))
    per_inhabitant = Derived(N_("summen av report_funding.amount_nok delt på reports.population"))
    add(summary, tr(lang, "Kroner per innbygger"), f.per_inhabitant, "NOK", per_inhabitant)
    for a in f.funding_by_source:
        by_source = Derived(N_("summen av report_funding.amount_nok for hver report_funding.source"))
        add(tr(lang, "Finansiering etter kilde"), a.label.label[lang], a.value, "NOK", by_source)
    for c in f.funding_by_contributor:
        add(tr(lang, "Finansiering etter bidragsyter"), c.name, c.amount, "NOK", From("report_funding", "amount_nok"))
    for a in f.persons_by_employer:
        by_employer = Derived(N_("summen av report_staff.persons for hver report_staff.employer"))
        add(tr(lang, "Ansatte etter arbeidsgiver"), a.label.label[lang], a.value, persons, by_employer)
    for a in f.fte_by_employer:
        by_employer = Derived(N_("summen av report_staff.fte for hver report_staff.employer"))
        add(tr(lang, "Årsverk etter arbeidsgiver"), a.label.label[lang], a.value, tr(lang, "Årsverk"), by_employer)
    for s in r.surveys:
        add(
            tr(lang, "Resultater fra brukerundersøkelser"),
            s.statement_nb,
            s.share,
            tr(lang, "Andel"),
            From("survey_results", "share"),
        )
    return lines


def report_csv(page: ReportPage) -> bytes:
    """The report's figures as a CSV in the page's language: section, item, value, unit, origin."""
    lang = page.meta.lang
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [tr(lang, "Avsnitt"), tr(lang, "Tall"), tr(lang, "Verdi"), tr(lang, "Enhet"), tr(lang, "Kommer fra")]
    )
    writer.writerows(
        [line.section, line.item, line.value, line.unit, line.origin.describe(lang)] for line in report_lines(page)
    )
    return buffer.getvalue().encode("utf-8")
