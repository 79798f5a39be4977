"""The Pelican plugin: a generator that renders the directory and reports from the validated package.

Two phases, as Pelican's own generators: ``generate_context`` reads the package and prepares every
page's context; ``generate_output`` only writes. Registered from :func:`register` through
``signals.get_generators``; Markdown pages in ``content/pages`` are Pelican's own.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import nh3
from pelican import signals
from pelican.generators import Generator

from karriere import i18n, model, urls
from karriere.content import read_docs, read_narratives, sanitise
from karriere.downloads import report_csv, running_css
from karriere.finder import municipality_json
from karriere.i18n import LANGS, figure, figure_change, fte, nok, number, partial_date, percent, percent_change
from karriere.settings import from_environment
from karriere.views import Meta, Page, Views, all_pages, crumbs

log = logging.getLogger(__name__)


class DuplicatePageError(ValueError):
    """Two records would write the same URL (STYLE.md §6): a bug in the URL rules, or two records
    that are one."""


class KarriereGenerator(Generator):
    """Writes the home page, the directory, centres, counties, reports and the national pages."""

    def generate_context(self) -> None:
        self.data = data = model.load(Path(self.settings["KARRIERE_PACKAGE"]))
        self.site = from_environment()
        content = Path(self.settings["PATH"])
        narratives, docs = read_narratives(content / "narratives"), read_docs(content.parent / "docs")
        geometry = Path(self.settings["KARRIERE_DATA"]) / "registers" / "map-2024.json"
        map_data = json.loads(geometry.read_text(encoding="utf-8")) if geometry.is_file() else None
        views = Views(data, self.site, narratives, docs, hsds=True, geometry=map_data)
        self.servings = views.servings
        self.pages: list[Page] = list(all_pages(views))
        seen: dict[str, str] = {}
        for page in self.pages:
            if page.meta.url in seen:
                raise DuplicatePageError(
                    f"two pages would be written to {page.meta.url}: {seen[page.meta.url]} and {page.template}"
                )
            seen[page.meta.url] = page.template

    def generate_output(self, writer) -> None:
        out = Path(self.output_path)
        for page in self.pages:
            writer.write_file(
                urls.save_as(page.meta.url),
                self.get_template(page.template.removesuffix(".html")),
                self.context,
                page_view=page.context,
                lang=page.meta.lang,
            )
            for download in page.downloads:  # a report's CSV
                (out / download).write_bytes(report_csv(page.context))
            if page.meta.running:
                (out / page.meta.url / "print.css").write_bytes(running_css(*page.meta.running))
        for lang in LANGS:
            target = out / urls.municipality_data(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(municipality_json(self.servings, self.data, lang))
        (out / "sitemap.xml").write_text(sitemap(self.site.site_url, self._alternates()), encoding="utf-8")
        (out / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {self.site.site_url}/sitemap.xml\n", encoding="utf-8"
        )

    def _alternates(self) -> list[dict[str, str]]:
        """Each page once, as {lang: url} for the languages it exists in."""
        groups = [page.meta.alternates for page in self.pages if page.template != "404.html"]
        groups += [page.meta_view.alternates for page in self.context.get("pages", [])]
        unique: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
        for group in groups:
            unique.setdefault(tuple(sorted(group.items())), group)
        return list(unique.values())


def sitemap(site_url: str, groups: list[dict[str, str]]) -> str:
    """sitemap.xml: every page, with its translations as alternates."""
    base = site_url + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for group in groups:
        for lang in LANGS:
            if lang not in group:
                continue
            lines.append(f"<url><loc>{xml_escape(base + group[lang])}</loc>")
            for other in LANGS:
                if other in group:
                    href = xml_escape(base + group[other])
                    lines.append(f'<xhtml:link rel="alternate" hreflang="{other}" href="{href}"/>')
            lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _sanitise_page(content) -> None:
    """Pelican pages (content/pages) are Markdown written by people; sanitise what they become."""
    if getattr(content, "_content", None):
        content._content = sanitise(content._content)


def _attach_meta(generator) -> None:
    """Give Markdown pages the same Meta as data pages, so base.html treats them alike."""
    for page in [*generator.pages, *generator.translations]:
        alternates = {page.lang: page.url, **{t.lang: t.url for t in page.translations}}
        summary = getattr(page, "summary", "") or ""
        description = nh3.clean(summary, tags=set()).strip()[:200]
        page.meta_view = Meta(page.lang, page.url, page.title, description, alternates, crumbs(page.lang))


def _install_translations(generator) -> None:
    """Every generator's templates speak the page's language, from the catalogs as they are now."""
    i18n.refresh()
    i18n.install(generator.env)


def get_generators(pelican):
    return KarriereGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(_install_translations)
    signals.content_object_init.connect(_sanitise_page)
    signals.page_generator_finalized.connect(_attach_meta)


JINJA_FILTERS = {
    "nok": nok,
    "fte": fte,
    "number": number,
    "percent": percent,
    "partial_date": partial_date,
    "figure": figure,
    "figure_change": figure_change,
    "percent_change": percent_change,
}
