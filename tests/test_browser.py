"""Browser tests in Debian's Chromium (Playwright, never a downloaded browser), with axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

#: The kinds of page the real site has (tests/conftest.py real_pages picks one of each from the data).
PAGE_KINDS = [
    "home",
    "directory",
    "directory-filter",
    "centre",
    "centre-several-sites",
    "counties",
    "county",
    "former-county",
    "report",
    "report-first",
    "national",
    "national-survey",
    "national-index",
    "about",
    "accessibility",
    "privacy",
    "open-data",
    "guide",
    "field-reference",
    "municipalities",
    "municipalities-by-county",
    "search",
    "not-found",
]


def url(base: str, lang: str, path: str) -> str:
    return base + ("" if lang == "nb" else f"{lang}/") + path


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_axe_finds_no_violations(page: Page, base_url: str, real_pages: dict[str, str], lang: str, kind: str) -> None:
    page.goto(url(base_url, lang, real_pages[kind]))
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()


def test_navigate_home_to_centre_and_report(page: Page, fixture_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(fixture_url)
    page.get_by_role("link", name="Buskerud").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Karriereveiledning i Buskerud"
    page.get_by_role("link", name="Testsenter Gol").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Testsenter Gol"
    page.get_by_role("navigation", name="Du er her").get_by_role("link", name="Buskerud").click()
    page.get_by_role("link", name="Nøkkeltall 2017: Buskerud").click()
    assert page.url.endswith("/fylke/buskerud/2017/")
    assert page.get_by_role("img", name="Diagram: finansiering etter kilde").is_visible()
    assert all(r.startswith(fixture_url) for r in requests), "no request leaves the site"
    assert page.context.cookies() == []


def test_language_switch_leads_to_the_same_page(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "senter/gol/")
    page.get_by_role("navigation", name="Språk").get_by_role("link", name="English").click()
    assert page.url.endswith("/en/senter/gol/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="What the centre offers").is_visible()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Nynorsk").click()
    assert page.url.endswith("/nn/senter/gol/")
    assert page.get_by_role("heading", name="Kva senteret tilbyr").is_visible()


def test_report_prints_cleanly(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "fylke/buskerud/2017/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.locator("table.figures").first.is_visible()
    assert page.locator("svg.chart").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) < 600_000


def test_keyboard_skip_link_and_focus(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url + "senter/gol/")
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
@pytest.mark.parametrize("kind", ["home", "directory", "centre-several-sites", "report", "national"])
def test_no_horizontal_scrolling_when_narrow_or_zoomed(
    browser: Browser, base_url: str, real_pages: dict[str, str], width: int, kind: str
) -> None:
    """320 px wide phones, and 200 % zoom of a 1280 px window (640 CSS pixels)."""
    path = real_pages[kind]
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(base_url + path)
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"


def test_directory_works_without_javascript(browser: Browser, fixture_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(fixture_url + "sentre/")
    pg.get_by_text("Etter målgruppe").click()
    pg.get_by_role("link", name="Voksne").click()
    assert pg.url.endswith("/sentre/malgruppe/adults/")
    names = pg.locator(".centre-list h3").all_inner_texts()
    context.close()
    assert names == ["Testsenter Gol"]
