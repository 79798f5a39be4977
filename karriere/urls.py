"""Where every page lives. One place for URL rules; templates never build a URL themselves.

Bokmål pages live at the root, nynorsk under nn/ and English under en/, with the same path after
the prefix, so the language switch leads to the same page in the other language.
"""

from __future__ import annotations

from karriere.i18n import NP_

PREFIX = {"nb": "", "nn": "nn/", "en": "en/"}


def _slug(term_id: str) -> str:
    return term_id.replace("_", "-")


def home(lang: str) -> str:
    return PREFIX[lang]


def directory(lang: str) -> str:
    return f"{PREFIX[lang]}sentre/"


def by_offering(lang: str, term_id: str) -> str:
    return f"{PREFIX[lang]}sentre/tilbud/{_slug(term_id)}/"


def by_target_group(lang: str, term_id: str) -> str:
    return f"{PREFIX[lang]}sentre/malgruppe/{_slug(term_id)}/"


def centre(lang: str, centre_id: str) -> str:
    return f"{PREFIX[lang]}senter/{centre_id}/"


def counties(lang: str) -> str:
    return f"{PREFIX[lang]}fylke/"


def county(lang: str, county_id: str) -> str:
    return f"{PREFIX[lang]}fylke/{county_id}/"


def report(lang: str, county_id: str, year: int) -> str:
    return f"{PREFIX[lang]}fylke/{county_id}/{year}/"


def report_csv(lang: str, county_id: str, year: int) -> str:
    return f"{report(lang, county_id, year)}nokkeltall-{county_id}-{year}.csv"


def national_index(lang: str) -> str:
    return f"{PREFIX[lang]}nokkeltall/"


def national(lang: str, year: int) -> str:
    return f"{PREFIX[lang]}nokkeltall/{year}/"


def page(lang: str, slug: str) -> str:
    return f"{PREFIX[lang]}{slug}/"


def save_as(url: str) -> str:
    """The file a URL is written to."""
    return url + "index.html" if url.endswith("/") or url == "" else url


def navigation() -> dict[str, list[tuple[tuple[str, str], str]]]:
    """The main menu in each language: ((context, label), URL), the label translated where it is shown."""
    return {
        lang: [
            (NP_("menu", "Forside"), home(lang)),
            (NP_("menu", "Sentre"), directory(lang)),
            (NP_("menu", "Fylker"), counties(lang)),
            (NP_("menu", "Nøkkeltall"), national_index(lang)),
            (NP_("menu", "Søk"), search(lang)),
            (NP_("menu", "Om nettstedet"), page(lang, "om")),
        ]
        for lang in PREFIX
    }


def footer() -> dict[str, list[tuple[tuple[str, str], str]]]:
    return {
        lang: [
            (NP_("footer", "Om nettstedet"), page(lang, "om")),
            (NP_("footer", "Tilgjengelighetserklæring"), page(lang, "tilgjengelighet")),
            (NP_("footer", "Personvern"), page(lang, "personvern")),
            (NP_("footer", "Åpne data"), open_data(lang)),
        ]
        for lang in PREFIX
    }


def search(lang: str) -> str:
    return f"{PREFIX[lang]}sok/"


def municipalities(lang: str, county_id: str | None = None) -> str:
    return f"{PREFIX[lang]}kommune/" + (f"{county_id}/" if county_id else "")


def municipality_data(lang: str) -> str:
    return f"{PREFIX[lang]}kommune/kommuner.json"


def search_bundle() -> str:
    """Where Pagefind writes its bundle (one for all languages)."""
    return "pagefind/"


def open_data(lang: str, table: str | None = None) -> str:
    return f"{PREFIX[lang]}apne-data/" + (f"{table.replace('_', '-')}/" if table else "")


#: Published files, the same for every language.
DATA_FOLDER = "data/"
DATA_PACKAGE = "data/datapackage.json"
HSDS_JSON = "data/hsds/json/services.json"
HSDS_TABULAR = "data/hsds/tabular/datapackage.json"
