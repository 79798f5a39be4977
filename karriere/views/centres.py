"""The directory's pages: home, the lists of centres, a centre's page, the counties and a county's page."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from karriere import urls
from karriere.freshness import STALE_MONTHS, is_stale
from karriere.i18n import partial_date, tr
from karriere.model import Centre, County, Term
from karriere.settings import NATIONAL_SERVICE_URL, STALE_AFTER_YEARS
from karriere.views.common import (
    CentreListItem,
    CountyGroup,
    Links,
    Meta,
    Page,
    ReportLink,
    Text,
    Views,
    alternates,
    crumbs,
    text_in,
)


@dataclass
class HomePage:
    meta: Meta
    counties: list[tuple[County, str, int]]
    directory_url: str
    national_service_url: str
    search_url: str
    municipality_url: str


@dataclass
class Facet:
    term: Term
    url: str
    count: int


@dataclass
class DirectoryPage:
    meta: Meta
    groups: list[CountyGroup]
    offerings: list[Facet]
    target_groups: list[Facet]
    selected: Term | None = None
    selected_kind: str | None = None
    total: int = 0


@dataclass
class CentrePage:
    meta: Meta
    centre: Centre
    county_url: str
    status: Term
    description: Text | None
    stale: bool
    #: Last checked longer ago than the threshold (months) before the build date.
    check_overdue: bool
    overdue_months: int
    has_contact: bool
    links: Links
    national_service_url: str


@dataclass
class CountiesPage:
    meta: Meta
    counties: list[tuple[County, str, int]]


@dataclass
class CountyPage:
    meta: Meta
    county: County
    centres: list[CentreListItem]
    reports: list[ReportLink]


def home(v: Views, lang: str) -> Page:
    meta = Meta(
        lang,
        urls.home(lang),
        tr(lang, "Finn et karrieresenter"),
        tr(lang, "Gratis karriereveiledning for voksne i fylkene"),
        alternates(urls.home),
    )
    page = HomePage(
        meta,
        v.counties_with_counts(lang),
        urls.directory(lang),
        NATIONAL_SERVICE_URL,
        urls.search(lang),
        urls.municipalities(lang),
    )
    return Page("home.html", page)


def directory(v: Views, lang: str, term: Term | None = None, kind: str | None = None) -> Page:
    """All centres by county, or those with one offering or target group (*kind* and *term*)."""
    if term is None:
        url, alt, title, having = (
            urls.directory(lang),
            alternates(urls.directory),
            tr(lang, "Alle karrieresentre"),
            None,
        )
        bc = crumbs(lang)
    else:
        make = urls.by_offering if kind == "offering" else urls.by_target_group
        url, alt = make(lang, term.id), alternates(make, term.id)
        heading = tr(lang, "Sentre som tilbyr:") if kind == "offering" else tr(lang, "Sentre med tilbud for:")
        title = f"{heading} {term.label[lang]}"
        attr = "offerings" if kind == "offering" else "target_groups"
        having = v.having.get((attr, term.id), set())
        bc = crumbs(lang, (tr(lang, "Alle karrieresentre"), urls.directory(lang)))
    groups = v.groups(lang, having)
    meta = Meta(
        lang,
        url,
        title,
        tr(lang, "Sentrene er ordnet etter fylke. Du kan også se dem etter hva de tilbyr og hvem tilbudet er for."),
        alt,
        bc,
    )
    page = DirectoryPage(
        meta,
        groups,
        _facets(v, lang, "offering_types", "offerings", urls.by_offering),
        _facets(v, lang, "target_groups", "target_groups", urls.by_target_group),
        term,
        kind,
        sum(len(g.centres) for g in groups),
    )
    return Page("directory.html", page)


def _facets(v: Views, lang: str, vocabulary: str, attr: str, make) -> list[Facet]:
    return [
        Facet(term, make(lang, term.id), len(v.having.get((attr, term.id), ())))
        for term in v.data.vocabularies[vocabulary].values()
    ]


def centre(v: Views, lang: str, centre: Centre) -> Page:
    url = urls.centre(lang, centre.id)
    place = centre.town or centre.region or centre.county.name
    summary = f"{centre.name}, {place}. {tr(lang, 'Opplysningene gjelder')}: {partial_date(centre.as_of, lang)}."
    meta = Meta(
        lang,
        url,
        centre.name,
        summary,
        alternates(urls.centre, centre.id),
        crumbs(
            lang,
            (tr(lang, "Alle karrieresentre"), urls.directory(lang)),
            (centre.county.name, urls.county(lang, centre.county.id)),
        ),
        og_type="place",
    )
    meta.jsonld = centre_jsonld(centre, v.settings.site_url + "/" + url)
    contact_fields = ("website", "email", "phone", "street_address", "opening_hours", "booking_url")
    page = CentrePage(
        meta,
        centre,
        urls.county(lang, centre.county.id),
        v.data.term("statuses", centre.status),
        text_in(centre.values, "description", lang),
        outdated(centre.as_of, v.newest_check),
        is_stale(centre.last_checked, v.today),
        STALE_MONTHS,
        any(centre.values.get(f) for f in contact_fields),
        v.links(f"data/centres/{centre.county.id}/{centre.id}.yaml", centre.name),
        NATIONAL_SERVICE_URL,
    )
    return Page("centre.html", page)


def counties(v: Views, lang: str) -> Page:
    meta = Meta(
        lang,
        urls.counties(lang),
        tr(lang, "Fylkene"),
        tr(lang, "Fylkene slik de var inndelt da opplysningene ble samlet inn (19 fylker)."),
        alternates(urls.counties),
        crumbs(lang),
    )
    return Page("counties.html", CountiesPage(meta, v.counties_with_counts(lang)))


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
    reports = [ReportLink(y, urls.report(lang, county.id, y)) for y in v.report_years.get(county.id, [])]
    return Page("county.html", CountyPage(meta, county, v.centres_of(lang, county.id), reports))


def outdated(as_of: str, newest_check: dt.date) -> bool:
    """Whether information as of *as_of* is older than the threshold before the newest check in the data."""
    return int(as_of[:4]) < newest_check.year - STALE_AFTER_YEARS


def centre_jsonld(centre: Centre, url: str) -> str:
    """schema.org GovernmentOffice for a centre: only facts the data has; never survey scores."""
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": centre.name,
        "url": url,
    }
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "NO", "addressRegion": centre.county.name}
    if centre.town:
        address["addressLocality"] = centre.town
    if centre.street_address:
        address["streetAddress"] = centre.street_address
    if centre.postcode:
        address["postalCode"] = centre.postcode
    doc["address"] = address
    if centre.service_area:
        doc["areaServed"] = [{"@type": "AdministrativeArea", "name": m.name} for m in centre.service_area]
    else:
        doc["areaServed"] = {"@type": "AdministrativeArea", "name": centre.county.name}
    if centre.phone:
        doc["telephone"] = centre.phone
    if centre.email:
        doc["email"] = centre.email
    if centre.website:
        doc["sameAs"] = centre.website
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True)
    # Inside <script type="application/ld+json">: no "</script>" can be formed from data.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
