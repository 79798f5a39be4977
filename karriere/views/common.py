"""What every page's context is made of, and the indexes the pages share.

Templates loop over prepared lists and format values with filters; they do no arithmetic, no
grouping and no URL building (STYLE.md §4). Each page knows its URL in all three languages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from karriere import urls
from karriere.figures import county_figures
from karriere.finder import serving
from karriere.i18n import LANGS, partial_date, tr, trn, trp
from karriere.mapsvg import MapCounty, MapPoint, county_map
from karriere.model import Centre, Citation, County, Data, Report, Term
from karriere.settings import SiteSettings, build_date
from karriere.today import former_counties, place_today, today_counties


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
    #: On paper, the running header of every page: the site's name and the page's title, and the
    #: running footer: the page's address and the date its figures describe (print.css beside the page).
    running: tuple[str, str] | None = None
    #: Module scripts the page needs (only search and the municipality finder have any).
    scripts: list[str] = field(default_factory=list)
    #: Pagefind runs WebAssembly: the search page's CSP allows 'wasm-unsafe-eval', no other page's does.
    wasm: bool = False
    #: What a search result shows about the page, as (key, value): its kind, county, status.
    search: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Page:
    """One page to write: its template, its context (whose ``meta`` says where it goes) and the files
    written beside it (a report's CSV), relative to the site."""

    template: str
    context: Any
    downloads: tuple[str, ...] = ()

    @property
    def meta(self) -> Meta:
        return self.context.meta


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
    return [(tr(lang, "Forside"), urls.home(lang)), *items]


@dataclass(frozen=True)
class Status:
    """A centre's status with the year it describes: «I drift i 2018», «Planlagt i 2010», «Nedlagt i 2014»."""

    term: Term
    year: int
    text: str


def status_of(data: Data, centre: Centre, lang: str) -> Status:
    """The centre's status with the year it describes (:attr:`Centre.status_year`)."""
    term = data.term("statuses", centre.status)
    year = centre.status_year
    return Status(term, year, trp(lang, "status", "%(status)s i %(year)s", status=term.label[lang], year=year))


@dataclass(frozen=True)
class FactDate:
    """When and from where one fact is: «desember 2010, Østlandsforskning 2010, 7.4»."""

    as_of: str
    text: str
    citation: Citation


def active_text(lang: str, count: CountyCount) -> str:
    """«4 sentre i drift (2018)», «ingen sentre i drift i dataene»."""
    if not count.active:
        return tr(lang, "ingen sentre i drift i dataene")
    return trn(
        lang,
        "%(num)s senter i drift (%(years)s)",
        "%(num)s sentre i drift (%(years)s)",
        count.active,
        years=count.years,
    )


def cite_briefly(citation: Citation, lang: str) -> str:
    section = f", {citation.section}" if citation.section else ""
    return f"{citation.source.short}{section}"


def fact_dates(record: Centre | County | Report, lang: str) -> dict[str, FactDate]:
    """The facts of *record* with a date or source of their own, by field."""
    return {
        name: FactDate(
            own.as_of,
            tr(
                lang,
                "fra %(date)s, %(source)s",
                date=partial_date(own.as_of, lang),
                source=cite_briefly(own.citation, lang),
            ),
            own.citation,
        )
        for name, own in record.field_sources.items()
    }


@dataclass
class CentreListItem:
    """A centre as the lists show it (the directory's cards, the county and municipality lists)."""

    id: str
    name: str
    url: str
    status: Status
    town: str | None
    region: str | None
    offerings: list[Term]
    target_groups: list[Term]
    #: Whether the sources describe the centre as guiding individuals (Senter for yrkesrettleiing in
    #: Bergen guides counsellors): a list never offers one that does not as "your centre" unsaid.
    individual: bool = True


@dataclass
class CountyCount:
    """A county in a list of counties: its centres in operation, with the years the information is from,
    and how many more the data has as planned or closed."""

    county: County
    url: str
    active: int
    #: «2014», or «2010–2018» when the active centres' information is from several years.
    years: str | None
    planned: int
    closed: int


@dataclass
class CountyGroup:
    county: County
    url: str
    anchor: str
    #: The centres in operation, and apart from them those planned or closed.
    active: list[CentreListItem]
    others: list[CentreListItem]


@dataclass
class Links:
    #: A new GitHub issue about the file, or the about page's section on reporting an error.
    report_error: str
    edit: str | None
    file: str


@dataclass
class ReportLink:
    year: int
    url: str


@dataclass
class SimplePage:
    meta: Meta


class Views:
    """The data and the indexes every kind of page draws on, built once so that no page scans every
    centre (the build stays linear in centres)."""

    def __init__(
        self,
        data: Data,
        settings: SiteSettings,
        narratives: dict[tuple[str, int], dict[str, str]] | None = None,
        docs: dict[str, str] | None = None,
        hsds: bool = False,
        geometry: dict | None = None,
    ):
        self.data = data
        self.settings = settings
        #: The map of today's counties (tools/make_map.py), if the data has it.
        self.geometry = geometry
        self.narratives = narratives or {}
        self.docs = docs or {}
        #: Whether the HSDS export is part of the site (it is written by the build, after rendering).
        self.hsds = hsds
        self.today = build_date()
        self.newest_check = max(
            [c.last_checked for c in data.centres.values()]
            + [c.last_checked for c in data.counties.values() if c.last_checked]
        )
        self.figures = {county: county_figures(data, county) for county in {c for (c, _) in data.reports}}
        self.report_years: dict[str, list[int]] = {}
        for county_id, year in sorted(data.reports):
            self.report_years.setdefault(county_id, []).append(year)
        order = {"active": 0, "planned": 1, "closed": 2}
        ranked = sorted(data.centres.values(), key=lambda c: (order.get(c.status, 9), c.name))
        #: The centres by the county their record gives (the county at the record's date) …
        self.centres_by_county: dict[str, list[Centre]] = {county: [] for county in data.counties}
        #: … and by the county their place is in today.
        self.centres_today: dict[str, list[Centre]] = {county: [] for county in data.counties}
        self.places = {centre.id: place_today(data, centre) for centre in ranked}
        for centre in ranked:
            self.centres_by_county[centre.county.id].append(centre)
            if (place := self.places[centre.id]) is not None:
                self.centres_today[place.county.id].append(centre)
        self.having: dict[tuple[str, str], set[str]] = {}
        for centre in ranked:
            for attr in ("offerings", "target_groups"):
                for term in getattr(centre, attr):
                    self.having.setdefault((attr, term.id), set()).add(centre.id)
        self.servings = serving(data)
        self.row_counts = data.row_counts

    def counties_by_number(self) -> list[County]:
        """Today's counties, by number."""
        return today_counties(self.data)

    def former_counties(self) -> list[County]:
        return former_counties(self.data)

    def centres_in(self, county: County) -> list[Centre]:
        """A county's centres: for a county of today, those whose place is in it today; for a former
        county, those its records name."""
        return self.centres_today[county.id] if county.today else self.centres_by_county[county.id]

    def centre_item(self, lang: str, centre: Centre) -> CentreListItem:
        return CentreListItem(
            centre.id,
            centre.name,
            urls.centre(lang, centre.id),
            status_of(self.data, centre, lang),
            centre.values.get("town"),
            centre.values.get("region"),
            centre.offerings,
            centre.target_groups,
            any(t.id == "individual_guidance" for t in centre.offerings),
        )

    def centres_of(self, lang: str, county_id: str) -> list[CentreListItem]:
        """The county's centres (:meth:`centres_in`), as listed (active first, then by name)."""
        return [self.centre_item(lang, c) for c in self.centres_in(self.data.counties[county_id])]

    def groups(self, lang: str, having: set[str] | None = None) -> list[CountyGroup]:
        """The centres by county (only those whose ids are in *having*, if given)."""
        groups = []
        for county in self.counties_by_number():
            items = [c for c in self.centres_of(lang, county.id) if having is None or c.id in having]
            active = [c for c in items if c.status.term.id == "active"]
            others = [c for c in items if c.status.term.id != "active"]
            if items:
                groups.append(CountyGroup(county, urls.county(lang, county.id), f"fylke-{county.id}", active, others))
        return groups

    def counties_with_counts(self, lang: str) -> list[CountyCount]:
        return [self.county_count(lang, county) for county in self.counties_by_number()]

    def county_count(self, lang: str, county: County) -> CountyCount:
        """Active centres are counted; planned and closed ones apart (the data's years are 2010–2018)."""
        centres = self.centres_in(county)
        years = sorted({status_of(self.data, c, lang).year for c in centres if c.status == "active"})
        span = None if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        count = {status: sum(1 for c in centres if c.status == status) for status in ("active", "planned", "closed")}
        return CountyCount(
            county, urls.county(lang, county.id), count["active"], span, count["planned"], count["closed"]
        )

    def county_map(self, lang: str, current: County | None = None, prefix: str = "map") -> str | None:
        """Today's counties as an SVG map: each a link with its count of centres in operation, and a dot
        at the municipality of each centre in operation (never an invented coordinate)."""
        if self.geometry is None:
            return None
        counties = [
            MapCounty(
                county.number,
                county.name,
                self.settings.site_path + urls.county(lang, county.id),
                f"{county.name}: {active_text(lang, self.county_count(lang, county))}",
                county is current,
            )
            for county in self.counties_by_number()
        ]
        points = [
            MapPoint(place.municipalities[0].number, f"{centre.name} ({place.municipalities[0].name})")
            for centre in self.data.centres.values()
            if centre.status == "active" and (place := self.places[centre.id]) and place.municipalities
        ]
        points.sort(key=lambda p: (p.municipality, p.label))
        title = tr(lang, "Kart over fylkene i dag")
        description = tr(
            lang, "Hvert fylke er en lenke til fylkets side; prikkene er kommunene der sentre i drift ligger."
        )
        return county_map(self.geometry, counties, points, title=title, description=description, id_prefix=prefix)

    def links(self, lang: str, path: str, title: str) -> Links:
        """ "Report an error" for the file *path* (an issue on GitHub when the repository is known, else
        the about page's section on how to report one), and "edit on GitHub" when it is known."""
        repo = self.settings.repository_url
        if not repo:
            return Links(f"{self.settings.site_path}{urls.page(lang, 'om')}#meld-fra", None, path)
        body = (
            f"Fil: `{path}`\n\nHva er feil, og hva er riktig? Oppgi gjerne en kilde.\n\n"
            f"What is wrong, and what is right? Please give a source."
        )
        query = urlencode({"title": f"Feil i opplysningene: {title}", "body": body})
        return Links(f"{repo}/issues/new?{query}", f"{repo}/edit/{self.settings.branch}/{path}", path)
