"""The directory's pages: home, the lists of centres, a centre's page, the counties and a county's page."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from karriere import urls
from karriere.freshness import STALE_MONTHS, is_stale
from karriere.i18n import N_, partial_date, tr
from karriere.model import Centre, Term
from karriere.settings import NATIONAL_SERVICE_URL, STALE_AFTER_YEARS
from karriere.today import PlaceToday
from karriere.views.common import (
    CountyCount,
    CountyGroup,
    FactDate,
    Links,
    Meta,
    Page,
    Status,
    Text,
    Views,
    alternates,
    crumbs,
    fact_dates,
    status_of,
    text_in,
)

#: What the facts a county file can date are called on its page.
#: What the facts a centre file can date are called on its page.
FIELD_LABELS = {
    "name": N_("Navn"),
    "status": N_("Status"),
    "established": N_("Opprettet"),
    "closed": N_("Nedlagt"),
    "municipality": N_("Kommune"),
    "town": N_("Sted"),
    "region": N_("Region"),
    "description_nb": N_("Beskrivelse"),
    "website": N_("Nettside"),
    "email": N_("E-post"),
    "phone": N_("Telefon"),
    "street_address": N_("Adresse"),
    "postcode": N_("Postnummer"),
    "post_town": N_("Poststed"),
    "opening_hours": N_("Åpningstider"),
    "booking_url": N_("Bestill time"),
    "staff_fte": N_("Årsverk"),
    "staff_persons": N_("Personer"),
    "staff_note": N_("Bemanning"),
    "offerings": N_("Hva senteret tilbyr"),
    "target_groups": N_("Hvem tilbudet er for"),
    "channels": N_("Hvordan du får veiledning"),
    "activities": N_("Arbeidsoppgaver, slik kilden beskriver dem"),
    "owners": N_("Eiere og styring"),
    "co_located_with": N_("Samlokalisert med"),
    "service_area": N_("Kommuner senteret betjener"),
    "locations": N_("Steder"),
}


@dataclass
class HomePage:
    meta: Meta
    counties: list[CountyCount]
    directory_url: str
    national_service_url: str
    search_url: str
    municipality_url: str
    about_url: str
    #: The map of today's counties (SVG), and the attribution it needs.
    map: str | None = None
    map_attribution: str | None = None


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
    #: Centres in operation on the page (the planned and closed ones are listed apart).
    total: int = 0


@dataclass
class DatedFact:
    """A fact of the record with its own date and source, as the record's footer lists them."""

    label: str
    date: FactDate


@dataclass
class CentrePage:
    meta: Meta
    centre: Centre
    #: The county the record gives (as it was at the record's date) …
    county_url: str
    #: … and the county its place is in today, when that is another (Oppland → Innlandet).
    today: PlaceToday | None
    today_url: str
    #: Whether the county today is another than the record's (Oppland → Innlandet), and the year the
    #: record describes.
    moved: bool
    record_year: str
    status: Status
    #: The facts with a date or source of their own, by field (shown beside each).
    dates: dict[str, FactDate]
    dated_facts: list[DatedFact]
    #: When the web address is from: its own date, or the record's.
    website_date: str | None
    description: Text | None
    stale: bool
    #: Last checked longer ago than the threshold (months) before the build date.
    check_overdue: bool
    overdue_months: int
    has_contact: bool
    links: Links
    national_service_url: str


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
        urls.page(lang, "om"),
        v.county_map(lang),
        v.geometry["attribution"] if v.geometry else None,
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
        sum(len(g.active) for g in groups),
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
    today = v.places[centre.id]
    here = today.county if today else centre.county
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
            (here.name, urls.county(lang, here.id)),
        ),
        og_type="place",
    )
    status = status_of(v.data, centre, lang)
    meta.jsonld = centre_jsonld(centre, v.settings.site_url + "/" + url, status.text)
    meta.search = [("type", tr(lang, "Karrieresenter")), ("status", status.text)]
    contact_fields = ("website", "email", "phone", "street_address", "opening_hours", "booking_url")
    dates = fact_dates(centre, lang)
    website = dates["website"].as_of if "website" in dates else centre.as_of
    page = CentrePage(
        meta,
        centre,
        urls.county(lang, centre.county.id),
        today,
        urls.county(lang, here.id),
        here is not centre.county,
        centre.as_of[:4],
        status,
        dates,
        [DatedFact(tr(lang, FIELD_LABELS[name]), date) for name, date in dates.items() if name in FIELD_LABELS],
        partial_date(website, lang) if centre.website else None,
        text_in(centre.values, "description", lang),
        outdated(centre.as_of, v.newest_check),
        is_stale(centre.last_checked, v.today),
        STALE_MONTHS,
        any(centre.values.get(f) for f in contact_fields),
        v.links(lang, f"data/centres/{centre.county.id}/{centre.id}.yaml", centre.name),
        NATIONAL_SERVICE_URL,
    )
    return Page("centre.html", page)


def outdated(as_of: str, newest_check: dt.date) -> bool:
    """Whether information as of *as_of* is older than the threshold before the newest check in the data."""
    return int(as_of[:4]) < newest_check.year - STALE_AFTER_YEARS


def centre_jsonld(centre: Centre, url: str, status: str) -> str:
    """schema.org GovernmentOffice for a centre: only facts the data has, its status with the year it
    describes; never survey scores."""
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": centre.name,
        "url": url,
        "description": status,
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
