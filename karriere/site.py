"""The Pelican plugin: a generator that renders the directory and reports from the validated package.

Two phases, as Pelican's own generators: ``generate_context`` reads the package and prepares every
page's context; ``generate_output`` only writes. Registered from :func:`register` through
``signals.get_generators``; Markdown pages in ``content/pages`` are Pelican's own.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import logging
import os
import threading
import weakref
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import markdown
import nh3
from jinja2 import Environment, pass_environment
from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

from karriere import fingerprint, heap, model, parallel, timing, urls
from karriere.fingerprint import Reuse
from karriere.i18n import LANGS, figure, figure_change, fte, labels, nok, number, partial_date, percent, percent_change
from karriere.search import municipality_json
from karriere.settings import from_environment
from karriere.views import ReportPage, Views

log = logging.getLogger(__name__)

#: What coordinators' Markdown may become: text structure and links, never scripts or styles.
ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "th": {"scope"}, "abbr": {"title"}}


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})


def render_markdown(text: str) -> str:
    return sanitise(markdown.markdown(text, extensions=["tables"], output_format="html"))


#: Guides for coordinators, kept as Markdown in docs/ and also published on the site (in bokmål).
DOCS = {
    "slik-oppdaterer-du-opplysningene": "guide_title",
    "feltreferanse": "fieldref_title",
}


def read_docs(folder: Path) -> dict[str, str]:
    """docs/<slug>.md as sanitised HTML, with links between the guides pointing at their pages."""
    out = {}
    for slug in DOCS:
        path = folder / f"{slug}.md"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        if lines and lines[0].startswith("# "):
            text = "\n".join(lines[1:])  # the page template prints the title
        for other in DOCS:
            text = text.replace(f"]({other}.md", f"](../{other}/")
        out[slug] = render_markdown(text)
    return out


def read_narratives(folder: Path) -> dict[tuple[str, int], dict[str, str]]:
    """content/narratives/<county>/<year>.md (bokmål), <year>.nn.md, <year>.en.md."""
    out: dict[tuple[str, int], dict[str, str]] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*/*.md")):
        stem, _, lang = path.name.removesuffix(".md").partition(".")
        if not stem.isdigit() or (lang and lang not in LANGS):
            log.warning("ignoring %s: name it <year>.md, <year>.nn.md or <year>.en.md", path)
            continue
        out.setdefault((path.parent.name, int(stem)), {})[lang or "nb"] = render_markdown(
            path.read_text(encoding="utf-8")
        )
    return out


def report_csv(page: ReportPage) -> bytes:
    """The report's figures as a CSV in the page's language: section, item, value, unit."""
    lang = page.meta.lang
    t = labels()[lang]
    f = page.figures
    r = f.report
    rows: list[tuple[str, str, str, str]] = []

    def add(section: str, item: str, value, unit: str) -> None:
        if value is not None:
            rows.append((section, item, str(value), unit))

    summary = t["report_summary"]
    add(summary, t["centres_reported"], r.centres, "")
    add(summary, t["funding_total"], f.funding_total, "NOK")
    add(summary, t["fte_total"], f.fte_total, t["fte"])
    add(summary, t["persons_full_time"], r.persons_full_time, t["persons"])
    add(summary, t["population"], r.population, "")
    add(summary, t["per_inhabitant"], f.per_inhabitant, "NOK")
    for a in f.funding_by_source:
        add(t["funding_by_source"], a.label.label[lang], a.value, "NOK")
    for c in f.funding_by_contributor:
        add(t["funding_by_contributor"], c.name, c.amount, "NOK")
    for a in f.persons_by_employer:
        add(t["staff_by_employer"], a.label.label[lang], a.value, t["persons"])
    for a in f.fte_by_employer:
        add(t["fte_by_employer"], a.label.label[lang], a.value, t["fte"])
    for s in r.surveys:
        add(t["survey_results"], s.statement_nb, s.share, t["share"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([t["section"], t["figure"], t["value"], "unit"])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def make_folders(root: Path, files: list[str]) -> None:
    """The folders of *files* under *root* (made too, if need be), each made once."""
    root.mkdir(parents=True, exist_ok=True)
    folders: set[str] = set()
    for name in files:
        folder = os.path.dirname(name)
        while folder and folder not in folders:
            folders.add(folder)
            folder = os.path.dirname(folder)
    for folder in sorted(folders):  # a folder comes after the one it is in
        with contextlib.suppress(FileExistsError):
            os.mkdir(root / folder)


class KarriereGenerator(Generator):
    """Writes the home page, the directory, centres, counties, reports and the national pages."""

    def generate_context(self) -> None:
        with heap.growing():
            with timing.phase("render: read package"):
                self.data = model.load(Path(self.settings["KARRIERE_PACKAGE"]))
            with timing.phase("render: views"):
                self._views()
        # Every page has a folder of its own (pretty URLs), and making folders is slow on some disks:
        # a thread makes them all while the main one goes on, until the pages are written. (A preview
        # that updates the served site in place makes only the folders of the pages it renders.)
        self._folders = None
        reuse: Reuse | None = self.settings.get("KARRIERE_REUSE")
        if reuse is None or not reuse.in_place():
            self._folders = threading.Thread(target=make_folders, args=(Path(self.output_path), self._all_files()))
            self._folders.start()

    def _views(self) -> None:
        self.site = from_environment()
        narratives = read_narratives(Path(self.settings["PATH"]) / "narratives")
        docs = read_docs(Path(self.settings["PATH"]).parent / "docs")
        self.views = Views(self.data, self.site, narratives, docs, hsds=True)
        self.rendered = list(self.views.pages())
        seen: dict[str, str] = {}
        for item in self.rendered:
            # Two records that would write the same URL stop the build (STYLE.md §6).
            if item.url in seen:
                raise ValueError(f"two pages would be written to {item.url}: {seen[item.url]} and {item.template}")
            seen[item.url] = item.template

    def _all_files(self, items=None) -> list[str]:
        return [name for item in (self.rendered if items is None else items) for name in self._files(item)]

    def generate_output(self, writer) -> None:
        if self._folders is not None:
            self._folders.join()
        with heap.frozen(), timing.phase("render: pages"):
            files_written = self._write_pages(writer)
        if not files_written:
            with timing.phase("render: downloads, sitemap"):
                self._write_files()

    def _install_pieces(self) -> None:
        """The globals that print a list's pieces, each piece rendered once per build however many
        pages show it: ``centre_cards(items, lang)`` (macros.html's ``centre_card``),
        ``centre_links(items, lang)`` (``centre_link``) and ``term_items(terms, lang, filter)``
        (``term_item``).

        A national directory lists each centre on dozens of pages (all centres, each offering and each
        target group); a county's municipality list names each county-wide centre in every
        municipality's row; every centre page lists its terms from the same few vocabularies.
        """
        self.cards: dict[tuple[str, str], Markup] = {}
        self.pieces: dict[tuple[str, ...], Markup] = {}
        self.env.globals["centre_cards"] = self._centre_cards
        self.env.globals["centre_links"] = functools.partial(self._pieces, "centre_link")
        self.env.globals["term_items"] = functools.partial(self._pieces, "term_item")
        # After the globals: a template's module sees the globals there were when it was made.
        self._macros = self.env.get_template("macros.html").module
        self._card_macro = self._macros.centre_card

    def _centre_card(self, item, lang: str) -> Markup:
        key = (lang, item.id)
        if key not in self.cards:
            self.cards[key] = self._card_macro(item, lang)
        return self.cards[key]

    def _centre_cards(self, items, lang: str) -> Markup:
        """The cards of a list, one per line (a loop in the template took a second per edit at N = 2,000)."""
        # The cards are Markup already: joined as plain strings, they are not looked at again.
        return Markup("    " + "\n    ".join([self._centre_card(item, lang) for item in items]))

    def _pieces(self, macro: str, items, lang: str, *args: str) -> Markup:
        """macros.html's *macro* for each of *items*, one after the other. An item stands for the same
        record on every page (a centre's list item, a vocabulary term), so its piece is the same for
        the same id, language and arguments."""
        made, render = self.pieces, getattr(self._macros, macro)
        out = []
        for item in items:
            key = (macro, item.id, lang, *args)
            piece = made.get(key)
            if piece is None:
                piece = made[key] = render(item, lang, *args)
            out.append(piece)
        return Markup("".join(out))

    def _write_pages(self, writer) -> bool:
        """Write the pages (for the preview server, those whose fingerprint changed); return whether
        the files that are not pages (:meth:`_write_files`) were written too."""
        self._install_pieces()
        for template in {item.template for item in self.rendered}:
            self.get_template(template.removesuffix(".html"))  # compiled once, before the workers fork

        def write(item) -> None:
            writer.write_file(
                urls.save_as(item.url),
                self.get_template(item.template.removesuffix(".html")),
                self.context,
                page_view=item.page,
                lang=item.lang,
            )
            for download in item.downloads:  # a report's CSV
                target = Path(self.output_path) / download
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(report_csv(item.page))

        reuse: Reuse | None = self.settings.get("KARRIERE_REUSE")
        if reuse is None:
            parallel.each(self.rendered, write)
            return False
        with timing.phase("render: fingerprints"), heap.growing():  # the digests live until the end
            common = fingerprint.salt(Path(self.settings["PATH"]).parent)

            def share(planned: bool) -> dict[str, str]:
                # Planned pages digest the records they are made from (centres, report figures); the
                # cards and the other pages mostly list items: the two share few records (the terms, a
                # few figures), so a second process takes the planned pages, and writes the files that
                # are not pages, while this one takes the cards and the rest, each with digests of its own.
                prints = fingerprint.Fingerprints()
                if planned:
                    self._write_files()
                else:
                    self._prepare_cards(reuse, prints, common)
                return {
                    item.url: self._mark(item, prints, common) for item in self.rendered if bool(item.inputs) == planned
                }

            # (Forking costs more than it saves on a small site: there, one process does both.)
            others, planned = parallel.each([False, True], share, parallel.workers(len(self.rendered)))
            marks = {item.url: (planned if item.inputs else others)[item.url] for item in self.rendered}
        # A page with the fingerprint the served site was rendered with is kept there (the preview
        # server updates that site in place); the others are rendered, on every core if there are many.
        before = reuse.previous(reuse.PAGES).get("pages", {}) if reuse.in_place() else {}
        changed, kept = [], []
        for item in self.rendered:
            (kept if before.get(item.url) == marks[item.url] else changed).append(item)
        out = Path(self.output_path)

        def page(item) -> None:
            if self._folders is None:
                make_folders(out, self._files(item))
            write(item)

        parallel.each(changed, page)
        reuse.record(reuse.PAGES, {"rendered": len(changed), "pages": marks, "kept": self._all_files(kept)})
        return True

    @staticmethod
    def _mark(item, prints: fingerprint.Fingerprints, common: str) -> str:
        """The page's fingerprint. A planned page's inputs stand for its context (views.Rendered),
        which is then not made unless the page is rendered."""
        what, kind = (item.inputs, "inputs") if item.inputs else (item.page, "page")
        return f"{common}:{item.template}:{kind}:{prints.digest(what).hex()}"

    @staticmethod
    def _files(item) -> list[str]:
        """What writing *item* writes, relative to the site."""
        return [urls.save_as(item.url), *item.downloads]

    def _prepare_cards(self, reuse: Reuse, prints: fingerprint.Fingerprints, common: str) -> None:
        """Every centre card, before any page is rendered: from the last render when the card's item
        is unchanged, else rendered. A centre's edit then renders its own cards, not every card on the
        lists it is on."""
        recorded = reuse.previous(reuse.CARDS)
        before = recorded.get("cards", {}) if recorded.get("salt") == common else {}
        known: dict[str, str] = {}
        for (lang, centre_id), item in sorted(self.views.centre_items().items()):
            key = f"{lang}:{prints.digest(item).hex()}"
            if key in before:
                self.cards[(lang, centre_id)] = Markup(before[key])
            known[key] = str(self._centre_card(item, lang))
        reuse.record(reuse.CARDS, {"salt": common, "cards": known})

    def _write_files(self) -> None:
        for lang in LANGS:
            target = Path(self.output_path) / urls.municipality_data(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(municipality_json(self.views.servings, lang))
        self._write_sitemap()
        (Path(self.output_path) / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {self.site.site_url}/sitemap.xml\n", encoding="utf-8"
        )

    def _page_alternates(self) -> list[dict[str, str]]:
        """Each page once, as {lang: url} for the languages it exists in."""
        groups = [item.alternates for item in self.rendered if item.template != "404.html"]
        groups += [page.meta_view.alternates for page in self.context.get("pages", [])]
        unique: dict[tuple[tuple[str, str], ...], dict[str, str]] = {}
        for group in groups:
            unique.setdefault(tuple(sorted(group.items())), group)
        return list(unique.values())

    def _write_sitemap(self) -> None:
        base = self.site.site_url + "/"
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ]
        for group in self._page_alternates():
            for lang in LANGS:
                if lang not in group:
                    continue
                lines.append(f"<url><loc>{xml_escape(base + group[lang])}</loc>")
                for other in LANGS:
                    if other in group:
                        lines.append(
                            f'<xhtml:link rel="alternate" hreflang="{other}" href="{xml_escape(base + group[other])}"/>'
                        )
                lines.append("</url>")
        lines.append("</urlset>")
        (Path(self.output_path) / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")


#: Each Jinja environment's frame pieces (:func:`frame`), gone with the environment.
_frames: weakref.WeakKeyDictionary[Environment, dict[tuple[str, str, str | None], Markup]] = weakref.WeakKeyDictionary()


@pass_environment
def frame(env: Environment, macro: str, lang: str, url: str | None = None) -> Markup:
    """macros.html's *macro*, a part of the frame of every page in *lang* (``main_nav``, ``site_footer``;
    each takes the language and the current page), rendered once per environment, language and current
    page (global ``frame`` in base.html).

    A page's *url* matters only if the main menu links to it (it is marked as the current page there),
    so every other page shares one piece: a frame of about forty values is then not put together again
    on each of thousands of pages.
    """
    # None, not "": the home page's URL is "".
    current = url if any(target == url for _, target in env.globals["NAV"][lang]) else None
    pieces = _frames.setdefault(env, {})
    key = (macro, lang, current)
    if key not in pieces:
        pieces[key] = getattr(env.get_template("macros.html").module, macro)(lang, current)
    return pieces[key]


def _sanitise_page(content) -> None:
    """Pelican pages (content/pages) are Markdown written by people; sanitise what they become."""
    if getattr(content, "_content", None):
        content._content = sanitise(content._content)


def _attach_meta(generator) -> None:
    """Give Markdown pages the same Meta as data pages, so base.html treats them alike."""
    from karriere.views import Meta, crumbs

    for page in [*generator.pages, *generator.translations]:
        alternates = {page.lang: page.url, **{t.lang: t.url for t in page.translations}}
        summary = getattr(page, "summary", "") or ""
        description = nh3.clean(summary, tags=set()).strip()[:200]
        page.meta_view = Meta(page.lang, page.url, page.title, description, alternates, crumbs(page.lang))


def get_generators(pelican):
    return KarriereGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
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
