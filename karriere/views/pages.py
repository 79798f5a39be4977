"""The site's other pages: the coordinators' guides, open data, and the page for a missing address."""

from __future__ import annotations

from dataclasses import dataclass

from karriere import urls
from karriere.content import DOCS
from karriere.i18n import LANGS, tr, trp
from karriere.schema import TABLES, Table
from karriere.views.common import Meta, Page, SimplePage, Views, alternates, crumbs


@dataclass
class TableLink:
    table: Table
    url: str
    csv_url: str
    rows: int


@dataclass
class OpenDataPage:
    meta: Meta
    tables: list[TableLink]
    package_url: str
    hsds_json_url: str | None
    hsds_tabular_url: str | None
    version: str


@dataclass
class TablePage:
    """One table of the data package: its fields and what they hold."""

    meta: Meta
    table: Table
    csv_url: str
    rows: int


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
    tables = [
        TableLink(t, urls.open_data(lang, t.name), f"{urls.DATA_FOLDER}{t.name}.csv", v.row_counts.get(t.name, 0))
        for t in TABLES
    ]
    page = OpenDataPage(
        meta,
        tables,
        urls.DATA_PACKAGE,
        urls.HSDS_JSON if v.hsds else None,
        urls.HSDS_TABULAR if v.hsds else None,
        v.newest_check.isoformat(),
    )
    return Page("open_data.html", page)


def open_data_table(v: Views, lang: str, table: Table) -> Page:
    title = tr(lang, "Tabellen %(name)s", name=table.name)
    meta = Meta(
        lang,
        urls.open_data(lang, table.name),
        title,
        table.description,
        alternates(urls.open_data, table.name),
        crumbs(lang, (tr(lang, "Åpne data"), urls.open_data(lang))),
    )
    csv_url = f"{urls.DATA_FOLDER}{table.name}.csv"
    return Page("open_data_table.html", TablePage(meta, table, csv_url, v.row_counts.get(table.name, 0)))


def not_found(lang: str) -> Page:
    meta = Meta(
        lang,
        f"{urls.PREFIX[lang]}404.html",
        tr(lang, "Siden finnes ikke"),
        tr(lang, "Vi finner ikke siden du leter etter. Kanskje den er flyttet."),
        {other: f"{urls.PREFIX[other]}404.html" for other in LANGS},
    )
    return Page("404.html", SimplePage(meta))
