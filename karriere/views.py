"""The context handed to templates: one typed object per page, everything computed in advance.

Templates loop over prepared lists and format values with filters; they do no arithmetic, no
grouping and no URL building (STYLE.md §4). Each page knows its URL in all three languages.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from karriere import urls
from karriere.figures import NationalFigures, ReportFigures, county_figures, national_figures
from karriere.freshness import STALE_MONTHS, build_date, is_stale
from karriere.i18n import LANGS, fte, labels, nok, partial_date
from karriere.model import Centre, County, Data, Municipality, NationalReport, Term
from karriere.schema import Table
from karriere.search import serving
from karriere.settings import NATIONAL_SERVICE_URL, STALE_AFTER_YEARS, SiteSettings


@dataclass
class Meta:
    """What the base template needs for every page."""

    lang: str
    url: str
    title: str
    description: str
    alternates: dict[str, str]
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)
    og_type: str = "website"
    jsonld: str | None = None
    print_friendly: bool = False
    #: Module scripts the page needs (only search and the municipality finder have any).
    scripts: list[str] = field(default_factory=list)
    #: Pagefind runs WebAssembly: the search page's CSP allows 'wasm-unsafe-eval', no other page's does.
    wasm: bool = False


@dataclass
class Text:
    """A piece of record text and the language it is in (falls back to bokmål)."""

    text: str
    lang: str


def text_in(values: dict[str, Any], name: str, lang: str) -> Text | None:
    own = values.get(f"{name}_{lang}")
    if own:
        return Text(own, lang)
    fallback = values.get(f"{name}_nb")
    return Text(fallback, "nb") if fallback else None


def alternates(make, *args) -> dict[str, str]:
    return {lang: make(lang, *args) for lang in LANGS}


def crumbs(lang: str, *items: tuple[str, str]) -> list[tuple[str, str]]:
    return [(labels()[lang]["nav_home"], urls.home(lang)), *items]


@dataclass
class CentreListItem:
    """A centre as the lists show it (the directory's cards, the county and municipality lists): only
    what they show, so that an edit to anything else (a description, a phone number) leaves the lists
    as they were, and the preview server does not render them again."""

    id: str
    name: str
    url: str
    status: Term
    town: str | None
    region: str | None
    offerings: list[Term]
    target_groups: list[Term]


@dataclass
class CountyGroup:
    county: County
    url: str
    anchor: str
    centres: list[CentreListItem]


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
class Links:
    report_error: str | None
    edit: str | None
    file: str


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
class ReportLink:
    year: int
    url: str


@dataclass
class CountyPage:
    meta: Meta
    county: County
    centres: list[CentreListItem]
    reports: list[ReportLink]


@dataclass
class CountiesPage:
    meta: Meta
    counties: list[tuple[County, str, int]]


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


@dataclass
class NationalIndexPage:
    meta: Meta
    years: list[tuple[int, str, int]]


@dataclass
class HomePage:
    meta: Meta
    counties: list[tuple[County, str, int]]
    directory_url: str
    national_service_url: str
    search_url: str
    municipality_url: str


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


@dataclass
class MunicipalityIndexPage:
    meta: Meta
    data_url: str
    counties: list[tuple[County, str]]
    national_service_url: str


@dataclass
class MunicipalityRow:
    municipality: Municipality
    basis: str
    #: The same items as the directory's lists: one per centre and language, shared by every page.
    local: list[CentreListItem]
    others: list[CentreListItem]


@dataclass
class MunicipalityCountyPage:
    meta: Meta
    county: County
    rows: list[MunicipalityRow]
    county_url: str
    national_service_url: str


@dataclass
class OpenDataPage:
    meta: Meta
    tables: list[Table]
    package_url: str
    hsds_json_url: str | None
    hsds_tabular_url: str | None
    version: str


@dataclass
class DocPage:
    """A guide for coordinators: bokmål on every language's page, marked as such."""

    meta: Meta
    html: str


@dataclass
class SimplePage:
    meta: Meta


class Rendered:
    """One page to write: its template, where it goes, and its context.

    Most pages' contexts are made at once (:meth:`made`). A page made from a few records, a centre's
    or a report's, is *planned* instead: its context is made by a function of *inputs* when it is
    first asked for, and the function reads the data through those inputs only (anything else it
    reads is what every page shares: labels, settings, the build date, the code). The preview server
    then knows from the inputs alone that such a page has not changed (:mod:`karriere.site`), and a
    full build makes these contexts in the workers that write the pages. A test edits every kind of
    record such a page shows and checks that no page's context changed while its inputs stayed the
    same (``tests/test_fingerprint.py``).
    """

    __slots__ = ("_make", "_page", "alternates", "downloads", "inputs", "lang", "template", "url")

    def __init__(
        self,
        template: str,
        url: str,
        lang: str,
        alternates: dict[str, str],
        make: Callable[..., Any],
        inputs: tuple[Any, ...] = (),
        downloads: tuple[str, ...] = (),
    ):
        self.template, self.url, self.lang, self.alternates = template, url, lang, alternates
        #: The files written beside the page (a report's CSV), relative to the site.
        self.downloads = downloads
        self.inputs = inputs
        self._make = make
        self._page: Any = None

    @classmethod
    def made(cls, template: str, page: Any) -> Rendered:
        """A page whose context is made already (it has no :attr:`inputs`: its context stands for them)."""
        rendered = cls(template, page.meta.url, page.meta.lang, page.meta.alternates, lambda: page)
        rendered._page = page
        return rendered

    @property
    def page(self) -> Any:
        if self._page is None:
            self._page = self._make(*self.inputs)
        return self._page


class Views:
    """Builds every page of the site from the data, for every language."""

    def __init__(
        self,
        data: Data,
        settings: SiteSettings,
        narratives: dict[tuple[str, int], dict[str, str]],
        docs: dict[str, str] | None = None,
        hsds: bool = False,
    ):
        self.docs = docs or {}
        #: Whether the HSDS export is part of the site (it is written by the build, after rendering).
        self.hsds = hsds
        self.data = data
        self.settings = settings
        self.narratives = narratives
        self.newest_check = max(
            [c.last_checked for c in data.centres.values()] + [c.last_checked for c in data.counties.values()]
        )
        self.figures = {county: county_figures(data, county) for county in {c for (c, _) in data.reports}}
        self.report_years: dict[str, list[int]] = {}
        for county_id, year in sorted(data.reports):
            self.report_years.setdefault(county_id, []).append(year)
        # Indexes built once, so that no page scans every centre (the build stays linear in centres).
        order = {"active": 0, "planned": 1, "closed": 2}
        ranked = sorted(data.centres.values(), key=lambda c: (order.get(c.status, 9), c.name))
        self.centres_by_county: dict[str, list[Centre]] = {county: [] for county in data.counties}
        for centre in ranked:
            self.centres_by_county[centre.county.id].append(centre)
        self.having: dict[tuple[str, str], set[str]] = {}
        for centre in ranked:
            for attr in ("offerings", "target_groups"):
                for term in getattr(centre, attr):
                    self.having.setdefault((attr, term.id), set()).add(centre.id)
        self.servings = serving(data)
        self.today = build_date()
        self._items: dict[tuple[str, str], CentreListItem] = {}
        self._listed: dict[tuple[str, str], list[CentreListItem]] = {}

    # ------------------------------------------------------------------ helpers
    def _centre_item(self, lang: str, centre: Centre) -> CentreListItem:
        # One item per centre and language, shared by every list the centre is in.
        key = (lang, centre.id)
        if key not in self._items:
            self._items[key] = CentreListItem(
                centre.id,
                centre.name,
                urls.centre(lang, centre.id),
                self.data.term("statuses", centre.status),
                centre.values.get("town"),
                centre.values.get("region"),
                centre.offerings,
                centre.target_groups,
            )
        return self._items[key]

    def centre_items(self) -> dict[tuple[str, str], CentreListItem]:
        """{(lang, centre id): item} of every centre on the pages built so far."""
        return dict(self._items)

    def _centres_of(self, lang: str, county_id: str) -> list[CentreListItem]:
        """The county's centres, as listed (active first, then by name)."""
        key = (lang, county_id)
        if key not in self._listed:
            self._listed[key] = [self._centre_item(lang, c) for c in self.centres_by_county.get(county_id, [])]
        return self._listed[key]

    def _groups(self, lang: str, having: set[str] | None = None) -> list[CountyGroup]:
        """The centres by county (only those whose ids are in *having*, if given)."""
        groups = []
        for county in sorted(self.data.counties.values(), key=lambda c: c.number):
            items = self._centres_of(lang, county.id)
            if having is not None:
                items = [item for item in items if item.id in having]
            if items:
                groups.append(CountyGroup(county, urls.county(lang, county.id), f"fylke-{county.id}", list(items)))
        return groups

    def _links(self, path: str, title: str) -> Links:
        repo = self.settings.repository_url
        if not repo:
            return Links(None, None, path)
        body = (
            f"Fil: `{path}`\n\nHva er feil, og hva er riktig? Oppgi gjerne en kilde.\n\n"
            f"What is wrong, and what is right? Please give a source."
        )
        query = urlencode({"title": f"Feil i opplysningene: {title}", "body": body})
        return Links(f"{repo}/issues/new?{query}", f"{repo}/edit/{self.settings.branch}/{path}", path)

    def _counties_with_counts(self, lang: str) -> list[tuple[County, str, int]]:
        return [
            (county, urls.county(lang, county.id), len(self.centres_by_county[county.id]))
            for county in sorted(self.data.counties.values(), key=lambda c: c.number)
        ]

    # ------------------------------------------------------------------ pages
    def pages(self) -> Iterator[Rendered]:
        for lang in LANGS:
            yield self.home(lang)
            yield self.directory(lang)
            for term in self.data.vocabularies["offering_types"].values():
                yield self.directory(lang, term, "offering")
            for term in self.data.vocabularies["target_groups"].values():
                yield self.directory(lang, term, "target_group")
            for centre in self.data.centres.values():
                yield self.centre(lang, centre)
            yield self.counties(lang)
            for county in self.data.counties.values():
                yield self.county(lang, county)
            for county_id, year in sorted(self.data.reports):
                yield self.report(lang, county_id, year)
            yield self.national_index(lang)
            for year in self.national_years():
                yield self.national(lang, year)
            for slug in self.docs:
                yield self.doc(lang, slug)
            yield self.open_data(lang)
            yield self.search(lang)
            yield self.municipalities(lang)
            for county in self.data.counties.values():
                yield self.municipality_county(lang, county)
            yield Rendered.made("404.html", self._not_found(lang))

    def doc(self, lang: str, slug: str) -> Rendered:
        from karriere.site import DOCS

        t = labels()[lang]
        url = urls.page(lang, slug)
        title = t[DOCS[slug]]
        meta = Meta(
            lang, url, title, title, alternates(urls.page, slug), crumbs(lang, (t["nav_about"], urls.page(lang, "om")))
        )
        return Rendered.made("doc.html", DocPage(meta, self.docs[slug]))

    def open_data(self, lang: str) -> Rendered:
        from karriere.schema import TABLES

        t = labels()[lang]
        url = urls.open_data(lang)
        meta = Meta(lang, url, t["open_data_title"], t["open_data_intro"], alternates(urls.open_data), crumbs(lang))
        page = OpenDataPage(
            meta,
            list(TABLES),
            urls.DATA_PACKAGE,
            urls.HSDS_JSON if self.hsds else None,
            urls.HSDS_TABULAR if self.hsds else None,
            self.newest_check.isoformat(),
        )
        return Rendered.made("open_data.html", page)

    def search(self, lang: str) -> Rendered:
        t = labels()[lang]
        url = urls.search(lang)
        meta = Meta(lang, url, t["search_title"], t["search_intro"], alternates(urls.search), crumbs(lang))
        meta.scripts, meta.wasm = ["theme/js/search.js"], True
        centres = self.data.centres.values()

        def used(vocabulary: str, attr: str) -> list[str]:
            return [
                term.label[lang]
                for term in self.data.vocabularies[vocabulary].values()
                if any(term in getattr(c, attr) for c in centres)
            ]

        filters = [
            FilterGroup(
                "county",
                t["filter_county"],
                [
                    c.name
                    for c in sorted(self.data.counties.values(), key=lambda c: c.number)
                    if any(x.county is c for x in centres)
                ],
            ),
            FilterGroup("offering", t["filter_offering"], used("offering_types", "offerings")),
            FilterGroup("target_group", t["filter_target"], used("target_groups", "target_groups")),
            FilterGroup("channel", t["filter_channel"], used("channels", "channels")),
        ]
        page = SearchPage(meta, filters, urls.search_bundle(), urls.directory(lang), urls.municipalities(lang))
        return Rendered.made("search.html", page)

    def municipalities(self, lang: str) -> Rendered:
        t = labels()[lang]
        url = urls.municipalities(lang)
        meta = Meta(lang, url, t["muni_title"], t["muni_intro"], alternates(urls.municipalities), crumbs(lang))
        meta.scripts = ["theme/js/municipality.js"]
        counties = [
            (c, urls.municipalities(lang, c.id)) for c in sorted(self.data.counties.values(), key=lambda c: c.number)
        ]
        page = MunicipalityIndexPage(meta, urls.municipality_data(lang), counties, NATIONAL_SERVICE_URL)
        return Rendered.made("municipalities.html", page)

    def municipality_county(self, lang: str, county: County) -> Rendered:
        t = labels()[lang]
        url = urls.municipalities(lang, county.id)
        title = t["muni_county_title"].format(name=county.name)
        meta = Meta(
            lang,
            url,
            title,
            title,
            alternates(urls.municipalities, county.id),
            crumbs(lang, (t["muni_title"], urls.municipalities(lang))),
        )
        rows = [
            MunicipalityRow(
                s.municipality,
                s.basis,
                [self._centre_item(lang, c) for c in s.local],
                [self._centre_item(lang, c) for c in s.county_centres],
            )
            for s in self.servings
            if s.county is county
        ]
        page = MunicipalityCountyPage(meta, county, rows, urls.county(lang, county.id), NATIONAL_SERVICE_URL)
        return Rendered.made("municipality_county.html", page)

    def national_years(self) -> list[int]:
        return sorted({year for (_, year) in self.data.reports} | set(self.data.national))

    def home(self, lang: str) -> Rendered:
        t = labels()[lang]
        meta = Meta(lang, urls.home(lang), t["home_title"], t["site_tagline"], alternates(urls.home))
        page = HomePage(
            meta,
            self._counties_with_counts(lang),
            urls.directory(lang),
            NATIONAL_SERVICE_URL,
            urls.search(lang),
            urls.municipalities(lang),
        )
        return Rendered.made("home.html", page)

    def directory(self, lang: str, term: Term | None = None, kind: str | None = None) -> Rendered:
        t = labels()[lang]
        if term is None:
            url, alt, title, having = urls.directory(lang), alternates(urls.directory), t["directory_title"], None
            bc = crumbs(lang)
        else:
            make = urls.by_offering if kind == "offering" else urls.by_target_group
            url, alt = make(lang, term.id), alternates(make, term.id)
            heading = t["filtered_offering"] if kind == "offering" else t["filtered_target"]
            title = f"{heading} {term.label[lang]}"
            attr = "offerings" if kind == "offering" else "target_groups"
            having = self.having.get((attr, term.id), set())
            bc = crumbs(lang, (t["directory_title"], urls.directory(lang)))
        groups = self._groups(lang, having)
        meta = Meta(lang, url, title, t["directory_intro"], alt, bc)
        page = DirectoryPage(
            meta,
            groups,
            self._facets(lang, "offering_types", "offerings", urls.by_offering),
            self._facets(lang, "target_groups", "target_groups", urls.by_target_group),
            term,
            kind,
            sum(len(g.centres) for g in groups),
        )
        return Rendered.made("directory.html", page)

    def _facets(self, lang: str, vocabulary: str, attr: str, make) -> list[Facet]:
        facets = []
        for term in self.data.vocabularies[vocabulary].values():
            count = len(self.having.get((attr, term.id), ()))
            facets.append(Facet(term, make(lang, term.id), count))
        return facets

    def centre(self, lang: str, centre: Centre) -> Rendered:
        return Rendered(
            "centre.html",
            urls.centre(lang, centre.id),
            lang,
            alternates(urls.centre, centre.id),
            self._centre_page,
            (lang, centre, self.data.term("statuses", centre.status), self.newest_check),
        )

    def _centre_page(self, lang: str, centre: Centre, status: Term, newest_check: dt.date) -> CentrePage:
        """A centre's page: made from its inputs only (see :class:`Rendered`)."""
        t = labels()[lang]
        url = urls.centre(lang, centre.id)
        place = centre.town or centre.region or centre.county.name
        description = text_in(centre.values, "description", lang)
        summary = f"{centre.name}, {place}. {t['information_date']}: {partial_date(centre.as_of, lang)}."
        meta = Meta(
            lang,
            url,
            centre.name,
            summary,
            alternates(urls.centre, centre.id),
            crumbs(
                lang,
                (t["directory_title"], urls.directory(lang)),
                (centre.county.name, urls.county(lang, centre.county.id)),
            ),
            og_type="place",
        )
        meta.jsonld = centre_jsonld(centre, self.settings.site_url + "/" + url)
        contact_fields = ("website", "email", "phone", "street_address", "opening_hours", "booking_url")
        return CentrePage(
            meta,
            centre,
            urls.county(lang, centre.county.id),
            status,
            description,
            outdated(centre.as_of, newest_check),
            is_stale(centre.last_checked, self.today),
            STALE_MONTHS,
            any(centre.values.get(f) for f in contact_fields),
            self._links(f"data/centres/{centre.county.id}/{centre.id}.yaml", centre.name),
            NATIONAL_SERVICE_URL,
        )

    def counties(self, lang: str) -> Rendered:
        t = labels()[lang]
        meta = Meta(
            lang, urls.counties(lang), t["counties_title"], t["counties_intro"], alternates(urls.counties), crumbs(lang)
        )
        return Rendered.made("counties.html", CountiesPage(meta, self._counties_with_counts(lang)))

    def county(self, lang: str, county: County) -> Rendered:
        t = labels()[lang]
        url = urls.county(lang, county.id)
        title = t["county_title"].format(name=county.name)
        meta = Meta(
            lang,
            url,
            title,
            title,
            alternates(urls.county, county.id),
            crumbs(lang, (t["counties_title"], urls.counties(lang))),
        )
        reports = [ReportLink(y, urls.report(lang, county.id, y)) for y in self.report_years.get(county.id, [])]
        return Rendered.made("county.html", CountyPage(meta, county, list(self._centres_of(lang, county.id)), reports))

    def report(self, lang: str, county_id: str, year: int) -> Rendered:
        return Rendered(
            "report.html",
            urls.report(lang, county_id, year),
            lang,
            alternates(urls.report, county_id, year),
            self._report_page,
            (
                lang,
                self.figures[county_id][year],
                self.report_years[county_id],
                self.narratives.get((county_id, year), {}),
            ),
            (urls.report_csv(lang, county_id, year),),
        )

    def _report_page(
        self, lang: str, figures: ReportFigures, years: list[int], narrative: dict[str, str]
    ) -> ReportPage:
        """A county's report for a year: made from its inputs only (see :class:`Rendered`)."""
        from karriere.charts import bar_chart

        t = labels()[lang]
        county = figures.report.county
        county_id, year = county.id, figures.report.year
        url = urls.report(lang, county_id, year)
        title = t["report_title"].format(year=year, name=county.name)
        meta = Meta(
            lang,
            url,
            title,
            title,
            alternates(urls.report, county_id, year),
            crumbs(lang, (t["counties_title"], urls.counties(lang)), (county.name, urls.county(lang, county_id))),
            print_friendly=True,
        )
        previous = figures.previous
        comparable = previous is None or {c.source.id for c in previous.citations} == {
            c.source.id for c in figures.report.citations
        }
        charts = {}
        if len(figures.funding_by_source) > 1:
            charts["funding"] = bar_chart(
                "chart-funding",
                t["chart_funding"],
                t["chart_desc"],
                [(a.label.label[lang], a.value, nok(a.value, lang)) for a in figures.funding_by_source],
            )
        if len(figures.fte_by_employer) > 1:
            charts["fte"] = bar_chart(
                "chart-fte",
                t["chart_fte"],
                t["chart_desc"],
                [(a.label.label[lang], a.value, fte(Decimal(a.value), lang)) for a in figures.fte_by_employer],
            )
        return ReportPage(
            meta,
            figures,
            urls.county(lang, county_id),
            urls.report_csv(lang, county_id, year),
            urls.report(lang, county_id, previous.year) if previous else None,
            [ReportLink(y, urls.report(lang, county_id, y)) for y in years if y != year],
            comparable,
            charts,
            narrative.get(lang) or narrative.get("nb"),
            self._links(f"data/reports/{county_id}/{year}.yaml", title),
        )

    def national_index(self, lang: str) -> Rendered:
        t = labels()[lang]
        years = [
            (y, urls.national(lang, y), sum(1 for (_, yy) in self.data.reports if yy == y))
            for y in self.national_years()
        ]
        meta = Meta(
            lang,
            urls.national_index(lang),
            t["national_index_title"],
            t["national_index_intro"],
            alternates(urls.national_index),
            crumbs(lang),
        )
        return Rendered.made("national_index.html", NationalIndexPage(meta, years))

    def national(self, lang: str, year: int) -> Rendered:
        t = labels()[lang]
        figures = national_figures(self.figures, year)
        url = urls.national(lang, year)
        title = t["national_title"].format(year=year)
        meta = Meta(
            lang,
            url,
            title,
            title,
            alternates(urls.national, year),
            crumbs(lang, (t["national_index_title"], urls.national_index(lang))),
            print_friendly=True,
        )
        rows = [
            NationalRowView(f, urls.report(lang, f.report.county.id, year), urls.county(lang, f.report.county.id))
            for f in figures.rows
        ]
        others = [ReportLink(y, urls.national(lang, y)) for y in self.national_years() if y != year]
        page = NationalPage(meta, year, figures, rows, self.data.national.get(year), others)
        return Rendered.made("national.html", page)

    def _not_found(self, lang: str) -> Any:
        t = labels()[lang]
        return SimplePage(
            Meta(
                lang,
                f"{urls.PREFIX[lang]}404.html",
                t["not_found_title"],
                t["not_found_text"],
                {other: f"{urls.PREFIX[other]}404.html" for other in LANGS},
            )
        )


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
