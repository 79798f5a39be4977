"""Finding a centre: the search page and the municipality finder (with a list per county without JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass

from karriere import urls
from karriere.finder import FormerName
from karriere.i18n import tr, trp
from karriere.records import County
from karriere.registers import MunicipalityVersion
from karriere.settings import NATIONAL_SERVICE_URL
from karriere.views.common import CentreListItem, Meta, Page, Views, alternates, crumbs


@dataclass
class FilterGroup:
    """One set of search filter checkboxes: the Pagefind filter name and the values (labels)."""

    name: str
    legend: str
    values: list[str]


@dataclass
class SearchPage:
    meta: Meta
    filters: list[FilterGroup]
    bundle_url: str
    directory_url: str
    municipality_url: str
    #: The place names the site publishes (the municipality finder's file), which the search page
    #: consults before its full-text results, so that a place is answered with that place.
    places_url: str


@dataclass
class MunicipalityIndexPage:
    meta: Meta
    data_url: str
    counties: list[tuple[County, str]]
    national_service_url: str


@dataclass
class MunicipalityRow:
    municipality: MunicipalityVersion
    basis: str
    local: list[CentreListItem]
    others: list[CentreListItem]
    #: Its names and numbers since 2017 (Skedsmo, Fet and Sørum for Lillestrøm).
    former: list[FormerName]


@dataclass
class MunicipalityCountyPage:
    meta: Meta
    county: County
    rows: list[MunicipalityRow]
    county_url: str
    national_service_url: str


def search(v: Views, lang: str) -> Page:
    meta = Meta(
        lang,
        urls.search(lang),
        tr(lang, "Søk etter karrieresenter"),
        tr(
            lang,
            "Søk etter navn, sted, tilbud eller målgruppe, for eksempel «Hallingdal», "
            "«realkompetansevurdering» eller «sykemeldte».",
        ),
        alternates(urls.search),
        crumbs(lang),
    )
    meta.scripts, meta.wasm = ["theme/js/search.js"], True
    centres = v.data.centres.values()

    def used(vocabulary: str, attr: str) -> list[str]:
        return [
            term.label[lang]
            for term in v.data.vocabularies[vocabulary].values()
            if any(term in getattr(c, attr) for c in centres)
        ]

    with_centres = [c.name for c in v.counties_by_number() if v.centres_today[c.id]]
    filters = [
        FilterGroup("county", tr(lang, "Fylke"), with_centres),
        FilterGroup("offering", trp(lang, "filter_offering", "Tilbud"), used("offering_types", "offerings")),
        FilterGroup("target_group", tr(lang, "Målgruppe"), used("target_groups", "target_groups")),
        FilterGroup("channel", tr(lang, "Kanal"), used("channels", "channels")),
    ]
    page = SearchPage(
        meta,
        filters,
        urls.search_bundle(),
        urls.directory(lang),
        urls.municipalities(lang),
        urls.municipality_data(lang),
    )
    return Page("search.html", page)


def municipalities(v: Views, lang: str) -> Page:
    url = urls.municipalities(lang)
    meta = Meta(
        lang,
        url,
        tr(lang, "Finn karrieresenteret for din kommune"),
        tr(
            lang,
            "Skriv kommunen du bor i: navnet i dag, et samisk eller kvensk navn, eller et navn eller nummer fra "
            "før reformene i 2018, 2020 og 2024.",
        ),
        alternates(urls.municipalities),
        crumbs(lang),
    )
    meta.scripts = ["theme/js/municipality.js"]
    counties = [(c, urls.municipalities(lang, c.id)) for c in v.counties_by_number()]
    page = MunicipalityIndexPage(meta, urls.municipality_data(lang), counties, NATIONAL_SERVICE_URL)
    return Page("municipalities.html", page)


def municipality_county(v: Views, lang: str, county: County) -> Page:
    title = tr(lang, "Kommuner i %(name)s og deres karrieresentre", name=county.name)
    meta = Meta(
        lang,
        urls.municipalities(lang, county.id),
        title,
        title,
        alternates(urls.municipalities, county.id),
        crumbs(lang, (tr(lang, "Finn karrieresenteret for din kommune"), urls.municipalities(lang))),
    )
    rows = [
        MunicipalityRow(
            s.municipality,
            s.basis,
            [v.centre_item(lang, c) for c in s.local],
            [v.centre_item(lang, c) for c in s.county_centres],
            s.former,
        )
        for s in v.servings
        if s.county is county
    ]
    page = MunicipalityCountyPage(meta, county, rows, urls.county(lang, county.id), NATIONAL_SERVICE_URL)
    return Page("municipality_county.html", page)
