"""Search (Pagefind) and the municipality finder, in Debian's Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from karriere import pipeline
from karriere.finder import fold, name_forms, serving
from tests.test_browser import WCAG

ROOT = Path(__file__).resolve().parent.parent


def search(page: Page, base: str, query: str, lang_prefix: str = "") -> list[str]:
    page.goto(f"{base}{lang_prefix}sok/")
    page.get_by_role("searchbox").fill(query)
    page.wait_for_function("() => document.querySelector('#search-status').textContent.length > 0")
    return page.locator("#search-results h3").all_inner_texts()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Hallingdal", "Hallingdal karrieresenter"),
        ("Gol", "Hallingdal karrieresenter"),
        ("Papirbredden", "Papirbredden karrieresenter"),
        ("Mosjøen", "Karrieresenter Mosjøen"),
        ("Tromsø", "Karriere Troms"),
    ],
)
def test_a_name_or_town_puts_that_centre_first(page: Page, base_url: str, query: str, first: str) -> None:
    assert search(page, base_url, query)[0] == first


def test_an_offering_or_group_finds_centres(page: Page, base_url: str) -> None:
    assert "Kongsberg karrieresenter" in search(page, base_url, "sykemeldte")
    results = search(page, base_url, "realkompetansevurdering")
    assert any("Kristiansand" in r for r in results)


def test_a_filter_narrows_to_one_county(page: Page, base_url: str) -> None:
    search(page, base_url, "karriereveiledning")
    page.get_by_text("Avgrens søket").click()
    page.get_by_role("group", name="Fylke").get_by_label("Buskerud").check()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#search-results .meta')].every(p => p.textContent.includes('Buskerud'))"
    )
    metas = page.locator("#search-results .meta").all_inner_texts()
    assert metas and all("Buskerud" in m for m in metas)
    assert page.locator("#search-status").get_attribute("aria-live") == "polite"


def test_nynorsk_and_english_queries_on_their_pages(page: Page, base_url: str) -> None:
    nn = search(page, base_url, "sjukmelde", "nn/")
    assert "Kongsberg karrieresenter" in nn
    assert page.locator("html").get_attribute("lang") == "nn"
    en = search(page, base_url, "sick leave", "en/")
    assert "Kongsberg karrieresenter" in en
    assert all("/en/" in href for href in page.locator("#search-results a").evaluate_all("a => a.map(x => x.href)"))


def test_stemming_finds_other_forms(page: Page, base_url: str) -> None:
    assert "Kongsberg karrieresenter" in search(page, base_url, "sykemeldt")
    assert "Kongsberg karrieresenter" in search(page, base_url, "sjukmeld", "nn/")


def test_a_query_typed_while_the_index_loads_is_not_lost(page: Page, base_url: str) -> None:
    """On a slow connection the reader types before Pagefind is ready; the query must still run."""
    held = []
    page.route("**/pagefind.js", lambda route: held.append(route))
    page.goto(f"{base_url}sok/", wait_until="domcontentloaded")
    page.get_by_role("searchbox").fill("Hallingdal")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    page.wait_for_function("() => document.querySelector('#search-status').textContent.length > 0")
    assert page.locator("#search-results h3").all_inner_texts()[0] == "Hallingdal karrieresenter"


def test_search_page_by_keyboard_only(page: Page, base_url: str) -> None:
    page.goto(base_url + "sok/")
    page.locator("#q").focus()
    page.keyboard.type("karriereveiledning")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#search-status').textContent.length > 0")
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the filters' summary
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('#search-status').textContent.length > 0")
    # Focus moves on through every control and reaches the results: no trap.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#search-results')"):
            break
    else:
        pytest.fail("the results cannot be reached by keyboard")


def test_home_search_box_leads_to_results(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_label("Søk etter senter, sted eller tilbud").fill("Gol")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#search-results h3').length > 0")
    assert page.locator("#search-results h3").first.inner_text() == "Hallingdal karrieresenter"


def test_without_javascript_search_says_so(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "sok/")
    text = pg.locator("main").inner_text()
    directory = pg.get_by_role("link", name="Alle karrieresentre").first.get_attribute("href")
    context.close()
    assert "Søket trenger JavaScript" in text
    assert directory.endswith("/sentre/")


def muni(page: Page, base: str, name: str, prefix: str = "") -> str:
    page.goto(f"{base}{prefix}kommune/")
    page.get_by_label("Kommune").fill(name)
    page.wait_for_function("() => document.querySelector('#muni-status').textContent.length > 0")
    return page.locator("#muni-results section").first.inner_text()


def test_gol_shows_hallingdal_first(page: Page, base_url: str) -> None:
    text = muni(page, base_url, "Gol")
    assert text.startswith("Gol (Buskerud)")
    assert text.index("Hallingdal karrieresenter") < text.index("Kongsberg karrieresenter")
    assert "Senter i kommunen" in text and "karriereveiledning.no" in text


def test_hole_shows_the_countys_centres_honestly(page: Page, base_url: str) -> None:
    text = muni(page, base_url, "Hole")
    assert text.startswith("Hole (Buskerud)")
    assert "Dataene sier ikke hvilket senter" in text
    for centre in ("Hallingdal", "Kongsberg", "Papirbredden", "Ringerike"):
        assert centre in text


@pytest.mark.parametrize("typed", ["Kautokeino", "Guovdageaidnu", "guovda", "karasjok", "Kárášjohka"])
def test_sami_and_kven_forms_are_found(page: Page, base_url: str, typed: str) -> None:
    text = muni(page, base_url, typed)
    assert "(Finnmark" in text
    assert "Dataene har ikke noe karrieresenter i drift i dette fylket." in text


def test_municipality_lists_work_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "kommune/")
    assert not pg.locator("#muni-form").is_visible()
    pg.get_by_role("link", name="Buskerud").click()
    row = pg.get_by_role("row", name="Gol").inner_text()
    context.close()
    assert "Hallingdal karrieresenter" in row


@pytest.mark.parametrize("lang", ["", "nn/", "en/"])
def test_axe_on_search_and_municipality_pages_in_use(page: Page, base_url: str, lang: str) -> None:
    search(page, base_url, "karriere", lang)
    page.locator(".search-filters summary").click()
    assert Axe().run(page, options=WCAG).violations_count == 0
    page.goto(f"{base_url}{lang}kommune/")
    page.locator("#muni").fill("Gol")
    page.wait_for_function("() => document.querySelector('#muni-status').textContent.length > 0")
    assert Axe().run(page, options=WCAG).violations_count == 0
    page.goto(f"{base_url}{lang}kommune/buskerud/")
    assert Axe().run(page, options=WCAG).violations_count == 0


def test_serving_rules() -> None:
    data_dir = ROOT / "data"
    import tempfile

    from karriere.model import load

    with tempfile.TemporaryDirectory() as tmp:
        assert pipeline.build(data_dir, Path(tmp) / "site") == []
        data = load(Path(tmp) / "site" / "data" / "datapackage.json")
        index = json.loads((Path(tmp) / "site" / "kommune" / "kommuner.json").read_text(encoding="utf-8"))
    by_number = {s.municipality.number: s for s in serving(data)}
    gol = by_number["3324"]
    assert gol.basis == "located" and [c.id for c in gol.local] == ["hallingdal"]
    assert sorted(c.id for c in gol.county_centres) == ["kongsberg", "papirbredden", "ringerike"]
    hole = by_number["3310"]
    assert hole.basis == "county" and hole.local == [] and len(hole.county_centres) == 4
    namsos = by_number["5007"]
    assert [c.id for c in namsos.local] == ["nord-trondelag"]  # one centre with a site in Namsos
    assert not by_number["5612"].local and not by_number["5612"].county_centres  # Finnmark: no centre
    assert len(index["municipalities"]) == len([v for v in data.registers.municipalities if v.valid_to is None])


def test_name_forms_and_folding() -> None:
    assert name_forms("Storfjord – Omasvuotna – Omasvuono") == ["Storfjord", "Omasvuotna", "Omasvuono"]
    assert name_forms("Aurskog-Høland") == ["Aurskog-Høland"]
    assert fold("Kárášjohka") == "karasjohka"
    assert fold("Tromsø") == "tromso"


def test_results_can_be_sorted_by_name(page: Page, base_url: str) -> None:
    search(page, base_url, "karriereveiledning")
    page.get_by_label("Sorter treffene").select_option("name")
    page.wait_for_function(
        "() => { const t = [...document.querySelectorAll('#search-results h3')].map(h => h.textContent);"
        " return t.length > 2 && t.every((x, i) => i === 0 || t[i - 1].localeCompare(x, 'nb') <= 0); }"
    )
    titles = page.locator("#search-results h3").all_inner_texts()
    assert len(titles) > 2  # the wait above fails unless they are in alphabetical order
