"""schema.org JSON-LD on centre pages, processed as JSON-LD (offline: schema.org's context is stubbed)."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from pyld import jsonld

from tests.conftest import package_rows

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = "https://schema.org/"
#: Properties Google and schema.org accept on a GovernmentOffice and its PostalAddress / AdministrativeArea.
ALLOWED = {
    "GovernmentOffice": {"name", "url", "description", "address", "areaServed", "telephone", "email", "sameAs"},
    "PostalAddress": {"addressCountry", "addressRegion", "addressLocality", "streetAddress", "postalCode"},
    "AdministrativeArea": {"name"},
}
NEVER = {"aggregateRating", "review", "ratingValue"}


def offline_loader(url: str, options=None) -> dict:
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def expanded_nodes(doc: dict) -> list[dict]:
    jsonld.set_document_loader(offline_loader)
    flat = jsonld.flatten(doc)
    # pyld returns either a list of nodes or {"@context": …, "@graph": [...]}.
    return flat if isinstance(flat, list) else flat["@graph"]


def local(iri: str) -> str:
    assert iri.startswith(SCHEMA), iri
    return iri.removeprefix(SCHEMA)


def test_every_centre_page_has_valid_government_office_jsonld(site: Path) -> None:
    pages = sorted(site.glob("*/senter/*/index.html")) + sorted(site.glob("senter/*/index.html"))
    centres = {r["id"] for r in package_rows(site, "centres")}
    assert len(pages) == len(centres) * 3 and {p.parent.name for p in pages} == centres
    for path in pages:
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        scripts = doc.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, path
        data = json.loads(scripts[0].string)
        nodes = expanded_nodes(data)
        types = {local(t) for node in nodes for t in node.get("@type", [])}
        assert "GovernmentOffice" in types and "PostalAddress" in types, path
        for node in nodes:
            for node_type in node.get("@type", []):
                properties = {local(k) for k in node if not k.startswith("@")}
                assert properties <= ALLOWED[local(node_type)], (path, node_type, properties)
                assert not properties & NEVER
        office = next(n for n in nodes if SCHEMA + "GovernmentOffice" in n["@type"])
        assert office[SCHEMA + "url"][0]["@value"].endswith(str(path.parent.relative_to(site)) + "/")


def test_the_jsonld_says_the_status_with_its_year(site: Path) -> None:
    for path in sorted(site.glob("senter/*/index.html")):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
        data = json.loads(doc.find("script", type="application/ld+json").string)
        badge = doc.select_one("p.meta .status").get_text()
        assert data["description"] == badge and any(ch.isdigit() for ch in badge), path
