"""The key figures' pages: a county's report for a year, and the counties side by side per year."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from karriere import urls
from karriere.charts import bar_chart
from karriere.figures import NationalFigures, ReportFigures, national_figures
from karriere.i18n import fte, nok, partial_date, tr
from karriere.model import NationalReport
from karriere.views.common import Links, Meta, Page, ReportLink, Views, alternates, crumbs


@dataclass
class ReportPage:
    meta: Meta
    figures: ReportFigures
    county_url: str
    csv_url: str
    previous_url: str | None
    other_years: list[ReportLink]
    comparable: bool
    charts: dict[str, str]
    narrative: str | None
    links: Links


@dataclass
class NationalRowView:
    figures: ReportFigures
    url: str
    county_url: str


@dataclass
class NationalPage:
    meta: Meta
    year: int
    figures: NationalFigures
    rows: list[NationalRowView]
    survey: NationalReport | None
    other_years: list[ReportLink]
    #: The dates the figures describe, as the page shows them.
    dates: list[str]


@dataclass
class NationalIndexPage:
    meta: Meta
    years: list[tuple[int, str, int]]


def report(v: Views, lang: str, county_id: str, year: int) -> Page:
    """A county's report for a year."""
    figures = v.figures[county_id][year]
    county = figures.report.county
    url = urls.report(lang, county_id, year)
    title = tr(lang, "Nøkkeltall %(year)s: %(name)s", year=year, name=county.name)
    meta = Meta(
        lang,
        url,
        title,
        title,
        alternates(urls.report, county_id, year),
        crumbs(lang, (tr(lang, "Fylkene"), urls.counties(lang)), (county.name, urls.county(lang, county_id))),
        print_friendly=True,
    )
    meta.search = [("type", tr(lang, "Nøkkeltall")), ("county", county.name)]
    meta.running = running(v, lang, title, url, [figures.report.as_of])
    previous = figures.previous
    comparable = previous is None or {c.source.id for c in previous.citations} == {
        c.source.id for c in figures.report.citations
    }
    charts = {}
    if len(figures.funding_by_source) > 1:
        charts["funding"] = bar_chart(
            "chart-funding",
            tr(lang, "Diagram: finansiering etter kilde"),
            tr(lang, "Liggende stolper. Tallene står i tabellen under."),
            [(a.label.label[lang], a.value, nok(a.value, lang)) for a in figures.funding_by_source],
        )
    if len(figures.fte_by_employer) > 1:
        charts["fte"] = bar_chart(
            "chart-fte",
            tr(lang, "Diagram: årsverk etter arbeidsgiver"),
            tr(lang, "Liggende stolper. Tallene står i tabellen under."),
            [(a.label.label[lang], a.value, fte(Decimal(a.value), lang)) for a in figures.fte_by_employer],
        )
    narrative = v.narratives.get((county_id, year), {})
    page = ReportPage(
        meta,
        figures,
        urls.county(lang, county_id),
        urls.report_csv(lang, county_id, year),
        urls.report(lang, county_id, previous.year) if previous else None,
        [ReportLink(y, urls.report(lang, county_id, y)) for y in v.report_years[county_id] if y != year],
        comparable,
        charts,
        narrative.get(lang) or narrative.get("nb"),
        v.links(lang, f"data/reports/{county_id}/{year}.yaml", title),
    )
    return Page("report.html", page, (urls.report_csv(lang, county_id, year),))


def national_years(v: Views) -> list[int]:
    return sorted({year for (_, year) in v.data.reports} | set(v.data.national))


def national_index(v: Views, lang: str) -> Page:
    years = [(y, urls.national(lang, y), sum(1 for (_, yy) in v.data.reports if yy == y)) for y in national_years(v)]
    meta = Meta(
        lang,
        urls.national_index(lang),
        tr(lang, "Nøkkeltall etter år"),
        tr(lang, "Nøkkeltall for karrieresentrene i fylkene, år for år."),
        alternates(urls.national_index),
        crumbs(lang),
    )
    return Page("national_index.html", NationalIndexPage(meta, years))


def national(v: Views, lang: str, year: int) -> Page:
    """A year's figures: the counties side by side, and the national survey results, titled for what
    the year has (2014 has only the national surveys)."""
    figures = national_figures(v.figures, year)
    url = urls.national(lang, year)
    survey = v.data.national.get(year)
    if not figures.rows:
        title = tr(lang, "Nasjonale brukerundersøkelser %(year)s", year=year)
    elif survey is not None and survey.surveys:
        title = tr(lang, "Nøkkeltall %(year)s: fylkene side om side og nasjonale brukerundersøkelser", year=year)
    else:
        title = tr(lang, "Nøkkeltall %(year)s: fylkene side om side", year=year)
    meta = Meta(
        lang,
        url,
        title,
        title,
        alternates(urls.national, year),
        crumbs(lang, (tr(lang, "Nøkkeltall etter år"), urls.national_index(lang))),
        print_friendly=True,
    )
    rows = [
        NationalRowView(f, urls.report(lang, f.report.county.id, year), urls.county(lang, f.report.county.id))
        for f in figures.rows
    ]
    dates = sorted({f.report.as_of for f in figures.rows} | ({survey.as_of} if survey else set()))
    meta.running = running(v, lang, title, url, dates)
    others = [ReportLink(y, urls.national(lang, y)) for y in national_years(v) if y != year]
    page = NationalPage(meta, year, figures, rows, survey, others, [partial_date(d, lang) for d in dates])
    return Page("national.html", page)


def running(v: Views, lang: str, title: str, url: str, dates: list[str]) -> tuple[str, str]:
    """A printed page's running header (site and title) and footer (address and the figures' date)."""
    when = ", ".join(partial_date(d, lang) for d in dates)
    footer = f"{v.settings.site_url}/{url} · " + tr(lang, "Tallene gjelder %(date)s", date=when)
    return tr(lang, "Karrieresentre i Norge") + " – " + title, footer
