"""Every computation the reports show: totals, shares, per inhabitant, change from the year before.

Templates only display what this module computes; the tests check its arithmetic against the data
and against figures the sources print. Sums are exact (``Decimal`` for FTE, ``int`` for kroner), and
shares, per-inhabitant figures and changes are kept unrounded: they are rounded once, for display
(:func:`karriere.i18n.number`), so that the site shows what the source prints (Drammen: 730 000 kr
for 68 523 inhabitants is 10,7 kr, not 10,65 rounded again to 10,6).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from karriere.model import CentreRef, Data, Funding, Report, Term


@dataclass(frozen=True)
class Amount:
    """One line of a breakdown: what, how much, and its share of the total (0–1)."""

    label: Term | None
    name: str | None
    value: Decimal | int
    share: Decimal | None


@dataclass(frozen=True)
class Contributor:
    name: str
    source: Term
    amount: int
    inhabitants: int | None
    per_inhabitant: Decimal | None


@dataclass(frozen=True)
class CentreStaff:
    centre: CentreRef | None
    by_employer: list[Amount]
    total_fte: Decimal


@dataclass(frozen=True)
class Change:
    """The change of one figure from the previous year that has figures."""

    previous: Decimal | int
    current: Decimal | int
    amount: Decimal | int
    percent: Decimal | None
    previous_year: int | None = None


@dataclass(frozen=True)
class NotCompared:
    """A figure that an earlier year also has, but from another source: the two stand side by side,
    with no change computed between them."""

    previous: Decimal | int
    current: Decimal | int
    previous_year: int
    previous_source: str
    current_source: str


@dataclass
class ReportFigures:
    report: Report
    funding_total: int | None
    funding_by_source: list[Amount]
    funding_by_contributor: list[Contributor]
    #: The contributors' amounts added up (not the total funding: not every amount names its contributor).
    contributors_total: int | None
    #: Each amount with its kind (operating, earmarked …), when the source gives kinds.
    funding_items: list[Funding]
    persons_total: int | None
    persons_by_employer: list[Amount]
    fte_total: Decimal | None
    fte_total_is_stated: bool
    fte_by_employer: list[Amount]
    staff_by_centre: list[CentreStaff]
    per_inhabitant: Decimal | None
    previous: Report | None = None
    years_without_figures: list[int] = field(default_factory=list)
    changes: dict[str, Change] = field(default_factory=dict)
    #: Figures an earlier year has from another source, by name: side by side, never a change.
    not_compared: dict[str, NotCompared] = field(default_factory=dict)


def share(part: Decimal | int, total: Decimal | int) -> Decimal | None:
    """*part* of *total*, unrounded (rounded once, where it is shown)."""
    if not total:
        return None
    return Decimal(part) / Decimal(total)


def per_inhabitant(amount: int | None, inhabitants: int | None) -> Decimal | None:
    """Kroner per inhabitant, unrounded (rounded once, where it is shown)."""
    if amount is None or not inhabitants:
        return None
    return Decimal(amount) / Decimal(inhabitants)


def _breakdown(items: list[tuple[Term, Decimal | int]]) -> tuple[list[Amount], Decimal | int]:
    sums: OrderedDict[str, tuple[Term, Decimal | int]] = OrderedDict()
    for term, value in items:
        previous = sums.get(term.id, (term, 0))[1]
        sums[term.id] = (term, previous + value)
    total = sum((v for _, v in sums.values()), 0)
    lines = [Amount(term, None, value, share(value, total)) for term, value in sums.values()]
    lines.sort(key=lambda a: (-a.value, a.label.id if a.label else ""))
    return lines, total


def report_figures(report: Report) -> ReportFigures:
    funding_lines, funding_total = _breakdown([(f.source, f.amount_nok) for f in report.funding])
    inhabitants = {p.municipality.number: p.inhabitants for p in report.populations}
    contributors = [
        Contributor(
            f.contributor,
            f.source,
            f.amount_nok,
            inhabitants.get(f.municipality.number) if f.municipality else None,
            per_inhabitant(f.amount_nok, inhabitants.get(f.municipality.number)) if f.municipality else None,
        )
        for f in report.funding
        if f.contributor
    ]
    persons_lines, persons_total = _breakdown([(s.employer, s.persons) for s in report.staff if s.persons is not None])
    fte_items = [(s.employer, s.fte) for s in report.staff if s.fte is not None]
    fte_lines, fte_sum = _breakdown(fte_items)
    by_centre: OrderedDict[str | None, list[tuple[Term, Decimal]]] = OrderedDict()
    centre_of: dict[str | None, CentreRef | None] = {}
    for s in report.staff:
        if s.fte is not None:
            key = s.centre.id if s.centre else None
            by_centre.setdefault(key, []).append((s.employer, s.fte))
            centre_of[key] = s.centre
    staff_by_centre = []
    if any(k is not None for k in by_centre):
        for key, items in by_centre.items():
            lines, total = _breakdown(items)
            staff_by_centre.append(CentreStaff(centre_of[key], lines, Decimal(total)))
    fte_stated = not fte_items and report.fte_total is not None
    fte_total = Decimal(fte_sum) if fte_items else report.fte_total
    total_funding = funding_total if report.funding else None
    return ReportFigures(
        report=report,
        funding_total=total_funding,
        funding_by_source=funding_lines,
        funding_by_contributor=contributors,
        contributors_total=sum(c.amount for c in contributors) if contributors else None,
        funding_items=list(report.funding) if any(f.kind for f in report.funding) else [],
        persons_total=persons_total if persons_lines else None,
        persons_by_employer=persons_lines,
        fte_total=fte_total,
        fte_total_is_stated=fte_stated,
        fte_by_employer=fte_lines,
        staff_by_centre=staff_by_centre,
        per_inhabitant=per_inhabitant(total_funding, report.population),
    )


def change(previous: Decimal | int | None, current: Decimal | int | None) -> Change | None:
    if previous is None or current is None:
        return None
    amount = current - previous
    percent = Decimal(amount) * 100 / Decimal(previous) if previous else None
    return Change(previous, current, amount, percent)


def comparable(earlier: Report, later: Report) -> bool:
    """Whether two years' figures can be compared: they come from the same source (the same document
    gives both years, as the Buskerud letter gives 2016 and 2017). Figures from different sources
    follow different definitions (the 2013 evaluation's appendix and a county's own letter count staff
    and money differently), so no change is computed between them."""
    return bool({c.source.id for c in earlier.citations} & {c.source.id for c in later.citations})


def _sources(report: Report) -> str:
    return ", ".join(c.source.short for c in report.citations)


_COMPARED = ("funding_total", "fte_total", "centres", "per_inhabitant")


def _figure(figures: ReportFigures, name: str) -> Decimal | int | None:
    return figures.report.centres if name == "centres" else getattr(figures, name)


def county_figures(data: Data, county: str) -> dict[int, ReportFigures]:
    """Figures for every report of *county*. Each figure is compared with the latest earlier year
    that has that figure; the years in between have no figures (shown as such, never as zero)."""
    years = sorted(year for (c, year) in data.reports if c == county)
    out: dict[int, ReportFigures] = {}
    for index, year in enumerate(years):
        figures = report_figures(data.reports[(county, year)])
        if index:
            figures.previous = out[years[index - 1]].report
            figures.years_without_figures = list(range(figures.previous.year + 1, year))
            for name in _COMPARED:
                current = _figure(figures, name)
                earlier = next((out[y] for y in reversed(years[:index]) if _figure(out[y], name) is not None), None)
                if earlier is None or current is None:
                    continue
                before = _figure(earlier, name)
                if not comparable(earlier.report, figures.report):
                    figures.not_compared[name] = NotCompared(
                        before, current, earlier.report.year, _sources(earlier.report), _sources(figures.report)
                    )
                elif (c := change(before, current)) is not None:
                    figures.changes[name] = Change(c.previous, c.current, c.amount, c.percent, earlier.report.year)
        out[year] = figures
    return out


@dataclass
class NationalFigures:
    """The counties' figures for a year side by side. Never summed: the counties finance and staff their
    centres so differently that the 2013 evaluation found it not defensible to add them up (Proba 2014,
    5.9), and the counties' figures come from different sources and definitions."""

    year: int
    rows: list[ReportFigures]
    #: The sources the rows' figures come from (short names), once each.
    sources: list[str] = field(default_factory=list)


def national_figures(by_county: dict[str, dict[int, ReportFigures]], year: int) -> NationalFigures:
    """The counties' figures for *year* side by side, from :func:`county_figures` of every county."""
    rows = [years[year] for _, years in sorted(by_county.items()) if year in years]
    rows.sort(key=lambda f: f.report.county.number)
    sources = list(dict.fromkeys(c.source.short for f in rows for c in f.report.citations))
    return NationalFigures(year, rows, sources)
