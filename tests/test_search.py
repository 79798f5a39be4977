"""Search (Pagefind) and the municipality finder, in Debian's Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from karriere.finder import fold, name_forms, serving
from tests.test_browser import WCAG

ROOT = Path(__file__).resolve().parent.parent


def search(page: Page, base: str, query: str, lang_prefix: str = "") -> list[str]:
    page.goto(f"{base}{lang_prefix}sok/")
    page.get_by_role("searchbox").fill(query)
    page.wait_for_function("() => document.querySelector('#search-status').textContent.length > 0")
    return page.locator("#search-results h3").all_inner_texts()


@pytest.mark.parametrize("query", ["Testsenter Gol", "Gol", "Hallingdal", "gol"])
def test_a_name_or_town_puts_that_centre_first(page: Page, fixture_url: str, query: str) -> None:
    assert search(page, fixture_url, query)[0] == "Testsenter Gol"


def test_an_offering_or_group_finds_centres(page: Page, fixture_url: str) -> None:
    assert "Testsenter Gol" in search(page, fixture_url, "gruppeveiledning")
    assert "Testsenter Gol" in search(page, fixture_url, "voksne")


def test_a_filter_narrows_to_one_county(page: Page, base_url: str) -> None:
    search(page, base_url, "karriereveiledning")
    page.get_by_text("Avgrens søket").click()
    box = page.get_by_role("group", name="Fylke").get_by_role("checkbox").first  # whichever county has centres
    county = page.locator(f"label[for='{box.get_attribute('id')}']").inner_text()
    box.check()
    page.wait_for_function(
        "county => [...document.querySelectorAll('#search-results .meta')].every(p => p.textContent.includes(county))",
        arg=county,
    )
    metas = page.locator("#search-results .meta").all_inner_texts()
    assert metas and all(county in m for m in metas)
    assert page.locator("#search-status").get_attribute("aria-live") == "polite"


def test_nynorsk_and_english_queries_on_their_pages(page: Page, fixture_url: str) -> None:
    assert "Testsenter Gol" in search(page, fixture_url, "vaksne", "nn/")
    assert page.locator("html").get_attribute("lang") == "nn"
    assert "Testsenter Gol" in search(page, fixture_url, "adults", "en/")
    assert all("/en/" in href for href in page.locator("#search-results a").evaluate_all("a => a.map(x => x.href)"))


def test_stemming_finds_other_forms(page: Page, fixture_url: str) -> None:
    assert "Testsenter Gol" in search(page, fixture_url, "voksen")
    assert "Testsenter Gol" in search(page, fixture_url, "vaksen", "nn/")


def test_a_query_typed_while_the_index_loads_is_not_lost(page: Page, fixture_url: str) -> None:
    """On a slow connection the reader types before Pagefind is ready; the query must still run."""
    held = []
    page.route("**/pagefind.js", lambda route: held.append(route))
    page.goto(f"{fixture_url}sok/", wait_until="domcontentloaded")
    page.get_by_role("searchbox").fill("Gol")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    page.wait_for_function("() => document.querySelector('#search-status').textContent.length > 0")
    assert page.locator("#search-results h3").all_inner_texts()[0] == "Testsenter Gol"


#: Real places across today's 15 counties, typed as residents type them (with and without æøå, old names
#: and numbers, Sámi forms), in bokmål and nynorsk. Places are facts of the registers; what the first
#: result must be is computed from the data as the finder answers it (the centre for that municipality,
#: else its county), so that no coordinator's edit can make this test wrong.
PLACES = [
    ("", "Halden"),
    ("nn/", "Fredrikstad"),
    ("", "Lillestrøm"),
    ("nn/", "Skedsmo"),
    ("", "Oslo"),
    ("nn/", "Hamar"),
    ("", "Lillehammer"),
    ("", "Drammen"),
    ("nn/", "Gol"),
    ("", "Tønsberg"),
    ("nn/", "Skien"),
    ("", "Arendal"),
    ("nn/", "Kristiansand"),
    ("", "Stavanger"),
    ("nn/", "Haugesund"),
    ("", "Bergen"),
    ("nn/", "Førde"),
    ("nn/", "Stad"),
    ("", "Molde"),
    ("nn/", "Ålesund"),
    ("", "Trondheim"),
    ("nn/", "Steinkjer"),
    ("", "Bodø"),
    ("nn/", "Bodo"),
    ("", "Narvik"),
    ("nn/", "Tromsø"),
    ("", "Tromso"),
    ("", "Alta"),
    ("nn/", "Kautokeino"),
    ("", "Guovdageaidnu"),
    ("nn/", "Vadsø"),
    ("", "0602"),
]


def expected_first(servings, query: str) -> str:
    """The finder's answer for *query*: today's name, form or number first, then a former one."""
    q = fold(query)
    today = [s for s in servings if q == s.municipality.number or q in map(fold, name_forms(s.municipality.name))]
    former = [s for s in servings for f in s.former if q == f.number or q in map(fold, name_forms(f.name))]
    s = (today or former)[0]
    return s.local[0].name if s.local else s.county.name


@pytest.fixture(scope="module")
def real_servings(site: Path):
    from karriere.model import load

    return serving(load(site / "data" / "datapackage.json"))


@pytest.mark.parametrize(("prefix", "query"), PLACES)
def test_a_place_is_answered_with_that_place_first(
    page: Page, base_url: str, real_servings, prefix: str, query: str
) -> None:
    first = search(page, base_url, query, prefix)[0]
    assert first == expected_first(real_servings, query)


def test_a_former_name_says_what_it_is_now(page: Page, fixture_url: str) -> None:
    assert search(page, fixture_url, "0617")[0] == "Testsenter Gol"
    assert page.locator("#search-notes").inner_text() == (
        "0617 var kommunenummeret til Gol til og med 2019. I dag: Gol (Buskerud)."
    )
    assert search(page, fixture_url, "Guovdageaidnu")[0] == "Finnmark - Finnmárku - Finmarkku"


def test_excerpts_keep_their_spaces(page: Page, base_url: str, soups, site: Path) -> None:
    """Every word of an excerpt is a word of its page: none run together ("Tromsog", "TallVerdi")."""
    words = re.compile(r"[\w-]+")
    for query in ("Innlandet", "Tromso", "Vestland"):
        search(page, base_url, query)
        for result in page.locator("#search-results li").all()[:6]:
            excerpt = result.locator(".excerpt")
            if not excerpt.count():
                continue
            path = result.locator("h3 a").get_attribute("href").split("#")[0]
            text = soups[site / path.strip("/") / "index.html"].find("main").get_text(" ")
            known = set(words.findall(text))
            assert set(words.findall(excerpt.inner_text())) <= known, (query, path, excerpt.inner_text())


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


def test_home_search_box_leads_to_results(page: Page, fixture_url: str) -> None:
    page.goto(fixture_url)
    page.get_by_label("Søk etter senter, sted eller tilbud").fill("Gol")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#search-results h3').length > 0")
    assert page.locator("#search-results h3").first.inner_text() == "Testsenter Gol"


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


def test_gol_shows_its_centre_first(page: Page, fixture_url: str) -> None:
    text = muni(page, fixture_url, "Gol")
    assert text.startswith("Gol (Buskerud)")
    assert "Senteret som betjener kommunen" in text and "Testsenter Gol" in text
    assert "karriereveiledning.no" in text


def test_a_municipality_without_a_centre_of_its_own_shows_the_countys_honestly(page: Page, fixture_url: str) -> None:
    text = muni(page, fixture_url, "Drammen")  # the fixture's Drammen centre was only planned
    assert text.startswith("Drammen (Buskerud)")
    assert "Dataene sier ikke hvilket senter" in text
    assert "Testsenter Gol" in text and "Testsenter Drammen" not in text


@pytest.mark.parametrize("typed", ["Kautokeino", "Guovdageaidnu", "guovda", "2011", "5430"])
def test_sami_forms_and_old_numbers_are_found(page: Page, fixture_url: str, typed: str) -> None:
    text = muni(page, fixture_url, typed)
    assert "(Finnmark - Finnmárku - Finmarkku)" in text
    assert "Dataene har ikke noe karrieresenter i drift i dette fylket." in text


def test_an_old_number_says_what_it_is_now(page: Page, fixture_url: str) -> None:
    muni(page, fixture_url, "0602")
    note = page.locator(".former-note").first.inner_text()
    assert note == "0602 var kommunenummeret til Drammen til og med 2019. I dag: Drammen (Buskerud)."


def test_municipality_lists_work_without_javascript(browser: Browser, fixture_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(fixture_url + "kommune/")
    assert not pg.locator("#muni-form").is_visible()
    pg.get_by_role("link", name="Buskerud").click()
    row = pg.get_by_role("row", name=re.compile(r"^Gol \(")).inner_text()
    context.close()
    assert "Testsenter Gol" in row


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


def test_serving_rules(fixture_site: Path) -> None:
    from karriere.model import load

    data = load(fixture_site / "data" / "datapackage.json")
    index = json.loads((fixture_site / "kommune" / "kommuner.json").read_text(encoding="utf-8"))
    by_number = {s.municipality.number: s for s in serving(data)}
    gol = by_number["3324"]  # Gol today; the record names "0617", its number until 2019
    assert gol.basis == "service_area" and [c.id for c in gol.local] == ["gol"] and gol.county_centres == []
    drammen = by_number["3301"]  # only a planned centre: the county's centres in operation instead
    assert drammen.basis == "county" and drammen.local == [] and [c.id for c in drammen.county_centres] == ["gol"]
    kautokeino = by_number["5612"]
    assert not kautokeino.local and not kautokeino.county_centres
    assert [(f.name, f.number, f.until) for f in kautokeino.former] == [
        ("Guovdageaidnu - Kautokeino", "2011", 2019),
        ("Guovdageaidnu - Kautokeino", "5430", 2023),
    ]
    assert len(index["municipalities"]) == len(by_number) == 5  # the fixture's municipalities of today
    assert {entry[0] for entry in index["former"]} == {
        "0602",
        "0605",
        "0617",
        "1702",
        "2011",
        "3005",
        "3007",
        "3041",
        "5004",
        "5430",
    }


def test_every_municipality_of_today_is_answered(site: Path) -> None:
    """Whatever the data holds: the finder knows every municipality of today and every name and number
    since 2017, and each answer names the county the municipality is in today."""
    from karriere.model import load

    data = load(site / "data" / "datapackage.json")
    index = json.loads((site / "kommune" / "kommuner.json").read_text(encoding="utf-8"))
    today = {v.number for v in data.registers.municipalities if v.valid_to is None}
    assert {entry[0] for entry in index["municipalities"]} == today
    numbers = {v.number for v in data.registers.municipalities} - today
    assert numbers <= {entry[0] for entry in index["former"]}


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
