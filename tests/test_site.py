"""End-to-end: build the real data into a temporary folder and read the pages as HTML."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest
import yaml
from babel.dates import format_date
from bs4 import BeautifulSoup

from karriere import pipeline
from karriere.content import read_narratives, render_markdown
from karriere.i18n import LANGS, LOCALES, partial_date, tr, trp
from tests.conftest import package_rows, real_data

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "valid"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def lang_of(site: Path, path: Path) -> str:
    first = path.relative_to(site).parts[0]
    return first if first in ("nn", "en") else "nb"


def test_pages_per_type_and_language(site: Path) -> None:
    """A page for every record the package has, in every language (whatever the data holds)."""
    centres = {r["id"] for r in package_rows(site, "centres")}
    counties = {r["county"] for r in package_rows(site, "county_versions")}
    today = {r["county"] for r in package_rows(site, "county_versions") if not r["valid_to"]}
    reports = {(r["county"], r["year"]) for r in package_rows(site, "reports")}
    years = {r["year"] for r in package_rows(site, "reports")}
    for lang in LANGS:
        prefix = site if lang == "nb" else site / lang
        assert (prefix / "index.html").is_file()
        assert {p.parent.name for p in (prefix / "senter").glob("*/index.html")} == centres
        assert {p.parent.name for p in (prefix / "fylke").glob("*/index.html")} == counties
        assert {(p.parent.parent.name, p.parent.name) for p in (prefix / "fylke").glob("*/*/index.html")} == reports
        assert all((prefix / "nokkeltall" / year / "index.html").is_file() for year in years)
        assert (prefix / "sok" / "index.html").is_file()
        assert {p.parent.name for p in (prefix / "kommune").glob("*/index.html")} == today
        for slug in ("om", "tilgjengelighet", "personvern"):
            assert (prefix / slug / "index.html").is_file(), (lang, slug)


def test_html_is_valid_per_the_nu_checker(site: Path) -> None:
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "text", str(site)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_has_lang_title_and_one_h1(site: Path, soups) -> None:
    for path, doc in soups.items():
        assert doc.html["lang"] == lang_of(site, path), path
        assert doc.title and doc.title.get_text(strip=True), path
        assert len(doc.find_all("h1")) == 1, path
        assert doc.find("main", id="main"), path
        assert doc.find("a", class_="skip-link")["href"] == "#main"


def test_every_internal_link_resolves(site: Path, soups) -> None:
    for path, doc in soups.items():
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in doc.find_all(tag):
                target = element.get(attr)
                if not target or target.startswith(("#", "mailto:", "tel:")):
                    continue
                if target.startswith(("http://", "https://")):
                    assert tag == "a" or element.get("rel") in (["canonical"], ["alternate"]), (path, target)
                    continue
                if not target.startswith("/"):  # relative, as in Markdown pages: resolve against the page
                    page_url = "/" + str(path.parent.relative_to(site)) + "/"
                    target = urljoin(page_url.replace("/./", "/"), target)
                local = site / target.split("#")[0].lstrip("/")
                if target.endswith("/") or local.is_dir():
                    local = local / "index.html"
                assert local.is_file(), f"{path}: {target}"


def test_no_third_party_requests_no_scripts_small_pages(site: Path, soups) -> None:
    for path, doc in soups.items():
        assert path.stat().st_size < 60_000, path
        scripts = [s.get("src", "") for s in doc.find_all("script") if s.get("type") != "application/ld+json"]
        needs_js = path.parent.name in ("sok", "kommune")
        assert scripts == [] or needs_js, f"{path} loads JavaScript it does not need"
        assert all(src.startswith("/theme/js/") for src in scripts), path
        for script in doc.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", f"inline script in {path}"
        csp = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert ("'wasm-unsafe-eval'" in csp) == (path.parent.name == "sok"), path
        assert "unsafe-inline" not in csp
        for element in doc.find_all(["link", "img", "iframe", "source", "video", "audio"]):
            for attr in ("href", "src", "srcset"):
                value = element.get(attr) or ""
                if element.name == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not value.startswith(("http:", "https:", "//")), (path, element)
        assert not doc.find(style=True), f"inline style in {path}"
        # The site's own icon (found by test_every_internal_link_resolves): without one, browsers ask
        # for /favicon.ico on every visit, a round trip for a 404.
        assert doc.find("link", rel="icon")["href"] == "/theme/img/icon.svg", path
    assert (site / "theme" / "css" / "site.css").stat().st_size < 25_000


def test_language_alternates_lead_to_the_same_page(site: Path, soups) -> None:
    for path, doc in soups.items():
        if path.name == "404.html":
            continue
        alternates = {link["hreflang"]: link["href"] for link in doc.find_all("link", rel="alternate")}
        assert set(alternates) == {"nb", "nn", "en", "x-default"}, path
        for lang in LANGS:
            switch = doc.select_one(f'.lang-switch a[hreflang="{lang}"]')
            if lang == lang_of(site, path):
                assert switch is None
                continue
            assert switch is not None and alternates[lang].endswith(switch["href"]), path


def test_menu_marks_the_page_it_is_on_and_menu_and_footer_speak_the_page_language(site: Path, soups) -> None:
    for path, doc in soups.items():
        if path.name == "404.html":
            continue
        lang = lang_of(site, path)
        url = "/" + "".join(f"{part}/" for part in path.relative_to(site).parent.parts)
        links = doc.select(".main-nav a")
        current = [a["href"] for a in doc.select('.main-nav a[aria-current="page"]')]
        assert current == ([url] if url in [a["href"] for a in links] else []), path
        assert links[0].get_text() == trp(lang, "menu", "Forside"), path
        footer = doc.select_one("footer.site-footer")
        assert footer.p.get_text() == tr(
            lang,
            "Opplysningene er hentet fra offentlige rapporter. Hver side viser kilden og datoen opplysningene gjelder.",
        ), path
        assert footer.select_one("a")["href"] == links[-1]["href"], path  # About, in the page's language


def test_vocabulary_and_labels_in_the_page_language(fixture_site: Path) -> None:
    en = soup(fixture_site / "en" / "senter" / "gol" / "index.html")
    nn = soup(fixture_site / "nn" / "senter" / "gol" / "index.html")
    nb = soup(fixture_site / "senter" / "gol" / "index.html")
    assert "Individual career guidance" in en.get_text()
    assert "Individuell karriererettleiing" in nn.get_text()
    assert "Individuell karriereveiledning" in nb.get_text()
    assert en.find("h2", id="offer").get_text() == "What the centre offers"
    # Record text falls back to bokmål, and says so.
    description = en.find("main").find("p", lang="nb")
    assert description is not None and "Et testsenter." in description.get_text()


def test_a_centre_pages_terms_are_its_own_in_the_page_language_with_their_filter(fixture_site: Path) -> None:
    vocabulary = {
        kind: {
            t["id"]: t for t in yaml.safe_load((VALID / "vocabularies" / f"{name}.yaml").read_text("utf-8"))["terms"]
        }
        for kind, name in (("offering", "offering_types"), ("target_group", "target_groups"), ("channel", "channels"))
    }
    record = yaml.safe_load((VALID / "centres" / "buskerud" / "gol.yaml").read_text("utf-8"))
    ids = {"offering": record["offerings"], "target_group": record["target_groups"], "channel": record["channels"]}
    for lang in LANGS:
        prefix = "" if lang == "nb" else f"{lang}/"
        page = soup(fixture_site / prefix / "senter" / "gol" / "index.html")
        for kind, terms in ids.items():
            shown = [li.get_text() for li in page.select(f'ul.tags li[data-pagefind-filter="{kind}"]')]
            assert shown == [vocabulary[kind][term][f"label_{lang}"] for term in terms], (lang, kind)


def test_centre_page_says_what_is_not_known(fixture_site: Path) -> None:
    doc = soup(fixture_site / "senter" / "drammen" / "index.html")  # no contact details in its record
    text = doc.find("section", attrs={"aria-labelledby": "contact"}).get_text(" ", strip=True)
    assert "Ikke kjent – kontakt fylkeskommunen" in text
    assert doc.select_one('section[aria-labelledby="contact"] a[href="/fylke/buskerud/"]')
    assert "karriereveiledning.no" in text
    footer = doc.find("section", class_="record-footer").get_text(" ", strip=True)
    assert "1. november 2026" in footer and "Testkilde" in footer


@pytest.mark.parametrize("lang", LANGS)
def test_dates_read_as_babel_writes_them(lang: str) -> None:
    """The date patterns parsed once per language give what Babel's format_date gives every time."""
    locale = LOCALES[lang]
    for day in (dt.date(2010, 12, 1), dt.date(2017, 11, 1), dt.date(2026, 2, 28)):
        long = format_date(day, format="long", locale=locale)
        assert partial_date(day, lang) == partial_date(day.isoformat(), lang) == long
        assert partial_date(day.isoformat()[:7], lang) == format_date(day, format="LLLL y", locale=locale)
    assert partial_date("2014", lang) == "2014"
    assert partial_date("2010-12", "nn") == "desember 2010"
    assert partial_date("2017-11-01", "en") == "1 November 2017"


