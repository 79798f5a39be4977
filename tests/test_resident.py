"""Where a resident looks: every page on a 320 px phone, reports and comparisons printed on A4, and
every link the municipality finder writes clicked, in every language (Debian's Chromium)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

SCROLLS_SIDEWAYS = "() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth + 1"


def site_pages(site: Path) -> list[str]:
    return sorted("/" + str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("*.html"))


def test_no_page_scrolls_sideways_at_320_px(browser, base_url: str, site: Path) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    paths = site_pages(site)
    assert len(paths) > 100
    for path in paths:
        page.goto(base_url.rstrip("/") + path)
        if page.evaluate(SCROLLS_SIDEWAYS):
            wide.append(path)
    context.close()
    assert wide == []


def test_a_very_long_word_wraps_at_320_px(browser, valid_data: Path, tmp_path: Path) -> None:
    from karriere import pipeline
    from tests.conftest import serve_folder

    gol = valid_data / "centres" / "buskerud" / "gol.yaml"
    long_word = "Karriere" * 1250
    gol.write_text(gol.read_text(encoding="utf-8").replace("Et testsenter.", long_word), encoding="utf-8")
    out = tmp_path / "site"
    assert pipeline.build(valid_data, out) == []
    server, url = serve_folder(out)
    try:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        page = context.new_page()
        page.goto(url + "senter/gol/")
        assert not page.evaluate(SCROLLS_SIDEWAYS)
        context.close()
    finally:
        server.shutdown()


def printable_pages(site: Path) -> list[str]:
    reports = sorted(p.parent for p in site.glob("fylke/*/*/index.html"))
    national = sorted(p.parent for p in site.glob("nokkeltall/*/index.html"))
    return ["/" + str(p.relative_to(site)) + "/" for p in reports + national]


def pdf_text(page: Page) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    return " ".join(p.extract_text() for p in reader.pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_reports_and_comparisons_print_on_a4_with_every_figure(browser, base_url: str, site: Path) -> None:
    # The width of an A4 page's text at 96 dpi: 210 mm less the margins (14 mm each side) is 182 mm.
    context = browser.new_context(viewport={"width": 688, "height": 1123})
    page = context.new_page()
    pages = printable_pages(site)
    assert pages
    for path in pages:
        page.goto(base_url.rstrip("/") + path)
        page.emulate_media(media="print")
        clipped = page.evaluate(
            """() => [...document.querySelectorAll('table')].filter(t =>
                   t.getBoundingClientRect().width > t.parentElement.getBoundingClientRect().width + 1
                   || [...t.querySelectorAll('*')].concat([t.parentElement]).some(e =>
                        !e.classList.contains('visually-hidden')
                        && getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1)
                   || document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth + 1
               ).map(t => t.querySelector('caption')?.textContent || t.textContent.slice(0, 40))"""
        )
        assert clipped == [], (path, clipped)
        screen_figures = page.evaluate(
            "() => [...document.querySelectorAll('table td.num, table th')]"
            ".map(c => c.textContent.trim()).filter(Boolean)"
        )
        printed = squeeze(pdf_text(page))
        missing = [figure for figure in screen_figures if squeeze(figure) not in printed]
        assert missing == [], (path, missing[:5])
        page.emulate_media(media="screen")
    context.close()


def test_a_printed_report_has_a_running_header_and_footer(base_url: str, browser, site: Path) -> None:
    path = printable_pages(site)[0]
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url.rstrip("/") + path)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    first, last = reader.pages[0].extract_text(), reader.pages[-1].extract_text()
    assert "Karrieresentre i Norge" in first and "Tallene gjelder" in last
    assert f"1 / {len(reader.pages)}" in squeeze(first).replace("/", " / ") or "1/" in squeeze(first)
    assert path.strip("/") in squeeze(last)
    # What paper cannot use is not printed.
    text = squeeze(" ".join(p.extract_text() for p in reader.pages))
    assert "LastnedtalleneCSV" not in text.replace("(", "").replace(")", "")
    context.close()


FINDER = [
    # (language prefix, what the resident types, the municipality it means)
    ("", "Drammen", "Drammen"),
    ("", "Gol", "Gol"),
    ("", "Kautokeino", "Guovdageaidnu"),
    ("nn/", "Bergen", "Bergen"),
    ("nn/", "Molde", "Molde"),
    ("en/", "Tromsø", "Tromsø"),
    ("en/", "Bodo", "Bodø"),
]


@pytest.mark.parametrize(("prefix", "typed", "municipality"), FINDER)
def test_every_link_the_finder_writes_opens_the_right_page(
    page: Page, base_url: str, prefix: str, typed: str, municipality: str
) -> None:
    page.goto(f"{base_url}{prefix}kommune/")
    page.get_by_label(re.compile("Kommune|Municipality")).fill(typed)
    result = page.locator(".muni-result").filter(has_text=municipality).first
    result.wait_for()
    links = [(a.get_attribute("href"), a.inner_text()) for a in result.locator("a").all()]
    assert links, "the result links somewhere"
    for href, text in links:
        if href.startswith("http") and "127.0.0.1" not in href:
            assert href == "https://karriereveiledning.no/"  # the national service, not followed offline
            continue
        response = page.request.get(href if href.startswith("http") else base_url.rstrip("/") + href)
        assert response.status == 200, (typed, href)
        opened = page.context.new_page()
        opened.goto(href if href.startswith("http") else base_url.rstrip("/") + href)
        assert text.split(" (")[0] in opened.locator("h1").inner_text() or text in opened.title(), (href, text)
        assert opened.url.startswith(base_url + prefix), (href, "stays in the page's language")
        opened.close()
