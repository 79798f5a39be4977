"""The context handed to templates: one typed object per page, everything computed in advance.

One module per kind of page: :mod:`~karriere.views.centres` (home, directory, centres, counties),
:mod:`~karriere.views.reports` (key figures), :mod:`~karriere.views.finder` (search, municipalities),
:mod:`~karriere.views.pages` (guides, open data, 404); :mod:`~karriere.views.common` holds what they
share. :func:`all_pages` lists every page of the site.
"""

from __future__ import annotations

from collections.abc import Iterator

from karriere.i18n import LANGS
from karriere.schema import TABLES
from karriere.views import centres, counties, finder, pages, reports
from karriere.views.common import Meta, Page, Views, crumbs

__all__ = ["Meta", "Page", "Views", "all_pages", "crumbs"]


def all_pages(v: Views) -> Iterator[Page]:
    """Every page of the site, in every language."""
    data = v.data
    for lang in LANGS:
        yield centres.home(v, lang)
        yield centres.directory(v, lang)
        for term in data.vocabularies["offering_types"].values():
            yield centres.directory(v, lang, term, "offering")
        for term in data.vocabularies["target_groups"].values():
            yield centres.directory(v, lang, term, "target_group")
        for centre in data.centres.values():
            yield centres.centre(v, lang, centre)
        yield counties.counties(v, lang)
        for county in data.counties.values():
            yield counties.county(v, lang, county)
        for county_id, year in sorted(data.reports):
            yield reports.report(v, lang, county_id, year)
        yield reports.national_index(v, lang)
        for year in reports.national_years(v):
            yield reports.national(v, lang, year)
        for slug in v.docs:
            yield pages.doc(v, lang, slug)
        yield pages.open_data(v, lang)
        for table in TABLES:
            yield pages.open_data_table(v, lang, table)
        yield finder.search(v, lang)
        yield finder.municipalities(v, lang)
        for county in v.counties_by_number():
            yield finder.municipality_county(v, lang, county)
        yield pages.not_found(lang)
