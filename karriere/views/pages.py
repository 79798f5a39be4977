"""The site's other pages: the coordinators' guides, open data, and the page for a missing address."""

from __future__ import annotations

from dataclasses import dataclass

from karriere import urls
from karriere.content import DOCS
from karriere.i18n import LANGS, labels
from karriere.schema import TABLES, Table
from karriere.views.common import Meta, Page, SimplePage, Views, alternates, crumbs


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


def doc(v: Views, lang: str, slug: str) -> Page:
    t = labels()[lang]
    title = t[DOCS[slug]]
    about = (t["nav_about"], urls.page(lang, "om"))
    meta = Meta(lang, urls.page(lang, slug), title, title, alternates(urls.page, slug), crumbs(lang, about))
    return Page("doc.html", DocPage(meta, v.docs[slug]))


def open_data(v: Views, lang: str) -> Page:
    t = labels()[lang]
    meta = Meta(
        lang, urls.open_data(lang), t["open_data_title"], t["open_data_intro"], alternates(urls.open_data), crumbs(lang)
    )
    page = OpenDataPage(
        meta,
        list(TABLES),
        urls.DATA_PACKAGE,
        urls.HSDS_JSON if v.hsds else None,
        urls.HSDS_TABULAR if v.hsds else None,
        v.newest_check.isoformat(),
    )
    return Page("open_data.html", page)


def not_found(lang: str) -> Page:
    t = labels()[lang]
    meta = Meta(
        lang,
        f"{urls.PREFIX[lang]}404.html",
        t["not_found_title"],
        t["not_found_text"],
        {other: f"{urls.PREFIX[other]}404.html" for other in LANGS},
    )
    return Page("404.html", SimplePage(meta))