def test_centre_json_ld(fixture_site: Path) -> None:
    doc = soup(fixture_site / "senter" / "gol" / "index.html")
    data = json.loads(doc.find("script", type="application/ld+json").string)
    assert data["@type"] == "GovernmentOffice"
    assert data["address"]["streetAddress"] == "Testveien 1" and data["address"]["postalCode"] == "3550"
    assert data["address"]["addressRegion"] == "Buskerud"
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Gol"}]  # its service area
    assert "aggregateRating" not in data and "review" not in data


def cell_after(doc: BeautifulSoup, section: str, row_label: str) -> str:
    table = doc.find("section", attrs={"aria-labelledby": section}).find("table")
    for row in table.find_all("tr"):
        header = row.find("th")
        if header and header.get_text(" ", strip=True).startswith(row_label):
            return row.find("td").get_text(strip=True)
    raise AssertionError(f"{row_label} not in {section}")


def nok_text(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0") + "\u00a0kr"


def test_report_figures_equal_the_data(site: Path) -> None:
    rows = pipeline.load(real_data()).rows
    for report in rows["reports"]:
        county, year = report.values["county"], report.values["year"]
        doc = soup(site / "fylke" / county / year / "index.html")
        funding = [r for r in rows["report_funding"] if (r.values["county"], r.values["year"]) == (county, year)]
        if funding:
            total = sum(int(r.values["amount_nok"]) for r in funding)
            assert cell_after(doc, "summary", "Finansiering i alt") == nok_text(total), (county, year)
        staff = [r for r in rows["report_staff"] if (r.values["county"], r.values["year"]) == (county, year)]
        fte = [Decimal(r.values["fte"]) for r in staff if r.values.get("fte")]
        expected_fte = (
            sum(fte) if fte else Decimal(report.values["fte_total"]) if report.values.get("fte_total") else None
        )
        if expected_fte is not None:
            shown = cell_after(doc, "summary", "Årsverk i alt")
            assert shown == f"{expected_fte:.1f}".replace(".", ","), (county, year, shown)
        if report.values.get("centres"):
            assert cell_after(doc, "summary", "Antall sentre") == report.values["centres"]


def test_a_report_with_funding_by_contributor(fixture_site: Path) -> None:
    doc = soup(fixture_site / "fylke" / "buskerud" / "2017" / "index.html")
    assert cell_after(doc, "summary", "Kroner per innbygger") == "8,9\u00a0kr"  # 2 469 000 / 277 684
    assert cell_after(doc, "contributors", "Drammen kommune") == "Kommuner"
    contributors = doc.find("section", attrs={"aria-labelledby": "contributors"}).get_text(" ", strip=True)
    assert "10,7\u00a0kr" in contributors  # 730 000 / 68 523 = 10,653, rounded once, as the letter prints it
    svg = doc.find("svg")
    assert svg["role"] == "img" and svg.find("title").get_text() and svg.find("desc").get_text()
    with (fixture_site / "fylke" / "buskerud" / "2017" / "nokkeltall-buskerud-2017.csv").open(encoding="utf-8") as fh:
        figures = list(csv.reader(fh))
    assert ["Sammendrag", "Finansiering i alt", "2469000", "NOK"] in [row[:4] for row in figures]


def test_years_without_figures_are_said_not_zero(fixture_site: Path) -> None:
    doc = soup(fixture_site / "fylke" / "buskerud" / "2017" / "index.html")
    text = doc.find("section", attrs={"aria-labelledby": "change"}).get_text(" ", strip=True)
    assert "Ingen tall for: 2014, 2015, 2016" in text


def test_a_national_page_lists_every_report_of_its_year(site: Path) -> None:
    reports = package_rows(site, "reports")
    for year in sorted({r["year"] for r in reports}):
        doc = soup(site / "nokkeltall" / year / "index.html")
        linked = {a["href"] for a in doc.find("main").find_all("a") if a["href"].endswith(f"/{year}/")}
        assert linked == {f"/fylke/{r['county']}/{year}/" for r in reports if r["year"] == year}, year


def test_sitemap_robots_and_404(site: Path) -> None:
    tree = ElementTree.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in tree.getroot().findall("s:url/s:loc", ns)]
    assert len(locs) == len(set(locs))
    html_pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(locs) == len(html_pages)
    assert "Sitemap:" in (site / "robots.txt").read_text(encoding="utf-8")
    for lang in ("", "nn/", "en/"):
        assert (site / lang / "404.html").is_file()


