"""Browser tests in Debian's Chromium (Playwright, never a downloaded browser), with axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

PAGE_TYPES = {
    "home": "",
    "directory": "sentre/",
    "directory-filter": "sentre/tilbud/individual-guidance/",
    "centre": "senter/hallingdal/",
    "centre-several-sites": "senter/nord-trondelag/",
    "counties": "fylke/",
    "county": "fylke/buskerud/",
    "report": "fylke/buskerud/2017/",
    "report-2013": "fylke/oppland/2013/",
    "national": "nokkeltall/2013/",
    "national-survey": "nokkeltall/2014/",
    "national-index": "nokkeltall/",
    "about": "om/",
    "accessibility": "tilgjengelighet/",
    "privacy": "personvern/",
    "open-data": "apne-data/",
    "guide": "slik-oppdaterer-du-opplysningene/",
    "field-reference": "feltreferanse/",
    "municipalities-by-county": "kommune/buskerud/",
    "not-found": "404.html",
}


def url(base: str, lang: str, path: str) -> str:
    return base + ("" if lang == "nb" else f"{lang}/") + path


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_violations(page: Page, base_url: str, lang: str, kind: str) -> None:
    page.goto(url(base_url, lang, PAGE_TYPES[kind]))
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()


def test_navigate_home_to_centre_and_report(page: Page, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url)
    page.get_by_role("link", name="Buskerud").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Karriereveiledning i Buskerud"
    page.get_by_role("link", name="Hallingdal karrieresenter").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Hallingdal karrieresenter"
    page.get_by_role("navigation", name="Du er her").get_by_role("link", name="Buskerud").click()
    page.get_by_role("link", name="Nøkkeltall 2017: Buskerud").click()
    assert page.url.endswith("/fylke/buskerud/2017/")
    assert page.get_by_role("img", name="Diagram: finansiering etter kilde").is_visible()
    assert all(r.startswith(base_url) for r in requests), "no request leaves the site"
    assert page.context.cookies() == []


def test_language_switch_leads_to_the_same_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "senter/hallingdal/")
    page.get_by_role("navigation", name="Språk").get_by_role("link", name="English").click()
    assert page.url.endswith("/en/senter/hallingdal/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="What the centre offers").is_visible()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nynorsk").click()
    assert page.url.endswith("/nn/senter/hallingdal/")
    assert page.get_by_role("heading", name="Kva senteret tilbyr").is_visible()


def test_report_prints_cleanly(page: Page, base_url: str) -> None:
    page.goto(base_url + "fylke/buskerud/2017/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.locator("table.figures").first.is_visible()
    assert page.locator("svg.chart").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) < 600_000


def test_keyboard_skip_link_and_focus(page: Page, base_url: str) -> None:
    page.goto(base_url + "senter/hallingdal/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0, "the skip link is visible when focused"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # Tabbing on reaches the content's first link; nothing traps focus.
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        seen.add(page.evaluate("document.activeElement.tagName + ':' + (document.activeElement.textContent || '')"))
    assert len(seen) > 10


@pytest.mark.parametrize("width", [320, 640])
@pytest.mark.parametrize("path", ["", "sentre/", "senter/nord-trondelag/", "fylke/buskerud/2017/", "nokkeltall/2013/"])
def test_no_horizontal_scrolling_when_narrow_or_zoomed(browser: Browser, base_url: str, width: int, path: str) -> None:
    """320 px wide phones, and 200 % zoom of a 1280 px window (640 CSS pixels)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(base_url + path)
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"


def test_directory_works_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "sentre/")
    pg.get_by_text("Etter målgruppe").click()
    pg.get_by_role("link", name="Sykemeldte").click()
    assert pg.url.endswith("/sentre/malgruppe/sick-leave/")
    names = pg.locator(".centre-list h3").all_inner_texts()
    context.close()
    assert names == ["Kongsberg karrieresenter"]
