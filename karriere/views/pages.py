"""The site's other pages: the coordinators' guides, open data, and the page for a missing address."""

from __future__ import annotations

from dataclasses import dataclass

from karriere import urls
from karriere.content import DOCS
from karriere.i18n import LANGS, tr, trp
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
    title = tr(lang, DOCS[slug])
    about = (trp(lang, "nav_about", "Om nettstedet"), urls.page(lang, "om"))
    meta = Meta(lang, urls.page(lang, slug), title, title, alternates(urls.page, slug), crumbs(lang, about))
    return Page("doc.html", DocPage(meta, v.docs[slug]))


def open_data(v: Views, lang: str) -> Page:
    meta = Meta(
        lang,
        urls.open_data(lang),
        tr(lang, "Åpne data"),
        tr(
            lang,
            "Alle opplysningene på nettstedet kan lastes ned og brukes fritt, som en validert datapakke og i "
            "Open Referral-formatet HSDS 3.0.",
        ),
        alternates(urls.open_data),
        crumbs(lang),
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
    meta = Meta(
        lang,
        f"{urls.PREFIX[lang]}404.html",
        tr(lang, "Siden finnes ikke"),
        tr(lang, "Vi finner ikke siden du leter etter. Kanskje den er flyttet."),
        {other: f"{urls.PREFIX[other]}404.html" for other in LANGS},
    )
    return Page("404.html", SimplePage(meta))
