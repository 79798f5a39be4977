"""Fixtures shared by the whole suite: the tiny valid data set, and the real data's site, built once per
test session, parsed once, served once, and opened in one Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
VALID = TESTS / "fixtures" / "valid"
DATA = ROOT / "data"
CHROMIUM = "/usr/bin/chromium"
#: Chromium as this machine runs it headless: no background connections (the network is closed).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def valid_data(tmp_path: Path) -> Path:
    """A writable copy of the tiny valid dataset."""
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target


@pytest.fixture(scope="session", autouse=True)
def _local_site_address():
    """Build as a local preview in every test, also inside GitHub Actions (which sets GITHUB_REPOSITORY);
    tests that need a published address set it themselves."""
    names = (
        "GITHUB_REPOSITORY",
        "GITHUB_ACTIONS",
        "GITHUB_STEP_SUMMARY",
        "KARRIERE_SITE_URL",
        "KARRIERE_REPOSITORY_URL",
    )
    saved = {name: os.environ.pop(name) for name in names if name in os.environ}
    # Pages are built for a fixed date (reproducible builds), so a test never depends on the day it runs.
    previous_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1795737600"  # 2026-11-27
    yield
    os.environ.update(saved)
    if previous_epoch is None:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = previous_epoch


def real_data() -> Path:
    """The data the real-data tests run over: data/, or the folder KARRIERE_TEST_DATA names (a test
    runs them over a copy of data/ with a coordinator's ordinary edits made in it)."""
    return Path(os.environ.get("KARRIERE_TEST_DATA", DATA))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, _local_site_address) -> Path:
    """The real data's site, built once for the whole session. Tests read it; none may change it."""
    from karriere import pipeline

    out = tmp_path_factory.mktemp("real-site") / "output"
    assert pipeline.build(real_data(), out) == []
    return out


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, _local_site_address) -> Path:
    """The tiny valid dataset's site (tests/fixtures/valid), built once: tests that need exact records
    (a centre in Gol, a closed one in Ringerike, a county with no centre) look here, never at data/."""
    from karriere import pipeline

    out = tmp_path_factory.mktemp("fixture-site") / "output"
    assert pipeline.build(VALID, out) == []
    return out


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    """The fixture site served over HTTP on a free port."""
    server, url = serve_folder(fixture_site)
    yield url
    server.shutdown()
    server.server_close()


def package_rows(site: Path, table: str) -> list[dict[str, str]]:
    """The rows of one table of a built site's data package."""
    import csv

    with (site / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def real_pages(site: Path) -> dict[str, str]:
    """One page of each kind, chosen from whatever the real data holds (the first by id), so that tests
    of every kind of page never name a record a coordinator may change."""
    centres = sorted(r["id"] for r in package_rows(site, "centres"))
    sites = sorted({r["centre"] for r in package_rows(site, "centre_locations")})
    reports = sorted((r["county"], r["year"]) for r in package_rows(site, "reports"))
    national = sorted({r["year"] for r in package_rows(site, "national_reports")})
    today = sorted(r["county"] for r in package_rows(site, "county_versions") if not r["valid_to"])
    former = sorted({r["county"] for r in package_rows(site, "county_versions")} - set(today))
    years = sorted({year for _, year in reports})
    return {
        "home": "",
        "directory": "sentre/",
        "directory-filter": "sentre/tilbud/individual-guidance/",
        "centre": f"senter/{centres[0]}/",
        "centre-several-sites": f"senter/{(sites or centres)[0]}/",
        "counties": "fylke/",
        "county": f"fylke/{today[0]}/",
        "former-county": f"fylke/{(former or today)[0]}/",
        "report": f"fylke/{reports[-1][0]}/{reports[-1][1]}/",
        "report-first": f"fylke/{reports[0][0]}/{reports[0][1]}/",
        "national": f"nokkeltall/{years[0]}/",
        "national-survey": f"nokkeltall/{(national or years)[0]}/",
        "national-index": "nokkeltall/",
        "about": "om/",
        "accessibility": "tilgjengelighet/",
        "privacy": "personvern/",
        "open-data": "apne-data/",
        "guide": "slik-oppdaterer-du-opplysningene/",
        "field-reference": "feltreferanse/",
        "municipalities": "kommune/",
        "municipalities-by-county": f"kommune/{today[0]}/",
        "search": "sok/",
        "not-found": "404.html",
    }


@pytest.fixture(scope="session")
def soups(site: Path) -> dict[Path, BeautifulSoup]:
    """Every page of the real site parsed once with a spec-compliant HTML parser (html5lib)."""
    return {path: BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib") for path in sorted(site.rglob("*.html"))}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve_folder(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The real site served over HTTP on a free port."""
    server, url = serve_folder(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is required (apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
