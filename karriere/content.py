"""Text written by people as Markdown: coordinators' narratives, the guides in docs/, the site's own pages.

Everything Markdown becomes is sanitised with an allow-list (no scripts, no styles, safe links only).
"""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import nh3

from karriere.i18n import LANGS, N_

log = logging.getLogger(__name__)

#: What Markdown written by people may become: text structure and links, never scripts or styles.
ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "abbr",
}
#: Headings may carry an id, so that a page can link to its sections (the about page's #meld-fra).
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "th": {"scope"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
}

#: Guides for coordinators, kept as Markdown in docs/ and also published on the site (in bokmål):
#: {slug: its title, translated where it is shown}.
DOCS = {
    "slik-oppdaterer-du-opplysningene": N_("Slik oppdaterer du opplysningene"),
    "feltreferanse": N_("Feltreferanse"),
}


def sanitise(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"})


def render_markdown(text: str) -> str:
    return sanitise(markdown.markdown(text, extensions=["tables"], output_format="html"))


def read_docs(folder: Path) -> dict[str, str]:
    """docs/<slug>.md as sanitised HTML, with links between the guides pointing at their pages."""
    out = {}
    for slug in DOCS:
        path = folder / f"{slug}.md"
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        if lines and lines[0].startswith("# "):
            text = "\n".join(lines[1:])  # the page template prints the title
        for other in DOCS:
            text = text.replace(f"]({other}.md", f"](../{other}/")
        out[slug] = render_markdown(text)
    return out


def read_narratives(folder: Path) -> dict[tuple[str, int], dict[str, str]]:
    """content/narratives/<county>/<year>.md (bokmål), <year>.nn.md, <year>.en.md."""
    out: dict[tuple[str, int], dict[str, str]] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*/*.md")):
        stem, _, lang = path.name.removesuffix(".md").partition(".")
        if not stem.isdigit() or (lang and lang not in LANGS):
            log.warning("ignoring %s: name it <year>.md, <year>.nn.md or <year>.en.md", path)
            continue
        out.setdefault((path.parent.name, int(stem)), {})[lang or "nb"] = render_markdown(
            path.read_text(encoding="utf-8")
        )
    return out
