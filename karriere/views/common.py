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
from karriere.i18n import LANGS, tr
from karriere.model import Centre, County, Data, Term
from karriere.settings import SiteSettings, build_date


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


@dataclass
class CentreListItem:
    """A centre as the lists show it (the directory's cards, the county and municipality lists)."""

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
class Links:
    report_error: str | None
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
    ):
        self.data = data
        self.settings = settings
        self.narratives = narratives or {}
        self.docs = docs or {}
        #: Whether the HSDS export is part of the site (it is written by the build, after rendering).
        self.hsds = hsds
        self.today = build_date()
        self.newest_check = max(
            [c.last_checked for c in data.centres.values()] + [c.last_checked for c in data.counties.values()]
        )
        self.figures = {county: county_figures(data, county) for county in {c for (c, _) in data.reports}}
        self.report_years: dict[str, list[int]] = {}
        for county_id, year in sorted(data.reports):
            self.report_years.setdefault(county_id, []).append(year)
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

    def counties_by_number(self) -> list[County]:
        return sorted(self.data.counties.values(), key=lambda c: c.number)

    def centre_item(self, lang: str, centre: Centre) -> CentreListItem:
        return CentreListItem(
            centre.id,
            centre.name,
            urls.centre(lang, centre.id),
            self.data.term("statuses", centre.status),
            centre.values.get("town"),
            centre.values.get("region"),
            centre.offerings,
            centre.target_groups,
        )

    def centres_of(self, lang: str, county_id: str) -> list[CentreListItem]:
        """The county's centres, as listed (active first, then by name)."""
        return [self.centre_item(lang, c) for c in self.centres_by_county.get(county_id, [])]

    def groups(self, lang: str, having: set[str] | None = None) -> list[CountyGroup]:
        """The centres by county (only those whose ids are in *having*, if given)."""
        groups = []
        for county in self.counties_by_number():
            items = [c for c in self.centres_of(lang, county.id) if having is None or c.id in having]
            if items:
                groups.append(CountyGroup(county, urls.county(lang, county.id), f"fylke-{county.id}", items))
        return groups

    def counties_with_counts(self, lang: str) -> list[tuple[County, str, int]]:
        return [
            (county, urls.county(lang, county.id), len(self.centres_by_county[county.id]))
            for county in self.counties_by_number()
        ]

    def links(self, path: str, title: str) -> Links:
        """ "Report an error" and "edit on GitHub" for the file *path*, when the repository is known."""
        repo = self.settings.repository_url
        if not repo:
            return Links(None, None, path)
        body = (
            f"Fil: `{path}`\n\nHva er feil, og hva er riktig? Oppgi gjerne en kilde.\n\n"
            f"What is wrong, and what is right? Please give a source."
        )
        query = urlencode({"title": f"Feil i opplysningene: {title}", "body": body})
        return Links(f"{repo}/issues/new?{query}", f"{repo}/edit/{self.settings.branch}/{path}", path)
