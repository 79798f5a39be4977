"""Nothing published that no source says: each fact with its own date, statuses and counts with their
year, figures compared only when they are comparable, no total the sources do not support.

The tiny fixture has one centre in operation (Gol, whose web address is from 2010), one that closed
in 2014 and one only planned in 2010; two reports from different sources. The real site is checked
for what holds for any valid data.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

YEAR = re.compile(r"\b(19|20)[0-9]{2}\b")


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html5lib")


def test_a_fact_is_dated_with_its_own_date_not_its_records(fixture_site: Path) -> None:
    gol = page(fixture_site, "senter/gol")
    contact = gol.find("section", attrs={"aria-labelledby": "contact"}).get_text(" ", strip=True)
    assert "oppgitt i kilden fra desember 2010" in contact  # the web address's own date
    assert "november 2017" not in contact  # the record's as_of
    organisation = gol.find("section", attrs={"aria-labelledby": "organisation"}).get_text(" ", strip=True)
    assert "fra desember 2010, Evaluererne 2014, 7.4" in organisation
    footer = gol.find("section", class_="record-footer").get_text(" ", strip=True)
    assert "Opplysninger med egen dato eller kilde" in footer and "Nettside" in footer


def test_statuses_carry_their_year_everywhere(fixture_site: Path) -> None:
    assert page(fixture_site, "senter/gol").select_one("p.meta .status").get_text() == "I drift i 2017"
    assert page(fixture_site, "senter/ringerike").select_one("p.meta .status").get_text() == "Nedlagt i 2014"
    assert page(fixture_site, "senter/drammen").select_one("p.meta .status").get_text() == "Planlagt i 2010"
    assert page(fixture_site, "en/senter/drammen").select_one("p.meta .status").get_text() == "Planned in 2010"
    for path in ("sentre", "fylke/buskerud"):
        badges = [b.get_text() for b in page(fixture_site, path).select(".status")]
        assert sorted(badges) == ["I drift i 2017", "Nedlagt i 2014", "Planlagt i 2010"], path


def test_counts_count_centres_in_operation_and_say_when(fixture_site: Path) -> None:
    home = page(fixture_site, "").find("section", attrs={"aria-labelledby": "counties"}).get_text(" ", strip=True)
    assert "Buskerud 1 senter i drift (2017); 2 planlagt eller nedlagt" in home
    county = page(fixture_site, "fylke/buskerud")
    lists = county.find("section", attrs={"aria-labelledby": "centres"})
    assert [h.get_text() for h in lists.find_all("h3")] == ["Planlagt", "Nedlagt", "Antall sentre ifølge kildene"]
    counts = [[td.get_text(" ", strip=True) for td in tr.find_all(["th", "td"])] for tr in lists.select("tbody tr")]
    assert counts[1][:2] == ["2014", "2"] and "Tabell 3.1" in counts[1][2]


def test_a_closed_centre_is_not_presented_as_current(fixture_site: Path) -> None:
    closed = page(fixture_site, "senter/ringerike")
    assert closed.find("h2", id="offer").get_text() == "Hva senteret tilbød"
    contact = closed.find("section", attrs={"aria-labelledby": "contact"})
    assert contact.find("a", href="https://karriere.test/ringerike") is None  # shown, not offered as a link
    assert "Senteret er nedlagt" in contact.get_text()


def test_figures_from_different_sources_stand_side_by_side_without_a_change(fixture_site: Path) -> None:
    report = page(fixture_site, "fylke/buskerud/2017")
    change = report.find("section", attrs={"aria-labelledby": "change"})
    assert change.find("table", class_="figures").find("caption").get_text().startswith("Tall fra ulike kilder")
    text = change.get_text(" ", strip=True)
    assert "Evaluererne 2014" in text and "Testene 2017" in text
    assert "%" not in text  # no change in per cent between them


def test_no_sum_under_a_column_that_is_not_a_sum(fixture_site: Path, site: Path) -> None:
    contributors = page(fixture_site, "fylke/buskerud/2017").find("section", attrs={"aria-labelledby": "contributors"})
    total = contributors.find("tfoot").find_all("td")
    assert total[1].get_text() == "2\u00a0469\u00a0000\u00a0kr" and total[2].get_text() == total[3].get_text() == ""
    for national in site.glob("nokkeltall/*/index.html"):
        doc = BeautifulSoup(national.read_text(encoding="utf-8"), "html5lib")
        assert doc.find("tfoot") is None, national  # the counties' figures are never added up


def test_every_status_on_the_real_site_has_its_year(site: Path, soups) -> None:
    badges = [(path, b.get_text()) for path, doc in soups.items() for b in doc.select(".status")]
    assert badges
    assert [(p, text) for p, text in badges if not YEAR.search(text)] == []


def test_the_home_pages_statements_say_where_they_come_from(site: Path) -> None:
    who = page(site, "").find("section", attrs={"aria-labelledby": "who"}).get_text(" ", strip=True)
    assert "Proba samfunnsanalyse og Damvad 2014" in who
    assert "henvisning" not in who  # no source says it
