"""Pelican settings. Project settings live in karriere/settings.py; this file only wires them in."""

from karriere import i18n, site, urls
from karriere.settings import from_environment

_site = from_environment()

SITENAME = "Karrieresentre i Norge"
SITEURL = _site.site_url
PATH = "content"
THEME = "theme"
THEME_STATIC_DIR = "theme"
DEFAULT_LANG = i18n.DEFAULT_LANG
TIMEZONE = "Europe/Oslo"

# The plugin that renders the data; registered explicitly.
PLUGINS = [site]
# Set by the build: the validated package the generator reads.
KARRIERE_PACKAGE = "output/data/datapackage.json"

# Only pages (about, accessibility, privacy) come from content/; narratives are read by the plugin.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
DIRECT_TEMPLATES: list[str] = []
for _kind in (
    "ARTICLE",
    "ARTICLE_LANG",
    "DRAFT",
    "DRAFT_LANG",
    "DRAFT_PAGE",
    "DRAFT_PAGE_LANG",
    "CATEGORY",
    "TAG",
    "AUTHOR",
    "YEAR_ARCHIVE",
    "MONTH_ARCHIVE",
    "DAY_ARCHIVE",
):
    globals()[f"{_kind}_SAVE_AS"] = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = INDEX_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
# A Markdown page's first paragraph is its description.
SUMMARY_MAX_PARAGRAPHS = 1
SLUGIFY_SOURCE = "basename"

# Deterministic output: no dates from the file system, no caching between builds.
DEFAULT_DATE = (2026, 1, 1)
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False

# Autoescape everything: text from data can never become markup.
# The site's own words come from gettext catalogs (karriere/i18n.py, installed on each generator's environment).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "extensions": ["jinja2.ext.i18n"]}
JINJA_FILTERS = site.JINJA_FILTERS
JINJA_GLOBALS = {
    "LANGUAGE_NAMES": i18n.LANGUAGE_NAMES,
    "LANGS": i18n.LANGS,
    "SITE": _site,
    "NAV": urls.navigation(),
    "FOOTER": urls.footer(),
    "NATIONAL_SERVICE_URL": "https://karriereveiledning.no/",
}

# Only Markdown is read from content/ (no reStructuredText, no raw HTML files).
READERS = {"rst": None, "html": None, "htm": None}
MARKDOWN = {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html"}