def test_same_input_gives_byte_identical_site(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert pipeline.build(real_data(), again) == []
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (site / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_narratives_are_sanitised(tmp_path: Path) -> None:
    html = render_markdown(
        "Hei **der**\n\n<script>alert(1)</script>\n\n[lenke](javascript:alert(1)) <img src=x onerror=alert(1)>"
    )
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html
    assert "<strong>der</strong>" in html
    folder = tmp_path / "narratives" / "buskerud"
    folder.mkdir(parents=True)
    (folder / "2017.md").write_text("Styret er fornøyd.", encoding="utf-8")
    (folder / "2017.en.md").write_text("The board is pleased.", encoding="utf-8")
    assert read_narratives(tmp_path / "narratives") == {
        ("buskerud", 2017): {"nb": "<p>Styret er fornøyd.</p>", "en": "<p>The board is pleased.</p>"}
    }


def test_text_from_data_is_escaped(valid_data: Path, tmp_path: Path) -> None:
    """Angle brackets cannot enter through YAML (check rejects them); quotes and ampersands are escaped."""
    path = valid_data / "centres" / "buskerud" / "gol.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "description_nb: Et testsenter.", "description_nb: '\"Quote\" & ''apostrophe'' {{ 7*7 }}'"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert pipeline.build(valid_data, out) == []
    html = (out / "senter" / "gol" / "index.html").read_text(encoding="utf-8")
    assert "&#34;Quote&#34; &amp; &#39;apostrophe&#39; {{ 7*7 }}" in html
    assert not re.search(r"\b49\b", html)


def test_a_failed_render_keeps_the_old_site(site: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "site"
    shutil.copytree(site, out)

    def broken(*args, **kwargs):
        raise RuntimeError("template error")

    monkeypatch.setattr(pipeline, "render", broken)
    with pytest.raises(RuntimeError):
        pipeline.build(real_data(), out)
    assert (out / "index.html").read_bytes() == (site / "index.html").read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.new")]


def test_report_error_and_edit_links_name_the_file(valid_data: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KARRIERE_REPOSITORY_URL", "https://github.com/owner/repo")
    monkeypatch.setenv("KARRIERE_SITE_URL", "https://owner.github.io/repo")
    out = tmp_path / "out"
    assert pipeline.build(valid_data, out) == []
    doc = soup(out / "senter" / "gol" / "index.html")
    links = {a.get_text(strip=True): a["href"] for a in doc.select(".fix-links a")}
    assert links["Rediger opplysningene på GitHub"] == (
        "https://github.com/owner/repo/edit/main/data/centres/buskerud/gol.yaml"
    )
    report = links["Meld fra om feil"]
    assert report.startswith("https://github.com/owner/repo/issues/new?")
    assert "data%2Fcentres%2Fbuskerud%2Fgol.yaml" in report
    # Links and canonical URLs follow the published address (a GitHub Pages project site).
    assert doc.find("link", rel="canonical")["href"] == "https://owner.github.io/repo/senter/gol/"
    assert doc.find("link", rel="stylesheet")["href"] == "/repo/theme/css/site.css"


def test_the_coordinators_guide_is_linked_and_published(site: Path) -> None:
    assert "docs/slik-oppdaterer-du-opplysningene.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    for prefix in ("", "nn/", "en/"):
        about = soup(site / prefix / "om" / "index.html")
        assert about.find("a", href="../slik-oppdaterer-du-opplysningene/"), prefix
        guide = soup(site / prefix / "slik-oppdaterer-du-opplysningene" / "index.html")
        assert "python build.py new-centre" in guide.get_text()
        assert guide.find("a", href="../feltreferanse/")
        if prefix:
            assert guide.select_one('article div[lang="nb"]'), "the bokmål guide is marked as such"
