"""The counties' pages: today's counties and the former ones, and a county's page with its history
through the reforms, its centres, its key figures and its partnership."""

from __future__ import annotations

from dataclasses import dataclass

from karriere import urls
from karriere.i18n import N_, tr
from karriere.records import County
from karriere.registers import CountyVersion
from karriere.settings import NATIONAL_SERVICE_URL
from karriere.views.centres import DatedFact
from karriere.views.common import (
    CentreListItem,
    CountyCount,
    FactDate,
    Meta,
    Page,
    ReportLink,
    Views,
    alternates,
    cite_briefly,
    crumbs,
    fact_dates,
)

COUNTY_LABELS = {"name": N_("Navn"), "note": N_("Merknad"), "partnership": N_("Partnerskap for karriereveiledning")}


@dataclass
class CountyLink:
    name: str
    url: str


@dataclass
class HistoryLine:
    """One period of a county (its number, name and years), and where its municipalities came from
    or went, with links to those counties' pages."""

    text: str
    came_from: str | None
    came_from_links: list[CountyLink]
    became: str | None
    became_links: list[CountyLink]


@dataclass
class FormerCounty:
    county: County
    url: str
    #: «until 2019» (its last period).
    period: str
    #: Today's counties its municipalities are in.
    today: list[CountyLink]


@dataclass
class CountiesPage:
    meta: Meta
    counties: list[CountyCount]
    former: list[FormerCounty]


@dataclass
class CentreCountRow:
    year: int
    centres: int
    source: str
    note: str | None


@dataclass
class CountyPage:
    meta: Meta
    county: County
    count: CountyCount
    active: list[CentreListItem]
    planned: list[CentreListItem]
    closed: list[CentreListItem]
    #: How many centres each source says the county had.
    centre_counts: list[CentreCountRow]
    reports: list[ReportLink]
    dates: dict[str, FactDate]
    dated_facts: list[DatedFact]
    national_service_url: str
    #: Its periods through the reforms, oldest first.
    history: list[HistoryLine]
    #: For a former county: today's counties its municipalities are in.
    today: list[CountyLink]
    #: For a county of today: the map with it marked (SVG), and the attribution the map needs.
    map: str | None = None
    map_attribution: str | None = None


def counties(v: Views, lang: str) -> Page:
    meta = Meta(
        lang,
        urls.counties(lang),
        tr(lang, "Fylkene"),
        tr(lang, "Fylkene i dag, og fylkene slik de var før reformene i 2018, 2020 og 2024."),
        alternates(urls.counties),
        crumbs(lang),
    )
    former = [
        FormerCounty(c, urls.county(lang, c.id), period_text(lang, c.latest), today_links(v, lang, c))
        for c in v.former_counties()
    ]
    return Page("counties.html", CountiesPage(meta, v.counties_with_counts(lang), former))


def period_text(lang: str, version: CountyVersion) -> str:
    if version.valid_from is None:
        return tr(lang, "til og med %(year)s", year=version.valid_to) if version.valid_to else ""
    if version.valid_to is None:
        return tr(lang, "fra %(year)s", year=version.valid_from)
    return f"{version.valid_from}–{version.valid_to}"


def _links(v: Views, lang: str, ids: list[str]) -> list[CountyLink]:
    return [CountyLink(v.data.counties[i].name, urls.county(lang, i)) for i in dict.fromkeys(ids)]


def today_links(v: Views, lang: str, county: County) -> list[CountyLink]:
    """Today's counties that the municipalities of a former county are in."""
    last = county.latest
    return _links(v, lang, v.data.registers.today_counties_of(county.id, last.valid_to or v.data.registers.latest_year))


#: How a change reads, from the side of the county that ended, and of the one that began.
BECAME = {
    "merged": N_("Fra %(year)s en del av"),
    "split": N_("Fra %(year)s delt mellom"),
    "transferred": N_("Fra %(year)s gikk noen av kommunene til"),
}
CAME_FROM = {
    "merged": N_("Fra %(year)s slått sammen av"),
    "split": N_("Fra %(year)s skilt ut fra"),
    "transferred": N_("Fra %(year)s fikk fylket kommuner fra"),
}


def history(v: Views, lang: str, county: County) -> list[HistoryLine]:
    registers = v.data.registers
    lines = []
    for version in county.versions:
        text = f"{version.name} ({version.number}) {period_text(lang, version)}".strip()
        came = [c for c in registers.came_from(version) if c.old != county.id or c.old_number != version.number]
        went = [c for c in registers.became(version) if c.new != county.id or c.new_number != version.number]
        came_text = tr(lang, CAME_FROM.get(came[0].kind, CAME_FROM["merged"]), year=came[0].year) if came else None
        went_text = tr(lang, BECAME.get(went[0].kind, BECAME["merged"]), year=went[0].year) if went else None
        lines.append(
            HistoryLine(
                text,
                came_text,
                _links(v, lang, [c.old for c in came]),
                went_text,
                _links(v, lang, [c.new for c in went]),
            )
        )
    return lines


def county(v: Views, lang: str, county: County) -> Page:
    url = urls.county(lang, county.id)
    title = tr(lang, "Karriereveiledning i %(name)s", name=county.name)
    meta = Meta(
        lang,
        url,
        title,
        title,
        alternates(urls.county, county.id),
        crumbs(lang, (tr(lang, "Fylkene"), urls.counties(lang))),
    )
    meta.search = [("type", tr(lang, "Fylke")), ("county", county.name)]
    reports = [ReportLink(y, urls.report(lang, county.id, y)) for y in v.report_years.get(county.id, [])]
    listed = v.centres_of(lang, county.id)
    dates = fact_dates(county, lang)
    counts = [CentreCountRow(c.year, c.centres, cite_briefly(c.citation, lang), c.note) for c in county.centre_counts]
    page = CountyPage(
        meta,
        county,
        v.county_count(lang, county),
        [item for item in listed if item.status.term.id == "active"],
        [item for item in listed if item.status.term.id == "planned"],
        [item for item in listed if item.status.term.id == "closed"],
        counts,
        reports,
        dates,
        [DatedFact(tr(lang, COUNTY_LABELS[name]), date) for name, date in dates.items() if name in COUNTY_LABELS],
        NATIONAL_SERVICE_URL,
        history(v, lang, county),
        [] if county.today else today_links(v, lang, county),
        v.county_map(lang, county) if county.today else None,
        v.geometry["attribution"] if v.geometry and county.today else None,
    )
    return Page("county.html", page)
