"""The yardsticks: Hugo and plain Pelican building the same number of pages from plain Markdown.

Each page is a Markdown file with a title and about as much text as a centre page (three short
paragraphs and a list), rendered through a minimal template. Neither peer validates data, computes
figures or indexes for search: they show what rendering pages costs in a fast static-site generator
(Hugo, Go) and in Pelican's own Markdown path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

PARAGRAPH = (
    "Syntetisk side {n} for ytelsesmåling. Karrieresenteret gir gratis karriereveiledning til voksne, "
    "individuelt og i grupper, på senteret, på telefon og på video. Denne teksten er laget av et program."
)
LIST = "\n".join(f"- Syntetisk tilbud {i}" for i in range(1, 11))


def _body(n: int) -> str:
    text = "\n\n".join(PARAGRAPH.format(n=n) for _ in range(3))
    return f"{text}\n\n## Tilbud\n\n{LIST}\n"


HTML = """<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1>{content}</main></body></html>
"""


def hugo_available() -> bool:
    return shutil.which("hugo") is not None


def write_hugo_site(folder: Path, pages: int) -> None:
    content = folder / "content" / "sider"
    content.mkdir(parents=True)
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "hugo.toml").write_text(
        'baseURL = "http://127.0.0.1/"\nlanguageCode = "nb"\ntitle = "Syntetisk"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n',
        encoding="utf-8",
    )
    single = HTML.format(title="{{ .Title }}", content="{{ .Content }}")
    (folder / "layouts" / "_default" / "single.html").write_text(single, encoding="utf-8")
    (folder / "layouts" / "_default" / "list.html").write_text(single, encoding="utf-8")
    for n in range(pages):
        (content / f"side-{n:05d}.md").write_text(
            f'---\ntitle: "Syntetisk side {n}"\n---\n\n{_body(n)}', encoding="utf-8"
        )


def time_hugo(folder: Path) -> float:
    out = folder / "public"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(["hugo", "--quiet", "--source", str(folder), "--destination", str(out)], check=True)
    return time.perf_counter() - started


PELICAN_CONF = """
PATH = "content"
THEME = "theme"
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
DIRECT_TEMPLATES = []
STATIC_PATHS = []
THEME_STATIC_PATHS = []
TIMEZONE = "Europe/Oslo"
DEFAULT_LANG = "nb"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = INDEX_SAVE_AS = ""
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
"""


def write_pelican_site(folder: Path, pages: int) -> None:
    content = folder / "content" / "pages"
    content.mkdir(parents=True)
    templates = folder / "theme" / "templates"
    templates.mkdir(parents=True)
    (folder / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    page = HTML.format(title="{{ page.title }}", content="{{ page.content }}")
    for name in ("page", "base", "index", "article"):
        (templates / f"{name}.html").write_text(page, encoding="utf-8")
    for n in range(pages):
        (content / f"side-{n:05d}.md").write_text(
            f"Title: Syntetisk side {n}\nSlug: side-{n:05d}\n\n{_body(n)}", encoding="utf-8"
        )


def time_pelican(folder: Path) -> float:
    out = folder / "output"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(folder / "content"),
            "-o",
            str(out),
            "-s",
            str(folder / "pelicanconf.py"),
            "-q",
        ],
        check=True,
        cwd=folder,
        capture_output=True,
    )
    return time.perf_counter() - started
